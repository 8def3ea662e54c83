"""Pronouns and definite descriptions linked to the parties they stand for.

One rule set, in this order (the quotes stage's speaker rules and the events stage's antecedent rules,
merged; each candidate must agree with the pronoun in gender and number):

1. a relative pronoun ("…, who said") stands for the noun its clause hangs from;
2. the subject of the nearest clause above the pronoun's own ("Syria says it will …", "Trump said after
   the convention he would …"), when it is no pronoun itself;
3. "he" / "she": a named person of that gender (or of unknown gender) who is a subject earlier in the
   pronoun's sentence; as a subject, else the previous sentence's subject of that gender (a name, or a
   pronoun linked to one: the one a text goes on about keeps the subject position); else the last speaker
   of that gender (or of unknown gender) in this or the previous few sentences, passing over people who
   were only mentioned; else the last gender-compatible named person outside quotations (one of unknown
   gender when they spoke last, or the only candidate among the last few). "it": the last organisation
   named outside quotations. "they": the last group that spoke in the previous sentences, or a group
   subject of this or the sentence before;
4. any third-person pronoun still open: the nearest actor named before it in this or the previous sentence,
   passing over the subject of its own clause when it is that clause's (non-reflexive) object ("Clarke
   accused him").

"I", "we" and "you" stand for the writer or the reader outside quotations; inside one, only for the subject
of the clause above ('"We will respond," the minister said'). "he" / "she" take only someone (a person, or a
role noun such as "the first minister"), "it" no person, "they" only a plural or a group.

A definite role noun ("the spokesman said") is linked like "he" / "she" by the gender the noun implies.
"""
from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tidings.models import ActorRef, Document, Parse, Token
from tidings.resources import grammar
from tidings.resources.actors import honorifics, load_kb
from tidings.resources.quotes import QuoteLexicon
from tidings.stages import actors

from .phrases import PRONOUNS, from_mention, is_pronoun, parse_of, resolve_phrase

_RELATIVE = grammar.words("relative_pronouns")
REFLEXIVES = grammar.words("reflexive_pronouns")
_GENDER_CODES = {"m": "male", "male": "male", "f": "female", "female": "female"}
#: Courtesy titles that imply a gender ("Mrs", "Sir"), from the actors' ``honorifics.tsv``.
_HONORIFIC_GENDER = {word.lower(): _GENDER_CODES[gender] for word, gender in honorifics().items() if gender}
#: Gender and number of the forms of the personal pronouns (the quote lexicon's ``pronouns`` give the
#: subject forms' gender).
_FORMS: dict[str, tuple[str, str | None, str | None]] = {
    # form: (subject form, gender, number)
    **{w: ("he", "male", "singular") for w in ("he", "him", "his", "himself")},
    **{w: ("she", "female", "singular") for w in ("she", "her", "hers", "herself")},
    **{w: ("it", None, "singular") for w in ("it", "its", "itself")},
    **{w: ("they", None, "plural") for w in ("they", "them", "their", "theirs", "themselves")},
    **{w: ("we", None, "plural") for w in ("we", "us", "our", "ours", "ourselves")},
    **{w: ("i", None, "singular") for w in ("i", "me", "my", "mine", "myself")},
    **{w: ("you", None, None) for w in ("you", "your", "yours", "yourself", "yourselves")},
}
#: How a non-finite clause hangs from the verb (or noun) above it ("urging them", "and searched him").
_PARTICIPLE_MODIFIERS = grammar.labels("participle_modifiers")
_NONFINITE_LINKS = frozenset({"advcl", "conj"}) | _PARTICIPLE_MODIFIERS
_SUBJECTS = grammar.labels("subjects")
_OBJECTS = frozenset({"dobj", "pobj", "dative"})
_ADDRESSEE_PREPOSITIONS = grammar.words("addressee_prepositions")
#: Opening and closing double quotation marks: curly, straight, and the doubled backticks and apostrophes of wire
#: copy (``like this'').
_QUOTE_PAIRS = (("\u201c", "\u201d"), ('"', '"'), ("``", "''"))
#: Actor kinds that are not one person ("he" never stands for them).
_NOT_PEOPLE = frozenset({"country", "organization"})
#: Dependencies of a phrase fronted before its verb's subject whose possessive may look ahead to that subject.
_FRONTED_DEPS = frozenset({"prep", "advcl", "npadvmod"})


