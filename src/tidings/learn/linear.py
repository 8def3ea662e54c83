"""Logistic regression (binary or multinomial) in numpy, with L2, Adam, and Platt calibration; a sparse
matrix of hashed one-hot features."""
from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class HashedRows:
    """A feature matrix of dense columns followed by one-hot hashed columns, the latter held sparsely:
    entry k sets column ``dense.shape[1] + cols[k]`` of row ``rows[k]`` to 1 (entries in row order)."""

    dense: np.ndarray
    rows: np.ndarray
    cols: np.ndarray
    width: int  # how many hashed columns

    @property
    def shape(self) -> tuple[int, int]:
        return self.dense.shape[0], self.dense.shape[1] + self.width

    @functools.cached_property
    def _row_starts(self) -> np.ndarray:
        """Where each row's run of entries begins (computed once: training multiplies the same rows often)."""
        return np.flatnonzero(np.r_[True, self.rows[1:] != self.rows[:-1]])

    def __matmul__(self, w: np.ndarray) -> np.ndarray:
        d = self.dense.shape[1]
        out = self.dense @ w[:d]
        if len(self.cols):
            starts = self._row_starts
            out[self.rows[starts]] += np.add.reduceat(w[d + self.cols], starts, axis=0)
        return out

    def transposed_times(self, err: np.ndarray) -> np.ndarray:
        """``X.T @ err`` for an (n × classes) ``err``."""
        hashed = np.stack([np.bincount(self.cols, weights=err[self.rows, k], minlength=self.width)
                           for k in range(err.shape[1])], axis=1)
        return np.vstack([self.dense.T @ err, hashed])


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def sigmoid(z: np.ndarray | float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))


@dataclass
class Linear:
    """Weights ``w`` (features × classes) and bias ``b`` (classes); one class column means binary."""

    w: np.ndarray
    b: np.ndarray

    def logits(self, x: np.ndarray) -> np.ndarray:
        return x @ self.w + self.b

    def proba(self, x: np.ndarray) -> np.ndarray:
        z = self.logits(x)
        return sigmoid(z[:, 0]) if z.shape[1] == 1 else softmax(z)


def fit(x: np.ndarray, y: np.ndarray, *, classes: int = 1, l2: float = 1e-3, epochs: int = 200,
        rate: float = 0.05, weights: np.ndarray | None = None, seed: int = 0) -> Linear:
    """Train by full-batch Adam on the (weighted) log loss; ``classes=1`` is binary with y in {0, 1}."""
    rng = np.random.default_rng(seed)
    n, d = x.shape
    w = rng.normal(0, 0.01, (d, classes)).astype(np.float64)
    b = np.zeros(classes)
    target = y.reshape(-1, 1).astype(float) if classes == 1 else np.eye(classes)[y]
    sample = np.ones(n) if weights is None else weights
    sample = (sample / sample.sum()).reshape(-1, 1)
    m = [np.zeros_like(w), np.zeros_like(b)]
    v = [np.zeros_like(w), np.zeros_like(b)]
    for step in range(1, epochs + 1):
        z = x @ w + b
        p = sigmoid(z) if classes == 1 else softmax(z)
        err = (p - target) * sample
        grads = [x.T @ err + l2 * w, err.sum(axis=0)]
        for k, (param, grad) in enumerate(zip((w, b), grads, strict=True)):
            m[k] = 0.9 * m[k] + 0.1 * grad
            v[k] = 0.999 * v[k] + 0.001 * grad ** 2
            param -= rate * (m[k] / (1 - 0.9 ** step)) / (np.sqrt(v[k] / (1 - 0.999 ** step)) + 1e-8)
    return Linear(w, b)


def platt(scores: np.ndarray, y: np.ndarray, epochs: int = 500) -> tuple[float, float]:
    """(a, b) so that sigmoid(a * logit + b) is calibrated on held-out (logit, label) pairs."""
    model = fit(scores.reshape(-1, 1), y, l2=0.0, epochs=epochs, rate=0.05)
    return float(model.w[0, 0]), float(model.b[0])


def expected_calibration_error(p: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """Mean gap between confidence and accuracy over equal-width bins, weighted by bin size."""
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        inside = (p >= lo) & ((p < hi) | (hi == 1.0))
        if inside.any():
            total += inside.sum() * abs(p[inside].mean() - y[inside].mean())
    return total / max(1, len(p))
