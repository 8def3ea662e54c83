"""The quotes stage: direct quotations and reported speech, with cue and speaker.

``run(doc)`` fills ``doc.quotes``. Direct quotes come from quotation marks (``marks``), their
cue from the words just after or before them (``attribution.Attributor.for_marked``);
reported speech from the dependency parse (``reported``: the complement of a cue verb, or the clause an
"according to X" phrase sources). Conventions:

* a direct quote's span excludes its marks and the comma that hands over to the
  attribution; a quote interrupted by its cue ("'…,' Peskov said, '…'") gives two quotes
  sharing cue and speaker; a quote running over several paragraphs gives one quote per
  paragraph, all attributed like the first that has a cue;
* a reported quote spans the reported clause with its "that" ("said that the talks had
  failed"), without a leading "But"/"However,"; "according to X" sources the rest of its
  clause; a cue set off by commas inside the clause ("X, she said, Y") gives both sides; so does an "as" aside
  ("X, as one engineer noted, Y"; "As the auditors noted, X"; "X, as one diplomat put it"), as one span;
* a quote with no cue of its own takes the speaker of the quote next to it in its
  paragraph, of the quote it continues, or, when it fills its own paragraph, of the last
  quote or reported speech of the previous paragraph; short unattributed ones are dropped;
* a paragraph without quotation marks after one ending with its cue and a colon ("The
  governor added:") is a block quotation: a direct quote with that cue;
* a transcript turn ("PENCE: Well, look, …") or a headline led by a person's name ("Loretta
  Lynch: 'Be the voice …'") is a direct quote with cue ":"; quotes and reported speech inside
  it belong to it;
* a quote never crosses its paragraph and holds at most ``MAX_QUOTE_CHARS`` characters (cut at a
  word boundary), and no character lies in more than ``MAX_QUOTE_DEPTH`` quotes (outer ones kept),
  so the quotes of an article grow in proportion to it even when reported speech nests without end
  ("Russia said Russia said …");
* titles in quotation marks (short and in title case: "Fox and Friends") are not quotes; nor is reported
  "content" that says nothing: an amount ("estimated $4.5 billion") or a bare noun of speech or a document
  ("denied the allegations", "disputed the report");
* quoted words inside the complement of an earlier verb of saying in their sentence take that verb as cue
  ("X said the footage did not give 'clear evidence …,' but he said …": X's words);
* quoted words inside reported speech stay part of the reported quote: "described Trump as
  a 'con artist'" gives the indirect quote "Trump as a 'con artist'"; a fragment that is the
  whole complement ("warned of 'adequate measures'") stays a direct quote; speech reported
  inside a quotation is not extracted separately.

The cue lexicon lives in ``resources/data/quotes/cues.json`` (``tidings.resources.quotes``).
"""
from __future__ import annotations

import bisect

from tidings.models import ActorRef, Document, Parse, Quote
from tidings.resources import grammar
from tidings.resources import quotes as quote_lexicon
from tidings.resources.quotes import QuoteLexicon

from .attribution import Attributor, Cue, Reported, cue_text
from .marks import ALL_MARKS, MarkedQuote, Turn, find_marked_quotes, find_transcript_turns, paragraphs, strip_span
from .reported import find_reported
from .speakers import Speakers

#: The longest quote kept whole; a longer span is cut at the last word boundary before it.
MAX_QUOTE_CHARS = 2000
#: The most quotes one character may lie in (PolNeAR dev, 84 articles: at most 4).
MAX_QUOTE_DEPTH = 4
_PLUS_ONE = bytes(range(1, 256)) + b"\xff"


