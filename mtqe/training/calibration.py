"""Fitting the calibration: the score map (Platt or isotonic), the review/error thresholds
(global, per category, steadied over documents), the base-rate shift and the calibration
error. The runtime side (``Thresholds``, ``apply_map``) is ``mtqe.thresholds``."""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ..fusion import Fusion
from ..thresholds import Thresholds


def threshold_for_precision(scores: Sequence[float], labels: Sequence[bool], target: float,
                            min_flags: int = 20, pos_weight: float = 1.0) -> float | None:
    """The lowest threshold whose flags (score >= t) reach ``target`` precision, with at
    least ``min_flags`` flags; None when no such threshold exists.

    ``pos_weight`` re-weights positives relative to negatives, to read precision at another
    base rate than the data's (see ``prior_weights``)."""
    pairs = sorted(zip(scores, labels, strict=True), key=lambda p: -p[0])
    tp = fp = 0.0
    best = None
    for k, (s, y) in enumerate(pairs, start=1):
        if y:
            tp += pos_weight
        else:
            fp += 1.0
        at_boundary = k == len(pairs) or pairs[k][0] < s
        if at_boundary and k >= min_flags and tp / (tp + fp) >= target:
            best = s
    return best


def prior_shift(cmap: dict[str, Any], data_rate: float, prior: float) -> dict[str, Any]:
    """A calibration map fitted where errors occur at ``data_rate``, moved to a deployment
    base rate ``prior`` by Bayes: the odds of every output are multiplied by the ratio of
    prior odds (for Platt only the intercept changes; for isotonic the knots' values move)."""
    if cmap.get("kind") == "isotonic":
        w = prior_weight(data_rate, prior)
        ys = [round(y * w / (y * w + 1 - y), 6) for y in cmap["y"]]
        return {**cmap, "y": ys, "prior": prior}
    lg = lambda p: math.log(p / (1 - p))  # noqa: E731
    return {**cmap, "b": round(cmap["b"] + lg(prior) - lg(data_rate), 6), "prior": prior}


def prior_weight(data_rate: float, prior: float) -> float:
    """Weight of a positive relative to a negative that turns ``data_rate`` into ``prior``."""
    return (prior / data_rate) / ((1 - prior) / (1 - data_rate))


def threshold_max_mcc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """The threshold (score >= t flags) with the highest Matthews correlation."""
    pairs = sorted(zip(scores, labels, strict=True), key=lambda p: -p[0])
    pos = sum(bool(y) for _, y in pairs)
    neg = len(pairs) - pos
    tp = fp = 0
    best, best_t = -2.0, 1.0
    for k, (s, y) in enumerate(pairs, start=1):
        tp, fp = tp + bool(y), fp + (not y)
        if k < len(pairs) and pairs[k][0] == s:
            continue
        fn, tn = pos - tp, neg - fp
        den = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)) or 1.0
        mcc = (tp * tn - fp * fn) / den
        if mcc > best:
            best, best_t = mcc, s
    return best_t


def fit_thresholds(scores: Sequence[float], labels: Sequence[bool], review_precision: float = 0.5,
                   error_precision: float = 0.8, pos_weight: float = 1.0) -> Thresholds:
    """``review`` and ``error`` thresholds by target precision, falling back to the max-MCC
    threshold where a target cannot be reached on this data."""
    mcc_t = threshold_max_mcc(scores, labels)
    review = threshold_for_precision(scores, labels, review_precision, pos_weight=pos_weight) or mcc_t
    error = threshold_for_precision(scores, labels, error_precision, pos_weight=pos_weight)
    if error is None:
        error = max(review, min(1.0, max(scores, default=1.0)))
    return Thresholds(review=min(review, error), error=max(review, error))


# A category gets its own thresholds only from this many positive (flag-worthy) dev
# sentences up: the precision of a few dozen flags is uncertain by about 0.1 (binomial
# standard error at 0.5 over 30 flags: 0.09), so below it a category's own pair is noise.
MIN_CATEGORY_POSITIVES = 30


