"""Pipeline: stage order, CPU timings per stage, error policy, resources frozen out of the collector."""
import gc

from tidings.models import Document, Failure, RawArticle
from tidings.pipeline import ANNOTATORS, WARM_UP_ARTICLE, default_pipeline

STORY = ("Kenya accused Uganda on Monday of shelling a border post near Busia, the foreign ministry said. "
         "Ugandan officials denied the charge.")


def test_documents_and_failures_come_back_in_input_order_with_stage_timings():
    raws = [RawArticle(id="a", text=STORY), RawArticle(id="empty", text="   "), RawArticle(id="b", text=STORY)]
    out = list(default_pipeline().process_many(raws))
    assert [item.id if isinstance(item, Failure) else item.article.id for item in out] == ["a", "empty", "b"]
    assert isinstance(out[1], Failure) and out[1].reason.startswith("empty")
    doc = out[0]
    assert isinstance(doc, Document) and doc.parse is not None
    assert list(doc.timings) == ["clean", "nlp", *(name for name, _ in ANNOTATORS)]
    assert all(0 <= seconds < 60 for seconds in doc.timings.values())


def test_loaded_resources_are_frozen_out_of_garbage_collection_after_the_first_article():
    default_pipeline().process(RawArticle(id="c", text=STORY))
    assert gc.get_freeze_count() > 10_000


def test_the_process_wide_pipeline_is_warmed_up_so_lazy_resources_load_before_real_articles():
    from tidings.stages.actors import mentions

    default_pipeline()
    assert mentions._city_countries.cache_info().currsize == 1  # the city table, loaded only by rare mentions
    doc = default_pipeline().process(WARM_UP_ARTICLE)
    assert doc.actors and doc.places and doc.quotes and doc.events and doc.article.published == "2022-03-03"
