"""Reported (indirect) speech from the dependency parse: what a cue verb, noun or adjective reports, and the
clause an "according to X" phrase sources.

Candidate generators each read one construction and yield what they find, without side effects; two tables
say which generator reads what: ``TOKEN_READERS`` (a token goes to the first reader whose trigger it matches)
and ``COMPLEMENT_READERS`` (a cue verb's complement is the first any reader finds, in order of preference);
``select`` trims the candidates and drops a stance embedded in what another cue reports.
"""
from __future__ import annotations

from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass

from tidings.models import Token
from tidings.resources import grammar
from tidings.resources.quotes import QuoteLexicon

from .attribution import EDGE_PUNCT, NAMED_LABELS, SENTENCE_END, Attributor, Cue, Reported
from .marks import strip_span

Span = tuple[int, int]

_SUBJECTS = grammar.labels("subjects")
#: Words that make a group of holders a count of them ("most voters back the plan").
_QUANTIFIERS = grammar.words("quantifying_determiners")
#: Dependents of a cue verb in which a that-clause misparsed as a relative clause may hang ("said in a
#: statement that …", "told a meeting of leaders that …").
_RELATIVE_HOSTS = ("prep", "dobj", "npadvmod")
#: Dependents completing the object of a verb like "call" or "see" ("called the plan 'a disaster'").
_OBJECT_PREDICATES = ("oprd", "xcomp")
#: Dependents of a verb whose object is what was said, when they are that object ("criticized the deal").
_CONTENT_OBJECTS = ("dobj", "xcomp")
#: Where a stance noun or adjective stands to the verb whose subject holds it ("X is critical of").
_COMPLETING = ("dobj", "attr", "acomp", "oprd")
#: Where a stance noun or adjective describes its holder ("Democrats worried about …").
_DESCRIBING = ("amod", "acl", "appos")


def find_reported(attributor: Attributor) -> list[Reported]:
    """Every reported clause in the attributor's document, outside quotations (see ``ReportedSpeech``)."""
    return ReportedSpeech(attributor).find()


