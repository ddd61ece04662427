"""Names that look like garbled places or peoples ("Beijjing", "the North Macedonain army").

Two rules, both asking the gazetteer for the nearest real name:

* a capitalised word that is neither English nor used elsewhere in the document, yet sits one or two
  edits (or one sound) away from a well-known place or demonym;
* a compass word or country followed by a word that only *nearly* completes a known name
  ("South Afrikan" for South African).

Example:
    >>> check_unknown_names(["Talks resumed in Beijjing on Monday."])[0].reason
    "'Beijjing' is not a known name; did you mean 'Beijing'?"
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache

import jellyfish
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
from wordfreq import zipf_frequency

from ..types import Finding
from .gazetteer import (
    country_of,
    is_country,
    is_demonym,
    is_place,
    nearest_place,
    place_vocabulary,
)

__all__ = ["check_unknown_names"]

CATEGORY = "unknown_name"
# Below this Zipf frequency a word is rare enough in English to be a slip: real foreign names
# common in news ("Kyodo", "Ayman") score 2.1-2.4. A word whose near place is named elsewhere in
# the document gets the looser bound ("Parris" beside "Paris").
_RARE_ZIPF = 2.0
_RARE_ZIPF_WHEN_ATTESTED = 3.0
# A slot filler this common is an ordinary word ("North Sea", "West Bank", "North Face").
_COMMON_ZIPF = 4.0
# Four-letter words sit one edit from too many short names ("Gree" the brand, "Greek").
_MIN_LENGTH = 5
_SAME_SOUND_RATIO = 80
# Title-case words this common are not given names or surnames ("Former", "Since").
_NAME_WORD_ZIPF = 5.0
# Words that stand beside place names, so do not make the pair a person's name.
_PLACE_NOUNS = frozenset({
    "lake", "mount", "mt", "port", "cape", "saint", "st", "san", "santa", "fort", "new",
    "greater", "upper", "lower", "city", "county", "province", "district", "region", "state",
    "temple", "street", "road", "river", "island", "islands", "bay", "forest", "airport",
    "station", "valley", "township", "village", "town", "prefecture", "mountain", "mountains",
    "sea", "harbour", "harbor", "square", "park", "bridge", "gulf", "strait", "peninsula",
    "desert",
})
_ADJECTIVE_ENDINGS = ("an", "ese", "ish", "ic", "i")
_HEADS = ("North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central")
_WORD = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:['’][a-z]+)?(?![\w-])")
# A lookahead, so that "In North Xx" still yields the pair starting at "North".
_SLOT = re.compile(r"(?<![\w-])(?=([A-Z][a-z]+)\s+([A-Z][a-z]+(?:['’][a-z]+)?)(?![\w-]))")
_POSSESSIVE = re.compile(r"['’]s$")

# Hanyu Pinyin syllables by initial: a well-formed pinyin name ("Keqiang", "Huijin") is a
# transliteration, and its closeness to some Chinese city says nothing about an error.
_PINYIN_FINALS = {
    "b p m": "a ai an ang ao ei en eng i ian iao ie in ing o u ou iu",
    "f": "a an ang ei en eng o ou u",
    "d t n l": "a ai an ang ao e ei en eng i ia ian iang iao ie in ing iu ong ou u uan ui un uo ve v",
    "g k h": "a ai an ang ao e ei en eng ong ou u ua uai uan uang ui un uo",
    "j q x": "i ia ian iang iao ie in ing iong iu u uan ue un",
    "zh ch sh r z c s": "a ai an ang ao e ei en eng i ong ou u ua uai uan uang ui un uo",
    "y": "a an ang ao e i in ing o ong ou u uan ue un",
    "w": "a ai an ang ei en eng o u",
}
_BARE_FINALS = "a ai an ang ao e ei en eng er o ou"


# Strengths of a near-miss of a known name: of a place or people the article mentions (or an
# unknown "North X" completion), of a country's place, of any other place. A slip for what
# the article is about is likelier than one for a provincial city.
SLIP_RELATED = 0.85
SLIP_COUNTRY = 0.7
SLIP_OTHER = 0.6


@lru_cache(maxsize=1)
def _pinyin_word() -> re.Pattern[str]:
    syllables = {i + f for inits, finals in _PINYIN_FINALS.items()
                 for i in inits.split() for f in finals.split()}
    with_initial = "|".join(sorted(syllables, key=len, reverse=True))
    bare = "|".join(sorted(_BARE_FINALS.split(), key=len, reverse=True))
    # Only the first syllable may lack an initial; later ones would need an apostrophe (Xi'an).
    return re.compile(rf"(?:{with_initial}|{bare})(?:{with_initial})*")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def is_pinyin(word: str) -> bool:
    return all(_pinyin_word().fullmatch(part) for part in re.split(r"['’]", word.lower()))


@lru_cache(maxsize=1)
def _slot_completions() -> dict[str, tuple[str, ...]]:
    """Head word -> one-word completions Y such that "Head Y" is a known place or people."""
    table: dict[str, set[str]] = defaultdict(set)
    for form in place_vocabulary(well_known=True):
        parts = form.split()
        if len(parts) == 2 and parts[1][:1].isupper() and (parts[0] in _HEADS or is_country(parts[0])):
            table[parts[0]].add(parts[1])
    return {head: tuple(sorted(words)) for head, words in table.items()}


def _is_known(name: str) -> bool:
    return is_place(name) or is_demonym(name)


def _closest(word: str, candidates: tuple[str, ...]) -> str | None:
    """The candidate with the same metaphone code, or two edits and 80% of letters, nearest first."""
    key = word.lower()
    scored = []
    for candidate in candidates:
        edits = Levenshtein.distance(key, candidate.lower())
        same_sound = jellyfish.metaphone(key) == jellyfish.metaphone(candidate.lower())
        if same_sound or (edits <= 2 and fuzz.ratio(key, candidate.lower()) >= _SAME_SOUND_RATIO):
            scored.append((not same_sound, edits, candidate))
    return min(scored)[2] if scored else None


def _slot_finding(index: int, match: re.Match[str]) -> Finding | None:
    """Flag "North Xx" when Xx nearly, but not quite, completes a known name."""
    head, filler = match.group(1), _POSSESSIVE.sub("", match.group(2))
    word = re.sub(r"['’]", "", filler)
    if _is_known(f"{head} {filler}") or _is_known(filler) or _is_known(word):
        return None
    if zipf_frequency(word.lower(), "en") >= _COMMON_ZIPF:
        return None
    completion = _closest(word, _slot_completions().get(head, ()))
    if completion is None:
        return None
    reason = f"'{head} {filler}' is not a known place or people; did you mean '{head} {completion}'?"
    return Finding(index, match.start(1), match.start(2) + len(filler), CATEGORY, SLIP_RELATED, reason)


def _words_by_sentence(sentences: list[str]) -> list[set[str]]:
    return [{_POSSESSIVE.sub("", w) for w in re.findall(r"[\w'’-]+", s)} for s in sentences]


def _mentioned(name: str, sentences: list[str], skip: int) -> bool:
    pattern = re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE)
    return any(pattern.search(s) for i, s in enumerate(sentences) if i != skip)


def _slip(token: str, place: str, place_named: bool) -> bool:
    """Whether ``token`` reads as a slip for ``place`` rather than as another name.

    A word that contains the place ("Romeville" for Rome) is a derived name, not a slip. For a
    place not named elsewhere, one edit, or the same sound and 80% of the letters, is required.
    """
    a, b = re.sub(r"[^a-z]", "", token.lower()), re.sub(r"[^a-z]", "", _ascii(place).lower())
    if b in a:
        return False
    edits = Levenshtein.distance(a, b)
    same_sound = jellyfish.metaphone(a) == jellyfish.metaphone(b)
    if place_named:
        return edits <= 2 or same_sound
    return edits <= 1 or (same_sound and fuzz.ratio(a, b) >= _SAME_SOUND_RATIO)


def beside_name(sentence: str, match: re.Match[str]) -> bool:
    """Whether the word has a name-like neighbour ("Tom Xxx", "Xxx Shah"): a person, not a place."""
    before = re.search(r"([A-Z][a-z]+) $", sentence[: match.start()])
    after = re.match(r" ([A-Z][a-z]+)\b", sentence[match.end():])
    return any(
        side and not _is_known(side.group(1)) and side.group(1).lower() not in _PLACE_NOUNS
        and zipf_frequency(side.group(1).lower(), "en") < _NAME_WORD_ZIPF
        for side in (before, after)
    )


def _derived(token: str, place: str) -> bool:
    """An adjective made from a place ("Thuringian" from Thuringen) rather than a slip for it."""
    key = re.sub(r"[^a-z]", "", _ascii(place).lower())
    ending = next((e for e in _ADJECTIVE_ENDINGS if token.endswith(e)), None)
    return (ending is not None and not key.endswith(ending) and token.lower().startswith(key[:-2])
            and not is_demonym(place))


def _word_finding(sentences: list[str], words: list[set[str]], index: int,
                  match: re.Match[str]) -> Finding | None:
    """Flag a rare, unattested word one slip away from a well-known place."""
    token = _POSSESSIVE.sub("", match.group(0))
    if len(token) < _MIN_LENGTH or _is_known(token) or is_pinyin(token):
        return None
    if beside_name(sentences[index], match):
        return None
    if sum(token in other for other in words) > 1 or sentences[index].count(token) > 1:
        return None
    near = nearest_place(token)
    if near is None or near[1] >= 1.0 or _derived(token, near[0]):
        return None
    place, country = near[0], country_of(near[0])
    place_named = _mentioned(place, sentences, index)
    related = place_named or bool(country and _mentioned(country, sentences, index))
    bound = _RARE_ZIPF_WHEN_ATTESTED if place_named else _RARE_ZIPF
    if zipf_frequency(token.lower(), "en") >= bound or not _slip(token, place, place_named):
        return None
    # A slip for a country, people or capital is likelier than one for a provincial city.
    strength = SLIP_RELATED if related else SLIP_COUNTRY if country else SLIP_OTHER
    reason = f"'{token}' is not a known name; did you mean '{place}'?"
    return Finding(index, match.start(), match.start() + len(token), CATEGORY, strength, reason)


def check_unknown_names(sentences: list[str]) -> list[Finding]:
    """Flag capitalised words that look like misspelt places or peoples.

    Args:
        sentences: the document's sentences, in order.

    Returns:
        ``unknown_name`` findings, at most one per word.

    Example:
        >>> [f.reason for f in check_unknown_names(["The South Afrikan team won."])]
        ["'South Afrikan' is not a known place or people; did you mean 'South African'?"]
    """
    words = _words_by_sentence(sentences)
    findings: list[Finding] = []
    for index, sentence in enumerate(sentences):
        covered: set[int] = set()
        for match in _SLOT.finditer(sentence):
            found = _slot_finding(index, match)
            if found:
                findings.append(found)
                covered.add(match.start(2))
        for match in _WORD.finditer(sentence):
            found = None if match.start() in covered else _word_finding(sentences, words, index, match)
            if found:
                findings.append(found)
    return findings
