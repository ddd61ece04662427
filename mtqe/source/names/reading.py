"""A Han or kana source read as news spells its names: the reader's spans (``scripts.readings``)
with the profile's respellings, established spellings and folds, and whether a name spells a
run of them. The profile keys are described in ``cjk``."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ...lang import section
from ..scripts import readings
from .spelling import key

# A name of at least this many syllables is its language's own, and clearly absent where the
# reading does not spell it: one syllable ("Zhu", "Li") is in almost every sentence, as
# another character read alike. A word of the established spellings counts as this many.
CLEAR_SYLLABLES = 2


def names_profile(lang: str | None) -> dict[str, Any]:
    """The ``"names"`` section of ``lang``'s profile."""
    return section(lang, "names")


def letters(text: str) -> str:
    """A name's lower-case Latin letters, spaces and hyphens dropped: "Chiang Kai-shek" ->
    "chiangkaishek"."""
    return key(text).replace(" ", "")


@lru_cache(maxsize=16)
def _folds(lang: str | None) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(a), b) for a, b in names_profile(lang).get("folds", ()))


def fold(spelling: str, lang: str | None) -> str:
    """One spelling for the variants both sides write (profile ``"folds"``)."""
    for pattern, repl in _folds(lang):
        spelling = pattern.sub(repl, spelling)
    return spelling


def _respell(syllable: str, system: dict[str, Any]) -> str:
    """A syllable in another romanisation: whole, or by its initial and final."""
    if syllable in system.get("whole", {}):
        return str(system["whole"][syllable])
    head, tail = "", syllable
    for a, b in system.get("initials", ()):
        if syllable.startswith(a):
            head, tail = b, syllable[len(a):]
            break
    for a, b in system.get("finals", ()):
        if tail.endswith(a):
            tail = tail[:-len(a)] + b
            break
    return head + tail


def respellings(syllable: str, lang: str | None) -> list[str]:
    """``syllable`` in every romanisation the profile gives, itself first."""
    out = [syllable]
    for system in names_profile(lang).get("respellings", {}).values():
        other = _respell(syllable, system)
        if other and other not in out:
            out.append(other)
    return out


Graph = tuple[tuple[tuple[int, str], ...], ...]


@lru_cache(maxsize=64)  # one source, every name of its translation
def graph(source: str, lang: str | None) -> Graph:
    """The source's spans with every spelling: the reader's, respelled, and the profile's
    established spellings. At each position: (end, folded spelling)."""
    base = readings(source, lang)
    if not base:
        return ()
    # each spelling as read and folded: folds that span two spellings ("kin" + "niku" of
    # "Kinnikuman") are matched unfolded
    out = [dict.fromkeys((end, f(r)) for end, s in spans for r in respellings(s, lang)
                         for f in (str, lambda x: fold(x, lang))) for spans in base]
    for text, spellings in names_profile(lang).get("spellings", {}).items():
        for m in re.finditer(re.escape(text), source):
            out[m.start()].update(dict.fromkeys((m.end(), fold(letters(s), lang)) for s in spellings))
    return tuple(tuple(spans) for spans in out)


def _spelled_from(g: Graph, start: int, rest: str) -> bool:
    if not rest:
        return True
    if start >= len(g):
        return False
    # (an empty spelling is a mark read as nothing: the long-vowel mark ー)
    return any(rest.startswith(s) and _spelled_from(g, end, rest[len(s):]) for end, s in g[start])


def spelled_in(name: str, source: str, lang: str | None) -> bool:
    """Whether a run of the source's spans spells ``name`` (folded letters)."""
    g = graph(source, lang)
    wants = dict.fromkeys((letters(name), fold(letters(name), lang)))
    return any(w and _spelled_from(g, i, w) for w in wants for i in range(len(g)) if g[i])


@lru_cache(maxsize=16)
def _inventory(lang: str | None) -> frozenset[str]:
    """The language's syllables (folded), in each romanisation."""
    syllables = {fold(r, lang) for s in names_profile(lang).get("syllables", "").split()
                 for r in respellings(s, lang)}
    return frozenset(s for s in syllables if s)


@lru_cache(maxsize=16)
def _spelled_words(lang: str | None) -> frozenset[str]:
    """The words of the profile's established spellings ("kowloon", "tsinghua")."""
    return frozenset(fold(letters(w), lang) for spellings in names_profile(lang).get("spellings", {}).values()
                     for s in spellings for w in s.split())


@lru_cache(maxsize=4096)
def syllable_count(word: str, lang: str | None) -> int:
    """How many of the language's syllables ``word`` splits into (fewest), 0 if it does not; a
    word of the established spellings counts as two."""
    inventory, w = _inventory(lang), fold(letters(word), lang)
    if not w or not inventory:
        return 0
    if w in _spelled_words(lang) and not _split(w, inventory):
        return CLEAR_SYLLABLES
    return _split(w, inventory)


def _split(w: str, inventory: frozenset[str]) -> int:
    longest = max(map(len, inventory))
    best = [0] + [10 ** 6] * len(w)
    for i in range(1, len(w) + 1):
        for j in range(max(0, i - longest), i):
            if best[j] < 10 ** 6 and w[j:i] in inventory:
                best[i] = min(best[i], best[j] + 1)
    return best[-1] if best[-1] < 10 ** 6 else 0
