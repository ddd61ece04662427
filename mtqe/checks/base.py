"""What every document check receives and returns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One suspicious span found by a check.

    Args:
        sentence: index of the sentence in the document.
        start, end: character offsets into that sentence (end exclusive).
        category: the check's category name (``name_drift``, ``acronym_mismatch``...).
        strength: how sure the check is, in [0, 1]; the combiner maps it to a score.
        reason: one line an editor can act on, e.g. ``"'Vorobyev' is spelled 'Vorobyov' (3x) elsewhere"``.
    """

    sentence: int
    start: int
    end: int
    category: str
    strength: float
    reason: str
