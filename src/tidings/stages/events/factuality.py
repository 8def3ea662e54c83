"""Factuality of an event: asserted, negated, future or hypothetical, with the cue that decided it."""
from __future__ import annotations

from dataclasses import dataclass

from tidings.models import Parse
from tidings.resources import grammar

DENIALS = grammar.words("denial_verbs")
FORGOING_VERBS = grammar.words("forgoing_verbs")
FORGOING_ADVERBS = grammar.words("forgoing_adverbs")
#: Weapons and other things that are no party: "the bomb failed to detonate" forgoes nothing.
THING_NOUNS = grammar.words("non_party_nouns")
RELATIVE_PRONOUNS = grammar.words("relative_pronouns")
CLAIM_NOUNS = grammar.words("claim_nouns")
FUTURE_AUX = grammar.words("future_auxiliaries")
MODAL_AUX = grammar.words("modal_auxiliaries")
FUTURE_GOVERNORS = grammar.words("future_verbs")
HYPOTHETICAL_GOVERNORS = grammar.words("hypothetical_governors")
HYPOTHETICAL_NOUNS = grammar.words("hypothetical_nouns")
#: The reason of a status read from a noun of possibility: nobody promises or threatens what is only possible.
POSSIBILITY = "possibility"
FUTURE_MODIFIERS = grammar.words("future_modifiers")
HYPOTHETICAL_MODIFIERS = grammar.words("hypothetical_modifiers")
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
CONDITIONAL_MARKS = grammar.words("conditional_marks")
NEGATIVE_PRONOUNS = grammar.words("negative_pronouns")
SCOPE_DEPS = grammar.labels("factuality_scope")
#: Extra first step for event nouns: the verb they are subject of ("an invasion could result in ...").
NOUN_STEP_DEPS = grammar.labels("nominal_subjects")
AUXILIARY_DEPS = grammar.labels("auxiliaries")


@dataclass(frozen=True)
class Factuality:
    status: str
    reason: str
    cue: int | None = None


ASSERTED = Factuality("asserted", "no negation, future or modal cue")


def assess(parse: Parse, predicate: int, *, nominal: bool = False) -> Factuality:
    """Walk from the predicate up its clause: a negation anywhere wins, else the nearest cue; an act forgone
    ("failed to arrest") is negated unless a condition governs it ("if police fail to arrest him")."""
    found = _walk(parse, predicate, nominal)
    forgoer = _forgoer(parse, predicate)
    if forgoer is None or found.reason.startswith("conditional"):
        return found
    return Factuality("negated", f"forgone under '{parse.tokens[forgoer].text}'", forgoer)


def _walk(parse: Parse, predicate: int, nominal: bool) -> Factuality:
    """The cues from the predicate up its clause: the first negation, else the nearest cue."""
    i = predicate
    via = ""
    first: Factuality | None = None
    for step in range(8):
        tok = parse.tokens[i]
        found = _cues_at(parse, i, via)
        if found and found.status == "negated":
            return found
        first = first or found
        owner = parse.tokens[tok.head]
        if tok.dep in ("relcl", "acl") and owner.text.lower() in NEGATIVE_PRONOUNS:
            return Factuality("negated", f"clause of '{owner.text}'", owner.i)
        if tok.head == i or tok.dep in ("relcl", "advcl", "parataxis"):
            break
        allowed = SCOPE_DEPS | (NOUN_STEP_DEPS if nominal and step == 0 else frozenset())
        if tok.dep not in allowed:
            break
        via, i = clause_parent(parse, i)
    return first or ASSERTED


def clause_parent(parse: Parse, i: int) -> tuple[str, int]:
    """(dependency, head) of token ``i``, repairing a finite verb mis-attached as conjunct of an infinitive.

    In "Russia denies any intent to invade and accuses Ukraine", the parser hangs "accuses" under
    "invade"; a finite conjunct really coordinates with the nearest finite verb above.
    """
    tok = parse.tokens[i]
    head = parse.tokens[tok.head]
    if tok.dep == "conj" and tok.tag in FINITE_TAGS and head.tag not in FINITE_TAGS:
        j = tok.head
        while parse.tokens[j].head != j and parse.tokens[j].tag not in FINITE_TAGS:
            j = parse.tokens[j].head
        if parse.tokens[j].tag in FINITE_TAGS:
            return "conj", j
    return tok.dep, tok.head


