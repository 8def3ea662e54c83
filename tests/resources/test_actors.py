"""The actor knowledge base: packaged data is valid, the validator explains what is wrong."""
import json
import os
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


@pytest.mark.parametrize("row, expected", [
    ("RUS\tclash\torganization\tIGO\t-\tClash",
     "code 'RUS' collides with a country or sector code (ids must be unique)"),
    ("RIVERFRONT\tRiver Front\tgroup\tREB\t-\tRiver Front",
     "RIVERFRONT: a non-state group or party needs its home country (ISO3, or * if transnational)"),
])
def test_validator_checks_organisation_rows(tmp_path, row, expected):
    data = _copy_tables(tmp_path)
    with (data / "orgs.tsv").open("a") as out:
        out.write(row + "\n")
    assert actors.validate(data, people_paths=[]) == [
        f"orgs.tsv:{len((data / 'orgs.tsv').read_text().splitlines())}: {expected}"]


@pytest.mark.parametrize("table, row, expected", [
    ("regions.tsv", "Georgia\tUSA\tGeorgian", "ambiguous name 'Georgian' stands for GEO, USA"),
    ("regions.tsv", "Wessex\tWSX\tWessexman",
     "regions.tsv:{n}: Wessex: needs a known country and capitalised demonyms"),
    ("org_words.tsv", "Holdings\tCORP", "org_words.tsv:{n}: 'Holdings': needs a capitalised word and a known sector"),
    ("object_nouns.tsv", "troop\tpeople", "object_nouns.tsv:{n}: 'troop' must be one lowercase word that is not a "
                                          "role noun"),
])
def test_validator_checks_regions_org_words_and_object_nouns(tmp_path, table, row, expected):
    data = _copy_tables(tmp_path)
    with (data / table).open("a") as out:
        out.write(row + "\n")
    assert actors.validate(data, people_paths=[]) == [
        expected.format(n=len((data / table).read_text().splitlines()))]


def test_regions_org_words_and_object_nouns_are_loaded(kb):
    regions = {r.name: r for r in kb.regions}
    columbia = regions["British Columbia"]
    assert (columbia.country, columbia.demonyms) == ("CAN", ("British Columbian",))
    assert kb.org_words["Corp"] == "BUS" and kb.org_words["Party"] == "PTY" and kb.org_words["Post"] == "MED"
    assert "missile" in kb.object_nouns and "troop" not in kb.object_nouns


def test_validator_rejects_person_alias_that_names_a_country(tmp_path):
    path = _write(tmp_path, [_person(aliases=["Dupont", "Chad"])])
    assert actors.validate(people_paths=[path]) == [
        "people: jean-dupont: alias 'Chad' is also a country or organisation name"]


def test_validator_rejects_a_name_shared_by_two_countries(tmp_path):
    data = _copy_tables(tmp_path)
    with (data / "seats.tsv").open("a") as out:
        out.write("Kremlin copy\tUKR\tGOV\tKremlin\n")
    assert actors.validate(data, people_paths=[]) == ["ambiguous name 'Kremlin' stands for RUS, UKR"]


@pytest.mark.parametrize("actor_id, country", [
    ("HAMAS", "PSE"), ("HEZBOLLAH", "LBN"), ("TALIBAN", "AFG"), ("HOUTHI", "YEM"), ("ELN", "COL"), ("FARC", "COL"),
    ("M23", "COD"), ("BOKOHARAM", "NGA"), ("ALSHABAAB", "SOM"), ("PKK", "TUR"), ("RSF", "SDN"),
    ("WAGNER~SYR", "RUS"), ("UKR-REB~RUS", "UKR"), ("RUS", "RUS"), ("vladimir-putin", "RUS"),
    ("ISIL", None), ("NATO", None), ("REB", None), ("steven-pifer", None), (None, None),
])
def test_home_country_of_groups_sectors_and_people(actor_id, country):
    assert actors.home_country(actor_id) == country


def test_armed_groups_keep_a_null_actor_country_but_record_their_home(kb):
    groups = [o for o in kb.orgs.values() if o.kind == "group" and not o.code.startswith("PHX")]
    assert all(o.country for o in groups if o.code not in ("ISIL", "AQ", "AQIM"))
    assert kb.orgs["ISIL"].country is None  # transnational: '*' in orgs.tsv


# --- user actor files ------------------------------------------------------------------------


