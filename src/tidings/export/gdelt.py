"""GDELT 2.0 files from a store: events (61 columns), mentions (16) and GKG 2.1 (27), tab-separated, no header.

Choices where tidings and GDELT differ (see ``export/README.md``):

* one events row per event cluster; ``GLOBALEVENTID`` is the cluster key;
* event dates come from the text. A cluster without a date is skipped (``undated="skip"``) or,
  with ``undated="published"``, dated to its first article's publication day unless it is
  historical — historical events are never given the publication date;
* SQLDATE of a week, month or year is its first day (``FractionDate`` as GDELT computes it);
* actor codes: ``country + known group + sector`` (``RUSGOV``, ``PSEHMSREB``) or, for
  international organisations, ``sector + known group`` (``IGONAT``, ``NGOHRW``);
* geo columns use FIPS 10-4 country codes; ADM1 is the FIPS country code followed by the FIPS admin1
  code (``USCA``, ``SZ07``; ``00`` when the division is unknown, as GDELT's "(general)"), the country
  code alone for a country; FeatureID is the GeoNames id for places below admin1 (GDELT uses GNS ids),
  the state code for US states (``CA``), the GeoNames id or ADM1 code for other first-level divisions and
  the FIPS code for countries;
* ActionGeo is, in order: the event's own location, else the place its sentence names as a location
  (the nearest to the trigger), else the article's dateline place, else the recipient's or the actor's
  country (type 1, at the country's centroid). Coordinates are only ever the gazetteer's;
  actor geo columns are left empty (type 0): tidings locates events, not actors;
* ``SOURCEURL``/``MentionIdentifier``/``DocumentIdentifier`` is the article URL, else its id.
"""
from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any
from urllib.parse import urlparse

from tidings.export.cells import text_cell
from tidings.export.job import ExportJob
from tidings.models import Document, Mention
from tidings.resources.export import city_admin1_code, load_tables
from tidings.storage import exports as store_rows

EVENT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code "
    "Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code "
    "Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources "
    "NumArticles AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code "
    "Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code "
    "Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID "
    "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code "
    "ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL").split()
MENTION_COLUMNS = (
    "GLOBALEVENTID EventTimeDate MentionTimeDate MentionType MentionSourceName MentionIdentifier SentenceID "
    "Actor1CharOffset Actor2CharOffset ActionCharOffset InRawText Confidence MentionDocLen MentionDocTone "
    "MentionDocTranslationInfo Extras").split()
GKG_COLUMNS = (
    "GKGRECORDID DATE SourceCollectionIdentifier SourceCommonName DocumentIdentifier Counts V2Counts Themes "
    "V2Themes Locations V2Locations Persons V2Persons Organizations V2Organizations V2Tone Dates GCAM "
    "SharingImage RelatedImages SocialImageEmbeds SocialVideoEmbeds Quotations AllNames Amounts "
    "TranslationInfo Extras").split()

UNDATED_POLICIES = ("skip", "published")
LEAD_SENTENCES = 1  # IsRootEvent: the event was first read in the article's lead sentence
WEB, CITATION_ONLY = 1, 2  # GDELT source collections: a URL, or a textual citation (our article id)
GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = 1, 2, 3, 4, 5
GKG_DATE_RESOLUTION = {"year": 1, "month": 2, "day": 3}
_LIST_DELIMITERS = re.compile(r"[\t\r\n;#|]+")


def clean_field(value: Any) -> str:
    """A cell: None → empty, tabs and line breaks → spaces (they would break the row)."""
    if value is None:
        return ""
    return " ".join(str(value).split())


def text_field(value: Any) -> str:
    """A free-text cell (a name, a URL): :func:`clean_field`, then a ``'`` before a leading ``= + - @`` so that a
    spreadsheet opening the file shows it as text, not a formula (``tidings.export.cells``)."""
    return text_cell(clean_field(value))


def list_item(value: str, *, commas: bool = False) -> str:
    """Text inside a GKG list: no item or field delimiters (``; # |`` and, unless allowed, ``,``)."""
    text = _LIST_DELIMITERS.sub(" ", value)
    return " ".join((text if commas else text.replace(",", " ")).split())


