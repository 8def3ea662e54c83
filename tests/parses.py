"""Parses built by hand, so a rule test does not depend on the parser's mood.

A rule in a later stage (places, actors, quotes, amounts, …) reads only the library-free ``Parse`` layer. A
test that runs spaCy first tests the rule *and* whatever tree the model happens to give the sentence; a model
update can then break it without any rule changing. Write the tree instead, in CoNLL-U::

    doc = doc_from_conllu('''
        1  Kyiv      Kyiv      PROPN  NNP  _  2  nsubj  _  NER=B-GPE
        2  rejected  reject    VERB   VBD  _  0  ROOT   _  _
        3  the       the       DET    DT   _  4  det    _  _
        4  proposal  proposal  NOUN   NN   _  2  dobj   _  SpaceAfter=No
        5  .         .         PUNCT  .    _  2  punct  _  _
    ''')

Columns: ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC, separated by tabs or spaces (so a FORM holds
no space); trailing columns may be left out (``_``). HEAD is 1-based within the sentence, 0 for the root
(whose head is then itself and whose DEPREL ``root`` reads as spaCy's ``ROOT``); labels are spaCy's (English
ClearNLP dependencies, Penn tags), as the stages expect. MISC: ``SpaceAfter=No``, ``SpacesAfter=\\n\\n``
(UD escapes ``\\s \\n \\t``) and ``NER=B-GPE`` / ``NER=I-GPE`` for named entities. A blank line ends a
sentence; ``#`` lines are comments. The text is the forms joined by the spaces the MISC column gives.

``to_conllu(parse, text)`` writes any parse (spaCy's included) in the same form, to start a test from the
model's tree and edit it.
"""
from __future__ import annotations

from tidings.models import Article, Document
from tidings.models.document import Entity, Parse, Sentence, Token

_UNESCAPE = {"\\s": " ", "\\n": "\n", "\\t": "\t", "\\\\": "\\"}
_ESCAPE = {" ": "\\s", "\n": "\\n", "\t": "\\t", "\\": "\\\\"}


def _sentences(conllu: str) -> list[list[list[str]]]:
    """Rows of columns per sentence."""
    sentences: list[list[list[str]]] = [[]]
    for line in conllu.splitlines():
        line = line.strip()
        if not line:
            if sentences[-1]:
                sentences.append([])
            continue
        if line.startswith("#"):
            continue
        cols = line.split()
        if "-" in cols[0] or "." in cols[0]:
            continue  # multi-word ranges and empty nodes: not in spaCy's parses
        sentences[-1].append(cols + ["_"] * (10 - len(cols)))
    return [s for s in sentences if s]


def _misc(cell: str) -> dict[str, str]:
    return dict(item.split("=", 1) for item in cell.split("|") if "=" in item)


def _spaces_after(misc: dict[str, str]) -> str:
    if "SpacesAfter" in misc:
        value = misc["SpacesAfter"]
        for escaped, plain in _UNESCAPE.items():
            value = value.replace(escaped, plain)
        return value
    return "" if misc.get("SpaceAfter") == "No" else " "


def parse_conllu(conllu: str) -> tuple[str, Parse]:
    """The text and the ``Parse`` a CoNLL-U block describes."""
    text = ""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    for k, rows in enumerate(_sentences(conllu)):
        first = len(tokens)
        for row in rows:
            ident, form, lemma, upos, xpos, feats, head, deprel, _, misc_cell = row[:10]
            if int(ident) != len(tokens) - first + 1:
                raise ValueError(f"sentence {k + 1}: token ids must count 1, 2, 3… (got {ident} for {form!r})")
            misc = _misc(misc_cell)
            iob, _, label = misc.get("NER", "O").partition("-")
            i = len(tokens)
            head_i = i if head in ("0", "_") else first + int(head) - 1
            dep = "ROOT" if head == "0" and deprel.lower() == "root" else deprel
            tokens.append(Token(i, len(text), len(text) + len(form), form, _value(lemma, form), _value(upos),
                                _value(xpos), _value(dep), head_i, k, iob if label else "O", label,
                                _value(feats)))
            text += form + _spaces_after(misc)
        words = tokens[first:]
        sentences.append(Sentence(k, words[0].start, words[-1].end, first, len(tokens)))
    if any(not 0 <= t.head < len(tokens) for t in tokens):
        raise ValueError("a HEAD points outside its sentence")
    entities: list[Entity] = []
    for tok in tokens:
        if tok.ent_iob == "B" or (tok.ent_iob == "I" and (not entities or entities[-1].token_end != tok.i
                                                          or entities[-1].label != tok.ent_type)):
            entities.append(Entity(tok.start, tok.end, tok.ent_type, tok.text, tok.i, tok.i + 1))
        elif tok.ent_iob == "I":
            ent = entities[-1]
            ent.end, ent.token_end = tok.end, tok.i + 1
    for ent in entities:
        ent.text = text[ent.start:ent.end]
    return text.rstrip(" "), Parse(tokens=tokens, sentences=sentences, entities=entities)


def _value(cell: str, default: str = "") -> str:
    return default if cell == "_" else cell


def doc_from_conllu(conllu: str, *, published: str | None = "2021-12-30", id: str = "test") -> Document:
    """A Document whose text and parse are the CoNLL-U block's, ready for the stages after ``nlp``."""
    text, parse = parse_conllu(conllu)
    return Document(Article(id=id, text=text, published=published, language="en"), parse=parse)


def to_conllu(parse: Parse, text: str) -> str:
    """``parse`` written as CoNLL-U (whitespace-only tokens are folded into the spaces after the previous one)."""
    lines: list[str] = []
    for sent in parse.sentences:
        toks = [t for t in parse.tokens[sent.token_start:sent.token_end] if t.text.strip()]
        number = {t.i: n for n, t in enumerate(toks, start=1)}
        lines.append(f"# text = {' '.join(text[sent.start:sent.end].split())}")
        for n, tok in enumerate(toks, start=1):
            head = 0 if tok.head == tok.i else number.get(tok.head, 0)
            misc = []
            nxt = toks[n].start if n < len(toks) else _next_start(parse, sent, text)
            gap = text[tok.end:nxt]
            if gap == "":
                misc.append("SpaceAfter=No")
            elif gap != " ":
                misc.append("SpacesAfter=" + "".join(_ESCAPE.get(ch, ch) for ch in gap))
            if tok.ent_type and tok.ent_iob in ("B", "I"):
                misc.append(f"NER={tok.ent_iob}-{tok.ent_type}")
            cols = [str(n), tok.text, tok.lemma or "_", tok.pos or "_", tok.tag or "_", tok.morph or "_", str(head),
                    tok.dep or "_", "_", "|".join(misc) or "_"]
            lines.append("\t".join(cols))
        lines.append("")
    return "\n".join(lines)


def _next_start(parse: Parse, sent: Sentence, text: str) -> int:
    """Where the next sentence's first word starts (the end of the text after the last one)."""
    return parse.sentences[sent.index + 1].start if sent.index + 1 < len(parse.sentences) else len(text)
