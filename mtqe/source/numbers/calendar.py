"""Month and day names of a source language, from CLDR (through Babel) or its profile.

A month name in the source is a date the translation must keep ("15. října" / "October 15").
Languages that decline their month names ("říjnu", "в октябре") are read loosely: the closest
CLDR form wins when it is clearly closer than any other month.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..scripts import without_clitics
from .base import Number, apostrophe
from .english import FULL_MONTHS
from .profile import number_profile

# The Latin month names in their English and their common eastern European spellings, for a
# language CLDR does not describe ("aprilõs", "detsembõr" in Livonian).
LATIN_MONTHS = {**FULL_MONTHS, "janvar": 1, "februar": 2, "mart": 3, "aprill": 4, "mai": 5, "juni": 6,
                "juli": 7, "avgust": 8, "septembr": 9, "oktobr": 10, "novembr": 11, "dekabr": 12,
                "detsember": 12, "detsembor": 12, "junij": 6, "julij": 7, "marts": 3, "ougust": 8}
# The fewest letters of a word read as a month or day name.
_MIN_NAME = 3
# The edit ratio (0-100) a declined form needs to its CLDR name: lower reads more inflected
# forms as names, and more ordinary words that share three letters with one.
_MIN_RATIO = 75
# How much closer the best name must be than the next: less takes a guess between two months.
_MARGIN = 5
# An adjective on a name's stem ("páteční", "sobotních") scores this much, when it adds no more
# than _ADJECTIVE_ENDING letters.
_ADJECTIVE_SCORE = 90.0
_ADJECTIVE_ENDING = 4


@lru_cache(maxsize=32)
def month_names(lang: str) -> dict[str, int]:
    """Month names of a language in every form CLDR lists (wide, abbreviated; format and
    stand-alone, which in Slavic languages are the genitive and nominative), lower case, by
    month number (1-12). Empty for a language CLDR does not describe.

    Example:
        >>> month_names("pt")["dezembro"]
        12
    """
    try:
        from babel import dates
    except ImportError:  # pragma: no cover - babel is a dependency
        return {}
    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            try:
                got = dates.get_month_names(width, context, locale=lang)
            except Exception:
                return names
            for k, v in got.items():
                v = apostrophe(v.lower().rstrip("."))
                if len(v) >= _MIN_NAME and not any(c.isdigit() for c in v):
                    names[v] = k
    return names


@lru_cache(maxsize=32)
def month_abbreviations(lang: str) -> frozenset[str]:
    """Month forms CLDR lists only abbreviated ("dez", "set"; not "maio", which is whole)."""
    try:
        from babel import dates

        wide = {apostrophe(v.lower()) for context in ("format", "stand-alone")
                for v in dates.get_month_names("wide", context, locale=lang).values()}
    except Exception:
        return frozenset()
    return frozenset(k for k in month_names(lang) if k not in wide)


@lru_cache(maxsize=32)
def day_names(lang: str) -> dict[str, int]:
    """Day names of a language (0 is Monday): the profile's, else CLDR's."""
    own = number_profile(lang).day_names
    if own:
        return own
    try:
        from babel import dates

        names: dict[str, int] = {}
        for context in ("format", "stand-alone"):
            for k, v in dates.get_day_names("wide", context, locale=lang).items():
                names[apostrophe(v.lower())] = k
        return names
    except Exception:
        return {}


def beside_figure(text: str, n: Number) -> bool:
    """Whether a figure stands right before or after ``n`` ("3 dez.", "dez. 2020")."""
    return bool(re.search(r"\d[\s.-]{0,2}$", text[max(0, n.start - 4):n.start])
                or re.match(r"\.?[\s.-]{0,2}\d", text[n.end:n.end + 5]))


def clitic_names(text: str, names: dict[str, int], kind: str, lang: str | None) -> list[Number]:
    """Month names in Hebrew or Arabic, whole or behind clitics ("במרץ", "في مارس")."""
    out = []
    for m in re.finditer(r"[^\W\d_]+[׳']?", text):
        k = next((names[c] for c in without_clitics(m.group(), lang) if c in names), None)
        if k is not None:
            out.append(Number(float(k), float(k), False, m.start(), m.end(), m.group(), kind))
    return out


def fuzzy_names(text: str, names: dict[str, int], kind: str, declines: bool) -> list[Number]:
    """Month or day names ("říjnu", "červnu", "в октябре"): exact ones, and in a language that
    ``declines`` them the closest name by edit ratio. Elsewhere a near miss is another word
    ("abrir")."""
    from rapidfuzz import fuzz

    if not names:
        return []
    out = []
    for m in re.finditer(r"[^\W\d_]+(?:'[^\W\d_]+)*", text):
        w = m.group().lower()
        if len(w) < _MIN_NAME:
            continue
        scores: dict[int, float] = {}
        for name, k in names.items():
            if name[:_MIN_NAME] == w[:_MIN_NAME]:
                score = 100.0 if name == w else fuzz.ratio(name, w)
                if declines and len(name) >= 5 and w.startswith(name[:-1]) \
                        and len(w) - len(name) <= _ADJECTIVE_ENDING:
                    score = max(score, _ADJECTIVE_SCORE)
                scores[k] = max(scores.get(k, 0.0), score)
        if not scores:
            continue
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        exact = ranked[0][1] == 100.0
        if not exact and (ranked[0][1] < _MIN_RATIO or not declines):
            continue
        if len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= _MARGIN:
            k = ranked[0][0]
            out.append(Number(float(k), float(k), False, m.start(), m.end(), m.group(), kind))
    return out
