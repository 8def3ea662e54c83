"""Cues and speakers from the dependency parse: who said a marked quote, and reported speech.

A *cue* is the token that attributes content (``said``, ``told``, ``according``); the
*speaker head* is the token heading the speaker phrase.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tidings.models import Parse, Token
from tidings.resources import grammar
from tidings.resources.quotes import QuoteLexicon

from .marks import DOUBLE, MarkedQuote, strip_span

_SENTENCE_END = {".", "!", "?"}
_SUBJECTS = grammar.labels("subjects")
_CLIMB = grammar.labels("quote_climb")
_NAMED = {"PERSON", "ORG", "NORP", "GPE"}
_COMPLEMENTS = grammar.labels("quote_complements")
_NAME_COMPOUNDS = grammar.labels("name_compounds")
_SPEAKER_PHRASE = grammar.labels("speaker_phrase_parts")
_DASHES = {"—", "―", "–", "--", "-"}
_EDGE_PUNCT = " \t\r\n,;:-–—"
_DEFINITE = grammar.words("determiners")
_RELATIVES = grammar.words("relative_pronouns")


#: Verbs whose subject receives the document they take: "the minister received a letter saying …" is the
#: letter's words, not the minister's.
RECEIVING_VERBS = grammar.words("receiving_verbs")
#: Verbs whose subject is the author of the document they take ("the unions issued a statement saying").
ISSUING_VERBS = grammar.words("issuing_verbs")


@dataclass(frozen=True)
class Cue:
    """An attribution: the cue tokens (first is the head) and the speaker's head token."""

    tokens: tuple[int, ...]
    speaker: int | None

    @property
    def head(self) -> int:
        return self.tokens[0]


@dataclass(frozen=True)
class Reported:
    """Indirect speech: a content span with the cue that reports it."""

    start: int
    end: int
    cue: Cue


def cue_text(parse: Parse, text: str, cue: Cue) -> tuple[str, int, int]:
    """The cue's words (a phrasal particle included: "pointed out") and their span."""
    toks = [parse.tokens[i] for i in cue.tokens]
    toks += [parse.tokens[k] for k in parse.children(cue.head) if parse.tokens[k].dep == "prt"]
    start, end = min(t.start for t in toks), max(t.end for t in toks)
    return text[start:end], start, end


