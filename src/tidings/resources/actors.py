"""The actor knowledge base: countries, seats of power, organisations, role nouns and people.

Data lives in ``data/actors/`` (format in its README.md). ``load_kb()`` reads and indexes it
once per process; ``validate()`` returns readable error strings (empty list = valid) and is
what CI runs over every file, the colleague-written ``people/*.jsonl`` included.
"""
from __future__ import annotations

import dataclasses
import functools
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
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
#: ``orgs.tsv`` country cell of a group with no single home country (al-Qaeda, Islamic State).
TRANSNATIONAL = "*"
#: Sectors of non-state organisations that must record a home country (or ``*``) in ``orgs.tsv``.
HOMED_SECTORS = frozenset({"REB", "SEP", "UAF", "CRM", "PTY", "OPP"})
#: People files whose name starts with this hold name-only people (converted from the Phoenix dictionaries):
#: they resolve a full name the tagger marks as a person, but are not searched for in the text themselves.
TAGGED_ONLY_PREFIX = "phoenix_"
#: Groups converted from the Phoenix dictionaries (``orgs.tsv`` format): name-only, like the Phoenix people
#: (resolved where the tagger marks an organisation's exact name, never searched for in the text).
TAGGED_ORG_FILE = "phoenix_groups.tsv"
#: Roles the curated people held before their first tenure in the people files, converted from Phoenix.
EARLIER_ROLES_FILE = "earlier_roles.jsonl"
#: Organisation tables, in order: the curated one, then the converted groups.
ORG_FILES = ("orgs.tsv", TAGGED_ORG_FILE)
#: Environment variable listing user actor files (``os.pathsep``-separated), read by ``load_kb()``.
USER_ENV = "TIDINGS_ACTORS"


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
class Region:
    """A sub-national region or city whose people are named in the news ("British Columbians" → CAN)."""

    name: str
    country: str
    demonyms: tuple[str, ...]


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


#: How a bare role noun of a sector takes a country from its article (see the data README).
SECTOR_CONTEXTS = ("state", "domestic", "-")


@dataclass(frozen=True)
class Sector:
    code: str
    label: str
    noun: str
    context: str = "-"  # how a bare role noun takes the article's country: "state", "domestic" or "-"


@dataclass
class ActorKB:
    sectors: dict[str, Sector]
    countries: dict[str, Country]
    seats: list[Seat]
    orgs: dict[str, Org]
    roles: dict[str, Role]
    honorifics: dict[str, str | None] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    #: Words marking a bare role phrase as other countries' actors ("Western governments").
    foreign_markers: frozenset[str] = frozenset()
    #: Nouns naming a whole government ("administration", "regime") → the country a bare use stands for, or None.
    government_nouns: dict[str, str | None] = field(default_factory=dict)
    #: Sub-national regions: their demonyms stand for the region's country.
    regions: list[Region] = field(default_factory=list)
    #: Final words typing an organisation outside the KB ("Inc" → BUS, "Party" → PTY, "Times" → MED).
    org_words: dict[str, str] = field(default_factory=dict)
    #: Nouns making the name before them a thing or place, not an actor ("Zircon missile").
    object_nouns: frozenset[str] = frozenset()
    #: Ids of name-only people (``people/phoenix_*.jsonl``) and codes of name-only groups
    #: (``phoenix_groups.tsv``): resolved from names the tagger marks, never searched for in the text.
    tagged_only: frozenset[str] = frozenset()


def slug(name: str) -> str:
    """``"Steven Pifer"`` → ``"steven-pifer"`` (accents dropped): ids of people and unknown organisations."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "unknown"


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
    return None if cell in ("", "-", TRANSNATIONAL) else cell


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


def read_earlier_roles(path: Path) -> dict[str, tuple[Tenure, ...]]:
    """``earlier_roles.jsonl``: person id → roles held before the person's first curated tenure."""
    if not path.exists():
        return {}
    records = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {r["id"]: tuple(_tenure(role) for role in r["roles"]) for r in records}


def with_earlier_roles(people: dict[str, Person], path: Path) -> dict[str, Person]:
    """``people`` with the roles of ``path`` (``earlier_roles.jsonl``) added to the person they name, each only
    when it ends before that person's first own tenure (a user file replacing the person keeps its own dates)."""
    for pid, roles in read_earlier_roles(path).items():
        person = people.get(pid)
        fitting = tuple(r for r in roles if person is not None and earlier_role_fits(r, person))
        if person is not None and fitting:
            people[pid] = dataclasses.replace(person, roles=fitting + person.roles)
    return people


def people_files(data_dir: Path = DATA_DIR) -> list[Path]:
    return sorted((data_dir / "people").glob("*.jsonl"))


def _country_row(row: list[str]) -> Country:
    iso3, name, aliases, adjectives, nouns, capitals = row
    return Country(iso3, name, _items(aliases), _items(adjectives), _items(nouns), _items(capitals))


def _org_row(row: list[str]) -> Org:
    code, name, kind, sector, country, aliases = row
    return Org(code, name, kind, sector, _null(country), _items(aliases))


def _role_row(row: list[str]) -> Role:
    phrase, sector, office, standalone = row
    return Role(phrase, sector, _null(office), standalone == "y")


@functools.cache
def honorifics(data_dir: Path = DATA_DIR) -> dict[str, str | None]:
    """Courtesy titles before names (``honorifics.tsv``: "Mr.", "Dame") → the gender they imply (``m``, ``f``
    or None), without reading the rest of the knowledge base."""
    return {word: _null(gender) for _, (word, gender) in _rows(data_dir / "honorifics.tsv")}


