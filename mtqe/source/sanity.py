"""Whether a source document looks like the original of this translation at all.

A wrong file, an empty one, or one holding only the first paragraph would make every
sentence an "addition" or an "omission"; a ``src_lang`` that names another script would make
the length model expect Chinese-length text. Such a source is better left out, with one
warning for the document, than turned into a flag on every sentence.

Example:
    >>> document_warning([], ["One.", "Two."], [], "pt")
    'the source is empty: scored without it'
"""

from __future__ import annotations

import math

from ..lang import section
from .align import length_row
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
    if not any(s.strip() for s in source):
        return "the source is empty: scored without it"
    if len(target) < MIN_SENTENCES:
        return None
    src_chars, tgt_chars = sum(map(len, source)), sum(map(len, target))
    mu, _ = length_row(src_lang, script_of(" ".join(source)), (0.0, 0.2))
    factor = math.exp(math.log(max(tgt_chars, 1) / max(src_chars, 1)) - mu)
    if factor > MAX_LENGTH_FACTOR:
        return (f"the source is {factor:.1f}x shorter than a translation of this length needs: "
                f"scored without it")
    if factor < 1 / MAX_LENGTH_FACTOR:
        return (f"the source is {1 / factor:.1f}x longer than a translation of this length needs: "
                f"scored without it")
    unaligned = sum(not a for a in alignment)
    if unaligned > MAX_UNALIGNED * len(target):
        return (f"{unaligned} of {len(target)} sentences align with nothing in the source: "
                f"scored without it")
    return None