def fit_category_thresholds(scores: Sequence[float], labels: Sequence[bool],
                            categories: Sequence[str | None], overall: Thresholds,
                            review_precision: float = 0.5, error_precision: float = 0.8,
                            pos_weight: float = 1.0,
                            min_positives: int = MIN_CATEGORY_POSITIVES) -> Thresholds:
    """``overall`` plus a pair per category (of a sentence's strongest span; None: no span)
    with at least ``min_positives`` positive sentences. Each threshold is the lowest one
    reaching its target precision within the category; where a target is out of reach
    there, the global value stands in (then ordered so that review <= error)."""
    cats: dict[str, Thresholds] = {}
    for cat in sorted({c for c in categories if c is not None}):
        idx = [i for i, c in enumerate(categories) if c == cat]
        if sum(bool(labels[i]) for i in idx) < min_positives:
            continue
        s, y = [scores[i] for i in idx], [labels[i] for i in idx]
        review = threshold_for_precision(s, y, review_precision, pos_weight=pos_weight)
        error = threshold_for_precision(s, y, error_precision, pos_weight=pos_weight)
        review = overall.review if review is None else review
        error = overall.error if error is None else error
        cats[cat] = Thresholds(min(review, error), max(review, error))
    return Thresholds(overall.review, overall.error, cats)


# Resamples of the by-document bootstrap that steadies fitted thresholds. "The lowest threshold
# reaching a precision" is a noisy statistic: on 5,000 MQM 2020 segments, resampling the
# documents moves the ``error`` threshold between 0.63 and 0.80 (10th to 90th percentile), so a
# single fit lands wherever a lucky run of true flags happens to sit.
THRESHOLD_RESAMPLES = 200


def steadied_thresholds(fit: Callable[[list[int]], Thresholds], groups: Sequence[str],
                        resamples: int = THRESHOLD_RESAMPLES, seed: int = 0) -> Thresholds:
    """The median, over ``resamples`` bootstrap resamples of whole groups (documents), of the
    thresholds ``fit`` chooses on the items it is given (indices into ``groups``); a category
    pair is kept where at least half the resamples fit one. Seeded: the same data gives the
    same thresholds."""
    members: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        members.setdefault(g, []).append(i)
    keys = sorted(members)
    rng = random.Random(seed)
    fits = [fit([i for k in rng.choices(keys, k=len(keys)) for i in members[k]])
            for _ in range(resamples)]

    def median(pairs: list[Thresholds]) -> Thresholds:
        # review <= error in every pair, so the medians keep that order
        return Thresholds(statistics.median(t.review for t in pairs),
                          statistics.median(t.error for t in pairs))

    cats = {}
    for cat in sorted({c for th in fits for c in th.categories}):
        pairs = [th.categories[cat] for th in fits if cat in th.categories]
        if 2 * len(pairs) >= len(fits):
            cats[cat] = median(pairs)
    overall = median(fits)
    return Thresholds(overall.review, overall.error, cats)


def fit_platt(scores: Sequence[float], labels: Sequence[bool], iters: int = 100) -> dict[str, Any]:
    """Platt scaling ``sigmoid(a * logit(s) + b)`` by Newton's method."""
    xs = [math.log(min(max(s, 1e-6), 1 - 1e-6) / (1 - min(max(s, 1e-6), 1 - 1e-6))) for s in scores]
    ys = [float(bool(y)) for y in labels]
    a, b = 1.0, 0.0
    for _ in range(iters):
        ga = gb = haa = hab = hbb = 0.0
        for x, y in zip(xs, ys, strict=True):
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, a * x + b))))
            w = p * (1 - p) + 1e-9
            ga, gb = ga + (p - y) * x, gb + (p - y)
            haa, hab, hbb = haa + w * x * x, hab + w * x, hbb + w
        det = haa * hbb - hab * hab
        if abs(det) < 1e-12:
            break
        da, db = (hbb * ga - hab * gb) / det, (haa * gb - hab * ga) / det
        a, b = a - da, b - db
        if max(abs(da), abs(db)) < 1e-9:
            break
    return {"kind": "platt", "a": round(a, 6), "b": round(b, 6)}