def read_kb(data_dir: Path = DATA_DIR, people_paths: list[Path] | None = None) -> ActorKB:
    """Read every actor data file under ``data_dir`` (people from ``people_paths`` if given; the packaged people
    files, completed by ``earlier_roles.jsonl``, otherwise)."""
    sectors = {code: Sector(code, label, noun, context)
               for _, (code, label, noun, context) in _rows(data_dir / "sectors.tsv")}
    countries = {c.iso3: c for c in (_country_row(row) for _, row in _rows(data_dir / "countries.tsv"))}
    seats = [Seat(name, country, sector, _items(aliases))
             for _, (name, country, sector, aliases) in _rows(data_dir / "seats.tsv")]
    orgs = {o.code: o for o in (_org_row(row) for _, row in _rows(data_dir / "orgs.tsv"))}
    tagged_orgs = {o.code: o for o in (_org_row(row) for _, row in _rows(data_dir / TAGGED_ORG_FILE))
                   if o.code not in orgs} if (data_dir / TAGGED_ORG_FILE).exists() else {}
    orgs.update(tagged_orgs)
    roles = {r.phrase: r for r in (_role_row(row) for _, row in _rows(data_dir / "roles.tsv"))}
    paths = people_files(data_dir) if people_paths is None else people_paths
    markers = frozenset(word for _, (word, _reason) in _rows(data_dir / "foreign_markers.tsv"))
    governments = {noun: _null(country) for _, (noun, country, _reason) in _rows(data_dir / "government_nouns.tsv")}
    regions = [Region(name, country, _items(demonyms))
               for _, (name, country, demonyms) in _rows(data_dir / "regions.tsv")]
    org_words = {word: sector for _, (word, sector) in _rows(data_dir / "org_words.tsv")}
    objects = frozenset(noun for _, (noun, _what) in _rows(data_dir / "object_nouns.tsv"))
    searched = read_people([p for p in paths if not p.name.startswith(TAGGED_ONLY_PREFIX)])
    if people_paths is None:  # the earlier roles complete the packaged people files they were converted against
        searched = with_earlier_roles(searched, data_dir / EARLIER_ROLES_FILE)
    tagged = read_people([p for p in paths if p.name.startswith(TAGGED_ONLY_PREFIX)])
    people = {**tagged, **searched}
    return ActorKB(sectors, countries, seats, orgs, roles, dict(honorifics(data_dir)), people, markers, governments,
                   regions, org_words, objects, frozenset(tagged) - frozenset(searched) | frozenset(tagged_orgs))


class ActorDataError(ValueError):
    """A user actor file is invalid; the message lists every problem as ``file:line: message``."""


def user_actor_paths() -> tuple[Path, ...]:
    """User actor files or folders named in ``$TIDINGS_ACTORS`` (separated by ``os.pathsep``), in order."""
    return tuple(Path(p) for p in os.environ.get(USER_ENV, "").split(os.pathsep) if p.strip())


def load_kb(extra: Iterable[str | Path] = (), *, env: bool = True) -> ActorKB:
    """The packaged knowledge base plus user files from ``$TIDINGS_ACTORS`` (unless ``env`` is false: a
    configuration that has read it already) and then ``extra`` (later files override earlier ones and the
    packaged data), read once per set of files.

    Raises ``ActorDataError`` naming file:line when a user file is invalid."""
    from_env = user_actor_paths() if env else ()
    return _load_kb(tuple(_expand(from_env + tuple(Path(p) for p in extra))))


