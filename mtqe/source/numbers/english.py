"""The English side: number words, fractions, months and weekdays of the translation.

English is the engine's own target language, not one source among others: every comparison
reads its translation here, and the rules below (articles, "a third of", "7 PM") are how
English writes figures. Its tables are therefore constants of this module, where the source
languages' live in their profiles.
"""

from __future__ import annotations

import re

from .base import Number, weak

LANG = "en"

SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6,
          "billion": 1e9, "billions": 1e9, "bln": 1e9, "bn": 1e9, "trillion": 1e12, "tn": 1e12}
# Plural round numbers ("hundreds of"); "dozens" and "tens" are one vague quantity across
# languages (desítky, Dutzende, 几十).
PLURALS = {"tens": 10, "dozens": 10, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "both": 2,
}
ORDINALS = {w: i for i, w in enumerate(
    ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
     "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
     "eighteenth", "nineteenth", "twentieth"), start=1)}
FULL_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), start=1)}
WEEKDAYS = {d: i for i, d in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
# Month and day names in full: dates are the number engine's, not the name check's.
CALENDAR = frozenset([*FULL_MONTHS, *WEEKDAYS])
MONTHS = {**FULL_MONTHS, **{m[:3]: i for m, i in FULL_MONTHS.items() if m != "may"}, "sept": 9}
# Number words too loose to pair with a source figure on their own ("both" renders "既…也" as
# often as a figure, "a dozen" "十几").
AMBIGUOUS = frozenset({"both", "dozen"})
# "a second", "split second": the unit of time; "second only to", "second to none": idiom
TIME_SECOND_AFTER = re.compile(r"\s+(?:only|to none)\b", re.I)
TIME_SECOND = re.compile(r"(?:\b(?:a|one|split|per|every|each)\s+|\d[\s-]*)$", re.I)
_PM = re.compile(r"\s?(?:pm|p\.m\.)")

_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
              "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10,
              "tenths": 10}
_TIMES = {"twice": 2, "thrice": 3}
_SCALE_WORDS = ("million", "billion", "trillion", "thousand")


def afternoon(value: float, after: str) -> float | None:
    """"7 PM" is the "19 Uhr" of a 24-hour source: the other reading of an hour, or None."""
    return value + 12 if _PM.match(after) and value < 12 else None


def _fraction(words: list[re.Match[str]], i: int) -> tuple[Number, int] | None:
    """A fraction at word ``i`` ("one-fifth", "two thirds", "a third of", "a quarter-century")
    and the index of the word after it; None if there is none."""
    w = words[i].group().lower()
    parts = w.split("-")
    if len(parts) == 2 and parts[0] in UNITS and parts[1] in _FRACTIONS:
        n, d, stop = float(UNITS[parts[0]]), _FRACTIONS[parts[1]], i + 1
        alt: float | None = n
    elif parts == ["quarter", "century"]:
        n, d, stop, alt = 1.0, 4, i + 1, None
    elif w in ("a", "one", *UNITS) and i + 1 < len(words) and words[i + 1].start() - words[i].end() == 1:
        nxt = words[i + 1].group().lower()
        plural = nxt.endswith("s") and nxt[:-1] in _FRACTIONS
        single = nxt in _FRACTIONS and not nxt.endswith("s") and w in ("a", "one")
        after = words[i + 2].group().lower() if i + 2 < len(words) else ""
        # "a third of", "one third"; not "a third wave"
        many = plural and w in UNITS and UNITS[w] >= 2
        if not (many or (single and (after == "of" or w == "one"))):
            return None
        n, d, stop = (1.0 if w == "a" else float(UNITS[w])), _FRACTIONS[nxt], i + 2
        alt = float(ORDINALS[nxt]) if w == "a" and nxt in ORDINALS else n
    else:
        return None
    start, end = words[i].start(), words[stop - 1].end()
    # the fraction ("um quinto", "deux tiers"), or what the words read as on their own (the
    # numerator; "a third" the rank)
    return weak(n / d, start, end, words[i].string[start:end], alt=alt), stop