def _cues_at(parse: Parse, i: int, via: str) -> Factuality | None:
    tok = parse.tokens[i]
    lemma = tok.lemma.lower()
    kids = [parse.tokens[c] for c in parse.children(i)]
    for kid in kids:  # "if Russia doesn't withdraw": a condition, not a denial
        if kid.dep == "mark" and kid.text.lower() in CONDITIONAL_MARKS and via != "conj":
            return Factuality("hypothetical", f"conditional '{kid.text}'", kid.i)
    for kid in kids:
        if via != "conj" and (kid.dep == "neg" or (kid.dep == "det" and kid.text.lower() == "no")):
            return Factuality("negated", f"negation '{kid.text}' on '{tok.text}'", kid.i)
    for kid in kids:
        # the verb's own act, not an event noun in its objects ("no one was held over the attack")
        if not via and kid.dep in ("nsubj", "nsubjpass") and _negative_subject(parse, kid.i):
            return Factuality("negated", f"negative subject '{kid.text}' of '{tok.text}'", kid.i)
    negative = _negative_adverbial(parse, i) if via != "conj" else None
    if negative is not None:
        return Factuality("negated", f"negative adverbial '{parse.tokens[negative].text}' on '{tok.text}'", negative)
    if via and via != "conj" and lemma in DENIALS and via in ("ccomp", "xcomp", "dobj", "pcomp", "prep"):
        return Factuality("negated", f"governed by denial '{tok.text}'", i)
    if via and via != "conj" and lemma in CLAIM_NOUNS and _denied(parse, i):
        return Factuality("negated", f"denied {tok.text}", tok.head)
    for kid in kids:
        c, word = kid.i, kid.text.lower()
        if kid.dep == "aux" and word in FUTURE_AUX:
            return Factuality("future", f"future auxiliary '{kid.text}'", c)
        if kid.dep == "aux" and word in MODAL_AUX:
            return Factuality("hypothetical", f"modal '{kid.text}'", c)
        if kid.dep == "mark" and word in CONDITIONAL_MARKS:
            return Factuality("hypothetical", f"conditional '{kid.text}'", c)
        if kid.dep == "amod" and word in FUTURE_MODIFIERS:
            return Factuality("future", f"modifier '{kid.text}'", c)
        if kid.dep == "amod" and word in HYPOTHETICAL_MODIFIERS:
            return Factuality("hypothetical", f"modifier '{kid.text}'", c)
    if via and via != "conj":
        if lemma in FUTURE_GOVERNORS and via in ("xcomp", "acl", "dobj", "pobj", "prep"):
            return Factuality("future", f"governed by '{tok.text}'", i)
        if lemma in HYPOTHETICAL_GOVERNORS and via in ("xcomp", "ccomp", "acl", "pcomp"):
            return Factuality("hypothetical", f"governed by '{tok.text}'", i)
        if lemma in HYPOTHETICAL_NOUNS and tok.pos == "NOUN" and via == "prep" and any(
                kid.dep == "prep" and kid.text.lower() == "of" for kid in kids):  # "the possibility of a meeting"
            return Factuality("hypothetical", f"{POSSIBILITY} '{tok.text}'", i)
    return None


def _forgoer(parse: Parse, predicate: int) -> int | None:
    """The word that forgoes the predicate's act when the predicate is its direct complement ("failed to arrest",
    "refrained from criticizing", "stopped short of accusing"), else None; an act further down is not reached
    ("failed to report activity relating to accounts held by ...")."""
    tok = parse.tokens[predicate]
    head = parse.tokens[tok.head]
    if tok.dep == "xcomp" and head.lemma.lower() in FORGOING_VERBS:
        return None if _thing_subject(parse, head.i) else head.i
    if tok.dep != "pcomp" or head.dep != "prep" or head.text.lower() not in ("from", "of"):
        return None
    forgoer = parse.tokens[head.head]
    # the adverb is the preposition's head ("stopped short of") or beside it ("steering clear of")
    adverbs = [forgoer] + [parse.tokens[c] for c in parse.children(forgoer.i)]
    if forgoer.lemma.lower() in FORGOING_VERBS or any(
            a.dep in ("advmod", "prt", "acomp") and a.text.lower() in FORGOING_ADVERBS for a in adverbs):
        return forgoer.i
    return None


def _thing_subject(parse: Parse, verb: int) -> bool:
    """The verb's subject (a relative pronoun's antecedent) is a weapon or another thing ("explosives which
    failed to detonate")."""
    subject = next((c for c in parse.children(verb) if parse.tokens[c].dep in ("nsubj", "nsubjpass")), None)
    if subject is not None and parse.tokens[subject].text.lower() in RELATIVE_PRONOUNS and \
            parse.tokens[verb].dep == "relcl":
        subject = parse.tokens[verb].head
    return subject is not None and parse.tokens[subject].lemma.lower() in THING_NOUNS


#: (dependency, word) of a subject's determiners that say nobody did it ("no protesters", "neither X nor Y").
NEGATIVE_DETERMINERS = frozenset({("preconj", "neither"), ("det", "neither"), ("det", "no")})


def _negative_subject(parse: Parse, subject: int) -> bool:
    """A subject that says nobody did it or had it done: "nobody", "no one", "no protesters", "neither X nor Y"."""
    return parse.tokens[subject].text.lower() in NEGATIVE_PRONOUNS or any(
        (parse.tokens[c].dep, parse.tokens[c].text.lower()) in NEGATIVE_DETERMINERS for c in parse.children(subject))


def _negative_adverbial(parse: Parse, verb: int) -> int | None:
    """A prepositional adverbial with a negative determiner ("at no time", "in no way", "under no
    circumstances"): the determiner token, else None."""
    auxes = [c for c in parse.children(verb) if parse.tokens[c].dep in AUXILIARY_DEPS]
    for p in parse.children(verb) + [c for a in auxes for c in parse.children(a)]:  # "At no time did police ..."
        if parse.tokens[p].dep != "prep":
            continue
        for o in parse.children(p):
            if parse.tokens[o].dep != "pobj":
                continue
            for d in parse.children(o):
                if parse.tokens[d].dep == "det" and parse.tokens[d].text.lower() == "no":
                    return d
    return None


def _denied(parse: Parse, noun: int) -> bool:
    head = parse.tokens[parse.tokens[noun].head]
    return head.lemma.lower() in DENIALS and parse.tokens[noun].dep in ("dobj", "pobj")