def _expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given; a directory stands for its actor files (``*.jsonl``, ``*.tsv``) in name order."""
    out = []
    for path in paths:
        out.extend(sorted(p for p in path.iterdir() if _user_kind(p)) if path.is_dir() else [path])
    return out


@functools.cache
def _load_kb(user_paths: tuple[Path, ...]) -> ActorKB:
    kb = read_kb()
    if user_paths:
        errors = validate_user_files(list(user_paths), kb)
        if errors:
            raise ActorDataError("invalid actor file(s):\n" + "\n".join(errors))
        for path in user_paths:
            _merge_user_file(kb, path)
    return kb


#: User file kinds by name ending, with their column count (people files are JSONL).
USER_TSV_KINDS = {"countries.tsv": 6, "orgs.tsv": 6, "roles.tsv": 4}


def _user_kind(path: Path) -> str | None:
    if path.name.endswith(".jsonl"):
        return "people"
    return next((kind for kind in USER_TSV_KINDS if path.name.endswith(kind)), None)


def _merge_user_file(kb: ActorKB, path: Path) -> None:
    kind = _user_kind(path)
    if kind == "people":
        kb.people.update(read_people([path]))
    elif kind == "countries.tsv":
        kb.countries.update((c.iso3, c) for c in (_country_row(row) for _, row in _rows(path)))
    elif kind == "orgs.tsv":
        kb.orgs.update((o.code, o) for o in (_org_row(row) for _, row in _rows(path)))
    else:
        kb.roles.update((r.phrase, r) for r in (_role_row(row) for _, row in _rows(path)))


def validate_user_files(paths: list[Path], kb: ActorKB | None = None) -> list[str]:
    """Problems in user actor files (``*.jsonl`` people, ``*countries.tsv``, ``*orgs.tsv``, ``*roles.tsv``)
    checked against ``kb`` (default: the packaged data) and each other, as ``path:line: message``."""
    kb = kb or read_kb()
    errors: list[str] = []
    countries, orgs, sectors = set(kb.countries), set(kb.orgs), set(kb.sectors)
    readable = []
    for path in paths:
        kind = _user_kind(path)
        if not path.is_file():
            errors.append(f"{path}: no such file")
        elif kind is None:
            errors.append(f"{path}: unknown kind of actor file (name it *.jsonl for people, "
                          f"*countries.tsv, *orgs.tsv or *roles.tsv)")
        elif kind != "people" and (bad := [f"{path}:{n}: expected {USER_TSV_KINDS[kind]} tab-separated columns, "
                                           f"got {len(row)}" for n, row in _rows(path)
                                           if len(row) != USER_TSV_KINDS[kind]]):
            errors.extend(bad)
        else:
            readable.append((path, kind))
            if kind == "countries.tsv":
                countries |= {row[0] for _, row in _rows(path)}
            elif kind == "orgs.tsv":
                orgs |= {row[0] for _, row in _rows(path)}
    seen: dict[str, str] = {}
    for path, kind in readable:
        if kind == "people":
            errors.extend(validate_people_file(path, sectors=sectors, countries=countries, orgs=orgs, seen_ids=seen,
                                               label=str(path)))
            continue
        for n, row in _rows(path):
            if kind == "countries.tsv" and not re.fullmatch(r"[A-Z]{3}", row[0]):
                errors.append(f"{path}:{n}: {row[0]!r} is not an ISO3 code")
            elif kind == "orgs.tsv":
                errors.extend(f"{path}:{n}: {msg}" for msg in _org_errors(row, sectors, countries))
            elif kind == "roles.tsv":
                errors.extend(f"{path}:{n}: {msg}" for msg in _role_row_errors(row, sectors))
    if not errors:
        errors.extend(_alias_clashes(kb, read_people([path for path, kind in readable if kind == "people"])))
    return errors


def home_country(actor_id: str | None, *, kb: ActorKB | None = None) -> str | None:
    """The country an actor belongs to or operates in: a group's home ("HAMAS" → PSE, "WAGNER~SYR" → RUS),
    a country sector's country ("UKR-REB~RUS" → UKR), a KB person's nationality; None for international,
    transnational and unknown actors. Unlike ``Actor.country``, armed groups get their country here."""
    kb = kb or load_kb()
    base = (actor_id or "").split("~")[0]
    if base in kb.orgs:
        return kb.orgs[base].country
    iso, _, sector = base.partition("-")
    if iso in kb.countries and (not sector or sector in kb.sectors):
        return iso
    person = kb.people.get(base)
    return person.country if person else None


# --- validation -------------------------------------------------------------------------


def _check_columns(path: Path, width: int) -> list[str]:
    return [f"{path.name}:{n}: expected {width} tab-separated columns, got {len(row)}"
            for n, row in _rows(path) if len(row) != width]


def validate_people_file(path: Path, *, sectors: set[str], countries: set[str], orgs: set[str],
                         seen_ids: dict[str, str] | None = None, label: str | None = None) -> list[str]:
    """Errors in one people JSONL file (``seen_ids`` carries ids across files; ``label`` names the file)."""
    errors: list[str] = []
    seen = {} if seen_ids is None else seen_ids
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{label or 'people/' + path.name}:{number}"
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
    errors = (_check_columns(data_dir / "sectors.tsv", 4) + _check_columns(data_dir / "countries.tsv", 6)
              + _check_columns(data_dir / "seats.tsv", 4) + _check_columns(data_dir / "orgs.tsv", 6)
              + _check_columns(data_dir / "roles.tsv", 4) + _check_columns(data_dir / "honorifics.tsv", 2)
              + _check_columns(data_dir / "foreign_markers.tsv", 2)
              + _check_columns(data_dir / "government_nouns.tsv", 3) + _check_columns(data_dir / "regions.tsv", 3)
              + _check_columns(data_dir / "org_words.tsv", 2) + _check_columns(data_dir / "object_nouns.tsv", 2)
              + (_check_columns(data_dir / "phoenix_groups.tsv", 6) if (data_dir / "phoenix_groups.tsv").exists()
                 else []))
    if errors:
        return errors
    kb = read_kb(data_dir, people_paths=[])
    sectors, countries = set(kb.sectors), set(kb.countries)
    for n, (code, *_, context) in _rows(data_dir / "sectors.tsv"):
        if context not in SECTOR_CONTEXTS:
            errors.append(f"sectors.tsv:{n}: {code}: context must be one of {', '.join(SECTOR_CONTEXTS)}")
    for n, (word, _reason) in _rows(data_dir / "foreign_markers.tsv"):
        if not re.fullmatch(r"[a-z-]+", word):
            errors.append(f"foreign_markers.tsv:{n}: {word!r} must be one lowercase word")
    for n, (noun, country, _reason) in _rows(data_dir / "government_nouns.tsv"):
        if noun not in kb.roles or kb.roles[noun].sector != "GOV" or (_null(country) and country not in countries):
            errors.append(f"government_nouns.tsv:{n}: {noun!r} must be a GOV phrase of roles.tsv with a known "
                          f"country or -")
    for n, (name, country, demonyms) in _rows(data_dir / "regions.tsv"):
        if country not in countries or not _items(demonyms) or any(not d[:1].isupper() for d in _items(demonyms)):
            errors.append(f"regions.tsv:{n}: {name}: needs a known country and capitalised demonyms")
    for n, (word, sector) in _rows(data_dir / "org_words.tsv"):
        if sector not in sectors or not word[:1].isupper() and word not in ("plc",):
            errors.append(f"org_words.tsv:{n}: {word!r}: needs a capitalised word and a known sector")
    for n, (noun, what) in _rows(data_dir / "object_nouns.tsv"):
        # A military vehicle or weapon may also be a MIL role noun: "the Black Hawk helicopter" is a thing,
        # "Israeli helicopters" the Israeli military.
        military = what in ("vehicle", "weapon") and noun in kb.roles and kb.roles[noun].sector == "MIL"
        if not re.fullmatch(r"[a-z]+", noun) or (noun in kb.roles and not military):
            errors.append(f"object_nouns.tsv:{n}: {noun!r} must be one lowercase word that is not a role noun")
    for n, (iso3, *_rest) in _rows(data_dir / "countries.tsv"):
        if not re.fullmatch(r"[A-Z]{3}", iso3):
            errors.append(f"countries.tsv:{n}: {iso3!r} is not an ISO3 code")
    for n, (name, country, sector, aliases) in _rows(data_dir / "seats.tsv"):
        if country not in countries or sector not in sectors or not _items(aliases):
            errors.append(f"seats.tsv:{n}: {name}: needs a known country, sector and at least one alias")
    org_files = [name for name in ORG_FILES if (data_dir / name).exists()]
    for name in org_files:
        for n, row in _rows(data_dir / name):
            errors.extend(f"{name}:{n}: {msg}" for msg in _org_errors(row, sectors, countries))
    errors.extend(_ambiguous_names(kb))
    if len(kb.orgs) != sum(len(_rows(data_dir / name)) for name in org_files):
        errors.append("orgs.tsv, phoenix_groups.tsv: duplicate codes")
    if len(kb.roles) != len(_rows(data_dir / "roles.tsv")):
        errors.append("roles.tsv: a phrase is listed twice")
    for n, row in _rows(data_dir / "roles.tsv"):
        errors.extend(f"roles.tsv:{n}: {msg}" for msg in _role_row_errors(row, sectors))
    for n, row in _rows(data_dir / "cameo_orgs.tsv"):
        if len(row) != 2 or not re.fullmatch(r"[A-Z]{3}", row[0]) or row[1] not in kb.orgs:
            errors.append(f"cameo_orgs.tsv:{n}: expected a three-letter CAMEO code and an orgs.tsv code")
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
    if people_paths is None:
        errors.extend(_earlier_role_errors(data_dir / EARLIER_ROLES_FILE, read_people(paths), sectors, countries,
                                           set(kb.orgs)))
    return errors


def _earlier_role_errors(path: Path, people: dict[str, Person], sectors: set[str], countries: set[str],
                         orgs: set[str]) -> list[str]:
    """``earlier_roles.jsonl``: each line names a curated person once, with valid closed roles of that person's
    country ending before the person's first tenure."""
    if not path.exists():
        return []
    errors, seen = [], set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        person = people.get(record.get("id"))
        if person is None or person.id in seen or set(record) != {"id", "roles"}:
            errors.append(f"{path.name}:{n}: needs the id of a curated person, once, and roles only")
            continue
        seen.add(person.id)
        for role in record["roles"]:
            problems = _role_errors(role, sectors, countries, orgs)
            if not problems and (role.get("country") != person.country or role.get("end") is None
                                 or not earlier_role_fits(_tenure(role), person)):
                problems = [f"a closed role of {person.country} ending before the first tenure of {person.id}"]
            errors.extend(f"{path.name}:{n}: {msg}" for msg in problems)
    return errors


