"""Names in Han and kana sources, matched by reading: "Xi Jinping" is 习近平 read in pinyin,
"Hong Kong" is 香港 as news spells it, "Tokyo" is 東京 read in Hepburn.

The reader (``scripts.readings``) gives each span of the source with its spellings, which
``reading`` completes and matches names against; the profile's ``"names"`` section adds what a
reader does not know, as data:

- ``"spellings"``: {Han or kana text: [spellings]}: the established spellings of news
  ("香港": ["hong kong"], "蒋": ["chiang"]), Wade–Giles and Cantonese ones included.
- ``"respellings"``: other romanisations of each syllable, by system (Wade–Giles: "qing" is
  also "ching"): ``{"whole": {syllable: spelling}, "initials": [[a, b], ...], "finals": [[a, b], ...]}``.
- ``"folds"``: [[regex, replacement], ...] applied to both sides ("toukyou" / "Tokyo").
- ``"syllables"``: the language's syllables (pinyin, or Hepburn morae), space-separated: a
  name that splits into them looks like the language's own, so that its absence is clear.
- ``"own_names_clear"``: whether such a name's absence is clear at all (not in Japanese, whose
  names are read many ways: 雄大 is Yudai or Yuta).
- ``"read_place_forms"``: a place's written names are also compared by reading (traditional
  and simplified characters read alike).

A translation's name is then *found* (a span sequence spells it), *clearly absent* (it is
spelled in the language's syllables, or it is a place whose written forms are known, and the
source has neither), or undecided (a foreign name transliterated, "Telangpu" for Trump), which
the loose comparison of ``matching`` handles as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ...checks import gazetteer
from ..scripts import char_script, cjk, reader_of, zipf
from .catalogue import catalogue
from .lexicon import dictionary_word, given_name
from .reading import CLEAR_SYLLABLES, graph, names_profile, spelled_in, syllable_count
from .spelling import flat_key, key, words_of
from .world import alt_index, source_cities

# An English word this common is a word, whatever syllables it splits into ("Reading", "China").
_ENGLISH_WORD_ZIPF = 3.0
# A country's or continent's name of at most this many characters shortens to its first one.
_SHORT_NAME = 3
# Administrative endings a city's written name may have or lack (北京市 / 北京).
_ADMIN_SUFFIX = re.compile(r"(?:特别行政区|特別行政區|特区|特區|[市省県县都府区區州])$")


def _own_word(word: str, lang: str | None) -> bool:
    """A name spelled in the language's syllables and no English word or Western given name
    ("Jinping", "Zhejiang", "Nakamura"; not "Reading", "Maria")."""
    return syllable_count(word, lang) > 0 and not _english(word) and not given_name(word)


def _english(word: str) -> bool:
    low = word.lower()
    return dictionary_word(low) or zipf(low, "en") >= _ENGLISH_WORD_ZIPF


def own_run(phrase: str, word: str, lang: str | None) -> str | None:
    """The words of ``phrase`` around ``word`` that are spelled in the language's syllables:
    "Zhu Linjing" of "Professor Zhu Linjing"; ``word`` alone if it is not. None where the run
    is part of a foreign name ("Shuji" of "Shuji Nakamura", which a Chinese source reads
    Zhongcun Xiu'er): a neighbour that is neither the language's nor an English word."""
    words = phrase.split()
    if word not in words or not _own_word(word, lang):
        return word
    i = j = words.index(word)
    while i > 0 and _own_word(words[i - 1], lang):
        i -= 1
    while j + 1 < len(words) and _own_word(words[j + 1], lang):
        j += 1
    # (a title before it is an English word: "Professor", "Mr")
    neighbours = words[max(0, i - 1):i] + words[j + 1:j + 2]
    if any(len(w) > 3 and not dictionary_word(w.lower()) for w in neighbours):
        return None
    return " ".join(words[i:j + 1])


@lru_cache(maxsize=1)
def _city_forms() -> dict[str, frozenset[str]]:
    """Key of a city's English name -> its names in Han or kana (geonames, populous cities)."""
    return {k: frozenset(v) for k, v in source_cities()["cjk_forms"].items()}


def place_forms(name: str, lang: str | None) -> tuple[frozenset[str], bool]:
    """The Han and kana names of a country, continent or city, and whether they shorten to
    their first character (美 of 美国 in 中美, 亚 of 亚洲 in 东亚). A city named like an English
    word ("Delta", "Reading") has none: the word is meant as often."""
    country = gazetteer.country_named(name)
    if country and lang:
        return frozenset(f for f in catalogue(lang).translations.get(country, ()) if cjk(f)), True
    continent = gazetteer.continent_names().get(name)
    if continent:
        return frozenset(f for f in continent if cjk(f)), True
    if " " not in name and dictionary_word(name.lower()):
        return frozenset(), False
    cities = _city_forms()
    # a city under another English name ("Teheran" for Tehran)
    other = frozenset(f for c in alt_index().get(flat_key(name), ()) for f in cities.get(c, ()))
    return cities.get(key(name)) or other, False


def _shortened(form: str) -> str:
    """What a country's or continent's Han name shortens to: its first character where the
    name has at most ``_SHORT_NAME`` (美 of 美国, 亚 of 亚洲), its first two where longer (沙特 of
    沙特阿拉伯)."""
    return form[:1] if len(form) <= _SHORT_NAME else form[:2]


@lru_cache(maxsize=16)
def _short_forms(lang: str | None) -> frozenset[str]:
    """The shortened names that stand for one country or continent alone: not 伊, which
    伊朗 and 伊拉克 share."""
    seen: dict[str, set[str]] = {}
    names = list(catalogue(lang).translations.items()) if lang else []
    names += [(c, list(forms)) for c, forms in gazetteer.continent_names().items()]
    for country, forms in names:
        for f in forms:
            if len(f) >= 2 and all(char_script(c) == "han" for c in f):
                seen.setdefault(_shortened(f), set()).add(country)
    return frozenset(c for c, countries in seen.items() if len(countries) == 1)


def _first_reading(text: str, lang: str | None) -> str:
    """``text`` read in the reader's first spelling of each span (its reading in context)."""
    g, i, out = graph(text, lang), 0, []
    while i < len(g) and g[i]:
        end, spelling = g[i][0]
        out.append(spelling)
        i = end
    return "".join(out) if i == len(g) else ""


def _written(forms: Iterable[str], source: str, lang: str | None, shortened: bool) -> bool:
    """Whether the source writes one of a place's names, or, where the profile says so
    (``"read_place_forms"``), reads like one: a traditional form, 維也納, for the simplified
    维也纳 of the source. (Japanese names read many ways: 神戶 is also "kami".)"""
    for f in forms:
        bare = _ADMIN_SUFFIX.sub("", f) if len(f) >= 3 else f
        if f in source or bare in source:
            return True
        if shortened and _shortened(f) in _short_forms(lang) and _shortened(f) in source:
            return True
        lead = re.match(r"[\u30a0-\u30ff]{3,}", f)  # アメリカ of アメリカ合衆国
        if lead and lead.group() in source:
            return True
        reading = _first_reading(bare, lang) if names_profile(lang).get("read_place_forms") else ""
        if len(reading) >= 4 and spelled_in(reading, source, lang):
            return True
    return False


def _home(lang: str | None) -> str | None:
    return catalogue(lang).home_country if lang else None


def verdict(word: str, phrase: str, source: str, lang: str | None) -> bool | None:
    """Whether the source has the translation's name ``word`` (in the run ``phrase``): True,
    False where its absence is clear, None where reading cannot tell."""
    if reader_of(lang) is None or not graph(source, lang):
        return None
    if re.search(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", source, re.IGNORECASE):
        return True  # written in Latin letters in the source too
    # a country of several words first: "Saudi" of "Saudi Arabia" is no people's word there
    names = (phrase, word) if gazetteer.is_country(phrase) else (word,)
    if {gazetteer.country_named(n) for n in names} & {_home(lang)} or \
            (names == (word,) and gazetteer.is_demonym(word)):
        # "Chinese" is 中国, 华, 中 or nothing at all; and a source leaves its own country
        # unsaid where the translation names it ("我国", our country: "China")
        return None
    for name in dict.fromkeys(names):
        forms, shortened = place_forms(name, lang)
        if forms:
            return _written(forms, source, lang, shortened) or spelled_in(name, source, lang)
    own = own_run(phrase, word, lang)
    if own is None:
        return None
    run = own.split()
    # in the source's order or the other (English puts a Japanese given name first), or each
    # word of two syllables or more somewhere ("Jinping" alone)
    if spelled_in(" ".join(run), source, lang) or spelled_in(" ".join(run[::-1]), source, lang):
        return True
    long = [w for w in run if syllable_count(w, lang) >= CLEAR_SYLLABLES]
    if long and all(spelled_in(w, source, lang) for w in long):
        return True
    if not _own_word(word, lang) or not names_profile(lang).get("own_names_clear"):
        return None
    if len(run) > 1 and any(spelled_in(w, source, lang) for w in run):
        return None  # partly there: a misspelled rendering ("Li Kaizhang" for 李启章), not another name
    return False if sum(syllable_count(w, lang) for w in run) >= CLEAR_SYLLABLES else None


@lru_cache(maxsize=16)
def _source_forms(lang: str | None) -> dict[str, tuple[str, str | None]]:
    """Han and kana names of countries and big cities (two characters or more) -> (English
    name, country or None)."""
    big = source_cities()["cjk_big"]
    out: dict[str, tuple[str, str | None]] = {a: (name, None) for a, name in big.items()}
    home = _home(lang)
    for country, forms in (catalogue(lang).translations.items() if lang else ()):
        for f in forms:
            if len(f) >= 2 and all(cjk(c) for c in f) and country != home:
                out[f] = (country, country)
    return out


def source_places(source: str, lang: str | None) -> list[tuple[str, str, str | None]]:
    """Countries and big cities a Han or kana source names, longest first where they
    overlap: (the source's form, English name, country or None)."""
    if reader_of(lang) is None:
        return []
    forms = _source_forms(lang)
    found: list[tuple[int, int, str]] = []
    for n in range(min(12, len(source)), 1, -1):
        for i in range(len(source) - n + 1):
            if source[i:i + n] in forms and not any(a < i + n and i < b for a, b, _ in found) \
                    and _a_name_here(source, i, i + n, lang):
                found.append((i, i + n, source[i:i + n]))
    return [(f, *forms[f]) for _, _, f in sorted(found)]


def _a_name_here(source: str, start: int, end: int, lang: str | None) -> bool:
    """Whether a place's written name at [start, end) is meant as the place: not inside a longer
    katakana word (タイ, Thailand, of スタイル), not read otherwise in context (重庆 of 隆重庆祝,
    "solemnly celebrate", where 重 is zhong), and not a dateline's ("新华社北京12月11日电"),
    which translations drop."""
    if _inside_katakana(source, start, end) or source[end:end + 1].isdigit():
        return False
    if not names_profile(lang).get("read_place_forms"):
        return True
    form, g = source[start:end], graph(source, lang)
    return "".join(g[i][0][1] for i in range(start, end) if g[i]) == _first_reading(form, lang)


def _inside_katakana(text: str, start: int, end: int) -> bool:
    """A katakana name inside a longer katakana word: タイ (Thailand) of スタイル (style)."""
    def kata(c: str) -> bool:
        return "\u30a0" <= c <= "\u30ff"

    return kata(text[start]) and ((start > 0 and kata(text[start - 1]))
                                  or (end < len(text) and kata(text[end])))


def places_missing(source: str, target: str, lang: str | None) -> list[str]:
    """The countries and big cities of a Han or kana source that the translation does not
    name, as "form (English name)": "香港 (Hong Kong)" where the translation says "China". A
    country counts as named by its people's word or an acronym too ("Chinese", "the US")."""
    from .countries import english_acronym, heads, shares_head
    from .world import alternates

    tgt_words = words_of(target)
    joined = "".join(tgt_words)
    out = []
    for form, name, country in source_places(source, lang):
        if country:
            if shares_head(tgt_words, heads(country, min_len=3)) or english_acronym(target, country):
                continue
        elif any(k in joined for k in (flat_key(name), *alternates().get(flat_key(name), ())) if len(k) >= 4):
            continue
        out.append(f"{form} ({name})")
    return list(dict.fromkeys(out))
