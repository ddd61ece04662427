"""Document consistency checks: rules over a whole article that need no training.

Each check takes the document's sentences (in order) and returns ``Finding``s. They are
registered by name so that a model folder's config can switch them on and off.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from ..types import Finding
from .acronyms import check_acronyms
from .conflicts import check_entity_conflicts
from .drift import check_name_drift
from .gazetteer import place_vocabulary
from .language import check_not_english
from .place_slots import check_place_slots
from .places import check_unknown_names
from .repetition import check_repetition

Check = Callable[[list[str]], list[Finding]]


def _name_drift(sentences: list[str]) -> list[Finding]:
    return check_name_drift(sentences, places=_lower_places())


@lru_cache(maxsize=1)
def _lower_places() -> frozenset[str]:
    return frozenset(p.lower() for p in place_vocabulary())


def _unknown_name(sentences: list[str]) -> list[Finding]:
    return check_unknown_names(sentences) + check_place_slots(sentences)


CHECKS: dict[str, Check] = {
    "name_drift": _name_drift,
    "acronym_mismatch": check_acronyms,
    "unknown_name": _unknown_name,
    "entity_conflict": check_entity_conflicts,
    "not_english": check_not_english,
    "repeated_word": check_repetition,
}


def run_checks(sentences: list[str], names: Sequence[str] | None = None) -> list[Finding]:
    """Run the named checks (all by default) over one document.

    Example:
        >>> run_checks(["Mr Vokolov spoke.", "Vokolov left.", "Vokoloff returned."])[0].category
        'name_drift'
    """
    findings: list[Finding] = []
    for name in CHECKS if names is None else names:
        if name not in CHECKS:
            raise ValueError(f"unknown check {name!r}; known: {', '.join(CHECKS)}")
        findings.extend(CHECKS[name](sentences))
    return _dedupe(findings)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per (sentence, span, category): checks may reach the same token twice."""
    seen: set[tuple[int, int, int, str]] = set()
    out = []
    for f in sorted(findings, key=lambda f: (f.sentence, f.start, -f.strength)):
        key = (f.sentence, f.start, f.end, f.category)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


__all__ = ["CHECKS", "Finding", "run_checks"]