def _role_row_errors(row: list[str], sectors: set[str]) -> list[str]:
    phrase, sector, office, standalone = row
    errors = []
    if phrase != phrase.lower() or sector not in sectors or (_null(office) and office not in OFFICES):
        errors.append(f"{phrase!r}: phrase must be lowercase with a known sector and office")
    if standalone not in ("y", "n"):
        errors.append("standalone must be y or n")
    return errors


def _org_errors(row: list[str], sectors: set[str], countries: set[str]) -> list[str]:
    """Problems in one ``orgs.tsv``-format row (already known to have six columns)."""
    code, _name, kind, sector, country, aliases = row
    errors = []
    if code in countries or code in sectors:
        errors.append(f"code {code!r} collides with a country or sector code (ids must be unique)")
    if kind not in ORG_KINDS or sector not in sectors or (_null(country) and country not in countries):
        errors.append(f"{code}: bad kind {kind!r}, sector {sector!r} or country {country!r}")
    if (kind == "group" or sector in HOMED_SECTORS) and country in ("", "-"):
        errors.append(f"{code}: a non-state group or party needs its home country (ISO3, or * if transnational)")
    if not _items(aliases):
        errors.append(f"{code}: no aliases")
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
    for region in kb.regions:
        for name in region.demonyms:
            owners.setdefault(name, set()).add(region.country)
    return [f"ambiguous name {name!r} stands for {', '.join(sorted(ids))}"
            for name, ids in sorted(owners.items()) if len(ids) > 1]


def _alias_clashes(kb: ActorKB, people: dict[str, Person]) -> list[str]:
    """People aliases that are also a country, seat or organisation name ("Jordan", "Chad")."""
    names = {a for c in kb.countries.values() for a in (c.name, *c.aliases, *c.adjectives, *c.capitals)}
    names |= {a for seat in kb.seats for a in seat.aliases} | {a for org in kb.orgs.values() for a in org.aliases}
    return [f"people: {p.id}: alias {alias!r} is also a country or organisation name"
            for p in people.values() for alias in (p.name, *p.aliases) if alias in names]


# --- PETRARCH / TABARI dictionaries --------------------------------------------------------

_PETRARCH_CODE = re.compile(r"\[([^\]]*)\]")
_PETRARCH_SPAN = re.compile(r"^(?:(\d{6})-(\d{6})|>(\d{6})|<(\d{6}))$")


def _petrarch_name(raw: str) -> str:
    """``VLADIMIR_PUTIN_`` → ``Vladimir Putin`` (``MCCAIN`` → ``McCain``)."""
    words = [w for w in re.sub(r"\{[^}]*\}", "", raw).strip().strip("_").split("_") if w]
    name = " ".join("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")) for w in words)
    return re.sub(r"\bMc([a-z])", lambda m: "Mc" + m.group(1).upper(), name)


def _petrarch_day(yymmdd: str | None) -> str | None:
    """``080507`` → ``2008-05-07`` (two-digit years below 50 are 20xx)."""
    if yymmdd is None:
        return None
    year = int(yymmdd[:2])
    return f"{2000 + year if year < 50 else 1900 + year}-{yymmdd[2:4]}-{yymmdd[4:]}"


def _cameo_parts(code: str, kb: ActorKB, cameo_orgs: dict[str, str]) -> tuple[str | None, str | None, str | None]:
    """``RUSGOV`` → (RUS, GOV, None); ``IGOUNO`` → (None, IGO, UN): country, sector, org of a CAMEO code."""
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    country = chunks[0] if chunks and chunks[0] in kb.countries else None
    sector = next((c for c in chunks[1 if country else 0:] if c in kb.sectors and c not in cameo_orgs), None)
    org = next((cameo_orgs[c] for c in chunks if c in cameo_orgs and cameo_orgs[c] in kb.orgs), None)
    return country, sector, org


