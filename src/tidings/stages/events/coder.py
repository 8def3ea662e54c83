"""Code events from frames: combine frame verbs with their content, set factuality, actors, date, place.

Per-type policy (which types open a frame, act jointly, absorb a purpose, keep a scheduled future, fall back
to a recipient, take a verbal code between civilians) is data: ``resources/data/ontology/coding.tsv``, read
through :func:`policy`."""
from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from tidings.models import ActorRef, Document, Event, Location, Parse, SentenceRef, Trigger
from tidings.resources import grammar, ontology, quotes
from tidings.resources import lexicon as lexicon_data
from tidings.resources.actors import load_kb
from tidings.resources.lexicon import Lexicon
from tidings.stages.events import actorrefs, factuality, frames, timing
from tidings.stages.events.frames import ARMED_SECTORS, NO_AGENT_RULE, REPORTING_VERBS, Frame
from tidings.stages.events.matching import Match, infinitival, match_sentence

#: Dependencies from a frame verb down to the event it frames ("agreed to withdraw", "demanded the release").
CONTENT_DEPS = grammar.labels("frame_content")
#: Prepositions that introduce a framed event ("called for the release", "agreed on a ceasefire").
CONTENT_PREPS = grammar.words("content_prepositions")
#: Dependencies of a purpose or manner clause whose demand belongs to the protest above it.
PURPOSE_DEPS = grammar.labels("purpose_clauses")
OBLIGATION_AUX = grammar.words("obligation_auxiliaries")
#: Subordinators of a condition whose subject is a threat's target ("... if the United States goes ahead").
CONDITIONS = grammar.words("conditional_marks")
#: Where a walk up from a phrase to its preposition stops (a subject or object is no place).
CLAUSE_ARGUMENTS = grammar.labels("clause_arguments")
OBLIGATION_RULE = "rule:obligation"
VISIT_MODE = "visit"
#: The evidence notes of an event recoded by its type's ``verbal_code`` ("the senator attacked her rival") or
#: ``armed_code`` ("militants struck").
VERBAL_RULE = "rule:verbal-attack"
ARMED_RULE = "rule:armed-sense"
#: Sectors of parties that fight: armed forces and armed groups (a police strike is still a labour strike).
FIGHTING_SECTORS = ARMED_SECTORS - {"COP", "SPY"}
#: Verbs that report a demand when their clause holds an obligation ("said Iran must stop ...", ``cues.json``).
OBLIGATION_REPORTING_VERBS = quotes.load().obligation_reporting
PREPOSITIONS = grammar.words("pattern_prepositions")
MAX_PAIRS = 6


@dataclass
class Coded:
    """A frame on its way to becoming events: its code, status and the explanation of each choice."""

    frame: Frame
    sentence: int
    cameo: str
    type: str
    mode: str | None
    context: list[str]
    status: factuality.Factuality
    actors: list[int]
    recipients: list[int]
    evidence: str
    notes: list[str] = field(default_factory=list)


def cameo_entry(code: str) -> ontology.CameoCode:
    return ontology.load().code(code)


def policy(type_: str) -> ontology.TypePolicy:
    """How a PLOVER type is coded (``coding.tsv``)."""
    return ontology.load().policy(type_)


def _mode_for(type_: str, *candidates: str | None) -> str | None:
    allowed = ontology.load().modes.get(type_, ())
    return next((m for m in candidates if m and m in allowed), None)


def hops_below(parse: Parse, upper: int, lower: int, allowed: frozenset[str] = CONTENT_DEPS,
               max_hops: int = 4, first: frozenset[str] = frozenset()) -> int | None:
    """How many complement links lead from ``upper`` down to ``lower`` (None when not governed).

    ``first`` lists extra dependencies allowed on the first link only (an event noun as the
    subject of the framed clause: "warned that an invasion could ...").
    """
    i, hops = lower, 0
    while hops < max_hops and parse.tokens[i].head != i:
        tok = parse.tokens[i]
        ok = tok.dep in allowed or (hops == 0 and tok.dep in first) or \
            (tok.dep == "advcl" and infinitival(parse, i))
        if not ok or (tok.dep == "prep" and tok.text.lower() not in CONTENT_PREPS):
            return None
        i = tok.head
        hops += 1
        if i == upper:
            return hops
    return None


def _commissive(content_code: str) -> str:
    """Cooperative content makes a promise, conflictual content a threat."""
    return "intent" if cameo_entry(content_code).quad_class <= 2 else "threat"


def _combine(outer: str, content: Coded) -> tuple[str, str] | None:
    """(kind, code) for a frame of ``outer`` kind over ``content`` (None when it has no such reading)."""
    kind = _commissive(content.cameo) if outer in ("intent", "threat") else outer
    if outer == "reject" and content.type in ("REJECT",):
        return None
    code = lexicon_data.combine(kind, content.cameo)
    return (kind, code) if code else None


def _coded(parse: Parse, frame: Frame, sentence: int) -> Coded:
    pattern = frame.pattern
    status = factuality.assess(parse, frame.anchor, nominal=frame.nominal)
    recipients = list(frame.recipients)
    notes = [f"actor: {frame.actor_rule}", f"recipient: {frame.recipient_rule}"]
    # "issued a declaration demanding that Kabul free ...": a thing as the object leaves the addressee to find
    if not any(frames.names_party(parse, r) for r in recipients) and policy(pattern.type).frame == "request":
        addressee = _addressee(parse, frame.anchor, frame.match.tokens)
        if addressee is not None:
            recipients = frames.conjuncts(parse, addressee)
            notes[1] = "recipient: subject of the demanded clause"
    agents = _event_agents(parse, frame.anchor, recipients, frame.actors)
    if agents:
        recipients, notes[1] = agents, "recipient: the party doing the event named as the object"
    return Coded(frame, sentence, pattern.cameo, pattern.type, pattern.mode, list(pattern.context), status,
                 list(frame.actors), recipients, pattern.id, notes)