def stamp(iso: str | None) -> str:
    """``2021-12-30T14:05:00+00:00`` → ``20211230140500`` (date-only values get 000000)."""
    digits = re.sub(r"\D", "", (iso or "")[:19])
    return (digits + "0" * 14)[:14] if digits else ""


def fraction_date(day: date) -> str:
    """GDELT's FractionDate: year + ((month - 1) * 30 + day) / 365, four decimals."""
    return f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}"


def event_day(row: Mapping[str, Any], undated: str, published: str | None) -> date | None:
    """The day a GDELT row is dated to, or None to skip it (see the module notes)."""
    value = row["day"]
    if value is None and undated == "published" and not row["historical"] and published:
        value = published[:10]
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def actor_columns(prefix: str, row: Mapping[str, Any], fallback_text: str | None) -> list[str]:
    """The ten Actor{1,2}* columns: code, name, country, known group, ethnic, religions, types."""
    country, sector, org = (row[f"{prefix}_{k}"] for k in ("country", "sector", "org"))
    name = row[f"{prefix}_name"] or fallback_text
    if not (country or sector or org or name):
        return [""] * 10
    tables = load_tables()
    group = tables.known_groups.get(org or "", "")
    if not name and country in tables.countries:
        name = tables.countries[country].name
    if country:
        code = country + group + (sector or "")
    else:
        code = (sector or "") + group
    return [code, text_field(name).upper(), country or "", group, "", "", "", sector or "", "", ""]


def cameo_columns(cameo: str | None) -> list[str]:
    """EventCode, EventBaseCode, EventRootCode as strings with their leading zeros."""
    code = (cameo or "").strip()
    if code.isdigit() and len(code) == 2:  # a root code alone: its base code ends in 0
        code += "0"
    return [code, code[:3], code[:2]]


def geo_type(feature: str | None, country: str | None, has_point: bool) -> int:
    """GDELT's geographic resolution for a place of this feature class."""
    if feature == "country" or (feature is None and not has_point):
        return GEO_COUNTRY
    if feature == "admin1":
        return GEO_US_STATE if country == "USA" else GEO_WORLD_STATE
    return GEO_US_CITY if country == "USA" else GEO_WORLD_CITY


def geo_fields(name: str | None, country: str | None, admin1: str | None, feature: str | None,
               lat: float | None, lon: float | None, geonames_id: int | None) -> list[str] | None:
    """Type, full name, FIPS country, ADM1, ADM2, lat, long, feature id — None unless the place lies in a country
    with a FIPS code (GDELT geo columns always name one). ``admin1`` is the first-level division as the places
    stage records it: its name (``California``) or code."""
    tables = load_tables()
    known = tables.countries.get(country or "")
    if known is None:
        return None
    kind = geo_type(feature, country, lat is not None)
    if kind == GEO_COUNTRY:
        return [str(kind), clean_field(known.name), known.fips, known.fips, "", _number(lat), _number(lon), known.fips]
    region_name = admin1 if admin1 and len(admin1) > 2 else None
    own_code = city_admin1_code(geonames_id) if kind in (GEO_US_CITY, GEO_WORLD_CITY) else None
    code = tables.admin1(country, code=own_code, name=admin1 or (name if feature == "admin1" else None))
    adm1 = known.fips + code
    feature_id = code if kind == GEO_US_STATE else str(geonames_id or adm1)
    full = ", ".join(_unique([name or "", region_name or "", known.name]))
    return [str(kind), clean_field(full), known.fips, adm1, "", _number(lat), _number(lon), str(feature_id)]


def country_geo(country: str | None) -> list[str] | None:
    """Type-1 geo columns of a country, at its centroid (None for a country without a FIPS code)."""
    centroid = load_tables().centroids.get(country or "")
    lat, lon = centroid if centroid else (None, None)
    return geo_fields(None, country, None, "country", lat, lon, None)


@functools.lru_cache(maxsize=4096)
def dateline_geo(dateline: str | None) -> tuple[str, ...] | None:
    """Geo columns of the place a dateline names ("KYIV, Ukraine (AP)" → Kyiv), or None."""
    if not dateline:
        return None
    from tidings.stages.places import dateline_places  # the gazetteer loads only when a dateline is needed

    for entry in dateline_places(dateline):
        fields = geo_fields(entry.name, entry.country, entry.admin1, entry.feature, entry.lat, entry.lon,
                            entry.geonames_id)
        if fields is not None:
            return tuple(fields)
    return None


