"""A Pipeline runs its stages with the options of its configuration (file, environment, Python)."""
from tidings.config import Config
from tidings.models import RawArticle
from tidings.pipeline import ANNOTATORS, Pipeline, annotators_until, default_pipeline, pipeline_for

STORY = "Kenya blasted Uganda on Monday over the closure of a border post near Busia, the foreign ministry said."


def blast_codes(pipeline: Pipeline) -> set[str]:
    doc = pipeline.process(RawArticle(id="blast", text=STORY, published="2021-12-30"))
    return {e.cameo for e in doc.events if e.trigger.text == "blasted"}


def test_a_user_lexicon_named_by_the_configuration_codes_events(tmp_path, monkeypatch):
    monkeypatch.delenv("TIDINGS_LEXICON", raising=False)
    verbs = tmp_path / "mine.txt"
    verbs.write_text("[051]\nblast *\n", encoding="utf-8")
    builtin = blast_codes(Pipeline(annotators=annotators_until("events"), topic_gate=False))
    mine = blast_codes(Pipeline(annotators=annotators_until("events"), topic_gate=False,
                                config=Config().replace(events={"lexicon_files": [str(verbs)]})))
    assert "051" not in builtin and mine == {"051"}


def test_the_environment_is_read_once_by_the_configuration_not_again_by_the_stages(tmp_path, monkeypatch):
    verbs = tmp_path / "env.txt"
    verbs.write_text("[051]\nblast *\n", encoding="utf-8")
    monkeypatch.setenv("TIDINGS_LEXICON", str(verbs))
    assert blast_codes(Pipeline(annotators=annotators_until("events"), topic_gate=False)) == {"051"}
    # a configuration built without that environment runs without the file
    assert "051" not in blast_codes(Pipeline(annotators=annotators_until("events"), topic_gate=False,
                                             config=Config()))


def test_stage_options_are_bound_and_explicit_arguments_win_over_the_configuration():
    config = Config().replace(places={"min_scan_population": 5000}, quotes={"max_quoted_share": 0.3},
                              topic={"gate": False}, pipeline={"batch_size": 4})
    pipeline = Pipeline(config=config, topic_gate=True)
    stages = dict(pipeline.annotators)
    assert [name for name, _ in pipeline.annotators] == [name for name, _ in ANNOTATORS]
    assert stages["places"].keywords["min_scan_population"] == 5000
    assert stages["quotes"].keywords["max_quoted_share"] == 0.3
    assert pipeline.config.topic.gate is True and pipeline.topic_gate is True   # the argument wins
    assert pipeline.config.pipeline.batch_size == pipeline.batch_size == 4      # the configuration's


def test_a_stage_that_is_not_tidings_own_is_kept_as_given():
    def mark(doc):
        doc.article.title = "marked"
        return doc

    pipeline = Pipeline(annotators=(*annotators_until("actors"), ("mark", mark)), config=Config())
    assert dict(pipeline.annotators)["mark"] is mark and dict(pipeline.annotators)["actors"] is not ANNOTATORS[0][1]


def test_one_pipeline_per_configuration_and_the_default_for_the_environments(monkeypatch):
    for name in ("TIDINGS_LEXICON", "TIDINGS_ACTORS", "TIDINGS_DB"):
        monkeypatch.delenv(name, raising=False)
    assert pipeline_for(None) is default_pipeline() is pipeline_for(Config())
    other = Config().replace(places={"min_scan_population": 5000})
    assert pipeline_for(other) is pipeline_for(Config().replace(places={"min_scan_population": 5000}))
    assert pipeline_for(other) is not default_pipeline() and pipeline_for(other).nlp is default_pipeline().nlp
    assert pipeline_for(Config().replace(store={"db": "elsewhere.db"})) is default_pipeline()  # same stages