def _event_agents(parse: Parse, anchor: int, heads: list[int], actors: list[int]) -> list[int]:
    """For an event noun as the object ("condemned the attack by militias on US troops"), who did it; for a thing
    the event itself takes ("welcomed the decision by India", "rejected Morales's bid"), whose it is, when its own
    words name the owner (not in "promised to halve the US's deficit": that thing is another verb's)."""
    if len(heads) != 1:
        return []
    if parse.tokens[heads[0]].lemma.lower() in event_nouns():
        agent, _ = frames.noun_agent(parse, heads[0])
    elif _thing_noun(parse, heads[0]) and _own_object(parse, anchor, heads[0]):
        agent = frames.child(parse, heads[0], "poss")
        agent = frames.prep_object(parse, heads[0], ("by",)) if agent is None else agent
        if agent is not None and not _owning_party(parse, agent):
            return []  # "the nation's policies", "his party's plans": no one, or the actor's own side
    else:
        return []
    if agent is None or agent in actors or actorrefs.is_pronoun(parse, agent):
        return []  # "pressed their demands": a pronoun owner points back at the actor; keep the phrase
    return frames.conjuncts(parse, agent)


def _own_object(parse: Parse, anchor: int, i: int) -> bool:
    """``i`` hangs from ``anchor`` itself, directly or through one of its prepositions ("backed the plan",
    "protested against the plan")."""
    head = parse.tokens[i].head
    return head == anchor or parse.tokens[head].dep == "prep" and parse.tokens[head].head == anchor


def _owning_party(parse: Parse, i: int) -> bool:
    """An owner named as a party or an office the knowledge base knows, not a mere group ("the nation") nor a
    body a pronoun makes someone's own ("his party")."""
    own = frames.child(parse, i, "poss")
    if own is not None and actorrefs.is_pronoun(parse, own):
        return False
    return frames.names_party(parse, i) or parse.lower_lemmas[i] in load_kb().roles


def _thing_noun(parse: Parse, i: int) -> bool:
    """A common noun that names neither a party nor people ("the decision", "a bid")."""
    return parse.tokens[i].pos == "NOUN" and not frames.names_party(parse, i) and not _people_noun(parse, i)


def _people_noun(parse: Parse, i: int) -> bool:
    """A noun of people: a role the knowledge base knows or a plain person noun ("counterpart", "troops")."""
    return parse.lower_lemmas[i] in actorrefs.PERSON_NOUNS or parse.lower_lemmas[i] in load_kb().roles


def _addressee(parse: Parse, anchor: int, tokens: tuple[int, ...] = ()) -> int | None:
    """Who is asked to act in "demanded that Iran stop ..." (the subject of the complement clause), also
    under a participle of the request's noun ("issued a statement demanding that Iran stop ..."), or the by-agent
    of the demanded act ("called for an inquiry by the ombudsman")."""
    heads = [anchor, *(t for t in tokens if t != anchor)]
    heads += [c for h in heads[1:] for c in parse.children(h) if parse.tokens[c].dep == "acl"]
    for c in (c for h in heads for c in parse.children(h)):
        if parse.tokens[c].dep in ("ccomp", "xcomp"):
            subject = frames.child(parse, c, "nsubj", "nsubjpass")
            if subject is not None and not actorrefs.is_pronoun(parse, subject):
                return subject
    for noun in (h for h in heads if parse.tokens[h].pos == "NOUN"):
        agent = frames.prep_object(parse, noun, ("by",))
        if agent is not None:
            return agent  # "called for an investigation by the information commissioner": who is to act
    return None


def _merge(outer: Coded, content: Coded, kind: str, code: str, why: str) -> Coded:
    entry = cameo_entry(code)
    context = list(dict.fromkeys([*entry.plover_context, *content.context]))
    return Coded(
        frame=outer.frame, sentence=outer.sentence, cameo=code, type=entry.plover_type,
        mode=_mode_for(entry.plover_type, content.mode, entry.plover_mode), context=context,
        status=outer.status if outer.frame is not content.frame else factuality.ASSERTED,
        actors=outer.actors or content.actors, recipients=_merged_recipients(outer, content, kind),
        evidence=f"{outer.evidence} + {content.evidence}" if outer is not content else f"{kind}: {content.evidence}",
        notes=outer.notes + [why],
    )


def frame_kind(item: Coded) -> str | None:
    """The frame a pattern opens: its own ``frame=`` option, else the one of its type."""
    return item.frame.pattern.frame or policy(item.frame.pattern.type).frame


def _merged_recipients(outer: Coded, content: Coded, kind: str) -> list[int]:
    """Who a combined event targets: the frame's own object, else for a request whoever is asked to act."""
    if outer is content:
        return content.recipients
    if kind == "request":
        return outer.recipients or content.actors or content.recipients
    return outer.recipients or content.recipients


def code_sentence(doc: Document, sentence: int, lexicon: Lexicon) -> list[Coded]:
    """Coded frames of one sentence after frame combination, protest purposes and modality."""
    parse = actorrefs.parse_of(doc)
    built = [frames.build(parse, m) for m in match_sentence(parse, sentence, lexicon)]
    built = [f for f in built if not _modifier_noun(parse, f) and not _object_of_event(parse, f, built)
             and not _preposition_for_infinitive(parse, f)]
    coded = [_coded(parse, f, sentence) for f in built]
    coded.extend(_obligations(parse, sentence, coded))
    consumed: set[int] = set()
    out: list[Coded] = []
    for outer in sorted(coded, key=lambda c: _depth(parse, c.frame.anchor)):
        kind = frame_kind(outer)
        if not kind or id(outer) in consumed:
            continue
        contents = _framed(parse, outer, [c for c in coded if c is not outer and id(c) not in consumed])
        for content in contents:
            combo = _combine(kind, content)
            if combo is None:
                continue
            consumed.update((id(content), id(outer)))
            out.append(_merge(outer, content, *combo, why=f"frame '{outer.frame.pattern.text}' "
                                                           f"over '{content.frame.pattern.text}'"))
    for item in coded:
        if id(item) not in consumed:
            read = item if _scheduled(doc, item) else _read_modality(parse, item)
            if not _partyless_noun(read):
                out.append(read)
    return _absorb_purposes(parse, out)


def _modifier_noun(parse: Parse, frame: Frame) -> bool:
    """An event noun used as a modifier of another noun ("war games", "war-torn")."""
    return frame.nominal and parse.tokens[frame.anchor].dep in ("compound", "amod")


def _preposition_for_infinitive(parse: Parse, frame: Frame) -> bool:
    """A pattern ending in "to" ("vow to", "offer to") matched on the preposition of a thing given
    ("swore allegiance to the king", "offered condolences to Morocco"); "agreed to an extension" stays."""
    words = frame.pattern.words
    kind = frame.pattern.frame or policy(frame.pattern.type).frame
    if not words or words[-1] != "to" or frame.nominal or kind not in ("intent", "threat"):
        return False  # "refusing admittance to Ghanaians" is still a refusal
    to = [i for i in frame.match.tokens if parse.tokens[i].text.lower() == "to"]
    return bool(to) and parse.tokens[to[-1]].dep in ("prep", "dative") and \
        frames.child(parse, frame.anchor, "dobj") is not None


