"""PLOVER JSON lines: one record per event cluster, in the field names of the PLOVER manual.

The PLOVER manual ("Event, Actor and Data Interchange Specification", chapter *JSON Data Fields*)
names the fields of an event record; tidings fills those it knows, adds the flat column names
event-data tables commonly use (``event_id``, ``event_date``, ``event_type``, ``quad_class``,
``goldstein``) as aliases, and puts what PLOVER has no field for under clearly named extras.

==========================  ====================================================================
field                       value
==========================  ====================================================================
``id`` · ``event_id``       the event cluster's key (one real-world event, however many articles)
``date`` · ``event_date``   ``YYYY-MM-DD``: the day, or the **first day** of the week, month,
                            quarter or year when the text gives only that (``date_precision``
                            says which); ``null`` when the date is unknown. Never the
                            publication day of a background event.
``enddate``                 ``YYYY-MM-DD`` first day of the latest date among the mentions, when
                            later than ``date``; else ``null``
``event`` · ``event_type``  ``["CONSULT"]`` (the manual's list) · ``"CONSULT"``
``mode`` · ``context``      lists of the PLOVER mode (empty when none) and contexts
``quad_code`` · ``quad_class``  1 verbal cooperation … 4 material conflict
``event_scale`` · ``goldstein`` the CAMEO code's Goldstein score (−10 … 10)
``source`` · ``recipient``  lists of actor objects (empty when the text names none):
                            ``code`` (ISO 3166-1 alpha-3 country, else the organisation code such
                            as ``NATO``), ``sector`` (``GOV``, ``MIL``, ``IGO`` …), ``actor_text``
                            (the words in the sentence; ``entity_text`` is the same value),
                            ``identifier_id`` (Wikidata id when known, else ``null``),
                            ``identifier_text`` (canonical name); extras ``actor_id`` (tidings
                            knowledge-base id), ``country``, ``org``, ``actor_code`` (GDELT-style
                            ``RUSGOV``)
``event_loc``               GeoNames-style location object (``geonameid``, ``name``,
                            ``latitude``, ``longitude``, ``cc3``, ``feature_class``) or ``null``
``event_text``              ``[sentence]``: the sentence of the first mention
``text_info``               ``{"sequence", "start", "end"}``: that sentence's index and character
                            offsets in the story text
``cite_info``               ``{"citation" (story id), "url", "title", "publication" (source),
                            "language", "coder", "codebook"}``
``coder`` · ``coded_date``  ``tidings <version>`` · day the story was stored
==========================  ====================================================================

tidings's extras (not in the manual): ``cameo`` (CAMEO code), ``date_text`` (the date as the text
gives it: ``2008``, ``2021-06``, ``2021-W51``), ``date_precision`` (``day`` · ``week`` · ``month`` ·
``quarter`` · ``year`` · ``unknown``), ``status`` (``asserted`` · ``negated`` · ``future`` ·
``hypothetical``), ``historical`` (true for background events), ``confidence`` (0–1),
``evidence`` (the lexicon pattern or rule behind the event), ``trigger`` (the trigger words),
``story_id``, ``story_date`` (publication day), ``num_mentions``, ``num_articles``, ``num_sources``.

``pandas.read_json(path, lines=True)`` reads the file; ``pandas.to_datetime`` reads ``event_date``
(``NaT`` for unknown dates).
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from tidings import __version__
from tidings.export.job import ExportJob
from tidings.storage import exports as store_rows
from tidings.storage.mapping import period_start

CODER = f"tidings {__version__}"
CODEBOOK = "plover (tidings ontology tables: resources/data/ontology)"
#: GeoNames feature class of tidings's place features.
FEATURE_CLASS = {"city": "P", "admin1": "A", "country": "A", "region": "L", "water": "H"}


def _actors(row: Mapping[str, Any], role: str) -> list[dict[str, Any]]:
    """The PLOVER actor list of ``role`` (``actor`` → source, ``recipient``): one actor, or none."""
    text, name = row[f"{role}_text"], row[f"{role}_name"]
    country, org, sector = row[f"{role}_country"], row[f"{role}_org"], row[f"{role}_sector"]
    if not text and not any((name, country, org, sector)):
        return []
    return [{"code": country or org, "sector": sector, "actor_text": text, "entity_text": text,
             "identifier_id": row[f"{role}_wikidata"], "identifier_text": name,
             "actor_id": row[f"{role}_actor_id"], "country": country, "org": org, "actor_code": row[f"{role}_code"]}]


def _location(row: Mapping[str, Any]) -> dict[str, Any] | None:
    if not (row["location_name"] or row["location_country"]):
        return None
    feature = row["location_feature"]
    return {"geonameid": row["location_geonames_id"], "name": row["location_name"],
            "latitude": row["location_lat"], "longitude": row["location_lon"], "cc3": row["location_country"],
            "feature_class": FEATURE_CLASS.get(feature or ""), "admin1": row["location_admin1"]}


def event_dates(row: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """(date, enddate) as ``YYYY-MM-DD``: first days of the cluster's earliest and latest dates."""
    if not row["date"] or row["date_precision"] == "unknown":
        return None, None
    first = row["day"] or period_start(row["date"])
    last = period_start(row["date_last"]) if row["date_last"] else None
    return first, (last if last and first and last > first else None)


def plover_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """The PLOVER record of an event cluster row (``storage.exports.export_clusters``)."""
    day, end = event_dates(row)
    context = json.loads(row["context"] or "[]")
    ingested = row["ingested_at"]
    return {
        # the PLOVER manual's fields
        "id": str(row["pk"]), "date": day, "enddate": end,
        "source": _actors(row, "actor"), "recipient": _actors(row, "recipient"),
        "event": [row["type"]], "mode": [row["mode"]] if row["mode"] else [], "context": context,
        "quad_code": row["quad_class"], "event_scale": row["goldstein"],
        "event_loc": _location(row), "event_text": [row["sentence"]] if row["sentence"] else [],
        "text_info": {"sequence": row["sentence_index"], "start": row["sentence_start"], "end": row["sentence_end"]},
        "cite_info": {"citation": row["article_id"], "url": row["url"], "title": row["title"],
                      "publication": row["source"], "language": row["language"], "coder": CODER,
                      "codebook": CODEBOOK},
        "coder": CODER, "coded_date": ingested[:10] if ingested else None,
        # flat column names of event-data tables
        "event_id": str(row["pk"]), "event_date": day, "event_type": row["type"],
        "quad_class": row["quad_class"], "goldstein": row["goldstein"],
        # tidings's extras
        "cameo": row["cameo"], "date_text": row["date"], "date_precision": row["date_precision"] or "unknown",
        "status": row["status"], "historical": bool(row["historical"]), "confidence": row["confidence"],
        "evidence": row["evidence"], "trigger": row["trigger_text"],
        "story_id": row["article_id"], "story_date": row["published"],
        "num_mentions": row["num_mentions"], "num_articles": row["num_articles"], "num_sources": row["num_sources"],
    }


def write_jsonl(job: ExportJob, out) -> tuple[int, int]:
    """PLOVER JSON lines: one record per event cluster (undated ones included, with a null date)."""
    count = 0
    for row in store_rows.export_clusters(job.store, job.filters, job.limit):
        out.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
        count += 1
    return count, 0
