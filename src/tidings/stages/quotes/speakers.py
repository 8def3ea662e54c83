"""Who is speaking: the speaker phrase around a head token, resolved to a named actor.

Resolution order: a pronoun ("he", "it", "they", "…, who said") is what the coreference layer links it to
(``stages.coref``: the rules for "he said", "it said", "they said" live there), shown with the pronoun's
own words; a document ("the ministry's statement", "a letter signed by 40 mayors") speaks for its issuer or
signers, never for whoever it is addressed to; a description beside a name ("the lead negotiator, Otty
Patiño") is that person; a mention from the actors stage covering the phrase; a definite role noun ("the
spokesman said") is the named person the coreference layer links it to; a named entity in the phrase (a
surname expanded to the fullest form the article uses). Anything else (anonymous sources, "officials")
keeps its own text.
"""
from __future__ import annotations

import bisect

from tidings.models import ActorRef, Coref, Document, Mention, Parse, Token
from tidings.resources import grammar
from tidings.resources.quotes import QuoteLexicon
from tidings.stages import coref

_NP_LEFT = grammar.labels("noun_phrase_left")
_NAME_COMPOUNDS = grammar.labels("name_compounds")
_NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
_RELATIVE = grammar.words("relative_pronouns")


class Speakers:
    """Builds speaker ActorRefs for one document (pronouns from the coreference layer)."""

    def __init__(self, doc: Document, lexicon: QuoteLexicon, quoted: list[tuple[int, int]]):
        if doc.parse is None:
            raise ValueError("speakers are found on a parsed document")
        self.doc = coref.ensure(doc)
        self.lex = lexicon
        self.parse: Parse = doc.parse
        self.quoted = quoted
        self.token_starts = [t.start for t in self.parse.tokens]
        self.mentions = sorted(doc.mentions, key=lambda m: m.start)
        self.full_names = self._full_names()
        self._refs: dict[int, ActorRef] = {}

    # --- building blocks --------------------------------------------------------------

    def _inside_quote(self, start: int) -> bool:
        return any(s <= start < e for s, e in self.quoted)

    def _full_names(self) -> dict[str, str]:
        """Surname → the longest name of a person in the article (outside quotations) ending with it."""
        names = [self._actor_name(m.actor_id) or m.text for m in self.mentions
                 if (m.label == "PERSON" or self._is_person_actor(m.actor_id)) and not self._inside_quote(m.start)]
        names += [coref.clean_name(e.text) for e in self.parse.entities
                  if e.label == "PERSON" and not self._inside_quote(e.start)]
        return coref.longest_by_surname(names)

    def _actor_name(self, actor_id: str | None) -> str | None:
        actor = self.doc.actor(actor_id)
        return actor.name if actor else None

    def _is_person_actor(self, actor_id: str | None) -> bool:
        actor = self.doc.actor(actor_id)
        return actor is not None and actor.kind == "person"

    def phrase(self, head: int) -> tuple[int, int]:
        """Character span of the noun phrase headed by ``head`` (modifiers before it, no clauses)."""
        tokens = self.parse.tokens
        first = head
        for kid in self.parse.children(head):
            if kid < head and tokens[kid].dep in _NP_LEFT:
                first = min(first, self.parse.subtree(kid)[0])
        while first < head and (tokens[first].pos == "VERB" or not any(c.isalnum() for c in tokens[first].text)):
            first += 1  # a mark, dash or cue the parser took into the name ('"…"― Jane Alvarez', 'Said Ellis:')
        last = head
        for kid in self.parse.children(head):
            if kid > head and tokens[kid].dep in _NAME_COMPOUNDS and kid == last + 1:
                last = kid
        return tokens[first].start, tokens[last].end

    # --- resolution ---------------------------------------------------------------------

    def ref(self, head: int) -> ActorRef:
        """The speaker whose phrase is headed by token ``head`` (resolved once per head)."""
        if head not in self._refs:
            self._refs[head] = ActorRef(text=self.parse.tokens[head].text)  # a cycle ends unresolved
            self._refs[head] = self._resolve(head)
        found = self._refs[head]
        return ActorRef(text=found.text, actor_id=found.actor_id, name=found.name, country=found.country,
                        sector=found.sector, org=found.org, start=found.start, end=found.end)

    def _resolve(self, head: int) -> ActorRef:
        tok = self.parse.tokens[head]
        lower = tok.text.lower()
        # a subject relative ("…, who said"), or a personal pronoun in any form ("she said", "his claim")
        pronoun = (lower in _RELATIVE and tok.dep.startswith("nsubj")) or \
            (tok.pos == "PRON" and lower in coref.PRONOUNS and lower not in _RELATIVE)
        if pronoun:
            link = coref.link_at(self.doc, head, "pronoun")
            if link is not None and link.refs:
                return self._standing_for(link, tok.start, tok.end, tok.text)
            if lower not in _RELATIVE:
                return ActorRef(text=tok.text, start=tok.start, end=tok.end)
        owner = coref.document_author(self.parse, head, self.lex.document_nouns)
        if owner is not None:
            return self.ref(owner)
        named = self._appositive_person(head)
        if named is not None:
            return self.ref(named)
        start, end = self.phrase(head)
        mention = self._mention(start, end, tok)
        if mention is not None and mention.start <= tok.start < mention.end:
            return self._from_mention(mention, start, end)
        described = coref.link_at(self.doc, head, "description")
        if described is not None:
            text = self.doc.text[start:end]
            return self._standing_for(described, start, end, text) if described.refs else \
                ActorRef(text=text, start=start, end=end)
        ref = self._from_entities(start, end)
        if mention is not None:  # "a senior Russian diplomat": the modifier gives the country
            actor = self.doc.actor(mention.actor_id)
            ref.country = actor.country if actor else None
        return ref

    def _standing_for(self, link: Coref, start: int, end: int, text: str) -> ActorRef:
        """A pronoun's or description's ref: the speaker its antecedent is, named by the antecedent's phrase
        when it has no name of its own ("voting rights advocates … they")."""
        if link.antecedent_head is not None:
            antecedent = self._token_at(link.antecedent_head)
            found = self.ref(antecedent)
        else:
            first = link.refs[0]
            found = ActorRef(text=first.text, actor_id=first.actor_id, name=first.name, country=first.country,
                             sector=first.sector, org=first.org)
        return ActorRef(text=text, actor_id=found.actor_id, name=found.name or found.text, country=found.country,
                        sector=found.sector, org=found.org, start=start, end=end)

    def label_ref(self, start: int, end: int) -> ActorRef:
        """A transcript label ("SEN. KAINE") as a speaker, named by the article's full form of the surname."""
        text = self.doc.text[start:end]
        tokens = self.parse.tokens_in(start, end)
        mention = self._mention(start, end, tokens[-1]) if tokens else None
        if mention is not None:
            return self._from_mention(mention, start, end)
        surname = text.split()[-1].title()
        return ActorRef(text=text, name=self.full_names.get(surname, text.title()), start=start, end=end)

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

    def _mention(self, start: int, end: int, head: Token) -> Mention | None:
        """The actors-stage mention covering the head token, else any inside the phrase."""
        inside = [m for m in self.mentions if m.start < end and m.end > start and m.actor_id]
        for m in inside:
            if m.start <= head.start < m.end:
                return m
        return inside[-1] if inside else None

    def _from_mention(self, mention: Mention, start: int, end: int) -> ActorRef:
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
        name = coref.clean_name(name)
        words = name.split()
        return self.full_names.get(words[-1], name) if words else name

    def _token_at(self, start: int) -> int:
        """Index of the first token starting at or after ``start``."""
        return bisect.bisect_left(self.token_starts, start)