def _object_of_event(parse: Parse, frame: Frame, others: list[Frame]) -> bool:
    """An event noun that is the object of another coded verb ("brokered a truce") belongs to that event."""
    if not frame.nominal:
        return False
    tok = parse.tokens[frame.anchor]
    return tok.dep == "dobj" and any(o is not frame and not o.nominal and o.anchor == tok.head
                                     and not (o.pattern.frame or policy(o.pattern.type).frame) for o in others)


def _partyless_noun(item: Coded) -> bool:
    """An event noun left with neither actor nor recipient ("the war", "clashes") says too little to code."""
    return item.frame.nominal and not (item.actors or item.recipients)


def _framed(parse: Parse, outer: Coded, others: list[Coded]) -> list[Coded]:
    """The nearest events governed by a frame verb (with their coordinated siblings)."""
    hops = [(hops_below(parse, outer.frame.anchor, c.frame.anchor,
                        first=frozenset({"nsubj"}) if c.frame.nominal else frozenset()), c) for c in others]
    found = [(h, c) for h, c in hops if h is not None]
    objects = [(h, c) for h, c in found if parse.tokens[c.frame.anchor].dep != "nsubj"]
    found = objects or found  # "warned that an invasion would bring sanctions": the threat is the sanctions
    if not found:
        return []
    nearest = min(h for h, _ in found)
    first = [c for h, c in found if h == nearest]
    siblings = [c for h, c in found if h > nearest and any(
        hops_below(parse, f.frame.anchor, c.frame.anchor, frozenset({"conj"})) for f in first)]
    return first + siblings


def _depth(parse: Parse, i: int) -> int:
    d = 0
    while parse.tokens[i].head != i and d < 50:
        i = parse.tokens[i].head
        d += 1
    return d


def _absorb_purposes(parse: Parse, items: list[Coded]) -> list[Coded]:
    """An event stated as another's purpose ("marched to demand reforms") is part of it, where the host's type
    ``absorbs`` the purpose's (``coding.tsv``: a protest absorbs its demands)."""
    hosts = [p for p in items if policy(p.type).absorbs]
    out = []
    for item in items:
        host = next((p for p in hosts if item.type in policy(p.type).absorbs and
                     hops_below(parse, p.frame.anchor, item.frame.anchor, PURPOSE_DEPS | CONTENT_DEPS)), None)
        if host is None:
            out.append(item)
            continue
        if not host.recipients:
            host.recipients = item.recipients
        host.notes.append(f"purpose '{item.frame.pattern.text}' folded into the protest")
        host.evidence = f"{host.evidence} + {item.evidence}"
    return out


def _obligations(parse: Parse, sentence: int, coded: list[Coded]) -> list[Coded]:
    """Reported obligations without a lexicon event ("X said Y must ensure security") as requests."""
    anchored = {parse.clause_head(c.frame.anchor) for c in coded}
    out = []
    for tok in parse.sentence_tokens(sentence):
        if tok.dep != "aux" or tok.text.lower() not in OBLIGATION_AUX or tok.head in anchored:
            continue
        verb = tok.head
        speech = _speech_governor(parse, verb)
        subject = frames.child(parse, verb, "nsubj")
        if speech is None or parse.tokens[speech].lemma.lower() not in OBLIGATION_REPORTING_VERBS or subject is None \
                or parse.tokens[verb].lemma.lower() == "be" or frames.is_passive(parse, verb) \
                or parse.tokens[subject].pos not in ("NOUN", "PROPN"):
            continue
        pattern = lexicon_data.make_pattern(OBLIGATION_RULE, [tok.text.lower()], "100")
        match = Match(pattern, tok.i, (tok.i,), None)
        frame = Frame(match=match, anchor=verb, nominal=False)
        subject, rule = frames.subject_of(parse, verb)
        frame.actors = frames.conjuncts(parse, subject) if subject is not None else []
        frame.actor_rule = rule
        out.append(Coded(frame, sentence, "100", "REQUEST", None, [], factuality.ASSERTED, list(frame.actors), [],
                         OBLIGATION_RULE, [f"obligation '{tok.text}' with no coded content"]))
    return out


def _speech_governor(parse: Parse, i: int) -> int | None:
    """The verb of saying whose reported clause contains token ``i``."""
    hops = 0
    while parse.tokens[i].head != i and hops < 6:
        dep = parse.tokens[i].dep
        i = parse.tokens[i].head
        hops += 1
        if dep in ("ccomp", "xcomp", "parataxis", "advcl") and parse.tokens[i].lemma.lower() in REPORTING_VERBS:
            return i
        if dep in ("relcl",):
            return None
    return None


def _scheduled(doc: Document, item: Coded) -> bool:
    """A future event with its own date of a type that ``keeps_when_scheduled`` ("will speak by phone on
    Thursday") stays of its type."""
    if not policy(item.type).keeps_when_scheduled or item.status.status != "future":
        return False
    return timing.event_timing(doc, item.frame.anchor, item.sentence, item.status.status).date is not None


def _read_modality(parse: Parse, item: Coded) -> Coded:
    """Obligations under a speech verb become requests; promised or threatened actions become AGREE/THREATEN."""
    anchor = item.frame.anchor
    clause = parse.clause_head(anchor)
    aux = {parse.tokens[c].text.lower() for c in parse.children(clause) if parse.tokens[c].dep == "aux"}
    speech = _speech_governor(parse, anchor)
    speaker = frames.subject_of(parse, speech)[0] if speech is not None else None
    if aux & OBLIGATION_AUX and speech is not None and speaker is not None:
        code: str | None = lexicon_data.combine("request", item.cameo) or "100"
        if code:
            merged = _merge(item, item, "request", code, f"obligation '{'/'.join(sorted(aux & OBLIGATION_AUX))}' "
                                                         f"reported by '{parse.tokens[speech].text}'")
            merged.actors = frames.conjuncts(parse, speaker)
            merged.recipients = item.actors or item.recipients
            return merged
    status = item.status.status
    if policy(item.type).frame or item.status.reason.startswith(("conditional", factuality.POSSIBILITY)):
        return item  # a condition or a mere possibility ("the possibility of a meeting") is nobody's promise
    if status == "negated" and (aux & factuality.FUTURE_AUX or aux & factuality.MODAL_AUX) and \
            cameo_entry(item.cameo).quad_class <= 2:
        code = lexicon_data.combine("reject", item.cameo)
        if code:
            return _merge(item, item, "reject", code, "refusal: negated future of a cooperative act")
    if status in ("future", "hypothetical") and (speaker is not None or item.frame.actors):
        kind = _commissive(item.cameo)
        code = lexicon_data.combine(kind, item.cameo)
        if code:
            reading = "promise" if kind == "intent" else "threat"
            merged = _merge(item, item, kind, code, f"{status} act read as a {reading}")
            merged.status = item.status
            if speaker is not None and not _names_actor(parse, item.actors):
                merged.actors = frames.conjuncts(parse, speaker)
            return merged
    return item