def import_petrarch_actors(path: str | Path, *, kind: str = "auto",
                           on_problem: Callable[[str], None] | None = None) -> list[dict]:
    """People and organisations of a PETRARCH/TABARI ``.actors`` dictionary, as records of our format.

    An entry is a name line (``VLADIMIR_PUTIN_ [RUSGOV 000507-080507] [RUSELI >080507]``), then ``+ALIAS_``
    lines and ``[CODE date-range]`` lines. With ``kind="auto"`` an entry with a dated or ``ELI`` code or with
    its last name word as an alias is a person (``{"id", "name", ... "roles"}`` as in people/*.jsonl) and
    any other is an organisation (``{"code", "name", "kind", "sector", "country", "aliases"}`` as a row of
    orgs.tsv); ``"person"``/``"org"`` force one.
    Bare country codes (``[AFG]``) are skipped. Problems (unreadable lines, unknown codes) raise
    ``ActorDataError`` naming file:line unless ``on_problem`` receives them, in which case they are skipped."""
    if kind not in ("auto", "person", "org"):
        raise ValueError(f"kind must be auto, person or org, not {kind!r}")
    path = Path(path)
    kb = read_kb(people_paths=[])
    cameo_orgs = {cameo: org for _, (cameo, org) in _rows(DATA_DIR / "cameo_orgs.tsv")}
    entries: list[dict] = []

    def problem(number: int, message: str) -> None:
        if on_problem is None:
            raise ActorDataError(f"{path}:{number}: {message}")
        on_problem(f"{path}:{number}: {message}")

    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        head = _PETRARCH_CODE.sub("", line).strip()
        if head.startswith("+"):
            if entries:
                entries[-1]["aliases"].append(_petrarch_name(head[1:]))
            else:
                problem(number, "alias line before any entry")
            continue
        if head and not line.startswith("["):
            entries.append({"name": _petrarch_name(head), "aliases": [], "codes": [], "line": number})
        elif not entries:
            problem(number, "code line before any entry")
            continue
        for code_text in _PETRARCH_CODE.findall(line):
            code, _, span = code_text.strip().partition(" ")
            dates = _PETRARCH_SPAN.match(span.strip()) if span.strip() else None
            if span.strip() and dates is None:
                problem(number, f"unreadable date range {span.strip()!r} (expected yymmdd-yymmdd, >yymmdd or <yymmdd)")
                continue
            start = _petrarch_day((dates.group(1) or dates.group(3)) if dates else None)
            end = _petrarch_day((dates.group(2) or dates.group(4)) if dates else None)
            entries[-1]["codes"].append((code.strip().upper(), start, end, number))
    records = []
    for entry in entries:
        record = _petrarch_record(entry, kind, kb, cameo_orgs, problem)
        if record is not None:
            records.append(record)
    return records


def _petrarch_record(entry: dict, kind: str, kb: ActorKB, cameo_orgs: dict[str, str],
                     problem: Callable[[int, str], None]) -> dict | None:
    codes = [c for c in entry["codes"] if not (len(c[0]) == 3 and c[0] in kb.countries)]
    if not codes:
        return None  # a country name or an entry without codes: the KB has countries already
    roles = []
    for code, start, end, number in codes:
        country, sector, org = _cameo_parts(code, kb, cameo_orgs)
        if sector is None:
            problem(number, f"{entry['name']}: code {code!r} names no known CAMEO sector")
            continue
        roles.append({"office": "other", "title": None, "country": country, "org": org, "sector": sector,
                      "start": start, "end": end})
    if not roles:
        return None
    aliases = [a for a in dict.fromkeys(entry["aliases"]) if a != entry["name"]]
    surname = entry["name"].split()[-1]
    is_person = kind == "person" or (kind == "auto" and (
        any(r["start"] or r["end"] or r["sector"] == "ELI" for r in roles)
        or (" " in entry["name"] and surname in aliases)))  # "+ANNAN_" under KOFI_ANNAN_
    if is_person:
        nationality = next((r["country"] for r in roles if r["country"]), None)
        return {"id": slug(entry["name"]), "name": entry["name"], "aliases": aliases, "gender": None,
                "country": nationality, "roles": roles}
    first = roles[0]
    code = re.sub(r"[^A-Z0-9]", "", entry["name"].upper())
    if code in kb.countries or code in kb.sectors:
        code += "ORG"
    armed = first["sector"] in HOMED_SECTORS | {"MIL", "IMG"}
    return {"code": code, "name": entry["name"], "kind": "group" if armed else "organization",
            "sector": first["sector"], "country": first["country"] or (TRANSNATIONAL if armed else "-"),
            "aliases": [entry["name"], *aliases]}


def import_petrarch_agents(path: str | Path, *, on_problem: Callable[[str], None] | None = None) -> list[dict]:
    """Role nouns of a PETRARCH/TABARI agents dictionary (``POLICE_ [~COP]``) as rows of roles.tsv:
    ``{"phrase", "sector", "office", "standalone"}`` (no office; not standalone: agents need a country)."""
    path = Path(path)
    sectors = set(read_kb(people_paths=[]).sectors)
    rows: dict[str, dict] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        codes = [c.strip().lstrip("~").upper() for c in _PETRARCH_CODE.findall(line) if c.strip().startswith("~")]
        if not codes:
            continue
        raw = re.sub(r"\{[^}]*\}|<[^>]*>", "", _PETRARCH_CODE.sub("", line)).strip()
        phrase = " ".join(w for w in raw.replace("_", " ").lower().split())
        sector = next((code[i:i + 3] for code in codes for i in range(0, len(code), 3) if code[i:i + 3] in sectors),
                      None)
        message = ("wildcard phrases (!...!) are not supported" if "!" in phrase or not phrase
                   else None if sector else f"no known CAMEO sector in {codes}")
        if message:
            if on_problem is None:
                raise ActorDataError(f"{path}:{number}: {message}")
            on_problem(f"{path}:{number}: {message}")
            continue
        rows.setdefault(phrase, {"phrase": phrase, "sector": sector, "office": None, "standalone": False})
    return list(rows.values())


