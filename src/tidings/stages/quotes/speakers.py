"""Who is speaking: the speaker phrase around a head token, resolved to a named actor.

Resolution order: a mention from the actors stage covering the phrase; a relative pronoun
("…, who said") to its antecedent; "he" / "she" from the discourse: a named person of that gender
(or of unknown gender) who is a subject earlier in the pronoun's sentence ("Lang said after the vote
he would …"), else the last speaker of that gender (or of unknown gender) in this or the previous
few sentences, passing over people who only were mentioned; failing that, a personal pronoun or a
definite role noun ("the spokesman said") to the last gender-compatible named person outside quotations (one of
unknown gender when they spoke last, before any named person of the pronoun's gender); "it"
to the last organisation named outside quotations; "they" to the last group that spoke in the
previous sentences (or a group subject of the sentence before); a
named entity in the phrase (a surname expanded to the fullest form the article uses). A document
("the ministry's statement", "a letter signed by 40 mayors") speaks for its issuer or signers, never for
whoever it is addressed to.
Anything else (anonymous sources, "officials") keeps its own text.
"""
from __future__ import annotations

import bisect
import importlib
from collections.abc import Iterable
from dataclasses import dataclass

from tidings.models import ActorRef, Document, Token
from tidings.resources import grammar
from tidings.resources.actors import honorifics
from tidings.resources.quotes import QuoteLexicon

from .attribution import ISSUING_VERBS

_NP_LEFT = grammar.labels("noun_phrase_left")
_NAME_COMPOUNDS = grammar.labels("name_compounds")
_NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
_GENDER_CODES = {"m": "male", "male": "male", "f": "female", "female": "female"}
_RELATIVE = grammar.words("relative_pronouns")
#: Courtesy titles that imply a gender ("Mrs", "Sir"), from the actors' ``honorifics.tsv``.
_HONORIFIC_GENDER = {word.lower(): _GENDER_CODES[gender] for word, gender in honorifics().items() if gender}


@dataclass(frozen=True)
class NamedPerson:
    start: int
    end: int
    name: str
    actor_id: str | None


def _actors_gender():
    """The actors stage's ``person_gender(actor_id)`` when it offers one."""
    try:
        actors = importlib.import_module("tidings.stages.actors")
    except ImportError:
        return None
    return getattr(actors, "person_gender", None)


