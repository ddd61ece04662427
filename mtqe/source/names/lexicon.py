"""English words and given names: what tells a capitalised word of the translation from a name.

The dictionary's lower-case words and Faker's given names are package data in ``mtqe/data/``,
written by ``python -m mtqe.training.langdata``; the runtime never imports Faker or
english-words. English's own facts (derived-noun endings, currency names that are also words)
are the ``"names"`` section of the ``en`` profile: the translation is always English.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...checks import gazetteer
from ...lang import section
from ..numbers import EN_CALENDAR
from ..scripts import zipf

TARGET_LANG = "en"
_DATA = Path(__file__).resolve().parents[2] / "data"
GIVEN_NAMES_FILE = _DATA / "given_names.txt.gz"
LOWER_WORDS_FILE = _DATA / "english_lower_words.txt.gz"

# Below this a word is not English at all, whatever its ending ("Bernardino" is no verb form).
_ENGLISH_ZIPF = 1.0
# A stem at least this common makes "-ing" / "-ed" a verb form ("Averted"); lower takes in
# surnames with a verb-like end ("Fielding").
_COMMON_VERB_ZIPF = 2.5


def target_profile() -> dict[str, Any]:
    """The ``"names"`` section of the translation's language."""
    return section(TARGET_LANG, "names")


def _read_words(path: Path) -> frozenset[str]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return frozenset(w for w in f.read().split("\n") if w)


@lru_cache(maxsize=1)
def _lower_case_words() -> frozenset[str]:
    """Words an English dictionary writes in lower case (Webster's Second and the GCIDE):
    "crayon", "howitzer", "repository"; not "london", "patrick"."""
    return _read_words(LOWER_WORDS_FILE)


def dictionary_word(low: str) -> bool:
    """Whether a capitalised word is a common word of the dictionary, plural or not: a word of
    a title or a product ("Wax Crayons", "Studio Easel"), which the translation capitalised
    and the source writes in its own language."""
    words = _lower_case_words()
    return any(form in words for form in (low, low[:-1] if low.endswith("s") else "",
                                          low[:-2] if low.endswith("es") else ""))


@lru_cache(maxsize=1)
def _endings() -> tuple[tuple[str, ...], tuple[str, ...]]:
    p = target_profile()
    return tuple(p["derived_noun_endings"]), tuple(p["verb_endings"])


def english_word(low: str) -> bool:
    """Whether a capitalised word is an English common word of a title or heading, rare
    though it is ("Bipartisanship", "Averted", "Transplanting"): a derived noun (names
    rarely end so) or a verb form of a common verb. Compounds of two common words
    ("Boardroom") are not: they are names as often ("Hartwell", "Greenfield")."""
    if zipf(low, "en") < _ENGLISH_ZIPF:
        return False
    derived, verb_endings = _endings()
    if len(low) >= 7 and low.endswith(derived):
        return True
    for suffix in verb_endings:
        if len(low) >= 6 and low.endswith(suffix):
            stem = low[: -len(suffix)]
            forms = {stem, stem + "e", stem[:-1] if stem[-1] == stem[-2] else stem}
            if max(zipf(f, "en") for f in forms) >= _COMMON_VERB_ZIPF:
                return True
    return False


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Given names of some eighty countries, lower case (Faker's person providers, MIT), less
    those that are countries, states or capitals, peoples, months or days ("Georgia",
    "April"); towns named after people stay ("Sebastian")."""

    def place(n: str) -> bool:
        rank = gazetteer.place_rank(n.title())
        return rank is not None and rank <= 1

    return frozenset(n for n in _read_words(GIVEN_NAMES_FILE) if n not in EN_CALENDAR and not place(n)
                     and not gazetteer.is_country(n.title()) and not gazetteer.is_demonym(n.title()))


def given_name(word: str) -> bool:
    """Whether a capitalised word is a given name and not also a common word of the English
    dictionary ("Patrick", "Sebastian"; not "Frank", "Rose", "Will")."""
    low = word.lower()
    return low in _given_names() and not dictionary_word(low)


@lru_cache(maxsize=64)  # wordfreq lists its data folder anew on every call
def has_wordlist(lang: str | None) -> bool:
    """Whether wordfreq knows the language: telling names from words in it needs that."""
    import wordfreq

    return bool(lang) and lang in wordfreq.available_languages()
