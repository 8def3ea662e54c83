"""PLOVER/POLECAT-style JSON lines: one record per event cluster, with the story it was first read in."""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


def _party(row: Mapping[str, Any], role: str) -> dict[str, Any] | None:
    text = row[f"{role}_text"]
    fields = {k: row[f"{role}_{k}"] for k in ("name", "country", "sector", "org", "code")}
    if not text and not any(fields.values()):
        return None
    return {"text": text, "actor_id": row[f"{role}_actor_id"], **fields}


def plover_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """The PLOVER record of an event cluster row (``storage.exports.export_clusters``)."""
    location = None
    if row["location_name"] or row["location_country"]:
        location = {"name": row["location_name"], "country": row["location_country"], "lat": row["location_lat"],
                    "lon": row["location_lon"], "geonames_id": row["location_geonames_id"]}
    return {
        "event_id": str(row["pk"]),
        "event_date": row["date"], "event_date_last": row["date_last"], "date_precision": row["date_precision"],
        "event_type": row["type"], "mode": row["mode"], "context": json.loads(row["context"] or "[]"),
        "cameo": row["cameo"], "quad_class": row["quad_class"], "goldstein": row["goldstein"],
        "status": row["status"], "historical": bool(row["historical"]),
        "actor": _party(row, "actor"), "recipient": _party(row, "recipient"), "location": location,
        "event_text": row["sentence"], "trigger": row["trigger_text"], "confidence": row["confidence"],
        "story_id": row["article_id"], "story_date": row["published"], "story_title": row["title"],
        "source": row["source"], "url": row["url"],
        "num_mentions": row["num_mentions"], "num_articles": row["num_articles"], "num_sources": row["num_sources"],
    }
