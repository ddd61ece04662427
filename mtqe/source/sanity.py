"""Whether a source document looks like the original of this translation at all.

A wrong file, an empty one, or one holding only the first paragraph would make every
sentence an "addition" or an "omission"; a ``src_lang`` that names another script would make
the length model expect Chinese-length text. Such a source is better left out, with one
warning for the document, than turned into a flag on every sentence.

Two entry points: ``document_warning`` for an article and its split source (the aligner
pairs the sentences), ``pairs_warning`` for pre-paired (source, target) lines, as a JSONL
batch gives them.

Example:
    >>> document_warning([], ["One.", "Two."], [], "pt")
    'the source is empty: scored without it'
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import fmean

from ..lang import section
from .align import bead_cost, figures, length_row
from .scripts import base_lang, guess_lang, script_of

# The scripts a language is written in: its profile's "source.scripts", Latin where unsaid.
_LATIN = ("latin",)
# A whole document's length ratio varies far less than a sentence's: beyond this factor of
# what the language pair gives, the source is not this translation's original.
MAX_LENGTH_FACTOR = 2.5
# ... nor when more than this share of the target sentences align to nothing.
MAX_UNALIGNED = 0.5
# Below this many target sentences a length or alignment mismatch is as likely an added or
# dropped sentence, which the per-sentence findings report better than a warning.
MIN_SENTENCES = 4
# Pre-paired lines: the aligner's own cost of the 1-1 bead that pairs each target with its
# source (z^2 / 2 for a length z spreads off the pair's ratio, + 2.0 when their figures all
# differ), averaged over the document. 2.0 is the aligner's price of a pair whose figures all
# differ, or of a length two spreads off on every line. On the WMT22 references
# (wmt22_parallel_xx_en, 962 documents of >= MIN_SENTENCES lines) real documents average
# 0.8 at the 95th percentile and 2.1 at most; with sources swapped between documents, 1.3
# at the 5th percentile.
MAX_PAIR_COST = 2.0


def declared_lang(src_lang: str | None, source: str) -> tuple[str | None, str | None]:
    """The language to compare with, and a warning when ``src_lang`` names a language not
    written in the source's script (then the script's guess is used instead)."""
    script = script_of(source)
    lang = base_lang(src_lang)
    if lang is None or script is None or script in section(lang, "source").get("scripts", _LATIN):
        return src_lang, None
    guess = guess_lang(source)
    return guess, (f"src_lang {src_lang!r} is not written in the source's {script} script: "
                   f"compared as {guess or 'an unnamed language'}")


def document_warning(source: list[str], target: list[str], alignment: list[list[int]],
                     src_lang: str | None) -> str | None:
    """Why a split source does not look like the original of ``target`` (None when it does)."""
    reason = _mismatch(source, target, src_lang, "the source is")
    if reason is None and len(target) >= MIN_SENTENCES:
        unaligned = sum(not a for a in alignment)
        if unaligned > MAX_UNALIGNED * len(target):
            reason = f"{unaligned} of {len(target)} sentences align with nothing in the source"
    return f"{reason}: scored without it" if reason else None


def pairs_warning(pairs: Sequence[tuple[str, str]], src_lang: str | None = None) -> str | None:
    """Why the sources of one document's (source, target) pairs do not look like the
    originals of their targets (None when they do): empty, far off in total length, or
    costly to pair line by line (``MAX_PAIR_COST``). Documents shorter than
    ``MIN_SENTENCES`` are only checked for empty sources.

    Args:
        pairs: the document's lines in order, each its given source and its target.
        src_lang: the sources' language (ISO 639-1); guessed from the script when None.

    Returns:
        One line saying what is wrong, or None.

    Example:
        >>> pairs_warning([("", "One."), (" ", "Two.")])
        'the sources are empty'
    """
    sources, targets = [s for s, _ in pairs], [t for _, t in pairs]
    reason = _mismatch(sources, targets, src_lang, "the sources are")
    if reason is not None or len(pairs) < MIN_SENTENCES:
        return reason
    mu, sigma = length_row(src_lang, script_of(" ".join(sources)), (0.0, 0.2))
    cost = fmean(bead_cost([s], [t], figures(s, src_lang), figures(t, "en"), mu, sigma) for s, t in pairs)
    if cost > MAX_PAIR_COST:
        return (f"the sources do not fit their targets line by line (alignment cost {cost:.2f} a line, "
                f"where translations stay under {MAX_PAIR_COST:.1f})")
    return None


def _mismatch(source: list[str], target: list[str], src_lang: str | None, subject: str) -> str | None:
    """Empty, or far off in length: what articles and pre-paired lines share."""
    if not any(s.strip() for s in source):
        return f"{subject} empty"
    if len(target) < MIN_SENTENCES:
        return None
    src_chars, tgt_chars = sum(map(len, source)), sum(map(len, target))
    mu, _ = length_row(src_lang, script_of(" ".join(source)), (0.0, 0.2))
    factor = math.exp(math.log(max(tgt_chars, 1) / max(src_chars, 1)) - mu)
    if factor > MAX_LENGTH_FACTOR:
        return f"{subject} {factor:.1f}x shorter than a translation of this length needs"
    if factor < 1 / MAX_LENGTH_FACTOR:
        return f"{subject} {1 / factor:.1f}x longer than a translation of this length needs"
    return None


