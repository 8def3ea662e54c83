"""Human-readable account of how a document's events were coded (``tidings extract --explain``)."""
from __future__ import annotations

from tidings.models import Document
from tidings.resources import lexicon as lexicon_data
from tidings.resources.lexicon import Lexicon
from tidings.stages.events import timing
from tidings.stages.events.actorrefs import parse_of
from tidings.stages.events.coder import code_sentence, to_events


def explain_sentence(doc: Document, index: int, lexicon: Lexicon) -> list[str]:
    """Lines for one sentence: its parse, then each coded frame with the reasons behind it."""
    parse = parse_of(doc)
    sent = parse.sentences[index]
    lines = [f"[{index}] {doc.text[sent.start:sent.end]}"]
    for tok in parse.sentence_tokens(index):
        if tok.pos == "SPACE":
            continue
        head = parse.tokens[tok.head]
        lines.append(f"    {tok.i:>4} {tok.text:<16} {tok.lemma:<14} {tok.pos:<6} {tok.dep:<10}"
                     f" -> {head.i} {head.text}")
    coded = code_sentence(doc, index, lexicon)
    if not coded:
        lines.append("    (no pattern matched)")
    for item in coded:
        frame = item.frame
        anchor = parse.tokens[frame.anchor]
        words = " ".join(parse.tokens[i].text for i in frame.match.tokens)
        when = timing.event_timing(doc, frame.anchor, index, item.status.status)
        lines.append(f"  * {item.type} (CAMEO {item.cameo}, mode {item.mode}) trigger '{anchor.text}' "
                     f"via pattern {item.evidence}")
        lines.append(f"      matched words: {words}")
        lines.append(f"      frame: actor heads {[parse.tokens[i].text for i in item.actors]}, "
                     f"recipient heads {[parse.tokens[i].text for i in item.recipients]}"
                     f"{', passive' if frame.passive else ''}{', nominal' if frame.nominal else ''}")
        for note in item.notes:
            lines.append(f"      {note}")
        lines.append(f"      status {item.status.status}: {item.status.reason}")
        lines.append(f"      date {when.date} ({when.precision}), historical {when.historical}: {when.reason}")
        for event in to_events(doc, item):
            actor = event.actor.text if event.actor else None
            recipient = event.recipient.text if event.recipient else None
            lines.append(f"      → event {event.id}: {actor} [{event.actor.country if event.actor else None}] "
                         f"{event.type} {recipient} [{event.recipient.country if event.recipient else None}] "
                         f"confidence {event.confidence}")
    return lines


def explain_document(doc: Document, *, lexicon: Lexicon | None = None) -> str:
    """Per sentence: the parse (token, lemma, POS, dependency, head), matched patterns, frames and reasons."""
    if doc.parse is None:
        return "(document has no parse: run the nlp stage first)"
    lexicon = lexicon or lexicon_data.load()
    lines = [f"article {doc.article.id} published {doc.article.published}"]
    for sent in doc.parse.sentences:
        lines.extend(explain_sentence(doc, sent.index, lexicon))
    return "\n".join(lines)
