"""Code tables for GDELT-style exports: FIPS 10-4 country codes and CAMEO known-group codes.

Data: ``data/export/fips.tsv`` (ISO3 → FIPS 10-4 code and country name; GDELT geo columns use
FIPS) and ``data/export/known_groups.tsv`` (tidings org code → CAMEO known-group code, as in
``NGOHRW``/``IGONAT``). ``validate()`` returns a list of problems.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data" / "export"
ORGS = Path(__file__).parent / "data" / "actors" / "orgs.tsv"
_THREE_LETTERS = re.compile(r"^[A-Z]{3}$")  # ISO3 countries, CAMEO known groups
_FIPS = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class Country:
    iso3: str
    fips: str
    name: str


@dataclass(frozen=True)
class ExportTables:
    countries: dict[str, Country]  # by ISO3
    known_groups: dict[str, str]  # tidings org code → CAMEO known-group code


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@functools.cache
def load_tables(folder: Path = DATA) -> ExportTables:
    """The export code tables (cached)."""
    countries = {iso3: Country(iso3, fips, name) for iso3, fips, name in _rows(folder / "fips.tsv")}
    groups = {org: code for org, code in _rows(folder / "known_groups.tsv")}
    return ExportTables(countries, groups)


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