def _names_actor(parse: Parse, heads: list[int]) -> bool:
    """True when the actor phrase is a party, not an event noun or nothing ("an invasion could ...")."""
    return any(parse.tokens[h].pos in ("PROPN", "PRON") or parse.tokens[h].ent_type or
               parse.tokens[h].lemma.lower() not in event_nouns() for h in heads)


@functools.cache
def event_nouns() -> frozenset[str]:
    """Head words of the lexicon's event nouns ("invasion", "bombing", "talks")."""
    nouns = set()
    for pattern in lexicon_data.builtin().patterns:
        if pattern.pos != "noun":
            continue
        chunk = []
        for word in pattern.words:
            if word == lexicon_data.SLOT or word in PREPOSITIONS:
                break
            chunk.append(word)
        if chunk:
            nouns.add(chunk[-1])  # "prisoner swap" → swap, "invasion of *" → invasion
    return frozenset(nouns)


def is_doer(doc: Document, ref: ActorRef) -> bool:
    """A phrase that may act: named or known, or any phrase not headed by an event noun ("lawyers", "the
    watchdog")."""
    return actorrefs.is_party(doc, ref, event_nouns=event_nouns())


def _placed_event(parse: Parse, i: int) -> bool:
    """An event noun whose only names sit in place phrases ("the war in Iraq", "the explosions near US embassies
    in Kenya"): where it happened, not who was acted on."""
    tok = parse.tokens[i]
    if tok.pos != "NOUN" or tok.ent_type in actorrefs.PARTY_ENTITIES or tok.lemma.lower() not in event_nouns():
        return False
    names = [k for k in parse.subtree(i) if k != i and (parse.tokens[k].pos == "PROPN"
                                                        or parse.tokens[k].ent_type in actorrefs.PARTY_ENTITIES)]
    return bool(names) and all(_under_placing_prep(parse, k, i) for k in names)


def _under_placing_prep(parse: Parse, k: int, top: int) -> bool:
    """Token ``k`` sits in a place phrase ("in Kenya", "near the embassy") below ``top``."""
    while k != top and parse.tokens[k].head != k:
        tok = parse.tokens[k]
        if tok.dep == "pobj" and parse.tokens[tok.head].text.lower() in PLACING_PREPS:
            return True
        k = tok.head
    return False


def thing_head(parse: Parse, i: int) -> bool:
    """A phrase headed by an event or a thing, not a party ("the war in Iraq", "a second inquiry into X",
    "artillery"): a name inside its modifiers says where or about whom, not who is acted on."""
    tok = parse.tokens[i]
    return tok.pos == "NOUN" and tok.ent_type not in actorrefs.PARTY_ENTITIES and \
        (tok.lemma.lower() in event_nouns() or tok.lemma.lower() in actorrefs.NON_PARTY_NOUNS)


def resolve_heads(doc: Document, heads: list[int], *, cities: bool = False) -> list[ActorRef]:
    """ActorRefs for phrase heads, pronouns resolved by the coreference layer."""
    parse = actorrefs.parse_of(doc)
    refs: list[ActorRef] = []
    for head in heads:
        if actorrefs.is_pronoun(parse, head):
            refs.extend(actorrefs.refs_for(doc, head))
            continue
        found = actorrefs.refs_for(doc, head, cities=cities)
        name = _appositive_name(parse, head)
        if name is not None:
            named = actorrefs.refs_for(doc, name, cities=cities)
            if any(r.actor_id for r in named) or not any(_identified(r) for r in found):
                found = [_spanning(doc, r, found) for r in named]  # "the moderator, Lester Holt": the name
        if refs and _bare(parse, head):
            for ref in found:
                if not (ref.actor_id or ref.org):
                    ref.country = ref.country or refs[0].country
        refs.extend(found)
    return refs[: actorrefs.MAX_REFS]


def _spanning(doc: Document, ref: ActorRef, others: list[ActorRef]) -> ActorRef:
    """``ref`` with its span widened over the description it stands beside ("his successor, Donald Trump")."""
    spans = [(r.start, r.end) for r in [ref, *others] if r.start is not None and r.end is not None]
    if spans:
        ref.start, ref.end = min(a for a, _ in spans), max(b for _, b in spans)
        ref.text = doc.article.text[ref.start:ref.end]
    return ref


def _reporting_source(doc: Document, start: int, sector: str) -> ActorRef | None:
    """A copy of the speaker of sector ``sector`` to whom a quote holding character ``start`` is attributed
    ("..., police said", "according to the State Highway Patrol")."""
    speaker = next((q.speaker for q in doc.quotes if q.start <= start < q.end and q.speaker is not None
                    and q.speaker.sector == sector), None)
    return dataclasses.replace(speaker) if speaker is not None else None


def _appositive_name(parse: Parse, head: int) -> int | None:
    """The proper name in apposition to a common-noun head ("his successor, Donald Trump"), or a person's name
    the parser hung on the place or body inside the head's phrase ("the director of the Fair Housing Trust,
    Anna Berg", "the senior judge in Ohio, Lord Hale")."""
    if parse.tokens[head].pos != "NOUN":
        return None
    own = next((c for c in parse.children(head) if parse.tokens[c].dep == "appos"
                and parse.tokens[c].pos == "PROPN"), None)
    if own is not None:
        return own
    inner = [o for p in parse.children(head) if parse.tokens[p].dep == "prep"
             for c in parse.children(p) if parse.tokens[c].dep == "pobj" and parse.tokens[c].ent_type != "PERSON"
             for o in frames.conjuncts(parse, c)]
    return next((c for o in inner for c in parse.children(o) if parse.tokens[c].dep == "appos"
                 and parse.tokens[c].pos == "PROPN" and parse.tokens[c].ent_type in ("PERSON", "")), None)


