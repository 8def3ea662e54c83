"""The one-hidden-layer network: it learns what a linear model cannot, stops early, reads hashed rows."""
from __future__ import annotations

import numpy as np

from tidings.learn import linear, mlp


def _xor(n=400, seed=4):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 2))
    return x, ((x[:, 0] > 0) ^ (x[:, 1] > 0)).astype(float)


def test_network_learns_a_rule_no_linear_model_can():
    x, y = _xor()
    held = _xor(200, seed=5)
    net, loss = mlp.fit(x, y, held_out=held, hidden=16, l2=1e-4, epochs=400, rate=0.02)
    assert ((linear.sigmoid(net.logits(held[0])) >= 0.5) == held[1]).mean() > 0.9
    assert loss < 0.4


def test_held_out_loss_picks_the_best_checkpoint():
    x, y = _xor()
    held = _xor(200, seed=6)
    net, loss = mlp.fit(x, y, held_out=held, hidden=16, epochs=100, rate=0.02, check_every=10)
    assert np.isclose(loss, mlp.log_loss(linear.sigmoid(net.logits(held[0])), held[1]))


def test_network_reads_hashed_rows():
    rows, cols = np.array([0, 1, 1]), np.array([2, 0, 1])
    sparse = linear.HashedRows(np.ones((2, 1)), rows, cols, 3)
    full = np.array([[1.0, 0, 0, 1], [1.0, 1, 1, 0]])
    net = mlp.Network(np.random.default_rng(0).normal(size=(4, 3)), np.zeros(3), np.ones((3, 1)), np.zeros(1))
    assert np.allclose(net.logits(sparse), net.logits(full))


def test_fitted_as_a_correction_it_learns_only_what_the_offset_misses():
    x, y = _xor()
    held = _xor(200, seed=7)
    first = (x[:, 0] > 0).astype(float)
    held_first = (held[0][:, 0] > 0).astype(float)
    # an expert that knows the label's sign on x0 > 0 and is wrong on the other half: the network must flip it
    offset, held_offset = 4 * (2 * first - 1), 4 * (2 * held_first - 1)
    net, loss = mlp.fit(x, y, held_out=held, hidden=16, l2=1e-4, epochs=400, rate=0.02,
                        offsets=(offset, held_offset))
    combined = linear.sigmoid(net.logits(held[0]) + held_offset)
    assert ((combined >= 0.5) == held[1]).mean() > 0.9
    assert np.isclose(loss, mlp.log_loss(combined, held[1]))


def test_an_averaged_network_gives_the_mean_logit():
    rng = np.random.default_rng(3)
    nets = [mlp.Network(rng.normal(size=(4, 3)), rng.normal(size=3), rng.normal(size=(3, 1)), rng.normal(size=1))
            for _ in range(3)]
    x = rng.normal(size=(5, 4))
    assert np.allclose(mlp.average(nets).logits(x), np.mean([n.logits(x) for n in nets], axis=0))
