"""Whether a name of one side is on the other: spelled alike, declined, under an exonym, or by
an acronym. What a source language adds (declension, háček spellings, Latin region names) is
read from its profile's ``"names"`` section."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz

from ...checks import gazetteer
from ...lang import section
from ..scripts import script_of
from .catalogue import catalogue, initials
from .countries import acronym_of, country_words, generic_words, heads, language_named, shares_head
from .spelling import (
    NEAR_RATIO,
    STEM,
    case_form,
    flat_key,
    flatten,
    hard_c,
    key,
    near,
    same_skeleton,
    skeleton,
    words_of,
)
from .world import alternates

# Scripts whose sources decline names and romanise them several ways, whatever the language.
_DECLINING_SCRIPTS = frozenset({"cyrillic", "greek"})
# rapidfuzz ratio of a source word to a city's local name, declined ("Plzně" / "Plzen"); lower
# takes in words that merely start like a city ("від", from, and "Відень", Vienna).
_CITY_FORM_RATIO = 75


def declined(source: str, lang: str | None) -> bool:
    """Whether the source declines names and romanises them several ways (profile
    ``"declines"``, or a Cyrillic or Greek script): such names are compared on short stems."""
    return script_of(source) in _DECLINING_SCRIPTS or bool(section(lang, "names").get("declines"))


def nouns_capitalised(lang: str | None) -> bool:
    """Whether the language capitalises every noun (profile ``"nouns_capitalised"``)."""
    return bool(section(lang, "names").get("nouns_capitalised"))


def found(word: str, src_words: Iterable[str], src_joined: str, loose: bool,
          short_stem: bool = False, country: bool = False) -> bool:
    """Whether ``word`` (romanised) is among the source's romanised words.

    ``country``: the word names a country or people, whose near spellings must be closer.
    ``short_stem``: a three-letter stem is enough (a declining source, whose names are
    declined and romanised several ways: "Валєю" / Valya, "Празі" / Prague).
    ``loose``: a syllable-by-syllable romanisation (Han, kana, Hangul) that runs a name
    together ("XiJinPing") may hold it anywhere."""
    k = flat_key(word)
    if not k or (len(k) >= 5 and k in src_joined) or (len(k) >= 7 and k[:-1] in src_joined):
        return True  # "Bet-A-Vib" written with other hyphens; "Telavive" / "Tel Aviv"
    sk = skeleton(k)
    if short_stem:
        k = flatten(k)
    for w in src_words:
        if len(sk) >= 3 and same_skeleton(sk, skeleton(w)):
            return True
        if short_stem and len(sk) >= 5 and sk[0] == "v" and same_skeleton("f" + sk[1:], skeleton(w)):
            return True  # a German V is an F to Slavic ears: "Verstappen" / "Ферстаппен"
        if short_stem:
            w = flatten(w)
            if case_form(k, w) or case_form(w, k):
                return True  # a short name declined: "Ikou" / Ika, "Cchaa" / Cao, "Ані" / Anya
            # an initial vowel is where romanisations differ ("Англии" / England)
            if len(w) >= 4 and len(k) >= 4 and w[1:3] == k[1:3] and (
                    w[0] == k[0] or (w[0] in "aeiou" and k[0] in "aeiou")):
                return True
        if w == k or near(w, k, short_stem, country):
            return True
        n = min(len(w), len(k))
        if n >= STEM and hard_c(w)[:max(STEM, n - 3)] == hard_c(k)[:max(STEM, n - 3)]:
            return True
        if len(k) >= 7 and k[:-2] in w:
            return True  # inside a compound: "Uherskohradišťsku" / Uherské Hradiště
    return loose and len(k) >= 4 and fuzz.partial_ratio(k, src_joined) >= NEAR_RATIO


def _all_found(form: str, src_words: list[str], short_stem: bool) -> bool:
    """Every word of a country's name (of four letters or more) among the source's words:
    "Государство Палестина" is not named by "государству" alone."""
    words = [w for w in key(form).split() if len(w) >= 4] or [flat_key(form)]
    return all(found(w, src_words, "", False, short_stem, country=True) for w in words)


def exonym_found(name: str, source: str, src_words: list[str], lang: str | None,
                 short_stem: bool = False) -> bool:
    """Whether the source names the same place or people under another name."""
    country = gazetteer.country_named(name)
    if country:
        forms = catalogue(lang).translations.get(country, []) if lang else []
        low = flat_key(source)
        for form in forms:
            # the name in the source language, its stem ("Němec" / "Německo") or its
            # initials ("ČR", "EUA")
            stem = flat_key(form)[:max(4, len(form) - 3)]
            if stem in low or initials(form) in src_words or _all_found(form, src_words, short_stem):
                return True
        if acronym_of(source, forms) or language_named(src_words, country, lang):
            return True
        # The source's adjective for the people ("britânicos", "американских") starts like
        # an English name of the country or its people; words of another country's name
        # ("Unido" of "Reino Unido") are no such adjectives.
        taken = country_words(source, lang) | generic_words(lang)
        return shares_head([w for w in src_words if w not in taken], heads(country, name, min_len=4))
    # A city under its local name, declined ("Plzně", "plzeňský" / Pilsen, alternate "Plzen").
    alts = alternates().get(flat_key(name), frozenset())
    n = 3 if short_stem else 4
    joined = flat_key(source)

    def local(a: str) -> bool:
        # whole, or run together where the name has several words ("Abú Zabí" / Abu Dhabi)
        if a in src_words or (" " in name and len(a) >= 6 and a in joined):
            return True
        # a declined form, of four letters at least
        return any(len(w) >= 4 and a[:n] == w[:n] and fuzz.ratio(a, w[:len(a) + 1]) >= _CITY_FORM_RATIO
                   for w in src_words)

    return any(local(a) for a in alts)


# An acronym in brackets after the name it abbreviates: "Instituto de Tecnologia de
# Massachusetts (MIT)". The name is the run of words before it, back to a clause boundary.
_EXPANDED = re.compile(r"([^()\[\]\n.;:,–—“”\"«»]{3,120}?)\s*[(\[]\s*([A-Z][A-Za-z0-9&.-]{1,9})\s*[)\]]")


@lru_cache(maxsize=256)  # asked once for each name of the sentence
def _expansions(text: str) -> dict[str, str]:
    """Words (keys) of the names that ``text`` gives an acronym for -> that acronym. Only
    words whose initial is one of the acronym's letters: "Florian" is no part of "(THW)"."""
    out: dict[str, str] = {}
    for m in _EXPANDED.finditer(text):
        acronym = m.group(2).replace(".", "")
        if sum(c.isupper() for c in acronym) < 2:
            continue
        letters = key(acronym)
        for w in words_of(" ".join(m.group(1).split()[-10:])):
            if w[0] in letters:
                out.setdefault(w, acronym)
    return out


