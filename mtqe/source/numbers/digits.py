"""Figures written in digits, the scale words after them, and Roman numerals.

Grouping is ambiguous ("1.500" is 1500 in German, 1.5 in English): with the language known,
CLDR's decimal mark (through Babel) decides; without it a lone separator followed by exactly
three digits is read as grouping, the common case in news figures.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Digits with optional grouping and a decimal part; separators are read per language.
DIGITS = re.compile(r"(?<![\d])\d+(?:[.,\u00a0\u202f' ]\d+)*")
# How far after a figure a scale word may end ("820 milhões de", "1,5 mil milhões").
_SCALE_REACH = 25
# Letters of an inflected ending a scale word may carry ("тысячах", "milionech"): more would
# take in another word that starts like a scale ("milionário").
_SCALE_ENDING = 3
_SPACE_GROUPED = re.compile(r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?")


@lru_cache(maxsize=64)
def decimal_symbol(lang: str | None) -> str | None:
    """The decimal mark of a language from CLDR; None when unknown."""
    if not lang:
        return None
    try:
        from babel import numbers

        return numbers.get_decimal_symbol(lang)
    except Exception:  # an unknown locale: fall back to reading the digits themselves
        return None


def num(s: str) -> float:
    """A digit string with at most a decimal point, read; separators that survived into it
    (mixed marks in noisy text: "22,91.9") leave the last point as the decimal one."""
    if not s.strip("."):
        return 0.0
    try:
        return float(s)
    except ValueError:
        whole, _, frac = s.rpartition(".")
        return float((re.sub(r"\D", "", whole) or "0") + "." + (re.sub(r"\D", "", frac) or "0"))


def parse_digits(s: str, dec: str | None, certain: bool = False) -> tuple[float, int, float | None]:
    """The value of a digit string, how many characters of it belong to one number, and the
    other reading of an ambiguous separator (None if there is none).

    Args:
        s: the digits with their separators ("1.000,5").
        dec: the language's decimal mark, None when unknown.
        certain: the text follows its own convention (the English target): no second reading,
            and a space never groups ("in 2020 100 people" is two numbers).
    """
    # A plain space groups digits ("170 000", common in European texts whatever CLDR says)
    # only when every group after the first has three digits.
    if " " in s and (certain or not _SPACE_GROUPED.fullmatch(s)):
        s = s[:s.index(" ")]
    n = len(s)
    t = s.replace("\u00a0", " ").replace("\u202f", " ").replace("'", " ")
    seps = [c for c in t if not c.isdigit()]
    if not seps:
        return float(t), n, None
    parts = re.split(r"[.,' ]", t)
    kinds = set(seps)
    if len(kinds) == 2 or (len(kinds) == 1 and " " in kinds and ("," in t or "." in t)):
        last = max(t.rfind("."), t.rfind(","))
        whole, frac = t[:last], t[last + 1:]
        # a grouping mark after the decimal one ("2,2'2") is noise, not a second number
        return num(re.sub(r"\D", "", whole) + "." + re.sub(r"\D", "", frac)), n, None
    sep = seps[0]
    if sep == " ":
        return num(t.replace(" ", "")), n, None
    if len(seps) > 1:  # one separator repeated: grouping, if every group has three digits
        if all(len(p) == 3 for p in parts[1:]):
            return num("".join(parts)), n, None
        return num(parts[0]), len(parts[0]), None
    # The decimal mark is decimal, and so is any separator not followed by a group of three
    # ("1.50" written the English way in a German text).
    is_decimal = sep == dec or len(parts[1]) != 3
    as_decimal, as_group = num(parts[0] + "." + parts[1]), num(parts[0] + parts[1])
    if len(parts[1]) == 3 and not certain and (is_decimal or dec is None):
        # "180,000" in a Portuguese text is most likely a figure written the English way;
        # where the separator is not the language's decimal mark ("2,000亿") it only groups.
        return (as_decimal, n, as_group) if is_decimal else (as_group, n, as_decimal)
    return (as_decimal if is_decimal else as_group), n, None


def pieces(start: int, digits: str) -> list[tuple[int, str]]:
    """A dotted date ("01.09.2004") is three numbers, not one badly grouped one:
    split a run whose repeated separator is not followed by groups of three."""
    parts = re.split(r"([.,])", digits)
    seps = set(parts[1::2])
    if len(parts) >= 5 and len(seps) == 1 and not all(len(p) == 3 for p in parts[2::2]):
        out, pos = [], start
        for p in parts[0::2]:
            out.append((pos, p))
            pos += len(p) + 1
        return out
    return [(start, digits)]


def scale_after(text: str, pos: int, scales: dict[str, float], unspaced: bool) -> tuple[float, int]:
    """A scale word right after ``pos``: (multiplier, end), or (1, pos). In an ``unspaced``
    script the word takes no ending ("3亿人" is 300 million people)."""
    if not scales:
        return 1.0, pos
    rest = text[pos:pos + _SCALE_REACH].lstrip(" \u00a0")  # "820 万" as well as "820万"
    skipped = len(text[pos:pos + _SCALE_REACH]) - len(rest)
    low = rest.lower()
    for word in sorted(scales, key=len, reverse=True):
        if low.startswith(word):
            end = len(word)
            if not unspaced:  # an inflected ending belongs to the word
                while end < len(low) and low[end].isalpha() and end - len(word) < _SCALE_ENDING:
                    end += 1
            if unspaced or end == len(low) or not low[end].isalpha():
                return scales[word], pos + skipped + end
    return 1.0, pos


ROMAN = re.compile(r"\b[IVX]{2,6}\b")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def roman(s: str) -> int | None:
    """The value of a Roman numeral of I, V and X ("XIX"); None for anything that is not one."""
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN_VALUES[a]
        total += -v if b != " " and _ROMAN_VALUES[b] > v else v
    return total if total > 0 and _to_roman(total) == s else None


def _to_roman(n: int) -> str:
    out = ""
    for v, r in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + r, n - v
    return out