def run(doc: Document, *, lexicon: QuoteLexicon | None = None, min_unattributed_words: int = 6,
        max_quoted_share: float = 0.9) -> Document:
    """Add the quotes layer to ``doc`` (needs the parse; keeps actors-stage mentions for speakers)."""
    parse = doc.parse
    if parse is None:
        return doc
    lex = lexicon or quote_lexicon.load()
    text = doc.text
    turns = find_transcript_turns(text) + [
        t for t in find_transcript_turns(text, names=True) if _is_person_name(doc, parse, t.label_start, t.label_end)]
    turns = sorted({(t.label_start, t.start): t for t in turns}.values(), key=lambda t: t.start)
    turn_spans = [(t.start, t.end) for t in turns]
    marked = [q for q in find_marked_quotes(text)
              if not any(t.label_start <= q.end and q.start <= t.end for t in turns)]
    paras = paragraphs(text)
    attributor = Attributor(parse, text, lex, marked, verbatim=turn_spans)
    blocks = _block_quotes(attributor, paras, marked, turns)
    cues = [attributor.for_marked(q, paras[q.paragraph], paras[q.paragraph - 1] if q.paragraph else None)
            for q in marked]
    reported = [r for r in find_reported(attributor)
                if _quoted_share(r.start, r.end, attributor.quoted) < max_quoted_share]
    reported = _unique([_with_closing_mark(r, marked) for r in reported])
    cues = _inherit(marked, cues, text, paras, reported, parse)
    speakers = Speakers(doc, lex, attributor.quoted)
    refs: dict[int, ActorRef] = {}

    def speaker(cue: Cue | None) -> ActorRef | None:
        if cue is None or cue.speaker is None:
            return None
        if cue.speaker not in refs:
            refs[cue.speaker] = speakers.ref(cue.speaker)
        return refs[cue.speaker]

    def make(start: int, end: int, kind: str, cue: Cue | None) -> Quote:
        start, end = bounded(text, paras, start, end)
        words, cue_start, cue_end = cue_text(parse, text, cue) if cue else (None, None, None)
        return Quote(text=text[start:end], start=start, end=end, kind=kind, cue=words,
                     speaker=speaker(cue), cue_start=cue_start, cue_end=cue_end)

    out = [make(r.start, r.end, "indirect", r.cue) for r in reported]
    out += [make(start, end, "direct", cue) for start, end, cue in blocks]
    out += [Quote(text=text[start:end], start=start, end=end, kind="direct", cue=":",
                  speaker=speakers.label_ref(t.label_start, t.label_end), cue_start=t.label_end,
                  cue_end=t.label_end + 1) for t in turns for start, end in [bounded(text, paras, t.start, t.end)]]
    for quote, cue in zip(marked, cues, strict=False):
        if cue is None and len(text[quote.start:quote.end].split()) < min_unattributed_words:
            continue
        if _inside_reported(quote, cue, reported) or _is_title(text[quote.start:quote.end]):
            continue
        phrase = attributor.embedding(quote, cue) if cue is not None else None
        if phrase is not None and not any(q.kind == "indirect" and q.start == phrase[0] for q in out):
            out.append(make(*phrase, "indirect", cue))
        elif phrase is None:
            out.append(make(quote.start, quote.end, "direct", cue))
    out = [q for q in out if q.kind == "direct" or not _contentless(parse, q.start, q.end, lex)]
    doc.quotes = sorted(within_depth(out, len(text)), key=lambda q: (q.start, q.end))
    return doc


#: Words of an amount ("$915 million", "3.5 percent", "up 2 points").
_AMOUNT_WORDS = grammar.words("amount_words") | {"%"}
#: Nouns of business and economic figures: reported, they are results, not anyone's words.
FIGURE_NOUNS = grammar.words("figure_nouns")
#: Traded instruments and the verbs of their moving: "shares rose 4.5 percent, traders said" is a market figure.
_MARKET_NOUNS = grammar.words("market_nouns")
_MARKET_MOVES = grammar.words("market_movement_verbs")
#: The most words a reported noun phrase may have and still be only a reference to what was said.
_BARE_NOUN_TOKENS = 3


