"""Acronym drift: an expansion that no longer fits its acronym ("Central Intelligence Agency
(CIA)" -> "Central Security Agency (CIA)", "Democratic People's Republic (DPR)" -> "Democratic
Republic (DPR)").

MT translates the words of a name one by one, dropping one or picking a near synonym or the
wrong country, while the acronym in brackets is copied through unchanged.
"""

from __future__ import annotations

import random
import re

from ...checks.gazetteer import is_country, is_demonym
from ._text import corruption, gap_span
from .base import Corruption, DocContext, replace_span
from .countries import demonyms_of, neighbours

__all__ = ["acronym_drift", "expansion"]

Edit = tuple[str, tuple[int, int]]
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&-]{1,9})\)")
_JOINERS = frozenset({"of", "the", "for", "and", "on", "in", "&"})
# Near synonyms with another initial, so the letters stop matching as the meaning slides.
_NEAR = {
    "agency": ("office", "bureau", "service"), "office": ("bureau", "agency"),
    "bureau": ("office", "agency"), "organization": ("association", "union", "agency"),
    "organisation": ("association", "union", "agency"), "council": ("assembly", "board"),
    "committee": ("board", "panel"), "commission": ("board", "panel"),
    "bank": ("fund",), "fund": ("bank",), "party": ("front", "movement"), "front": ("party",),
    "movement": ("front", "party"), "union": ("alliance", "league"), "league": ("union",),
    "alliance": ("union", "league"), "national": ("federal", "state"), "federal": ("national", "central"),
    "central": ("general", "main"), "general": ("central", "main"), "international": ("global", "world"),
    "world": ("global", "international"), "global": ("world", "international"),
    "security": ("defence",), "defence": ("security",), "defense": ("security",),
    "forces": ("army", "troops"), "army": ("forces",), "news": ("press", "media"),
    "press": ("news", "media"), "service": ("agency", "office"), "institute": ("center", "academy"),
    "research": ("studies", "science"), "development": ("growth", "progress"),
    "economic": ("financial", "trade"), "trade": ("commerce", "economic"), "health": ("medical",),
    "atomic": ("nuclear",), "nuclear": ("atomic",), "people's": ("national",),
    "liberation": ("freedom", "independence"), "workers": ("labour",), "labour": ("workers",),
    "intelligence": ("security",), "monetary": ("financial", "currency"),
    "treaty": ("alliance", "pact"), "republic": ("state",), "democratic": ("popular",),
    "investigation": ("inquiry",), "cooperation": ("partnership",), "emergency": ("crisis", "disaster"),
    "energy": ("power",), "protection": ("defence", "safety"), "environment": ("nature",),
}


def expansion(sentence: str, paren_start: int, acronym: str) -> list[re.Match[str]]:
    """The words just before a bracket at ``paren_start`` whose initials spell ``acronym``, or []."""
    run = _capital_run(sentence, paren_start)
    letters = re.sub(r"[^A-Z]", "", acronym)
    for k in range(len(run)):
        if run[k].group().lower() in _JOINERS:
            continue
        initials = "".join(w.group()[0] for w in run[k:] if w.group().lower() not in _JOINERS)
        if initials.upper() == letters:
            return run[k:]
    return []


def _capital_run(sentence: str, paren_start: int) -> list[re.Match[str]]:
    """The capitalised words (with joiners inside) just before a bracket at ``paren_start``."""
    words = list(re.finditer(r"[A-Za-z][\w'’&-]*", sentence[:paren_start]))
    run: list[re.Match[str]] = []
    for w in reversed(words):
        if sentence[w.end():(run[0].start() if run else paren_start)].strip():
            break
        if w.group()[0].isupper() or (run and w.group().lower() in _JOINERS):
            run.insert(0, w)
        else:
            break
    while run and run[0].group().lower() in _JOINERS:
        run.pop(0)
    return run


def _drop(sentence: str, run: list[re.Match[str]], rng: random.Random) -> Edit | None:
    content = [w for w in run if w.group().lower() not in _JOINERS]
    if len(content) < 3:
        return None
    w = rng.choice(content)
    end = w.end() + 1 if sentence[w.end():w.end() + 1] == " " else w.end()
    text = sentence[:w.start()] + sentence[end:]
    return text, gap_span(text, w.start())


def _synonym(sentence: str, run: list[re.Match[str]], rng: random.Random) -> Edit | None:
    sites = [w for w in run if w.group().lower() in _NEAR]
    if not sites:
        return None
    w = rng.choice(sites)
    new = rng.choice(_NEAR[w.group().lower()])
    return replace_span(sentence, w.start(), w.end(), new[:1].upper() + new[1:])


def _country(sentence: str, run: list[re.Match[str]], rng: random.Random) -> Edit | None:
    sites = [w for w in run if is_country(w.group()) or is_demonym(w.group())]
    if not sites:
        return None
    w = rng.choice(sites)
    near = neighbours(w.group())
    if not near:
        return None
    other = rng.choice(near[:4])
    new = demonyms_of(other)[:1] if is_demonym(w.group()) else (other.removeprefix("The "),)
    return replace_span(sentence, w.start(), w.end(), new[0]) if new else None


def acronym_drift(doc: DocContext, i: int, rng: random.Random) -> Corruption | None:
    """Alter the spelled-out name before an acronym in brackets so that it no longer fits."""
    sentence = doc.sentences[i]
    sites = []
    for m in _ACRONYM.finditer(sentence):
        run = expansion(sentence, m.start(), m.group(1))
        if len(run) >= 2 and sum(c.isupper() for c in m.group(1)) >= 2:
            sites.append((m, run))
    if not sites:
        return None
    m, run = rng.choice(sites)
    ops = [_country, _synonym, _drop]
    rng.shuffle(ops)
    for op in ops:
        out = op(sentence, run, rng)
        if out and out[0] != sentence:
            text, span = out
            return corruption("acronym_drift.v1", text, [span])
    return None
