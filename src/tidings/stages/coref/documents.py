"""Who wrote a document: the body behind "the ministry's statement", "a report by the committee", "a letter
signed by 40 mayors", "the unions issued a statement", and behind "the report" named again later."""
from __future__ import annotations

from collections.abc import Collection

from tidings.models import Parse
from tidings.resources import grammar

#: Verbs whose subject is the author of the document they take ("the unions issued a statement saying ...").
ISSUING_VERBS = grammar.words("issuing_verbs")
RELATIVE_PRONOUNS = grammar.words("relative_pronouns")
#: Prepositions whose object wrote the document ("a report by the committee", "a letter from the mayors").
AUTHOR_PREPOSITIONS = ("from", "by", "of")
#: Determiners that make a document noun one named before ("the report", "that resolution").
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "its", "their"})
#: How many sentences back a definite document noun looks for the document it names again.
SENTENCES_BACK = 5


def document_author(parse: Parse, head: int, document_nouns: Collection[str]) -> int | None:
    """The token heading who wrote the document headed by ``head``: its possessor or from/by/of object ("the
    ministry's statement"), the agent of a participle on it ("signed by 40 mayors"), the subject of a relative
    clause that issues it ("a speech the senator delivered") or of the verb that issues it ("the unions issued a
    statement"). None for a word that is no document, and for the reader of one ("received a letter")."""
    tokens = parse.tokens
    if tokens[head].lemma.lower() not in document_nouns:
        return None
    for kid in parse.children(head):
        kt = tokens[kid]
        if kt.dep == "poss":
            return kid
        if kt.dep == "prep" and kt.text.lower() in AUTHOR_PREPOSITIONS:
            objects = [k for k in parse.children(kid) if tokens[k].dep == "pobj"]
            if objects and tokens[objects[0]].pos in ("PROPN", "NOUN"):
                return objects[0]
    signer = _signer(parse, head)
    if signer is not None:
        return signer
    for clause in parse.children(head):  # "according to a speech the senator delivered": its author
        if tokens[clause].dep == "relcl" and tokens[clause].lemma.lower() in ISSUING_VERBS:
            authors = [k for k in parse.children(clause) if tokens[k].dep == "nsubj"
                       and tokens[k].text.lower() not in RELATIVE_PRONOUNS]
            if authors:
                return authors[0]
    if tokens[head].dep == "dobj" and tokens[tokens[head].head].lemma.lower() in ISSUING_VERBS:
        return next((k for k in parse.children(tokens[head].head) if tokens[k].dep == "nsubj"), None)
    return None


def earlier_author(parse: Parse, head: int, document_nouns: Collection[str]) -> int | None:
    """The author of the document a definite document noun with no author of its own names again ("A report by
    the committee was published on Monday. The report urged ..." → the committee): the nearest earlier
    document of the same word, in this or the few sentences before, whose author is written beside it."""
    tokens = parse.tokens
    tok = tokens[head]
    lemma = tok.lemma.lower()
    if lemma not in document_nouns or not any(
            tokens[c].dep in ("det", "poss") and tokens[c].text.lower() in DEFINITE_DETERMINERS
            for c in parse.children(head)):
        return None
    first = parse.sentences[max(0, tok.sent - SENTENCES_BACK)].token_start
    for i in range(head - 1, first - 1, -1):
        if tokens[i].lemma.lower() == lemma and tokens[i].pos == "NOUN":
            author = document_author(parse, i, document_nouns)
            if author is not None and tokens[author].pos != "PRON":
                return author
    return None


def _signer(parse: Parse, document: int) -> int | None:
    """"A letter addressed to the minister and signed by 40 mayors": the agent of a participle describing the
    document (its author; whoever it is addressed or sent to is not)."""
    tokens = parse.tokens
    participles = [k for k in parse.children(document) if tokens[k].dep == "acl" and tokens[k].tag == "VBN"]
    participles += [c for p in participles for c in parse.children(p) if tokens[c].dep == "conj"]
    for participle in participles:
        for agent in parse.children(participle):
            if tokens[agent].dep == "agent":
                objects = [k for k in parse.children(agent) if tokens[k].dep == "pobj"]
                if objects:
                    return objects[0]
    return None
