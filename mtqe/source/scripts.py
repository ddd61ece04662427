"""Which writing system a source uses, and how far we can read names in it.

Names are compared in Latin letters (anyascii romanises every script it knows). How much a
romanisation is worth depends on the script: Cyrillic and Greek map letter for letter; Han,
kana and Hangul give syllable readings that fit names only loosely ("ShaoYiGu" for a
transliterated foreign name); Arabic and Hebrew drop most vowels. Elsewhere we say that names
were not checked instead of guessing.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

from anyascii import anyascii

from ..lang import section

EXACT = frozenset({"latin", "cyrillic", "greek"})
APPROXIMATE = frozenset({"han", "kana", "hangul", "arabic", "hebrew"})
_NAMES = {"CJK": "han", "HIRAGANA": "kana", "KATAKANA": "kana", "HANGUL": "hangul"}


def base_lang(lang: str | None) -> str | None:
    """"pt-BR" / "pt_PT" / "PT" -> "pt"; None stays None."""
    if not lang:
        return None
    return lang.replace("_", "-").split("-")[0].lower() or None


@lru_cache(maxsize=4096)
def char_script(c: str) -> str | None:
    """The script of one letter, lower case ("latin", "han"...); None for non-letters."""
    if not c.isalpha():
        return None
    try:
        first = unicodedata.name(c).split()[0]
    except ValueError:
        return None
    return _NAMES.get(first, first.lower())


def script_of(text: str) -> str | None:
    """The script most letters of ``text`` are written in (kana wins over Han: Japanese)."""
    counts = Counter(s for s in map(char_script, text) if s)
    if not counts:
        return None
    if counts.get("kana"):
        return "kana"
    return counts.most_common(1)[0][0]


def guess_lang(text: str) -> str | None:
    """The language where the script alone tells it; None for Latin (many languages)."""
    script = script_of(text)
    if script == "cyrillic":
        return "uk" if any(c in text for c in "іїєґІЇЄҐ") else "ru"
    return {"han": "zh", "kana": "ja", "hangul": "ko", "greek": "el", "arabic": "ar",
            "hebrew": "he"}.get(script or "")


def name_support(script: str | None) -> str:
    """"exact", "approximate" or "none": how well names in this script can be matched."""
    if script in EXACT:
        return "exact"
    return "approximate" if script in APPROXIMATE else "none"


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency, 0 where it cannot tell (an unknown language, or Chinese and
    Japanese, whose tokenizers are optional extras we do not install)."""
    if section(lang, "source").get("wordfreq") is False:
        return 0.0
    try:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, lang)
    except (LookupError, ImportError, ValueError):
        return 0.0


def romanise(text: str) -> str:
    return anyascii(text)


# Letters some scripts write joined to the next word ("and", "the", "in"): Hebrew "בירושלים" is
# "in Jerusalem". A profile's "source.clitics", longest first.


def has_clitics(lang: str | None) -> bool:
    return bool(section(lang, "source").get("clitics"))


def without_clitics(word: str, lang: str | None) -> list[str]:
    """``word``, then what is left of it without each run of clitics it may start with (two
    letters left at least): "ושלושה" -> ["ושלושה", "לושה", "שלושה"]. Other languages: the
    word alone."""
    out = [word]
    for c in section(lang, "source").get("clitics", ()):
        if word.startswith(c) and len(word) - len(c) >= 2 and word[len(c):] not in out:
            out.append(word[len(c):])
    return out