def _user_files(tmp_path: Path) -> list[Path]:
    people = tmp_path / "mine.jsonl"
    people.write_text(json.dumps(_person(id="jens-stoltenberg", name="Jens Stoltenberg", aliases=["Stoltenbergo"]))
                      + "\n" + json.dumps(_person(name="Jean Dupont")) + "\n")
    orgs = tmp_path / "mine.orgs.tsv"
    orgs.write_text("# my groups\nVALLEYFRONT\tValley Liberation Front\tgroup\tREB\tPER\tValley Liberation Front;VLF\n")
    return [people, orgs]


def test_user_files_add_and_override_actors(tmp_path):
    kb = actors.load_kb(extra=_user_files(tmp_path))
    assert kb.people["jean-dupont"].country == "FRA"
    assert kb.people["jens-stoltenberg"].aliases == ("Stoltenbergo",)  # the user's entry wins
    assert kb.orgs["VALLEYFRONT"].country == "PER" and "VLF" in kb.orgs["VALLEYFRONT"].aliases
    assert "jean-dupont" not in actors.load_kb().people  # the packaged KB is untouched


def test_user_files_from_the_environment(tmp_path, monkeypatch):
    people, orgs = _user_files(tmp_path)
    monkeypatch.setenv(actors.USER_ENV, f"{people}{os.pathsep}{orgs}")
    assert actors.user_actor_paths() == (people, orgs)
    assert "VALLEYFRONT" in actors.load_kb().orgs
    monkeypatch.setenv(actors.USER_ENV, str(tmp_path))  # a folder stands for the actor files in it
    assert "jean-dupont" in actors.load_kb().people and "VALLEYFRONT" in actors.load_kb().orgs


def test_invalid_user_files_raise_with_file_and_line(tmp_path):
    people, orgs = _user_files(tmp_path)
    people.write_text(json.dumps(_person()) + "\n" + json.dumps(_person(id="paul-durand", role={"sector": "XYZ"}))
                      + "\n")
    orgs.write_text("VALLEYFRONT\tValley Liberation Front\tgroup\tREB\n")
    odd = tmp_path / "notes.txt"
    odd.write_text("x\n")
    with pytest.raises(actors.ActorDataError) as caught:
        actors.load_kb(extra=[people, orgs, odd])
    message = str(caught.value)
    assert f"{people}:2: paul-durand: roles[0]: unknown sector 'XYZ'" in message
    assert f"{orgs}:1: expected 6 tab-separated columns, got 4" in message
    assert f"{odd}: unknown kind of actor file" in message


def test_user_person_alias_may_not_name_a_country(tmp_path):
    people = tmp_path / "mine.jsonl"
    people.write_text(json.dumps(_person(aliases=["Chad"])) + "\n")
    assert actors.validate_user_files([people]) == [
        "people: jean-dupont: alias 'Chad' is also a country or organisation name"]


# --- PETRARCH / TABARI dictionaries ----------------------------------------------------------

PETRARCH = Path(__file__).parents[1] / "fixtures" / "actors" / "petrarch"


def test_petrarch_actors_become_people_and_organisations():
    records = {r.get("id") or r["code"]: r for r in actors.import_petrarch_actors(PETRARCH / "sample.actors")}
    assert set(records) == {"vladimir-putin", "ana-lopez-mercado", "john-mcallister", "NORTHERNHILLSBRIGADE",
                            "GLOBALWATERFUND", "samuel-okonkwo", "tomas-brandt"}  # the bare country entry is skipped
    assert records["samuel-okonkwo"]["roles"][0]["sector"] == "ELI"  # undated, but elites are people
    assert records["tomas-brandt"]["country"] == "DEU"  # undated, but the surname is an alias
    putin = records["vladimir-putin"]
    assert putin["aliases"] == ["Putin", "Vladimir Vladimirovich Putin"] and putin["country"] == "RUS"
    assert [(r["sector"], r["start"], r["end"]) for r in putin["roles"]] == [
        ("GOV", "2000-05-07", "2008-05-07"), ("ELI", "2008-05-07", None)]
    assert [r["sector"] for r in records["ana-lopez-mercado"]["roles"]] == ["GOV", "OPP"]  # codes on own lines
    un_role = records["john-mcallister"]["roles"][0]
    assert (un_role["country"], un_role["org"], un_role["sector"]) == (None, "UN", "IGO")
    brigade = records["NORTHERNHILLSBRIGADE"]
    assert (brigade["kind"], brigade["sector"], brigade["country"]) == ("group", "REB", "COL")
    assert brigade["aliases"] == ["Northern Hills Brigade", "Hills Brigade"]


def test_petrarch_problems_name_the_line(tmp_path):
    bad = tmp_path / "bad.actors"
    bad.write_text("JOHN_DOE_ [USAGOV 2001-2005]\n")
    with pytest.raises(actors.ActorDataError, match=r"bad\.actors:1: unreadable date range '2001-2005'"):
        actors.import_petrarch_actors(bad)
    seen = []
    assert actors.import_petrarch_actors(bad, on_problem=seen.append) == [] and len(seen) == 1


