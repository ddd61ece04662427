"""Thresholds, calibration maps and fusion: known expected values."""

from __future__ import annotations

import math

import pytest

from mtqe.calibrate import (
    Thresholds,
    apply_map,
    expected_calibration_error,
    fit_platt,
    fit_thresholds,
    prior_shift,
    prior_weight,
    threshold_for_precision,
    threshold_max_mcc,
)
from mtqe.fusion import fit_fusion


@pytest.mark.parametrize(("score", "flag"), [(0.0, "ok"), (0.49, "ok"), (0.5, "review"),
                                             (0.79, "review"), (0.8, "error"), (1.0, "error")])
def test_flags(score: float, flag: str) -> None:
    assert Thresholds(0.5, 0.8).flag(score) == flag


@pytest.mark.parametrize(("mode", "review", "error"), [("precise", 0.6, 0.9), ("balanced", 0.5, 0.8),
                                                       ("sensitive", 0.35, 0.65)])
def test_modes(mode: str, review: float, error: float) -> None:
    th = Thresholds(0.5, 0.8).shifted(mode)
    assert th.review == pytest.approx(review) and th.error == pytest.approx(error)


@pytest.mark.parametrize("bad", [(0.9, 0.5), (-0.1, 0.5), (0.5, 1.2)])
def test_invalid_thresholds(bad: tuple[float, float]) -> None:
    with pytest.raises(ValueError):
        Thresholds(*bad)


SCORES = [0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2]
LABELS = [True, True, True, False, True, False, True, False, False, False]


@pytest.mark.parametrize(("target", "expected"), [(1.0, 0.85), (0.8, 0.7), (0.7, 0.5),
                                                  (0.5, 0.2), (0.4, 0.2)])
def test_threshold_for_precision(target: float, expected: float) -> None:
    assert threshold_for_precision(SCORES, LABELS, target, min_flags=1) == expected


def test_threshold_for_precision_unreachable() -> None:
    assert threshold_for_precision([0.9, 0.8], [False, False], 0.5, min_flags=1) is None


def test_threshold_max_mcc() -> None:
    # cuts at 0.85 (tp=3 fp=0) and 0.5 (tp=5 fp=2) tie at MCC 0.655; the stricter one wins
    assert threshold_max_mcc(SCORES, LABELS) == 0.85


def test_fit_thresholds_orders_review_below_error() -> None:
    th = fit_thresholds(SCORES * 3, LABELS * 3, 0.5, 0.8)
    assert th.review <= th.error
    # review: all 30 flags reach 0.5 precision; error: 0.8 needs >= 20 flags, unreachable,
    # so error falls back to the top score
    assert th.review == 0.2 and th.error == 0.95


def test_prior_weight_and_shift() -> None:
    assert prior_weight(0.5, 0.5) == pytest.approx(1.0)
    assert prior_weight(0.5, 0.2) == pytest.approx(0.25)
    m = prior_shift({"kind": "platt", "a": 1.0, "b": 0.0}, 0.5, 0.2)
    assert apply_map(m, 0.5) == pytest.approx(0.2)


@pytest.mark.parametrize(("raw", "expected"), [(0.0, 0.1), (0.25, 0.2), (0.5, 0.3), (0.75, 0.6),
                                               (1.0, 0.9)])
def test_isotonic_map(raw: float, expected: float) -> None:
    cmap = {"kind": "isotonic", "x": [0.0, 0.5, 1.0], "y": [0.1, 0.3, 0.9]}
    assert apply_map(cmap, raw) == pytest.approx(expected)


def test_platt_recovers_a_known_map() -> None:
    xs = [i / 100 for i in range(1, 100)]
    # labels drawn deterministically from p = sigmoid(2 * logit(x) - 1): many copies, exact fractions
    scores, labels = [], []
    for x in xs:
        p = 1 / (1 + math.exp(-(2 * math.log(x / (1 - x)) - 1)))
        k = round(p * 100)
        scores += [x] * 100
        labels += [True] * k + [False] * (100 - k)
    m = fit_platt(scores, labels)
    assert m["a"] == pytest.approx(2.0, abs=0.05) and m["b"] == pytest.approx(-1.0, abs=0.05)
    assert expected_calibration_error([apply_map(m, s) for s in scores], labels) < 0.01


def test_ece_of_perfectly_calibrated_bins() -> None:
    scores = [0.25] * 4 + [0.75] * 4
    labels = [True, False, False, False, True, True, True, False]
    assert expected_calibration_error(scores, labels) == pytest.approx(0.0)


def test_fit_fusion_learns_the_informative_feature() -> None:
    rows = [{"a": float(i % 2), "b": 0.3} for i in range(200)]
    labels = [bool(i % 2) if i % 10 else not bool(i % 2) for i in range(200)]
    fus = fit_fusion(rows, labels, l2=0.1)
    assert fus.weights["a"] > 1.0
    assert fus.predict({"a": 1.0, "b": 0.3}) > 0.7 > 0.3 > fus.predict({"a": 0.0, "b": 0.3})
