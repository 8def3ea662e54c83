"""Provenance: each ingest records its configuration and resource versions; a stored event says its run."""
import hashlib

import pytest

from tests.batch.stories import STORIES
from tidings import __version__, provenance
from tidings.batch import ingest
from tidings.config import Config
from tidings.models import RawArticle
from tidings.pipeline import Pipeline
from tidings.storage import Store, StoreError


@pytest.fixture(scope="module")
def user_verbs(tmp_path_factory):
    path = tmp_path_factory.mktemp("verbs") / "mine.txt"
    path.write_text("[051]\nblast *\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def config(user_verbs):
    return Config().replace(events={"lexicon_files": [str(user_verbs)], "min_confidence": 0.2},
                            places={"min_scan_population": 15_000})


@pytest.fixture(scope="module")
def pipeline(config):
    return Pipeline(config=config)


def raws(*names: str) -> list[RawArticle]:
    return [RawArticle(id=name, text=STORIES[name], published="2021-12-30", origin=f"{name}.txt") for name in names]


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_run_records_its_configuration_and_the_hash_of_every_resource_file(tmp_path, pipeline, config, user_verbs):
    with Store.open(tmp_path / "t.db") as store:
        ingest([], store=store, inputs=raws("summit", "shelling"), pipeline=pipeline)
        (run,) = provenance.runs(store)
    assert run["config"] == config.to_dict() and run["config"]["events"]["min_confidence"] == 0.2
    assert run["tidings_version"] == __version__ and run["finished_at"] >= run["started_at"]
    assert run["summary"]["stored"] == 2 and run["articles"] == 2
    resources = run["resources"]
    assert {"lexicon", "actors", "ontology", "models"} <= set(resources)
    for name, file in (("ontology", "cameo.tsv"), ("models", "event_scorer.npz"), ("lexicon", "conflict.txt")):
        assert resources[name]["files"][file] == sha256(provenance.DATA / name / file)
    assert resources["user_lexicon"]["files"] == {str(user_verbs): sha256(user_verbs)}
    assert resources["user_actors"]["files"] == {} and resources["packages"]["spacy"]


def test_every_stored_article_and_event_points_to_the_run_that_stored_it(tmp_path, pipeline):
    with Store.open(tmp_path / "t.db") as store:
        ingest([], store=store, inputs=raws("summit", "shelling"), pipeline=pipeline)
        ingest([], store=store, inputs=raws("summit", "sanctions"), pipeline=pipeline)  # summit: already done
        first, second = sorted(r["id"] for r in provenance.runs(store))
        assert provenance.produced(store, article="summit")["id"] == first
        assert provenance.produced(store, article="sanctions")["id"] == second
        event_id = store.load_document("sanctions").events[0].id
        assert provenance.produced(store, event=event_id)["id"] == second
        assert provenance.produced(store, run=first)["summary"]["stored"] == 2
        for missing in ({"article": "nowhere"}, {"event": "0000"}, {"run": 99}):
            with pytest.raises(StoreError, match="no (article|event|run)"):
                provenance.produced(store, **missing)


def test_an_edited_user_file_gives_a_new_hash(tmp_path):
    verbs = tmp_path / "edited.txt"
    verbs.write_text("[051]\nblast *\n", encoding="utf-8")
    config = Config().replace(events={"lexicon_files": [str(verbs)]})
    before = provenance.versions(config)["user_lexicon"]["sha256"]
    verbs.write_text("[051]\nblast *\nhail *\n", encoding="utf-8")
    assert provenance.versions(config)["user_lexicon"]["sha256"] != before