def test_petrarch_agents_become_role_nouns():
    seen = []
    rows = actors.import_petrarch_agents(PETRARCH / "sample.agents", on_problem=seen.append)
    assert [(r["phrase"], r["sector"]) for r in rows] == [
        ("harbour pilot", "BUS"), ("coast warden", "COP"), ("village elder", "CVL")]
    assert seen == [f"{PETRARCH / 'sample.agents'}:4: wildcard phrases (!...!) are not supported"]


def test_written_petrarch_import_is_a_valid_user_dictionary(tmp_path):
    written = actors.write_petrarch_dictionary(PETRARCH / "sample.actors", tmp_path / "petrarch.jsonl")
    assert [p.name for p in written] == ["petrarch.jsonl", "petrarch.orgs.tsv"]
    assert "vladimir-putin" not in written[0].read_text()  # the packaged KB already has him
    agents = actors.write_petrarch_dictionary(PETRARCH / "sample.agents", tmp_path / "petrarch", on_problem=print)
    assert [p.name for p in agents] == ["petrarch.roles.tsv"]
    assert actors.validate_user_files(written + agents) == []
    kb = actors.load_kb(extra=written + agents)
    assert kb.people["ana-lopez-mercado"].roles[1].sector == "OPP"
    assert kb.orgs["NORTHERNHILLSBRIGADE"].country == "COL" and kb.roles["coast warden"].sector == "COP"


@pytest.mark.parametrize("row, expected", [
    ("junta\t-\tnot a roles.tsv phrase", "'junta' must be a GOV phrase of roles.tsv with a known country or -"),
    ("regime\tXYZ\tunknown country", "'regime' must be a GOV phrase of roles.tsv with a known country or -"),
    ("police\t-\tnot a government noun", "'police' must be a GOV phrase of roles.tsv with a known country or -"),
])
def test_validator_checks_government_nouns(tmp_path, row, expected):
    data = _copy_tables(tmp_path)
    with (data / "government_nouns.tsv").open("a") as out:
        out.write(row + "\n")
    lines = len((data / "government_nouns.tsv").read_text().splitlines())
    assert actors.validate(data, people_paths=[]) == [f"government_nouns.tsv:{lines}: {expected}"]


def test_government_nouns_are_loaded_with_their_default_country():
    nouns = actors.read_kb(people_paths=[]).government_nouns
    assert nouns["administration"] == "USA" and nouns["regime"] is None


def test_phoenix_country_dictionary_becomes_dated_people():
    kb = actors.read_kb(people_paths=[FIXTURE_PEOPLE])
    people, skipped = actors.convert_phoenix_people(PETRARCH / "countries_sample.actors", kb, since="2000")
    by_id = {p["id"]: p for p in people}
    assert set(by_id) == {"marta-elena-voskuijl", "johannes-wirthmueller"}
    marta = by_id["marta-elena-voskuijl"]
    assert marta["aliases"] == ["Marta Voskuijl"] and marta["country"] == "NLD"  # never a bare surname
    assert [(r["sector"], r["start"], r["end"]) for r in marta["roles"]] == [
        ("ELI", "1965-01-01", "2003-01-01"), ("GOV", "2003-01-01", "2006-12-31"), ("GOV", "2010-02-01", "2014")]
    # an unreadable seven-digit date drops its role, not the person; the country and the title are not people
    assert [r["sector"] for r in by_id["johannes-wirthmueller"]["roles"]] == ["MIL"]
    assert skipped == {"not a full personal name": 2, "no dated national role since 2000": 1,
                       "already in the knowledge base": 1, "name shared by two countries": 1}


def test_phoenix_people_keep_roles_back_to_the_post_war_years():
    kb = actors.read_kb(people_paths=[FIXTURE_PEOPLE])
    people, skipped = actors.convert_phoenix_people(PETRARCH / "countries_sample.actors", kb)
    by_id = {p["id"]: p for p in people}
    assert [(r["country"], r["sector"], r["end"]) for r in by_id["henrik-oddlaug"]["roles"]] == [
        ("NOR", "GOV", "1997-02-28")]
    assert "no dated national role since " + actors.PHOENIX_SINCE not in skipped