class Speakers:
    """Builds speaker ActorRefs for one document."""

    #: "she" skips a person of unknown gender for one known to match among this many last named.
    RECENT_PEOPLE = 4

    #: "they" looks this many sentences back for the group it stands for.
    GROUP_SENTENCES = 3

    #: "he said" / "she said" looks this many sentences back for the last speaker of that gender.
    DISCOURSE_SENTENCES = 3

    def __init__(self, doc: Document, lexicon: QuoteLexicon, quoted: list[tuple[int, int]],
                 cue_speakers: Iterable[int] = ()):
        self.doc = doc
        self.lex = lexicon
        self.parse = doc.parse
        self.quoted = quoted
        self.cue_speakers = sorted(set(cue_speakers))
        self.token_starts = [t.start for t in self.parse.tokens]
        self.person_gender = _actors_gender()
        self.mentions = sorted(doc.mentions, key=lambda m: m.start)
        self.persons = self._named_persons()
        self.person_starts = [p.start for p in self.persons]
        self.full_names = self._full_names()
        self._refs: dict[int, ActorRef] = {}

    # --- building blocks --------------------------------------------------------------

    def _inside_quote(self, start: int) -> bool:
        return any(s <= start < e for s, e in self.quoted)

    def _named_persons(self) -> list[NamedPerson]:
        people = [NamedPerson(m.start, m.end, self._actor_name(m.actor_id) or m.text, m.actor_id)
                  for m in self.mentions if m.label == "PERSON" or self._is_person_actor(m.actor_id)]
        taken = [(p.start, p.end) for p in people]
        for ent in self.parse.entities:
            if ent.label == "PERSON" and not any(s < ent.end and ent.start < e for s, e in taken):
                people.append(NamedPerson(ent.start, ent.end, _clean_name(ent.text), None))
        return sorted((p for p in people if not self._inside_quote(p.start)), key=lambda p: p.start)

    def _full_names(self) -> dict[str, str]:
        """Surname → the longest name in the article ending with it."""
        best: dict[str, str] = {}
        for person in self.persons:
            words = person.name.split()
            if words and len(person.name) > len(best.get(words[-1], "")):
                best[words[-1]] = person.name
        return best

    def _actor_name(self, actor_id: str | None) -> str | None:
        actor = self.doc.actor(actor_id)
        return actor.name if actor else None

    def _is_person_actor(self, actor_id: str | None) -> bool:
        actor = self.doc.actor(actor_id)
        return actor is not None and actor.kind == "person"

    def gender(self, person: NamedPerson) -> str | None:
        """``male`` / ``female`` from the actors stage, an honorific, or the given name."""
        if self.person_gender is not None and person.actor_id:
            found = _GENDER_CODES.get(str(self.person_gender(person.actor_id) or "").lower())
            if found:
                return found
        before = self.doc.text[max(0, person.start - 5):person.start].split()
        if before and before[-1].lower() in _HONORIFIC_GENDER:
            return _HONORIFIC_GENDER[before[-1].lower()]
        full = self.full_names.get(person.name.split()[-1], person.name) if person.name.split() else ""
        return self.lex.name_gender(full.split()[0]) if full else None

    def phrase(self, head: int) -> tuple[int, int]:
        """Character span of the noun phrase headed by ``head`` (modifiers before it, no clauses)."""
        tokens = self.parse.tokens
        first = head
        for kid in self.parse.children(head):
            if kid < head and tokens[kid].dep in _NP_LEFT:
                first = min(first, self.parse.subtree(kid)[0])
        last = head
        for kid in self.parse.children(head):
            if kid > head and tokens[kid].dep in _NAME_COMPOUNDS and kid == last + 1:
                last = kid
        return tokens[first].start, tokens[last].end

    # --- resolution ---------------------------------------------------------------------

    def ref(self, head: int) -> ActorRef:
        """The speaker whose phrase is headed by token ``head`` (resolved once per head)."""
        if head not in self._refs:
            self._refs[head] = self._resolve(head)
        found = self._refs[head]
        return ActorRef(text=found.text, actor_id=found.actor_id, name=found.name, country=found.country,
                        sector=found.sector, org=found.org, start=found.start, end=found.end)

    def _resolve(self, head: int) -> ActorRef:
        tok = self.parse.tokens[head]
        lower = tok.text.lower()
        if lower in _RELATIVE and tok.dep.startswith("nsubj"):
            antecedent = self._antecedent(head)
            if antecedent is not None:
                return self._standing_for(antecedent, tok)
        if lower == "it" and tok.pos == "PRON":
            return self._organisation_back(tok.start, tok.end)
        if lower == "they" and tok.pos == "PRON":
            group = self._group_back(head)
            if group is not None:
                return self._standing_for(group, tok)
        if lower in ("he", "she") and tok.pos == "PRON":
            speaker = self._discourse_speaker(head, self.lex.pronouns[lower])
            if speaker is not None:
                return self._with_span(speaker, tok.start, tok.end, tok.text)
        if lower in self.lex.pronouns and tok.pos == "PRON":
            return self._resolve_back(tok.start, tok.end, self.lex.pronouns[lower], lower in ("he", "she"))
        owner = self._document_owner(head)
        if owner is not None:
            return self.ref(owner)
        named = self._appositive_person(head)
        if named is not None:
            return self.ref(named)
        start, end = self.phrase(head)
        mention = self._mention(start, end, tok)
        if mention is not None and mention.start <= tok.start < mention.end:
            return self._from_mention(mention, start, end)
        role = self._definite_role(head)
        if role is not None:
            return self._resolve_back(start, end, self.lex.descriptions[role], True)
        ref = self._from_entities(start, end)
        if mention is not None:  # "a senior Russian diplomat": the modifier gives the country
            actor = self.doc.actor(mention.actor_id)
            ref.country = actor.country if actor else None
        return ref

    def _standing_for(self, antecedent: int, pronoun: Token) -> ActorRef:
        """A pronoun's ref: its antecedent's, named by the antecedent's phrase when it has no name of its
        own ("voting rights advocates … they", "the unions issued a statement that said")."""
        found = self.ref(antecedent)
        found.name = found.name or found.text
        return self._with_span(found, pronoun.start, pronoun.end, pronoun.text)

    def label_ref(self, start: int, end: int) -> ActorRef:
        """A transcript label ("SEN. KAINE") as a speaker, named by the article's full form of the surname."""
        text = self.doc.text[start:end]
        tokens = self.parse.tokens_in(start, end)
        mention = self._mention(start, end, tokens[-1]) if tokens else None
        if mention is not None:
            return self._from_mention(mention, start, end)
        surname = text.split()[-1].title()
        return ActorRef(text=text, name=self.full_names.get(surname, text.title()), start=start, end=end)

    def _antecedent(self, rel: int) -> int | None:
        """The noun a relative clause hangs from ("Smith, who said …" → Smith)."""
        clause = self.parse.tokens[rel].head
        while self.parse.tokens[clause].dep not in ("relcl", "ROOT") and self.parse.tokens[clause].head != clause:
            clause = self.parse.tokens[clause].head
        if self.parse.tokens[clause].dep != "relcl":
            return None
        antecedent = self.parse.tokens[clause].head
        if self._inside_quote(self.parse.tokens[antecedent].start) and not self._inside_quote(
                self.parse.tokens[rel].start):
            # 'labelled a "big misjudgement" by the Conservatives, who said': the noun next to "who"
            before = rel - 1
            while before >= 0 and self.parse.tokens[before].pos not in ("NOUN", "PROPN"):
                before -= 1
            if before >= 0 and self.parse.tokens[before].sent == self.parse.tokens[rel].sent and not \
                    self._inside_quote(self.parse.tokens[before].start):
                return before
        return antecedent

    def _document_owner(self, head: int) -> int | None:
        """For "the ministry's statement said": the ministry (poss, or from/by/of object); for "the unions
        issued a statement that said": the subject of the verb the document is the object of."""
        tokens = self.parse.tokens
        if tokens[head].lemma.lower() not in self.lex.document_nouns:
            return None
        for kid in self.parse.children(head):
            kt = tokens[kid]
            if kt.dep == "poss":
                return kid
            if kt.dep == "prep" and kt.text.lower() in ("from", "by", "of"):
                objects = [k for k in self.parse.children(kid) if tokens[k].dep == "pobj"]
                if objects and tokens[objects[0]].pos in ("PROPN", "NOUN"):
                    return objects[0]
        signer = self._signer(head)
        if signer is not None:
            return signer
        if tokens[head].dep == "dobj" and tokens[tokens[head].head].lemma.lower() in ISSUING_VERBS:
            return next((k for k in self.parse.children(tokens[head].head) if tokens[k].dep == "nsubj"), None)
        return None  # "the minister received a letter": its reader is not its author

    def _signer(self, document: int) -> int | None:
        """"A letter addressed to the minister and signed by 40 mayors": the agent of a participle describing
        the document (its author; whoever it is addressed or sent to is not)."""
        tokens = self.parse.tokens
        participles = [k for k in self.parse.children(document) if tokens[k].dep == "acl" and tokens[k].tag == "VBN"]
        participles += [c for p in participles for c in self.parse.children(p) if tokens[c].dep == "conj"]
        for participle in participles:
            for agent in self.parse.children(participle):
                if tokens[agent].dep == "agent":
                    objects = [k for k in self.parse.children(agent) if tokens[k].dep == "pobj"]
                    if objects:
                        return objects[0]
        return None

    def _appositive_person(self, head: int) -> int | None:
        """The person named beside a description ("the lead negotiator, Otty Patiño, said" → Patiño)."""
        if self.parse.tokens[head].pos != "NOUN":
            return None
        for kid in self.parse.children(head):
            kt = self.parse.tokens[kid]
            if kt.dep == "appos" and kt.pos == "PROPN":  # a name set off by commas after the description
                mention = self._mention(kt.start, kt.end, kt)
                if mention is not None and mention.label == "PERSON" and mention.start <= kt.start < mention.end:
                    return kid
        return None

    def _definite_role(self, head: int) -> str | None:
        """"the spokesman" (a role noun with "the" and no name of its own) → the role."""
        tok = self.parse.tokens[head]
        kids = [self.parse.tokens[k] for k in self.parse.children(head)]
        if tok.pos != "NOUN" or not any(k.dep == "det" and k.text.lower() == "the" for k in kids):
            return None
        if any(k.pos == "PROPN" for k in kids):
            return None
        return tok.lemma.lower() if tok.lemma.lower() in self.lex.descriptions else None

    def _mention(self, start: int, end: int, head: Token):
        """The actors-stage mention covering the head token, else any inside the phrase."""
        inside = [m for m in self.mentions if m.start < end and m.end > start and m.actor_id]
        for m in inside:
            if m.start <= head.start < m.end:
                return m
        return inside[-1] if inside else None

    def _from_mention(self, mention, start: int, end: int) -> ActorRef:
        actor = self.doc.actor(mention.actor_id)
        name = actor.name if actor else self._expand(mention.text) if mention.label == "PERSON" else mention.text
        return ActorRef(
            text=self.doc.text[start:end], actor_id=mention.actor_id, name=name,
            country=actor.country if actor else None, sector=actor.sector if actor else None,
            org=actor.org if actor else None, start=start, end=end)

    def _from_entities(self, start: int, end: int) -> ActorRef:
        text = self.doc.text[start:end]
        named = [e for e in self.parse.entities if e.start < end and e.end > start and e.label in _NAME_LABELS]
        people = [e for e in named if e.label == "PERSON"]
        if people:
            name = self._expand(people[-1].text)
        elif named:
            name = named[-1].text
        else:
            name = None
        return ActorRef(text=text, name=name, start=start, end=end)

    def _expand(self, name: str) -> str:
        name = _clean_name(name)
        words = name.split()
        return self.full_names.get(words[-1], name) if words else name

    def _resolve_back(self, start: int, end: int, gender: str | None, personal: bool) -> ActorRef:
        """The last named person before ``start`` known to have ``gender``; a person of unknown gender
        when they spoke last ("Kerr Putney said … He added …"), or is the only candidate among the last few."""
        text = self.doc.text[start:end]
        if not personal:
            return ActorRef(text=text, start=start, end=end)
        k = bisect.bisect_left(self.person_starts, start)
        last_speaker = self._last_person_speaking(start)
        recent: list[NamedPerson] = []  # the last few different people, most recent first
        unsure: NamedPerson | None = None
        for person in reversed(self.persons[:k]):
            found = self.gender(person)
            if gender is None or found == gender or (found is None and person.name == last_speaker):
                return self._with_span(self._person_ref(person), start, end, text)
            if found is None and unsure is None:
                unsure = person
            if person.name not in {p.name for p in recent}:
                recent.append(person)
            if unsure is not None and len(recent) >= self.RECENT_PEOPLE:
                break  # prefer a person known to match only among the last few named
        if unsure is not None:
            return self._with_span(self._person_ref(unsure), start, end, text)
        return ActorRef(text=text, start=start, end=end)

    def _discourse_speaker(self, pronoun: int, gender: str | None) -> ActorRef | None:
        """"He said …": the last person who spoke in this or the previous few sentences, when of that gender
        (or of unknown gender); speakers of the other gender, groups and organisations are passed over."""
        tokens = self.parse.tokens
        sent = tokens[pronoun].sent
        subject = self._subject_before(pronoun, gender)
        if subject is not None:  # "Trump said after the convention he would …": the subject before the pronoun
            return self._person_ref(subject)
        for head in reversed(self.cue_speakers[:bisect.bisect_left(self.cue_speakers, pronoun)]):
            if tokens[head].sent < sent - self.DISCOURSE_SENTENCES:
                break
            found = self._speaker_gender(head)
            if found is None:
                continue  # not a person
            if found == "?" or found == gender:
                ref = self.ref(head)
                return ref if ref.name else None
        return None

    def _subject_before(self, pronoun: int, gender: str | None) -> NamedPerson | None:
        """The last named person of the pronoun's gender (or of unknown gender) who is a subject earlier in
        the pronoun's own sentence."""
        tokens = self.parse.tokens
        first = self.parse.sentences[tokens[pronoun].sent].token_start
        for i in range(pronoun - 1, first - 1, -1):
            if not tokens[i].dep.startswith("nsubj") or self._inside_quote(tokens[i].start):
                continue
            person = next((p for p in self.persons if p.start <= tokens[i].start < p.end), None)
            if person is not None and self.gender(person) in (gender, None):
                return person
        return None

    def _speaker_gender(self, head: int) -> str | None:
        """``male`` / ``female`` for a speaker who is a named person or a personal pronoun, ``?`` for a named
        person of unknown gender, None for any other speaker."""
        tok = self.parse.tokens[head]
        lower = tok.text.lower()
        if lower in ("he", "she") and tok.pos == "PRON":
            return self.lex.pronouns[lower] if self.ref(head).name else None
        person = next((p for p in self.persons if p.start <= tok.start < p.end), None)
        if person is None:
            return None
        return self.gender(person) or "?"

    def _last_person_speaking(self, start: int) -> str | None:
        """The name of the named person who is the last speaker of a cue before ``start``."""
        tokens = self.parse.tokens
        for head in reversed(self.cue_speakers[:bisect.bisect_left(self.cue_speakers, self._token_at(start))]):
            person = next((p for p in self.persons if p.start <= tokens[head].start < p.end), None)
            if person is not None:
                return person.name
        return None

    def _token_at(self, start: int) -> int:
        """Index of the first token starting at or after ``start``."""
        return bisect.bisect_left(self.token_starts, start)

    def _group_back(self, pronoun: int) -> int | None:
        """"They said …": the last group that spoke in this or the previous few sentences ("Republicans
        said …", "the ministry and its partners said …"), else a group subject of this or the sentence before."""
        tokens = self.parse.tokens
        sent = tokens[pronoun].sent
        earlier = [h for h in self.cue_speakers
                   if h < pronoun and tokens[h].sent >= sent - self.GROUP_SENTENCES and self._is_group(h)]
        if earlier:
            return earlier[-1]
        start = self.parse.sentences[max(0, sent - 1)].token_start
        subjects = [i for i in range(start, pronoun)
                    if tokens[i].dep in ("nsubj", "nsubjpass") and tokens[tokens[i].head].dep == "ROOT"]
        return subjects[-1] if subjects and self._is_group(subjects[-1]) else None

    def _is_group(self, head: int) -> bool:
        """A plural or collective speaker: plural noun, organisation or people, coordinated names, "they"."""
        tok = self.parse.tokens[head]
        if tok.pos == "PRON":
            return tok.text.lower() == "they"
        return (tok.tag in ("NNS", "NNPS") or tok.ent_type in ("ORG", "NORP")
                or any(self.parse.tokens[k].dep == "conj" for k in self.parse.children(head)))

    def _organisation_back(self, start: int, end: int) -> ActorRef:
        """"It said …": the last organisation named before ``start`` outside quotations."""
        text = self.doc.text[start:end]
        mentions = [m for m in self.mentions if m.end <= start and m.label == "ORG" and not self._inside_quote(m.start)]
        entities = [e for e in self.parse.entities
                    if e.end <= start and e.label == "ORG" and not self._inside_quote(e.start)]
        last_mention = mentions[-1] if mentions else None
        last_entity = entities[-1] if entities else None
        if last_mention is not None and (last_entity is None or last_mention.start >= last_entity.start):
            ref = self._from_mention(last_mention, last_mention.start, last_mention.end)
            return self._with_span(ref, start, end, text)
        if last_entity is not None:
            return ActorRef(text=text, name=last_entity.text, start=start, end=end)
        return ActorRef(text=text, start=start, end=end)

    def _person_ref(self, person: NamedPerson) -> ActorRef:
        actor = self.doc.actor(person.actor_id)
        if actor is not None:
            return ActorRef(text=person.name, actor_id=actor.id, name=actor.name, country=actor.country,
                            sector=actor.sector, org=actor.org)
        return ActorRef(text=person.name, name=self._expand(person.name))

    @staticmethod
    def _with_span(ref: ActorRef, start: int, end: int, text: str) -> ActorRef:
        return ActorRef(text=text, actor_id=ref.actor_id, name=ref.name, country=ref.country,
                        sector=ref.sector, org=ref.org, start=start, end=end)


def _clean_name(name: str) -> str:
    """Drop a possessive ending from an entity's text ("Clinton's" → "Clinton")."""
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name
