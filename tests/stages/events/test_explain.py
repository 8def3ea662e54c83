"""The --explain account of how events were coded."""
from __future__ import annotations

from tidings.stages.events.explain import explain_document


def test_explain_shows_parse_pattern_frame_and_reasons(build_doc):
    doc = build_doc("Russia had previously annexed Crimea. Kenya will not send troops to Somalia.", until="events")
    text = explain_document(doc)
    assert "[0] Russia had previously annexed Crimea." in text
    assert "annexed" in text and "nsubj" in text                  # the parse
    assert "via pattern conflict:192:v:annex *" in text             # the matched pattern
    assert "historical True: background cue 'previously'" in text  # why historical
    assert "status negated" in text                                 # why negated
    assert "→ event" in text


def test_explain_without_parse(build_doc):
    doc = build_doc("Short text.", until="events")
    doc.parse = None
    assert "no parse" in explain_document(doc)