def write_petrarch_dictionary(source: str | Path, target: str | Path, *, replace_known: bool = False,
                              on_problem: Callable[[str], None] | None = None) -> list[Path]:
    """Convert a PETRARCH/TABARI actors or agents dictionary into user actor files next to ``target``:
    ``<target>.jsonl`` (people), ``<target>.orgs.tsv`` and, for agents, ``<target>.roles.tsv``.

    Entries the packaged KB already has (same person id, organisation code or role phrase) are left out
    unless ``replace_known``. Returns the files written, ready for ``$TIDINGS_ACTORS``."""
    source, target = Path(source), Path(target)
    stem = target.parent / target.name.removesuffix(".jsonl")
    kb = read_kb()
    written = []
    if "[~" in source.read_text(encoding="utf-8", errors="replace"):
        roles = [r for r in import_petrarch_agents(source, on_problem=on_problem)
                 if replace_known or r["phrase"] not in kb.roles]
        lines = [f"{r['phrase']}\t{r['sector']}\t-\tn" for r in roles]
        written.append(_write_lines(stem.with_name(stem.name + ".roles.tsv"), lines))
        return written
    records = import_petrarch_actors(source, on_problem=on_problem)
    people = [r for r in records if "id" in r and (replace_known or r["id"] not in kb.people)]
    orgs = [r for r in records if "code" in r and (replace_known or r["code"] not in kb.orgs)]
    written.append(_write_lines(stem.with_name(stem.name + ".jsonl"),
                                [json.dumps(p, ensure_ascii=False) for p in people]))
    if orgs:
        lines = [f"{o['code']}\t{o['name']}\t{o['kind']}\t{o['sector']}\t{o['country']}\t{';'.join(o['aliases'])}"
                 for o in orgs]
        written.append(_write_lines(stem.with_name(stem.name + ".orgs.tsv"), lines))
    return written


