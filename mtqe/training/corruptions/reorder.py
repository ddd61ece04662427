"""Benign reordering: a trailing time phrase moved to the front, or two parallel clauses
swapped ("Exports rose on Monday." -> "On Monday, exports rose.").

Only simple sentences qualify: with a comma, a quote or a subordinate clause the time phrase
may belong to an inner clause, and moving it would change what happened when. Clauses swap
only when parallel (the same auxiliary in both: "X will be improved, and Y will be carried
out"): "he fell, and the man hit him" tells a sequence that a swap would reverse.
"""

from __future__ import annotations

import random
import re

from ...checks.gazetteer import is_demonym
from ._text import capitalise, corruption, is_english_word, is_function, is_known_place, zipf
from .base import Corruption, DocContext

__all__ = ["benign_reorder"]

_TIME = (r"(?:on|last|this|next|earlier|later) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
         r"|week|month|year)|on (?:[A-Z][a-z]+ \d{1,2}|\d{1,2} [A-Z][a-z]+)|in (?:19|20)\d\d|yesterday")
_TIME_RE = re.compile(r"\b(?:" + _TIME + r")\b")
_TRAILING_TIME = re.compile(r" (" + _TIME + r")\.$")
# Where a time phrase could belong to an inner clause, or a clause leans on another.
_COMPLEX = re.compile(r"[,;:()\[\]\"“”‘’'=]|\. |\b(?:that|who|which|when|where|while|after|before|because|"
                      r"since|until|if|said|says|told|and|but|or|so)\b", re.IGNORECASE)
_CLAUSE = r"[A-Za-z][^,;:()\[\]\"“”=]+"
_AND_CLAUSE = re.compile(r"^(?P<a>" + _CLAUSE + r"), and (?P<b>" + _CLAUSE + r")\.$")
_SEMI = re.compile(r"^(?P<a>" + _CLAUSE + r"); (?P<b>" + _CLAUSE + r")\.$")
_AUX = re.compile(r"\b(?:is|are|was|were|will|would|has|have|had|can|could|should|must)\b")
_ARTICLES = ("The", "A", "An")
# The second clause must not lean on the first ("then", "also", a pronoun), nor either be a
# first-person aside whose order matters.
_DEPENDENT = re.compile(
    r"\b(?:then|later|afterwards|also|too|so|thus|therefore|but|even|still|yet|instead|however|either|only|he|she|they|it|this|that|these|those|its|his"
    r"|her|their|them|i|we|me|us|our|my)\b", re.IGNORECASE)
_SUBORDINATE = re.compile(r"\?|\b(?:if|when|whether|why|how|what|where|who|which|that|because|while|"
                          r"after|before|since|until)\b", re.IGNORECASE)
_MAX_WORDS = 25


def _lower_start(doc: DocContext, text: str) -> str | None:
    """``text`` as it reads mid-sentence: its first word in lower case unless it is a name; None
    when that cannot be told ("Facebook is ..." may be a name or a word).

    A name is not an English word, or is a place or people, opens a capitalised phrase ("Prime
    Minister"), or is capitalised mid-sentence somewhere in the document; a word is an article,
    very common, or found in lower case in the document.
    """
    m = re.match(r"([\w'’-]+)(\s+\S)?", text)
    word = m.group(1) if m else ""
    lower = text[:1].lower() + text[1:]
    if word in _ARTICLES:
        return lower
    if not word or word.isupper() or word.split("'")[0].split("’")[0] == "I" or not is_english_word(word):
        return text
    if is_known_place(word) or is_demonym(word) or (m and m.group(2) and m.group(2).strip()[0].isupper()):
        return text
    if re.search(r"(?<=[a-z,;:] )" + re.escape(word) + r"\b", doc.text):
        return text
    if zipf(word) >= 5.0 or re.search(r"\b" + re.escape(word.lower()) + r"\b", doc.text):
        return lower
    return None


def _time_to_front(doc: DocContext, sentence: str) -> str | None:
    m = _TRAILING_TIME.search(sentence)
    if not m or not sentence[:1].isalpha():
        return None
    body = sentence[:m.start()]
    if _COMPLEX.search(body) or _TIME_RE.search(body) or not 3 <= len(body.split()) <= _MAX_WORDS:
        return None
    if is_function(body.split()[-1]):  # "an exception in | this week": the phrase is an object
        return None
    rest = _lower_start(doc, body)
    return f"{capitalise(m.group(1))}, {rest}." if rest else None


def _swap_clauses(doc: DocContext, sentence: str) -> str | None:
    for pattern, glue in ((_AND_CLAUSE, ", and "), (_SEMI, "; ")):
        c = pattern.match(sentence)
        if c is None or not _parallel(c.group("a"), c.group("b")):
            continue
        rest = _lower_start(doc, c.group("a"))
        if rest:
            return capitalise(c.group("b")) + glue + rest + "."
    return None


def _parallel(a: str, b: str) -> bool:
    """Two self-standing clauses of the same build: each opens with an article or a name, shares
    an auxiliary with the other, and neither leans on the other."""
    if _DEPENDENT.search(b) or _DEPENDENT.match(a) or _TIME_RE.search(a + " " + b):
        return False
    if _SUBORDINATE.search(a + " " + b):
        return False
    for clause in (a, b):
        first = clause.split()[0]
        opener = not is_function(first) or first in _ARTICLES or first in ("the", "a", "an")
        if not opener or not 3 <= len(clause.split()) <= _MAX_WORDS:
            return False
    return bool({m.lower() for m in _AUX.findall(a)} & {m.lower() for m in _AUX.findall(b)})


def benign_reorder(doc: DocContext, i: int, rng: random.Random) -> Corruption | None:
    """Move a trailing time phrase to the front, or swap two independent clauses."""
    sentence = doc.sentences[i]
    options = [o for o in (_time_to_front(doc, sentence), _swap_clauses(doc, sentence))
               if o and o != sentence]
    return corruption("benign_reorder.v1", rng.choice(options), []) if options else None
