"""Which country a word names: in the source language (by name, declined name, people's
adjective, initials) or in English (the translation's names and demonyms)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz

from ...checks import gazetteer
from ...lang import section
from ..scripts import romanise, script_of
from .catalogue import catalogue
from .spelling import flat_key, fold, key, words_of
from .world import english_heads

# rapidfuzz ratio of a source word to a one-word country name of its language, inflected
# ("Германии" / "Германия"); lower: "Monate" is "Monaco", "Niederlage" (a defeat) "Niederlande".
_OWN_NAME_RATIO = 80
# rapidfuzz ratio of a source word's start to an English country head ("coreana" / "Korean",
# "curdos" / "Kurds") when their first letters agree; lower takes in ordinary words.
_HEAD_RATIO = 66
# The same where only the first letter agrees, for long heads ("rossiyskiy" / "Russian").
_HEAD_RATIO_FIRST_LETTER = 75
# Scripts whose sources transliterate English names of peoples ("британской" / British).
_TRANSLITERATING_SCRIPTS = frozenset({"cyrillic", "greek"})
# A language's stem is an adjective only before an adjective's ending (-ský, -ський, -isch,
# deuts-ch): "словами" (words) does not start Slovak, nor "Казакевич" Kazakh.
_ADJECTIVE_AFTER_STEM = re.compile(r"[a-z]{0,2}(?:sk|ck|sch|zk|ch)")


def country_of(phrase: str, word: str) -> str | None:
    """The country a target name names, read in its run of capitalised words first
    ("South Korea") and then alone."""
    return gazetteer.country_named(phrase) or gazetteer.country_named(word)


@lru_cache(maxsize=4096)
def reverse_country(word: str, lang: str | None) -> str | None:
    """The country a source word names in its own language ("Alemanha", "Германии")."""
    if not lang or len(word) < 4:
        return None
    w = word.lower()
    for canonical, f in catalogue(lang).forms_by_prefix.get(w[:4], ()):
        # one-word names only, with room for an inflected ending (Германия / Германии)
        if abs(len(f) - len(w)) <= 2:
            n = max(4, min(len(f), len(w)) - 1)
            if f[:n] == w[:n] and fuzz.ratio(f, w) >= _OWN_NAME_RATIO:
                return canonical
    return None


def named_country(word: str, lang: str | None) -> str | None:
    """The country a source word names, in the source language or in English."""
    return reverse_country(word, lang) or gazetteer.country_named(romanise(word)) \
        or (catalogue(lang).peoples.get(flat_key(word)) if lang else None)


def country_by_stem(word: str, lang: str | None) -> str | None:
    """The country whose name's stem ``word`` starts with, the longest stem first."""
    stems = catalogue(lang).stems if lang else {}
    k = flat_key(word)
    return next((c for n in range(min(len(k), 12), 5, -1) if (c := stems.get(k[:n]))), None)


@lru_cache(maxsize=256)  # asked again for each country name of the translation
def source_countries(source: str, lang: str | None) -> dict[str, str]:
    """Romanised source words that name a country, in the source language or in English."""
    out = {}
    for w in re.findall(r"[^\W\d_][\w'’-]*", source):
        if country := named_country(w, lang):
            out[flat_key(w)] = country
    return out


@lru_cache(maxsize=256)
def source_languages(source: str, lang: str | None) -> dict[str, str]:
    """Romanised source words named like a language ("deutscher") -> that language's code."""
    stems = catalogue(lang).language_codes if lang else {}
    keys = (flat_key(w) for w in re.findall(r"[^\W\d_][\w'’-]*", source))
    return {k: stems[k[:5]] for k in keys if k[:5] in stems}


def other_country(word: str, country: str, countries: dict[str, str], languages: dict[str, str]) -> bool:
    """Whether a source word names a country other than ``country``, or a language other
    than its main one ("deutscher" is no near spelling of "Dutch"). A country whose languages
    are unknown ("Korea", either of two) is not excluded that way."""
    if countries.get(word, country) != country:
        return True
    main = gazetteer.languages_of(country)[:1]
    return word in languages and bool(main) and languages[word] != main[0]


@lru_cache(maxsize=256)
def country_words(source: str, lang: str | None) -> frozenset[str]:
    """Words of the multi-word country names (in ``lang``) that the source contains."""
    if not lang:
        return frozenset()
    low = " " + " ".join(words_of(source)) + " "
    out: set[str] = set()
    for forms in catalogue(lang).translations.values():
        for form in forms:
            words = words_of(form)
            if len(words) >= 2 and f" {' '.join(words)} " in low:
                out.update(words)
    return frozenset(out)


def generic_words(lang: str | None) -> frozenset[str]:
    """Words that build three or more of ``lang``'s country names ("norte", "república")."""
    return catalogue(lang).generic_words if lang else frozenset()


