"""The dating policy over real news: no event takes the publication day or week unless a date expression in
its own sentence says so, and every dated event names the expression that dated it (issue #11 item 4)."""
from __future__ import annotations

import re

import pytest

from tidings.corpus import annotations, candidates, sources
from tidings.stages.events.timing import DATE_NOTE

#: Articles of the dev split read (enough for a few hundred events, quick enough for every run).
ARTICLES = 60
_CLAUSE_DATE = re.compile(r"^clause date '(.+?)'(?: \(.+\))?$")  # and why it is or is not old


@pytest.fixture(scope="module")
def events():
    if not sources.available():
        pytest.skip("the shared folder is not there (clone with ../shared beside the checkout)")
    records = [d for d in annotations.load() if d.split == "dev"][:ARTICLES]
    return [(c.doc, e) for c in candidates.run(records) for e in c.doc.events]


def test_enough_events_to_judge_the_policy(events):
    assert len(events) >= 50


def test_every_dated_event_names_a_date_expression_of_its_sentence(events):
    """So none is dated to the publication day or week by default, the flaw GDELT is known for."""
    for doc, event in events:
        rule = event.evidence.rpartition(DATE_NOTE)[2]
        if event.date is None:
            assert event.date_precision == "unknown", event.id
            continue
        match = _CLAUSE_DATE.match(rule)
        assert match, f"{event.id}: dated {event.date} by {rule!r}"
        sentence = doc.article.text[event.sentence.start:event.sentence.end]
        assert match.group(1) in sentence, f"{event.id}: {match.group(1)!r} is not in its sentence"



def test_date_row_reads_annotated_dates_against_the_publication_day(build_doc):
    from tidings.corpus.annotations import GoldEvent
    from tidings.eval.corpus import date_right

    doc = build_doc("Police arrested the editor on Tuesday.", published="2021-12-30", until="events")
    (event,) = doc.events
    assert event.date == "2021-12-28"

    def gold(date):
        return GoldEvent((0, 1), "COERCE", "173", None, None, "asserted", False, "added", date)

    assert date_right(doc, event, gold("Tuesday")) and date_right(doc, event, gold("2021-12"))
    assert not date_right(doc, event, gold("2020"))
    assert date_right(doc, event, gold(None))          # dated by its own sentence
    event.date = "2021-12-30"                           # as if given the publication day
    assert date_right(doc, event, gold(None)) is False
    event.date = None
    assert date_right(doc, event, gold(None)) is None  # neither side dates it: not counted
