"""The number words of a source language, and the value of one word.

num2words writes a language's cardinals and ordinals (0-100, the hundreds, 1000); the
profile adds what it lacks: scale words, plural round numbers, case forms, whole word lists
for languages it does not know. An inflected word matches the entry whose stem it starts
with ("четвертая" / "четвертый"), a compound the number it begins with ("dreifach").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..scripts import has_clitics, without_clitics
from .calendar import day_names, month_abbreviations, month_names
from .profile import number_profile

# Letters an inflected form may add to its stem ("dvou" / "dva"): more would take in other words.
_MAX_ENDING = 3
# Letters a compound must have past the number it starts with ("dreifach"): fewer, and an
# inflected form ("dreier") would be read as a compound.
_MIN_COMPOUND_REST = 4
# Entries shorter than this are matched whole, never by stem ("novo" is not "nove").
_MIN_STEMMED = 5


def fold(word: str) -> str:
    """ё as е: Russian text mostly writes it without the dots."""
    return word.replace("ё", "е")


@lru_cache(maxsize=32)
def spelled(lang: str) -> tuple[tuple[str, float, str], ...]:
    """(words, value, cardinal | ordinal) for 0-100, the hundreds and 1000 as num2words writes them in
    ``lang`` (empty where it has no such language)."""
    try:
        from num2words import num2words
    except ImportError:  # pragma: no cover - a dependency
        return ()
    out = []
    # the hundreds too: one word in many languages ("quatrocentos", "vierhundert", "четыреста")
    for n in (*range(0, 101), *range(200, 1000, 100), 1000):
        for to in ("cardinal", "ordinal"):
            try:
                out.append((num2words(n, lang=lang, to=to).lower(), float(n), to))
            except Exception:
                continue
    return tuple(out)


@lru_cache(maxsize=32)
def number_words(lang: str) -> dict[str, float]:
    """One-word numbers of a language, cardinal and ordinal: num2words', then the profile's."""
    words: dict[str, float] = {}
    for w, n, to in spelled(lang):
        if n <= 20 or n % 10 == 0:  # compounds ("dreiundzwanzig") are read by their head
            if n == 1 and to == "cardinal":
                continue  # "um", "ein", "jeden": an article or pronoun as often as a figure
            if " " not in w and "-" not in w:
                words.setdefault(w, n)
    profile = number_profile(lang)
    for w, v in (*profile.forms.items(), *profile.words.items()):
        words.setdefault(w, v)
    return words


@lru_cache(maxsize=32)
def number_phrases(lang: str) -> tuple[dict[str, float], re.Pattern[str] | None]:
    """Numbers from 21 to 99 that num2words writes as several words ("vinte e um"), and a
    pattern finding them (longest first)."""
    phrases = {w: n for w, n, _ in reversed(spelled(lang)) if 21 <= n <= 99 and " " in w}
    if not phrases:
        return {}, None
    alternatives = "|".join(map(re.escape, sorted(phrases, key=len, reverse=True)))
    return phrases, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@lru_cache(maxsize=32)
def calendar(lang: str) -> frozenset[str]:
    """Month and day names of a language: no number words, though "Setembro" starts like "sete".
    An abbreviation that is a number word stays one ("dez", ten, beside "dez." for December)."""
    numbers, short = number_words(lang), month_abbreviations(lang)
    months = (m for m in month_names(lang) if m not in numbers or m not in short)
    return frozenset([*months, *day_names(lang)])


def multipliers(lang: str) -> dict[str, float]:
    """Words that multiply a number word before them ("três mil", "dvě stovky")."""
    profile = number_profile(lang)
    return {**{k: v for k, v in profile.plurals.items() if v >= 100},
            **{k: v for k, v in profile.scales.items() if " " not in k and v >= 1000}}


@lru_cache(maxsize=32)
def _table(lang: str) -> dict[str, float]:
    """Every word with a value of its own; case forms (``forms``) are looked up apart."""
    profile = number_profile(lang)
    table = {fold(k): v for k, v in number_words(lang).items() if k not in profile.forms}
    table.update(profile.plurals)
    table.update({k: v for k, v in profile.scales.items() if " " not in k and v >= 1000})
    return table


@lru_cache(maxsize=32)
def _by_initial(lang: str) -> tuple[dict[str, list[tuple[str, int]]], dict[str, dict[str, float]]]:
    """The entries ``word_value`` matches inflected forms and compounds against, by first
    letter (a match starts with its entry's first letter): (number word, stem length) of the
    words that have a stem, and (form, value) of the number words and case forms below 1,000."""
    table, profile = _table(lang), number_profile(lang)
    stems: dict[str, list[tuple[str, int]]] = {}
    for k in table:
        # all but the last two letters, and at least the profile's floor
        if len(k) >= _MIN_STEMMED and profile.min_stem <= (n := max(len(k) - 2, profile.stem_floor)) < len(k):
            stems.setdefault(k[0], []).append((k, n))
    extra = {} if profile.whole_case_forms else profile.forms
    forms = {**table, **{fold(k): v for k, v in extra.items()}, **profile.compound_heads}
    heads: dict[str, dict[str, float]] = {}
    for k, v in forms.items():
        if len(k) >= 3 and v < 1000:
            heads.setdefault(k[0], {})[k] = v
    return stems, heads


# Every word of every source is looked up, and most are not number words: without a cache
# the stem scans over the language's whole table were half of source-mode time.
@lru_cache(maxsize=1 << 16)
def word_value(w: str, lang: str) -> float | None:
    """The value of a source word (lower case): a number word, a plural round number
    ("stovky") or a scale word on its own ("milion"), whole, by stem or as a compound's head."""
    table, profile = _table(lang), number_profile(lang)
    w = fold(w)
    if w in table:
        return table[w]
    if has_clitics(lang):
        # the word without the clitics before it ("ושלושה", "and three"), matched whole: their
        # number words are no stems of others ("שלושים", 30, is not a form of "שלוש", 3)
        return next((table.get(c, profile.forms.get(c)) for c in without_clitics(w, lang)
                     if c in table or c in profile.forms), None)
    if w in profile.forms:  # case forms are matched whole, never by stem
        return profile.forms[w]
    for stem, n in profile.ordinal_stems.items():
        if w.startswith(stem) and 1 <= len(w) - len(stem) <= 3 and w[len(stem)] in profile.ordinal_endings:
            return n
    stems, heads = _by_initial(lang)
    best = max(((k, n) for k, n in stems.get(w[:1], ()) if w.startswith(k[:n]) and len(w) - n <= _MAX_ENDING),
               key=lambda kn: len(kn[0]), default=None)
    if best:
        return table[best[0]]
    # A compound that starts with a number ("dreifach", "Zweierbob", "трехкомнатная"): the
    # longest number word or case form it begins with.
    forms = heads.get(w[:1], {})
    head = max((k for k in forms if w.startswith(k) and len(w) - len(k) >= _MIN_COMPOUND_REST),
               key=len, default=None)
    return forms[head] if head else None


@lru_cache(maxsize=4096)
def ordinal_value(w: str, lang: str) -> float | None:
    """The rank of an ordinal word of ``lang`` as a denominator: num2words' spelling, or its
    plural ("quintos"). From four, masculine only: "um terceiro" is a third party (the fraction
    is "um terço"), "uma quarta vaga" a fourth wave."""
    for word, n, to in spelled(lang):
        if to == "ordinal" and 4 <= n <= 10 and w in (word, word + "s"):
            return n
    return None