def _controls(parse: Parse, item: Coded, ref: ActorRef) -> bool:
    """The ref is the object that is to do the verb's infinitive or gerund ("urged the prime minister to
    resign"): a person or group even when the actors layer does not know it."""
    head = frames.controller(parse, item.frame.anchor) if not item.frame.nominal else None
    return head is not None and ref.start is not None and ref.end is not None and \
        ref.start <= parse.tokens[head].start < ref.end


def _bare(parse: Parse, head: int) -> bool:
    """A conjunct with no modifier of its own shares the first conjunct's ("Israeli helicopters and tanks")."""
    return parse.tokens[head].dep == "conj" and not any(
        parse.tokens[c].dep in ("amod", "compound", "poss", "nmod") for c in parse.children(head))


#: Verbs of force that also mean attacking in words; only they are recoded as criticism between two people.
VERBAL_ATTACK_VERBS = grammar.words("verbal_attack_verbs")
#: Verbs of another type that mean an attack when an armed force or group does them ("militants struck").
ARMED_SENSE_VERBS = grammar.words("armed_sense_verbs")


def _lone_word(doc: Document, item: Coded, words: frozenset[str]) -> bool:
    """The event is one word of ``words`` alone, with at most a preposition ("attacked", "his attacks on"), not a
    pattern of several words ("launched an attack")."""
    content = [w for w in item.frame.pattern.literals if w not in PREPOSITIONS]
    return len(content) == 1 and actorrefs.parse_of(doc).tokens[item.frame.anchor].lemma.lower() in words


def _recoded(doc: Document, item: Coded, actor: ActorRef | None, recipient: ActorRef | None) -> tuple[str, str] | None:
    """(code, evidence note) when the doer gives a lone word the type's other sense: its ``verbal_code`` when one
    civilian person 'does' it to another ("The senator attacked her rival", "his attacks on his rival" are
    criticism), its ``armed_code`` when an armed force or group does it ("the militants struck" is no labour
    strike)."""
    rules = policy(item.type)
    if rules.verbal_code is not None and _lone_word(doc, item, VERBAL_ATTACK_VERBS):
        people = [doc.actor(r.actor_id) if r is not None else None for r in (actor, recipient)]
        if all(p is not None and p.kind == "person" and p.sector not in ARMED_SECTORS for p in people):
            return rules.verbal_code, VERBAL_RULE
        if _politician(doc, actor) and (recipient is None or recipient.sector not in ARMED_SECTORS):
            return rules.verbal_code, VERBAL_RULE  # "the Tory co-chairman attacked Labour's pledges"
    if rules.armed_code is not None and actor is not None and actor.sector in FIGHTING_SECTORS and \
            _lone_word(doc, item, ARMED_SENSE_VERBS):
        return rules.armed_code, ARMED_RULE
    return None


#: Sectors of politics: their people, and parties, attack in words ("the minister attacked the plans").
POLITICAL_SECTORS = frozenset({"GOV", "LEG", "PTY", "OPP", "ELI"})


def _politician(doc: Document, ref: ActorRef | None) -> bool:
    """A person of politics or a party ("the Lib Dem leader", "the Tories"), not a government or an army."""
    if ref is None:
        return False
    role = actorrefs.head_role(doc, ref)
    if role is not None and role.sector in ARMED_SECTORS:
        return False  # "Hun Sen's troops"
    sector = _sector_of(doc, ref)
    return sector in ("PTY", "OPP") or sector in POLITICAL_SECTORS and _person(doc, ref)


def _joint(item: Coded, actors: list[ActorRef | None]) -> bool:
    """A joint act with two or more distinct named parties as its actor and no named recipient."""
    named = [a for a in actors if a is not None and _identified(a)]
    return policy(item.type).is_joint(item.cameo) and len(named) >= 2 and \
        not _same_party(named[0], named[1])


def _same_party(a: ActorRef, b: ActorRef) -> bool:
    """Same actor, unless one phrase names two countries ("Egyptian and Israeli officials")."""
    return actorrefs.same_actor(a, b) and (a.actor_id == b.actor_id or a.country == b.country)


def _bare_verb(item: Coded) -> bool:
    """A pattern that is just a verb and its object (no particle, preposition or noun to narrow it)."""
    pattern = item.frame.pattern
    return not item.frame.nominal and len(pattern.literals) == 1 and lexicon_data.SLOT in pattern.words \
        and item.evidence == pattern.id


def _concrete(doc: Document, ref: ActorRef) -> bool:
    """A known party, a name, or a plural group of people or things ("protesters", "homes")."""
    if _identified(ref):
        return True
    tokens = actorrefs.parse_of(doc).tokens_in(ref.start, ref.end) \
        if ref.start is not None and ref.end is not None else []
    return any(t.pos == "PROPN" or t.ent_type in actorrefs.PARTY_ENTITIES or t.tag in ("NNS", "NNPS")
               for t in tokens)


def _sector_of(doc: Document, ref: ActorRef) -> str | None:
    """The party's sector, its own or its actor's."""
    actor = doc.actor(ref.actor_id) if ref.actor_id else None
    return ref.sector or (actor.sector if actor is not None else None)


def _names_event(doc: Document, ref: ActorRef) -> bool:
    """An object that is an event ("condemned the attack"), which a lone verb may well be about."""
    tokens = actorrefs.parse_of(doc).tokens_in(ref.start, ref.end) \
        if ref.start is not None and ref.end is not None else []
    nouns = [t for t in tokens if t.pos == "NOUN"]
    return bool(nouns) and nouns[0].lemma.lower() in event_nouns()


def _identified(ref: ActorRef | None) -> bool:
    return ref is not None and bool(ref.actor_id or ref.country or ref.org or ref.sector)


def _domestic_default(doc: Document, sentence: int, refs: list[ActorRef | None]) -> None:
    """Give a party with no country (gunmen, students, police) the country where the event happens
    (a place named in the sentence), else the other parties' country when they agree (CAMEO's domestic
    default)."""
    named = [r for r in refs if r is not None and r.country]
    unnamed = [r for r in refs if r is not None and not r.country and not r.org and r.start is not None
               and is_doer(doc, r)]
    if not unnamed:
        return
    sent = actorrefs.parse_of(doc).sentences[sentence]
    places = [p for p in doc.places if sent.start <= p.start < sent.end and p.country and p.role == "location"]
    countries = {p.country for p in places[:1]} or {r.country for r in named}
    country = countries.pop() if len(countries) == 1 else None  # no default when the parties disagree
    # "Energy Minister X accused Moscow": the other party's country would make X a part of the body X acts on (an
    # adviser a president summons is another person of the same government: "summoned his adviser, Brian Deese")
    bodies = {(r.country, r.sector) for r in named if not _person(doc, r)}
    for ref in unnamed:
        if places or ref.sector is None or (country, ref.sector) not in bodies:
            ref.country = country


