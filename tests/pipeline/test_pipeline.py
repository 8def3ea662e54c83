"""Pipeline: stage order, CPU timings per stage, error policy, resources frozen out of the collector."""
import gc

from tidings.models import Document, Failure, RawArticle
from tidings.pipeline import ANNOTATORS, WARM_UP_ARTICLE, Pipeline, default_pipeline

STORY = ("Kenya accused Uganda on Monday of shelling a border post near Busia, the foreign ministry said. "
         "Ugandan officials denied the charge.")


def test_documents_and_failures_come_back_in_input_order_with_stage_timings():
    raws = [RawArticle(id="a", text=STORY), RawArticle(id="empty", text="   "), RawArticle(id="b", text=STORY)]
    out = list(default_pipeline().process_many(raws))
    assert [item.id if isinstance(item, Failure) else item.article.id for item in out] == ["a", "empty", "b"]
    assert isinstance(out[1], Failure) and out[1].reason.startswith("empty")
    doc = out[0]
    assert isinstance(doc, Document) and doc.parse is not None
    assert list(doc.timings) == ["clean", "topic", "nlp", *(name for name, _ in ANNOTATORS)]
    assert all(0 <= seconds < 60 for seconds in doc.timings.values())


def test_loaded_resources_are_frozen_out_of_garbage_collection_after_the_first_article():
    default_pipeline().process(RawArticle(id="c", text=STORY))
    assert gc.get_freeze_count() > 10_000


def test_the_process_wide_pipeline_is_warmed_up_so_lazy_resources_load_before_real_articles():
    from tidings.resources import places

    default_pipeline()
    assert places._cached_gazetteer.cache_info().currsize == 1  # one gazetteer, read by places and actors alike
    doc = default_pipeline().process(WARM_UP_ARTICLE)
    assert doc.actors and doc.places and doc.quotes and doc.events and doc.article.published == "2022-03-03"


def test_a_text_longer_than_the_parser_takes_fails_with_a_reason_instead_of_being_cut(monkeypatch):
    from tidings.stages import nlp

    monkeypatch.setattr(nlp, "MAX_CHARS", 300)
    short = "NATO ministers met in Brussels on Friday to discuss support for Ukraine."
    long = "\n\n".join(f"{short[:-1]} for the {n}th time." for n in range(10))
    done, failed = Pipeline().process_many([RawArticle(id="short", text=short), RawArticle(id="long", text=long)])
    assert isinstance(done, Document) and done.parse is not None
    assert isinstance(failed, Failure) and failed.reason.startswith("too large:") and "limit 300" in failed.reason


def test_relative_dates_near_the_end_of_the_calendar_do_not_break_an_article():
    raw = RawArticle(id="late", text="NATO ministers will meet in Brussels the week after next.",
                     published="9999-12-31")
    (doc,) = default_pipeline().process_many([raw])
    assert isinstance(doc, Document) and doc.article.published is None
