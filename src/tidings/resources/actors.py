"""The actor knowledge base: countries, seats of power, organisations, role nouns and people.

Data lives in ``data/actors/`` (format in its README.md). ``load_kb()`` reads and indexes it
once per process; ``validate()`` returns readable error strings (empty list = valid) and is
what CI runs over every file, the colleague-written ``people/*.jsonl`` included.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data" / "actors"

OFFICES = frozenset(
    "president vice_president prime_minister deputy_prime_minister chancellor monarch supreme_leader "
    "head_of_state head_of_government foreign_minister defence_minister interior_minister finance_minister "
    "minister secretary_general spokesperson opposition_leader party_leader military_chief intelligence_chief "
    "ambassador legislature_speaker legislator central_bank_governor judge rebel_leader other".split()
)
GENDERS = frozenset({"m", "f"})
ORG_KINDS = frozenset({"organization", "group"})
_ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_PERSON_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_PERSON_KEYS = {"id", "name", "aliases", "gender", "country", "wikidata", "roles"}
_ROLE_KEYS = {"office", "title", "country", "org", "sector", "start", "end"}


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    people_nouns: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class Seat:
    """A seat of power or state institution standing for a country's sector ("the Kremlin")."""

    name: str
    country: str
    sector: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Org:
    code: str
    name: str
    kind: str
    sector: str
    country: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    """A role noun or title ("troops", "foreign minister") and the sector it implies."""

    phrase: str
    sector: str
    office: str | None
    standalone: bool


@dataclass(frozen=True)
class Tenure:
    office: str
    title: str | None
    country: str | None
    org: str | None
    sector: str
    start: str | None
    end: str | None

    def active_on(self, day: str) -> bool:
        """Whether the tenure covers ``day`` (ISO; partial bounds are taken inclusively)."""
        return (self.start is None or _lower(self.start) <= day) and (self.end is None or day <= _upper(self.end))

    def ended_before(self, day: str) -> bool:
        return self.end is not None and _upper(self.end) < day


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...]
    gender: str | None
    country: str | None
    wikidata: str | None
    roles: tuple[Tenure, ...]


@dataclass(frozen=True)
class Sector:
    code: str
    label: str
    noun: str


@dataclass
class ActorKB:
    sectors: dict[str, Sector]
    countries: dict[str, Country]
    seats: list[Seat]
    orgs: dict[str, Org]
    roles: dict[str, Role]
    honorifics: dict[str, str | None] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)


def _lower(day: str) -> str:
    return day + "-01-01"[len(day) - 4:] if len(day) < 10 else day