def language_named(src_words: list[str], country: str, lang: str | None) -> bool:
    """Whether a source word starts with the name of ``country``'s language, or holds it inside
    a long compound ("mitteldeutschen")."""
    st = catalogue(lang).language_stem(country) if lang else None
    return st is not None and any(w.startswith(st) or (len(w) >= 10 and st in w) for w in src_words)


def acronym_of(source: str, forms: list[str]) -> bool:
    """An institution's acronym that holds the initials of the country's name: "PČR" (Policie
    ČR) is the Czech police, "AČR" its army. A one-word name's single initial is no evidence:
    "ГУР" does not end in Romania, nor "НБУ" in Hungary."""
    acronyms = [a for a in re.findall(r"(?<![\w-])[^\W\d_]{3,6}(?![\w-])", source) if a.upper() == a]
    for form in forms:
        letters = "".join(w[0] for w in form.split() if len(w) > 2).upper()
        if len(letters) >= 2 and any(letters in a for a in acronyms):
            return True
    return False


def heads(country: str, *extra: str, min_len: int) -> set[str]:
    """First six letters of the English names of a country and its people."""
    english = gazetteer.country_forms(country) + gazetteer.demonyms_of(country) + list(extra)
    # less an article: "The Netherlands" does not start like every "the" of a translation
    english = [re.sub(r"(?i)^the\s+", "", f) for f in english]
    return {flat_key(f)[:6] for f in english if len(key(f)) >= min_len}


def shares_head(words: Iterable[str], heads: set[str]) -> bool:
    """Whether a word starts like one of ``heads`` ("coreana" / "Korean", "curdos" / "Kurds",
    "rossiyskiy" / "Russian"): close on six letters and alike on the first three, or closer
    and alike on the first ("planiruetsya" is as close to "Spanish" on six letters, but
    starts otherwise)."""
    for w in words:
        if len(w) < 3:
            continue
        for h in heads:
            # a letter more than the head, for an ending: "curdos" / "kurds"
            r = fuzz.ratio(w[:len(h) + 1], h)
            # the first three letters of a head of four ("posle-dní" is no "Pole"), the first
            # four of a longer one ("Netzes" is no "Nether-lands", though close on six)
            n = min(4 if len(h) > 4 else 3, len(w))
            if r >= _HEAD_RATIO and (fold(w[:n]) == fold(h[:n])
                                     or (r >= _HEAD_RATIO_FIRST_LETTER and fold(w[0]) == fold(h[0])
                                         and len(h) > 4)):
                return True
    return False


def english_acronym(target: str, country: str) -> bool:
    """Whether the target names the country by the initials of one of its English names
    ("UK", "U.S.", "UAE")."""
    forms = gazetteer.country_forms(country)
    letters = {"".join(w[0] for w in f.split()).upper() for f in forms if len(f.split()) >= 2}
    letters |= {f.replace(".", "") for f in forms if f.replace(".", "").isupper()}
    found = {t.replace(".", "") for t in re.findall(r"\b(?:[A-Z]\.){2,}|\b[A-Z]{2,}\b", target)}
    return bool(letters & found)


def country_of_phrase(name: str, source: str, lang: str | None) -> str | None:
    """The country whose name of several words (in the source language) the source gives,
    ``name`` among them: "Caimão" of "Ilhas Caimão" is the Cayman Islands."""
    k = flat_key(name)
    src_words = set(words_of(source))
    for country, forms in (catalogue(lang).translations.items() if lang else ()):
        for form in forms:
            words = words_of(form)
            if len(words) >= 2 and k in words and all(w in src_words for w in words if len(w) >= 4):
                return country
    return None


def source_country_counts(source: str, lang: str | None) -> Counter[str]:
    """How many times the source names each country: by name, declined name or people's
    adjective ("Росії", "російські", "українські")."""
    cat = catalogue(lang) if lang else None
    stems = cat.language_countries if cat else {}
    declined = cat.declined_stems if cat and section(lang, "names").get("declines") else {}
    letters = cat.initials if cat else {}
    transliterated = script_of(source) in _TRANSLITERATING_SCRIPTS
    counts: Counter[str] = Counter()
    # hyphenated words by their parts: "російсько-українського" names two countries
    for w in re.findall(r"[^\W\d_][\w'’]*", source):
        k = flat_key(w)
        # a language's stem before an adjective's ending, or ending in one ("чеськ-ою")
        after_stem = bool(_ADJECTIVE_AFTER_STEM.match(k[5:]))
        adjective = stems.get(k[:5]) if after_stem or k[3:5] in ("sk", "ck") else None
        if not adjective:
            adjective = next((c for n in range(len(k) - 1, max(3, len(k) - 5), -1)
                              if (c := declined.get(k[:n]))), None)
        country = named_country(w, lang) or country_by_stem(w, lang) or adjective \
            or (letters.get(k) if w.isupper() else None) \
            or (english_heads().get(k[:5]) if transliterated and after_stem else None)
        if country:
            counts[country] += 1
    return counts
