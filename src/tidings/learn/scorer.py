"""The event scorer: the probability that a rule-proposed event is a real political event of its type.

Rules propose candidates and explain them; this model decides. Its features are the parser's own
contextual vectors (at the trigger, its head, the actor and recipient, the sentence), the trigger's
lemma, pattern, dependency context and arguments (hashed one-hot), the kinds of its parties, its
factuality, and the document's topic. The rules stay one expert: the model's logit is added to
``PRIOR_WEIGHT`` times the logit of the rules' own confidence (a product of experts), and the network is
fitted as a correction to that prior, so it learns where the rules are overconfident (a deal between
two companies, a word in another sense) instead of relearning what they know. The rules' ranking of
a sentence's candidates (their main event first) stays theirs alone: the network never sees the rank
(no rank features, its dense column scaled to zero), so a fitted correction cannot undo the preference
for the main clause's event. A network with one hidden layer in numpy (:mod:`tidings.learn.mlp`),
calibrated on the dev split (Platt scaling): ``confidence`` is that calibrated probability.
"""
from __future__ import annotations

import functools
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tidings.learn import linear, mlp
from tidings.learn.topic import TOPICS
from tidings.models import ActorRef, Document, Event, Parse
from tidings.resources import tone as tone_data

MODEL_PATH = Path(__file__).resolve().parent.parent / "resources" / "data" / "models" / "event_scorer.npz"
HASH_BITS = 14
WIDTH = 96  # the parser's vector width (en_core_web_sm)
NEGATORS = frozenset({"not", "n't", "never", "no", "nothing", "nobody", "neither", "nor", "without"})
MODALS = frozenset({"could", "might", "may", "would", "should", "will", "can", "must", "shall"})
#: evidence prefixes of the widened candidate generators (loose lexicon words, corpus-learned trigger words,
#: reported speech)
WIDENED = ("loose:", "learned:", "speech:")
#: the event's status and historical flag, as dense columns (what the annotators weigh most: a condition, a
#: denial or a plan is rarely a codable event)
FLAGS = ("negated", "future", "hypothetical", "historical", "widened")
#: how many dense columns precede the hashed ones
DENSE = 4 * WIDTH + len(TOPICS) + 6 + len(FLAGS)
#: the dense column holding the rules' own confidence
RULE_CONFIDENCE = 4 * WIDTH + len(TOPICS)
#: the dense column saying the candidate is not the rules' first choice in its sentence
NOT_FIRST = RULE_CONFIDENCE + 5
#: the dense column saying the candidate comes from a widened generator
WIDENED_COLUMN = NOT_FIRST + 1 + FLAGS.index("widened")
#: the dense column saying the rules read the candidate as hypothetical (a condition, "unless X arranged a ceasefire")
HYPOTHETICAL_COLUMN = NOT_FIRST + 1 + FLAGS.index("hypothetical")
#: the rules' factuality as a prior: on the corpus train split a candidate read as hypothetical is an event 2.3 % of
#: the time against 7.4 % for an asserted one, a log-odds ratio of about 1.2
HYPOTHETICAL_PENALTY = 1.2
#: weight of the rules' logit beside the learned one, and the rules' penalty for a candidate that is not their
#: first choice in its sentence (chosen on dev: corpus AP against PLOVER type accuracy and triples; since the
#: network is fitted as a correction and never sees the rank, the penalty is 3: at 2 the corrected network let a
#: subordinate clause's event outrank the main one on PLOVER dev, type accuracy 0.857 against 0.863, at a cost of
#: 0.015 corpus dev AP and no dev recall at the default threshold)
PRIOR_WEIGHT = 2.0
RANK_PENALTY = 3.0


def prior(dense: np.ndarray) -> np.ndarray:
    """The rules' own judgement as a logit, from dense feature rows (one row or a matrix); none for a widened
    candidate, whose rule confidence is a placeholder, not a judgement."""
    judged = 1.0 - dense[..., WIDENED_COLUMN]
    return (judged * (PRIOR_WEIGHT * rule_logit(dense[..., RULE_CONFIDENCE]) - RANK_PENALTY * dense[..., NOT_FIRST])
            - HYPOTHETICAL_PENALTY * dense[..., HYPOTHETICAL_COLUMN])


def rule_logit(confidence: float | np.ndarray) -> np.ndarray:
    """The logit of the rules' confidence (clipped away from 0 and 1)."""
    c = np.clip(confidence, 0.01, 0.99)
    return np.log(c / (1 - c))


@functools.lru_cache(maxsize=1 << 16)  # feature names repeat across candidates and articles
def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & ((1 << HASH_BITS) - 1)