def _count(words: list[re.Match[str]], i: int, parts: list[str], text: str) -> tuple[Number, int]:
    """Units and tens with the scale words after them ("four million", "twenty-five"), at word
    ``i`` whose ``parts`` are all units, and the index after them."""
    value = float(sum(UNITS[p] for p in parts))
    j = i + 1
    while j < len(words) and words[j].group().lower() in ("hundred", *SCALES):
        nxt = words[j].group().lower()
        value *= 100 if nxt == "hundred" else SCALES[nxt]
        j += 1
    ahead = [w.group().lower() for w in words[j:j + 3]]
    if j == i + 1 and len(ahead) == 3 and ahead[0] in ("or", "to") and ahead[1] in UNITS \
            and ahead[2] in ("hundred", *SCALES):
        # "five or six hundred": the scale is both figures'
        value *= 100 if ahead[2] == "hundred" else SCALES[ahead[2]]
    return Number(value, value, j > i + 1, words[i].start(), words[j - 1].end(),
                  text[words[i].start():words[j - 1].end()], strong=False), j


def _plural(words: list[re.Match[str]], i: int, text: str) -> tuple[Number, int]:
    """"hundreds of", and "tens of millions", one figure (10^7, the "千万" of a Chinese source)."""
    k = float(PLURALS[words[i].group().lower()])
    ahead = [w.group().lower() for w in words[i + 1:i + 3]]
    if len(ahead) == 2 and ahead[0] == "of" and PLURALS.get(ahead[1], 0) > k:
        k *= PLURALS[ahead[1]]
        return weak(k, words[i].start(), words[i + 2].end(), text[words[i].start():words[i + 2].end()]), i + 3
    return weak(k, words[i].start(), words[i].end(), words[i].group()), i + 1


def number_words(text: str) -> list[Number]:
    """Number words ("four million", "twenty-five", "two thirds", "twice"): weak evidence."""
    out = []
    words = list(re.finditer(r"[A-Za-z]+(?:-[A-Za-z]+)?", text))
    i = 0
    while i < len(words):
        m = words[i]
        parts = m.group().lower().split("-")
        frac = _fraction(words, i)
        if frac is not None:
            out.append(frac[0])
            i = frac[1]
            continue
        if len(parts) == 2 and UNITS.get(parts[0], 0) >= 20 and ORDINALS.get(parts[1], 99) < 10:
            out.append(weak(float(UNITS[parts[0]] + ORDINALS[parts[1]]), m.start(), m.end(), m.group()))
            i += 1  # "twenty-first"
            continue
        if len(parts) == 2 and parts[0] in {**UNITS, **ORDINALS} and parts[1] not in UNITS:
            parts = parts[:1]  # "ten-year", "third-largest"
        if len(parts) == 1 and parts[0] in PLURALS:
            number, i = _plural(words, i, text)
            out.append(number)
            continue
        if len(parts) == 1 and (parts[0] in _TIMES or parts[0] in ORDINALS):
            # "twice the rate": the "duas vezes" of a source
            out.append(weak(float(_TIMES.get(parts[0]) or ORDINALS[parts[0]]), m.start(), m.end(), m.group()))
        elif len(parts) == 1 and parts[0] in _SCALE_WORDS:
            # "a million": the scale word on its own
            out.append(Number(SCALES[parts[0]], 1.0, True, m.start(), m.end(), m.group(), strong=False))
        elif all(p in UNITS for p in parts):
            number, i = _count(words, i, parts, text)
            out.append(number)
            continue
        i += 1
    return out


def calendar_words(text: str, names: dict[str, int], kind: str = "month",
                   capitalised: bool = False) -> list[Number]:
    """Month (or, with ``kind`` "weekday", day) names of ``names``; "May" and the short forms
    only capitalised."""
    out = []
    for m in re.finditer(r"\w+\.?", text):
        w = m.group().lower().rstrip(".")
        upper = m.group()[0].isupper()
        if w in names and (w != "may" or upper) and (len(w) > 3 or upper) and (upper or not capitalised):
            k = names[w]
            out.append(Number(float(k), float(k), False, m.start(), m.end(), m.group(), kind))
    return out


def read_words(text: str) -> list[Number]:
    """Every number word, month and weekday of an English text."""
    return [*number_words(text), *calendar_words(text, MONTHS),
            *calendar_words(text, WEEKDAYS, "weekday", capitalised=True)]