class ReportedSpeech:
    """The reported-speech generators over one parsed document, with the attributor's speakers, source
    phrases and quoted text."""

    def __init__(self, attributor: Attributor):
        self.attributor = attributor
        self.parse = attributor.parse
        self.text = attributor.text
        self.lex = attributor.lex

    def find(self) -> list[Reported]:
        """Every reported clause: complements of cue verbs and clauses sourced "according to X"."""
        return self.select([r for tok in self.parse.tokens if not self.attributor.in_quote(tok.start)
                            for r in self.candidates(tok)])  # speech reported inside a quotation belongs to it

    def candidates(self, tok: Token) -> Iterator[Reported]:
        """What the first reader whose trigger ``tok`` matches finds there (spans not yet trimmed)."""
        if tok.pos not in _TRIGGER_POS and tok.text.lower() not in _TRIGGER_WORDS:
            return iter(())
        rule = next((rule for rule in TOKEN_READERS if self._triggers(rule, tok)), None)
        return rule.reader(self, tok) if rule is not None else iter(())

    def _triggers(self, rule: TokenRule, tok: Token) -> bool:
        return ((not rule.words or tok.text.lower() in rule.words) and (not rule.deps or tok.dep in rule.deps)
                and (not rule.pos or tok.pos in rule.pos)
                and (rule.lemmas is None or tok.lemma.lower() in rule.lemmas(self.lex))
                and (not rule.cue_verb or self._is_any_cue(tok.i)) and (not rule.passive or self._passive(tok.i)))

    def select(self, candidates: list[Reported]) -> list[Reported]:
        """The candidates trimmed, empty ones dropped, and no stance inside what another cue reports
        ("accused Kyiv of ignoring the talks")."""
        found = [Reported(start, end, r.cue) for r in candidates for start, end in [self._trim(r.start, r.end)]
                 if end > start]
        tokens = self.parse.tokens
        return [r for r in found if not (self._is_stance(r.cue.head) and any(
            other is not r and other.start <= tokens[r.cue.head].start < other.end for other in found))]

    # --- token readers (TOKEN_READERS) ----------------------------------------------------------

    def according(self, tok: Token) -> Iterator[Reported]:
        """"according to X, …": the rest of the clause."""
        cue = self.attributor.according_to(tok.i)
        span = self._according_clause(tok.i) if cue is not None else None
        if cue is not None and span is not None:
            yield Reported(*span, cue)

    def in_source(self, tok: Token) -> Iterator[Reported]:
        """"In the minister's view, …": the rest of the clause."""
        cue = self._in_source(tok.i)
        span = self._according_clause(tok.i) if cue is not None else None
        if cue is not None and span is not None:
            yield Reported(*span, cue)

    def passive_cue(self, tok: Token) -> Iterator[Reported]:
        """"was endorsed by dozens of papers": the agent holds the view, the subject is its object; "he was
        accused of fraud": the judgement, held by nobody named; "the talks are expected to resume": what is
        believed, with or without an agent."""
        agent = self.attributor.passive_agent(tok.i)
        # "has been called a charlatan by fellow doctors": with an agent, any verb with an object complement judges
        judged = self._judged(tok.i, self.lex.object_complement_verbs if agent is not None else frozenset())
        span = judged or (self._passive_content(tok.i) if agent is not None else None) or self._hearsay(tok.i)
        if span is not None:
            yield Reported(*span, Cue((tok.i,), agent))
            return
        source = agent if agent is not None else self._setting_document(tok.i)
        aside = self._as_aside(tok.i) if source is not None else None
        if aside is not None:  # "As stated in the ministry's report, …": the document sources the clause
            yield Reported(*aside, Cue((tok.i,), source))

    def active_cue(self, tok: Token) -> Iterator[Reported]:
        """What a cue verb reports, said by its subject; a cue set off by commas reports both sides of it."""
        if tok.dep == "prep":
            return  # a participle serving as a preposition: "compared with $67,000", "considering the cost"
        speaker = self.attributor.speaker_of(tok.i)
        if speaker is None and tok.lemma.lower() not in self.lex.speech:
            return  # "assuming that …", "imagine that …": nobody's belief is reported
        stance = self._is_stance(tok.i)
        if stance and (speaker is None or not self._holder(speaker)):
            return  # "most voters back the plan": a stance needs an identifiable holder
        cue = Cue((tok.i,), speaker)
        span = self._complement(tok.i)
        if span is not None:
            yield Reported(*span, cue)
        elif (aside := self._as_aside(tok.i)) is not None:  # "Hawaii, as one adviser noted, rarely gets …"
            speaker = self._as_object(tok.i) or speaker  # "as one of his advisers pointed out": the object speaks
            if speaker is not None:
                yield Reported(*aside, Cue((tok.i,), speaker))
        elif not stance:  # "Back home, he said, he decided to run": both sides of the cue
            yield from (Reported(*piece, cue) for piece in self._around_parenthetical(tok.i))

    def put_it(self, tok: Token) -> Iterator[Reported]:
        """"…, as one analyst put it, …": the idiom of saying sources the clause it is set off in."""
        if not self.attributor.puts_it(tok.i):
            return
        speaker = self.attributor.speaker_of(tok.i)
        aside = self._as_aside(tok.i, objects=("it",))
        if aside is not None and speaker is not None:
            yield Reported(*aside, Cue((tok.i,), speaker))

    def speech_noun(self, tok: Token) -> Iterator[Reported]:
        """"the claim that …" (said by its owner or the subject of its verb), else "his criticism of the deal",
        "expressed concern about the cuts"."""
        span = self._that_clause(tok.i)
        if span is not None:
            yield Reported(*span, Cue((tok.i,), self._noun_speaker(tok.i)))
        elif (found := self._word_with_prep(tok.i) or self._noun_infinitive(tok.i)) is not None:
            yield found

    def intention_noun(self, tok: Token) -> Iterator[Reported]:
        """"the union's refusal to negotiate", "made a decision to resign": the infinitive its holder intends."""
        found = self._noun_infinitive(tok.i)
        if found is not None:
            yield found

    def stance_word(self, tok: Token) -> Iterator[Reported]:
        """"a staunch opponent of", "critical of", "a proposal to …"; else an adjective of belief with its clause."""
        found = self._word_with_prep(tok.i) or self._noun_infinitive(tok.i)
        if found is None and tok.lemma.lower() in self.lex.clause_adjectives:
            found = self._adjective_clause(tok.i)
        if found is not None:
            yield found

    def belief_adjective(self, tok: Token) -> Iterator[Reported]:
        """"Democrats are afraid that …"."""
        found = self._adjective_clause(tok.i)
        if found is not None:
            yield found

    # --- what a cue verb reports (COMPLEMENT_READERS) ---------------------------------------------

    def _complement(self, verb: int) -> Span | None:
        """What a cue verb reports: the first candidate of the first reader the verb may use."""
        lemma = self.parse.tokens[verb].lemma.lower()
        stance = self._is_stance(verb)
        return next((span for rule in COMPLEMENT_READERS
                     if (rule.stance or not stance) and (rule.lemmas is None or lemma in rule.lemmas(self.lex))
                     for span in rule.reader(self, verb)), None)

    def clause(self, verb: int) -> Iterator[Span]:
        """"said (that) the talks had failed": the clausal complement, the first after the verb; a cue after
        its clauses reports all of them."""
        tokens, parse = self.parse.tokens, self.parse
        clauses = [k for k in parse.children(verb) if tokens[k].dep == "ccomp"]
        after = [k for k in clauses if k > verb]
        infinitives = [k for k in parse.children(verb) if tokens[k].dep == "xcomp" and k > verb]
        if after and infinitives and infinitives[0] < after[0] and tokens[verb].lemma.lower() in self.lex.xcomp_verbs:
            return  # "promising to cut taxes ― not what X had in mind": the infinitive is the promise
        if after:
            yield self._span(parse.subtree(after[0]))
        elif clauses:  # "A, but B, the mediator said": every clause before the cue, as one
            first = parse.subtree(clauses[0])[0]
            if tokens[verb].dep == "conj" and tokens[verb].head < first and self._ends_sentence(verb):
                first = parse.subtree(tokens[verb].head)[0]  # the parser made the cue a conjunct of A's verb
            yield self._span(list(range(first, parse.subtree(clauses[-1])[-1] + 1)))

    def _ends_sentence(self, verb: int) -> bool:
        """True when only punctuation follows ``verb`` in its sentence ("…, the source added.")."""
        tokens = self.parse.tokens
        end = self.parse.sentences[tokens[verb].sent].token_end
        return all(tokens[k].pos in ("PUNCT", "SPACE") for k in range(verb + 1, end))

    def bare_adverbial(self, verb: int) -> Iterator[Span]:
        """"said after the meeting he would resign": a complement misparsed as a bare adverbial clause."""
        tokens, parse = self.parse.tokens, self.parse
        for kid in parse.children(verb):
            if tokens[kid].dep == "advcl" and kid > verb and self._bare_clause(kid):
                yield self._span(parse.subtree(kid))

    def relative_that(self, verb: int) -> Iterator[Span]:
        """"said in a statement that …", "told a meeting of leaders that …": a that-clause misparsed as a
        relative clause of the noun before it."""
        tokens, parse = self.parse.tokens, self.parse
        for kid in parse.children(verb):
            if tokens[kid].dep in _RELATIVE_HOSTS and kid > verb:
                for node in parse.subtree(kid):
                    if tokens[node].dep == "relcl" and self._that_complement(node) and (
                            tokens[parse.subtree(node)[0]].dep == "mark"
                            or tokens[tokens[node].head].lemma.lower() in self.lex.document_nouns):
                        yield self._span(parse.subtree(node))

    def prep_object(self, verb: int) -> Iterator[Span]:
        """"warned of a crisis" / "accused Kyiv of provocations": the object of a preposition listed for it."""
        tokens, parse = self.parse.tokens, self.parse
        lemma = tokens[verb].lemma.lower()
        preps = self.lex.prep_complements.get(lemma, frozenset())
        direct = self._direct_objects(verb)
        for kid in parse.children(verb):
            if direct and direct[0] < kid and lemma in self.lex.object_complement_verbs:
                continue  # "likened the rules to …": the object with its complement (``object_and_predicate``)
            if tokens[kid].dep == "prep" and tokens[kid].text.lower() in preps:
                objects = [k for k in parse.children(kid) if tokens[k].dep in ("pobj", "pcomp")]
                if objects:
                    yield self._span(parse.subtree(objects[0]))

    def infinitive(self, verb: int) -> Iterator[Span]:
        """"urged Congress to act" / "refused to testify": the object and its infinitive clause."""
        tokens, parse = self.parse.tokens, self.parse
        kids = parse.children(verb)
        clauses = [k for k in kids if tokens[k].dep == "xcomp" and k > verb]
        if clauses:
            objects = [k for k in kids if tokens[k].dep == "dobj" and verb < k < clauses[0]]
            first = parse.subtree(objects[0])[0] if objects else parse.subtree(clauses[0])[0]
            yield tokens[first].start, tokens[parse.subtree(clauses[0])[-1]].end

    def object_and_predicate(self, verb: int) -> Iterator[Span]:
        """"called the plan 'a disaster'" / "sees the vote as a test" / "likened the rules to a bonfire": the object
        and its complement (a predicate, "as", or a preposition listed for the verb)."""
        tokens, parse = self.parse.tokens, self.parse
        kids = parse.children(verb)
        objects = self._direct_objects(verb)
        preps = self.lex.prep_complements.get(tokens[verb].lemma.lower(), frozenset()) | {"as"}
        complements = [k for k in kids if objects and k > objects[0] and (tokens[k].dep in _OBJECT_PREDICATES or (
            tokens[k].dep == "prep" and tokens[k].text.lower() in preps))]
        if complements:
            yield tokens[parse.subtree(objects[0])[0]].start, tokens[parse.subtree(complements[0])[-1]].end

    def content_object(self, verb: int) -> Iterator[Span]:
        """"criticized the trade deal": the object of a verb whose object is what was said ("described the
        governor as a gambler": with its "as" complement); not a noun of speech with its own clause."""
        tokens, parse = self.parse.tokens, self.parse
        kids = parse.children(verb)
        objects = [k for k in kids if tokens[k].dep in _CONTENT_OBJECTS and k > verb and (
            tokens[k].pos in ("NOUN", "PROPN") or tokens[k].tag == "VBG")]
        if objects and not (tokens[objects[0]].lemma.lower() in self.lex.nouns and self._that_clause(objects[0])):
            extra = [k for k in kids if k > objects[0] and (tokens[k].dep == "oprd" or (
                tokens[k].dep == "prep" and tokens[k].text.lower() == "as"))]
            last = parse.subtree(extra[0] if extra else objects[0])[-1]
            yield tokens[parse.subtree(objects[0])[0]].start, tokens[last].end

    # --- shared tests and pieces ----------------------------------------------------------------

    def _is_any_cue(self, i: int) -> bool:
        """True when token ``i`` is a verb of any cue kind (speech, cognition, evidence, stance)."""
        tok = self.parse.tokens[i]
        return tok.pos in ("VERB", "AUX") and self.lex.is_cue(tok.lemma.lower())

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
        if not owners and tokens[noun].tag == "NN" and not any(tokens[k].dep == "det" for k in parse.children(noun)):
            return None  # an idiom, not a source: "what he had in mind", "in view of the risks"
        return Cue((i,), owners[0] if owners else noun)

    def _is_stance(self, verb: int) -> bool:
        """A stance verb that is no verb of saying, belief or evidence too."""
        lemma = self.parse.tokens[verb].lemma.lower()
        return lemma in self.lex.stance and not (
            lemma in self.lex.speech or lemma in self.lex.cognition or lemma in self.lex.evidence)

    def _holder(self, speaker: int) -> bool:
        """A speaker that can hold a stance: anyone named or described ("the union", "Democrats", "critics"),
        but not a quantified group ("most voters", "some analysts"), which counts the holders without naming them."""
        return not any(self.parse.tokens[k].text.lower() in _QUANTIFIERS for k in self.parse.children(speaker))

    def _span(self, tokens: list[int]) -> Span:
        """Character span of a token list, without a leading "But" / "However,"."""
        toks = self.parse.tokens
        first = 0
        while first < len(tokens) - 1 and toks[tokens[first]].dep in ("cc", "advmod", "punct") and (
                toks[tokens[first]].dep == "cc" or toks[tokens[first] + 1].text == ","
                or toks[tokens[first]].text == ","):
            first += 1
        return toks[tokens[first]].start, toks[tokens[-1]].end

    def _trim(self, start: int, end: int) -> Span:
        return strip_span(self.text, start, end, EDGE_PUNCT)

    def _around_parenthetical(self, verb: int) -> list[Span]:
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
        host = tok.head
        while tokens[host].dep == "conj" and tokens[host].head < host:
            host = tokens[host].head  # "A, but B, the source added": the cue reports both conjuncts
        rest = [j for j in parse.subtree(host) if j not in phrase]
        pieces = [[j for j in rest if j < first], [j for j in rest if j > last]]
        clauses = [p for p in pieces if len(p) >= 3 and any(tokens[j].pos in ("VERB", "AUX") for j in p)]
        spans = [self._trim(*self._span(p)) for p in clauses]
        return [s for s in spans if s[1] > s[0]]

    def _direct_objects(self, verb: int) -> list[int]:
        """The direct objects after ``verb``, in order."""
        return [k for k in self.parse.children(verb) if self.parse.tokens[k].dep == "dobj" and k > verb]

    def _as_aside(self, verb: int, objects: tuple[str, ...] = ()) -> Span | None:
        """"Hawaii, as one adviser pointed out, rarely gets …" / "As we saw in 2009, banks …" / "…, as the
        memo put it": a cue in an "as" phrase set off by commas (or opening or closing its sentence), with no
        complement of its own, sources the clause around it; ``objects``: the object words the idiom takes."""
        tokens, parse = self.parse.tokens, self.parse
        kids = parse.children(verb)
        opener = next((k for k in kids if k < verb and tokens[k].text.lower() == "as"
                       and tokens[k].dep in ("mark", "prep", "advmod")), None)
        opener = opener if opener is not None else self._as_object(verb, opener=True)
        if opener is None or any(tokens[k].dep in ("ccomp", "xcomp", "oprd") or (
                tokens[k].dep == "dobj" and tokens[k].text.lower() not in objects) for k in kids):
            return None
        first = opener if tokens[opener].dep != "prep" else min(opener, parse.subtree(opener)[0])
        last = verb  # the phrase runs on through the verb's own words up to the next comma
        while last + 1 < len(tokens) and tokens[last + 1].sent == tokens[verb].sent and tokens[last + 1].text not in (
                ",", ";", ":") and tokens[last + 1].text not in SENTENCE_END and self._within(last + 1, verb):
            last += 1
        sent = parse.sentences[tokens[verb].sent]
        before = tokens[first - 1] if first > sent.token_start else None
        after = tokens[last + 1] if last + 1 < sent.token_end else None
        if (before is not None and before.text != ",") or (after is not None and after.text not in (
                ",", ";", *SENTENCE_END) and not after.text.isspace()):
            return None  # not set off: "prices rose as analysts expected" is no aside
        host = tokens[verb].head if tokens[verb].dep != "ROOT" else verb
        while tokens[host].pos not in ("VERB", "AUX") and tokens[host].head != host:
            host = tokens[host].head  # "The reservoir, as one engineer noted, …": the aside hangs on the subject
        clause = range(sent.token_start, sent.token_end) if host == verb else parse.subtree(host)
        rest = [j for j in clause if not first <= j <= last and not tokens[j].text.isspace()]
        while rest and (tokens[rest[0]].dep in ("mark", "advmod", "cc", "punct", "prep") and rest[0] < first):
            rest.pop(0)  # "If, as I have said, …", "After all, as we saw, …": the opener is not the content
        while rest and tokens[rest[-1]].text in SENTENCE_END:
            rest.pop()
        if len(rest) < 3 or not any(tokens[j].pos in ("VERB", "AUX") for j in rest):
            return None
        return self._span(rest)

    def _as_object(self, verb: int, *, opener: bool = False) -> int | None:
        """The object of an "as" the parser made a preposition of the cue or of its subject right before it ("Hawaii,
        as one of his advisers pointed out, …": the speaker taken for the object); with ``opener``, the "as"."""
        tokens, parse = self.parse.tokens, self.parse
        hosts = [verb] + [k for k in parse.children(verb) if tokens[k].dep == "nsubj" and k < verb]
        for host in hosts:
            for kid in parse.children(host):
                if kid < verb and tokens[kid].dep == "prep" and tokens[kid].text.lower() == "as" and (
                        host == verb or parse.subtree(kid)[-1] == verb - 1):
                    return kid if opener else next((k for k in parse.children(kid) if tokens[k].dep == "pobj"), None)
        return None

    def _within(self, i: int, verb: int) -> bool:
        """True when token ``i`` belongs to the verb's own phrase (not to a clause hanging from it)."""
        tokens = self.parse.tokens
        node, seen = i, set()
        while node != verb and tokens[node].head != node and node not in seen:
            seen.add(node)
            if tokens[node].head == verb and tokens[node].dep in ("advcl", "ccomp", "conj", "parataxis", "xcomp"):
                return False
            node = tokens[node].head
        return node == verb

    def _setting_document(self, verb: int) -> int | None:
        """"stated in the senator's commentary": the document a verb sets its words in."""
        tokens = self.parse.tokens
        for kid in self.parse.children(verb):
            if tokens[kid].dep == "prep" and tokens[kid].text.lower() == "in":
                for obj in self.parse.children(kid):
                    if tokens[obj].dep == "pobj" and tokens[obj].lemma.lower() in self.lex.document_nouns:
                        return obj
        return None

    def _passive_content(self, verb: int) -> Span | None:
        """The passive subject of a verb whose object is what was said or judged ("the plan was criticized")."""
        if self.parse.tokens[verb].lemma.lower() not in self.lex.object_content_verbs:
            return None
        subjects = [k for k in self.parse.children(verb) if self.parse.tokens[k].dep == "nsubjpass"]
        return self._span(self.parse.subtree(subjects[0])) if subjects else None

    def _judged(self, verb: int, also: frozenset[str] = frozenset()) -> Span | None:
        """"The mayor was accused of fraud", "the plan was described as reckless": a passive judging verb
        with its judgement (a listed preposition, "as", or a predicate) reports the whole clause."""
        tokens, parse = self.parse.tokens, self.parse
        lemma = tokens[verb].lemma.lower()
        if lemma not in self.lex.judging_verbs and lemma not in also:
            return None
        kids = parse.children(verb)
        subjects = [k for k in kids if tokens[k].dep == "nsubjpass" and k < verb]
        preps = self.lex.prep_complements.get(lemma, frozenset()) | {"as"}
        judgements = [k for k in kids if k > verb and (tokens[k].dep == "oprd" or (
            tokens[k].dep == "prep" and tokens[k].text.lower() in preps))]
        if not subjects or not judgements:
            return None
        return tokens[parse.subtree(subjects[0])[0]].start, tokens[parse.subtree(judgements[0])[-1]].end

    def _hearsay(self, verb: int) -> Span | None:
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
        kids = [self.parse.tokens[k] for k in self.parse.children(verb)]
        if not any(k.dep in ("auxpass", "nsubjpass") for k in kids) and any(
                k.dep == "nsubj" or (k.dep == "aux" and k.lemma.lower() == "have") for k in kids):
            return False  # a perfect with its own subject ("while his aides have suggested …"): active
        return tok.dep in ("advcl", "acl", "amod") or any(
            self.parse.tokens[k].dep in ("auxpass", "nsubjpass") for k in self.parse.children(verb))

    def _bare_clause(self, head: int) -> bool:
        """A clause with its own subject and no subordinator ("if", "when", "because")."""
        kids = [self.parse.tokens[k] for k in self.parse.children(head)]
        first = self.parse.tokens[self.parse.subtree(head)[0]]
        return (any(k.dep in _SUBJECTS for k in kids) and not any(k.dep == "mark" for k in kids)
                and first.tag not in ("WRB", "IN"))

    def _that_clause(self, noun: int) -> Span | None:
        """"the claim that …" / "concern that …": a that-clause hanging from a cue noun."""
        tokens = self.parse.tokens
        for kid in self.parse.children(noun):
            if tokens[kid].dep in ("acl", "ccomp", "relcl") and kid > noun:
                sub = self.parse.subtree(kid)
                first = tokens[sub[0]]
                if first.text.lower() == "that" and first.dep == "mark":
                    return self._span(sub)
        return None

    def _word_with_prep(self, word: int) -> Reported | None:
        """A stance noun or adjective and the object of its preposition ("critical of Trump"), when
        someone identifiable holds it."""
        tokens, parse = self.parse.tokens, self.parse
        preps = self.lex.prep_words.get(tokens[word].lemma.lower(), frozenset())
        for kid in parse.children(word):
            if tokens[kid].dep == "prep" and kid > word and tokens[kid].text.lower() in preps:
                objects = [k for k in parse.children(kid) if tokens[k].dep in ("pobj", "pcomp")]
                speaker = self._holder_of(word) if objects else None
                if speaker is not None and self._holder(speaker):
                    return Reported(*self._span(parse.subtree(objects[0])), Cue((word,), speaker))
        return None

    def _noun_infinitive(self, noun: int) -> Reported | None:
        """A noun of decision or intention and the infinitive clause hanging from it ("her decision to resign"),
        when someone identifiable holds it."""
        tokens, parse = self.parse.tokens, self.parse
        if tokens[noun].lemma.lower() not in self.lex.infinitive_nouns:
            return None
        for kid in parse.children(noun):
            clause = parse.subtree(kid)
            if tokens[kid].dep == "acl" and kid > noun and tokens[clause[0]].tag == "TO":
                speaker = self._holder_of(noun)
                if speaker is not None and self._holder(speaker):
                    return Reported(*self._span(clause), Cue((noun,), speaker))
        return None

    def _adjective_clause(self, adjective: int) -> Reported | None:
        """"Officials are confident (that) the dam will hold": the clause an adjective of belief takes,
        when someone identifiable holds it."""
        tokens, parse = self.parse.tokens, self.parse
        clauses = [k for k in parse.children(adjective) if tokens[k].dep == "ccomp" and k > adjective]
        speaker = self._holder_of(adjective) if clauses else None
        if speaker is None or not self._holder(speaker):
            return None
        return Reported(*self._span(parse.subtree(clauses[0])), Cue((adjective,), speaker))

    def _holder_of(self, word: int) -> int | None:
        """Who holds the stance a noun or adjective names: its possessor, the noun it describes
        ("Democrats worried about …"), or the subject of the verb it completes ("X is critical of")."""
        tokens = self.parse.tokens
        owners = [k for k in self.parse.children(word) if tokens[k].dep == "poss"]
        if owners:
            return owners[0]
        tok = tokens[word]
        if tok.dep in _DESCRIBING and tok.head < word:
            return tok.head
        if tok.dep == "pobj":  # "leaders are in despair over …": the subject of the verb the phrase hangs from
            return self.attributor.speaker_of(tokens[tok.head].head)
        if tok.dep in _COMPLETING:
            return self.attributor.speaker_of(tok.head)
        return self.attributor.speaker_of(word) if tok.dep == "ROOT" and tok.pos == "ADJ" else None

    def _noun_speaker(self, noun: int) -> int | None:
        """"Trump's claim" → Trump, even as the object of someone else's verb, and so "a Reuters report" and "warnings
        from his lawyer"; "Republicans expressed concern" and "Critics repeated their claim" → the verb's subject;
        "his claim" → his; "Trump claims that …" (a verb the parser took for a noun with a name before it) → Trump."""
        tokens = self.parse.tokens
        owner = next((k for k in self.parse.children(noun) if tokens[k].dep == "poss"), None)
        if owner is not None and tokens[owner].pos != "PRON":  # "rated Trump's claim": the named owner
            return owner
        named = next((k for k in self.parse.children(noun) if k < noun and tokens[k].dep == "compound"
                      and tokens[k].ent_type in NAMED_LABELS), None)
        if named is not None:  # "seized on a New York Times report that …": the paper's, not the reader's
            return named
        author = next((o for k in self.parse.children(noun) if k > noun and tokens[k].dep == "prep"
                       and tokens[k].text.lower() in ("from", "by")
                       for o in self.parse.children(k) if tokens[o].dep == "pobj"), None)
        if author is not None:  # "despite warnings from his lawyer that …"
            return author
        if tokens[noun].dep in ("dobj", "pobj", "attr"):
            subject = self.attributor.speaker_of(tokens[noun].head)
            if subject is not None:
                return subject
        if tokens[noun].tag == "NNS" and tokens[noun].dep in ("nsubj", "ROOT"):
            owner = next((k for k in self.parse.children(noun) if tokens[k].dep in _SUBJECTS or (
                tokens[k].dep == "compound" and tokens[k].ent_type in NAMED_LABELS)), None)
        return owner

    def _according_clause(self, according: int) -> Span | None:
        """The clause an "according to X" phrase sources, without the phrase itself."""
        parse, tokens = self.parse, self.parse.tokens
        phrase = parse.subtree(according)
        sent = parse.sentences[tokens[according].sent]
        sent_tokens = range(sent.token_start, sent.token_end)
        rest = [j for j in sent_tokens if j not in phrase and not tokens[j].text.isspace()]
        while rest and tokens[rest[-1]].text in SENTENCE_END:
            rest.pop()
        before = [j for j in rest if j < phrase[0]]
        after = [j for j in rest if j > phrase[-1]]
        if len(after) >= 3 and (not before or phrase[0] <= sent.token_start + 1):
            return self._span(after)
        if len(before) >= 3:
            return self._span(before)
        return None


