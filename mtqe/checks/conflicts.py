"""Entity conflicts: a country, capital or demonym that contradicts what the article itself says.

The article establishes associations ("Ruritania's Foreign Minister Anna Vok", "Ruritanian
President Vok"); MT errors break them later (Vok called "Freedonian", Vok thanking her own
capital for a foreign country's help). We only use evidence inside the document plus a
gazetteer for country / capital / demonym identity; everything subtler is left to the model.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..types import Finding
from .drift import similar
from .gazetteer import capital_of, country_of

# "<Country>'s <up to 5 title words> <Name>" or "<Demonym> <title words> <Name>": the
# title words are lower-case or capitalised role words ("Security Council Secretary").
# Strengths (the probability each finding adds): a link the article outvotes at least 2:1 is
# likelier a slip than a second country; thanking one's own side is rarer still.
OUTVOTED = 0.7
THANKS_OWN_SIDE = 0.75
_CAP = r"[A-Z][a-z]+(?:[-'’](?!s\b)[A-Za-z]+)?"
_ASSOC = re.compile(
    rf"(?P<place>(?:(?:North|South|East|West|New|Saudi|United) )?{_CAP})(?:['’]s)? "
    rf"(?P<title>(?:(?:{_CAP}|[a-z]+) ){{1,5}}?)"
    rf"(?P<name>{_CAP}(?: {_CAP})?)\b(?! [A-Z])"
)
_WORD_START = re.compile(r"\b[A-Z]")
_NOT_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
_THANKS = re.compile(r"\b(thank(?:s|ed|ing)?|gratitude|grateful)\b", re.I)
_TO_PLACE = re.compile(
    rf"\b(?:to|thanked|thanks|thanking) (?:the )?(?P<place>(?:(?:North|South|New) )?{_CAP})")
_TITLE_WORDS = re.compile(r"\b(president|minister|secretary|leader|spokes\w+|chief|head|"
                          r"ambassador|envoy|general|premier|chancellor|king|official|"
                          r"negotiator|commander|director|chairman|governor)\b", re.I)


@dataclass(frozen=True)
class Association:
    sentence: int
    start: int
    end: int
    surface: str
    country: str
    person: str  # last token of the name: surnames are what later sentences repeat


def associations(sentences: list[str]) -> list[Association]:
    """Person-country links the article states with a title phrase."""
    out = []
    for i, sent in enumerate(sentences):
        # Try every capitalised word as the place: plain finditer would let "Kim visited
        # Ruritania" swallow the start of "Ruritania's Foreign Minister Vok".
        for m in filter(None, (_ASSOC.match(sent, w.start()) for w in _WORD_START.finditer(sent))):
            country = country_of(m.group("place"))
            if country is None or not _TITLE_WORDS.search(m.group("title")):
                continue
            person = m.group("name").split()[-1]
            if country_of(person) or person in _NOT_NAMES:
                continue
            out.append(Association(i, m.start("place"), m.end("place"), m.group("place"),
                                   country, person))
    return out


def _role_conflicts(assocs: list[Association]) -> list[Finding]:
    """A person linked to one country in most places and another in one."""
    by_person: dict[str, list[Association]] = defaultdict(list)
    for a in assocs:
        by_person[a.person].append(a)
    findings = []
    for person, links in by_person.items():
        counts = Counter(a.country for a in links)
        top, n = counts.most_common(1)[0]
        for a in links:
            if a.country != top and n >= 2 * counts[a.country]:
                reason = (f"'{a.surface}' links {person} to {a.country}, but the article "
                          f"links {person} to {top} {n}x")
                findings.append(Finding(a.sentence, a.start, a.end, "entity_conflict", OUTVOTED, reason))
    return findings


def _own_capital_thanked(sentences: list[str], assocs: list[Association]) -> list[Finding]:
    """Someone thanks their own country or capital "for" another country's help."""
    home = {a.person: a.country for a in assocs}
    findings = []
    for i, sent in enumerate(sentences):
        if not _THANKS.search(sent):
            continue
        thanker = _mentioned(home, sent)
        m = _TO_PLACE.search(sent)
        if thanker is None or m is None:
            continue
        thanked = country_of(m.group("place"))
        others = {country_of(w) for w in re.findall(rf"{_CAP}(?: {_CAP})?", sent[m.end():])}
        others.discard(None)
        others.discard(thanked)
        if thanked == home[thanker] and others:
            other = sorted(o for o in others if o)[0]
            cap = capital_of(other) or other
            reason = (f"{thanker} ({thanked}) thanks '{m.group('place')}', {thanked}'s own "
                      f"side, for {other}'s help; '{cap}'?")
            findings.append(Finding(i, m.start("place"), m.end("place"), "entity_conflict", THANKS_OWN_SIDE,
                                    reason))
    return findings


def _mentioned(people: dict[str, str], sentence: str) -> str | None:
    """The first known person named in the sentence, tolerating drifted spellings (the
    article may link "Vokolov" to a country and later garble him as "Vokolow")."""
    words = set(re.findall(_CAP, sentence))
    return next((p for p in people if p in words or any(similar(p, w) for w in words)), None)


def check_entity_conflicts(sentences: list[str]) -> list[Finding]:
    """Country / role contradictions against the article's own associations."""
    assocs = associations(sentences)
    return _role_conflicts(assocs) + _own_capital_thanked(sentences, assocs)
