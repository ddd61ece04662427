"""Scores to flags: the fitted thresholds and the calibration map. Torch-free, so that the
service and the CLI can threshold without loading a model. (Fitting them is
``mtqe.training.calibration``.)"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from typing import Any

# Named operating points an editor can pick instead of raw numbers: how many misses vs how
# many false alarms the desk tolerates. Offsets apply to the fitted thresholds.
MODES = {"precise": 0.1, "balanced": 0.0, "sensitive": -0.15}


@dataclass(frozen=True)
class Thresholds:
    """``review`` from this score up, ``error`` from that one up.

    ``categories`` holds a fitted pair per sentence category (the category of the sentence's
    strongest span) where dev data allowed one (see ``fit_category_thresholds``); any other
    category, and a sentence without spans, uses the global pair. ``source`` is the pair of
    source-aware scores (``mtqe calibrate --source``; see ``fit.source_thresholds``): they come
    from another fusion and map, so refitting one mode does not move the other's flags.
    Without it, source-aware scores use the target-only pairs.
    """

    review: float = 0.5
    error: float = 0.8
    categories: dict[str, Thresholds] = field(default_factory=dict, hash=False)
    source: Thresholds | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.review <= self.error <= 1.0:
            raise ValueError(f"need 0 <= review <= error <= 1, got {self.review}, {self.error}")
        nested = [*self.categories.values(), *([self.source] if self.source else [])]
        if any(th.categories or th.source for th in nested):
            raise ValueError("category and source thresholds cannot have pairs of their own")

    def flag(self, score: float, category: str | None = None, source: bool = False) -> str:
        """``ok``, ``review`` or ``error`` for a calibrated score of a sentence whose
        strongest span has ``category`` (``source``: a source-aware score)."""
        if source and self.source is not None:
            th = self.source
        else:
            th = self.categories.get(category, self) if category is not None else self
        if score >= th.error:
            return "error"
        return "review" if score >= th.review else "ok"

    def shifted(self, mode: str) -> Thresholds:
        """The operating point ``mode`` (precise | balanced | sensitive), for every category
        and both modes."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; choose from {', '.join(MODES)}")
        d = MODES[mode]
        clip = lambda x: min(1.0, max(0.0, x))  # noqa: E731
        cats = {c: th.shifted(mode) for c, th in self.categories.items()}
        src = self.source.shifted(mode) if self.source is not None else None
        return Thresholds(clip(self.review + d), max(clip(self.review + d), clip(self.error + d)), cats, src)

    def overridden(self, review: float | None = None, error: float | None = None) -> Thresholds:
        """A user's explicit ``review`` / ``error``, applied to every category and to
        source-aware scores: a number the user chose means "flag from here", whatever a
        sentence's category. Drops the fitted category and source pairs; the global value the
        user did not give stays."""
        return Thresholds(self.review if review is None else review,
                          self.error if error is None else error)

    def with_source(self, source: Thresholds | None) -> Thresholds:
        """These pairs with another source-aware pair."""
        return Thresholds(self.review, self.error, self.categories, source)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"review": self.review, "error": self.error}
        if self.categories:
            d["categories"] = {c: th.to_dict() for c, th in sorted(self.categories.items())}
        if self.source is not None:
            d["source"] = self.source.to_dict()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Thresholds:
        cats = {c: cls.from_dict(v) for c, v in d.get("categories", {}).items()}
        src = cls.from_dict(d["source"]) if d.get("source") else None
        return cls(review=float(d["review"]), error=float(d["error"]), categories=cats, source=src)


def apply_map(cmap: dict[str, Any], raw: float) -> float:
    """A raw fused score through the stored calibration map (identity when there is none).

    ``platt``: ``sigmoid(a * logit(raw) + b)``; ``isotonic``: piecewise-linear through the
    fitted (x, y) knots, flat outside them.
    """
    kind = cmap.get("kind")
    if not kind:
        return raw
    if kind == "platt":
        r = min(max(raw, 1e-6), 1 - 1e-6)
        z = cmap["a"] * math.log(r / (1 - r)) + cmap["b"]
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    if kind == "isotonic":
        xs, ys = cmap["x"], cmap["y"]
        i = bisect.bisect_right(xs, raw)
        if i == 0:
            return float(ys[0])
        if i == len(xs):
            return float(ys[-1])
        x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
        return float(y0 + (y1 - y0) * (raw - x0) / (x1 - x0)) if x1 > x0 else float(y1)
    raise ValueError(f"unknown calibration map kind {kind!r}")