def action_geo(row: Mapping[str, Any]) -> list[str] | None:
    """ActionGeo columns of an event cluster row: its own location, else the place of its sentence, else its
    article's dateline place, else the recipient's or the actor's country (see the module notes)."""
    own = geo_fields(row["location_name"] or row["location_text"], row["location_country"], row["location_admin1"],
                     row["location_feature"], row["location_lat"], row["location_lon"], row["location_geonames_id"])
    if own is not None:
        return own
    place = _value(row, "sentence_place")
    if place:
        place = json.loads(place) if isinstance(place, str) else place
        fields = geo_fields(place.get("name") or place.get("text"), place.get("country"), place.get("admin1"),
                            place.get("feature"), place.get("lat"), place.get("lon"), place.get("geonames_id"))
        if fields is not None:
            return fields
    dateline = dateline_geo(_value(row, "dateline"))
    if dateline is not None:
        return list(dateline)
    for country in (row["recipient_country"], row["actor_country"]):
        fields = country_geo(country)
        if fields is not None:
            return fields
    return None


def _value(row: Mapping[str, Any], key: str) -> Any:
    """``row[key]``, or None for a row without that column (``sqlite3.Row`` raises IndexError)."""
    try:
        return row[key]
    except (KeyError, IndexError):
        return None


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}" if abs(value) >= 1e-4 else "0"


NO_GEO = ["0"] + [""] * 7  # geo columns of an unknown place (type 0), as GDELT writes them


def event_row(row: Mapping[str, Any], *, undated: str = "skip") -> list[str] | None:
    """One GDELT 2.0 events row for an event cluster (``storage.exports.export_clusters``), or None."""
    day = event_day(row, undated, row["published"])
    if day is None:
        return None
    geo = action_geo(row)
    is_root = int(row["sentence_index"] is not None and row["sentence_index"] < LEAD_SENTENCES)
    return [str(row["pk"]), day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), fraction_date(day),
             *actor_columns("actor", row, row["actor_text"]),
             *actor_columns("recipient", row, row["recipient_text"]),
             str(is_root), *cameo_columns(row["cameo"]), str(row["quad_class"] or ""),
             _float(row["goldstein"]), str(row["num_mentions"]), str(row["num_sources"]), str(row["num_articles"]),
             _float(row["avg_tone"]),
             *NO_GEO, *NO_GEO, *(_text_geo(geo) if geo else NO_GEO),
             stamp(row["ingested_at"]), text_field(row["url"] or row["article_id"])]


def _text_geo(geo: list[str]) -> list[str]:
    """Geo columns as cells of the events file: the full name (a place's text) spreadsheet-safe."""
    return [geo[0], text_cell(geo[1]), *geo[2:]]


