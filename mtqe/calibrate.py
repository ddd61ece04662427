"""Scores to flags. Torch-free on purpose: the service and the CLI can threshold without it."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

# Named operating points an editor can pick instead of raw numbers: how many misses vs how
# many false alarms the desk tolerates. Offsets apply to the fitted thresholds.
MODES = {"precise": 0.1, "balanced": 0.0, "sensitive": -0.15}


@dataclass(frozen=True)
class Thresholds:
    """``review`` from this score up, ``error`` from that one up."""

    review: float = 0.5
    error: float = 0.8

    def __post_init__(self) -> None:
        if not 0.0 <= self.review <= self.error <= 1.0:
            raise ValueError(f"need 0 <= review <= error <= 1, got {self.review}, {self.error}")

    def flag(self, score: float) -> str:
        if score >= self.error:
            return "error"
        return "review" if score >= self.review else "ok"

    def shifted(self, mode: str) -> Thresholds:
        """The operating point ``mode`` (precise | balanced | sensitive)."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; choose from {', '.join(MODES)}")
        d = MODES[mode]
        clip = lambda x: min(1.0, max(0.0, x))  # noqa: E731
        return Thresholds(clip(self.review + d), max(clip(self.review + d), clip(self.error + d)))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Thresholds:
        return cls(review=float(d["review"]), error=float(d["error"]))
