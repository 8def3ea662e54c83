"""A binary classifier with one hidden ReLU layer, in numpy: full-batch Adam, L2, early stopping on held-out
rows; optionally fitted as a correction to a fixed logit per row (another expert's judgement)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tidings.learn.linear import HashedRows, sigmoid


@dataclass
class Network:
    """Weights of input → hidden (``w1``, ``b1``) and hidden → logit (``w2``, ``b2``)."""

    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray

    def logits(self, x: np.ndarray | HashedRows) -> np.ndarray:
        """The network's logit per row (without any offset)."""
        return np.maximum(x @ self.w1 + self.b1, 0.0) @ self.w2[:, 0] + self.b2[0]


def average(nets: list[Network]) -> Network:
    """One network whose logit is the mean of ``nets``' logits (their hidden units side by side, each output
    weight divided by their number): an ensemble that runs as one network."""
    k = len(nets)
    return Network(np.concatenate([n.w1 for n in nets], axis=1), np.concatenate([n.b1 for n in nets]),
                   np.concatenate([n.w2 for n in nets]) / k, np.array([sum(n.b2[0] for n in nets) / k]))


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-(y * np.log(p) + (1 - y) * np.log(1 - p)).mean())


def _backward(x: np.ndarray | HashedRows, err: np.ndarray, net: Network, hidden_in: np.ndarray,
              l2: float) -> list[np.ndarray]:
    hidden = np.maximum(hidden_in, 0.0)
    back = (err[:, None] @ net.w2.T) * (hidden_in > 0)
    grad_w1 = (x.transposed_times(back) if isinstance(x, HashedRows) else x.T @ back) + l2 * net.w1
    return [grad_w1, back.sum(axis=0), hidden.T @ err[:, None] + l2 * net.w2, np.array([err.sum()])]


def fit(x: np.ndarray | HashedRows, y: np.ndarray, *, held_out: tuple, hidden: int = 32, l2: float = 1e-3,
        epochs: int = 300, rate: float = 0.003, check_every: int = 25, seed: int = 0,
        offsets: tuple[np.ndarray, np.ndarray] | None = None) -> tuple[Network, float]:
    """Train on (x, y); every ``check_every`` epochs score ``held_out`` = (x, y) and keep the weights with the
    lowest held-out log loss. Returns them and that loss. ``offsets`` (train rows', held-out rows') are fixed
    logits the network's are added to: it then learns a correction to them."""
    rng = np.random.default_rng(seed)
    n, d = x.shape
    net = Network(rng.normal(0, 1 / np.sqrt(40), (d, hidden)), np.zeros(hidden),
                  rng.normal(0, 1 / np.sqrt(hidden), (hidden, 1)), np.zeros(1))
    params = [net.w1, net.b1, net.w2, net.b2]
    moment = [np.zeros_like(p) for p in params]
    square = [np.zeros_like(p) for p in params]
    best: tuple[float, Network] | None = None
    x_out, y_out = held_out
    offset, offset_out = offsets if offsets is not None else (np.zeros(n), np.zeros(len(y_out)))
    for step in range(1, epochs + 1):
        hidden_in = x @ net.w1 + net.b1
        z = np.maximum(hidden_in, 0.0) @ net.w2[:, 0] + net.b2[0] + offset
        err = (sigmoid(z) - y) / n
        for k, grad in enumerate(_backward(x, err, net, hidden_in, l2)):
            moment[k] = 0.9 * moment[k] + 0.1 * grad
            square[k] = 0.999 * square[k] + 0.001 * grad ** 2
            params[k] -= rate * (moment[k] / (1 - 0.9 ** step)) / (np.sqrt(square[k] / (1 - 0.999 ** step)) + 1e-8)
        if step % check_every == 0 or step == epochs:
            loss = log_loss(sigmoid(net.logits(x_out) + offset_out), y_out)
            if best is None or loss < best[0]:
                best = (loss, Network(*(p.copy() for p in params)))
    assert best is not None
    return best[1], best[0]