def _party_token(parse: Parse, ref: ActorRef | None) -> int | None:
    if ref is None or ref.start is None or ref.end is None:
        return None
    return parse.span_head(ref.start, ref.end)


def _party_features(doc: Document, role: str, ref: ActorRef | None) -> list[str]:
    if ref is None:
        return [f"{role}=none"]
    actor = doc.actor(ref.actor_id) if ref.actor_id else None
    out = [f"{role}=some", f"{role}.sector={ref.sector}", f"{role}.country={'yes' if ref.country else 'no'}",
           f"{role}.kind={actor.kind if actor else 'unresolved'}", f"{role}.org={'yes' if ref.org else 'no'}"]
    words = ref.text.lower().split()
    if words:
        out.append(f"{role}.word={words[-1]}")
    return out


def rule_ranks(events: list[Event]) -> list[int]:
    """Per event, its rank among the candidates of its sentence in the rules' own order: higher confidence
    first, then the earlier trigger (0 = the rules' main event)."""
    order = sorted(range(len(events)), key=lambda k: (events[k].sentence.index, -events[k].confidence,
                                                      events[k].trigger.start))
    ranks = [0] * len(events)
    previous, rank = None, 0
    for k in order:
        rank = rank + 1 if events[k].sentence.index == previous else 0
        previous = events[k].sentence.index
        ranks[k] = rank
    return ranks


def features(doc: Document, event: Event, *, rank: int = 0,
             sentences: dict[int, SentenceContext] | None = None) -> tuple[np.ndarray, list[int]]:
    """Dense features (vectors, topics, counts) and hashed sparse feature indices of one candidate; ``rank`` is
    its :func:`rule_ranks` rank in its sentence; ``sentences`` keeps the per-sentence context between calls on
    the same document."""
    parse = doc.parse
    if parse is None:
        raise ValueError(f"{doc.article.id}: the event scorer needs a parsed document")
    trigger = parse.token_at(event.trigger.start)
    dense = np.zeros(DENSE, dtype=np.float32)
    origin = event.evidence.split(":", 1)[0] if event.evidence.startswith(WIDENED) else "strict"
    names = [f"origin={origin}", f"origin|type={origin}|{event.type}", f"pattern={event.evidence.split('; date: ')[0]}",
             f"status={event.status}", f"historical={event.historical}", f"topic={doc.article.topic}"]
    names += _party_features(doc, "actor", event.actor) + _party_features(doc, "recipient", event.recipient)
    if event.actor and event.recipient and event.actor.actor_id and event.actor.actor_id == event.recipient.actor_id:
        names.append("self-dyad")
    vectors = parse.vectors
    if trigger is not None:
        lemma = trigger.lemma.lower()
        head = parse.tokens[trigger.head]
        names += [f"lemma={lemma}", f"lemma|type={lemma}|{event.type}", f"pos={trigger.pos}", f"tag={trigger.tag}",
                  f"dep={trigger.dep}", f"head={head.lemma.lower()}", f"head.dep={head.dep}",
                  f"lemma|topic={lemma}|{doc.article.topic}", f"upper={trigger.text[:1].isupper()}"]
        for child in parse.children(trigger.i):
            c = parse.tokens[child]
            names.append(f"child.{c.dep}={c.lemma.lower()}")
            names.append(f"lemma|{c.dep}={lemma}|{c.lemma.lower()}")
            if c.text.lower() in NEGATORS:
                names.append("negated")
            if c.text.lower() in MODALS:
                names.append(f"modal={c.text.lower()}")
            if c.ent_type:
                names.append(f"child.{c.dep}.ent={c.ent_type}")
        context = _sentence_context(parse, trigger.sent, {} if sentences is None else sentences)
        depth = parse.clause_depth(trigger.i)
        names += [f"depth={min(depth, 3)}", f"depth|type={min(depth, 3)}|{event.type}",
                  f"root={trigger.head == trigger.i}"]
        names.append(f"sentence<3={trigger.sent < 3}")
        names.append(f"quoted={_quoted(doc, trigger.start)}")
        if vectors is not None:
            dense[:WIDTH] = vectors[trigger.i]
            dense[WIDTH:2 * WIDTH] = vectors[trigger.head]
            dense[2 * WIDTH:3 * WIDTH] = context.mean_vector
    for ref in (event.actor, event.recipient):
        i = _party_token(parse, ref)
        if i is not None and vectors is not None:
            dense[3 * WIDTH:4 * WIDTH] += vectors[i] / 2
    offset = 4 * WIDTH
    for k, name in enumerate(TOPICS):
        dense[offset + k] = doc.topics.get(name, 0.0)
    dense[RULE_CONFIDENCE] = event.confidence  # the rules' own confidence
    dense[offset + len(TOPICS) + 1] = float(event.actor is not None)
    dense[offset + len(TOPICS) + 2] = float(event.recipient is not None)
    if trigger is not None:
        dense[offset + len(TOPICS) + 3:NOT_FIRST] = context.tone
    dense[NOT_FIRST] = float(rank > 0)
    flags = {"historical": event.historical, "widened": origin != "strict"}
    for k, flag in enumerate(FLAGS):
        dense[NOT_FIRST + 1 + k] = float(flags.get(flag, event.status == flag))
    return dense, sorted({_hash(n) for n in names})


