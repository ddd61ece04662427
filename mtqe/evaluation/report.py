"""Extra figures of `mtqe eval`: span F1, per-category recall, QE systems side by side, plots."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..types import SentenceResult
from .devdata import DevSegment
from .metrics import spearman


def span_f1(segs: Sequence[DevSegment], results: Sequence[SentenceResult]) -> dict[str, float]:
    """Character-level precision / recall / F1 of flagged spans against annotated spans."""
    tp = fp = fn = 0
    for seg, r in zip(segs, results, strict=True):
        gold = {c for a, b, _ in seg.errors for c in range(a, b)}
        pred = {c for sp in r.spans for c in range(sp.start, sp.end)}
        tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": rc, "f1": 2 * p * rc / (p + rc) if p + rc else 0.0}


def category_recall(segs: Sequence[DevSegment], results: Sequence[SentenceResult]) -> dict[str, Any]:
    """Share of sentences of each synthetic category that are flagged (for "clean" and
    "benign", the false-flag rate)."""
    n: dict[str, int] = defaultdict(int)
    hit: dict[str, int] = defaultdict(int)
    for seg, r in zip(segs, results, strict=True):
        cat = seg.extra.get("category")
        if cat:
            n[cat] += 1
            hit[cat] += r.flag != "ok"
    return {c: {"n": n[c], "flagged": hit[c] / n[c]} for c in sorted(n)}


def qe_systems(segs: Sequence[DevSegment], scores: Sequence[float]) -> dict[str, float]:
    """Spearman against the gold of mtqe and of every submitted QE system stored in the file
    (their scores are "higher = better", so they are negated to correlate with badness)."""
    golds = [s.gold for s in segs]
    out = {"mtqe": spearman(scores, golds)}  # type: ignore[arg-type]
    teams = sorted({t for s in segs for t in s.extra.get("qe_submissions", {})})
    for t in teams:
        pairs = [(-s.extra["qe_submissions"][t], s.gold) for s in segs
                 if t in s.extra.get("qe_submissions", {}) and s.extra["qe_submissions"][t] is not None]
        if len(pairs) == len(segs):
            out[t] = spearman([p for p, _ in pairs], [g for _, g in pairs])  # type: ignore[misc]
    return out


def plots(labels: Sequence[bool], scores: Sequence[float], out_dir: str | Path, name: str) -> list[str]:
    """A reliability diagram and a precision-recall curve as PNG files."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    bins = [[] for _ in range(10)]  # type: list[list[int]]
    for i, s in enumerate(scores):
        bins[min(9, int(s * 10))].append(i)
    xs = [sum(scores[i] for i in b) / len(b) for b in bins if b]
    ys = [sum(bool(labels[i]) for i in b) / len(b) for b in bins if b]
    fig, ax = plt.subplots(figsize=(4, 4))
    ax.plot([0, 1], [0, 1], "--", color="grey")
    ax.plot(xs, ys, "o-")
    ax.set(xlabel="predicted probability", ylabel="observed error rate", title=f"Reliability: {name}")
    rel = out / f"{name}_reliability.png"
    fig.tight_layout()
    fig.savefig(rel, dpi=100)
    plt.close(fig)
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    tp, pts, pos = 0, [], max(1, sum(map(bool, labels)))
    for k, i in enumerate(order, start=1):
        tp += bool(labels[i])
        pts.append((tp / pos, tp / k))
    fig, ax = plt.subplots(figsize=(4, 4))
    ax.plot([p[0] for p in pts], [p[1] for p in pts])
    ax.set(xlabel="recall", ylabel="precision", title=f"Precision-recall: {name}", ylim=(0, 1.02))
    pr = out / f"{name}_pr.png"
    fig.tight_layout()
    fig.savefig(pr, dpi=100)
    plt.close(fig)
    return [str(rel), str(pr)]


def by_language_pair(segs: Sequence[DevSegment], scores: Sequence[float]) -> dict[str, Any]:
    """Spearman of the score against the gold badness within each language pair."""
    groups: dict[str, list[int]] = defaultdict(list)
    for k, s in enumerate(segs):
        if "lang_pair" in s.extra and s.gold is not None:
            groups[s.extra["lang_pair"]].append(k)
    return {lp: {"n": len(ix), "spearman": spearman([scores[k] for k in ix],
                                                    [segs[k].gold for k in ix])}  # type: ignore[misc]
            for lp, ix in sorted(groups.items())}