@dataclass(frozen=True)
class NamedPerson:
    start: int
    end: int
    name: str
    actor_id: str | None


@dataclass
class Found:
    """A link: the refs the pronoun stands for, the rule, the antecedent's head token."""

    refs: list[ActorRef]
    rule: str
    antecedent: int | None = None


def features(word: str) -> tuple[str | None, str | None, str | None]:
    """(subject form, gender, number) of a pronoun form; (None, None, None) for other words."""
    return _FORMS.get(word.lower(), (None, None, None))


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans between paired quotation marks within a paragraph (what people say, not the narrative)."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for para in text.split("\n"):
        for opening, closing in _QUOTE_PAIRS:
            at = para.find(opening)
            while at >= 0:
                end = para.find(closing, at + 1)
                if end < 0:
                    break
                spans.append((offset + at, offset + end + 1))
                at = para.find(opening, end + 1)
        offset += len(para) + 1
    return sorted(spans)


class Linker:
    """Links the pronouns and definite role nouns of one document."""

    #: "she" skips a person of unknown gender for one known to match among this many last named.
    RECENT_PEOPLE = 4
    #: "they" looks this many sentences back for the group it stands for.
    GROUP_SENTENCES = 3
    #: "he said" / "she said" looks this many sentences back for the last speaker of that gender.
    DISCOURSE_SENTENCES = 3
    #: How far up from its clause a pronoun looks for the subject it stands for.
    CLAUSE_HOPS = 6
    #: How many words up a possessive pronoun climbs to the phrase fronted before its clause's subject.
    FRONTED_HOPS = 6

    def __init__(self, doc: Document, lex: QuoteLexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.parse: Parse = parse_of(doc)
        self.quoted = quoted_spans(doc.text)
        self._quote_starts = [s for s, _ in self.quoted]
        self.mentions = sorted(doc.mentions, key=lambda m: m.start)
        self.persons = self._named_persons()
        self.person_starts = [p.start for p in self.persons]
        self.full_names = self._full_names()
        self.speakers = self._speaker_heads()
        self.found: dict[int, Found | None] = {}
        self._phrases: dict[int, list[ActorRef]] = {}

    # --- building blocks --------------------------------------------------------------

    def inside_quote(self, start: int) -> bool:
        k = bisect.bisect_right(self._quote_starts, start) - 1
        return k >= 0 and self.quoted[k][0] < start < self.quoted[k][1]

    def _named_persons(self) -> list[NamedPerson]:
        people = [NamedPerson(m.start, m.end, self._actor_name(m.actor_id) or m.text, m.actor_id)
                  for m in self.mentions if self._is_person_actor(m.actor_id) or m.label == "PERSON" and not
                  self._is_body(m.actor_id)]
        taken = [(p.start, p.end) for p in people]
        for ent in self.parse.entities:
            if ent.label == "PERSON" and not any(s < ent.end and ent.start < e for s, e in taken):
                people.append(NamedPerson(ent.start, ent.end, clean_name(ent.text), None))
        return sorted((p for p in people if not self.inside_quote(p.start)), key=lambda p: p.start)

    def _full_names(self) -> dict[str, str]:
        """Surname → the longest name in the article ending with it."""
        return longest_by_surname(p.name for p in self.persons)

    def _speaker_heads(self) -> list[int]:
        """Heads of the subjects of verbs of saying outside quotations ("Peskov said", "she told reporters")."""
        tokens = self.parse.tokens
        out = []
        for tok in tokens:
            if tok.dep == "nsubj" and tok.head != tok.i and tokens[tok.head].pos in ("VERB", "AUX") and \
                    self.lex.is_cue(tokens[tok.head].lemma.lower()) and not self.inside_quote(tok.start):
                out.append(tok.i)
        return out

    def _actor_name(self, actor_id: str | None) -> str | None:
        actor = self.doc.actor(actor_id)
        return actor.name if actor else None

    def _is_person_actor(self, actor_id: str | None) -> bool:
        actor = self.doc.actor(actor_id)
        return actor is not None and actor.kind == "person"

    def _is_body(self, actor_id: str | None) -> bool:
        """An organisation or country the actors stage found behind a name the parser took for a person."""
        actor = self.doc.actor(actor_id)
        return actor is not None and actor.kind in _NOT_PEOPLE

    def gender(self, person: NamedPerson) -> str | None:
        """``male`` / ``female`` from the actors stage, an honorific, or the given name."""
        if person.actor_id:
            found = _GENDER_CODES.get(str(actors.person_gender(person.actor_id) or "").lower())
            if found:
                return found
        before = self.doc.text[max(0, person.start - 5):person.start].split()
        first = self.doc.text[person.start:person.end].split()[:1]  # a mention may hold its title ("Mrs Obi")
        for word in (before[-1:] + first):
            if word.lower() in _HONORIFIC_GENDER:
                return _HONORIFIC_GENDER[word.lower()]
        full = self.full_names.get(person.name.split()[-1], person.name) if person.name.split() else ""
        return self.lex.name_gender(full.split()[0]) if full else None

    def expand(self, name: str) -> str:
        """A surname as the fullest form of the name the article uses."""
        name = clean_name(name)
        words = name.split()
        return self.full_names.get(words[-1], name) if words else name

    def phrase_refs(self, head: int) -> list[ActorRef]:
        if head not in self._phrases:
            self._phrases[head] = resolve_phrase(self.doc, head)
        return self._phrases[head]

    def person_ref(self, person: NamedPerson) -> ActorRef:
        actor = self.doc.actor(person.actor_id)
        text = self.doc.text[person.start:person.end]
        if actor is not None:
            return ActorRef(text=text, actor_id=actor.id, name=actor.name, country=actor.country,
                            sector=actor.sector, org=actor.org, start=person.start, end=person.end)
        return ActorRef(text=text, name=self.expand(person.name), start=person.start, end=person.end)

    def _person_found(self, person: NamedPerson, rule: str) -> Found:
        return Found([self.person_ref(person)], rule, self.parse.span_head(person.start, person.end))

    def _person_at(self, i: int) -> NamedPerson | None:
        start = self.parse.tokens[i].start
        k = bisect.bisect_right(self.person_starts, start) - 1
        return self.persons[k] if k >= 0 and start < self.persons[k].end else None

    # --- linking ------------------------------------------------------------------------

    def link(self, i: int) -> Found | None:
        """The link of the pronoun at token ``i`` (computed once)."""
        if i not in self.found:
            self.found[i] = None  # a cycle ends unresolved
            self.found[i] = self._link(i)
        return self.found[i]

    def refs_of(self, head: int) -> list[ActorRef]:
        """What the phrase or pronoun headed by ``head`` stands for."""
        if is_pronoun(self.parse, head):
            found = self.link(head)
            return [dataclasses.replace(r) for r in found.refs] if found else []
        return [dataclasses.replace(r) for r in self.phrase_refs(head)]

    def _link(self, i: int) -> Found | None:
        """The first candidate of the rules in order that is not the subject of the clause whose (non-reflexive)
        object the pronoun is ("Clarke accused him": not Clarke)."""
        coargument = self._coargument(i)
        for found in self._candidates(i):
            if found is None or not found.refs:
                continue
            if coargument and (found.antecedent == coargument[0] or
                               any(r.actor_id and r.actor_id in coargument[1] for r in found.refs)):
                continue
            return found
        return None

    def _candidates(self, i: int) -> Iterator[Found | None]:
        tok = self.parse.tokens[i]
        lower = tok.text.lower()
        if lower in _RELATIVE and tok.pos in ("PRON", "DET"):
            antecedent = self._relative_antecedent(i)
            if antecedent is not None:  # "someone who …": an antecedent that stands for nobody known is itself
                refs = self.refs_of(antecedent) or [dataclasses.replace(r) for r in self.phrase_refs(antecedent)]
                yield Found(refs, "relative", antecedent)
        form, gender, number = features(lower)
        if form in ("i", "we", "you") and not self.inside_quote(tok.start):
            return  # the writer or the reader
        fronted = self._fronted_subject(i, gender, number, form)
        if fronted is not None:  # "After his arrest, Ross was taken to Tehran": the subject the phrase comes before
            yield Found(self.refs_of(fronted), "fronted-subject", fronted)
        addressee = self._governor_object(i, gender, number, form)
        if addressee is not None:  # "wrote to the parties urging them", "stopped the man and searched him"
            yield Found(self.refs_of(addressee), "governor-object", addressee)
        subject = self._clause_subject(i, gender, number, form)
        if subject is not None:
            yield Found(self.refs_of(subject), "clause-subject", subject)
        if form in ("i", "we"):
            yield self._last_speaker(i)  # a quotation running on past its cue: the one who spoke last
        if form in ("i", "we", "you"):
            return  # quoted: the speaker of the words, when the clause above or the discourse names them
        if form in ("he", "she"):
            person = self._subject_before(i, gender)
            if person is not None:  # "Trump said after the convention he would …": the subject before the pronoun
                yield self._person_found(person, "subject-before")
            if tok.dep in ("nsubj", "nsubjpass"):
                yield self._previous_subject(i, gender)
            yield self._discourse_speaker(i, gender)
            yield self._resolve_back(tok.start, gender, "named-before")
        elif form == "it":
            if tok.dep in ("nsubj", "nsubjpass"):
                yield self._previous_body(i)
            yield self._organisation_back(tok.start)
        elif form == "they":
            group = self._group_back(i)
            if group is not None:
                yield Found(self.refs_of(group), "group", group)
        yield self._nearest(i, form, gender, number)

    def description(self, head: int, gender: str | None) -> Found | None:
        """"the spokesman": the last named person of the noun's gender before it."""
        start = self.parse.tokens[self.parse.subtree(head)[0]].start
        return self._resolve_back(start, gender, "description")

    def _relative_antecedent(self, rel: int) -> int | None:
        """The noun a relative clause hangs from ("Smith, who said …" → Smith)."""
        tokens = self.parse.tokens
        clause = tokens[rel].head
        while tokens[clause].dep not in ("relcl", "ROOT") and tokens[clause].head != clause:
            clause = tokens[clause].head
        if tokens[clause].dep != "relcl":
            return None
        antecedent = tokens[clause].head
        if self.inside_quote(tokens[antecedent].start) and not self.inside_quote(tokens[rel].start):
            # 'labelled a "big misjudgement" by the Conservatives, who said': the noun next to "who"
            before = rel - 1
            while before >= 0 and tokens[before].pos not in ("NOUN", "PROPN"):
                before -= 1
            if before >= 0 and tokens[before].sent == tokens[rel].sent and not \
                    self.inside_quote(tokens[before].start):
                return before
        return antecedent

    def _clause_subject(self, pronoun: int, gender: str | None, number: str | None, form: str | None) -> int | None:
        """The subject of the nearest clause above the pronoun's own ("Syria says it will …")."""
        parse = self.parse
        i, hops = parse.clause_head(pronoun), 0
        while parse.tokens[i].head != i and hops < self.CLAUSE_HOPS:
            i = parse.tokens[i].head
            hops += 1
            if parse.tokens[i].pos not in ("VERB", "AUX"):
                continue
            subject = _subject(parse, i)
            # a quoted "I"/"we" is its speaker, even one named by a pronoun ('"We oppose it," he said')
            speaker = form in ("i", "we") and self.lex.is_cue(parse.tokens[i].lemma.lower())
            if subject is not None and subject != pronoun and (speaker or not is_pronoun(parse, subject)):
                return subject if self._agrees(subject, gender, number, form) else None
        return None

    def _fronted_subject(self, pronoun: int, gender: str | None, number: str | None, form: str | None) -> int | None:
        """The named subject after a possessive pronoun in a phrase fronted before it ("In the days before his
        arrest, Ross gave interviews", "After her election, Berg promised ...")."""
        tokens = self.parse.tokens
        if tokens[pronoun].dep != "poss" or form not in ("he", "she", "they", "it"):
            return None
        i = pronoun
        for _ in range(self.FRONTED_HOPS):
            tok = tokens[i]
            if tok.head == i:
                return None
            if tok.dep in _FRONTED_DEPS and tokens[tok.head].pos in ("VERB", "AUX"):
                break
            i = tok.head
        else:
            return None
        verb = tokens[i].head
        subject = next((k for k in self.parse.children(verb) if tokens[k].dep in ("nsubj", "nsubjpass")), None)
        if subject is None or subject < pronoun or is_pronoun(self.parse, subject):
            return None
        return subject if self._agrees(subject, gender, number, form) else None

    def _governor_object(self, pronoun: int, gender: str | None, number: str | None, form: str | None) -> int | None:
        """The object of a participle or conjoined verb ("urging them") stands for the nearest object of the verb
        its clause hangs from ("wrote to the three parties urging them", "met the president, urging him to",
        "stopped the man and searched him") when that agrees: the clause's own unspoken subject is the verb's
        subject, which its object cannot be. A participle the parser hung on the object noun itself ("to the
        parties urging them") makes that noun the one. Not an infinitive's object ("told the farmers to sell
        them"), whose unspoken subject is the verb's object."""
        parse, tokens = self.parse, self.parse.tokens
        tok = tokens[pronoun]
        own = parse.clause_head(pronoun)
        if tok.text.lower() in REFLEXIVES or tokens[own].dep not in _NONFINITE_LINKS or \
                any(tokens[k].dep in _SUBJECTS for k in parse.children(own)) or not self._is_object_of(pronoun, own):
            return None
        governor = tokens[own].head
        if tokens[own].dep in _PARTICIPLE_MODIFIERS:  # hung on a noun: that noun, when it is a verb's object
            is_object = tokens[governor].dep in _OBJECTS
            return governor if is_object and self._agrees(governor, gender, number, form) else None
        objects = [k for k in self._objects_of(governor) if k < pronoun and not is_pronoun(parse, k)]
        agreeing = [k for k in objects if self._agrees(k, gender, number, form)]
        return agreeing[-1] if agreeing else None

    def _is_object_of(self, i: int, verb: int) -> bool:
        """Whether token ``i`` is a direct, dative or prepositional object of ``verb``."""
        tokens = self.parse.tokens
        return tokens[i].dep in ("dobj", "dative") and tokens[i].head == verb or \
            tokens[i].dep == "pobj" and tokens[tokens[i].head].dep in ("prep", "dative") and \
            tokens[tokens[i].head].head == verb

    def _objects_of(self, verb: int) -> list[int]:
        """The direct and dative objects of ``verb`` and its addressees ("met X", "wrote to X", "called on X");
        no dates or times ("lost a case in March")."""
        tokens, out = self.parse.tokens, []
        for k in self.parse.children(verb):
            if tokens[k].dep in ("dobj", "dative") and tokens[k].pos in ("NOUN", "PROPN") and \
                    tokens[k].ent_type not in ("DATE", "TIME"):
                out.append(k)
            if tokens[k].dep in ("prep", "dative") and tokens[k].text.lower() in _ADDRESSEE_PREPOSITIONS:
                out.extend(j for j in self.parse.children(k) if tokens[j].dep == "pobj")
        return out

    def _agrees(self, head: int, gender: str | None, number: str | None, form: str | None) -> bool:
        """Whether the phrase headed by ``head`` can be what a pronoun of this gender and number stands for."""
        tok = self.parse.tokens[head]
        plural = tok.tag in ("NNS", "NNPS") or \
            any(self.parse.tokens[k].dep == "conj" for k in self.parse.children(head))
        person = self._person_at(head)
        if form in ("he", "she"):
            if plural:
                return False
            if person is not None:
                return self.gender(person) in (gender, None)
            refs = self.phrase_refs(head)
            actor = self.doc.actor(refs[0].actor_id) if refs else None
            if actor is not None and actor.kind in _NOT_PEOPLE or tok.ent_type in ("GPE", "ORG", "NORP"):
                return False
            # someone, not something: a person the actors stage found, or a role noun ("the first minister")
            return actor is not None and actor.kind == "person" or tok.lemma.lower() in self.lex.descriptions or \
                self._role_actor(head)
        if form == "it":
            if person is not None or plural or tok.ent_type == "PERSON":
                return False
            refs = self.phrase_refs(head)
            actor = self.doc.actor(refs[0].actor_id) if refs else None
            return actor is None or actor.kind != "person"
        if form == "they":
            refs = self.phrase_refs(head)
            actor = self.doc.actor(refs[0].actor_id) if refs else None
            return person is None and (plural or self._is_group(head) or
                                       actor is not None and actor.kind in ("country", "organization", "group"))
        return True

    def _role_actor(self, head: int) -> bool:
        """A mention of the actors stage covering the head that resolved to a role (a group with a sector)."""
        start = self.parse.tokens[head].start
        for m in self.mentions:
            if m.start <= start < m.end and m.label not in ("GPE", "ORG", "NORP"):
                actor = self.doc.actor(m.actor_id)
                return actor is not None and actor.kind in ("person", "group") and actor.sector is not None
        return False

    def _subject_before(self, pronoun: int, gender: str | None) -> NamedPerson | None:
        """The last named person of the pronoun's gender (or of unknown gender) who is a subject earlier in
        the pronoun's own sentence."""
        tokens = self.parse.tokens
        first = self.parse.sentences[tokens[pronoun].sent].token_start
        for i in range(pronoun - 1, first - 1, -1):
            if not tokens[i].dep.startswith("nsubj") or self.inside_quote(tokens[i].start):
                continue
            person = self._person_at(i)
            if person is not None and self.gender(person) in (gender, None):
                return person
        return None

    def _previous_subject(self, pronoun: int, gender: str | None) -> Found | None:
        """"Mr Carter held several posts. He quit in 2009.": the subject of the previous sentence's main clause,
        when a named person of the pronoun's gender (or of unknown gender) or a pronoun of that gender linked to
        one (the one a text goes on talking about keeps the subject position)."""
        tokens = self.parse.tokens
        subject = self._previous_main_subject(pronoun)
        if subject is None:
            return None
        if is_pronoun(self.parse, subject):
            if self.lex.pronouns.get(tokens[subject].text.lower()) != gender:
                return None
            earlier = self.link(subject)
            return Found(earlier.refs, "previous-subject", earlier.antecedent) if earlier else None
        person = self._person_at(subject)
        if person is None or self.gender(person) not in (gender, None):
            return None
        return self._person_found(person, "previous-subject")

    def _previous_main_subject(self, pronoun: int, *, reported: bool = False) -> int | None:
        """The subject of the previous sentence's main clause, outside quotations; with ``reported``, of the clause
        a root verb of saying reports before it ("Yukos denied the claims, the BBC reported": Yukos)."""
        tokens = self.parse.tokens
        sent = tokens[pronoun].sent
        previous = self.parse.sentences[sent - 1] if sent > 0 else None
        if previous is None or previous.token_end <= previous.token_start:
            return None
        root = self.parse.root_of(previous.token_start)
        if reported and self.lex.is_cue(tokens[root].lemma.lower()):
            root = next((k for k in self.parse.children(root) if tokens[k].dep == "ccomp" and k < root), root)
        subject = _subject(self.parse, root)
        return None if subject is None or self.inside_quote(tokens[subject].start) else subject

    def _last_speaker(self, pronoun: int) -> Found | None:
        """A quoted "I" or "we" with no speaker in its own sentence ('Lord Woolf said: "…" / "I intend to …"'):
        the last speaker, person or body, of this or the previous few sentences."""
        for head in self._recent_speakers(pronoun):
            refs = self.refs_of(head)
            if refs:
                return Found(refs, "speaker", head)
        return None

    def _recent_speakers(self, pronoun: int) -> Iterator[int]:
        """Heads of the speakers before the pronoun in this or the previous few sentences, nearest first."""
        sent = self.parse.tokens[pronoun].sent
        for head in reversed(self.speakers[:bisect.bisect_left(self.speakers, pronoun)]):
            if self.parse.tokens[head].sent < sent - self.DISCOURSE_SENTENCES:
                return
            yield head

    def _previous_body(self, pronoun: int) -> Found | None:
        """"Yukos denied the claims. It said …": a subject "it" continues the previous sentence's subject when that
        is a body the actors layer knows (a company, party, government or country, not a person or a thing)."""
        tokens = self.parse.tokens
        subject = self._previous_main_subject(pronoun, reported=True)
        if subject is None:
            return None
        if is_pronoun(self.parse, subject):
            earlier = self.link(subject) if tokens[subject].text.lower() == "it" else None
            return Found(earlier.refs, "previous-subject", earlier.antecedent) if earlier else None
        head = tokens[subject]  # the body is the subject itself, not a party inside it ("Merck's announcement")
        body = head.pos == "PROPN" or head.ent_type in ("ORG", "GPE", "NORP") or head.lemma.lower() in load_kb().roles
        refs = self.refs_of(subject) if body else []
        known = any(r.actor_id or r.country or r.org for r in refs)
        return Found(refs, "previous-subject", subject) if known and self._agrees(subject, None, None, "it") else None

    def _discourse_speaker(self, pronoun: int, gender: str | None) -> Found | None:
        """"He said …": the last person who spoke in this or the previous few sentences, when of that gender
        (or of unknown gender); speakers of the other gender, groups and organisations are passed over."""
        for head in self._recent_speakers(pronoun):
            found = self._speaker_gender(head)
            if found is None:
                continue  # not a person
            if found == "?" or found == gender:
                if is_pronoun(self.parse, head):
                    earlier = self.link(head)
                    return Found(earlier.refs, "speaker", earlier.antecedent) if earlier else None
                person = self._person_at(head)
                return self._person_found(person, "speaker") if person is not None else None
        return None

    def _speaker_gender(self, head: int) -> str | None:
        """``male`` / ``female`` for a speaker who is a named person or a personal pronoun, ``?`` for a named
        person of unknown gender, None for any other speaker."""
        tok = self.parse.tokens[head]
        lower = tok.text.lower()
        if lower in ("he", "she") and tok.pos == "PRON":
            return self.lex.pronouns[lower] if self.link(head) is not None else None
        person = self._person_at(head)
        if person is None:
            return None
        return self.gender(person) or "?"

    def _last_person_speaking(self, start: int) -> str | None:
        """The name of the named person who is the last speaker before ``start``."""
        tokens = self.parse.tokens
        for head in reversed(self.speakers):
            if tokens[head].start >= start:
                continue
            person = self._person_at(head)
            if person is not None:
                return person.name
        return None

    def _resolve_back(self, start: int, gender: str | None, rule: str) -> Found | None:
        """The last named person before ``start`` known to have ``gender``; a person of unknown gender when
        they spoke last ("Kerr Putney said … He added …"), or is the only candidate among the last few."""
        k = bisect.bisect_left(self.person_starts, start)
        last_speaker = self._last_person_speaking(start)
        recent: list[NamedPerson] = []  # the last few different people, most recent first
        unsure: NamedPerson | None = None
        for person in reversed(self.persons[:k]):
            found = self.gender(person)
            if gender is None or found == gender or (found is None and person.name == last_speaker):
                return self._person_found(person, rule)
            if found is None and unsure is None:
                unsure = person
            if person.name not in {p.name for p in recent}:
                recent.append(person)
            if unsure is not None and len(recent) >= self.RECENT_PEOPLE:
                break  # prefer a person known to match only among the last few named
        return self._person_found(unsure, rule) if unsure is not None else None

    def _group_back(self, pronoun: int) -> int | None:
        """"They said …": the last group that spoke in this or the previous few sentences ("Republicans
        said …", "the ministry and its partners said …"), else a group subject of this or the sentence before."""
        tokens = self.parse.tokens
        sent = tokens[pronoun].sent
        earlier = [h for h in self.speakers
                   if h < pronoun and tokens[h].sent >= sent - self.GROUP_SENTENCES and self._is_group(h)]
        if earlier:
            return earlier[-1]
        start = self.parse.sentences[max(0, sent - 1)].token_start
        subjects = [i for i in range(start, pronoun)
                    if tokens[i].dep in ("nsubj", "nsubjpass") and tokens[tokens[i].head].dep == "ROOT"]
        return subjects[-1] if subjects and self._is_group(subjects[-1]) else None

    def _is_group(self, head: int) -> bool:
        """A plural or collective party: plural noun, organisation or people, coordinated names, "they"."""
        tok = self.parse.tokens[head]
        if tok.pos == "PRON":
            return tok.text.lower() == "they"
        return (tok.tag in ("NNS", "NNPS") or tok.ent_type in ("ORG", "NORP")
                or any(self.parse.tokens[k].dep == "conj" for k in self.parse.children(head)))

    def _organisation_back(self, start: int) -> Found | None:
        """"It said …": the last organisation named before ``start`` outside quotations."""
        people = [(p.start, p.end) for p in self.persons]
        mentions = [m for m in self.mentions if m.end <= start and m.label == "ORG" and not self.inside_quote(m.start)
                    and not self._is_person_actor(m.actor_id)]
        entities = [e for e in self.parse.entities
                    if e.end <= start and e.label == "ORG" and not self.inside_quote(e.start)
                    and not any(s < e.end and e.start < t for s, t in people)]  # "Trump" taken for a company
        last_mention = mentions[-1] if mentions else None
        last_entity = entities[-1] if entities else None
        if last_mention is not None and (last_entity is None or last_mention.start >= last_entity.start):
            ref = from_mention(self.doc, last_mention, last_mention.text, last_mention.start, last_mention.end)
            return Found([ref], "organisation", self.parse.span_head(last_mention.start, last_mention.end))
        if last_entity is not None:
            ref = ActorRef(text=last_entity.text, name=last_entity.text, start=last_entity.start, end=last_entity.end)
            return Found([ref], "organisation", self.parse.span_head(last_entity.start, last_entity.end))
        return None

    def _nearest(self, pronoun: int, form: str | None, gender: str | None, number: str | None) -> Found | None:
        """The nearest actor named before the pronoun in this or the previous sentence (not its own clause's
        subject when it is that clause's object)."""
        if form is None:
            return None  # "something", "this": no personal pronoun, nobody in particular
        parse = self.parse
        tok = parse.tokens[pronoun]
        sentence = tok.sent
        before = [m for m in self.mentions if m.actor_id and m.end <= tok.start]
        before = [m for m in before if (at := parse.sentence_at(m.start)) and at.index >= sentence - 1]
        coargument = self._coargument(pronoun)
        if coargument:  # "Mr Clarke accused him": "him" is not Mr Clarke (a reflexive would say so)
            before = [m for m in before if m.actor_id not in coargument[1]]
        if form in ("he", "she", "it", "they"):
            before = [m for m in before if self._mention_agrees(m, form, gender)]
        if not before:
            return None
        mention = before[-1]
        ref = from_mention(self.doc, mention, mention.text, mention.start, mention.end)
        return Found([ref], "nearest", self.parse.span_head(mention.start, mention.end))

    def _mention_agrees(self, mention, form: str, gender: str | None) -> bool:
        actor = self.doc.actor(mention.actor_id)
        if actor is None:
            return True
        if form in ("it", "they"):
            return actor.kind != "person"
        return actor.kind not in _NOT_PEOPLE and actor.gender in (gender, None)

    def _coargument(self, pronoun: int) -> tuple[int, set[str]] | None:
        """The subject of the clause whose object the (non-reflexive) pronoun is, with its actor ids."""
        parse = self.parse
        tok = parse.tokens[pronoun]
        own = parse.clause_head(pronoun)
        if not self._is_object_of(pronoun, own) or tok.text.lower() in REFLEXIVES:
            return None
        subject = _subject(parse, own)
        if subject is None or is_pronoun(parse, subject):
            return None
        return subject, {r.actor_id for r in self.phrase_refs(subject) if r.actor_id}


def _subject(parse: Parse, verb: int) -> int | None:
    """The subject of a verb: its own, the by-agent of a passive, the noun a relative clause's "who" or
    "which" stands for, a conjoined verb's shared one; None for a passive without agent."""
    tokens = parse.tokens
    kids = parse.children(verb)
    agent = next((k for k in kids if tokens[k].dep == "agent"), None)
    if agent is not None:
        return next((k for k in parse.children(agent) if tokens[k].dep == "pobj"), None)
    subject = next((k for k in kids if tokens[k].dep == "nsubj"), None)
    if subject is None and tokens[verb].dep == "conj" and tokens[verb].head != verb:
        return _subject(parse, tokens[verb].head)  # "X approached Y and stabbed him": the first verb's subject
    if subject is None:
        return None
    if tokens[verb].dep == "relcl" and tokens[subject].tag in ("WDT", "WP"):
        return tokens[verb].head
    return subject


def longest_by_surname(names: Iterable[str]) -> dict[str, str]:
    """Surname (last word) → the longest of ``names`` ending with it (the earliest among equally long ones)."""
    best: dict[str, str] = {}
    for name in names:
        words = name.split()
        if words and len(name) > len(best.get(words[-1], "")):
            best[words[-1]] = name
    return best


def clean_name(name: str) -> str:
    """Drop a possessive ending from an entity's text ("Clinton's" → "Clinton")."""
    for suffix in ("'s", "\u2019s"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


__all__ = ["PRONOUNS", "Found", "Linker", "NamedPerson", "Token", "clean_name", "features", "quoted_spans"]
