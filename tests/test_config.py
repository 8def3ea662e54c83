"""The typed configuration: sources and their precedence, checks with one-line errors, round trips."""
import json
import os

import pytest

from tidings.config import Config, ConfigError, EventsOptions, PlacesOptions, load, parse_assignments


@pytest.fixture
def toml(tmp_path):
    def write(text: str, name: str = "tidings.toml"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path
    return write


def test_the_defaults_are_the_stages_own():
    config = load(environ={})
    assert config == Config()
    assert config.places.min_scan_population == 20_000 and config.quotes.max_quoted_share == 0.9
    assert config.events.min_confidence is None and config.events.loose is None and config.topic.gate


def test_overrides_beat_the_file_which_beats_the_environment(toml):
    path = toml("[places]\nmin_scan_population = 5000\nmin_city_population = 200\n"
                "[events]\nmin_confidence = 0.4\n")
    environ = {"TIDINGS_PLACES_MIN_SCAN_POPULATION": "7000", "TIDINGS_EVENTS_MIN_CONFIDENCE": "0.2",
               "TIDINGS_QUOTES_MIN_UNATTRIBUTED_WORDS": "9"}
    config = load(path, overrides={"events.min_confidence": 0.6}, environ=environ)
    assert config.events.min_confidence == 0.6           # override > file
    assert config.places.min_scan_population == 5000     # file > environment
    assert config.places.min_city_population == 200      # file > default
    assert config.quotes.min_unattributed_words == 9      # environment > default
    assert config.quotes.max_quoted_share == 0.9          # default


def test_the_older_environment_names_still_work_and_the_generic_ones_win():
    environ = {"TIDINGS_LEXICON": f"a.txt{os.pathsep}b.txt", "TIDINGS_ACTORS": "people.jsonl", "TIDINGS_DB": "x.db"}
    config = load(environ=environ)
    assert config.events.lexicon_files == ("a.txt", "b.txt")
    assert config.actors.files == ("people.jsonl",) and config.store.db == "x.db"
    assert load(environ={**environ, "TIDINGS_STORE_DB": "y.db"}).store.db == "y.db"


def test_paths_in_a_file_are_read_from_its_folder(toml, tmp_path):
    path = toml('[events]\nlexicon_files = ["verbs/mine.txt"]\n[store]\ndb = "news.db"\n')
    config = load(path, environ={"TIDINGS_DB": "elsewhere.db"})
    assert config.events.lexicon_files == (str(tmp_path / "verbs" / "mine.txt"),)
    assert config.store.db == str(tmp_path / "news.db")


@pytest.mark.parametrize("text, message", [
    ("[event]\nscore = true\n", "unknown section [event] (allowed: pipeline, topic, actors, places"),
    ("[events]\nmin_confidense = 0.3\n", "unknown option events.min_confidense (events takes: lexicon_files, score"),
    ("[events]\nmin_confidence = 1.5\n", "events.min_confidence must be a number from 0.0 to 1.0 (got 1.5)"),
    ("[places]\nmin_scan_population = 'many'\n", "places.min_scan_population must be an integer >= 0 (got 'many')"),
    ("[places]\nmin_scan_population = 2.5\n", "places.min_scan_population must be an integer >= 0 (got 2.5)"),
    ("[topic]\ngate = 1\n", "topic.gate must be true or false (got 1)"),
    ("[actors]\nfiles = [1, 2]\n", "actors.files must be a list of paths"),
    ("places = 3\n", "places must be a table ([places]) of options"),
    ("[places\n", "not valid TOML"),
])
def test_a_bad_file_is_one_line_naming_the_key_and_what_it_allows(toml, text, message):
    path = toml(text)
    with pytest.raises(ConfigError) as caught:
        load(path, environ={})
    assert message in str(caught.value) and str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_bad_environment_value_names_its_source():
    with pytest.raises(ConfigError, match=r"^environment: pipeline.batch_size must be an integer >= 1 \(got '0'\)"):
        load(environ={"TIDINGS_PIPELINE_BATCH_SIZE": "0"})


def test_a_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read configuration file"):
        load(tmp_path / "absent.toml", environ={})


def test_strings_are_read_as_on_a_command_line_and_unset_words_restore_the_default():
    config = load(overrides=parse_assignments(["events.loose=yes", "events.min_confidence=0.25", "topic.gate=off"]),
                  environ={})
    assert config.events.loose is True and config.events.min_confidence == 0.25 and config.topic.gate is False
    assert config.replace(events={"loose": "auto", "min_confidence": "default"}).events == EventsOptions()
    with pytest.raises(ConfigError, match="--set takes KEY=VALUE"):
        parse_assignments(["events.loose"])


def test_replace_checks_its_values_and_keeps_the_rest():
    config = Config().replace(places={"min_scan_population": 5000})
    assert config.places == PlacesOptions(min_scan_population=5000) and config.events == Config().events
    with pytest.raises(ConfigError, match="places.min_scan_population must be an integer >= 0"):
        Config().replace(places={"min_scan_population": -1})


def test_a_config_is_hashable_and_its_dict_is_plain_json():
    config = load(overrides={"events.lexicon_files": ["a.txt"]}, environ={})
    assert {config: 1}[load(overrides={"events.lexicon_files": ("a.txt",)}, environ={})] == 1
    data = json.loads(json.dumps(config.to_dict()))
    assert data["events"]["lexicon_files"] == ["a.txt"] and data["places"]["min_scan_population"] == 20_000
    assert load(overrides={f"{s}.{k}": v for s, o in data.items() for k, v in o.items()}, environ={}) == config


def test_the_environment_may_name_the_file(toml):
    path = toml("[places]\nmin_scan_population = 5000\n")
    environ = {"TIDINGS_CONFIG": str(path), "TIDINGS_PLACES_MIN_SCAN_POPULATION": "7000"}
    assert load(environ=environ).places.min_scan_population == 5000  # a file, so over the variables
    other = toml("[places]\nmin_scan_population = 100\n", name="other.toml")
    assert load(other, environ=environ).places.min_scan_population == 100  # a file given wins
