"""Names the translation has and the source does not: an added or swapped name."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..scripts import (
    APPROXIMATE,
    READ_SCRIPTS,
    has_clitics,
    name_support,
    reader_of,
    script_of,
    without_clitics,
)
from . import cjk
from .catalogue import catalogue
from .countries import (
    country_of,
    other_country,
    shares_head,
    source_countries,
    source_country_counts,
    source_languages,
)
from .matching import by_acronym, declined, exonym_found, found, nouns_capitalised, spelled, spelled_out
from .spelling import key, words_of
from .target import hyphenated, phrase_around, target_names, windows
from .world import continent_found, currency_words

# A word after a figure's name: "50,000 Czech crowns".
_CURRENCY_AFTER = re.compile(r"\s+([a-z]+)")


@dataclass(frozen=True)
class NameIssue:
    """A name of the translation (``text`` at [start, end)) and why it is suspect."""

    start: int
    end: int
    text: str
    detail: str
    weak: bool = False  # a country or people the source language's names could not be checked for


def names_not_in_source(source: str, target: str, src_lang: str | None) -> list[NameIssue]:
    """Target names with no counterpart in the source (none when the script is unsupported).

    Example:
        >>> src, tgt = "A onda de protestos em Moscovo.", "The wave of protests in Britain."
        >>> [n.text for n in names_not_in_source(src, tgt, "pt")]
        ['Britain']
    """
    script = script_of(source)
    support = name_support(script)
    if support == "none":
        return []
    loose = script in APPROXIMATE
    read = loose and reader_of(src_lang) is not None  # Han or kana, read as news spells it
    short = declined(source, src_lang)
    letters = re.findall(r"[^\W\d_]+", source)
    respelled = spelled(letters, src_lang)
    src_words = words_of(source) + list(respelled)
    if has_clitics(src_lang):  # "בירושלים" names Jerusalem behind "in"
        src_words += [key(c) for w in letters
                      for c in without_clitics(w, src_lang)[1:] if len(c) >= 2]
    joined = "".join(key(source).split())
    has_catalogue = bool(catalogue(src_lang or "").translations)
    issues = []
    # (the states and capitals of a source that capitalises nouns too, whose exonyms are
    # near: "Kalifornien")
    for start, end, word in target_names(target, common_places=short or nouns_capitalised(src_lang),
                                         given_names=script_of(source) == "latin"):
        phrase = phrase_around(target, start, end)
        country = country_of(phrase, word)
        # A source word that names another country is no near spelling of this one: "Iran"
        # is not "Iraq", nor "Austria" "Australia".
        words = src_words
        if country:  # (the source's countries are read only when a target name is one)
            countries, languages = source_countries(source, src_lang), source_languages(source, src_lang)
            words = [w for w in src_words
                     if not other_country(respelled.get(w, w), country, countries, languages)]
        # Read: found, clearly absent (a name of the language's syllables, a place whose
        # written forms are known), or undecided, compared loosely as before.
        clear = cjk.verdict(word, phrase, source, src_lang) if read else None
        if clear or (clear is None and _found_somehow(word, phrase, start, end, source, target, words,
                                                      src_words, joined, loose, short, country, src_lang,
                                                      has_catalogue)):
            continue
        if clear is False and (by_acronym(word, target, source) or spelled_out(word, phrase, source, target)):
            continue
        approximate = loose and clear is None
        note = f" (approximate: {script} romanisation)" if approximate else ""
        # Without the language's country names ("Lețmō" for Latvia) a country or people
        # cannot be looked for: said, not flagged.
        unchecked = not has_catalogue and bool(country)
        if unchecked:
            note = f" (no country names in {src_lang or 'the source language'} to compare)"
        issues.append(NameIssue(start, end, word, f"'{word}' has no counterpart in the source{note}",
                                weak=unchecked or approximate))
    return issues


def _found_somehow(word: str, phrase: str, start: int, end: int, source: str, target: str,
                   words: list[str], src_words: list[str], joined: str, loose: bool, short: bool,
                   country: str | None, src_lang: str | None, has_catalogue: bool) -> bool:
    """Whether the source has the target name ``word`` in any form the engine knows."""
    if found(word, words, joined, loose, short, bool(country)) or by_acronym(word, target, source):
        return True
    if spelled_out(word, phrase, source, target):
        return True  # "Armed Forces of Ukraine" for "ЗСУ"
    token = hyphenated(target, start, end)
    if token and found(token, words, joined, loose, short):
        return True  # "Sub-Saharan" / "Subsariana"
    if any(exonym_found(n, source, words, src_lang, short) for n in (phrase, word, *windows(phrase, word))):
        return True
    if continent_found(word, src_words):
        return True
    if not has_catalogue and shares_head(src_words, {key(word)[:6]}):
        # A language without a catalogue of country names (Livonian): a source word that
        # starts like the name ("līvõ" / "Livonian") is the best evidence there is.
        return True
    after = _CURRENCY_AFTER.match(target[end:])
    # "50,000 Czech crowns" for "50 tisíc korun": the source language's own money, which only
    # the translation says whose it is ("Syrian lira" for "турецкой лиры" is still a swap)
    return bool(after and after.group(1).lower() in currency_words() and country is not None
                and src_lang and country == catalogue(src_lang).home_country)


def country_swaps(source: str, target: str, src_lang: str | None) -> list[NameIssue]:
    """Countries and peoples the translation names more often than the source does, where it
    names another one less: "Russian President Putin and the Ukrainian military" for a source
    that names Russia twice and Ukraine not at all. Each name is in the source somewhere, so
    only the counts tell; a country only added ("Russian troops" for "the enemy") or only
    dropped is no swap."""
    if script_of(source) in READ_SCRIPTS:
        return []  # counted in romanised words, which Han and kana are not written in
    src = source_country_counts(source, src_lang)
    if not src:
        return []
    tgt: Counter[str] = Counter()
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for start, end, word in target_names(target, common_places=True):
        if country := country_of(phrase_around(target, start, end), word):
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