def _contentless(parse: Parse, start: int, end: int, lex: QuoteLexicon) -> bool:
    """Reported "content" that says nothing: an amount or a business figure ("reported net income of $104m",
    "posted higher profits") or a bare noun naming speech or a document ("denied the allegations")."""
    words = [t for t in parse.tokens_in(start, end) if t.pos not in ("PUNCT", "SPACE")]
    if not words:
        return True
    if any(t.pos == "NUM" or t.tag == "CD" for t in words) and all(
            t.pos in ("NUM", "SYM") or t.tag in ("CD", "$") or t.text.lower() in _AMOUNT_WORDS for t in words):
        return True
    inside = {t.i for t in words}
    roots = [t for t in words if t.head == t.i or t.head not in inside]
    if all(t.pos in ("NUM", "SYM") or t.lemma.lower() in FIGURE_NOUNS for t in roots):
        return True  # a figure, not words: "reported net income of $104m", "posted higher profits"
    if any(t.pos == "NUM" for t in words) and any(_market_move(parse, t) for t in roots):
        return True  # a market figure: "shares of the miner rose 4.5 percent, traders said"
    head = words[-1].lemma.lower()
    return len(words) <= _BARE_NOUN_TOKENS and (head in lex.nouns or head in lex.document_nouns) and all(
        t.pos in ("DET", "PRON", "ADJ") or t.tag in ("PRP$", "POS") for t in words[:-1])


def _market_move(parse: Parse, verb) -> bool:
    """True when ``verb`` is a verb of market movement whose subject is a traded instrument ("shares rose")."""
    if verb.pos != "VERB" or verb.lemma.lower() not in _MARKET_MOVES:
        return False
    return any(parse.tokens[k].dep in ("nsubj", "nsubjpass") and parse.tokens[k].text.lower() in _MARKET_NOUNS
               for k in parse.children(verb.i))


def within_depth(quotes: list[Quote], length: int) -> list[Quote]:
    """The quotes, outer first, that keep every character inside at most ``MAX_QUOTE_DEPTH`` of them."""
    depth = bytearray(length + 1)
    kept = []
    for quote in sorted(quotes, key=lambda q: (q.start, -q.end)):
        if quote.end > quote.start and max(depth[quote.start:quote.end]) >= MAX_QUOTE_DEPTH:
            continue
        depth[quote.start:quote.end] = depth[quote.start:quote.end].translate(_PLUS_ONE)
        kept.append(quote)
    return kept


