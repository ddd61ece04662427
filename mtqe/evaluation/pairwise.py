"""Same-source pairwise accuracy: does the worse of two translations of one source score higher?

Several systems' translations of one source share its length, names and topic, so a
detector that only knows which *sentences* are hard sits at chance here (0.50); only
evidence about the *translation* moves it. Pairs whose gold badness differs count, the worse
side scored above the other as 1, a tie as 1/2.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Hashable, Sequence
from typing import Any

from .devdata import DevSegment


def source_key(seg: DevSegment) -> Hashable | None:
    """What makes two segments translations of one source: the document (without its system)
    and segment number where the file has them (MQM), else the source text itself."""
    if "system" in seg.extra and "seg_id" in seg.extra:
        return ((seg.doc or "").split("|", 1)[-1], seg.extra["seg_id"])
    if seg.source:
        return (seg.extra.get("lang_pair"), seg.source)
    return None


def _hit(worse: float, better: float) -> float:
    return 1.0 if worse > better else 0.5 if worse == better else 0.0


def _mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else float("nan")


def pairwise_accuracy(segs: Sequence[DevSegment], scores: Sequence[float]) -> dict[str, Any]:
    """Accuracy over same-source pairs whose gold (``DevSegment.gold``) differs, over those
    where one side has a major error and the other none (``bad``), and the same for a
    ranking by target length alone (what a difficulty prior gets inside a pair).

    Returns:
        ``{"pairs", "accuracy", "major_pairs", "major_accuracy", "length_accuracy"}``; the
        counts are 0 (accuracies nan) for a file with one translation per source.

    Example:
        >>> pairwise_accuracy(segs, [r.score for r in det.check_segments(...)])["accuracy"]
    """
    groups: dict[Hashable, list[int]] = defaultdict(list)
    for k, s in enumerate(segs):
        key = source_key(s)
        if key is not None:
            groups[key].append(k)
    by_gold, by_major, by_len = [], [], []
    for members in groups.values():
        for a, b in itertools.combinations(members, 2):
            ga, gb = segs[a].gold, segs[b].gold
            if ga is not None and gb is not None and ga != gb:
                w, o = (a, b) if ga > gb else (b, a)
                by_gold.append(_hit(scores[w], scores[o]))
                by_len.append(_hit(len(segs[w].target.split()), len(segs[o].target.split())))
            if segs[a].bad != segs[b].bad:
                w, o = (a, b) if segs[a].bad else (b, a)
                by_major.append(_hit(scores[w], scores[o]))
    return {"pairs": len(by_gold), "accuracy": _mean(by_gold), "major_pairs": len(by_major),
            "major_accuracy": _mean(by_major), "length_accuracy": _mean(by_len)}