def by_acronym(word: str, text: str, other: str) -> bool:
    """Whether ``word`` is part of a name that ``text`` abbreviates and ``other`` gives by
    the acronym alone: "Massachusetts" (MIT) is found where the translation says "MIT".
    Where both spell the name out, its words are compared as any others."""
    acronym = _expansions(text).get(flat_key(word))
    return acronym is not None and acronym not in _expansions(other).values() \
        and re.search(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", other) is not None


# A word of two to six letters, an acronym where all are capitals ("THW", "ЗСУ", "ČTK").
_ACRONYM = re.compile(r"(?<![\w-])[^\W\d_]{2,6}(?![\w-])")


def spelled_out(word: str, phrase: str, source: str, target: str) -> bool:
    """Whether ``word`` is part of a name the translation spells out where the source gives
    only its acronym: "Armed Forces of Ukraine" for "ЗСУ" (Zbroini Syly Ukrainy). The
    English words have other initials than the source language's, so the initials are
    compared by place (first, last, between), in a run of capitalised words no longer than
    the acronym, and the acronym must be missing from the translation."""
    caps = [w for w in phrase.split() if w[0].isupper()]
    if len(caps) < 2 or word not in caps:
        return False
    for m in _ACRONYM.finditer(source):
        acronym = m.group()
        if not acronym.isupper():
            continue
        letters = flat_key(acronym)
        if len(caps) > len(acronym) + 1 or acronym in target or letters in target.lower().split():
            continue
        # The first and the last word keep their places ("Armed Forces of Ukraine" / Zbroini
        # Syly Ukrainy); a swap whose initial happens to fit is missed, which is rarer than
        # the translations a looser test would flag.
        at = caps.index(word)
        place = letters[:1] if at == 0 else letters[-1:] if at == len(caps) - 1 else letters[1:-1]
        if key(word)[:1] in place:
            return True
    return False


def _replace(text: str, pairs: list[list[str]]) -> str:
    for a, b in pairs:
        text = text.replace(a, b)
    return text


def spelled(words: Iterable[str], lang: str | None) -> dict[str, str]:
    """Keys of the source words spelled as English spells them, where that differs from plain
    romanisation -> the plain key (the word a country or language check knows).

    Profile ``"hacek"``: one letter for English's two ("Čečensku" -> "chechensku", besides
    "cecensku"). Profile ``"latin_regions"``: a region's Latin name where the language has its
    own ending ("Westfalen" -> "westfalia"), for capitalised words and adjectives."""
    p = section(lang, "names")
    hacek, latin = p.get("hacek"), p.get("latin_regions")
    if not hacek and not latin:
        return {}
    out = {}
    for w in words:
        low = w.lower()
        variants = []
        if hacek:
            variants.append(_replace(low, hacek))
        if latin and (w[:1].isupper() or latin["adjective"] in low):
            x = _replace(low, latin["replace"])
            variants += [re.sub(latin["ending"], latin["latin"], x), x]
        if not variants:
            continue
        plain = flat_key(w)
        out.update({k: plain for v in variants if (k := flat_key(v)) != plain})
    return out