def _person(doc: Document, ref: ActorRef) -> bool:
    actor = doc.actor(ref.actor_id) if ref.actor_id else None
    return actor is not None and actor.kind == "person"


def _condition_subject(doc: Document, item: Coded) -> list[ActorRef]:
    """The subject of the event's condition ("... if the United States goes ahead"): a threat's target."""
    return resolve_heads(doc, _conditioned(actorrefs.parse_of(doc), item))


def _conditioned(parse: Parse, item: Coded) -> list[int]:
    """The subject of a threat's condition ("... if the United States goes ahead") is its target."""
    for anchor in (item.frame.anchor, *item.frame.match.tokens):
        for c in parse.children(anchor):
            tok = parse.tokens[c]
            if tok.dep == "advcl" and any(parse.tokens[k].text.lower() in CONDITIONS
                                          for k in parse.children(c) if parse.tokens[k].dep == "mark"):
                subject = frames.child(parse, c, "nsubj")
                if subject is not None and not actorrefs.is_pronoun(parse, subject):
                    return frames.conjuncts(parse, subject)
    return []


def _claim_subject(doc: Document, item: Coded) -> list[ActorRef]:
    """Who a claim is about: the named subject of its that-clause ("alleged that Mr Ebbers hid the losses"), or
    the agent when that clause is passive ("allege the attacks were plotted by X")."""
    parse = actorrefs.parse_of(doc)
    if item.frame.nominal:
        return []
    for clause in parse.children(item.frame.anchor):
        if parse.tokens[clause].dep != "ccomp":
            continue
        subject = frames.child(parse, clause, "nsubj")
        agent = frames.child(parse, clause, "agent")
        if subject is None and agent is not None:
            subject = frames.child(parse, agent, "pobj")
        if subject is not None:
            return [r for r in resolve_heads(doc, frames.conjuncts(parse, subject)) if actorrefs.is_party(doc, r)]
    return []


def _location_state(doc: Document, item: Coded) -> list[ActorRef]:
    """The state where the event happens: a protest with no named target is addressed to it (CAMEO practice)."""
    sent = actorrefs.parse_of(doc).sentences[item.sentence]
    for place in doc.places:
        if sent.start <= place.start < sent.end and place.country and place.role == "location":
            return [ActorRef(text=place.text, name=place.name, country=place.country, sector="GOV",
                             start=place.start, end=place.end)]
    return []


#: The recipient fallbacks ``coding.tsv`` may name (``ontology.RECIPIENT_FALLBACKS``), by name.
RECIPIENT_FALLBACKS: dict[str, Callable[[Document, Coded], list[ActorRef]]] = {
    "location_state": _location_state,
    "condition_subject": _condition_subject,
    "claim_subject": _claim_subject,
}


def _owner(doc: Document, item: Coded, actors: list[ActorRef | None]) -> list[ActorRef]:
    """A named party inside the pattern's own nouns ("rejected a US offer", "a Senegalese peace plan")."""
    parse = actorrefs.parse_of(doc)
    for i in item.frame.match.tokens:
        if parse.tokens[i].pos != "NOUN" or i == item.frame.anchor and not item.frame.nominal:
            continue
        if _people_noun(parse, i):
            # "met his Russian counterpart Sergei Lavrov": people of another side are the party, with their name
            # (not "Russian"); the actor's own ("deployed their forces") are not
            own = {side for a in actors if a is not None for side in (a.country, a.org) if side}
            people = [r for r in resolve_heads(doc, [i]) if (r.country or r.org) and not {r.country, r.org} & own]
            if people:
                return people[:1]
        ref = actorrefs.inner_party_ref(doc, i)
        owner = frames.child(parse, i, "poss")
        if ref is None and owner is not None and actorrefs.is_pronoun(parse, owner):
            ref = next(iter(actorrefs.refs_for(doc, owner)), None)  # "Kyiv rejected its proposal": whose it is
        if ref is not None and not any(a is not None and actorrefs.same_actor(a, ref) for a in actors):
            return [ref]
    return []


def _possessor(doc: Document, heads: list[int], actors: list[ActorRef | None]) -> list[ActorRef]:
    """The party behind a thing as the object, named by a possessive pronoun ("welcomed his apology", "their
    demands were backed by X"): whose the thing is, when the coreference layer resolves it."""
    parse = actorrefs.parse_of(doc)
    for head in heads:
        owner = frames.child(parse, head, "poss")
        if parse.tokens[head].pos != "NOUN" or owner is None or not actorrefs.is_pronoun(parse, owner):
            continue
        refs = [r for r in actorrefs.refs_for(doc, owner) if actorrefs.is_party(doc, r)]
        if refs and not any(a is not None and actorrefs.same_actor(a, r) for a in actors for r in refs):
            return refs
    return []


#: Prepositions that place an event somewhere ("talks in Geneva", "clashes near the border").
LOCATIVE_PREPS = grammar.words("locative_prepositions")


def _locative(parse: Parse, start: int, end: int) -> bool:
    """True when the span sits under a locative preposition (not inside an actor's name)."""
    tokens = parse.tokens_in(start, end)
    if not tokens:
        return False
    i = tokens[0].i
    for _ in range(4):
        tok = parse.tokens[i]
        if tok.dep == "pobj" and parse.tokens[tok.head].text.lower() in LOCATIVE_PREPS:
            return True
        if tok.head == i or tok.dep in CLAUSE_ARGUMENTS:
            return False
        i = tok.head
    return False


def event_location(doc: Document, anchor: int, sentence: int) -> Location | None:
    parse = actorrefs.parse_of(doc)
    sent = parse.sentences[sentence]
    for place in doc.places:
        if place.role != "location" or not (sent.start <= place.start < sent.end):
            continue
        if _locative(parse, place.start, place.end) and timing.same_clause(parse, anchor, place.start, place.end):
            return Location(text=place.text, name=place.name, country=place.country, lat=place.lat,
                            lon=place.lon, geonames_id=place.geonames_id)
    return None


