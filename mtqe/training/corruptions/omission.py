"""Omissions: a clause or a phrase carrying content silently left out of the translation.

The gap leaves fluent text behind ("troops were killed in battle in the region" -> "troops were
killed"), so the span marks the words that now meet across it.
"""

from __future__ import annotations

import random
import re

from ._text import corruption, gap_span, is_function
from .base import Corruption, DocContext

__all__ = ["omission"]

_END = r"(?=[.!?][\"”’]?$)"
# ", which was approved in May," ; ", who ..."
_RELATIVE = re.compile(r",\s(?:which|who|whose|where|when)\s[^,;()]+,(?=\s)")
# A trailing participle, reason or list hanging off the main clause.
_TRAILING = re.compile(
    r",\s(?:saying|adding|including|citing|according to|as|while|after|because|which|who|where|but|and)"
    r"\s(?:[^,;()]|,(?=\d))+?" + _END
)
_PREPOSITIONS = ("in", "on", "at", "from", "with", "for", "during", "after", "before", "near", "under",
                 "over", "against", "between", "through", "since", "by", "amid", "across", "without")
_DETERMINERS = r"(?:the|a|an|his|her|its|their|our|this|that|these|those|some|two|three|\d[\d,.]*)\s"
_PREP = "|".join(_PREPOSITIONS)
_TOKEN = r"[\w'’-]+(?:[.,]\d+)*(?![.,]\d)"  # "30,000" and "3.5" are one token
# Words that end a noun phrase: the next clause, a verb, a conjunction.
_STOPS = r"and|or|but|that|which|who|to|is|are|was|were|has|have|had|will|would|can|could|said|says"
# A preposition and its object, ending where the clause goes on: at punctuation, at the end,
# or before the next preposition ("killed in battle | in the region").
_PP = re.compile(
    r"\s(?:" + _PREP + r")\s(?:" + _DETERMINERS + r")?" + _TOKEN
    + r"(?:\s(?!(?:" + _PREP + "|" + _STOPS + r")\b)" + _TOKEN + r"){0,3}"
    r"(?=\s*[,.;:!?\"”)]|\s*$|\s(?:" + _PREP + r")\b)"
)
_NAMES_PAIR = re.compile(r"(?<![\w-])([A-Z][a-z]+) and ([A-Z][a-z]+)(?![\w-])")


def _content(phrase: str) -> bool:
    """Whether a phrase holds a name, a number or a content word, not only function words."""
    tokens = re.findall(r"[\w'’-]+", phrase)
    return any(t[:1].isupper() or t[:1].isdigit() or (len(t) >= 4 and not is_function(t)) for t in tokens)


def _sites(sentence: str) -> list[tuple[int, int]]:
    """(start, end) stretches whose removal leaves a sentence that still reads."""
    sites = [(m.start(), m.end()) for m in _RELATIVE.finditer(sentence)]
    sites += [(m.start(), m.end()) for m in _TRAILING.finditer(sentence) if len(m.group()) > 12]
    for m in _PP.finditer(sentence):
        words = m.group().split()
        joined = re.match(r"\s+(?:and|or)\s", sentence[m.end():])  # "in Lyon and Nice": not a whole phrase
        if len(words) >= 2 and _content(" ".join(words[1:])) and m.start() > 0 and not joined:
            sites.append((m.start(), m.end()))
    for m in _NAMES_PAIR.finditer(sentence):
        if m.start() > 0:  # "in Paris and Lyon" -> "in Paris" or "in Lyon"
            sites += [(m.end(1), m.end(2)), (m.start(1), m.start(2))]
    return sites


def _cut(sentence: str, start: int, end: int) -> tuple[str, int]:
    """``sentence`` without ``[start, end)``, spaces tidied; and where the gap now is."""
    left, right = sentence[:start].rstrip(" "), sentence[end:].lstrip(" ")
    if not left:
        return right[:1].upper() + right[1:], 0
    glue = "" if not right or right[0] in ".,;:!?\"”’)" else " "
    return left + glue + right, len(left)


def omission(doc: DocContext, i: int, rng: random.Random) -> Corruption | None:
    """Leave out one relative clause, trailing clause, prepositional phrase or coordinated name."""
    sentence = doc.sentences[i]
    sites = _sites(sentence)
    if not sites:
        return None
    start, end = rng.choice(sites)
    text, gap = _cut(sentence, start, end)
    if text == sentence or len(text) < len(sentence) * 0.4:
        return None
    span = gap_span(text, gap)
    return corruption("omission.v1", text, [span])