def test_phoenix_people_are_name_only_and_valid(tmp_path):
    people = tmp_path / "people"
    people.mkdir()
    target = people / (actors.TAGGED_ONLY_PREFIX + "sample.jsonl")
    counts = actors.write_phoenix_people(PETRARCH / "countries_sample.actors", target,
                                         actors.read_kb(people_paths=[FIXTURE_PEOPLE]))
    assert counts["kept"] == 3
    assert actors.validate(people_paths=[FIXTURE_PEOPLE, target]) == []
    kb = actors.read_kb(people_paths=[FIXTURE_PEOPLE, target])
    assert kb.tagged_only & set(kb.people) == {"marta-elena-voskuijl", "johannes-wirthmueller", "henrik-oddlaug"}
    assert "vladimir-putin" not in kb.tagged_only


def test_phoenix_armed_groups_become_name_only_organisations(tmp_path):
    kb = actors.read_kb(people_paths=[FIXTURE_PEOPLE])
    rows, skipped = actors.convert_phoenix_groups(PETRARCH / "groups_sample.actors", kb)
    assert [row[1:] for row in rows] == [
        ["Northern Valley Liberation Front", "group", "REB", "COL",
         "Northern Valley Liberation Front;Valley Liberation Front;NVLF"],
        ["Red Dawn Cells", "group", "REB", "*", "Red Dawn Cells"]]
    assert skipped == {"not a group name": 1, "already in the knowledge base, or a name it uses for another actor": 1,
                       "a name shared by two entries": 1}
    data = _copy_tables(tmp_path)
    actors.write_phoenix_groups(PETRARCH / "groups_sample.actors", data / actors.TAGGED_ORG_FILE, kb)
    assert actors.validate(data, people_paths=[]) == []
    loaded = actors.read_kb(data, people_paths=[])
    assert {row[0] for row in rows} <= loaded.tagged_only and "NATO" not in loaded.tagged_only


def test_validator_lets_a_military_vehicle_be_a_role_noun_and_an_object_noun(tmp_path):
    """"Israeli warships" are the Israeli military, "the Sa'ar warship" a thing: both tables may list it."""
    data = _copy_tables(tmp_path)
    with (data / "object_nouns.tsv").open("a") as out:
        out.write("warship\tvehicle\n")
    assert actors.validate(data, people_paths=[]) == []
    with (data / "object_nouns.tsv").open("a") as out:
        out.write("tank\tpeople\n")
    assert actors.validate(data, people_paths=[]) == [
        f"object_nouns.tsv:{len((data / 'object_nouns.tsv').read_text().splitlines())}: 'tank' must be one "
        "lowercase word that is not a role noun"]


def test_phoenix_earlier_roles_fill_the_years_before_the_first_curated_tenure(tmp_path):
    """A curated person's Phoenix roles before their first KB tenure are kept; later and open ones are not."""
    source = tmp_path / "earlier.actors"
    source.write_text("JOSEPH_BIDEN_\n+JOE_BIDEN_\n\t[USALEG 730103-090115]\n\t[USAGOV 090120-170120]\n"
                      "\t[USAGOV >210120]\nRURITANIAN_NOBODY_\n\t[NLDGOV 010101-020101]\n", encoding="utf-8")
    kb = actors.read_kb(people_paths=[FIXTURE_PEOPLE])
    records, counts = actors.convert_phoenix_earlier_roles(source, kb)
    assert records == [{"id": "joe-biden", "roles": [{"office": "other", "title": None, "country": "USA", "org": None,
                                                      "sector": "LEG", "start": "1973-01-03", "end": "2009-01-15"}]}]
    assert counts["people"] == 1
    target = tmp_path / actors.EARLIER_ROLES_FILE
    actors.write_phoenix_earlier_roles(source, target, kb)
    people = actors.with_earlier_roles(actors.read_people([FIXTURE_PEOPLE]), target)
    assert [(t.sector, t.start) for t in people["joe-biden"].roles][:2] == [("LEG", "1973-01-03"),
                                                                             ("GOV", "2009-01-20")]


def test_earlier_roles_file_is_checked(tmp_path):
    data = _copy_tables(tmp_path)
    (data / actors.EARLIER_ROLES_FILE).write_text(
        '{"id": "joe-biden", "roles": [{"office": "other", "country": "USA", "sector": "LEG", "start": "2010",'
        ' "end": "2012"}]}\n{"id": "nobody-known", "roles": []}\n', encoding="utf-8")
    people = actors.read_people([FIXTURE_PEOPLE])
    assert actors._earlier_role_errors(data / actors.EARLIER_ROLES_FILE, people, {"LEG"}, {"USA"}, set()) == [
        f"{actors.EARLIER_ROLES_FILE}:1: a closed role of USA ending before the first tenure of joe-biden",
        f"{actors.EARLIER_ROLES_FILE}:2: needs the id of a curated person, once, and roles only"]