@dataclass(frozen=True)
class SentenceContext:
    """What every candidate of one sentence shares: the sentence's mean vector (None without vectors) and its
    negative and positive tone words (each capped at 4, scaled to [0, 1])."""

    mean_vector: np.ndarray | None
    tone: tuple[float, float]


def _sentence_context(parse: Parse, index: int, known: dict[int, SentenceContext]) -> SentenceContext:
    """The context of sentence ``index``, computed once per document (``known`` holds those already done)."""
    if index not in known:
        sentence = parse.sentences[index]
        lexicon = tone_data.load_lexicon()
        lemmas = parse.lower_lemmas[sentence.token_start:sentence.token_end]
        vectors = parse.vectors
        known[index] = SentenceContext(
            None if vectors is None else vectors[sentence.token_start:sentence.token_end].mean(axis=0),
            (min(4, sum(w in lexicon.negative for w in lemmas)) / 4,
             min(4, sum(w in lexicon.positive for w in lemmas)) / 4))
    return known[index]


def _quoted(doc: Document, char: int) -> bool:
    return any(q.start <= char < q.end for q in doc.quotes)


def matrix(rows: list[tuple[np.ndarray, list[int]]], scale: np.ndarray) -> linear.HashedRows:
    """Stack candidates' features: dense columns scaled, hashed columns one-hot (held sparsely)."""
    dense = np.array([d for d, _ in rows], dtype=np.float64).reshape(len(rows), DENSE) * scale
    which = np.array([r for r, (_, hashed) in enumerate(rows) for _ in hashed], dtype=np.int64)
    cols = np.array([h for _, hashed in rows for h in hashed], dtype=np.int64)
    return linear.HashedRows(dense, which, cols, 1 << HASH_BITS)


@dataclass
class Scorer:
    """Weights, the dense columns' scale, Platt calibration (a, b) and the default emission threshold."""

    model: mlp.Network
    scale: np.ndarray
    calibration: tuple[float, float]
    threshold: float

    def probabilities(self, doc: Document, events: list[Event], ranks: list[int]) -> np.ndarray:
        """The calibrated probability of each of ``doc``'s candidate events (``ranks``: :func:`rule_ranks`),
        scored together in one pass of the network."""
        if not events:
            return np.zeros(0)
        sentences: dict[int, SentenceContext] = {}
        rows = [features(doc, event, rank=rank, sentences=sentences)
                for event, rank in zip(events, ranks, strict=True)]
        logits = self.model.logits(matrix(rows, self.scale)) + prior(np.array([dense for dense, _ in rows]))
        a, b = self.calibration
        return linear.sigmoid(a * logits + b)

    def probability(self, doc: Document, event: Event, *, rank: int = 0) -> float:
        return float(self.probabilities(doc, [event], [rank])[0])

    def save(self, path: Path = MODEL_PATH) -> None:
        net = self.model
        np.savez_compressed(path, w1=net.w1.astype(np.float32), b1=net.b1.astype(np.float32),
                            w2=net.w2.astype(np.float32), b2=net.b2.astype(np.float32),
                            scale=self.scale.astype(np.float32), calibration=np.array(self.calibration),
                            threshold=np.array(self.threshold), hash_bits=np.array(HASH_BITS))


def default_min_confidence() -> float:
    """The emission threshold chosen on dev when the scorer was trained (0 without a scorer)."""
    model = load()
    return model.threshold if model is not None else 0.0


@functools.cache
def load(path: Path = MODEL_PATH) -> Scorer | None:
    """The committed scorer (None when no model file is there: rule confidences stand)."""
    if not path.is_file():
        return None
    data = np.load(path)
    if "w1" not in data or int(data["hash_bits"]) != HASH_BITS or data["w1"].shape[0] != DENSE + (1 << HASH_BITS):
        raise ValueError(f"{path}: the scorer's features changed since it was trained; run `tidings train events`")
    net = mlp.Network(*(data[k].astype(np.float64) for k in ("w1", "b1", "w2", "b2")))
    return Scorer(net, data["scale"].astype(np.float64), tuple(data["calibration"].tolist()), float(data["threshold"]))
