"""The coreference stage: every pronoun and party phrase linked to the parties it stands for.

``run(doc)`` (after the actors and places stages, before quotes and events) fills ``doc.corefs`` with one
:class:`~tidings.models.Coref` per pronoun ("he", "its", "who"), per noun phrase head (what "Hungarian and
Romanian officials" or "an admission by Moscow" names, ``phrases.py``) and per definite role noun that refers
back to a named person ("the spokesman said", ``kind="description"``), and sets ``Actor.gender`` on the
document's people. Actors a phrase names that the actors stage did not mention ("Indian" in "an Indian
proposal") join ``doc.actors`` here. The rules for pronouns are in ``pronouns.py``.

Other stages read the layer through :func:`refs_for` (the refs a phrase head or pronoun stands for, by token
index), :func:`link_at` (a token's link) and :func:`ensure` (build the layer when a stage runs alone).
"""
from __future__ import annotations

import dataclasses

from tidings.models import ActorRef, Coref, Document
from tidings.resources import quotes as quote_lexicon
from tidings.resources.quotes import QuoteLexicon

from .documents import document_author, earlier_author
from .phrases import MAX_REFS, PRONOUNS, from_mention, inner_party_ref, is_pronoun, parse_of, resolve_phrase
from .pronouns import Linker, NamedPerson, clean_name, features, longest_by_surname

__all__ = ["MAX_REFS", "PRONOUNS", "clean_name", "document_author", "earlier_author", "ensure", "from_mention",
           "inner_party_ref", "is_pronoun", "link_at", "longest_by_surname", "parse_of", "refs_for", "run"]

_PARTY_POS = ("NOUN", "PROPN")


def run(doc: Document, *, lexicon: QuoteLexicon | None = None) -> Document:
    """Build ``doc.corefs`` (needs the parse; reads the actors and places layers)."""
    if doc.parse is None:
        return doc
    lex = lexicon or quote_lexicon.load()
    doc.corefs = []
    linker = Linker(doc, lex)
    _set_genders(doc, linker)
    parse = doc.parse
    cities = any(p.feature == "city" and p.role == "location" for p in doc.places)
    for tok in parse.tokens:
        if is_pronoun(parse, tok.i):
            _, gender, number = features(tok.text)
            found = linker.link(tok.i)
            doc.corefs.append(Coref(
                start=tok.start, end=tok.end, text=tok.text, kind="pronoun", head_start=tok.start,
                refs=found.refs if found else [], gender=gender, number=number,
                rule=found.rule if found else None,
                antecedent_head=parse.tokens[found.antecedent].start if found and found.antecedent is not None
                else None))
        elif tok.pos in _PARTY_POS:
            doc.corefs.append(_phrase_link(doc, tok.i, linker.phrase_refs(tok.i), cities))
            role = _definite_role(doc, tok.i, lex)
            if role is not None:
                found = linker.description(tok.i, lex.descriptions[role])
                first = parse.tokens[parse.subtree(tok.i)[0]]
                doc.corefs.append(Coref(
                    start=first.start, end=tok.end, text=doc.text[first.start:tok.end], kind="description",
                    head_start=tok.start, refs=found.refs if found else [], gender=lex.descriptions[role],
                    number="singular", rule=found.rule if found else None,
                    antecedent_head=parse.tokens[found.antecedent].start if found and found.antecedent is not None
                    else None))
    return doc


def ensure(doc: Document) -> Document:
    """The document with its coreference layer (built now when no stage built it yet)."""
    if doc.corefs is None and doc.parse is not None:
        run(doc)
    return doc


def _layer(doc: Document) -> list[Coref]:
    """The coreference layer of ``doc`` (built now when no stage built it yet)."""
    ensure(doc)
    if doc.corefs is None:
        raise ValueError("the coreference layer needs a parsed document (run the nlp stage first)")
    return doc.corefs


def link_at(doc: Document, head: int, kind: str | None = None) -> Coref | None:
    """The link of the pronoun or phrase headed by token ``head`` (None when the layer has none there)."""
    ensure(doc)
    if doc.parse is None:
        return None
    return doc.coref(doc.parse.tokens[head].start, kind)


def refs_for(doc: Document, head: int, *, cities: bool = False) -> list[ActorRef]:
    """Fresh copies of the refs the phrase or pronoun headed by token ``head`` stands for (several for
    "Hungarian and Romanian officials"; none for an unresolved pronoun). ``cities``: a city named in the
    phrase stands for its country (the target of an attack), where otherwise it is only where something
    happened."""
    corefs = _layer(doc)
    parse = parse_of(doc)
    kind = "pronoun" if is_pronoun(parse, head) else "phrase"
    link = doc.coref(parse.tokens[head].start, kind)
    if link is None:  # a head the stage did not link (a number, an adjective): linked now, once
        if kind == "pronoun":
            return []
        link = _phrase_link(doc, head, resolve_phrase(doc, head), cities=True)
        corefs.append(link)
    refs = link.city_refs if cities and link.city_refs is not None else link.refs
    return [dataclasses.replace(r) for r in refs]


def _phrase_link(doc: Document, head: int, refs: list[ActorRef], cities: bool) -> Coref:
    tok = parse_of(doc).tokens[head]
    city_refs = resolve_phrase(doc, head, cities=True) if cities else None
    if city_refs is not None and [r.to_dict() for r in city_refs] == [r.to_dict() for r in refs]:
        city_refs = None
    number = "plural" if tok.tag in ("NNS", "NNPS") else "singular" if tok.tag in ("NN", "NNP") else None
    start = min((r.start for r in refs if r.start is not None), default=tok.start)
    end = max((r.end for r in refs if r.end is not None), default=tok.end)
    return Coref(start=start, end=end, text=doc.text[start:end], kind="phrase", head_start=tok.start, refs=refs,
                 number=number, city_refs=city_refs)


def _definite_role(doc: Document, head: int, lex: QuoteLexicon) -> str | None:
    """"the spokesman" (a role noun with "the" and no name of its own) → the role."""
    parse = parse_of(doc)
    tok = parse.tokens[head]
    if tok.pos != "NOUN" or tok.lemma.lower() not in lex.descriptions:
        return None
    kids = [parse.tokens[k] for k in parse.children(head)]
    if not any(k.dep == "det" and k.text.lower() == "the" for k in kids) or any(k.pos == "PROPN" for k in kids):
        return None
    return tok.lemma.lower()


def _set_genders(doc: Document, linker: Linker) -> None:
    """``Actor.gender`` of the document's people: the knowledge base's, else an honorific's or a given name's."""
    for mention in doc.mentions:
        actor = doc.actor(mention.actor_id)
        if actor is None or actor.kind != "person" or actor.gender is not None:
            continue
        actor.gender = linker.gender(NamedPerson(mention.start, mention.end, actor.name, actor.id))
