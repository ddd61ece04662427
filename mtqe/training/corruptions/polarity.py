"""Flipped polarity: a negation gained or lost, or a word turned into its opposite.

Negation scope is a classic MT failure (Chinese 不/没, or German "nicht" placed far from the
word it negates), as are antonym confusions in economic news ("rose" for "fell").
"""

from __future__ import annotations

import random
import re

from ._text import corruption, gap_span, match_case
from .base import Corruption, DocContext, replace_span

__all__ = ["negation_flip"]

_PAIRS = (
    ("rose", "fell"), ("rise", "fall"), ("rises", "falls"), ("risen", "fallen"), ("rising", "falling"),
    ("increased", "decreased"), ("increase", "decrease"), ("increases", "decreases"),
    ("increasing", "decreasing"), ("won", "lost"), ("win", "lose"), ("wins", "loses"),
    ("approved", "rejected"), ("accepted", "rejected"), ("supported", "opposed"), ("supports", "opposes"),
    ("higher", "lower"), ("highest", "lowest"), ("more than", "less than"), ("above", "below"),
    ("gained", "lost"), ("grew", "shrank"), ("expanded", "contracted"), ("allowed", "banned"),
    ("agreed to", "refused to"), ("confirmed", "denied"), ("strengthened", "weakened"),
    ("improved", "worsened"), ("success", "failure"), ("victory", "defeat"), ("welcomed", "condemned"),
    ("praised", "criticised"), ("praised", "criticized"), ("lifted", "imposed"), ("always", "never"),
    ("before", "after"), ("positive", "negative"), ("largest", "smallest"), ("maximum", "minimum"),
    ("legal", "illegal"), ("guilty", "innocent"), ("surplus", "deficit"),
    ("ally", "enemy"), ("allies", "enemies"), ("acquitted", "convicted"),
    ("rejects", "accepts"), ("ended", "began"), ("opened", "closed"),
    ("strong", "weak"), ("stronger", "weaker"), ("cheaper", "dearer"), ("early", "late"),
)
_OPPOSITE = {a: b for a, b in _PAIRS} | {b: a for a, b in _PAIRS}
_OPPOSITE_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _OPPOSITE), key=len, reverse=True)) + r")\b", re.IGNORECASE)
_AUX = ("is", "are", "was", "were", "will", "would", "can", "could", "should", "has", "have", "had",
        "must", "may", "might", "did", "does", "do")
# Where "not" can go: after a form of "be" or a modal before a verb or adjective, or after
# "has/have/had" before a participle; never before "of", "the", "to" ("the will of", "has a").
_AUX_RE = re.compile(
    r"\b(?:is|are|was|were|will|would|can|could|should|must|might)\b"
    r"(?= (?!(?:not|no|never|to|also|of|the|a|an|and|or|that|as|in|on|for|by|at|it|be\w+)\b)[a-z])"
    r"|\b(?:is|are|was|were|will|would|can|could|should|must|might) (?=be\b)"
    r"|\b(?:has|have|had)\b(?= (?:been|\w+ed|\w+en)\b)"
)
_NOT_RE = re.compile(r"\b(" + "|".join(_AUX) + r") (not|never) ")
_CONTRACTED = {"didn't": "did", "doesn't": "does", "don't": "do", "isn't": "is", "aren't": "are",
               "wasn't": "was", "weren't": "were", "won't": "will", "can't": "can", "couldn't": "could",
               "wouldn't": "would", "shouldn't": "should", "hasn't": "has", "haven't": "have",
               "hadn't": "had"}
_CONTRACTED_RE = re.compile(
    ("|".join(_CONTRACTED)).replace("'", "['’]").join((r"\b(", r")\b")), re.IGNORECASE)

Edit = tuple[str, tuple[int, int]]


def _antonym(sentence: str, rng: random.Random) -> Edit | None:
    # "8,400 won" is money, not a victory.
    sites = [m for m in _OPPOSITE_RE.finditer(sentence) if not re.search(r"\d\s*$", sentence[:m.start()])]
    if not sites:
        return None
    m = rng.choice(sites)
    return replace_span(sentence, m.start(), m.end(), match_case(m.group(), _OPPOSITE[m.group().lower()]))


def _add_not(sentence: str, rng: random.Random) -> Edit | None:
    sites = list(_AUX_RE.finditer(sentence))
    if not sites:
        return None
    m = rng.choice(sites)
    aux = m.group().strip()
    word = "never" if aux in ("has", "have", "had") and rng.random() < 0.5 else "not"
    end = m.start() + len(aux)
    return sentence[:end] + " " + word + sentence[end:], (end + 1, end + 1 + len(word))


def _drop_not(sentence: str, rng: random.Random) -> Edit | None:
    sites: list[tuple[int, int, str | None]] = [(m.start(2), m.end(2) + 1, None)
                                                for m in _NOT_RE.finditer(sentence)]
    sites += [(m.start(), m.end(), _CONTRACTED[m.group().lower().replace("’", "'")])
              for m in _CONTRACTED_RE.finditer(sentence)]
    if not sites:
        return None
    start, end, new = rng.choice(sites)
    if new is not None:
        return replace_span(sentence, start, end, match_case(sentence[start:end], new))
    text = sentence[:start] + sentence[end:]
    return text, gap_span(text, start)


def negation_flip(doc: DocContext, i: int, rng: random.Random) -> Corruption | None:
    """Remove or add a negation in sentence ``i``, or swap a word for its antonym."""
    sentence = doc.sentences[i]
    ops = [_antonym, _drop_not, _add_not]
    rng.shuffle(ops)
    for op in ops:
        out = op(sentence, rng)
        if out and out[0] != sentence:
            return corruption("negation_flip.v1", out[0], [out[1]])
    return None