def bounded(text: str, paras: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """[start, end) cut at the end of the paragraph it starts in and to ``MAX_QUOTE_CHARS`` (at a word break)."""
    index = bisect.bisect_right(paras, (start, len(text) + 1)) - 1
    if index >= 0 and paras[index][0] <= start < paras[index][1]:
        end = min(end, paras[index][1])
    if end - start > MAX_QUOTE_CHARS:
        cut = start + MAX_QUOTE_CHARS
        space = text.rfind(" ", start, cut + 1)
        end = space if space > start else cut
        end = strip_span(text, start, end, " \t\r\n,;:")[1]
    return start, end


def _block_quotes(attributor: Attributor, paras: list[tuple[int, int]], marked: list[MarkedQuote],
                  turns: list[Turn]) -> list[tuple[int, int, Cue]]:
    """Paragraphs quoted without marks after a paragraph ending "X added:" (marked as quoted text)."""
    found = []
    text = attributor.text
    for index in range(1, len(paras)):
        start, end = paras[index]
        if text[start] in ALL_MARKS or any(q.paragraph == index for q in marked) or any(
                start <= t.start < end for t in turns):
            continue
        cue = attributor.introducing(paras[index - 1])
        if cue is not None:
            start, end = strip_span(text, start, end, " \t\r\n")
            attributor.quote_verbatim(start, end)
            found.append((start, end, cue))
    return found


def _is_person_name(doc: Document, parse: Parse, start: int, end: int) -> bool:
    """True when a PERSON entity (of ``doc``'s ``parse``) or person mention covers exactly [start, end)."""
    return any((e.start, e.end) == (start, end) and e.label == "PERSON" for e in parse.entities) or any(
        (m.start, m.end) == (start, end) and m.label == "PERSON" for m in doc.mentions)


def _inherit(marked: list[MarkedQuote], cues: list[Cue | None], text: str, paras: list[tuple[int, int]],
             reported: list[Reported], parse: Parse) -> list[Cue | None]:
    """Give cue-less quotes the cue of the quote they continue or stand beside."""
    cues = list(cues)
    # a multi-paragraph quote: every part shares the first cue found along the chain
    chains: list[list[int]] = []
    for i, quote in enumerate(marked):
        if chains and marked[chains[-1][-1]].continues and _opens_paragraph(quote, paras):
            if quote.paragraph == marked[chains[-1][-1]].paragraph + 1:
                chains[-1].append(i)
                continue
        chains.append([i])
    for chain in chains:
        shared = next((cues[i] for i in chain if cues[i] is not None), None)
        for i in chain:
            cues[i] = cues[i] or shared
    # "'A.' 'B,' she said." : a neighbour in the same paragraph, the following one first, unless the quote
    # before has its cue between the two ("'A,' she said. 'B.'": B goes on in A's voice)
    for i, quote in enumerate(marked):
        if cues[i] is not None or quote.fragment:
            continue
        same = [j for j, other in enumerate(marked)
                if j != i and other.paragraph == quote.paragraph and not other.fragment and cues[j] is not None]
        before_it, later = [j for j in same if j < i], [j for j in same if j > i]
        if before_it and _cue_between(parse, cues[before_it[-1]], marked[before_it[-1]], quote):
            cues[i] = cues[before_it[-1]]
        elif same:
            cues[i] = cues[later[0]] if later else cues[same[-1]]
    # a quote filling its own paragraph after a paragraph whose last attribution has a speaker
    for i, quote in enumerate(marked):
        if cues[i] is not None or quote.fragment or quote.paragraph == 0:
            continue
        lo, hi = paras[quote.paragraph]
        if (quote.end - quote.start) < 0.6 * len(text[lo:hi].strip()):
            continue
        before = paras[quote.paragraph - 1]
        earlier: list[tuple[int, Cue]] = [(marked[j].start, cue) for j, cue in enumerate(cues[:i])
                                          if marked[j].paragraph == quote.paragraph - 1 and cue is not None]
        earlier += [(r.start, r.cue) for r in reported if before[0] <= r.start < before[1]]
        earlier = [(start, cue) for start, cue in earlier if cue.speaker is not None]
        if earlier:
            cues[i] = max(earlier, key=lambda pair: pair[0])[1]
    return cues


def _cue_between(parse: Parse, cue: Cue | None, before: MarkedQuote, quote: MarkedQuote) -> bool:
    """True when ``cue`` (the cue of the quote ``before``) stands between that quote and ``quote``."""
    return cue is not None and before.outer_end <= parse.tokens[cue.head].start < quote.outer_start


_TITLE_SMALL_WORDS = grammar.words("title_small_words")


def _is_title(words: str) -> bool:
    """A short title-case name in quotation marks ("Fox and Friends"), not a quotation."""
    tokens = words.rstrip(".,").split()  # American style keeps the sentence's period inside the marks
    if not tokens or len(tokens) > 6 or words.rstrip(".,")[-1:] in "!?;:":
        return False
    if len(tokens) == 1 and not any(c.isdigit() for c in words):
        return False  # "Yes," she said
    return all(t[0].isupper() or t[0].isdigit() or t in _TITLE_SMALL_WORDS for t in tokens) and (
        tokens[0][0].isupper() or tokens[0][0].isdigit())


def _opens_paragraph(quote: MarkedQuote, paras: list[tuple[int, int]]) -> bool:
    return quote.outer_start == paras[quote.paragraph][0]


def _quoted_share(start: int, end: int, quoted: list[tuple[int, int]]) -> float:
    """Share of [start, end) lying inside quotation marks."""
    inside = sum(max(0, min(end, e) - max(start, s)) for s, e in quoted)
    return inside / max(1, end - start)


def _with_closing_mark(r: Reported, marked: list[MarkedQuote]) -> Reported:
    """Extend a reported span whose quoted words end it to take in the closing mark."""
    for q in marked:
        if r.start <= q.outer_start < r.end and q.end <= r.end < q.outer_end:
            return Reported(r.start, q.outer_end, r.cue)
    return r


def _unique(reported: list[Reported]) -> list[Reported]:
    """One reported quote per span (the first cue wins: "said and added that …")."""
    seen: set[tuple[int, int]] = set()
    out = []
    for r in reported:
        if (r.start, r.end) not in seen:
            seen.add((r.start, r.end))
            out.append(r)
    return out


def _inside_reported(quote: MarkedQuote, cue: Cue | None, reported: list[Reported]) -> bool:
    """Quoted words inside a reported quote with the same (or no) cue are part of it."""
    return any(r.start <= quote.start and quote.end <= r.end and (cue is None or cue.head == r.cue.head)
               for r in reported)
