"""What the number engine knows of one source language: the ``"numbers"`` section of its profile.

Every key is optional; a language without a profile reads digits with its CLDR separators,
number words from num2words and month names from CLDR, and nothing else. The keys:

``scales``
    {word: value} read right after a figure ("mil milhões": 1e9, "млрд": 1e9, "亿": 1e8); a
    compound is listed whole so that it wins over its last word.
``plurals``
    {word: value} plural round numbers ("centenas", "тысячи"): weak figures of their own and
    multipliers after a number word.
``words``
    {word: value} number words num2words does not write; inflected forms are matched on their
    stem, as num2words' own words are.
``forms``
    {word: value} case forms and adverbs ("dvou", "трёх", "erstens"), matched whole: most are
    too short to be matched on a stem.
``whole_case_forms``
    true where the ``forms`` start no compounds ("kōdõks" is eight, not a head of "kōdõks-").
``compound_heads``
    {word: value} what does start a compound where ``forms`` do not.
``min_stem`` / ``stem_floor``
    the fewest letters an inflected number word is matched on (default 3), and the fewest its
    stem keeps (Romance languages inflect the last letter or two: "sexto" / "sextas", never "sexo").
``ordinal_stems`` / ``ordinal_endings``
    ordinals declined on a short stem ("prvním", "třetím"), and the letters that may follow it.
``fraction_words``, ``of``, ``one``
    fraction words that are no ordinals ("terço"), the words for "of" after a fraction, and the
    "one" that makes the next ordinal a denominator ("um quinto").
``prepositions`` / ``articles``
    ordinal words that are also prepositions ("segundo", according to) and the words before one
    that make it an ordinal again ("o segundo").
``and_prefixes``
    letters for "and" written on the second word of a number ("שלושים ושלושה", 33).
``declines``
    true where month and day names take case endings: near misses of a CLDR name are names.
``day_names``
    {name: 0-6} where CLDR has none.
``unspaced``
    true for scripts written without spaces: a scale word or 月 glues to its figure, a letter
    before digits does not make a code of them, and I, V and X are no Roman numerals.
``han_numerals``
    true where Han numerals ("三百", "两千五百万") and Han dates are read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ...lang import section

# The fewest letters an inflected number word is matched on, where the profile does not say.
DEFAULT_MIN_STEM = 3


def _floats(d: dict[str, Any]) -> dict[str, float]:
    return {k: float(v) for k, v in d.items()}


@dataclass(frozen=True)
class NumberProfile:
    """The ``"numbers"`` section of a language's profile, typed (see the module docstring)."""

    scales: dict[str, float] = field(default_factory=dict)
    plurals: dict[str, float] = field(default_factory=dict)
    words: dict[str, float] = field(default_factory=dict)
    forms: dict[str, float] = field(default_factory=dict)
    whole_case_forms: bool = False
    compound_heads: dict[str, float] = field(default_factory=dict)
    min_stem: int = DEFAULT_MIN_STEM
    stem_floor: int = 0
    ordinal_stems: dict[str, float] = field(default_factory=dict)
    ordinal_endings: str = ""
    fraction_words: dict[str, float] = field(default_factory=dict)
    of: tuple[str, ...] = ()
    one: tuple[str, ...] = ()
    prepositions: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()
    and_prefixes: tuple[str, ...] = ()
    declines: bool = False
    day_names: dict[str, int] = field(default_factory=dict)
    unspaced: bool = False
    han_numerals: bool = False


@cache
def number_profile(lang: str | None) -> NumberProfile:
    """The number profile of ``lang`` (an empty one for None or a language without a file)."""
    d = section(lang, "numbers")
    return NumberProfile(
        scales=_floats(d.get("scales", {})), plurals=_floats(d.get("plurals", {})),
        words=_floats(d.get("words", {})), forms=_floats(d.get("forms", {})),
        whole_case_forms=bool(d.get("whole_case_forms")),
        compound_heads=_floats(d.get("compound_heads", {})),
        min_stem=int(d.get("min_stem", DEFAULT_MIN_STEM)), stem_floor=int(d.get("stem_floor", 0)),
        ordinal_stems=_floats(d.get("ordinal_stems", {})), ordinal_endings=d.get("ordinal_endings", ""),
        fraction_words=_floats(d.get("fraction_words", {})), of=tuple(d.get("of", ())),
        one=tuple(d.get("one", ())), prepositions=frozenset(d.get("prepositions", ())),
        articles=frozenset(d.get("articles", ())), and_prefixes=tuple(d.get("and_prefixes", ())),
        declines=bool(d.get("declines")),
        day_names={k: int(v) for k, v in d.get("day_names", {}).items()},
        unspaced=bool(d.get("unspaced")), han_numerals=bool(d.get("han_numerals")))