def event_id(doc: Document, sentence: int, trigger: Trigger, type_: str, k: int) -> str:
    key = f"{doc.article.id}|{sentence}|{trigger.start}|{trigger.end}|{type_}|{k}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _confidence(parse: Parse, item: Coded, actor_named: bool, recipient_named: bool) -> float:
    """Longer patterns, parties named in the text and main clauses make a coding more certain."""
    score = 0.5 + 0.04 * min(3, len(item.frame.pattern.literals) - 1)
    score -= 0.1 * min(4, parse.clause_depth(item.frame.anchor))
    score += 0.15 if actor_named else 0.0
    score += 0.1 if recipient_named else 0.0
    score -= 0.1 if item.frame.nominal and not item.actors else 0.0
    return round(max(0.05, min(0.95, score)), 2)


#: Place features that stand for no government as a noun's modifier: a town, county or region names where
#: force was used ("an Adair County shooting", "the Nairobi bombing"), a country may name who used it ("US strikes").
SCENE_FEATURES = frozenset({"city", "admin1", "region", "other"})


def _scene_of_force(doc: Document, item: Coded, ref: ActorRef) -> bool:
    """A town, county or region modifying a noun of force itself is where it happened, not who did it (a place
    modifying a modifier names whose it is: "the New York City police shooting")."""
    if item.frame.actor_rule != "modifier" or cameo_entry(item.cameo).quad_class != 4 or ref.start is None \
            or ref.end is None:
        return False
    parse = actorrefs.parse_of(doc)
    if not any(t.head == item.frame.anchor for t in parse.tokens_in(ref.start, ref.end)):
        return False
    return any(p.start == ref.start and p.end == ref.end and p.feature in SCENE_FEATURES for p in doc.places)


def to_events(doc: Document, item: Coded) -> list[Event]:
    """One Event per actor × recipient pair of a coded frame."""
    parse = actorrefs.parse_of(doc)
    anchor = item.frame.anchor
    sent = parse.sentences[item.sentence]
    tok = parse.tokens[anchor]
    trigger = Trigger(text=tok.text, start=tok.start, end=tok.end)
    entry = cameo_entry(item.cameo)
    actors: list[ActorRef | None] = [a for a in resolve_heads(doc, item.actors)
                                     if is_doer(doc, a) and not _scene_of_force(doc, item, a)] or [None]
    if actors == [None] and item.frame.actor_rule == NO_AGENT_RULE and (sector := policy(item.type).source_agent):
        source = _reporting_source(doc, tok.start, sector)  # "two men were charged, police said"
        if source is not None:
            actors = [source]
    if item.actors and all(natural_force(parse, a) for a in item.actors):
        return []  # "the storm killed 12 people", "Typhoon Haiyan struck the Philippines": nature is no party
    # a city stands for its country as the target of force, and as the host of a visit ("arrived in Paris")
    heads = item.recipients
    if any(_identified(a) for a in actors):
        # "condemned the bombings near US embassies in Kenya": an event with no named doer is no party, nor is a
        # place or name inside it (GUIDE: the party behind a thing, or none)
        heads = [h for h in heads if not _placed_event(parse, h)]
    objects = resolve_heads(doc, heads, cities=entry.quad_class >= 3 or item.mode == VISIT_MODE)
    recipients = [r for r in objects if actorrefs.is_party(doc, r)  # named or known to the actors layer
                  or _controls(parse, item, r) and is_doer(doc, r)
                  or actorrefs.names_people(doc, r)]  # "detained three men", "urged the minister"
    # "rejected a Chinese proposal to sign a treaty with it": the actor itself is no recipient, so look further
    reflexive = _reflexive(parse, item.recipients)
    if reflexive and tok.lemma.lower() in SELF_HARM_VERBS:
        return []  # "the gunman later killed himself": a suicide is no attack on anyone
    recipients = [r for r in recipients if not any(_self_dyad(doc, a, r, reflexive=reflexive) for a in actors)
                  and not place_as_location(doc, r, _own_prepositions(item, actors))]
    if not any(r.actor_id or r.country or r.org for r in recipients):
        recipients = _owner(doc, item, actors) or recipients
    if not recipients:
        recipients = _possessor(doc, item.recipients, actors)
    if not recipients and (fallback := policy(item.type).recipient_fallback):
        recipients = RECIPIENT_FALLBACKS[fallback](doc, item)
    if not any(_identified(r) for r in recipients) and _joint(item, actors):
        objects = []  # "X and Y met to discuss the truce": a joint act needs no party as its object
    if item.frame.nominal and actors == [None] and not recipients:
        return []  # an event noun with no party left after resolution says too little
    if not any(_identified(r) for r in [*actors, *recipients]):
        return []  # like PETRARCH, code only when the actors layer knows at least one party
    if _bare_verb(item) and entry.quad_class <= 3 and objects and not any(
            _concrete(doc, r) or _names_event(doc, r) or actorrefs.names_role(doc, r) for r in objects):
        return []  # "support a decision": a lone verb with an object needs a party, people or an office
    if recipients and all(_sector_of(doc, r) in policy(item.type).not_with for r in recipients):
        return []  # "met BBC journalists", "a meeting with the editorial board of the Post": a press interview
    targets: list[ActorRef | None] = [*recipients] or [None]  # no recipient: one recipient-less event
    status = item.status.status
    if status == "asserted" and timing.arranged(doc, anchor):
        status = "future"  # "is holding talks on Friday": a present progressive with a day to come is an arrangement
    when = timing.event_timing(doc, anchor, item.sentence, status)
    if item.frame.nominal and status == "asserted" and timing.after_publication(doc, when.date):
        status = "future"  # "talks between A and B on Friday" in Thursday's news: a noun has no tense to say so
    where = event_location(doc, anchor, item.sentence)
    named = {id(r) for r in [*actors, *targets] if r is not None and (r.actor_id or r.country)}
    own_country = {id(r) for r in [*actors, *targets] if r is not None and r.country}
    _domestic_default(doc, item.sentence, [*actors, *targets])
    events = []
    pairs = [(a, r) for a in actors for r in targets][:MAX_PAIRS]
    for k, (actor, recipient) in enumerate(pairs):
        if actor is not None and recipient is not None and not reflexive and (actorrefs.same_actor(actor, recipient)
                                                                              or id(actor) in own_country
                                                                              and id(recipient) in own_country
                                                                              and same_party(actor, recipient, doc)):
            recipient = None  # a party given its country by the domestic default is not thereby the actor
        code, kind, note = item.cameo, item.type, ""
        if (recoded := _recoded(doc, item, actor, recipient)) is not None:
            code, note = recoded[0], f" + {recoded[1]}"
            kind = cameo_entry(code).plover_type
        entry = cameo_entry(code)
        events.append(Event(
            id=event_id(doc, item.sentence, trigger, kind, k),
            type=kind, mode=item.mode if kind == item.type else entry.plover_mode,
            context=item.context if kind == item.type else list(entry.plover_context), cameo=code,
            quad_class=entry.quad_class, goldstein=entry.goldstein,
            actor=actor, recipient=recipient,
            sentence=SentenceRef(index=item.sentence, start=sent.start, end=sent.end),
            trigger=trigger, status=status, historical=when.historical,
            date=when.date, date_precision=when.precision, location=where,
            confidence=_confidence(parse, item, id(actor) in named, id(recipient) in named),
            evidence=item.evidence + note + timing.DATE_NOTE + when.reason,
        ))
    return _unique(events)