def _float(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def mention_row(row: Mapping[str, Any], *, undated: str = "skip") -> list[str] | None:
    """One GDELT 2.0 mentions row for an event mention (``storage.exports.export_mentions``), or None."""
    cluster = {"day": row["cluster_day"], "historical": row["cluster_historical"]}
    if event_day(cluster, undated, row["cluster_published"]) is None:
        return None  # its event is not in the events file either
    undated_note = "" if row["cluster_day"] else "<DATE>publication</DATE>"
    return [str(row["cluster_id"]), stamp(row["event_added"]), stamp(row["ingested_at"]),
            str(WEB if row["url"] else CITATION_ONLY), text_field(source_name(row["source"], row["url"])),
            text_field(row["url"] or row["article_id"]), str((row["sentence_index"] or 0) + 1),
            _offset(row["actor_start"]), _offset(row["recipient_start"]), _offset(row["trigger_start"]),
            "1", str(round(100 * (row["confidence"] or 0))), str(row["doc_length"]), _float(row["tone_score"]),
            "", undated_note]


def _offset(value: int | None) -> str:
    return "-1" if value is None else str(value)


def source_name(source: str | None, url: str | None) -> str:
    """The source's common name: the stored source, else the URL's domain."""
    if source:
        return source
    host = urlparse(url).hostname if url else None
    return (host or "").removeprefix("www.")


# --- GKG 2.1 ----------------------------------------------------------------------------------


def gkg_row(doc: Document, number: int) -> list[str]:
    """One GKG 2.1 row for a stored Document (record id: publication stamp and ``number``)."""
    article = doc.article
    added = stamp(article.published) or stamp(doc.stored_at) or "0" * 14  # undated: when stored, as DATEADDED
    located = [(p, geo_fields(p.name or p.text, p.country, p.admin1, p.feature, p.lat, p.lon, p.geonames_id))
               for p in doc.places]
    places = [(p, fields) for p, fields in located if fields is not None]
    v1_locations = _unique(_join("#", [f[0], f[1], f[2], f[3], f[5], f[6], f[7]]) for _, f in places)
    v2_locations = [_join("#", [*f, str(p.start)]) for p, f in places]
    persons = [found for m in doc.mentions if m.label == "PERSON" and (found := person_name(m, doc))]
    orgs = [(m.text, m.start) for m in doc.mentions if m.label == "ORG"]
    tone = doc.tone
    v2_tone = ",".join(_float(v) for v in (tone.score, tone.positive, tone.negative, tone.polarity, 0.0, 0.0)) \
        + f",{tone.word_count}" if tone else ""
    extras = f"<PAGE_TITLE>{list_item(article.title)}</PAGE_TITLE>" if article.title else ""
    return [f"{added}-{number}", added, str(WEB if article.url else CITATION_ONLY),
            text_field(source_name(article.source, article.url)), text_field(article.url or article.id),
            "", "", "", "", ";".join(v1_locations), ";".join(v2_locations),
            text_cell(";".join(_unique(list_item(name) for name, _ in persons))), _offsets(persons),
            text_cell(";".join(_unique(list_item(name) for name, _ in orgs))), _offsets(orgs),
            v2_tone, ";".join(gkg_dates(doc)), "", "", "", "", "", gkg_quotations(doc),
            _offsets(all_names(doc)), gkg_amounts(doc), "", extras]


#: Entity labels that hold proper names (GKG AllNames); nominal mentions ("troops") and NORP adjectives are not.
PROPER_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})
_NAME_WORD = re.compile(r"^(?:[A-Z\u00C0-\u024F]|\d|(?:al|el|bin|ibn|de|da|del|der|van|von|la|le|du|dos)\b)",
                        re.UNICODE)


