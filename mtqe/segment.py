"""Sentence splitting for English wire copy, with exact offsets into the original text.

Rules, in the order they apply:

* A line break always ends a segment, so headlines, datelines, bylines and source tags
  ("MNA", "(Reuters)") on their own line stay separate and lines are never merged.
* Within a line, a candidate boundary is a run of ``. ! ? …`` plus any closing quotes or
  brackets, then whitespace, then an uppercase letter, a digit, or an opening quote or
  bracket that is not followed by a lowercase letter.
* A bare ``.`` (no closing quote or bracket after it) is then checked against the word in
  front of it. Titles and a few Latin or technical short forms (``Mr.``, ``Gen.``, ``vs.``,
  ``e.g.``) never end a sentence; ``No.``/``Nos.`` only continue before a digit. Ambiguous
  short forms, which end sentences in real copy, end one only when the next word is a
  typical sentence starter (``The``, ``He``, ``However``...): dotted acronyms (``U.S.``),
  single-letter initials (``W.``), company suffixes (``Inc.``), ``Jr.``/``Sr.``, months,
  weekdays, US state forms (``Calif.``), ``a.m.``/``p.m.``. So ``U.S. officials`` and
  ``U.S. President`` stay joined while ``in the U.S. The company`` splits; ``in the U.S.
  Congress`` stays joined too.
  ``etc.`` is an ordinary word and ends a sentence before any uppercase word.
* Ellipses, ``!`` and ``?`` split whenever a boundary candidate follows; no abbreviation
  check applies to them.

A dateline dash ("MOSCOW (Reuters) - Russia said") is never a boundary. Sentences are
stripped of surrounding whitespace; whitespace-only stretches produce nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Sentence", "split_sentences"]

# The same line breaks str.splitlines() knows, so \r\n, \r and U+2028 all end a line.
_LINE = re.compile(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
_BOUNDARY = re.compile(r"(?P<term>[.!?…]+)(?P<close>[\"'”’)\]]*)\s+(?=(?P<next>\S+))")
_OPENERS = "\"'“‘(["
_WORD = re.compile(r"[^\W\d_]+")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")

# Hand-wrapped word tables: one entry per line would bury the rules below them.
# fmt: off
# Followed by a name or a noun in practice, so they never end a sentence.
_ALWAYS_JOIN = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "cmdr",
    "cpl", "pvt", "sen", "rep", "gov", "pres", "rev", "hon", "fr", "st", "mt", "ave", "approx",
    "est", "vs", "cf", "viz", "dept", "gov't", "gov’t", "e.g", "i.e", "fig",
})
_BEFORE_NUMBER = frozenset({"no", "nos"})
# These do end sentences ("shares of Acme Inc. The company..."), so they defer to _STARTERS.
# US state forms are here because AP datelines read "ST. PAUL, Minn. (AP) -".
_AMBIGUOUS = frozenset({
    "co", "corp", "inc", "ltd", "bros", "plc", "llc", "jr", "sr", "a.m", "p.m",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
    "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore",
    "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
})
# Lowercase forms that are still abbreviations; other lowercase words ("sat.") are not.
_LOWERCASE_OK = frozenset({"approx", "est", "vs", "cf", "viz", "e.g", "i.e", "a.m", "p.m"})
_STARTERS = frozenset({
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These",
    "Those", "There", "Here", "His", "Her", "Its", "Their", "Our", "My", "But", "And", "Or",
    "So", "Yet", "Still", "In", "On", "At", "For", "From", "With", "By", "As", "If", "When",
    "While", "After", "Before", "Since", "Although", "Though", "However", "Meanwhile",
    "Moreover", "Furthermore", "Also", "Then", "Now", "Some", "Many", "Most", "Both", "Such",
    "Another", "No", "What", "Who", "Why", "How", "Where",
})
# fmt: on


@dataclass(frozen=True)
class Sentence:
    """One sentence located in the text it was split from.

    Attributes:
        start: character offset of the first character in the original text.
        end: exclusive end offset, so ``text == original[start:end]``.
        text: the sentence, without surrounding whitespace.
    """

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split an article of English wire copy into sentences with exact offsets.

    Args:
        text: the article as received; any line endings, tabs or non-breaking spaces.

    Returns:
        The sentences in order, non-overlapping, none empty, each satisfying
        ``text[s.start:s.end] == s.text``.

    Example:
        >>> [s.text for s in split_sentences("MOSCOW (Reuters) - Mr. Li left. He won.")]
        ['MOSCOW (Reuters) - Mr. Li left.', 'He won.']
    """
    sentences: list[Sentence] = []
    for line in _LINE.finditer(text):
        start = line.start()
        for cut in _cuts(text, line.start(), line.end()):
            _append(sentences, text, start, cut)
            start = cut
        _append(sentences, text, start, line.end())
    return sentences


def _cuts(text: str, lo: int, hi: int) -> Iterator[int]:
    """Yield the offsets in ``text[lo:hi]`` (one line) where a sentence ends."""
    for m in _BOUNDARY.finditer(text, lo, hi):
        if not _opens_sentence(m["next"]):
            continue
        if m["term"] == "." and not m["close"]:
            token = _word_before(text, lo, m.start("term"))
            if _continues(token, m["next"]):
                continue
        yield m.end("close")


def _opens_sentence(chunk: str) -> bool:
    """Whether the text after a candidate boundary can start a sentence."""
    first = chunk[0]
    if first.isupper() or first.isdigit():
        return True
    # An opening quote or bracket counts unless lowercase follows ('he said. "and then').
    rest = chunk.lstrip(_OPENERS)
    return first in _OPENERS and not (rest and rest[0].islower())


def _word_before(text: str, lo: int, end: int) -> str:
    """Return the whitespace-delimited token ending at ``end``, minus opening marks."""
    i = end
    while i > lo and not text[i - 1].isspace():
        i -= 1
    return text[i:end].lstrip(_OPENERS)


def _continues(token: str, next_chunk: str) -> bool:
    """Whether the period after ``token`` is an abbreviation's, not a sentence end.

    Args:
        token: the word before the period, without the period itself ("Mr", "U.S").
        next_chunk: the non-space text that follows the boundary candidate.

    Returns:
        True when the sentence goes on past the period.
    """
    if not token:
        return False
    key = token.lower()
    if not token[0].isupper() and key not in _LOWERCASE_OK:
        return False
    if key in _ALWAYS_JOIN:
        return True
    if key in _BEFORE_NUMBER:
        return next_chunk[0].isdigit()
    ambiguous = (
        key in _AMBIGUOUS
        or _DOTTED_ACRONYM.fullmatch(token) is not None
        or (len(token) == 1 and token.isupper())
    )
    return ambiguous and not _is_starter(next_chunk)


def _is_starter(next_chunk: str) -> bool:
    """Whether the next word is one that typically begins an English sentence."""
    word = _WORD.match(next_chunk.lstrip(_OPENERS))
    return word is not None and word.group() in _STARTERS


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    """Append ``text[start:end]`` stripped of whitespace, unless nothing is left."""
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        first = start + len(piece) - len(piece.lstrip())
        sentences.append(Sentence(first, first + len(stripped), stripped))
