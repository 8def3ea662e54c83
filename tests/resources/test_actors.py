"""The actor knowledge base: packaged data is valid, the validator explains what is wrong."""
import json
from pathlib import Path

import pytest

from tidings.resources import actors
from tidings.resources.actors import Tenure

FIXTURE_PEOPLE = Path(__file__).parents[1] / "fixtures" / "actors" / "people.jsonl"


def test_packaged_data_including_people_files_is_valid():
    assert actors.validate() == []


def test_fixture_people_file_is_valid():
    assert actors.validate(people_paths=[FIXTURE_PEOPLE]) == []


@pytest.fixture(scope="module")
def kb():
    return actors.load_kb()


def test_countries_cover_the_world_with_everyday_names(kb):
    assert len(kb.countries) >= 240
    usa, gbr = kb.countries["USA"], kb.countries["GBR"]
    assert {"U.S.", "US", "USA", "America", "United States of America"} <= set(usa.aliases)
    assert {"Britain", "U.K.", "Great Britain"} <= set(gbr.aliases)
    assert "British" in gbr.adjectives and "Brit" in gbr.people_nouns
    assert "Ukrainian" in kb.countries["UKR"].adjectives
    assert {"Kyiv", "Kiev"} <= set(kb.countries["UKR"].capitals)


def test_seats_stand_for_a_country_sector(kb):
    seats = {alias: (s.country, s.sector) for s in kb.seats for alias in s.aliases}
    assert seats["Kremlin"] == ("RUS", "GOV")
    assert seats["Pentagon"] == ("USA", "MIL")
    assert seats["Downing Street"] == ("GBR", "GOV")
    assert seats["Elysee"] == seats["Élysée"] == ("FRA", "GOV")


def test_organisations_and_armed_groups(kb):
    igos = [o for o in kb.orgs.values() if o.sector in ("IGO", "JUD", "IRC", "NGO", "HRI", "MED", "ENV")
            and o.country is None]
    assert len(igos) >= 60
    assert kb.orgs["NATO"].sector == "IGO"
    assert kb.orgs["HAMAS"].sector == "REB" and kb.orgs["HAMAS"].country == "PSE"
    assert "Brussels" in kb.orgs["EU"].aliases  # the documented Brussels convention
    assert {"Taliban", "Hezbollah", "al-Shabaab", "Houthis", "Boko Haram"} <= {
        a for o in kb.orgs.values() if o.kind == "group" for a in o.aliases}


@pytest.mark.parametrize("phrase, sector", [
    ("president", "GOV"), ("troop", "MIL"), ("police", "COP"), ("judge", "JUD"), ("lawmaker", "LEG"),
    ("opposition", "OPP"), ("rebel", "REB"), ("protester", "CVL"), ("company", "BUS"),
    ("journalist", "MED"), ("student", "EDU"), ("refugee", "REF"),
])
def test_role_nouns_map_to_sectors(kb, phrase, sector):
    assert kb.roles[phrase].sector == sector


def test_tenure_with_partial_dates_is_inclusive():
    tenure = Tenure("president", None, "USA", None, "GOV", "2009", "2017-01")
    assert tenure.active_on("2009-01-01") and tenure.active_on("2017-01-31")
    assert not tenure.active_on("2017-02-01") and tenure.ended_before("2017-02-01")


def _write(tmp_path: Path, rows: list) -> Path:
    path = tmp_path / "people" / "bad.jsonl"
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    return path


def _person(**changes):
    role = {"office": "president", "title": "President", "country": "FRA", "org": None, "sector": "GOV",
            "start": "2017-05-14", "end": None}
    role.update(changes.pop("role", {}))
    person = {"id": "jean-dupont", "name": "Jean Dupont", "aliases": ["Dupont"], "gender": "m", "country": "FRA",
              "roles": [role]}
    person.update(changes)
    return person


@pytest.mark.parametrize("row, expected", [
    (_person(role={"office": "presdent"}), "unknown office 'presdent'"),
    (_person(country="FRX"), "country 'FRX' is not a known ISO3 code"),
    (_person(role={"sector": "GOVT"}), "unknown sector 'GOVT'"),
    (_person(role={"start": "2020-01-01", "end": "2019-12-31"}), "start 2020-01-01 is after end 2019-12-31"),
    (_person(role={"start": "14/05/2017"}), "must be an ISO date"),
    (_person(role={"org": "NOPE"}), "org 'NOPE' is not a code in orgs.tsv"),
    (_person(id="Jean Dupont"), "must be a lowercase slug"),
    (_person(gender="male"), "gender 'male'"),
    ("{not json", "not valid JSON"),
])
def test_validator_names_file_line_and_problem(tmp_path, row, expected):
    path = _write(tmp_path, [_person(id="someone-else"), row])
    errors = actors.validate(people_paths=[path])
    assert len(errors) == 1 and errors[0].startswith("people/bad.jsonl:2: ") and expected in errors[0]


def test_validator_catches_duplicate_ids_across_files(tmp_path):
    first = _write(tmp_path, [_person()])
    second = tmp_path / "people" / "more.jsonl"
    second.write_text(json.dumps(_person()) + "\n")
    errors = actors.validate(people_paths=[first, second])
    assert errors == ["people/more.jsonl:1: duplicate id 'jean-dupont' (first in people/bad.jsonl:1)"]


def _copy_tables(tmp_path: Path) -> Path:
    """A writable copy of the packaged actor tables (without people files)."""
    data = tmp_path / "actors"
    data.mkdir()
    for path in actors.DATA_DIR.glob("*.tsv"):
        (data / path.name).write_text(path.read_text())
    return data


def test_validator_checks_table_shapes(tmp_path):
    data = _copy_tables(tmp_path)
    with (data / "orgs.tsv").open("a") as out:
        out.write("RUS\tclash\torganization\tIGO\t-\tClash\n")
    assert actors.validate(data, people_paths=[]) == [
        f"orgs.tsv:{len((data / 'orgs.tsv').read_text().splitlines())}: code 'RUS' collides with a country or "
        "sector code (ids must be unique)"]


def test_validator_rejects_person_alias_that_names_a_country(tmp_path):
    path = _write(tmp_path, [_person(aliases=["Dupont", "Chad"])])
    assert actors.validate(people_paths=[path]) == [
        "people: jean-dupont: alias 'Chad' is also a country or organisation name"]


def test_validator_rejects_a_name_shared_by_two_countries(tmp_path):
    data = _copy_tables(tmp_path)
    with (data / "seats.tsv").open("a") as out:
        out.write("Kremlin copy\tUKR\tGOV\tKremlin\n")
    assert actors.validate(data, people_paths=[]) == ["ambiguous name 'Kremlin' stands for RUS, UKR"]
