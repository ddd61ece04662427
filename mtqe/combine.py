"""The first combiner: check findings to a sentence score.

A noisy-OR: each finding is independent evidence of an error with probability
``weight[category] * strength``, on top of a prior for a sentence no check fires on. It is
deliberately simple and documented so that later, learned fusion has a baseline to beat.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .checks.base import Finding
from .results import Span


@dataclass(frozen=True)
class CombinerConfig:
    """Parameters of the noisy-OR; stored in the model folder's ``config.json``."""

    prior: float = 0.05
    weights: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 0.0 <= self.prior < 1.0:
            raise ValueError(f"prior must be in [0, 1), got {self.prior}")
        bad = {k: v for k, v in self.weights.items() if not 0.0 <= v <= 1.0}
        if bad:
            raise ValueError(f"weights must be in [0, 1]: {bad}")


def combine(findings: Iterable[Finding], config: CombinerConfig) -> tuple[float, list[Span]]:
    """Score one sentence from its findings.

    Returns:
        The error probability and the findings as spans, strongest first.
    """
    p_clean = 1.0 - config.prior
    spans = []
    for f in findings:
        p = config.weights.get(f.category, 1.0) * f.strength
        p_clean *= 1.0 - p
        spans.append(Span(f.start, f.end, f.category, round(p, 4), f.reason))
    spans.sort(key=lambda s: (-s.score, s.start))
    return 1.0 - p_clean, spans


def model_findings(ms: Any, text: str, threshold: float) -> list[Finding]:
    """Runs of tokens the model scores at or above ``threshold``, widened to whole words."""
    out: list[Finding] = []
    run: list[tuple[int, int, float]] = []
    for tok in list(ms.tokens) + [(len(text) + 1, len(text) + 1, 0.0)]:
        if tok[2] >= threshold and (not run or tok[0] - run[-1][1] <= 1):
            run.append(tok)
            continue
        if run:
            a, b = _word_bounds(text, run[0][0], run[-1][1])
            p = max(t[2] for t in run)
            out.append(Finding(0, a, b, "mt_error", p,
                               f"'{text[a:b]}' reads like a translation error in this context"))
        run = [tok] if tok[2] >= threshold else []
    return out


def _word_bounds(text: str, a: int, b: int) -> tuple[int, int]:
    while a > 0 and text[a - 1].isalnum():
        a -= 1
    while b < len(text) and text[b].isalnum():
        b += 1
    return a, b
