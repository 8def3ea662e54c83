"""Lexicon matching over the dependency parse: which tokens trigger which patterns."""
from __future__ import annotations

from dataclasses import dataclass

from tidings.models import Parse, Token
from tidings.resources import grammar
from tidings.resources.lexicon import SLOT, Lexicon, Pattern

#: Dependencies that open a separate clause: a pattern's words never reach across them.
CLAUSE_DEPS = grammar.labels("pattern_boundaries")
#: Dependencies of a noun or verb that hold its object (the recipient slot).
OBJECT_DEPS = grammar.label_sequence("objects")
VERB_POS = frozenset({"VERB", "AUX", "ADJ"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
NEIGHBOUR_DEPTH = 3
#: A pattern's word may sit on the head's parent only when the head is its complement or part of its phrase.
PARENT_DEPS = grammar.labels("pattern_parents")
TIME_ENTITIES = frozenset({"DATE", "TIME"})


@dataclass(frozen=True)
class Match:
    """A pattern matched at token ``head`` using ``tokens``; ``slot`` is the recipient slot's token."""

    pattern: Pattern
    head: int
    tokens: tuple[int, ...]
    slot: int | None

    @property
    def strength(self) -> tuple[int, int, int]:
        return len(self.pattern.literals), len(self.pattern.cameo), self.slot is not None


def neighbours(parse: Parse, head: int) -> list[int]:
    """Tokens a pattern's other words may sit on: the head's phrase (not its clauses) and its parent."""
    tokens, kids = parse.tokens, parse.child_lists
    found: list[int] = []
    frontier = [head]
    for _ in range(NEIGHBOUR_DEPTH):
        nxt = []
        for i in frontier:
            for child in kids[i]:
                dep = tokens[child].dep
                if dep not in CLAUSE_DEPS:
                    found.append(child)
                    nxt.append(child)
                elif dep == "ccomp" and i == head:
                    found.extend(k for k in kids[child] if tokens[k].dep == "mark")
                elif dep == "advcl" and i == head:
                    found.extend(k for k in kids[child] if tokens[k].tag == "TO")
        frontier = nxt
    parent = tokens[head].head
    dep = tokens[head].dep
    if parent != head and dep in PARENT_DEPS:
        found.append(parent)
        if dep in ("acomp", "attr", "xcomp"):
            found.extend(c for c in kids[parent] if tokens[c].dep in ("aux", "prt", "neg"))
    return sorted(set(found) - {head})


def infinitival(parse: Parse, i: int) -> bool:
    """A 'to'-infinitive clause ("sworn to fight"), which the parser sometimes labels advcl."""
    return any(parse.tokens[k].tag == "TO" and parse.tokens[k].dep == "aux" for k in parse.children(i))


def _pos_ok(token: Token, pattern: Pattern) -> bool:
    if pattern.pos == "noun":
        return token.pos in NOUN_POS
    return token.pos in VERB_POS and token.dep not in ("amod", "compound")


def object_of(parse: Parse, i: int, exclude: tuple[int, ...] = ()) -> int | None:
    """The object governed by token ``i`` (direct object, preposition object, passive subject)."""
    token = parse.tokens[i]
    kids = parse.children(i)
    for dep in OBJECT_DEPS:
        for child in kids:
            kid = parse.tokens[child]
            if kid.dep == dep and kid.pos not in ("ADP", "PART") and kid.ent_type not in TIME_ENTITIES \
                    and child not in exclude:
                return child
    if token.pos in ("VERB", "AUX") and any(parse.tokens[c].dep == "auxpass" for c in kids):
        return next((c for c in kids if parse.tokens[c].dep == "nsubjpass"), None)
    return None


def match_at(parse: Parse, head: int, pattern: Pattern, pool: list[int] | None = None) -> Match | None:
    """Match ``pattern`` with its head word on token ``head`` (None when a word is missing)."""
    token = parse.tokens[head]
    if not _pos_ok(token, pattern):
        return None
    if pool is None:
        pool = neighbours(parse, head) if len(pattern.literals) > 1 else []
    used = {head}
    last = head
    lemmas, texts = parse.lower_lemmas, parse.lower_texts
    slots: list[int] = []
    for k, word in enumerate(pattern.words):
        if k == pattern.head:
            continue
        if word == SLOT:
            found = object_of(parse, last)
            if found is None and parse.tokens[last].dep == "prt":
                found = object_of(parse, head)  # "hand over * to": the particle's verb has the object
            elif found is None and last != head and parse.tokens[last].pos == "ADP":
                return None  # "call on * to": the preposition must have its object
            if found is not None:
                slots.append(found)
            continue
        before_slot = k + 1 < len(pattern.words) and pattern.words[k + 1] == SLOT
        after_slot = pattern.words[k - 1] == SLOT
        final_to = word == "to" and k == len(pattern.words) - 1 and after_slot  # "urge * to"
        candidates = [i for i in pool if i not in used and (word == lemmas[i] or word == texts[i])
                      # "join NATO on March 12": a month is no protest march
                      and parse.tokens[i].ent_type not in TIME_ENTITIES
                      and not (before_slot and parse.tokens[i].tag == "TO")
                      and not (final_to and parse.tokens[i].tag != "TO")
                      # "For the Liberal Democrats, X called ...": a pattern's preposition follows its head
                      and not (parse.tokens[i].pos == "ADP" and i < head)
                      and _attached(parse, i, used, after_slot)]
        if not candidates:
            return None
        last = min(candidates, key=lambda i: (i < last, abs(i - last)))
        used.add(last)
    # a particle the pattern does not name makes another verb: "backed out" is no backing, "kicked off" no kick
    if any(parse.tokens[c].dep == "prt" and c not in used for c in parse.children(head)):
        return None
    return Match(pattern, head, tuple(sorted(used)), _recipient_slot(parse, slots))


def _attached(parse: Parse, i: int, used: set[int], after_slot: bool) -> bool:
    """A pattern's preposition hangs on a word of the pattern ("called for"), or on the direct object of one
    ("brokered a truce between", "accused the minister of"), never deeper inside an object or on an object
    predicate ("called the ruling a win for voters", "was called Secretary of State for Culture")."""
    tok = parse.tokens[i]
    if tok.pos != "ADP" or tok.head in used:
        return True
    holder = parse.tokens[tok.head]
    return holder.head in used and (holder.dep == "dobj" or after_slot)


#: Entity types that name a party rather than a thing.
PARTY_ENTITY_TYPES = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def _recipient_slot(parse: Parse, slots: list[int]) -> int | None:
    """Of two slots, the later one naming a party ("donated rice to Cuba", "warned Iran against a strike"),
    else the later one."""
    named = [i for i in slots if parse.tokens[i].pos == "PROPN" or parse.tokens[i].ent_type in PARTY_ENTITY_TYPES]
    return (named or slots)[-1] if slots else None


def match_sentence(parse: Parse, sentence_index: int, lexicon: Lexicon) -> list[Match]:
    """The strongest match per trigger token in a sentence, minus matches swallowed by bigger ones."""
    best: dict[int, Match] = {}
    lemmas, texts = parse.lower_lemmas, parse.lower_texts
    sent = parse.sentences[sentence_index]
    reachable = parse.sentence_words[sentence_index]
    by_head = lexicon.by_head
    for i in [i for i in range(sent.token_start, sent.token_end) if lemmas[i] in by_head or texts[i] in by_head]:
        heads = lexicon.headed_by(lemmas[i], texts[i])
        if heads is None:
            continue
        pool: list[int] = []
        words: set[str] = set()
        if not heads.words.isdisjoint(reachable):  # some pattern's other words may be near
            pool = neighbours(parse, i)
            words = set(map(lemmas.__getitem__, pool))
            words.update(map(texts.__getitem__, pool))
        for pattern in heads.possible(words):
            match = match_at(parse, i, pattern, pool)
            if match and (i not in best or match.strength > best[i].strength):
                best[i] = match
    kept = sorted(best.values(), key=lambda m: m.strength, reverse=True)
    out: list[Match] = []
    for match in kept:
        if any(match.head in other.tokens for other in out):
            continue
        out.append(match)
    return sorted(out, key=lambda m: m.head)
