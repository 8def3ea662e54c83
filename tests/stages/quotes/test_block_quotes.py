"""Block quotations: a paragraph without marks introduced by "X added:" closing the paragraph before."""
from __future__ import annotations

from tests.stages.test_quotes import only


def test_paragraph_after_cue_and_colon_is_a_direct_quote(quotes_of):
    found = quotes_of("Governor Ana Pereira spoke after the vote.\n\nThe governor added:\n\n"
                      "We will not accept a budget that closes rural hospitals. Not this year, not ever.")
    q = only(found, "direct")
    assert (q.cue, q.text) == ("added", "We will not accept a budget that closes rural hospitals. Not this year, "
                                         "not ever.")
    assert q.speaker.text == "The governor"


def test_colon_without_a_cue_introduces_no_quote(quotes_of):
    found = quotes_of("The agreement has three main parts:\n\nTroops withdraw from the border within a month.")
    assert [q for q in found if q.kind == "direct"] == []
