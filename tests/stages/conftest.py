"""Fixtures shared by the stage tests."""
from __future__ import annotations

import pytest

from tidings.stages import places, quotes


@pytest.fixture(scope="module")
def quotes_of(build_doc):
    """``quotes_of(text)`` → the quotes found in ``text`` (actors run first), offsets checked."""
    def run(text: str):
        doc = quotes.run(build_doc(text, until="actors"))
        for q in doc.quotes:
            assert doc.text[q.start:q.end] == q.text
            if q.cue is not None:
                assert doc.text[q.cue_start:q.cue_end] == q.cue
            if q.speaker is not None and q.speaker.start is not None:
                assert doc.text[q.speaker.start:q.speaker.end] == q.speaker.text
        return doc.quotes
    return run


@pytest.fixture(scope="module")
def geoparse(build_doc):
    """``geoparse(text, dateline=None)`` → the document's places, checked for offset integrity."""

    def run(text: str, *, dateline: str | None = None):
        doc = build_doc(text, until="actors")
        doc.article.dateline = dateline
        doc = places.run(doc)
        for place in doc.places:
            assert doc.text[place.start:place.end] == place.text
        return doc.places

    return run


def by_text(found, text):
    """The first place whose text is ``text`` (fails naming the places found)."""
    matches = [p for p in found if p.text == text]
    assert matches, f"{text!r} not found among {[p.text for p in found]}"
    return matches[0]