class Attributor:
    """Finds cues for one parsed document."""

    def __init__(self, parse: Parse, text: str, lexicon: QuoteLexicon, quotes: list[MarkedQuote], *,
                 verbatim: Sequence[tuple[int, int]] = ()):
        self.parse = parse
        self.text = text
        self.lex = lexicon
        self.quoted = [(q.outer_start, q.outer_end) for q in quotes if not q.fragment] + list(verbatim)
        self.mark_starts = {q.outer_start for q in quotes}
        self._quoted_mask = bytearray(len(text) + 1)
        for start, end in self.quoted:
            self._quoted_mask[start:end] = b"\x01" * (end - start)

    # --- speakers -------------------------------------------------------------------------

    def speaker_of(self, verb: int) -> int | None:
        """The subject of a cue verb, climbing from "…, adding that" or "and added" to the main verb;
        failing that, the noun just before the verb (a subject the parser attached elsewhere). A subject
        inside quotation marks when the verb is not is a misparse: the speaker is then named right after
        the verb ('"…," said the senator') or right before it ('"…," the senator said in an interview')."""
        found = self._subject_of(verb)
        tokens = self.parse.tokens
        if found is not None and self._in_quote(tokens[found].start) and not self._in_quote(tokens[verb].start):
            inverted = self._inverted_subject(verb)
            return inverted if inverted is not None else self._noun_before(verb)
        return found

    def _subject_of(self, verb: int) -> int | None:
        cue, seen = verb, set()
        while verb not in seen:
            seen.add(verb)
            subjects = [k for k in self.parse.children(verb) if self.parse.tokens[k].dep in _SUBJECTS]
            if subjects:
                # "the reasons that Trump refuses …": "that" taken for a second subject; the name is the speaker
                named = [k for k in subjects if self.parse.tokens[k].text.lower() not in _RELATIVES]
                return self._unstolen(named[0] if named and len(subjects) > 1 else subjects[0])
            tok = self.parse.tokens[verb]
            document = self._document_of(tok)
            if document is not None:
                return document  # "received a letter from the union saying …": the letter speaks, not its reader
            if tok.dep in _CLIMB or (tok.dep == "ccomp" and tok.tag in ("VBG", "VBN")):
                verb = tok.head
            else:
                break
        found = self._passive_agent(verb)
        return found if found is not None else self._noun_before(cue)

    def _document_of(self, participle: Token) -> int | None:
        """The document that speaks through a participle when someone receives it: "received a letter saying …"
        (the participle hanging from the letter, or from "received" as the parser often has it)."""
        tokens = self.parse.tokens
        head = tokens[participle.head]
        if participle.dep == "acl" and head.lemma.lower() in self.lex.document_nouns:
            received = head.dep == "dobj" and tokens[head.head].lemma.lower() in RECEIVING_VERBS
            return head.i if received else None  # "issued a statement saying": the issuer, found by climbing on
        if participle.dep == "advcl" and participle.tag == "VBG" and head.lemma.lower() in RECEIVING_VERBS:
            return next((k for k in self.parse.children(head.i) if tokens[k].dep == "dobj"
                         and tokens[k].lemma.lower() in self.lex.document_nouns), None)
        return None

    def _unstolen(self, subject: int) -> int:
        """"… mishandled the inquiry and Democrats accused …": the object of the verb before was taken
        for the subject, with the real one as its conjunct; return that conjunct."""
        tokens, parse = self.parse.tokens, self.parse
        first = parse.subtree(subject)[0]
        before = first - 1
        conjuncts = [k for k in parse.children(subject) if tokens[k].dep == "conj"]
        if not conjuncts or before < 0 or tokens[before].pos != "VERB" or tokens[before].sent != tokens[subject].sent:
            return subject
        if any(tokens[k].dep in ("dobj", "ccomp", "xcomp") for k in parse.children(before)):
            return subject
        return conjuncts[-1]

    def _noun_before(self, verb: int) -> int | None:
        """"… and Democrats accused …" parsed without a subject: the noun right before the verb."""
        tokens = self.parse.tokens
        i = verb - 1
        while i >= 0 and tokens[i].pos in ("ADV", "AUX", "PART") and tokens[i].sent == tokens[verb].sent:
            i -= 1
        if i < 0 or tokens[i].sent != tokens[verb].sent or tokens[i].pos not in ("PROPN", "NOUN", "PRON"):
            return None
        if tokens[verb].tag in ("VBG", "VBN") or self._in_quote(tokens[i].start):
            return None
        while tokens[i].dep in _NAME_COMPOUNDS and tokens[i].head > i:
            i = tokens[i].head
        return i

    def _passive_agent(self, verb: int) -> int | None:
        """"…, as reported by Reuters" / "was said by X": the agent's object."""
        for kid in self.parse.children(verb):
            if self.parse.tokens[kid].dep == "agent":
                objs = [k for k in self.parse.children(kid) if self.parse.tokens[k].dep == "pobj"]
                if objs:
                    return objs[0]
        return None

    def _according_to(self, i: int) -> Cue | None:
        """"according to X" (and the other source phrases) starting at token ``i``."""
        tokens = self.parse.tokens
        for phrase in self.lex.source_phrases:
            j = i + len(phrase)
            if j <= len(tokens) and all(tokens[i + k].text.lower() == w for k, w in enumerate(phrase)):
                objs = [k for k in self.parse.children(j - 1) if tokens[k].dep == "pobj"]
                return Cue(tuple(range(i, j)), objs[0] if objs else None)
        return None

    def _in_source(self, i: int) -> Cue | None:
        """"In the minister's view, …" / "In a Gallup poll, …": an "in" phrase that sources its clause
        (not "said in a statement", where the verb is the cue)."""
        tokens, parse = self.parse.tokens, self.parse
        if self._is_any_cue(tokens[i].head):
            return None
        objects = [k for k in parse.children(i) if tokens[k].dep == "pobj"]
        if not objects or tokens[objects[0]].lemma.lower() not in self.lex.source_nouns:
            return None
        noun = objects[0]
        owners = [k for k in parse.children(noun) if tokens[k].dep == "poss"]
        owners += [o for k in parse.children(noun) if tokens[k].dep == "prep" and tokens[k].text.lower() == "of"
                   for o in parse.children(k) if tokens[o].dep == "pobj"]
        return Cue((i,), owners[0] if owners else noun)

    def _is_any_cue(self, i: int) -> bool:
        """True when token ``i`` is a verb of any cue kind (speech, cognition, evidence, stance)."""
        tok = self.parse.tokens[i]
        return tok.pos in ("VERB", "AUX") and self.lex.is_cue(tok.lemma.lower())

    def _is_cue_verb(self, i: int, kinds: tuple[frozenset[str], ...]) -> bool:
        tok = self.parse.tokens[i]
        return tok.pos in ("VERB", "AUX") and any(tok.lemma.lower() in kind for kind in kinds)

    # --- direct quotes --------------------------------------------------------------------

    def _in_quote(self, tok_start: int) -> bool:
        return bool(self._quoted_mask[tok_start])

    def _window(self, first: int, step: int, limit: int, para: tuple[int, int]) -> list[int]:
        """Tokens from ``first`` in direction ``step`` up to a sentence end or another quote."""
        out: list[int] = []
        i = first
        tokens = self.parse.tokens
        while 0 <= i < len(tokens) and len(out) < limit:
            tok = tokens[i]
            if not (para[0] <= tok.start < para[1]) or tok.start in self.mark_starts or self._in_quote(tok.start):
                break
            if tok.text in DOUBLE or "\n" in tok.text:
                break  # another quotation, or a line break
            if tok.text in _SENTENCE_END:
                break
            out.append(i)
            i += step
        return out

    def for_marked(self, quote: MarkedQuote, para: tuple[int, int], previous: tuple[int, int] | None) -> Cue | None:
        """The cue attributing a marked quote: after it ("…," she said), before it (She said: "…"), or
        ending the previous paragraph ("He said:" then the quote as a paragraph of its own)."""
        after = self._first_token_at(quote.outer_end)
        before = self._first_token_at(quote.outer_start) - 1
        close = quote.close_at
        comma_end = close is not None and "," in (self.text[close - 1], self.text[quote.outer_end:quote.outer_end + 1])
        terminal = close is not None and self.text[close - 1:close] in _SENTENCE_END
        intro = self.text[para[0]:quote.outer_start].rstrip()[-1:] in (":", ",")
        tail_limit = 40 if comma_end else 5 if terminal else 12
        tail = self._window(after, 1, tail_limit, para)
        head = self._window(before, -1, 30, para)
        signed = self._signature(tail, terminal or close is None)
        if signed is not None:
            return signed
        governing = self._governing_cue(quote)
        if governing is not None:
            return governing
        order = [head, tail] if intro and not comma_end else [tail, head]
        opens_paragraph = not self.text[para[0]:quote.outer_start].strip()
        if opens_paragraph and previous is not None and self.text[previous[0]:previous[1]].rstrip().endswith(":"):
            order.append(self._window(self._first_token_at(previous[1]) - 1, -1, 30, previous))
        return self._cue_in(order, tail)

    def _governing_cue(self, quote: MarkedQuote) -> Cue | None:
        """The verb of saying earlier in the sentence whose complement holds the quoted words ("X said that the
        footage did not give 'absolute evidence,' but he said …": X's words, not those of the next cue)."""
        tokens = self.parse.tokens
        first = self._first_token_at(quote.start)
        if first >= len(tokens):
            return None
        node, seen = first, set()
        while tokens[node].head != node and node not in seen:
            seen.add(node)
            node = tokens[node].head
            inside = quote.outer_start <= tokens[node].start < quote.outer_end
            if tokens[node].sent != tokens[first].sent or (self._in_quote(tokens[node].start) and not inside):
                return None
            if node < first and self._is_cue_verb(node, (self.lex.speech,)) and tokens[node].tag != "VBN":
                between = self.text[tokens[node].end:quote.outer_start]
                if not between.strip(" \t\n,:;—–-"):
                    return None  # 'She said: "…"' — the usual order already finds it
                return Cue((node,), self.speaker_of(node))
        return None

    def introducing(self, previous: tuple[int, int]) -> Cue | None:
        """The cue closing a paragraph with a colon ("The governor added:"), which introduces the next
        paragraph as a block quotation without quotation marks."""
        if not self.text[previous[0]:previous[1]].rstrip().endswith(":"):
            return None
        return self._cue_in([self._window(self._first_token_at(previous[1]) - 1, -1, 8, previous)], [])

    def _cue_in(self, windows: list[list[int]], tail: list[int]) -> Cue | None:
        """The first source phrase or verb of saying in ``windows`` (``tail``: the window after the quote)."""
        tokens = self.parse.tokens
        for window in windows:
            for i in window:
                found = self._according_to(i)
                if found is not None:
                    return found
                if self._is_cue_verb(i, (self.lex.speech,)) and tokens[i].tag != "VBN":
                    speaker = self.speaker_of(i)
                    if speaker is None and window is tail:
                        speaker = self._name_before(tail, i)
                    return Cue((i,), speaker)
        return None

    def quote_verbatim(self, start: int, end: int) -> None:
        """Mark [start, end) as quoted text found after construction (a block quotation)."""
        self.quoted.append((start, end))
        self._quoted_mask[start:end] = b"\x01" * (end - start)

    def _signature(self, tail: list[int], complete: bool) -> Cue | None:
        """'"…" ― Jane Alvarez, a nurse': a dash then a name signs a complete quote."""
        tokens = self.parse.tokens
        words = [i for i in tail if not tokens[i].text.isspace()]
        if not complete or len(words) < 2 or tokens[words[0]].text not in _DASHES:
            return None
        name = words[1]
        if tokens[name].ent_type not in ("PERSON", "ORG") and tokens[name].pos != "PROPN":
            return None
        while tokens[name].dep in _NAME_COMPOUNDS and tokens[name].head > name:
            name = tokens[name].head
        return Cue((tail[0],), name)

    def _inverted_subject(self, verb: int) -> int | None:
        """The speaker named right after the cue ('"…," said the senator from Ohio'): the first noun after
        ``verb`` in its sentence, before any comma, climbing to the head of its phrase."""
        tokens = self.parse.tokens
        i = verb + 1
        while i < len(tokens) and tokens[i].sent == tokens[verb].sent and tokens[i].pos not in ("PUNCT", "VERB", "ADP"):
            if tokens[i].pos in ("PROPN", "NOUN", "PRON") and not self._in_quote(tokens[i].start) and \
                    tokens[i].ent_type not in ("DATE", "TIME"):
                while tokens[i].dep in _SPEAKER_PHRASE and tokens[i].head > i:
                    i = tokens[i].head
                return i
            i += 1
        return None

    def _name_before(self, window: list[int], cue: int) -> int | None:
        """'"…," Flynn, an adviser, said' parsed without a subject: the first name before the cue."""
        for i in window:
            if i >= cue:
                break
            tok = self.parse.tokens[i]
            if tok.ent_type in _NAMED or tok.pos == "PRON":
                while self.parse.tokens[i].dep in _NAME_COMPOUNDS and self.parse.tokens[i].head > i:
                    i = self.parse.tokens[i].head
                return i
        return None

    def embedding(self, quote: MarkedQuote, cue: Cue) -> tuple[int, int] | None:
        """The reported phrase a quoted fragment sits in ("described Trump as a 'con artist'")."""
        tokens, parse = self.parse.tokens, self.parse
        verb = cue.head
        first = self._first_token_at(quote.start)
        if first >= len(tokens) or verb >= first or tokens[verb].sent != tokens[first].sent:
            return None
        between = self.text[tokens[verb].end:quote.outer_start]
        if not between.strip(" \t\n,:;—–-") or between.strip().lower() in ("that", "as", "it"):
            return None  # a quotation introduced by its cue, not a fragment inside a phrase
        node, seen = first, set()
        while tokens[node].head != verb:
            if node in seen or tokens[node].head == node:
                return None
            seen.add(node)
            node = tokens[node].head
        if tokens[node].dep not in _COMPLEMENTS or node < verb:
            return None
        objects = [k for k in parse.children(verb) if verb < k < node and tokens[k].dep in ("dobj", "dative")]
        if objects:
            start = parse.subtree(objects[0])[0]
        elif tokens[node].dep == "prep":
            start = min((parse.subtree(k)[0] for k in parse.children(node) if tokens[k].dep in ("pobj", "pcomp")),
                        default=parse.subtree(node)[0])
        else:
            start = parse.subtree(node)[0]
        end = max(tokens[parse.subtree(node)[-1]].end, quote.outer_end)
        span = self._trim(tokens[start].start, end)
        return span if span[0] < quote.outer_start else None

    def _first_token_at(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        tokens = self.parse.tokens
        lo, hi = 0, len(tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if tokens[mid].start < char:
                lo = mid + 1
            else:
                hi = mid
        return lo

    # --- reported (indirect) speech ---------------------------------------------------------

    def reported(self) -> list[Reported]:
        """Every reported clause: complements of cue verbs and clauses sourced "according to X"."""
        found: list[Reported] = []
        for tok in self.parse.tokens:
            if self._in_quote(tok.start):
                continue  # speech reported inside a quotation belongs to that quotation
            word, lemma = tok.text.lower(), tok.lemma.lower()
            cue_verb = self._is_any_cue(tok.i)
            if word == "according":
                cue = self._according_to(tok.i)
                span = self._according_clause(tok.i) if cue else None
            elif word == "in" and tok.dep == "prep":
                cue = self._in_source(tok.i)
                span = self._according_clause(tok.i) if cue else None
            elif cue_verb and self._passive(tok.i):
                # "was endorsed by dozens of papers": the agent holds the view, the subject is its object
                agent = self._passive_agent(tok.i)
                span = (self._passive_content(tok.i) if agent is not None else None) or self._hearsay(tok.i)
                cue = Cue((tok.i,), agent)
            elif cue_verb:
                cue = Cue((tok.i,), self.speaker_of(tok.i))
                if cue.speaker is None and lemma not in self.lex.speech:
                    continue  # "assuming that …", "imagine that …": nobody's belief is reported
                if self._is_stance(tok.i) and not self._holder(cue.speaker):
                    continue  # "most voters back the plan": a stance needs an identifiable holder
                span = self._complement(tok.i)
                if span is None:  # "Back home, he said, he decided to run": both sides of the cue
                    if not self._is_stance(tok.i):
                        found.extend(Reported(*piece, cue) for piece in self._around_parenthetical(tok.i))
                    continue
            elif tok.pos == "NOUN" and lemma in self.lex.nouns:
                span = self._that_clause(tok.i)
                cue = Cue((tok.i,), self._noun_speaker(tok.i)) if span else None
                if span is None:  # "his criticism of the deal", "expressed concern about the cuts"
                    cue, span = self._word_with_prep(tok.i)
            elif tok.pos in ("NOUN", "ADJ") and lemma in self.lex.prep_words:
                cue, span = self._word_with_prep(tok.i)  # "a staunch opponent of", "critical of"
                if span is None and lemma in self.lex.clause_adjectives:
                    cue, span = self._adjective_clause(tok.i)
            elif tok.pos == "ADJ" and lemma in self.lex.clause_adjectives:
                cue, span = self._adjective_clause(tok.i)  # "Democrats are afraid that …"
            else:
                continue
            if span is not None:
                start, end = self._trim(*span)
                if end > start:
                    found.append(Reported(start, end, cue))
        return self._without_embedded_stances(found)

    def _is_stance(self, verb: int) -> bool:
        """A stance verb that is no verb of saying, belief or evidence too."""
        lemma = self.parse.tokens[verb].lemma.lower()
        return lemma in self.lex.stance and not (
            lemma in self.lex.speech or lemma in self.lex.cognition or lemma in self.lex.evidence)

    def _holder(self, speaker: int) -> bool:
        """A speaker that can hold a stance: a name, a pronoun, a role, or a definite noun ("the union",
        "his campaign"); not a bare or quantified plural ("voters", "most voters")."""
        tok = self.parse.tokens[speaker]
        if tok.ent_type in _NAMED or tok.pos in ("PROPN", "PRON") or tok.lemma.lower() in self.lex.descriptions:
            return True
        return any(self.parse.tokens[k].dep == "poss" or (
            self.parse.tokens[k].dep == "det" and self.parse.tokens[k].lemma.lower() in _DEFINITE)
            for k in self.parse.children(speaker))

    def _without_embedded_stances(self, found: list[Reported]) -> list[Reported]:
        """Drop a stance inside what another cue reports ("accused Kyiv of ignoring the talks")."""
        tokens = self.parse.tokens
        return [r for r in found if not (self._is_stance(r.cue.head) and any(
            other is not r and other.start <= tokens[r.cue.head].start < other.end for other in found))]

    def _span(self, tokens: list[int]) -> tuple[int, int]:
        """Character span of a token list, without a leading "But" / "However,"."""
        toks = self.parse.tokens
        first = 0
        while first < len(tokens) - 1 and toks[tokens[first]].dep in ("cc", "advmod", "punct") and (
                toks[tokens[first]].dep == "cc" or toks[tokens[first] + 1].text == ","
                or toks[tokens[first]].text == ","):
            first += 1
        return toks[tokens[first]].start, toks[tokens[-1]].end

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        return strip_span(self.text, start, end, _EDGE_PUNCT)

    def _complement(self, verb: int) -> tuple[int, int] | None:
        """What a cue verb reports, from its dependents."""
        parse, tokens = self.parse, self.parse.tokens
        lemma = tokens[verb].lemma.lower()
        kids = parse.children(verb)
        # a stance verb takes no clause ("wants …, insisting that" is a misparse): only its object
        clauses = [] if self._is_stance(verb) else [k for k in kids if tokens[k].dep == "ccomp"]
        if clauses:
            after = [k for k in clauses if k > verb]
            return self._span(parse.subtree(after[0] if after else clauses[-1]))
        # "said after the meeting he would resign": a complement misparsed as a bare adverbial clause
        for kid in kids:
            if tokens[kid].dep == "advcl" and kid > verb and self._bare_clause(kid) and not self._is_stance(verb):
                return self._span(parse.subtree(kid))
        # "said in a statement that …", "told a meeting of leaders that …": a that-clause misparsed
        # as a relative clause of the noun before it
        for kid in kids:
            if tokens[kid].dep in ("prep", "dobj", "npadvmod") and kid > verb:
                for node in parse.subtree(kid):
                    if tokens[node].dep == "relcl" and self._that_complement(node) and (
                            tokens[parse.subtree(node)[0]].dep == "mark"
                            or tokens[tokens[node].head].lemma.lower() in self.lex.document_nouns):
                        return self._span(parse.subtree(node))
        # "warned of a crisis" / "accused Kyiv of provocations": the object of a listed preposition
        preps = self.lex.prep_complements.get(lemma, frozenset())
        for kid in kids:
            if tokens[kid].dep == "prep" and tokens[kid].text.lower() in preps:
                objects = [k for k in parse.children(kid) if tokens[k].dep in ("pobj", "pcomp")]
                if objects:
                    return self._span(parse.subtree(objects[0]))
        # "urged Congress to act" / "refused to testify": the object and its infinitive clause
        if lemma in self.lex.xcomp_verbs:
            clauses = [k for k in kids if tokens[k].dep == "xcomp" and k > verb]
            if clauses:
                objects = [k for k in kids if tokens[k].dep == "dobj" and verb < k < clauses[0]]
                first = parse.subtree(objects[0])[0] if objects else parse.subtree(clauses[0])[0]
                return tokens[first].start, tokens[parse.subtree(clauses[0])[-1]].end
        # "called the plan 'a disaster'" / "sees the vote as a test": the object and its complement
        if lemma in self.lex.object_complement_verbs:
            objects = [k for k in kids if tokens[k].dep == "dobj" and k > verb]
            complements = [k for k in kids if objects and k > objects[0] and (tokens[k].dep in ("oprd", "xcomp") or (
                tokens[k].dep == "prep" and tokens[k].text.lower() == "as"))]
            if complements:
                return tokens[parse.subtree(objects[0])[0]].start, tokens[parse.subtree(complements[0])[-1]].end
        # "criticized the trade deal": the object of a verb whose object is what was said
        if lemma in self.lex.object_content_verbs:
            objects = [k for k in kids if tokens[k].dep in ("dobj", "xcomp") and k > verb and (
                tokens[k].pos in ("NOUN", "PROPN") or tokens[k].tag == "VBG")]
            if objects and not (tokens[objects[0]].lemma.lower() in self.lex.nouns and self._that_clause(objects[0])):
                # "described the governor as a gambler": the object with its "as" complement
                extra = [k for k in kids if k > objects[0] and (tokens[k].dep == "oprd" or (
                    tokens[k].dep == "prep" and tokens[k].text.lower() == "as"))]
                last = parse.subtree(extra[0] if extra else objects[0])[-1]
                return tokens[parse.subtree(objects[0])[0]].start, tokens[last].end
        return None

    def _around_parenthetical(self, verb: int) -> list[tuple[int, int]]:
        """A cue set off by commas inside or after the clause it reports ("X, she said, Y")."""
        parse, tokens = self.parse, self.parse.tokens
        tok = tokens[verb]
        if tok.dep not in ("parataxis", "advcl", "conj", "ccomp") or tok.head == verb:
            return []
        if not any(tokens[k].dep in _SUBJECTS for k in parse.children(verb)):
            return []
        phrase = {verb}
        for kid in parse.children(verb):
            if tokens[kid].dep not in ("advcl", "ccomp", "xcomp", "conj"):
                phrase.update(parse.subtree(kid))
        first, last = min(phrase), max(phrase)
        if tokens[first].text != "," and (first == 0 or tokens[first - 1].text != ","):
            return []
        if tok.dep != "parataxis" and tok.head > verb:
            return []
        rest = [j for j in parse.subtree(tok.head) if j not in phrase]
        pieces = [[j for j in rest if j < first], [j for j in rest if j > last]]
        clauses = [p for p in pieces if len(p) >= 3 and any(tokens[j].pos in ("VERB", "AUX") for j in p)]
        spans = [self._trim(*self._span(p)) for p in clauses]
        return [s for s in spans if s[1] > s[0]]

    def _passive_content(self, verb: int) -> tuple[int, int] | None:
        """The passive subject of a verb whose object is what was said or judged ("the plan was criticized")."""
        if self.parse.tokens[verb].lemma.lower() not in self.lex.object_content_verbs:
            return None
        subjects = [k for k in self.parse.children(verb) if self.parse.tokens[k].dep == "nsubjpass"]
        return self._span(self.parse.subtree(subjects[0])) if subjects else None

    def _hearsay(self, verb: int) -> tuple[int, int] | None:
        """What a passive cue of belief or saying reports: "the talks are expected to resume" (subject and
        infinitive), "it is believed that …" (the clause), with or without an agent."""
        tokens, parse = self.parse.tokens, self.parse
        if tokens[verb].lemma.lower() not in self.lex.hearsay_verbs:
            return None  # "is supposed to", "was asked to": no one's words or belief
        kids = parse.children(verb)
        subjects = [k for k in kids if tokens[k].dep == "nsubjpass" and k < verb]
        if not subjects or not any(tokens[k].dep == "auxpass" for k in kids):
            return None
        if tokens[subjects[0]].text.lower() == "it":
            clauses = [k for k in kids if tokens[k].dep == "ccomp" and k > verb]
            return self._span(parse.subtree(clauses[0])) if clauses else None
        clauses = [k for k in kids if tokens[k].dep == "xcomp" and k > verb]
        if not clauses:
            return None
        return tokens[parse.subtree(subjects[0])[0]].start, tokens[parse.subtree(clauses[0])[-1]].end

    def _that_complement(self, clause: int) -> bool:
        """A clause opened by "that" which is not its subject ("… that the rebels had regrouped")."""
        first = self.parse.tokens[self.parse.subtree(clause)[0]]
        return first.text.lower() == "that" and not first.dep.startswith("nsubj")

    def _passive(self, verb: int) -> bool:
        """"was asked about", "when asked": the subject is the addressee, not the speaker."""
        tok = self.parse.tokens[verb]
        if tok.tag != "VBN":
            return False
        return tok.dep in ("advcl", "acl", "amod") or any(
            self.parse.tokens[k].dep in ("auxpass", "nsubjpass") for k in self.parse.children(verb))

    def _bare_clause(self, head: int) -> bool:
        """A clause with its own subject and no subordinator ("if", "when", "because")."""
        kids = [self.parse.tokens[k] for k in self.parse.children(head)]
        first = self.parse.tokens[self.parse.subtree(head)[0]]
        return (any(k.dep in _SUBJECTS for k in kids) and not any(k.dep == "mark" for k in kids)
                and first.tag not in ("WRB", "IN"))

    def _that_clause(self, noun: int) -> tuple[int, int] | None:
        """"the claim that …" / "concern that …": a that-clause hanging from a cue noun."""
        tokens = self.parse.tokens
        for kid in self.parse.children(noun):
            if tokens[kid].dep in ("acl", "ccomp", "relcl") and kid > noun:
                sub = self.parse.subtree(kid)
                first = tokens[sub[0]]
                if first.text.lower() == "that" and first.dep == "mark":
                    return self._span(sub)
        return None

    def _word_with_prep(self, word: int) -> tuple[Cue | None, tuple[int, int] | None]:
        """A stance noun or adjective and the object of its preposition ("critical of Trump"), when
        someone identifiable holds it."""
        tokens, parse = self.parse.tokens, self.parse
        preps = self.lex.prep_words.get(tokens[word].lemma.lower(), frozenset())
        for kid in parse.children(word):
            if tokens[kid].dep == "prep" and kid > word and tokens[kid].text.lower() in preps:
                objects = [k for k in parse.children(kid) if tokens[k].dep in ("pobj", "pcomp")]
                speaker = self._holder_of(word) if objects else None
                if speaker is not None and self._holder(speaker):
                    return Cue((word,), speaker), self._span(parse.subtree(objects[0]))
        return None, None

    def _adjective_clause(self, adjective: int) -> tuple[Cue | None, tuple[int, int] | None]:
        """"Officials are confident (that) the dam will hold": the clause an adjective of belief takes,
        when someone identifiable holds it."""
        tokens, parse = self.parse.tokens, self.parse
        clauses = [k for k in parse.children(adjective) if tokens[k].dep == "ccomp" and k > adjective]
        speaker = self._holder_of(adjective) if clauses else None
        if speaker is None or not self._holder(speaker):
            return None, None
        return Cue((adjective,), speaker), self._span(parse.subtree(clauses[0]))

    def _holder_of(self, word: int) -> int | None:
        """Who holds the stance a noun or adjective names: its possessor, the noun it describes
        ("Democrats worried about …"), or the subject of the verb it completes ("X is critical of")."""
        tokens = self.parse.tokens
        owners = [k for k in self.parse.children(word) if tokens[k].dep == "poss"]
        if owners:
            return owners[0]
        tok = tokens[word]
        if tok.dep in ("amod", "acl", "appos") and tok.head < word:
            return tok.head
        if tok.dep == "pobj":  # "leaders are in despair over …": the subject of the verb the phrase hangs from
            return self.speaker_of(tokens[tok.head].head)
        if tok.dep in ("dobj", "attr", "acomp", "oprd"):
            return self.speaker_of(tok.head)
        return self.speaker_of(word) if tok.dep == "ROOT" and tok.pos == "ADJ" else None

    def _noun_speaker(self, noun: int) -> int | None:
        """"his claim" → his; "Republicans expressed concern" → Republicans; "Trump claims that …" (a verb
        the parser took for a noun with a name before it) → Trump."""
        tokens = self.parse.tokens
        if tokens[noun].dep in ("dobj", "pobj", "attr"):
            subject = self.speaker_of(tokens[noun].head)
            if subject is not None:
                return subject
        owner = next((k for k in self.parse.children(noun) if tokens[k].dep == "poss"), None)
        if owner is None and tokens[noun].tag == "NNS" and tokens[noun].dep in ("nsubj", "ROOT"):
            owner = next((k for k in self.parse.children(noun) if tokens[k].dep in _SUBJECTS or (
                tokens[k].dep == "compound" and tokens[k].ent_type in _NAMED)), None)
        return owner

    def _according_clause(self, according: int) -> tuple[int, int] | None:
        """The clause an "according to X" phrase sources, without the phrase itself."""
        parse, tokens = self.parse, self.parse.tokens
        phrase = parse.subtree(according)
        sent = parse.sentences[tokens[according].sent]
        sent_tokens = range(sent.token_start, sent.token_end)
        rest = [j for j in sent_tokens if j not in phrase and not tokens[j].text.isspace()]
        while rest and tokens[rest[-1]].text in _SENTENCE_END:
            rest.pop()
        before = [j for j in rest if j < phrase[0]]
        after = [j for j in rest if j > phrase[-1]]
        if len(after) >= 3 and (not before or phrase[0] <= sent.token_start + 1):
            return self._span(after)
        if len(before) >= 3:
            return self._span(before)
        return None
