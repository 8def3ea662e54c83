"""The places stage: find place names, resolve them against the gazetteer, tell places from actors.

``run(doc)`` fills ``doc.places`` (offsets into ``doc.article.text``) from the Parse layer;
it does not depend on the actors stage.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from tidings.models import Document, Place
from tidings.resources.places import Gazetteer, GazetteerEntry, load_gazetteer, name_key

from .detect import Toponym, detect
from .resolve import resolve
from .roles import role

__all__ = ["dateline_places", "run", "source_countries"]


def run(doc: Document, *, gazetteer: Gazetteer | None = None, min_scan_population: int = 20_000,
        min_city_population: int = 1000) -> Document:
    """Add the places layer. ``min_scan_population``: smallest town taken from the gazetteer
    alone (names spaCy did not flag); ``min_city_population``: smallest town in the gazetteer."""
    if doc.parse is None:
        return doc
    gazetteer = gazetteer or load_gazetteer(min_city_population)
    text = doc.article.text
    toponyms = detect(text, doc.parse, gazetteer, min_scan_population=min_scan_population)
    demonyms = [iso3 for tok in doc.parse.tokens if (iso3 := gazetteer.demonym(tok.text)) and tok.text[:1].isupper()]
    entries = resolve(toponyms, gazetteer, demonym_countries=demonyms, dateline=_dateline(doc, gazetteer),
                      source_countries=source_countries(doc.article.url or doc.article.source, gazetteer))
    nearby = _facility_towns(text, toponyms, entries, gazetteer)
    place_tokens = frozenset(tok.i for t in toponyms for tok in doc.parse.tokens_in(t.start, t.end))
    doc.places = [_place(t, nearby.get(k, e), role(doc.parse, t.start, t.end, gazetteer.role_cues,
                                                   address=_address(text, t), place_tokens=place_tokens),
                         inside=k in nearby or _placed_in_region(t, e, gazetteer))
                  for k, (t, e) in enumerate(zip(toponyms, entries, strict=True))]
    # a building's name that acts ("the Southern Poverty Law Center said") is an organisation, not a place
    doc.places = [p for p in doc.places if not (p.role == "actor" and p.geonames_id is None and p.lat is None
                                                and _is_facility_name(p.text, gazetteer))]
    return doc


#: What may stand between a facility and the town that places it ("X Hospital in Columbia", "X Prison, Manila").
_FACILITY_TO_TOWN = ("in", ",", "at", "near", "of")


def _facility_towns(text: str, toponyms: list[Toponym], entries: list[GazetteerEntry | None],
                    gazetteer: Gazetteer) -> dict[int, GazetteerEntry]:
    """For each facility the gazetteer does not know ("Northwestern Memorial Hospital", by index), the town named
    right after it ("… in Chicago") or as its owner ("Brooklyn's Barclays Center"), which places it."""
    placed: dict[int, GazetteerEntry] = {}
    for k, (toponym, entry) in enumerate(zip(toponyms, entries, strict=True)):
        if entry is not None or not _is_facility_name(toponym.text, gazetteer):
            continue
        after = next(((t, e) for t, e in zip(toponyms[k + 1:], entries[k + 1:], strict=True)), None)
        if after is not None and after[1] is not None and \
                text[toponym.end:after[0].start].strip().lower() in _FACILITY_TO_TOWN:
            placed[k] = after[1]
            continue
        before = (toponyms[k - 1], entries[k - 1]) if k else None
        if before is not None and before[1] is not None and \
                text[before[0].end:toponym.start].strip() in ("'s", "’s"):
            placed[k] = before[1]
    return placed


def _placed_in_region(toponym: Toponym, entry: GazetteerEntry | None, gazetteer: Gazetteer) -> bool:
    """Whether ``entry`` is a region the toponym lies in ("Churchill, Man." and later "Churchill" → Manitoba),
    not the toponym itself."""
    if entry is None or toponym.district_of or entry.feature not in ("admin1", "country"):
        return False
    return not any(m.entry == entry for m in gazetteer.lookup(toponym.text)) and \
        entry not in gazetteer.lookup_qualifier(toponym.text)


def _is_facility_name(text: str, gazetteer: Gazetteer) -> bool:
    """A name of two words or more ending in a facility word ("Trillium Health Centre")."""
    words = text.split()
    return len(words) >= 2 and name_key(words[-1]) in gazetteer.facility_words


#: Country-code domains sold to anyone ("news.tv", "app.io"): they say nothing about where a publication is.
GENERIC_DOMAINS = frozenset({"tv", "io", "co", "me", "ai", "ly", "fm", "am", "ws", "cc", "to", "la", "gg", "so", "sh",
                             "ac", "nu", "tk", "im", "ag", "gl", "vc", "md", "ms", "st", "mu", "pw", "cx"})


def source_countries(address: str | None, gazetteer: Gazetteer) -> list[str]:
    """The country of a publication's web address ("https://www.lfpress.ca/news" → CAN, "bbc.co.uk" → GBR),
    from its country-code domain; none for generic domains (".com", ".tv") or no address."""
    if not address or "." not in address:
        return []
    host = urlsplit(address if "//" in address else "//" + address).hostname or ""
    domain = host.rsplit(".", 1)[-1].lower()
    if len(domain) != 2 or domain in GENERIC_DOMAINS:
        return []
    iso3 = gazetteer.country_by_domain(domain)
    return [iso3] if iso3 else []


def _dateline(doc: Document, gazetteer: Gazetteer) -> list[GazetteerEntry]:
    """Places of the dateline ("WILMINGTON, Del." → Wilmington in Delaware, and Delaware)."""
    return dateline_places(doc.article.dateline, gazetteer) if doc.article.dateline else []


def dateline_places(dateline: str, gazetteer: Gazetteer | None = None) -> list[GazetteerEntry]:
    """The places a dateline names, the most specific first: "WILMINGTON, Del." → [Wilmington, Delaware];
    "KYIV, Ukraine (AP)" → [Kyiv, Ukraine]; a dateline of two cities names the first ("TAIPEI/BEIJING, Aug 4")."""
    gazetteer = gazetteer or load_gazetteer()
    parts = [p.strip() for p in dateline.split("(")[0].split(",") if p.strip()]
    first = parts[0].split("/")[0].strip() if parts else ""
    if not first:
        return []
    toponym = Toponym(0, 0, first.title() if first.isupper() else first)
    if len(parts) > 1:
        toponym.qualifiers = gazetteer.lookup_qualifier(parts[1])
    (entry,) = resolve([toponym], gazetteer, demonym_countries=[], dateline=[])
    return [e for e in (entry, *toponym.qualifiers[:1]) if e is not None]


def _address(text: str, toponym: Toponym) -> bool:
    """A name in a "City, State" pair, or a dateline: capitals opening a line (after nothing but
    capitals) and followed by a comma, bracket or dash ("BEIRUT (AP) —"; not "U.S. urges")."""
    if toponym.address:
        return True
    line = text[text.rfind("\n", 0, toponym.start) + 1:toponym.start]
    follows = text[toponym.end:toponym.end + 3].lstrip()
    return toponym.text.isupper() and line == line.upper() and follows[:1] in (",", "(", "-", "—", "–", "&")


def _place(toponym: Toponym, entry: GazetteerEntry | None, place_role: str, *, inside: bool = False) -> Place:
    """The Place of a toponym; ``inside``: ``entry`` is the town the place lies in (a facility), not the place."""
    if entry is None:
        return Place(text=toponym.text, start=toponym.start, end=toponym.end, role=place_role)
    if inside or (toponym.district_of and entry.feature == "city"):  # placed at a town; not that town itself
        return Place(text=toponym.text, start=toponym.start, end=toponym.end, name=toponym.text,
                     country=entry.country, admin1=entry.admin1, lat=entry.lat, lon=entry.lon, role=place_role)
    return Place(text=toponym.text, start=toponym.start, end=toponym.end, name=entry.name, country=entry.country,
                 admin1=entry.admin1, lat=entry.lat, lon=entry.lon, geonames_id=entry.geonames_id,
                 feature=entry.feature, role=place_role)