def _write_lines(path: Path, lines: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


# --- Phoenix country dictionary → people files ----------------------------------------------

#: Date range of a Phoenix role: ``yymmdd`` or ``yyyymmdd`` bounds (``030101-041231``, ``>20100201``, ``<061231``).
_PHOENIX_SPAN = re.compile(r"^(?:(\d{6}|\d{8})-(\d{6}|\d{8})|>\s*(\d{6}|\d{8})|<\s*(\d{6}|\d{8}))$")
#: Words that make a Phoenix entry a title or description, not a person's name ("FOREIGN_MINISTER_ABDULLAH_").
_PHOENIX_NOT_NAME = frozenset("minister president acting general secretary prime foreign king queen prince princess "
                              "sheikh emir governor deputy chief former leader spokesman ambassador senator "
                              "the of and mr mrs ms dr".split())


def _phoenix_day(raw: str | None, year_of_file: int) -> str | None:
    """``030101`` → ``2003-01-01``, ``19270101`` → ``1927-01-01``: a two-digit year after the dictionary's own
    year (``year_of_file``, two digits) is of the 1900s. None when the day is not a calendar day."""
    if raw is None:
        return None
    if len(raw) == 6:
        yy = int(raw[:2])
        raw = f"{2000 + yy if yy <= year_of_file else 1900 + yy}{raw[2:]}"
    day = f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    return day if _ISO_DATE.match(day) else None


def _phoenix_entries(path: Path) -> list[dict]:
    """Name, aliases and (code, start, end) roles of every entry of a Phoenix ``.actors`` file, tolerantly:
    unreadable codes and dates are dropped (counted by the caller from what is missing)."""
    entries: list[dict] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        head = _PETRARCH_CODE.sub("", line).strip()
        if head.startswith("+") and entries:
            entries[-1]["aliases"].append(head[1:])
        elif head and not line[:1].isspace() and not line.startswith("["):
            entries.append({"raw": head, "aliases": [], "codes": []})
        if not entries:
            continue
        for code_text in _PETRARCH_CODE.findall(line):
            code, _, span = code_text.strip().partition(" ")
            entries[-1]["codes"].append((code.strip().upper(), span.strip()))
    return entries


def _phoenix_name(raw: str) -> str | None:
    """A person's name from a Phoenix entry (``ANWAR_UL_HAQ_AHADY_`` → ``Anwar Ul Haq Ahady``), None for titles,
    single words and anything with digits or brackets."""
    if re.search(r"[\d()/:+{}]", raw):
        return None
    name = _petrarch_name(raw.replace(" ", "_"))
    words = name.split()
    if len(words) < 2 or any(w.lower().strip(".") in _PHOENIX_NOT_NAME for w in words):
        return None
    return name if all(re.fullmatch(r"[A-Z]\.|[A-Z][a-zA-Z'-]*", w) for w in words) else None


#: Earliest year a converted Phoenix role may end in: the post-war leaders of CountryInfo, whom news archives
#: (and event data sets coded from them) still name.
PHOENIX_SINCE = "1945"


def convert_phoenix_people(path: str | Path, kb: ActorKB, *, year_of_file: int = 14, since: str = PHOENIX_SINCE,
                           open_end: str | None = "2014") -> tuple[list[dict], dict[str, int]]:
    """People with dated national roles from a Phoenix country dictionary (``Phoenix.Countries.actors.txt``),
    as records of ``people/*.jsonl``, and a count of what was left out and why.

    Kept: entries whose name is a person's full name (two words or more, no title words), with at least one
    dated role of a known country and sector that ends in or after ``since``; roles are office ``other``;
    an open-ended role (``>100201``) ends at ``open_end`` (the dictionary's last year: it cannot vouch for
    later); undated codes are dropped (the resolver makes a person ELI once a tenure has ended). Left out:
    people the KB has (same id, name or alias), names two countries share, names and aliases that are also
    country or organisation names. Aliases are the entry's other full names (never a bare surname)."""
    cameo_orgs = {cameo: org for _, (cameo, org) in _rows(DATA_DIR / "cameo_orgs.tsv")}
    known = {fold_name(a) for p in kb.people.values() for a in (p.name, *p.aliases)}
    places = {a for c in kb.countries.values() for a in (c.name, *c.aliases, *c.adjectives, *c.capitals)}
    places |= {a for seat in kb.seats for a in seat.aliases} | {a for org in kb.orgs.values() for a in org.aliases}
    skipped: dict[str, int] = {}
    found: dict[str, dict] = {}

    def skip(reason: str) -> None:
        skipped[reason] = skipped.get(reason, 0) + 1

    for entry in _phoenix_entries(Path(path)):
        name = _phoenix_name(entry["raw"])
        if name is None:
            skip("not a full personal name")
            continue
        roles = _phoenix_roles(entry, kb, cameo_orgs, year_of_file, open_end, since)
        if not roles:
            skip("no dated national role since " + since)
            continue
        aliases = [a for a in (_phoenix_name(raw) for raw in entry["aliases"]) if a and a != name]
        if any(fold_name(n) in known for n in (name, *aliases)) or slug(name) in kb.people:
            skip("already in the knowledge base")
            continue
        if any(n in places for n in (name, *aliases)):
            skip("name of a country or organisation")
            continue
        pid = slug(name)
        record = found.setdefault(pid, {"id": pid, "name": name, "aliases": [], "gender": None,
                                        "country": roles[0]["country"], "roles": []})
        record["aliases"] = list(dict.fromkeys(record["aliases"] + aliases))
        record["roles"] += [r for r in roles if r not in record["roles"]]
    people = []
    for record in found.values():
        if len({r["country"] for r in record["roles"]}) > 1:
            skip("name shared by two countries")
            continue
        record["roles"].sort(key=lambda r: (r["start"] or "", r["end"] or ""))
        people.append(record)
    return people, skipped


def _phoenix_roles(entry: dict, kb: ActorKB, cameo_orgs: dict[str, str], year_of_file: int, open_end: str | None,
                   since: str) -> list[dict]:
    """The dated national roles of a Phoenix entry ending in or after ``since``, as people-file roles of office
    ``other`` (see ``convert_phoenix_people``)."""
    roles = []
    for code, span in entry["codes"]:
        dates = _PHOENIX_SPAN.match(span)
        country, sector, org = _cameo_parts(code, kb, cameo_orgs)
        if dates is None or sector is None or country is None:
            continue
        start = _phoenix_day(dates.group(1) or dates.group(3), year_of_file)
        end = _phoenix_day(dates.group(2) or dates.group(4), year_of_file) if not dates.group(3) else open_end
        if (start is None and dates.group(1)) or (start and end and _lower(start) > _upper(end)):
            continue
        roles.append({"office": "other", "title": None, "country": country, "org": org, "sector": sector,
                      "start": start, "end": end})
    return [r for r in roles if r["end"] is None or _upper(r["end"]) >= _lower(since)]


def first_start(person: Person) -> str | None:
    """The earliest start of a person's tenures (None when a tenure has no start or there is none)."""
    starts = [t.start for t in person.roles if t.start is not None]
    return min(_lower(d) for d in starts) if starts and len(starts) == len(person.roles) else None


def earlier_role_fits(role: Tenure, person: Person) -> bool:
    """Whether an earlier role ends (and starts) on or before the first of the person's own tenures."""
    first = first_start(person)
    return (first is not None and role.start is not None and role.end is not None
            and _lower(role.start) <= first and _lower(role.end) <= first)


def convert_phoenix_earlier_roles(path: str | Path, kb: ActorKB, *, year_of_file: int = 14,
                                  since: str = PHOENIX_SINCE) -> tuple[list[dict], dict[str, int]]:
    """What a Phoenix country dictionary says of the curated people before their first tenure in the KB (Ariel
    Sharon: ``ISRELI`` until he became prime minister in 2001), as ``{"id", "roles"}`` records of
    ``earlier_roles.jsonl``, and counts of the entries used and left out.

    An entry is used when its name or an alias is the name or an alias of exactly one curated person (accents and
    case aside) and all its dated roles are of that person's country; its roles are kept when they start and end
    on or before the person's first curated tenure (closed ranges only: an open end cannot be dated)."""
    cameo_orgs = {cameo: org for _, (cameo, org) in _rows(DATA_DIR / "cameo_orgs.tsv")}
    names: dict[str, set[str]] = {}
    for person in kb.people.values():
        if person.id in kb.tagged_only:
            continue
        for name in (person.name, *person.aliases):
            if len(name.split()) > 1:
                names.setdefault(fold_name(name), set()).add(person.id)
    counts = {"people": 0, "roles": 0}
    found: dict[str, list[dict]] = {}

    def count(reason: str) -> None:
        counts[reason] = counts.get(reason, 0) + 1

    for entry in _phoenix_entries(Path(path)):
        pids = {pid for raw in (entry["raw"], *entry["aliases"]) if (spelt := _phoenix_name(raw))
                for pid in names.get(fold_name(spelt), ())}
        if len(pids) != 1:
            if len(pids) > 1:
                count("left out: a name of two curated people")
            continue
        person = kb.people[pids.pop()]
        roles = [r for r in _phoenix_roles(entry, kb, cameo_orgs, year_of_file, None, since)
                 if r["end"] is not None and earlier_role_fits(_tenure(r), person)]
        if any(r["country"] != person.country for r in roles):
            count("left out: a role of another country")
            continue
        kept = found.setdefault(person.id, [])
        kept += [r for r in roles if r not in kept]
    records = []
    for pid, roles in sorted(found.items()):
        if roles:
            roles.sort(key=lambda r: (r["start"] or "", r["end"] or ""))
            records.append({"id": pid, "roles": roles})
            counts["people"] += 1
            counts["roles"] += len(roles)
    return records, counts


def write_phoenix_earlier_roles(source: str | Path, target: str | Path, kb: ActorKB | None = None) -> dict[str, int]:
    """Write ``convert_phoenix_earlier_roles(source)`` to ``target`` (``earlier_roles.jsonl``), one compact line
    a person sorted by id; returns the counts."""
    kb = kb or read_kb(people_paths=[p for p in people_files() if not p.name.startswith(TAGGED_ONLY_PREFIX)])
    records, counts = convert_phoenix_earlier_roles(source, kb)
    lines = [json.dumps({"id": r["id"], "roles": [{k: v for k, v in role.items() if v is not None}
                                                   for role in r["roles"]]}, ensure_ascii=False,
                        separators=(",", ":")) for r in records]
    _write_lines(Path(target), lines)
    return counts


def fold_name(name: str) -> str:
    """Accent-, case- and punctuation-free form of a name, to tell whether two spellings are one name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_name).split())


def write_phoenix_people(source: str | Path, target: str | Path, kb: ActorKB | None = None) -> dict[str, int]:
    """Write ``convert_phoenix_people(source)`` to ``target`` (a ``people/phoenix_*.jsonl`` file), one compact
    line a person (empty and null fields left out), sorted by id; returns the counts of people kept and left out."""
    kb = kb or read_kb(people_paths=[p for p in people_files() if not p.name.startswith(TAGGED_ONLY_PREFIX)])
    people, skipped = convert_phoenix_people(source, kb)
    lines = []
    for person in sorted(people, key=lambda p: p["id"]):
        compact = {k: v for k, v in person.items() if v not in (None, [])}
        compact["roles"] = [{k: v for k, v in r.items() if v is not None} for r in person["roles"]]
        lines.append(json.dumps(compact, ensure_ascii=False, separators=(",", ":")))
    _write_lines(Path(target), lines)
    return {"kept": len(people), **skipped}


# --- Phoenix non-state armed groups → phoenix_groups.tsv ------------------------------------

#: Words showing that a Phoenix non-state entry names a group, not a person ("Commander Khattab" is left out).
_GROUP_WORDS = frozenset("front army brigade brigades battalion battalions movement organization organisation party "
                         "council cell cells faction group groups forces force jihad liberation resistance tigers "
                         "commando commandos nuclei militia union league alliance committee guerrillas "
                         "mujahideen mujahidin fighters revolutionaries".split())
_GROUP_PREFIXES = ("Al-", "Jaish", "Jaysh", "Lashkar", "Harakat", "Hizb", "Tehrik", "Ansar", "Jamaat", "Jund",
                   "Kata'ib", "Asbat", "Tanzim")
_SMALL_WORDS = frozenset("of the for and in to on at by de del la el".split())


def _group_name(raw: str) -> tuple[str, str | None] | None:
    """``BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_`` → (``Basque Fatherland and Freedom``, ``ETA``): news casing
    (small words lower), the bracketed acronym apart; None when the entry does not name a group."""
    acronym = re.search(r"\(([A-Za-z-]{3,})\)", raw)
    base = re.sub(r"\([^)]*\)", "", raw)
    if re.search(r"[\d/:+{}]", base):
        return None
    words = _petrarch_name(base.replace(" ", "_")).split()
    words = [w.lower() if k and w.lower() in _SMALL_WORDS else w for k, w in enumerate(words)]
    name = " ".join(words)
    grouped = any(w.lower().strip("'") in _GROUP_WORDS for w in re.split(r"[\s-]+", name))
    if len(words) < 2 or not (grouped or name.startswith(_GROUP_PREFIXES)):
        return None
    return name, acronym.group(1).upper() if acronym else None


def convert_phoenix_groups(path: str | Path, kb: ActorKB) -> tuple[list[list[str]], dict[str, int]]:
    """Non-state armed groups of ``Phoenix.MilNonState.actors.txt`` as rows of ``orgs.tsv`` (code, name, kind
    ``group``, sector ``REB``, home country from the code's first three letters, ``*`` for a regional or
    international code such as ``INT``/``IMG``/``MEA``), and a count of what was left out and why.

    Left out: entries naming a person or a generic phrase (no group word), groups the KB has (a shared alias),
    names shared with a country, seat, organisation or person of the KB, and the same name under two codes.
    Aliases are the group's full names and its bracketed acronym when it has four letters or more (shorter
    ones are too often other things)."""
    taken = {a for o in kb.orgs.values() for a in o.aliases}
    taken |= {a for c in kb.countries.values() for a in (c.name, *c.aliases, *c.adjectives, *c.capitals)}
    taken |= {a for seat in kb.seats for a in seat.aliases}
    taken |= {a for p in kb.people.values() for a in (p.name, *p.aliases)}
    group_names = sorted({a for o in kb.orgs.values() if o.kind == "group" for a in o.aliases if len(a) >= 5},
                         key=len, reverse=True)
    known = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, group_names)) + r")(?!\w)")  # "Abu Sayyaf Group"
    skipped: dict[str, int] = {}
    rows: dict[str, list[str]] = {}
    owners: dict[str, set[str]] = {}
    homes: dict[str, set[str]] = {}

    def skip(reason: str) -> None:
        skipped[reason] = skipped.get(reason, 0) + 1

    for entry in _phoenix_entries(Path(path)):
        named = _group_name(entry["raw"])
        codes = [code for code, _span in entry["codes"] if code.endswith("REB") or code.startswith("IMG")]
        if named is None or not codes:
            skip("not a group name" if named is None else "no armed-group code")
            continue
        name, acronym = named
        aliases = [name] + [n for n, _ in (g for g in map(_group_name, entry["aliases"]) if g) if n != name]
        if acronym and len(acronym) >= 4:
            aliases.append(acronym)
        if any(a in taken for a in aliases) or any(known.search(a) for a in aliases):
            skip("already in the knowledge base, or a name it uses for another actor")
            continue
        iso = codes[0][:3]
        country = iso if iso in kb.countries and codes[0][3:] == "REB" else TRANSNATIONAL
        code = "PHX" + re.sub(r"[^A-Z0-9]", "", name.upper())[:24]
        for alias in aliases:
            owners.setdefault(alias, set()).add(code)
        homes.setdefault(code, set()).add(country)
        rows.setdefault(code, [code, name, "group", "REB", country, ";".join(dict.fromkeys(aliases))])
    shared = {code for codes in owners.values() if len(codes) > 1 for code in codes}
    shared |= {code for code, countries in homes.items() if len(countries) > 1}  # one name, two countries
    for _ in shared:
        skip("a name shared by two entries")
    return [row for code, row in sorted(rows.items()) if code not in shared], skipped


def write_phoenix_groups(source: str | Path, target: str | Path, kb: ActorKB | None = None) -> dict[str, int]:
    """Write ``convert_phoenix_groups(source)`` to ``target`` (``phoenix_groups.tsv``, the ``orgs.tsv``
    format); returns the counts of groups kept and left out."""
    if kb is None:  # the KB as it is without the converted groups themselves
        kb = read_kb()
        kb.orgs = {code: org for code, org in kb.orgs.items() if code not in kb.tagged_only}
    rows, skipped = convert_phoenix_groups(source, kb)
    header = ("# code\tname\tkind\tsector\tcountry\taliases  "
              "(converted from Phoenix.MilNonState.actors.txt, MIT: see README.md)")
    _write_lines(Path(target), [header] + ["\t".join(row) for row in rows])
    return {"kept": len(rows), **skipped}
