"""Name drift: one entity spelled several ways within an article.

MT systems transliterate a foreign name afresh in each sentence, so a minister can be
"Vorobyov" in one line and "Vorobyev" or "Vorob" in the next. Sentence-level QE cannot see this;
the document can. We work on single capitalised tokens (surnames, given names, place
names): full-name / surname / title forms then share a token and never conflict, and two
people who share a surname share it exactly.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

import jellyfish
from rapidfuzz.distance import Levenshtein
from wordfreq import zipf_frequency

from ..types import Finding
from .places import is_pinyin

# A capitalised word, possibly with an inner apostrophe (O'Neill); hyphenated names are
# split so that "Kim Jong-un" and "Kim Jong Un" give the same tokens.
_TOKEN = re.compile(r"(?<![\w'’])[A-Z][a-z]+(?:['’][A-Z]?[a-z]+)?(?![\w])")
_POSSESSIVE = re.compile(r"['’]s$")
# Sentence-initial words this common in lower case are ordinary words ("However", "The").
_COMMON_INITIAL_ZIPF = 4.5
# Variant pairs that differ only by a derivational ending are related words, not drift
# (Korea/Korean, Russia/Russian, China/Chinese, Iran/Iranian, Putin/Putins).
_SUFFIXES = ("n", "an", "ian", "ese", "i", "s", "es", "ic", "ish", "y", "ry", "e")
_MIN_LEN = 4
# Two forms that English already knows as words or common names (Minister / Ministry,
# Center / Centre, Forest / First) are two words, not one drifting name.
_WORD_ZIPF = 3.0


@dataclass(frozen=True)
class NameToken:
    sentence: int
    start: int
    end: int
    text: str


def name_tokens(sentences: list[str]) -> list[NameToken]:
    """Capitalised tokens that can be names, with possessives stripped."""
    midsentence = {m.group() for s in sentences for m in _TOKEN.finditer(s) if m.start() > 0}
    out = []
    for i, sent in enumerate(sentences):
        for m in _TOKEN.finditer(sent):
            text = _POSSESSIVE.sub("", m.group())
            if (_is_initial(sent, m.start()) and text not in midsentence
                    and zipf_frequency(text.lower(), "en") >= _COMMON_INITIAL_ZIPF):
                continue
            out.append(NameToken(i, m.start(), m.start() + len(text), text))
    return out


def _is_initial(sentence: str, pos: int) -> bool:
    return not sentence[:pos].strip(" \"'“‘(–-")


@lru_cache(maxsize=4096)
def _key(word: str) -> str:
    return jellyfish.metaphone(word)


def _derived(a: str, b: str) -> bool:
    short, long_ = sorted((a.lower(), b.lower()), key=len)
    if len(long_) == len(short):
        return False
    stem = short[:-1] if short[-1] in "aeiouy" else short
    return long_.startswith(stem) and long_[len(stem):] in (*_SUFFIXES, "")


@lru_cache(maxsize=8192)
def _zipf(word: str) -> float:
    return zipf_frequency(word.lower(), "en")


def similar(a: str, b: str) -> bool:
    """Whether two distinct name forms look like spellings of one name."""
    if min(len(a), len(b)) < _MIN_LEN or max(len(a), len(b)) < 5:
        return False  # short names (Ding, Dong, Tang) collide by chance
    if a[0].lower() != b[0].lower() and _key(a) != _key(b):
        return False
    if _derived(a, b) or min(_zipf(a), _zipf(b)) >= _WORD_ZIPF:
        return False
    dist = Levenshtein.distance(a.lower(), b.lower())
    if _key(a) == _key(b):
        return dist <= max(2, min(len(a), len(b)) // 3)
    if dist == 1:
        return min(len(a), len(b)) >= 6
    # A truncation that keeps the start ("Dragunov" -> "Dragov"): only deletions. Not for
    # romanised Chinese, where "Xiang" and "Xiangtan" are different names, one syllable apart.
    short, long_ = sorted((a.lower(), b.lower()), key=len)
    if is_pinyin(short) and is_pinyin(long_):
        return False
    return dist == len(long_) - len(short) <= 2 and short[:3] == long_[:3] and len(long_) >= 6


def _clusters(counts: Counter[str]) -> list[list[str]]:
    """Single-linkage groups of similar forms, most frequent form first."""
    forms = sorted(counts, key=lambda f: (-counts[f], f))
    parent = {f: f for f in forms}

    def root(f: str) -> str:
        while parent[f] != f:
            f = parent[f]
        return f

    for i, a in enumerate(forms):
        for b in forms[i + 1:]:
            if similar(a, b):
                parent[root(b)] = root(a)
    groups: dict[str, list[str]] = defaultdict(list)
    for f in forms:
        groups[root(f)].append(f)
    return [g for g in groups.values() if len(g) > 1]


def _suspects(group: list[str], counts: Counter[str], order: dict[str, int],
              places: frozenset[str]) -> dict[str, tuple[str | None, float]]:
    """Forms to flag in one cluster, each with the form it should probably be and a strength.

    ``order`` gives each form's first position in the document; ``places`` known places.
    """
    known = [f for f in group if f.lower() in places]
    if len(known) == 1:  # a real place anchors its garbled variants (Wesel / Wessel)
        return {f: (known[0], 0.8) for f in group if f != known[0]}
    top = group[0]
    if counts[top] >= 2 and all(counts[f] * 2 <= counts[top] for f in group[1:]):
        return {f: (top, 0.85) for f in group[1:]}
    if len(group) >= 3:  # three spellings of one name: something drifted, whichever is right
        return {f: (None, 0.75) for f in group}
    a, b = group
    za, zb = _zipf(a), _zipf(b)
    if abs(za - zb) >= 1.0:  # the one English has never seen is the likelier garble
        rare, common = (a, b) if za < zb else (b, a)
        return {rare: (common, 0.6)}
    # Two forms, equally rare: the inconsistency shows at the later one, where a reader
    # (and an annotator) meets the second spelling.
    first, later = sorted(group, key=lambda f: order[f])
    return {later: (first, 0.55)}


def _distinct_places(form: str, ref: str | None, group: list[str], places: frozenset[str]) -> bool:
    """Real places are not drift of each other (Hunan / Henan), nor is a known word or name
    of a place near it (Chen / China)."""
    refs = [ref] if ref else [g for g in group if g != form]
    if form.lower() in places:
        return all(r.lower() in places or _zipf(r) >= _WORD_ZIPF for r in refs)
    return _zipf(form) >= _WORD_ZIPF and all(r.lower() in places for r in refs)


def check_name_drift(sentences: list[str], places: frozenset[str] = frozenset()) -> list[Finding]:
    """Flag minority spellings of a name that recurs in the document.

    Args:
        sentences: the document's sentences, in order.
        places: known place / demonym forms (lower case); two real places never count as
            drift of each other (Austria / Australia).

    Returns:
        One ``name_drift`` finding per suspicious token.
    """
    tokens = name_tokens(sentences)
    counts = Counter(t.text for t in tokens)
    order: dict[str, int] = {}
    for k, t in enumerate(tokens):
        order.setdefault(t.text, k)
    by_form: dict[str, list[NameToken]] = defaultdict(list)
    for t in tokens:
        by_form[t.text].append(t)
    findings = []
    for group in _clusters(counts):
        for form, (ref, strength) in _suspects(group, counts, order, places).items():
            if _distinct_places(form, ref, group, places):
                continue
            others = ", ".join(f"'{f}'" + (f" ({counts[f]}x)" if counts[f] > 1 else "")
                               for f in group if f != form)
            guess = f"'{ref}'?" if ref else "check which spelling is right"
            reason = f"'{form}' is spelled {others} elsewhere in the article; {guess}"
            findings += [Finding(t.sentence, t.start, t.end, "name_drift", strength, reason)
                         for t in by_form[form]]
    return findings
