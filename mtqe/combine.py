"""The first combiner: check findings to a sentence score.

A noisy-OR: each finding is independent evidence of an error with probability
``weight[category] * strength``, on top of a prior for a sentence no check fires on. It is
deliberately simple and documented so that later, learned fusion has a baseline to beat.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

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
