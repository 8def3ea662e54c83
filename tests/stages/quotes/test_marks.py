"""Paragraph labels that are no speaker (sentences written for these tests)."""
from __future__ import annotations


def test_a_clarification_note_is_no_transcript_turn(quotes_of):
    found = quotes_of("CLARIFICATION: An earlier version of this story misstated that Governor Hale is calling for "
                      "an inquiry into the port contract.")
    assert ":" not in [q.cue for q in found]
    assert [q.speaker.text for q in found if q.cue == "calling"] == ["Governor Hale"]
