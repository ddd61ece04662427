"""Every value in a text: figures, number words, Roman numerals, months and weekdays.

The source is read with its language's profile; the translation with the English reader.
"""

from __future__ import annotations

import re
import unicodedata

from ..scripts import base_lang, has_clitics
from . import english, han
from .base import Number, apostrophe, overlaps
from .calendar import LATIN_MONTHS, beside_figure, clitic_names, fuzzy_names, month_abbreviations, month_names
from .calendar import day_names as _day_names
from .digits import DIGITS, ROMAN, decimal_symbol, parse_digits, pieces, roman, scale_after
from .profile import NumberProfile, number_profile
from .words import source_words

# Letters before digits that make them part of a name ("COVID-19", "G20", "ST-33").
_GLUED = re.compile(r"(?:[^\W\d_]|[A-Z]-)$")


def extract(text: str, lang: str | None = None) -> list[Number]:
    """Every number and month in ``text``, read as language ``lang`` (ISO 639-1; English is the
    translation's side).

    Example:
        >>> [round(n.value) for n in extract("Receitas de 1,6 biliões de euros em 2012.", "pt")]
        [1600000000000, 2012]
    """
    lang = base_lang(lang)
    target = lang == english.LANG
    profile = number_profile(None if target else lang)
    if not target:
        text = _normalise(text)
    out = _figures(text, lang, profile, target)
    if target:
        words = english.read_words(text)
    elif profile.han_numerals:
        words = han.numerals(text)
    elif lang:
        words = _source_calendar_and_words(text, lang, profile)
    else:
        words = []
    if not profile.unspaced:
        # Roman numerals ("século XIX", "World War II"): weak, read on both sides
        words += [Number(float(v), float(v), False, m.start(), m.end(), m.group(), strong=False)
                  for m in ROMAN.finditer(text) if (v := roman(m.group()))]
    # A word inside a figure already read ("1,1 mil milhões", "1.1 billion") is not another one.
    out += [w for w in words if not any(overlaps(n, w) for n in out)]
    if profile.han_numerals:
        out += han.implied_months(text, out)
    return out


def _normalise(text: str) -> str:
    """One apostrophe, and full-width digits and ideographic separators as ASCII: NFKC maps
    each to one character, so offsets stay valid. The full-width comma stays: it separates list
    items ("6666，8888"), never groups digits."""
    text = apostrophe(text)
    return "".join(unicodedata.normalize("NFKC", c) if len(unicodedata.normalize("NFKC", c)) == 1
                   and c != "，" else c for c in text)


def _figures(text: str, lang: str | None, profile: NumberProfile, target: bool) -> list[Number]:
    """Figures in digits, with the scale words after them."""
    dec = decimal_symbol(lang)
    scales = english.SCALES if target else profile.scales
    out: list[Number] = []
    for m in DIGITS.finditer(text):
        before = text[max(0, m.start() - 2):m.start()]
        # Digits glued to a name are weak: they may match or pair with a changed figure, but
        # never count as missing or extra alone. (A Han letter before them glues nothing.)
        glued = bool(_GLUED.search(before)) and not (profile.unspaced and not before[-1:].isascii())
        for start, digits in pieces(m.start(), m.group()):
            value, length, alt = parse_digits(digits, dec, certain=target)
            if value == 0:
                continue  # "18:00", "3-0": zeros carry no figure worth comparing
            end = start + length
            if target:
                alt = english.afternoon(value, re.sub(r"^:\d\d", "", text[end:end + 8].lower())) or alt
            date = (han.year(text, start, end, value) if profile.han_numerals else None) \
                or (han.month(text, start, end, value) if profile.unspaced else None)
            if date is not None:
                out.append(date)
                continue
            scale, send = scale_after(text, end, scales, profile.unspaced)
            out.append(Number(value * scale, value, scale != 1.0, start, send, text[start:send],
                              strong=not glued, alt=alt * scale if alt is not None else None, glued=glued))
    return out


def _source_calendar_and_words(text: str, lang: str, profile: NumberProfile) -> list[Number]:
    """Month and day names and number words of a source text."""
    if has_clitics(lang):
        # month names behind a clitic ("במרץ", "in March"), matched whole
        return [*clitic_names(text, month_names(lang), "month", lang), *source_words(text, lang)]
    months = month_names(lang)
    if months:
        # An abbreviation ("dez", "mar", "out") is a month only beside a figure ("3 dez.
        # 2020"): in running text "dez" is ten and "mar" the sea.
        short = month_abbreviations(lang)
        words = [n for n in fuzzy_names(text, months, "month", profile.declines)
                 if n.text.lower().rstrip(".") not in short or beside_figure(text, n)]
    else:
        # A language CLDR does not describe: European month names are mostly the Latin ones
        # ("aprilõs", "jūnij"), matched loosely on their unaccented form.
        plain = "".join(unicodedata.normalize("NFD", c)[0] for c in text)
        words = fuzzy_names(plain, LATIN_MONTHS, "month", declines=True)
    read_months = list(words)
    words += fuzzy_names(text, _day_names(lang), "weekday", profile.declines)
    # a month read beside a figure is no number word too ("3 dez. 2020")
    words += [n for n in source_words(text, lang) if not any(overlaps(w, n) for w in read_months)]
    return words
