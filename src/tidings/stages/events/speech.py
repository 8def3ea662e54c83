"""Speech candidates: criticism, praise and demands voiced in reported speech.

A verb of saying whose speaker is a party, with evaluative words in what it reports ("said the plan
was a shambles", "described the minister as naive"), is a candidate ACCUSE (negative words) or
SUPPORT (positive words), or REQUEST when the content is an obligation ("said Iran must ..."); the
recipient is the first party named in the content. The event scorer decides which are events: the
annotated corpus shows reported criticism is the kind of event the strict patterns miss most.
"""
from __future__ import annotations

from tidings.models import ActorRef, Document, Event, SentenceRef, Trigger
from tidings.resources import grammar
from tidings.resources import quotes as quote_cues
from tidings.resources import tone as tone_data
from tidings.stages.events import actorrefs, coder, factuality, frames, timing

SPEECH_CONFIDENCE = 0.2
EVIDENCE_PREFIX = "speech:"
#: Dependencies that hold what a verb of saying reports.
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "advcl", "prep", "parataxis"})
#: Clausal content: beside one, an object of a verb of telling is its addressee ("told CNN that ..."), not its topic.
CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})
TELLING_VERBS = grammar.words("telling_verbs")
#: Prepositions that hold what is said about someone ("spoke of", "complained about", "described X as").
TOPIC_PREPS = frozenset({"about", "of", "as", "against", "over"})
#: Entity labels of named things that are no party ("the Hunting Act", "Holocaust Day", "Monday").
THING_ENTITIES = frozenset({"LAW", "EVENT", "WORK_OF_ART", "PRODUCT", "DATE", "TIME", "MONEY", "PERCENT",
                            "QUANTITY", "CARDINAL", "ORDINAL", "LANGUAGE"})
OBLIGATIONS = frozenset({"must", "should", "ought"})
#: (type, CAMEO code) for each reading of the reported content.
READINGS = {"negative": ("ACCUSE", "112"), "positive": ("SUPPORT", "051"), "obligation": ("REQUEST", "100")}


def content_of(doc: Document, verb: int) -> list[int]:
    """Tokens of what the verb reports: its complement subtrees, or a direct quote it introduces."""
    parse = actorrefs.parse_of(doc)
    kids = [c for c in parse.children(verb) if parse.tokens[c].dep in CONTENT_DEPS]
    clausal = parse.lower_lemmas[verb] in TELLING_VERBS and any(parse.tokens[c].dep in CLAUSE_DEPS for c in kids)
    # "told CNN that ...": beside a clause the object of telling is whom the speaker addressed, not whom the words
    # are about
    kids = [c for c in kids if not (clausal and parse.tokens[c].dep == "dobj")]
    # "on Monday", "at the conference": a preposition that only places the saying holds no content
    kids = [c for c in kids if parse.tokens[c].dep != "prep" or parse.tokens[c].text.lower() in TOPIC_PREPS]
    tokens = [t for c in kids for t in parse.subtree(c)]
    if tokens:
        return tokens
    sentence = parse.sentences[parse.tokens[verb].sent]
    quoted = [q for q in doc.quotes if sentence.start <= q.end and q.start <= sentence.end]
    return [t.i for q in quoted for t in parse.tokens_in(q.start, q.end)]


def content_party(doc: Document, content: list[int], speaker: ActorRef) -> ActorRef | None:
    """The first party named in what a verb of saying reports, other than the speaker: whom the words are
    about ("said the minister had lied" → the minister)."""
    parse = actorrefs.parse_of(doc)
    heads = [i for i in content if parse.tokens[i].pos in ("PROPN", "NOUN", "PRON")
             and parse.tokens[i].dep in ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos")
             and parse.tokens[i].ent_type not in THING_ENTITIES  # "said the Hunting Act ...": a law is nobody
             and not coder.thing_head(parse, i)]
    # "briefed about the bombings in New York": a place where something happened is not whom the words are about
    return next((r for r in coder.resolve_heads(doc, heads) if actorrefs.is_party(doc, r)
                 and not actorrefs.same_actor(speaker, r) and not coder.place_as_location(doc, r)), None)


def readings(doc: Document, content: list[int]) -> list[str]:
    """Which of negative / positive / obligation the content carries (a negator flips its clause's words)."""
    lexicon = tone_data.load_lexicon()
    parse = actorrefs.parse_of(doc)
    lemmas = [parse.lower_lemmas[i] for i in content]
    negated = any(lemma in lexicon.negators for lemma in lemmas)
    positive = sum(lemma in lexicon.positive for lemma in lemmas)
    negative = sum(lemma in lexicon.negative for lemma in lemmas)
    if negated:
        positive, negative = negative, positive
    out = []
    if negative:
        out.append("negative")
    if positive > negative:
        out.append("positive")
    if OBLIGATIONS & set(lemmas):
        out.append("obligation")
    return out


def candidates(doc: Document, taken: set[int]) -> list[Event]:
    """One candidate per reading of each verb of saying with a party as speaker."""
    parse = actorrefs.parse_of(doc)
    speech = quote_cues.load().speech
    out = []
    for tok in parse.tokens:
        if tok.pos != "VERB" or tok.start in taken or parse.lower_lemmas[tok.i] not in speech:
            continue
        subject, _ = frames.subject_of(parse, tok.i)
        if subject is None:
            continue
        refs = coder.resolve_heads(doc, [subject])
        speakers = [a for a in refs if actorrefs.is_party(doc, a)]
        content = content_of(doc, tok.i)
        kinds = readings(doc, content) if speakers and content else []
        if not speakers and content:
            # "X should be done, the watchdog says": an unnamed speaker's demand (its tone words are mostly noise)
            speakers = [a for a in refs if coder.is_doer(doc, a)]
            kinds = [k for k in readings(doc, content) if k == "obligation"] if speakers else []
        if not kinds:
            continue
        actor = speakers[0]
        recipient = content_party(doc, content, actor)
        status = factuality.assess(parse, tok.i).status
        when = timing.event_timing(doc, tok.i, tok.sent, status)
        sent = parse.sentences[tok.sent]
        trigger = Trigger(text=tok.text, start=tok.start, end=tok.end)
        for kind in kinds:
            type_, code = READINGS[kind]
            entry = coder.cameo_entry(code)
            out.append(Event(
                id=coder.event_id(doc, tok.sent, trigger, type_, 0), type=type_, mode=entry.plover_mode,
                context=list(entry.plover_context), cameo=code, quad_class=entry.quad_class,
                goldstein=entry.goldstein, actor=actor, recipient=recipient,
                sentence=SentenceRef(index=tok.sent, start=sent.start, end=sent.end), trigger=trigger,
                status=status, historical=when.historical, date=when.date, date_precision=when.precision,
                location=None, confidence=SPEECH_CONFIDENCE,
                evidence=f"{EVIDENCE_PREFIX}{kind}{timing.DATE_NOTE}{when.reason}"))
    return out
