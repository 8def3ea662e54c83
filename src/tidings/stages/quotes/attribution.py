"""Cues and speakers from the dependency parse: who said a marked quote (reported speech is read in ``reported``).

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

#: Tokens that end a sentence.
SENTENCE_END = frozenset({".", "!", "?"})
_SUBJECTS = grammar.labels("subjects")
_CLIMB = grammar.labels("quote_climb")
#: Entity labels of a named speaker or stance holder.
NAMED_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_COMPLEMENTS = grammar.labels("quote_complements")
_NAME_COMPOUNDS = grammar.labels("name_compounds")
_SPEAKER_PHRASE = grammar.labels("speaker_phrase_parts")
_DASHES = {"—", "―", "–", "--", "-"}
#: Characters trimmed from the edges of a reported span.
EDGE_PUNCT = " \t\r\n,;:-–—"
_RELATIVES = grammar.words("relative_pronouns")


#: Verbs whose subject receives the document they take: "the minister received a letter saying …" is the
#: letter's words, not the minister's.
RECEIVING_VERBS = grammar.words("receiving_verbs")
#: Verbs whose object, not subject, does what their infinitive says ("urged the minister to explain …").
OBJECT_CONTROL_VERBS = grammar.words("object_control_verbs")


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
        if found is not None and self.in_quote(tokens[found].start) and not self.in_quote(tokens[verb].start):
            inverted = self._inverted_subject(verb)
            return inverted if inverted is not None else self._noun_before(verb)
        if found is None and tokens[verb].tag in ("VBD", "VBZ"):  # 'Said Ellis: "…"', parsed without a subject
            inverted = self._inverted_subject(verb)
            if inverted is not None and (inverted + 1 == len(tokens) or tokens[inverted + 1].pos == "PUNCT"):
                return inverted
        return found

    def _subject_of(self, verb: int) -> int | None:
        outer = self._reporting_verb(verb)
        if outer is not None:
            return self._subject_of(outer)
        followed = self._name_before_participle(verb)
        if followed is not None:
            return followed
        cue, seen = verb, set()
        while verb not in seen:
            seen.add(verb)
            subjects = [k for k in self.parse.children(verb) if self.parse.tokens[k].dep in _SUBJECTS]
            if subjects:
                # "the reasons that Trump refuses …": "that" taken for a second subject; the name is the speaker;
                # of two subjects the one nearest before the verb ("The Latest: Trump urges …", a section heading
                # run into the sentence: "THE BORROWING Back then, Mr. Lee said …")
                named = [k for k in subjects if self.parse.tokens[k].text.lower() not in _RELATIVES]
                nearest = max((k for k in named if k < verb), default=None) if verb == cue else None
                nearest = nearest if nearest is not None else named[0] if named else None
                return self._from_dateline(self._unstolen(nearest if nearest is not None and len(subjects) > 1
                                                          else subjects[0]))
            tok = self.parse.tokens[verb]
            document = self._document_of(tok)
            if document is not None:
                return document  # "received a letter from the union saying …": the letter speaks, not its reader
            head = self.parse.object_control_verb(tok.i, OBJECT_CONTROL_VERBS)
            if head is not None:  # "forced the chief executive to admit …": its object before the infinitive acts
                controller = next((k for k in self.parse.children(head)
                                   if self.parse.tokens[k].dep == "dobj" and k < tok.i), None)
                if controller is not None:
                    return controller
            if tok.dep in _CLIMB or (tok.dep == "ccomp" and tok.tag in ("VBG", "VBN")):
                verb = tok.head
            else:
                break
        found = self.passive_agent(verb)
        if found is None:
            found = self._participle_subject(cue)
        if found is None:
            found = self._noun_before(cue)
        if found is None and verb != cue and self.parse.tokens[cue].dep == "conj":
            found = self._noun_before(verb)  # "Obama and Clinton call them … and describe …", parsed subjectless
        return found

    def _reporting_verb(self, cue: int) -> int | None:
        """The verb of saying whose speaker also says what a cue the parser hung inside its reported clause says:
        a participle set off by a comma ("X said the talks stalled, citing …"; '"…," X said, adding …' hung on a
        quoted verb) or a conjunct agreeing with it in tense ("X said it was opposed and warned …")."""
        tokens = self.parse.tokens
        node = tokens[cue].head if tokens[cue].dep == "xcomp" else cue  # "going on to say"
        tok = tokens[node]
        if any(tokens[k].dep in _SUBJECTS for k in self.parse.children(node)) or tok.head == node:
            return None
        if tok.tag == "VBG" and tok.dep == "advcl" and node > 0 and tokens[node - 1].text == ",":
            # "X said the talks stalled, citing …": the participle hung on the reported verb
            outer = self._saying_ancestor(node)
            if outer is None and self.in_quote(tokens[tok.head].start) and not self.in_quote(tok.start):
                # '"…," X said, adding …': the participle hung on a verb inside the quotation
                outer = self._saying_before(node)
            return outer
        head = tokens[tok.head]
        if tok.dep == "conj" and head.dep == "ccomp":
            # "X said it was opposed and warned …": the conjunct shares the tense of "said", not of "was"
            saying = tokens[head.head]
            agrees = tok.tag == saying.tag and (head.pos == "AUX" or head.tag != tok.tag or any(
                tokens[k].dep == "aux" for k in self.parse.children(head.i)))
            if agrees and saying.i < head.i and self._is_cue_verb(saying.i, (self.lex.speech,)):
                return saying.i
        return None

    def _saying_ancestor(self, node: int) -> int | None:
        """The nearest verb of saying above ``node`` whose complement holds it."""
        tokens, seen, passed = self.parse.tokens, set(), False
        while tokens[node].head != node and node not in seen:
            seen.add(node)
            passed = passed or tokens[node].dep == "ccomp"
            node = tokens[node].head
            if passed and self._is_cue_verb(node, (self.lex.speech,)) and tokens[node].tag not in ("VBN", "VBG"):
                return node
        return None

    def _saying_before(self, node: int) -> int | None:
        """The nearest verb of saying before ``node`` in its sentence, outside quotation marks."""
        tokens = self.parse.tokens
        for i in range(node - 1, -1, -1):
            if tokens[i].sent != tokens[node].sent:
                return None
            if not self.in_quote(tokens[i].start) and self._is_cue_verb(i, (self.lex.speech,)) and \
                    tokens[i].tag not in ("VBN", "VBG"):
                return i
        return None

    def _name_before_participle(self, verb: int) -> int | None:
        """"Footage of Senator Hale asking, '…'": the name or pronoun a participle of saying follows, when the
        parser gave the participle no subject or took the noun the name hangs from ("footage") for it."""
        tokens = self.parse.tokens
        if tokens[verb].tag != "VBG" or verb == 0:
            return None
        named = tokens[verb - 1]
        if named.head > named.i or named.sent != tokens[verb].sent or not (
                named.ent_type in NAMED_LABELS or named.tag == "PRP" or (named.pos == "PROPN" and not named.ent_type)):
            return None
        after_of = named.dep == "pobj" and tokens[named.head].text.lower() == "of"
        subjectless = not any(tokens[k].dep in _SUBJECTS for k in self.parse.children(verb))
        return named.i if after_of or subjectless else None

    def _participle_subject(self, verb: int) -> int | None:
        """"Ruto, opening the terminal on Friday, said …": the subject the parser hung on the participle clause
        set off before the verb."""
        tokens = self.parse.tokens
        for kid in self.parse.children(verb):
            if kid < verb and tokens[kid].dep == "advcl" and tokens[kid].tag in ("VBG", "VBN"):
                subjects = [k for k in self.parse.children(kid) if tokens[k].dep == "nsubj" and k < kid]
                if subjects and tokens[subjects[0]].pos in ("PROPN", "NOUN"):
                    return subjects[0]
        return None

    def _from_dateline(self, subject: int) -> int:
        """"WASHINGTON -- President Obama, …, said": a dateline taken for the subject; the person set beside it
        after the dash is."""
        tokens = self.parse.tokens
        nxt = subject + 1
        if nxt < len(tokens) and tokens[nxt].text in _DASHES and tokens[subject].text.isupper():
            beside = [k for k in self.parse.children(subject) if tokens[k].dep == "appos" and k > nxt]
            if beside:
                return beside[0]
        return subject

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
        if tokens[verb].tag in ("VBG", "VBN") or self.in_quote(tokens[i].start):
            return None
        while tokens[i].dep in _NAME_COMPOUNDS and tokens[i].head > i:
            i = tokens[i].head
        return i

    def passive_agent(self, verb: int) -> int | None:
        """"…, as reported by Reuters" / "was said by X": the agent's object."""
        for kid in self.parse.children(verb):
            if self.parse.tokens[kid].dep == "agent":
                objs = [k for k in self.parse.children(kid) if self.parse.tokens[k].dep == "pobj"]
                if objs:
                    return objs[0]
        return None

    def according_to(self, i: int) -> Cue | None:
        """"according to X" (and the other source phrases) starting at token ``i``."""
        tokens = self.parse.tokens
        for phrase in self.lex.source_phrases:
            j = i + len(phrase)
            if j <= len(tokens) and all(tokens[i + k].text.lower() == w for k, w in enumerate(phrase)):
                objs = [k for k in self.parse.children(j - 1) if tokens[k].dep == "pobj"]
                # "according to show insiders", "show" taken for a verb: the first noun heading its phrase
                objs = objs or [k for k in self.parse.subtree(j - 1) if k >= j and tokens[k].pos in ("NOUN", "PROPN")
                                and tokens[k].dep not in _NAME_COMPOUNDS]
                return Cue(tuple(range(i, j)), objs[0] if objs else None)
        return None

    def _is_cue_verb(self, i: int, kinds: tuple[frozenset[str], ...]) -> bool:
        tok = self.parse.tokens[i]
        return tok.pos in ("VERB", "AUX") and any(tok.lemma.lower() in kind for kind in kinds)

    # --- direct quotes --------------------------------------------------------------------

    def in_quote(self, tok_start: int) -> bool:
        """True when the character ``tok_start`` lies inside quotation marks (or a verbatim block)."""
        return bool(self._quoted_mask[tok_start])

    def _window(self, first: int, step: int, limit: int, para: tuple[int, int]) -> list[int]:
        """Tokens from ``first`` in direction ``step`` up to a sentence end or another quote."""
        out: list[int] = []
        i = first
        tokens = self.parse.tokens
        while 0 <= i < len(tokens) and len(out) < limit:
            tok = tokens[i]
            if not (para[0] <= tok.start < para[1]) or tok.start in self.mark_starts or self.in_quote(tok.start):
                break
            if tok.text in DOUBLE or "\n" in tok.text:
                break  # another quotation, or a line break
            if tok.text in SENTENCE_END:
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
        terminal = close is not None and self.text[close - 1:close] in SENTENCE_END
        intro = self.text[para[0]:quote.outer_start].rstrip()[-1:] in (":", ",")
        tail_limit = 40 if comma_end else 5 if terminal else 12
        tail = self._window(after, 1, tail_limit, para)
        head = self._window(before, -1, 30, para)
        signed = self._signature(tail, terminal or close is None, quote.outer_end)
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
            if tokens[node].sent != tokens[first].sent or (self.in_quote(tokens[node].start) and not inside):
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
        """The first source phrase, verb of saying or "put it" in ``windows`` (``tail``: the window after the
        quote)."""
        tokens = self.parse.tokens
        for window in windows:
            for i in window:
                found = self.according_to(i)
                if found is not None:
                    return found
                if (self._is_cue_verb(i, (self.lex.speech,)) and tokens[i].tag != "VBN") or self.puts_it(i):
                    speaker = self.speaker_of(i)
                    if speaker is None and window is tail:
                        speaker = self._name_before(tail, i)
                    return Cue((i,), speaker)
        return None

    def puts_it(self, i: int) -> bool:
        """True when token ``i`` is the idiom of saying "put it" ("As one analyst put it, …")."""
        tokens = self.parse.tokens
        return tokens[i].lemma.lower() == "put" and tokens[i].pos == "VERB" and any(
            tokens[k].dep == "dobj" and tokens[k].text.lower() == "it" for k in self.parse.children(i))

    def quote_verbatim(self, start: int, end: int) -> None:
        """Mark [start, end) as quoted text found after construction (a block quotation)."""
        self.quoted.append((start, end))
        self._quoted_mask[start:end] = b"\x01" * (end - start)

    def _signature(self, tail: list[int], complete: bool, end: int) -> Cue | None:
        """'"…" ― Jane Alvarez, a nurse': a dash then a name signs a complete quote; ``end`` is where the quote
        ends, since a dash glued to the closing mark ('"…"― Jane Alvarez') shares the mark's token."""
        tokens = self.parse.tokens
        words = [i for i in tail if not tokens[i].text.isspace()]
        if words and tokens[words[0]].text in _DASHES:
            dash, words = words[0], words[1:]
        elif tail and any(self.text.startswith(mark, end) for mark in _DASHES):
            dash = tail[0] - 1  # the token holding the closing mark and the dash
        else:
            return None
        if not complete or not words:
            return None
        name = words[0]
        if tokens[name].ent_type not in ("PERSON", "ORG") and tokens[name].pos != "PROPN":
            return None
        while tokens[name].dep in _NAME_COMPOUNDS and tokens[name].head > name:
            name = tokens[name].head
        return Cue((dash,), name)

    def _inverted_subject(self, verb: int) -> int | None:
        """The speaker named right after the cue ('"…," said the senator from Ohio'): the first noun after
        ``verb`` in its sentence, before any comma, climbing to the head of its phrase."""
        tokens = self.parse.tokens
        i = verb + 1
        while i < len(tokens) and tokens[i].sent == tokens[verb].sent and tokens[i].pos not in ("PUNCT", "VERB", "ADP"):
            if tokens[i].pos in ("PROPN", "NOUN", "PRON") and not self.in_quote(tokens[i].start) and \
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
            if tok.ent_type in NAMED_LABELS or tok.pos == "PRON":
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


    def _trim(self, start: int, end: int) -> tuple[int, int]:
        return strip_span(self.text, start, end, EDGE_PUNCT)
