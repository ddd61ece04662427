"""The values the number engine finds and the issues it reports."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Number:
    """A value found in text. ``kind`` is "number", "month" or "weekday"; ``mantissa`` is the
    value before any scale word (so a changed scale can be told from a changed figure)."""

    value: float
    mantissa: float
    scaled: bool
    start: int
    end: int
    text: str
    kind: str = "number"
    strong: bool = True
    alt: float | None = None  # the other reading of an ambiguous "180,000" / "1.500"
    glued: bool = False  # digits inside a name ("BNT162b2", "G20")
    raw: bool = False  # a Han digit inside a word ("三江源"): pairs with a changed word, no more


@dataclass(frozen=True)
class NumberIssue:
    """A target value with no source counterpart (``extra``/``changed``/``scale``), or a
    source value the target lacks (``missing``; offsets then refer to the source)."""

    kind: str
    start: int
    end: int
    text: str
    detail: str
    value: float = 0.0


def weak(value: float, start: int, end: int, text: str, kind: str = "number", alt: float | None = None,
         raw: bool = False) -> Number:
    """A word read as a number: weak evidence, which may satisfy a match but never raises a flag."""
    return Number(value, value, False, start, end, text, kind, strong=False, alt=alt, raw=raw)


def apostrophe(text: str) -> str:
    """One apostrophe for all ("п‘ятниці", "п’ять", CLDR's "пʼятниця"): the same length, so
    offsets hold."""
    return text.replace("‘", "'").replace("’", "'").replace("ʼ", "'")


def overlaps(a: Number, b: Number) -> bool:
    return a.start < b.end and b.start < a.end
