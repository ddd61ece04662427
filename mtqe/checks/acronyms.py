"""Acronyms whose spelled-out name does not fit their letters ("World Health Organisation (WTO)").

Definitions are found in both orders, ``Expansion Words (ACR)`` and ``ACR (Expansion Words)``, in the
spirit of Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation definitions in
biomedical text": the acronym's letters must be found, in order, in the words before it, the first
letter on a word initial. Stricter than Schwartz & Hearst, every content word must give its own
initial (and may give later letters too: "Southeast" in ASEAN), since a translation that swaps a
word ("Health" for "Trade") would otherwise still fit on inner letters.

Example:
    >>> check_acronyms(["It met the World Health Organisation (WTO) on Monday."])[0].reason
    "(WTO) does not spell 'World Health Organisation' (initials W-H-O; T missing, H extra)"
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

from wordfreq import zipf_frequency

from ..types import Finding
from .gazetteer import country_of, is_place, languages_of

__all__ = ["check_acronyms"]

CATEGORY = "acronym_mismatch"
_DATA = Path(__file__).resolve().parents[1] / "data" / "acronyms.json"
_FUNCTION_WORDS = frozenset({
    "of", "the", "and", "for", "de", "du", "des", "la", "le", "el", "al", "in", "on", "to", "a",
    "an", "&", "at",
})
_NUMBER_WORDS = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "hundred",
})
# Company-form words do not make a name: "Apple Inc (AAPL)" is one word and a ticker.
_COMPANY_WORDS = frozenset({
    "inc", "ltd", "co", "corp", "plc", "llc", "sa", "ag", "gmbh", "nv", "limited",
})
# A last word this rare in English is a surname or a foreign word, not an English name's noun.
_RARE_ZIPF = 2.5
_LATIN_SCRIPT_LANGUAGES = frozenset({
    "de", "fr", "es", "pt", "it", "nl", "sv", "da", "no", "nb", "nn", "fi", "pl", "cs", "sk",
    "sl", "hr", "hu", "ro", "lv", "lt", "et", "tr", "id", "ms", "vi", "tl", "sq", "is", "ca",
    "eu", "bs", "az", "uz", "sw", "af", "mt", "lb",
})
# "X" customarily abbreviates these ("DX" digital transformation, "MX" mobile experience).
_X_WORDS = ("ex", "trans", "cross")
_ACRONYM = re.compile(r"[A-Za-z0-9&-]{2,8}")
_PAREN = re.compile(r"\(([^()]{1,80})\)")
_STOP = re.compile(r"[;:!?,()\[\]\"“”]|\.(?=\s)")
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True)
class _Unit:
    """One word, or one hyphen- or camel-case part of a word."""

    text: str
    skippable: bool
    number: bool


@dataclass(frozen=True)
class _Word:
    text: str
    start: int

    @property
    def function(self) -> bool:
        return self.text.lower() in _FUNCTION_WORDS

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper() or self.text[:1].isdigit()


@lru_cache(maxsize=1)
def _known() -> dict[str, str | tuple[str, ...]]:
    """Acronym -> accepted expansions (lower case), or "*" for any."""
    raw = json.loads(_DATA.read_text("utf-8"))
    return {acr: value if value == "*" else tuple(v.lower() for v in value)
            for acr, value in raw.items() if not acr.startswith("_")}


def _symbols(acronym: str) -> list[str] | None:
    """Lower-case letters and digit runs; a leading count multiplies its letter ("3M" is M-M-M)."""
    core = acronym[:-1] if acronym.endswith("s") and sum(c.isupper() for c in acronym) >= 2 else acronym
    upper = sum(c.isupper() for c in core)
    if not _ACRONYM.fullmatch(core) or upper < 2 or sum(c.islower() for c in core) > upper:
        return None
    symbols: list[str] = []
    for count, letter, digits in re.findall(r"(\d)([A-Za-z])|([A-Za-z]|\d+)", core):
        symbols += [letter.lower()] * int(count) if letter else [digits.lower()]
    return symbols


def _units(word: str) -> list[_Unit]:
    text = _POSSESSIVE.sub("", word.strip("\"'“”‘’"))
    units = []
    for p, part in enumerate(re.split(r"[-/]", text)):
        for k, piece in enumerate(re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+|&", part)):
            number = piece.isdigit() or piece.lower() in _NUMBER_WORDS
            skippable = p + k > 0 or piece.lower() in _FUNCTION_WORDS or piece.isdigit()
            units.append(_Unit(piece, skippable, number))
    return units


def _spells(symbols: list[str], units: list[_Unit]) -> bool:
    """Whether every content unit gives its initial (plus any later letters) to the acronym, in order."""

    @cache
    def go(i: int, j: int) -> bool:
        if j == len(units):
            return all(s.isdigit() for s in symbols[i:])
        unit, text = units[j], units[j].text.lower()
        if unit.skippable and go(i, j + 1):
            return True
        if i == len(symbols):
            return False
        if symbols[i].isdigit():  # a count may stand for a number word, or for nothing
            return (unit.number and go(i + 1, j + 1)) or go(i + 1, j)
        if text[0] != symbols[i] and not (symbols[i] == "x" and text.startswith(_X_WORDS)):
            return False
        k, pos = i + 1, 1
        while not go(k, j + 1):
            if k == len(symbols) or symbols[k].isdigit():
                return False
            pos = text.find(symbols[k], pos) + 1
            if pos == 0:
                return False
            k += 1
        return True

    return go(0, 0)


def _fits(symbols: list[str], words: list[_Word], any_end: bool = False) -> bool:
    """Whether some stretch of ``words`` spells the acronym.

    The stretch ends at the last word or before a trailing prepositional phrase ("... Commission
    of the State Council"), which customary acronyms often leave out; with ``any_end`` (a
    parenthesis after the acronym may go on to describe it) it may end anywhere.
    """
    ends = [e for e in range(1, len(words) + 1)
            if any_end or e == len(words) or words[e].function]
    for start, word in enumerate(words):
        if word.function:
            continue
        units = [u for w in words[start:] for u in _units(w.text)]
        if units and any(_spells(symbols, units[: _unit_count(words[start:end])]) for end in ends
                         if end > start):
            return True
    return False


def _unit_count(words: list[_Word]) -> int:
    return sum(len(_units(w.text)) for w in words)


def _capital_run(words: list[_Word]) -> list[_Word]:
    """The longest run of capitalised words (function words allowed inside) ending the list."""
    start = len(words)
    while start > 0 and (words[start - 1].capitalised or words[start - 1].function):
        start -= 1
    run = words[start:]
    while run and run[0].function:
        run = run[1:]
    return run


def _initials(words: list[_Word]) -> list[str]:
    return [u.text[0] for w in words if not w.function for u in _units(w.text)
            if not u.skippable or u.text[:1].isupper()]


def _is_accepted(acronym: str, words: list[_Word]) -> bool:
    accepted = _known().get(acronym) or _known().get(acronym.upper())
    text = " ".join(w.text for w in words).lower()
    return accepted == "*" or any(text.endswith(e) or text.startswith(e) for e in accepted or ())


def _longest_common(a: list[str], b: list[str]) -> int:
    return sum(block.size for block in SequenceMatcher(None, a, b).get_matching_blocks())


def _foreign(words: list[_Word]) -> bool:
    """Whether the name is likely to keep an acronym from its own language.

    Either it ends in a rare, non-English word (a surname before a party: "Anna Xyzek (CDU)",
    "Reichsbahn-Gesellschaft (DRG)"), or it belongs to a country writing a Latin-script language
    other than English ("Supreme Court of Brazil (STF)"); Chinese, Japanese or Arabic bodies have no
    Latin acronyms of their own, so theirs spell the English name.
    """
    last = _POSSESSIVE.sub("", words[-1].text.strip(".,"))
    if zipf_frequency(last.lower(), "en") < _RARE_ZIPF and not is_place(last):
        return True
    texts = [_POSSESSIVE.sub("", w.text.strip(".,\"'“”")) for w in words]
    for name in texts + [f"{a} {b}" for a, b in pairwise(texts)]:
        country = country_of(name)
        languages = languages_of(country) if country else ()
        if languages and languages[0] in _LATIN_SCRIPT_LANGUAGES:
            return True
    return False


def _judge(acronym: str, symbols: list[str], words: list[_Word],
           before: bool = True) -> tuple[list[_Word], float] | None:
    """(the expansion to blame, strength) when ``words`` name something the acronym cannot spell.

    When the words come ``before`` the acronym, the expansion may start at any word of the
    capitalised run whose initial is the acronym's first letter ("state-run *Erland Central
    Radio*"); after it, as in ``ACR (Expansion Words)``, it is the whole run.
    """
    run = _capital_run(words)
    named = [w for w in run if not w.function and w.text.lower().strip(".") not in _COMPANY_WORDS]
    if len(named) < 2 or _fits(symbols, words, not before) or _is_accepted(acronym, run):
        return None
    if _foreign(words):
        return None
    letters = [s for s in symbols if not s.isdigit()]
    for i, word in enumerate(run if before else run[:1]):
        if (not word.function and word.text[0].lower() == letters[0]
                and sum(w in named for w in run[i:]) >= 2):
            return run[i:], 0.9
    if _longest_common(letters, [c.lower() for c in _initials(run)]) >= max(2, (len(letters) + 1) // 2):
        return run, 0.6
    return None


def _reason(acronym: str, symbols: list[str], expansion: list[_Word]) -> str:
    letters = [s.upper() for s in symbols if not s.isdigit()]
    initials = [c.upper() for c in _initials(expansion)]
    missing, extra = list(letters), list(initials)
    for block in reversed(SequenceMatcher(None, letters, initials).get_matching_blocks()):
        del missing[block.a:block.a + block.size]
        del extra[block.b:block.b + block.size]
    parts = [f"{', '.join(missing)} missing"] * bool(missing) + [f"{', '.join(extra)} extra"] * bool(extra)
    name = " ".join(w.text for w in expansion)
    return f"({acronym}) does not spell '{name}' (initials {'-'.join(initials)}; {', '.join(parts)})"


def _words(text: str, offset: int) -> list[_Word]:
    return [_Word(m.group(0), offset + m.start()) for m in re.finditer(r"\S+", text)]


def _before(sentence: str, end: int, limit: int) -> list[_Word]:
    """The last ``limit`` words before ``end``, not reaching back past sentence punctuation."""
    cut = max((m.end() for m in _STOP.finditer(sentence, 0, end)), default=0)
    return _words(sentence[cut:end], cut)[-limit:]


def _check_paren(index: int, sentence: str, match: re.Match[str]) -> Finding | None:
    inside = match.group(1).strip()
    symbols = _symbols(inside)
    if symbols:  # Expansion Words (ACR)
        words = _before(sentence, match.start(), len(symbols) + 5)
        judged = _judge(inside, symbols, words)
        start = judged[0][0].start if judged else 0
        acronym = inside
    else:  # ACR (Expansion Words)
        head = re.search(r"(\S+)\s*$", sentence[: match.start()])
        symbols = _symbols(head.group(1)) if head else None
        if not head or not symbols:
            return None
        acronym, start = head.group(1), head.start(1)
        text = _STOP.split(match.group(1))[0]
        judged = _judge(acronym, symbols, _words(text, match.start(1))[: len(symbols) + 5], False)
    if judged is None:
        return None
    expansion, strength = judged
    return Finding(index, start, match.end(), CATEGORY, strength, _reason(acronym, symbols, expansion))


def check_acronyms(sentences: list[str]) -> list[Finding]:
    """Flag acronyms that their own spelled-out names do not fit.

    Args:
        sentences: the document's sentences, in order.

    Returns:
        ``acronym_mismatch`` findings spanning the expansion and the parenthesis.

    Example:
        >>> check_acronyms(["The Central Trade Agency (CTA) said so."])
        []
    """
    findings = []
    for index, sentence in enumerate(sentences):
        for match in _PAREN.finditer(sentence):
            found = _check_paren(index, sentence, match)
            if found:
                findings.append(found)
    return findings
