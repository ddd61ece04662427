"""Number words in a source sentence: "tři", "dvou", "первый", "três mil", "dois terços".

Weak evidence: they may satisfy a match, and pair with a changed figure in the translation,
but never raise a flag alone ("ten" may be idiom). An inflected form matches the word it starts
like; scale words after a number word multiply it ("dva miliony").
"""

from __future__ import annotations

import re

from .base import Number, weak
from .lexicon import calendar, multipliers, number_phrases, ordinal_value, word_value
from .profile import NumberProfile, number_profile

_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Numerators a fraction may have ("dois terços", "nove décimos"): larger ones are counts
# before an ordinal ("onze quintos" is no news figure).
_MAX_NUMERATOR = 10


def source_words(text: str, lang: str) -> list[Number]:
    """Number words of ``text`` in ``lang``, phrases of several words ("vinte e um") first."""
    profile = number_profile(lang)
    out: list[Number] = []
    phrases, pattern = number_phrases(lang)
    taken: list[tuple[int, int]] = []
    for m in pattern.finditer(text.lower()) if pattern else ():
        out.append(weak(phrases[m.group()], m.start(), m.end(), text[m.start():m.end()]))
        taken.append((m.start(), m.end()))
    names = calendar(lang)
    tokens = [t for t in _TOKEN.finditer(text) if not any(a <= t.start() < b for a, b in taken)]
    i = 0
    while i < len(tokens):
        m = tokens[i]
        w = m.group().lower()
        value = None if w in names else word_value(w.replace("’", "'"), lang)
        before = tokens[i - 1].group().lower() if i else ""
        following = text[m.end():tokens[i + 1].start()].strip() if i + 1 < len(tokens) else "."
        after = "" if following else tokens[i + 1].group().lower()  # "" after punctuation
        fraction = _fraction(before, w, after, lang, profile)
        if fraction is not None:
            # "um quinto", "dois terços", "un quart": a fraction, not a count or a rank
            out = [n for n in out if n.start != tokens[i - 1].start()]
            out.append(weak(fraction, tokens[i - 1].start(), m.end(), text[tokens[i - 1].start():m.end()]))
            i += 1
            continue
        if w in profile.prepositions and not (i and before in profile.articles) \
                and not text[m.end():].lstrip().startswith(","):
            # "Segundo a OIT" is "according to the ILO"; "o segundo lugar" and "Segundo, ..."
            # ("Secondly") are ranks
            value = None
        value, end, i = _scaled(text, tokens, i, value, profile.plurals, multipliers(lang))
        if value is not None and profile.and_prefixes and i + 1 < len(tokens):
            value, end, i = _conjoined(tokens, i, value, end, lang, profile)
        if value is not None and value > 0:
            out.append(weak(value, m.start(), end, text[m.start():end]))
        i += 1
    return out


def _scaled(text: str, tokens: list[re.Match[str]], i: int, value: float | None,
            plurals: dict[str, float], scales: dict[str, float]) -> tuple[float | None, int, int]:
    """A number word times the scale words after it: (value, end, index of its last token)."""
    w, end = tokens[i].group().lower(), tokens[i].end()
    if w in plurals and i + 1 < len(tokens):
        # "centenas de milhões", "сотни миллионов": a plural of a smaller scale word times
        # each larger one in turn (one short word between them at most)
        top = plurals[w]
        while i + 1 < len(tokens):
            j = i + 2 if len(tokens[i + 1].group()) <= 3 and i + 2 < len(tokens) else i + 1
            nxt = tokens[j].group().lower()
            if not (scales.get(nxt, 0) > top and len(text[end:tokens[j].start()].split()) <= 1):
                break
            value, top, end, i = (value or 0) * scales[nxt], scales[nxt], tokens[j].end(), j
    elif w in scales and i + 1 < len(tokens) and text[end:tokens[i + 1].start()].strip() == "" \
            and scales.get(tokens[i + 1].group().lower(), 0) > scales[w]:
        # a bare scale word before a larger one: "mil milhões" is a billion
        i += 1
        value, end = scales[w] * scales[tokens[i].group().lower()], tokens[i].end()
    elif w not in scales:
        # "três mil", "dva miliony"
        while value is not None and i + 1 < len(tokens) and tokens[i + 1].group().lower() in scales \
                and text[end:tokens[i + 1].start()].strip() == "":
            i += 1
            value *= scales[tokens[i].group().lower()]
            end = tokens[i].end()
    return value, end, i


def _conjoined(tokens: list[re.Match[str]], i: int, value: float, end: int, lang: str,
               profile: NumberProfile) -> tuple[float, int, int]:
    """Tens "and" units ("שלושים ושלושה", 33; Arabic writes units first): the second word
    carries the conjunction. (value, end, index of the last token)."""
    nxt = tokens[i + 1].group().lower()
    second = word_value(nxt, lang) if nxt[:1] in profile.and_prefixes else None
    if second is not None and {value % 10 == 0 and 20 <= value <= 90,
                               second % 10 == 0 and 20 <= second <= 90} == {True, False} \
            and max(value, second) < 100 and min(value, second) < 10:
        return value + second, tokens[i + 1].end(), i + 1
    return value, end, i


def _fraction(before: str, w: str, after: str, lang: str, profile: NumberProfile) -> float | None:
    """The value of "<small cardinal> <denominator>", else None. An ordinal is a denominator
    only before "of" or at the end of a clause: "um quinto do compromisso" is a fifth of it,
    "um quinto relatório" a fifth report."""
    if not profile.fraction_words:
        return None
    if w not in profile.fraction_words and after not in ("", *profile.of):
        return None
    if before in profile.one:  # the masculine "one" only: "uma terceira onda" is a third wave
        numerator = 1.0
    elif (numerator := word_value(before, lang) or 0.0) < 2 or numerator > _MAX_NUMERATOR:
        return None
    denominator = profile.fraction_words.get(w) or ordinal_value(w, lang)
    return numerator / denominator if denominator and denominator >= 2 else None
