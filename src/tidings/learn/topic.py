"""The document topic gate: which of five news topics an article is, from its words alone (before the parse).

Trained on the BBC News topic corpus (business, entertainment, politics, sport, tech). Articles that
are confidently sport, entertainment or tech skip event coding: they produce no political events,
and skipping their parse saves its cost. The model is a multinomial logistic regression over
log word counts; weights and vocabulary are one ``.npz`` file.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tidings.learn import linear

MODEL_PATH = Path(__file__).resolve().parent.parent / "resources" / "data" / "models" / "topic.npz"
TOPICS = ("business", "entertainment", "politics", "sport", "tech")
OFF_TOPIC = ("entertainment", "sport", "tech")
MIN_DOC_FREQ = 3
_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@dataclass
class TopicModel:
    vocab: dict[str, int]
    model: linear.Linear
    gate: float

    def features(self, texts: list[str]) -> np.ndarray:
        x = np.zeros((len(texts), len(self.vocab)))
        for row, text in enumerate(texts):
            counts = Counter(w for w in words(text) if w in self.vocab)
            for word, n in counts.items():
                x[row, self.vocab[word]] = np.log1p(n)
            norm = np.linalg.norm(x[row])
            if norm:
                x[row] /= norm
        return x

    def probabilities(self, text: str) -> dict[str, float]:
        """P(topic) for one text; a text with no known word gets the prior."""
        counts = Counter(w for w in words(text) if w in self.vocab)
        if not counts:
            return dict(zip(TOPICS, linear.softmax(self.model.b.reshape(1, -1))[0].round(4).tolist(), strict=True))
        index = np.fromiter((self.vocab[w] for w in counts), int, len(counts))
        values = np.log1p(np.fromiter(counts.values(), float, len(counts)))
        values /= np.linalg.norm(values)
        z = values @ self.model.w[index] + self.model.b
        return dict(zip(TOPICS, linear.softmax(z.reshape(1, -1))[0].round(4).tolist(), strict=True))

    def off_topic(self, probabilities: dict[str, float]) -> bool:
        """True when the article is confidently one of sport, entertainment or tech (one topic, not their sum:
        news outside the BBC's five topics, such as crime or US politics, spreads over several)."""
        return max(probabilities[t] for t in OFF_TOPIC) >= self.gate

    def save(self, path: Path = MODEL_PATH) -> None:
        words_ = sorted(self.vocab, key=lambda word: self.vocab[word])
        np.savez_compressed(path, vocab=np.array(words_), w=self.model.w.astype(np.float32),
                            b=self.model.b.astype(np.float32), gate=np.array(self.gate))


@functools.cache
def load(path: Path = MODEL_PATH) -> TopicModel:
    data = np.load(path)
    vocab = {w: i for i, w in enumerate(data["vocab"].tolist())}
    return TopicModel(vocab, linear.Linear(data["w"].astype(np.float64), data["b"].astype(np.float64)),
                      float(data["gate"]))


def build_vocab(texts: list[str]) -> dict[str, int]:
    df = Counter(w for text in texts for w in set(words(text)))
    kept = sorted(w for w, n in df.items() if n >= MIN_DOC_FREQ)
    return {w: i for i, w in enumerate(kept)}


def train(train_rows: list[tuple[str, str]], dev_rows: list[tuple[str, str]], *, max_gated_on_topic: float = 0.005,
          lowest_gate: float = 0.85, epochs: int = 300) -> tuple[TopicModel, dict]:
    """Fit on (text, topic) rows; pick the gate on dev as the lowest threshold that stops at most
    ``max_gated_on_topic`` of dev politics and business articles, and never below ``lowest_gate``. Returns the
    model and dev figures."""
    vocab = build_vocab([t for t, _ in train_rows])
    shell = TopicModel(vocab, linear.Linear(np.zeros((len(vocab), len(TOPICS))), np.zeros(len(TOPICS))), 1.0)
    x = shell.features([t for t, _ in train_rows])
    y = np.array([TOPICS.index(c) for _, c in train_rows])
    shell.model = linear.fit(x, y, classes=len(TOPICS), l2=1e-4, epochs=epochs, rate=0.1)
    p_dev = shell.model.proba(shell.features([t for t, _ in dev_rows]))
    off = p_dev[:, [TOPICS.index(t) for t in OFF_TOPIC]].max(axis=1)
    on_topic = np.array([c not in OFF_TOPIC for _, c in dev_rows])
    allowed = int(max_gated_on_topic * on_topic.sum())
    ranked = np.sort(off[on_topic])[::-1]
    shell.gate = float(min(0.99, max(lowest_gate, ranked[allowed] + 1e-6))) if len(ranked) > allowed else lowest_gate
    return shell, score(shell, dev_rows)


def score(model: TopicModel, rows: list[tuple[str, str]]) -> dict:
    """Accuracy, and the gate's behaviour: share of off-topic articles stopped, of on-topic ones stopped."""
    probs = [model.probabilities(t) for t, _ in rows]
    right = sum(max(p, key=lambda topic: p[topic]) == c for p, (_, c) in zip(probs, rows, strict=True))
    gated = [model.off_topic(p) for p in probs]
    off = [g for g, (_, c) in zip(gated, rows, strict=True) if c in OFF_TOPIC]
    on = [g for g, (_, c) in zip(gated, rows, strict=True) if c not in OFF_TOPIC]
    return {"articles": len(rows), "accuracy": round(right / max(1, len(rows)), 3),
            "off_topic_stopped": round(sum(off) / max(1, len(off)), 3),
            "on_topic_stopped": round(sum(on) / max(1, len(on)), 3), "gate": round(model.gate, 4)}
