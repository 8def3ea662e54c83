"""The per-article wall-time budget: a slow stage fails its own article, "time budget exceeded", and no other."""
from __future__ import annotations

import random
import signal
import threading
import time

import pytest

from tests.batch.slow import SLOW, busy, finished, slow_stage
from tidings.models import Article, Document, Failure, RawArticle
from tidings.pipeline import ANNOTATORS, Pipeline, default_pipeline
from tidings.pipeline.budget import ArticleClock, TimeBudgetExceeded, call_within, can_interrupt

STORY = ("Kenya accused Uganda on Monday of shelling a border post near Busia, the foreign ministry said. "
         "Ugandan officials denied the charge.")


def with_slow_stage(**options) -> Pipeline:
    base = default_pipeline()
    return Pipeline(annotators=(*ANNOTATORS, ("slow", slow_stage)), spacy_model=base.nlp, **options)


def outcome(item: Document | Failure) -> str:
    return item.reason if isinstance(item, Failure) else "document"


def test_call_within_interrupts_the_call_and_puts_the_previous_handler_and_timer_back():
    before = signal.getsignal(signal.SIGALRM)
    assert can_interrupt()
    finished.clear()
    with pytest.raises(TimeBudgetExceeded):
        call_within(0.2, slow_stage, Document(article=Article(id=SLOW, text="x")))
    assert finished == []
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_call_within_lets_a_quick_call_finish_and_leaves_no_alarm_behind():
    assert call_within(0.3, sum, range(1000)) == 499500
    busy(0.5)  # a stray alarm would raise here


def test_a_limit_running_out_as_the_call_returns_is_a_budget_error_never_a_stray_signal():
    rng = random.Random(7)
    outcomes = {"finished": 0, "exceeded": 0}
    for _ in range(3000):  # limits around the call's own duration: some ring inside it, some as it returns
        try:
            call_within(rng.uniform(1e-6, 1e-4), sum, range(rng.randrange(10, 3000)))
            outcomes["finished"] += 1
        except TimeBudgetExceeded:
            outcomes["exceeded"] += 1
    assert outcomes["finished"] and outcomes["exceeded"]
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_outside_the_main_thread_the_block_runs_to_its_end_and_the_clock_catches_it_after():
    results: list[object] = []

    def work() -> None:
        clock = ArticleClock(0.2)
        results.append(can_interrupt())
        try:
            clock.run(busy, 0.5)
            results.append("finished")
        except TimeBudgetExceeded as exc:
            results.append(str(exc))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert results[0] is False
    assert results[1].startswith("time budget exceeded: 0.5 s of wall time (limit 0.2 s)")


def test_an_article_clock_counts_every_stage_against_one_budget():
    clock = ArticleClock(1.0)
    clock.run(busy, 0.3)
    clock.charge(0.4)
    assert 0.7 <= clock.spent < 1.0
    with pytest.raises(TimeBudgetExceeded, match="limit 1 s"):
        clock.run(busy, 2)
    assert 1.0 <= clock.spent < 1.8
    unlimited = ArticleClock(None)
    unlimited.charge(1e9)
    assert unlimited.remaining() is None


def test_a_slow_stage_fails_only_its_own_article_with_the_reason():
    raws = [RawArticle(id="before", text=STORY), RawArticle(id=SLOW, text=STORY), RawArticle(id="after", text=STORY)]
    finished.clear()
    out = list(with_slow_stage(time_budget=1.0).process_many(raws))
    assert finished == []  # interrupted, not waited for
    assert [outcome(item)[:20] for item in out] == ["document", "time budget exceeded", "document"]
    assert out[1].id == SLOW and "limit 1 s" in out[1].reason
    assert out[2].events and out[2].article.id == "after"  # the article after it is whole


def test_without_a_budget_the_slow_stage_runs_to_its_end():
    finished.clear()
    (doc,) = with_slow_stage(time_budget=None).process_many([RawArticle(id=SLOW, text=STORY)])
    assert isinstance(doc, Document) and finished == [SLOW]


def test_process_raises_the_budget_error_for_the_python_api():
    with pytest.raises(TimeBudgetExceeded):
        with_slow_stage(time_budget=0.5).process(RawArticle(id=SLOW, text=STORY))


class SlowParser:
    """A spaCy model that takes its time over texts with a marker word, and is itself otherwise."""

    def __init__(self, model, marker: str, seconds: float):
        self.model, self.marker, self.seconds = model, marker, seconds

    def _wait(self, text: str) -> None:
        if self.marker in text:
            time.sleep(self.seconds)

    def __call__(self, text: str):
        self._wait(text)
        return self.model(text)

    def pipe(self, texts, batch_size: int = 16):
        for text in texts:
            self._wait(text)
            yield self.model(text)


def test_a_slow_parse_fails_its_article_and_the_rest_of_the_batch_is_parsed_alone():
    marker = "Zanzibarian"
    slow = SlowParser(default_pipeline().nlp, marker, seconds=3)
    raws = [RawArticle(id="a", text=STORY), RawArticle(id="b", text=f"{STORY} {marker} ministers met."),
            RawArticle(id="c", text=STORY)]
    out = list(Pipeline(spacy_model=slow, time_budget=0.8).process_many(raws))
    assert [outcome(item)[:20] for item in out] == ["document", "time budget exceeded", "document"]
    assert all(item.parse is not None and item.events for item in (out[0], out[2]))


@pytest.mark.parametrize(("options", "message"), [({"time_budget": 0}, "time_budget"),
                                                  ({"time_budget": -3.0}, "time_budget"),
                                                  ({"max_chars": 0}, "max_chars"),
                                                  ({"max_chars": 10**9}, "max_chars")])
def test_limits_out_of_range_are_refused(options, message):
    with pytest.raises(ValueError, match=message):
        Pipeline(**options)


def test_max_chars_fails_longer_articles_with_the_limit_in_the_reason():
    pipeline = Pipeline(spacy_model=default_pipeline().nlp, max_chars=120)
    short, long = RawArticle(id="short", text=STORY[:100]), RawArticle(id="long", text=STORY)
    done, failed = pipeline.process_many([short, long])
    assert isinstance(done, Document)
    assert isinstance(failed, Failure) and failed.reason.startswith("too large:") and "limit 120" in failed.reason
