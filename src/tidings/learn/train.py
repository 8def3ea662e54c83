"""Train the learned models from committed data: ``tidings train topic`` and ``tidings train events``.

Both read texts from the shared folder (``../shared``): the BBC topic corpus, and the real articles the
project's event corpus annotates. Training is deterministic (fixed seeds, full-batch optimisation).
"""
from __future__ import annotations

import numpy as np

from tidings.learn import linear, mlp, scorer, topic, triggers

#: (hidden units, L2 strength) tried for the event scorer; the one with the best dev log loss is kept.
SHAPES = ((32, 1e-3), (64, 3e-3))
#: Networks of the chosen shape fitted from different random starts and averaged (less variance from one start).
SEEDS = 3
#: Precision the default threshold aims at on dev (the issue's target for emitted events).
TARGET_PRECISION = 0.85


def train_topic() -> tuple[topic.TopicModel, dict]:
    """The topic model from the BBC corpus's train file, its gate chosen on val, figures on test."""
    from tidings.corpus import sources

    model, dev = topic.train(list(sources.bbc_rows("train")), list(sources.bbc_rows("val")))
    return model, {"dev": dev, "test": topic.score(model, list(sources.bbc_rows("test")))}


def _rows(corpus_docs) -> tuple[list, np.ndarray]:
    feats, labels = [], []
    for cdoc in corpus_docs:
        ranks = scorer.rule_ranks([j.event for j in cdoc.judged])
        sentences: dict[int, scorer.SentenceContext] = {}
        for judged, rank in zip(cdoc.judged, ranks, strict=True):
            feats.append(scorer.features(cdoc.doc, judged.event, rank=rank, sentences=sentences))
            labels.append(float(judged.right_type))
    return feats, np.array(labels)


#: One-sided normal quantile of the confidence with which the dev precision must reach the target (90 %).
CONFIDENCE_Z = 1.28


def wilson_lower(successes: float, n: int, z: float = CONFIDENCE_Z) -> float:
    """The Wilson score lower bound of a proportion (``successes`` of ``n``)."""
    share = successes / n
    centre = share + z * z / (2 * n)
    spread = z * np.sqrt(share * (1 - share) / n + z * z / (4 * n * n))
    return float((centre - spread) / (1 + z * z / n))


def threshold_for(p: np.ndarray, y: np.ndarray, precision: float = TARGET_PRECISION) -> float:
    """The lowest threshold whose emitted dev candidates reach ``precision`` with 90 % confidence (Wilson lower
    bound; at least 20 emitted): the first threshold where dev precision merely touches the target is the one
    its noise lifted there, and it gives less on unseen articles."""
    for t in np.arange(0.30, 0.96, 0.01):
        emitted = p >= t
        if emitted.sum() >= 20 and wilson_lower(y[emitted].sum(), int(emitted.sum())) >= precision:
            return round(float(t), 2)
    return 0.95


def train_events(train_docs, dev_docs, *, epochs: int = 300) -> tuple[scorer.Scorer, dict]:
    """Fit the scorer's network on train candidates as a correction to the rules' prior, choose its shape and
    stop early on dev, average ``SEEDS`` networks of that shape, calibrate on dev; returns it and dev figures."""
    train_feats, y_train = _rows(train_docs)
    dev_feats, y_dev = _rows(dev_docs)
    dense = np.array([d for d, _ in train_feats])
    scale = 1.0 / (dense.std(axis=0) + 1e-3)
    scale[:4 * scorer.WIDTH] /= np.sqrt(4 * scorer.WIDTH / 16)  # vectors: many weak columns, summed modestly
    scale[scorer.NOT_FIRST] = 0.0  # the rules' rank is the prior's alone (see tidings.learn.scorer)
    x_train, x_dev = scorer.matrix(train_feats, scale), scorer.matrix(dev_feats, scale)
    prior_train, prior_dev = scorer.prior(dense), scorer.prior(np.array([d for d, _ in dev_feats]))
    best = None
    for hidden, l2 in SHAPES:
        net, loss = mlp.fit(x_train, y_train, held_out=(x_dev, y_dev), hidden=hidden, l2=l2, epochs=epochs,
                            offsets=(prior_train, prior_dev))
        if best is None or loss < best[0]:
            best = (loss, hidden, l2, net)
    assert best is not None  # SHAPES is not empty
    loss, hidden, l2, net = best
    others = [mlp.fit(x_train, y_train, held_out=(x_dev, y_dev), hidden=hidden, l2=l2, epochs=epochs, seed=seed,
                      offsets=(prior_train, prior_dev))[0] for seed in range(1, SEEDS)]
    net = mlp.average([net, *others])
    logits = net.logits(x_dev) + prior_dev
    loss = mlp.log_loss(linear.sigmoid(logits), y_dev)
    a, b = linear.platt(logits, y_dev)
    p_dev = linear.sigmoid(a * logits + b)
    threshold = threshold_for(p_dev, y_dev)
    fitted = scorer.Scorer(net, scale, (a, b), threshold)
    report = {"train_candidates": len(y_train), "train_positive": int(y_train.sum()),
              "dev_candidates": len(y_dev), "dev_positive": int(y_dev.sum()), "hidden": hidden, "l2": l2,
              "dev_log_loss": round(loss, 4), "dev_ece": round(linear.expected_calibration_error(p_dev, y_dev), 4),
              "threshold": threshold}
    return fitted, report


def corpus_runs(train_docs, dev_docs) -> tuple[triggers.TriggerTable, list, list]:
    """The trigger table of the train split, and both splits' candidates (rules only, every article, widened
    candidates included). Each train article's candidates come from the table less its own events, so the
    scorer learns from learned-trigger candidates as they will be on unseen text."""
    from tidings.config import Config
    from tidings.corpus import candidates
    from tidings.pipeline import pipeline_for

    rules_only = pipeline_for(Config().replace(events={"score": False}))  # whatever scorer is there now
    parsed = {split: list(candidates.parse(docs, gate=False, pipeline=rules_only))
              for split, docs in (("train", train_docs), ("dev", dev_docs))}
    table = triggers.count((doc.parse, annotation.events) for annotation, doc in parsed["train"])

    def leave_own_out(annotation, doc):
        return table.without(triggers.count([(doc.parse, annotation.events)]))

    train_runs = list(candidates.code(parsed["train"], score=False, pipeline=rules_only, triggers=leave_own_out))
    dev_runs = list(candidates.code(parsed["dev"], score=False, pipeline=rules_only,
                                    triggers=lambda annotation, doc: table))
    return table, train_runs, dev_runs


def train_events_from_corpus() -> tuple[scorer.Scorer, triggers.TriggerTable, dict]:
    """The trigger table and the scorer from the annotated corpus's train split, calibrated and thresholded
    on dev."""
    from tidings.corpus import annotations

    docs = annotations.load()
    table, train_runs, dev_runs = corpus_runs([d for d in docs if d.split == "train"],
                                              [d for d in docs if d.split == "dev"])
    fitted, report = train_events(train_runs, dev_runs)
    report["trigger_lemmas"] = sum(bool(table.proposals(lemma)) for lemma in table.codes)
    return fitted, table, report
