"""Changed numbers: a figure, scale word, month or weekday turned into another plausible one.

MT garbles figures when converting Chinese 万/亿 (ten thousand, hundred million) or German
"Milliarde" (a billion, not a milliard), and swaps months and weekdays; the result still
looks like a real figure.
"""

from __future__ import annotations

import random
import re

from ._text import corruption, match_case
from .base import Corruption, DocContext, replace_span

__all__ = ["number_change"]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SCALES = {"thousand": ("million", "hundred"), "million": ("billion", "thousand"),
           "billion": ("million", "trillion"), "trillion": ("billion",),
           "thousands": ("millions", "hundreds"), "millions": ("billions", "thousands"),
           "hundreds": ("thousands", "dozens"), "dozens": ("hundreds",), "billions": ("millions",)}
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "eleven", "twelve")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
# A figure with thousands commas ("2,700"), or a plain one ("300", "3.5").
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,]|\.\d)"
                     r"|(?<![\w.,])\d+(?:\.\d+)?(?![\w]|[.,]\d)")
_WORD_SITES = re.compile(
    r"\b(" + "|".join((*_MONTHS, *_DAYS)) + r")\b|\b(" + "|".join(_SCALES) + r")\b"
    r"|\b(" + "|".join(_NUMBER_WORDS + _ORDINALS) + r")\b", re.IGNORECASE,
)
# "May" is the month only next to a day number or a year ("May 4", "4 May", "May 2019").
_MAY = re.compile(r"\bMay\s\d|\d\sMay\b")


def _new_integer(value: int, digits: str, rng: random.Random, scale: bool = True) -> int:
    """Another plausible integer: a nearby year, a small count off by a few, a power of ten off,
    a round step off, or one significant digit changed (round numbers stay round)."""
    if 1900 <= value <= 2100 and len(digits) == 4:
        return value + rng.choice((-2, -1, 1, 2))
    if value <= 12:
        return rng.choice([v for v in range(max(0, value - 3), value + 4) if v != value and v > 0])
    kind = rng.choice(("digit", "scale", "near") if scale else ("digit", "near"))
    if kind == "scale":
        return value * 10 if rng.random() < 0.5 or value < 100 else value // 10
    if kind == "near":
        step = 10 ** max(0, len(str(value)) - 2)
        return max(1, value + step * rng.choice((-3, -2, -1, 1, 2, 3)))
    significant = len(digits.rstrip("0")) or 1
    pos = rng.randrange(significant)
    options = [d for d in "0123456789" if d != digits[pos] and not (pos == 0 and d == "0")]
    return int(digits[:pos] + rng.choice(options) + digits[pos + 1:])


def _change_number(token: str, rng: random.Random) -> str:
    """Another plausible value written like ``token`` (thousands commas, decimals kept)."""
    whole, _, frac = token.partition(".")
    digits = whole.replace(",", "")
    if frac and rng.random() < 0.5:
        pos = rng.randrange(len(frac))
        new_frac = frac[:pos] + rng.choice([d for d in "0123456789" if d != frac[pos]]) + frac[pos + 1:]
        return f"{whole}.{new_frac}"
    value = _new_integer(int(digits), digits, rng, scale=not frac)
    text = f"{value:,}" if "," in whole else str(value)
    return f"{text}.{frac}" if frac else text


def _change_word(word: str, rng: random.Random) -> str:
    low = word.lower()
    for table in (_MONTHS, _DAYS, _NUMBER_WORDS, _ORDINALS):
        names = [t.lower() for t in table]
        if low in names:
            k = names.index(low)
            near = [j for j in (k - 2, k - 1, k + 1, k + 2) if 0 <= j < len(names)]
            if table in (_MONTHS, _DAYS):
                near = [j % len(names) for j in (k - 2, k - 1, k + 1, k + 2)]
            return match_case(word, table[rng.choice(near)].lower())
    return match_case(word, rng.choice(_SCALES[low]))


def _sites(sentence: str) -> list[tuple[int, int, bool]]:
    """(start, end, is digits) of every figure, scale word, month, weekday or number word."""
    sites = [(m.start(), m.end(), True) for m in _NUMBER.finditer(sentence)]
    for m in _WORD_SITES.finditer(sentence):
        word = m.group()
        if m.group(1) and not word[0].isupper():
            continue
        if word == "May" and not _MAY.search(sentence, max(0, m.start() - 6), m.end() + 6):
            continue  # the verb, or Theresa May
        if word.lower() == "one":  # "one of the", "no one": a pronoun more often than a count
            continue
        sites.append((m.start(), m.end(), False))
    return sites


def number_change(doc: DocContext, i: int, rng: random.Random) -> Corruption | None:
    """Change one number, scale word, month, weekday or number word of sentence ``i``."""
    sentence = doc.sentences[i]
    sites = _sites(sentence)
    if not sites:
        return None
    start, end, digits = rng.choice(sites)
    old = sentence[start:end]
    new = _change_number(old, rng) if digits else _change_word(old, rng)
    if new == old:
        return None
    text, span = replace_span(sentence, start, end, new)
    return corruption("number_change.v1", text, [span])