def fit_isotonic(scores: Sequence[float], labels: Sequence[bool], max_knots: int = 50) -> dict[str, Any]:
    """Isotonic calibration: pool-adjacent-violators over the scores first pooled into at
    most ``max_knots`` bins of (about) equal count, so the stored map stays small. Each
    pooled block gives one knot (mean score, error rate); ``apply_map`` interpolates
    between knots."""
    if not scores:
        raise ValueError("isotonic calibration needs at least one score")
    pairs = sorted(zip(scores, (float(bool(y)) for y in labels), strict=True))
    size = math.ceil(len(pairs) / max_knots)
    blocks: list[list[float]] = []  # [sum of scores, sum of labels, count]
    cur = [0.0, 0.0, 0.0]
    for k, (s, y) in enumerate(pairs):
        cur = [cur[0] + s, cur[1] + y, cur[2] + 1]
        # a bin closes only between distinct scores: tied scores share one knot
        if k + 1 == len(pairs) or (cur[2] >= size and pairs[k + 1][0] > s):
            blocks.append(cur)
            cur = [0.0, 0.0, 0.0]
    pooled: list[list[float]] = []
    for b in blocks:
        pooled.append(b)
        while len(pooled) > 1 and pooled[-2][1] / pooled[-2][2] >= pooled[-1][1] / pooled[-1][2]:
            last = pooled.pop()
            pooled[-1] = [pooled[-1][0] + last[0], pooled[-1][1] + last[1], pooled[-1][2] + last[2]]
    return {"kind": "isotonic", "x": [round(b[0] / b[2], 6) for b in pooled],
            "y": [round(b[1] / b[2], 6) for b in pooled]}


def expected_calibration_error(scores: Sequence[float], labels: Sequence[bool], bins: int = 10) -> float:
    """Mean |accuracy - confidence| over equal-width score bins, weighted by bin size."""
    total, ece = len(scores), 0.0
    for k in range(bins):
        lo, hi = k / bins, (k + 1) / bins
        idx = [i for i, s in enumerate(scores) if lo <= s < hi or (k == bins - 1 and s == 1.0)]
        if idx:
            conf = sum(scores[i] for i in idx) / len(idx)
            acc = sum(bool(labels[i]) for i in idx) / len(idx)
            ece += len(idx) / total * abs(acc - conf)
    return ece


def fit_fusion(rows: Sequence[dict[str, float]], labels: Sequence[bool], l2: float = 1.0,
               iters: int = 50, sample_weights: Sequence[float] | None = None) -> Fusion:
    """L2-regularised logistic regression by Newton's method (few features, exact fit);
    ``sample_weights`` weigh each row's loss (default 1)."""
    names = sorted({k for r in rows for k in r})
    X = np.array([[r.get(k, 0.0) for k in names] + [1.0] for r in rows])
    y = np.asarray(labels, dtype=float)
    s = np.ones(len(rows)) if sample_weights is None else np.asarray(sample_weights, dtype=float)
    w = np.zeros(X.shape[1])
    reg = np.full(X.shape[1], l2)
    reg[-1] = 0.0  # the bias is not shrunk
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(X @ w, -30, 30)))
        grad = X.T @ (s * (p - y)) + reg * w
        hess = (X * (s * p * (1 - p))[:, None]).T @ X + np.diag(reg + 1e-6)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Fusion(weights={k: round(float(v), 6) for k, v in zip(names, w[:-1], strict=True)},
                  bias=round(float(w[-1]), 6))