Lexicon = Callable[[QuoteLexicon], Container[str]]


@dataclass(frozen=True)
class TokenRule:
    """Which tokens a reader takes: every condition given holds (an empty one is no condition)."""

    reader: Callable[[ReportedSpeech, Token], Iterator[Reported]]
    words: frozenset[str] = frozenset()  # the token's text, in lower case
    deps: frozenset[str] = frozenset()
    pos: frozenset[str] = frozenset()
    lemmas: Lexicon | None = None  # the lexicon list its lemma is in
    cue_verb: bool = False  # a verb of any cue kind
    passive: bool = False  # a passive participle ("was endorsed by", "when asked")


#: Which reader a token goes to: the first whose trigger it matches, whether or not that reader finds anything.
TOKEN_READERS: tuple[TokenRule, ...] = (
    TokenRule(ReportedSpeech.according, words=frozenset({"according"})),
    TokenRule(ReportedSpeech.in_source, words=frozenset({"in"}), deps=frozenset({"prep"})),
    TokenRule(ReportedSpeech.passive_cue, cue_verb=True, passive=True),
    TokenRule(ReportedSpeech.active_cue, cue_verb=True),
    TokenRule(ReportedSpeech.speech_noun, pos=frozenset({"NOUN"}), lemmas=lambda lex: lex.nouns),
    TokenRule(ReportedSpeech.stance_word, pos=frozenset({"NOUN", "ADJ"}), lemmas=lambda lex: lex.prep_words),
    TokenRule(ReportedSpeech.intention_noun, pos=frozenset({"NOUN"}), lemmas=lambda lex: lex.infinitive_nouns),
    TokenRule(ReportedSpeech.belief_adjective, pos=frozenset({"ADJ"}), lemmas=lambda lex: lex.clause_adjectives),
    TokenRule(ReportedSpeech.put_it, words=frozenset({"put"}), pos=frozenset({"VERB"})),
)
#: What a token must be for any reader to take it (a quick test before the rules): one of these parts of speech
#: (a cue verb is a VERB or AUX) or, for a rule with words and no part of speech, one of its words.
_TRIGGER_POS = frozenset().union(*(r.pos or ({"VERB", "AUX"} if r.cue_verb else set()) for r in TOKEN_READERS))
_TRIGGER_WORDS = frozenset().union(*(r.words for r in TOKEN_READERS if not r.pos and not r.cue_verb))


@dataclass(frozen=True)
class ComplementRule:
    """A reader of a cue verb's complement and the verbs that may use it."""

    reader: Callable[[ReportedSpeech, int], Iterator[Span]]
    lemmas: Lexicon | None = None  # only verbs of this lexicon list (None: any cue verb)
    stance: bool = True  # whether a stance verb may use it ("wants …, insisting that" is a misparse, no clause)


#: How a cue verb's complement is read, in order of preference.
COMPLEMENT_READERS: tuple[ComplementRule, ...] = (
    ComplementRule(ReportedSpeech.clause, stance=False),
    ComplementRule(ReportedSpeech.bare_adverbial, stance=False),
    ComplementRule(ReportedSpeech.relative_that),
    ComplementRule(ReportedSpeech.prep_object, lemmas=lambda lex: lex.prep_complements),
    ComplementRule(ReportedSpeech.infinitive, lemmas=lambda lex: lex.xcomp_verbs),
    ComplementRule(ReportedSpeech.object_and_predicate, lemmas=lambda lex: lex.object_complement_verbs),
    ComplementRule(ReportedSpeech.content_object, lemmas=lambda lex: lex.object_content_verbs),
)