def _upper(day: str) -> str:
    return day + "-12-31"[len(day) - 4:] if len(day) < 10 else day


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    """Tab-separated rows of ``path`` with their line numbers (comments and blanks skipped)."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            out.append((number, line.split("\t")))
    return out


def _items(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split(";") if x.strip())


def _null(cell: str) -> str | None:
    return None if cell in ("", "-") else cell


def _tenure(raw: dict) -> Tenure:
    return Tenure(raw["office"], raw.get("title"), raw.get("country"), raw.get("org"), raw["sector"],
                  raw.get("start"), raw.get("end"))


def _person(raw: dict) -> Person:
    return Person(raw["id"], raw["name"], tuple(raw.get("aliases") or ()), raw.get("gender"), raw.get("country"),
                  raw.get("wikidata"), tuple(_tenure(r) for r in raw.get("roles") or ()))


def read_people(paths: list[Path]) -> dict[str, Person]:
    people: dict[str, Person] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                person = _person(json.loads(line))
                people[person.id] = person
    return people


def people_files(data_dir: Path = DATA_DIR) -> list[Path]:
    return sorted((data_dir / "people").glob("*.jsonl"))


def read_kb(data_dir: Path = DATA_DIR, people_paths: list[Path] | None = None) -> ActorKB:
    """Read every actor data file under ``data_dir`` (people from ``people_paths`` if given)."""
    sectors = {code: Sector(code, label, noun) for _, (code, label, noun) in _rows(data_dir / "sectors.tsv")}
    countries = {}
    for _, (iso3, name, aliases, adjectives, nouns, capitals) in _rows(data_dir / "countries.tsv"):
        countries[iso3] = Country(iso3, name, _items(aliases), _items(adjectives), _items(nouns), _items(capitals))
    seats = [Seat(name, country, sector, _items(aliases))
             for _, (name, country, sector, aliases) in _rows(data_dir / "seats.tsv")]
    orgs = {}
    for _, (code, name, kind, sector, country, aliases) in _rows(data_dir / "orgs.tsv"):
        orgs[code] = Org(code, name, kind, sector, _null(country), _items(aliases))
    roles = {}
    for _, (phrase, sector, office, standalone) in _rows(data_dir / "roles.tsv"):
        roles[phrase] = Role(phrase, sector, _null(office), standalone == "y")
    honorifics = {word: _null(gender) for _, (word, gender) in _rows(data_dir / "honorifics.tsv")}
    paths = people_files(data_dir) if people_paths is None else people_paths
    return ActorKB(sectors, countries, seats, orgs, roles, honorifics, read_people(paths))


@functools.cache
def load_kb() -> ActorKB:
    """The packaged knowledge base, read once per process."""
    return read_kb()


# --- validation -------------------------------------------------------------------------


def _check_columns(path: Path, width: int) -> list[str]:
    return [f"{path.name}:{n}: expected {width} tab-separated columns, got {len(row)}"
            for n, row in _rows(path) if len(row) != width]


def validate_people_file(path: Path, *, sectors: set[str], countries: set[str], orgs: set[str],
                         seen_ids: dict[str, str] | None = None) -> list[str]:
    """Errors in one people JSONL file (``seen_ids`` carries ids across files)."""
    errors: list[str] = []
    seen = {} if seen_ids is None else seen_ids
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"people/{path.name}:{number}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(raw, dict):
            errors.append(f"{where}: expected a JSON object")
            continue
        errors.extend(f"{where}: {msg}" for msg in _person_errors(raw, sectors, countries, orgs))
        pid = raw.get("id")
        if isinstance(pid, str):
            if pid in seen:
                errors.append(f"{where}: duplicate id {pid!r} (first in {seen[pid]})")
            else:
                seen[pid] = where
    return errors


def _person_errors(raw: dict, sectors: set[str], countries: set[str], orgs: set[str]) -> list[str]:
    errors = []
    pid = raw.get("id")
    if set(raw) - _PERSON_KEYS:
        errors.append(f"unknown keys {sorted(set(raw) - _PERSON_KEYS)}")
    if not isinstance(pid, str) or not _PERSON_ID.match(pid):
        errors.append(f"id {pid!r} must be a lowercase slug like 'vladimir-putin'")
    if not isinstance(raw.get("name"), str) or not raw["name"].strip():
        errors.append(f"{pid}: name missing")
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        errors.append(f"{pid}: aliases must be a list of non-empty strings")
    if raw.get("gender") not in GENDERS | {None}:
        errors.append(f"{pid}: gender {raw.get('gender')!r} must be 'm', 'f' or null")
    if raw.get("country") is not None and raw.get("country") not in countries:
        errors.append(f"{pid}: country {raw.get('country')!r} is not a known ISO3 code")
    roles = raw.get("roles", [])
    if not isinstance(roles, list):
        return errors + [f"{pid}: roles must be a list"]
    for k, role in enumerate(roles):
        errors.extend(f"{pid}: roles[{k}]: {msg}" for msg in _role_errors(role, sectors, countries, orgs))
    return errors


def _role_errors(role: object, sectors: set[str], countries: set[str], orgs: set[str]) -> list[str]:
    if not isinstance(role, dict):
        return ["expected an object"]
    errors = []
    if set(role) - _ROLE_KEYS:
        errors.append(f"unknown keys {sorted(set(role) - _ROLE_KEYS)}")
    if role.get("office") not in OFFICES:
        errors.append(f"unknown office {role.get('office')!r} (known: {', '.join(sorted(OFFICES))})")
    if role.get("sector") not in sectors:
        errors.append(f"unknown sector {role.get('sector')!r}")
    if role.get("country") is not None and role.get("country") not in countries:
        errors.append(f"country {role.get('country')!r} is not a known ISO3 code")
    if role.get("org") is not None and role.get("org") not in orgs:
        errors.append(f"org {role.get('org')!r} is not a code in orgs.tsv")
    start, end = role.get("start"), role.get("end")
    for name, value in (("start", start), ("end", end)):
        if value is not None and not (isinstance(value, str) and _ISO_DATE.match(value)):
            errors.append(f"{name} {value!r} must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD")
    if isinstance(start, str) and isinstance(end, str) and _ISO_DATE.match(start) and _ISO_DATE.match(end):
        if _lower(start) > _upper(end):
            errors.append(f"start {start} is after end {end}")
    return errors


def validate(data_dir: Path = DATA_DIR, people_paths: list[Path] | None = None) -> list[str]:
    """Every problem in the actor data, as ``file:line: message`` strings (empty = valid)."""
    errors = (_check_columns(data_dir / "sectors.tsv", 3) + _check_columns(data_dir / "countries.tsv", 6)
              + _check_columns(data_dir / "seats.tsv", 4) + _check_columns(data_dir / "orgs.tsv", 6)
              + _check_columns(data_dir / "roles.tsv", 4) + _check_columns(data_dir / "honorifics.tsv", 2))
    if errors:
        return errors
    kb = read_kb(data_dir, people_paths=[])
    sectors, countries = set(kb.sectors), set(kb.countries)
    for n, (iso3, *_rest) in _rows(data_dir / "countries.tsv"):
        if not re.fullmatch(r"[A-Z]{3}", iso3):
            errors.append(f"countries.tsv:{n}: {iso3!r} is not an ISO3 code")
    for n, (name, country, sector, aliases) in _rows(data_dir / "seats.tsv"):
        if country not in countries or sector not in sectors or not _items(aliases):
            errors.append(f"seats.tsv:{n}: {name}: needs a known country, sector and at least one alias")
    for n, (code, name, kind, sector, country, aliases) in _rows(data_dir / "orgs.tsv"):
        if code in countries or code in sectors:
            errors.append(f"orgs.tsv:{n}: code {code!r} collides with a country or sector code (ids must be unique)")
        if kind not in ORG_KINDS or sector not in sectors or (_null(country) and country not in countries):
            errors.append(f"orgs.tsv:{n}: {code}: bad kind {kind!r}, sector {sector!r} or country {country!r}")
        if not _items(aliases):
            errors.append(f"orgs.tsv:{n}: {code}: no aliases")
    errors.extend(_ambiguous_names(kb))
    if len(kb.orgs) != len(_rows(data_dir / "orgs.tsv")):
        errors.append("orgs.tsv: duplicate codes")
    if len(kb.roles) != len(_rows(data_dir / "roles.tsv")):
        errors.append("roles.tsv: a phrase is listed twice")
    for n, (phrase, sector, office, standalone) in _rows(data_dir / "roles.tsv"):
        if phrase != phrase.lower() or sector not in sectors or (_null(office) and office not in OFFICES):
            errors.append(f"roles.tsv:{n}: {phrase!r}: phrase must be lowercase with a known sector and office")
        if standalone not in ("y", "n"):
            errors.append(f"roles.tsv:{n}: standalone must be y or n")
    for n, (word, gender) in _rows(data_dir / "honorifics.tsv"):
        if gender not in ("m", "f", "-"):
            errors.append(f"honorifics.tsv:{n}: {word}: gender must be m, f or -")
    seen: dict[str, str] = {}
    paths = people_files(data_dir) if people_paths is None else people_paths
    for path in paths:
        errors.extend(validate_people_file(path, sectors=sectors, countries=countries, orgs=set(kb.orgs),
                                           seen_ids=seen))
    if not errors:
        errors.extend(_alias_clashes(kb, read_people(paths)))
    return errors


def _ambiguous_names(kb: ActorKB) -> list[str]:
    """Names that point to two different countries or organisations ("Dominican" for DMA and DOM)."""
    owners: dict[str, set[str]] = {}
    for c in kb.countries.values():
        for name in (c.name, *c.aliases, *c.adjectives, *c.people_nouns, *c.capitals):
            owners.setdefault(name, set()).add(c.iso3)
    for seat in kb.seats:
        for name in seat.aliases:
            owners.setdefault(name, set()).add(seat.country)
    for org in kb.orgs.values():
        for name in org.aliases:
            owners.setdefault(name, set()).add(org.code)
    return [f"ambiguous name {name!r} stands for {', '.join(sorted(ids))}"
            for name, ids in sorted(owners.items()) if len(ids) > 1]


def _alias_clashes(kb: ActorKB, people: dict[str, Person]) -> list[str]:
    """People aliases that are also a country, seat or organisation name ("Jordan", "Chad")."""
    names = {a for c in kb.countries.values() for a in (c.name, *c.aliases, *c.adjectives, *c.capitals)}
    names |= {a for seat in kb.seats for a in seat.aliases} | {a for org in kb.orgs.values() for a in org.aliases}
    return [f"people: {p.id}: alias {alias!r} is also a country or organisation name"
            for p in people.values() for alias in (p.name, *p.aliases) if alias in names]
