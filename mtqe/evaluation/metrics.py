"""Metrics of a score against human labels: AUROC, average precision, Spearman, MCC and
friends. Pure functions of two sequences."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np


def _ranks(x: Sequence[float]) -> np.ndarray:
    """Average ranks (ties share their mean rank), as Spearman and AUROC need."""
    a = np.asarray(x, dtype=float)
    order = a.argsort(kind="mergesort")
    ranks = np.empty(len(a))
    sa = a[order]
    i = 0
    while i < len(a):
        j = i
        while j + 1 < len(a) and sa[j + 1] == sa[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def auroc(labels: Sequence[bool], scores: Sequence[float]) -> float:
    y = np.asarray(labels, dtype=bool)
    n_pos, n_neg = int(y.sum()), int((~y).sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    r = _ranks(scores)
    return float((r[y].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def average_precision(labels: Sequence[bool], scores: Sequence[float]) -> float:
    y = np.asarray(labels, dtype=bool)[np.argsort(-np.asarray(scores, dtype=float), kind="mergesort")]
    if not y.any():
        return float("nan")
    hits = np.cumsum(y)
    return float((hits[y] / (np.flatnonzero(y) + 1)).mean())


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    rx, ry = _ranks(x), _ranks(y)
    if rx.std() == 0 or ry.std() == 0:
        return float("nan")
    return float(np.corrcoef(rx, ry)[0, 1])


def binary_metrics(labels: Sequence[bool], preds: Sequence[bool]) -> dict[str, float]:
    """Precision, recall, F1 and Matthews correlation of binary flags."""
    y, p = np.asarray(labels, dtype=bool), np.asarray(preds, dtype=bool)
    tp, fp = int((y & p).sum()), int((~y & p).sum())
    fn, tn = int((y & ~p).sum()), int((~y & ~p).sum())
    prec = tp / (tp + fp) if tp + fp else float("nan")
    rec = tp / (tp + fn) if tp + fn else float("nan")
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    den = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    mcc = (tp * tn - fp * fn) / den if den else 0.0
    return {"precision": prec, "recall": rec, "f1": f1, "mcc": mcc, "flagged": tp + fp}