@functools.cache
def _title_words() -> frozenset[str]:
    """Lower-case words that introduce a name (titles, roles, honorifics): the actor tables' roles and honorifics
    and the places tables' person titles."""
    from tidings.resources.actors import DATA_DIR
    from tidings.resources.places import DATA as PLACES

    words: set[str] = set()
    for path, column in ((DATA_DIR / "roles.tsv", 0), (DATA_DIR / "honorifics.tsv", 0),
                         (PLACES / "person_titles.txt", 0)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                words.update(w.strip(".").lower() for w in re.split(r"[\s-]+", line.split("\t")[column]) if w)
    return frozenset(words)


def proper_name(text: str) -> tuple[str, int] | None:
    """The proper name a mention ends with and its offset in the text: titles, roles, possessors and lower-case
    words before it are dropped ("Russian President Vladimir Putin" → "Vladimir Putin", "its envoy Robert Malley"
    → "Robert Malley"); None when no capitalised name is left ("Kremlin-friendly president")."""
    words = list(re.finditer(r"\S+", text))
    titles = _title_words()
    start = len(words)
    while start > 0:
        word = words[start - 1].group(0)
        bare = word.strip(".,").lower()
        title = bare in titles and (start < len(words) or len(words) == 1)  # "Martin Luther King": a surname
        if (not _NAME_WORD.match(word) or title or word.endswith(("'s", "’s", "'", "’"))
                or (start < len(words) and "-" in word and bare.split("-")[-1] in titles)):
            break
        start -= 1
    if start == len(words):
        return None
    name = text[words[start].start():]
    return (name, words[start].start()) if any(ch.isupper() for ch in name) else None


def person_name(mention: Mention, doc: Document) -> tuple[str, int] | None:
    """A person mention as GKG lists it: the name without titles, at its offset; None for a mention resolved to
    an actor that is not a person, or holding no name."""
    actor = doc.actor(mention.actor_id)
    if actor is not None and actor.kind != "person":
        return None
    found = proper_name(mention.text)
    return None if found is None else (found[0], mention.start + found[1])


def all_names(doc: Document) -> list[tuple[str, int]]:
    """GKG AllNames: the proper names among the document's entity mentions (people without their titles)."""
    names = []
    for mention in doc.mentions:
        if mention.label not in PROPER_NAME_LABELS:
            continue
        found = proper_name(mention.text) if mention.label == "PERSON" else _without_lower_case_opening(mention)
        if found is not None:
            names.append((found[0], mention.start + found[1]) if mention.label == "PERSON" else found)
    return names


def _without_lower_case_opening(mention: Mention) -> tuple[str, int] | None:
    """An organisation or place name without lower-case words before it ("the African Union" → "African
    Union"); None when it has no capitalised word."""
    match = re.search(r"(?:^|\s)(?=[A-Z\u00C0-\u024F\d])", mention.text)
    if match is None:
        return None
    name = mention.text[match.end():]
    return (name, mention.start + match.end()) if name.strip() else None


def _join(sep: str, fields: Iterable[str]) -> str:
    return sep.join(list_item(f, commas=True) for f in fields)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def _offsets(items: list[tuple[str, int]]) -> str:
    return text_cell(";".join(f"{list_item(name)},{start}" for name, start in items if list_item(name)))


_DATE_VALUE = re.compile(r"^(\d{4}|XXXX)(?:-(\d{2}))?(?:-(\d{2}))?$")


def gkg_dates(doc: Document) -> list[str]:
    """``resolution#month#day#year#offset`` for each date mention with a calendar value."""
    out = []
    for mention in doc.dates:
        match = _DATE_VALUE.match(mention.value or "")
        if not match:
            continue
        year, month, day = match.groups()
        if year == "XXXX":
            if not (month and day):
                continue
            resolution, year = 4, "0"
        else:
            resolution = GKG_DATE_RESOLUTION["day" if day else "month" if month else "year"]
        out.append(f"{resolution}#{int(month or 0)}#{int(day or 0)}#{int(year)}#{mention.start}")
    return out


def gkg_quotations(doc: Document) -> str:
    """``offset|length|verb|quote`` blocks joined by ``#``: direct quotes only, as GKG's Quotations field holds
    quoted statements (reported speech stays in the quotes table and the other exports)."""
    return "#".join(f"{q.start}|{q.end - q.start}|{list_item(q.cue or '')}|{list_item(q.text)}"
                    for q in doc.quotes if q.kind == "direct")


def gkg_amounts(doc: Document) -> str:
    """``amount,object,offset`` items for amounts with a value."""
    items = []
    for amount in doc.amounts:
        if amount.value is None:
            continue
        value = int(amount.value) if float(amount.value).is_integer() else amount.value
        items.append(f"{value},{list_item(amount.object or '')},{amount.start}")
    return ";".join(items)


def write_rows(rows: Iterable[list[str] | None], out) -> tuple[int, int]:
    """Write tab-separated rows, skipping None; return (written, skipped)."""
    written = skipped = 0
    for row in rows:
        if row is None:
            skipped += 1
            continue
        out.write("\t".join(row) + "\n")
        written += 1
    return written, skipped


# --- exporters (the table in ``tidings.export``) ------------------------------------------


def write_events(job: ExportJob, out) -> tuple[int, int]:
    """GDELT 2.0 events: one row per event cluster."""
    clusters = store_rows.export_clusters(job.store, job.filters, job.limit)
    return write_rows((event_row(r, undated=job.undated) for r in clusters), out)


def write_mentions(job: ExportJob, out) -> tuple[int, int]:
    """GDELT 2.0 mentions: one row per event mention (undated ones are not counted as left out)."""
    mentions = store_rows.export_mentions(job.store, job.filters, job.limit)
    return write_rows((mention_row(r, undated=job.undated) for r in mentions), out)[0], 0


def write_gkg(job: ExportJob, out) -> tuple[int, int]:
    """GKG 2.1: one row per article holding a selected event."""
    from tidings import query

    ids = store_rows.export_article_ids(job.store, job.filters, job.limit)
    rows = (gkg_row(query.document(job.store, article_id), number) for number, article_id in enumerate(ids, start=1))
    return write_rows(rows, out)[0], 0
