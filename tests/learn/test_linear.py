"""The numpy logistic regression, its calibration and the calibration error."""
from __future__ import annotations

import numpy as np

from tidings.learn import linear


def _separable(n=400, seed=1):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 3))
    y = (x[:, 0] - 0.5 * x[:, 1] > 0).astype(float)
    return x, y


def test_binary_fit_separates_a_linear_rule():
    x, y = _separable()
    model = linear.fit(x, y, l2=1e-4, epochs=300, rate=0.1)
    assert ((model.proba(x) >= 0.5) == y).mean() > 0.95


def test_hashed_rows_multiply_like_the_same_dense_matrix():
    rng = np.random.default_rng(3)
    dense = rng.normal(size=(6, 2))
    rows = np.array([0, 0, 1, 3, 3, 3, 5])  # rows 2 and 4 have no hashed feature
    cols = np.array([1, 4, 0, 2, 3, 4, 1])
    full = np.hstack([dense, np.zeros((6, 5))])
    np.add.at(full, (rows, 2 + cols), 1.0)
    sparse = linear.HashedRows(dense, rows, cols, 5)
    w = rng.normal(size=(7, 3))
    err = rng.normal(size=(6, 3))
    assert sparse.shape == full.shape
    assert np.allclose(sparse @ w, full @ w)
    assert np.allclose(sparse.transposed_times(err), full.T @ err)


def test_multinomial_fit_learns_three_classes():
    rng = np.random.default_rng(2)
    y = rng.integers(0, 3, 300)
    x = np.eye(3)[y] + rng.normal(0, 0.1, (300, 3))
    model = linear.fit(x, y, classes=3, l2=1e-4, epochs=200, rate=0.1)
    assert (model.proba(x).argmax(axis=1) == y).mean() > 0.95
    assert np.allclose(model.proba(x).sum(axis=1), 1.0)


def test_platt_scaling_fixes_overconfident_scores():
    rng = np.random.default_rng(3)
    truth = rng.uniform(0.05, 0.95, 4000)
    y = (rng.uniform(size=4000) < truth).astype(float)
    overconfident = 4 * np.log(truth / (1 - truth))  # logits four times too sure
    before = linear.expected_calibration_error(linear.sigmoid(overconfident), y)
    a, b = linear.platt(overconfident, y)
    after = linear.expected_calibration_error(linear.sigmoid(a * overconfident + b), y)
    assert 0.15 < a < 0.4 and after < before / 2 and after < 0.05


def test_calibration_error_of_perfect_and_wrong_confidences():
    y = np.array([1.0, 0.0, 1.0, 0.0])
    assert linear.expected_calibration_error(np.array([1.0, 0.0, 1.0, 0.0]), y) == 0.0
    assert linear.expected_calibration_error(np.array([0.0, 1.0, 0.0, 1.0]), y) == 1.0