#: Reflexive pronouns: the text itself says the actor acts on itself ("Belarus defended itself").
REFLEXIVES = grammar.words("reflexive_pronouns")
#: Verbs whose reflexive object is a suicide or self-harm ("killed himself"), no event.
SELF_HARM_VERBS = grammar.words("self_harm_verbs")
#: Natural forces and diseases: as the doer they make no political event (grammar class natural_force_nouns).
NATURAL_FORCES = grammar.words("natural_force_nouns")


def natural_force(parse: Parse, i: int) -> bool:
    """A natural force or disease ("the storm", "floods", "the virus"), or a storm named by its kind ("Typhoon
    Haiyan")."""
    tok = parse.tokens[i]
    if tok.pos != "PROPN":
        return parse.lower_lemmas[i] in NATURAL_FORCES
    return any(  # a name is a force only by its title: not "Mr Snow"
        parse.tokens[c].dep == "compound" and parse.lower_lemmas[c] in NATURAL_FORCES for c in parse.children(i))


#: Prepositions that only place an event ("talks in Geneva"); "on" and "into" may name a target of force.
PLACING_PREPS = grammar.words("placing_prepositions")


def _reflexive(parse: Parse, heads: list[int]) -> bool:
    """The text itself says the actor acts on itself ("Belarus defended itself")."""
    return any(parse.tokens[h].text.lower() in REFLEXIVES for h in heads)


def same_party(a: ActorRef, b: ActorRef, doc: Document | None = None) -> bool:
    """The same party: the same actor or span, or, short of two distinct named mentions ("Trump criticised
    Pelosi", "Michael Howard" and "the Home Secretary"), the same country, sector and organisation (BLRGOV and
    BLRGOV, CAN and CAN)."""
    if actorrefs.same_actor(a, b):
        return True
    if _named(doc, a) and _named(doc, b):
        return False
    if doc is not None and not (_named_in_phrase(doc, a) and _named_in_phrase(doc, b)):
        return False  # "attacked a camp near El Fasher": a country read from a place is where, not who
    return a.country is not None and (a.country, a.sector, a.org) == (b.country, b.sector, b.org)


def _named_in_phrase(doc: Document, ref: ActorRef) -> bool:
    """The ref's own words say who it is (a mention of the actors layer, a proper name or a nationality), not a
    place or name further inside its phrase ("workers at Samsung", "a camp near El Fasher")."""
    if ref.start is None or ref.end is None or doc.parse is None:
        return True
    start, end = ref.start, ref.end
    if any(m.actor_id and m.start < end and m.end > start for m in doc.mentions):
        return True
    return any(t.pos == "PROPN" or t.ent_type in actorrefs.PARTY_ENTITIES for t in doc.parse.tokens_in(start, end))


def _named(doc: Document | None, ref: ActorRef) -> bool:
    """A ref that names someone in particular: a person or a named organisation of the actors layer, or a proper
    name in the text."""
    if ref.actor_id and not ref.actor_id.isupper():
        return True  # people and named organisations have slug ids; countries and sectors have codes
    if doc is None or doc.parse is None or ref.start is None or ref.end is None:
        return False
    return any(t.pos == "PROPN" for t in doc.parse.tokens_in(ref.start, ref.end))


def _self_dyad(doc: Document, actor: ActorRef | None, recipient: ActorRef | None, *, reflexive: bool = False) -> bool:
    """An actor as its own recipient, which the text does not say (no reflexive pronoun)."""
    return actor is not None and recipient is not None and not reflexive and same_party(actor, recipient, doc)


def _own_prepositions(item: Coded, actors: list[ActorRef | None]) -> tuple[int, ...]:
    """The pattern words that may keep a place as the recipient ("arrive in *", "attack in *"): none for an
    event noun whose doer is named ("a Taliban attack in Kabul": Kabul is where, not whom), so the event keeps its
    party without the place."""
    if item.frame.nominal and item.mode != VISIT_MODE and any(_identified(a) for a in actors):
        return ()
    return item.frame.match.tokens


def place_as_location(doc: Document, ref: ActorRef, pattern_tokens: tuple[int, ...] = ()) -> bool:
    """A recipient that is a place where the event happens ("clashes in Donetsk"), not a party; unless the
    pattern itself holds the preposition ("arrive in *", "drills near *")."""
    if ref.start is None or ref.end is None:
        return False
    if not any(p.role == "location" and p.start < ref.end and p.end > ref.start for p in doc.places):
        return False
    parse = actorrefs.parse_of(doc)
    tokens = parse.tokens_in(ref.start, ref.end)
    if not tokens:
        return False
    i = tokens[0].i
    for _ in range(4):
        tok = parse.tokens[i]
        if tok.dep == "pobj":
            return parse.tokens[tok.head].text.lower() in PLACING_PREPS and tok.head not in pattern_tokens
        if tok.head == i or tok.dep in CLAUSE_ARGUMENTS:
            return False
        i = tok.head
    return False


def _unique(events: list[Event]) -> list[Event]:
    seen, out = set(), []
    for event in events:
        key = (event.type, event_party(event.actor), event_party(event.recipient))
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out


def event_party(ref: ActorRef | None) -> tuple | None:
    """What makes two event parties the same (the resolved actor, else the phrase)."""
    if ref is None:
        return None
    return (ref.actor_id, ref.country) if ref.actor_id else (ref.country, ref.start, ref.end)
