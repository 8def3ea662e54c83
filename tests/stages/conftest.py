"""Fixtures shared by the stage tests."""
from __future__ import annotations

import pytest

from tidings.stages import quotes


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
