"""Wrong-sense words: a content word replaced by another of the same part of speech that the
document itself uses ("the bank raised *prices*" for "rates"), as fluent as the original.

The realism tally (docs/realism.md) found 17 of 100 real major errors to be fluent
wrong-sense words, which no other corruption makes: they do not garble the grammar, misspell
a name or drop a clause, so only a model that reads the sense can see them. The replacement
has the same fine-grained tag (so its inflection agrees: NNS for NNS, VBD for VBD), a word
frequency within one Zipf unit of the original (no rare word standing out), a different
stem, and comes from another sentence of the same article (on topic, so the sentence stays
plausible). Needs the spaCy parse.
"""

from __future__ import annotations

import random
from typing import Any

from ._text import corruption, zipf
from .base import Corruption, DocContext

__all__ = ["wrong_sense"]

_POS = frozenset({"NOUN", "VERB", "ADJ"})
_MAX_ZIPF_GAP = 1.0


def _content(tok: Any) -> bool:
    return (tok.pos_ in _POS and tok.is_alpha and tok.text.islower() and len(tok.text) >= 4
            and not tok.is_stop and zipf(tok.text) >= 2.5)


def wrong_sense(doc: DocContext, i: int, rng: random.Random) -> Corruption | None:
    """Swap one content word of sentence ``i`` for a same-tag, frequency-matched word of
    another sentence of the document; None without a parse or a candidate."""
    parsed = doc.parse(i)
    if parsed is None:
        return None
    # the pipeline runs without its lemmatizer: a shared stem stands in for a shared lemma
    own = {t.text.lower()[:4] for t in parsed}
    pool: dict[str, set[str]] = {}
    for j in range(len(doc.sentences)):
        if j == i:
            continue
        for t in doc.parse(j):
            if _content(t) and t.text[:4] not in own:
                pool.setdefault(t.tag_, set()).add(t.text)
    sites = []
    for t in parsed:
        if t.i == 0 or not _content(t):
            continue
        options = sorted(w for w in pool.get(t.tag_, ()) if abs(zipf(w) - zipf(t.text)) <= _MAX_ZIPF_GAP)
        if options:
            sites.append((t, options))
    if not sites:
        return None
    tok, options = rng.choice(sites)
    new = rng.choice(options)
    start = tok.idx
    text = doc.sentences[i][:start] + new + doc.sentences[i][start + len(tok.text):]
    return corruption("wrong_sense.v1", text, [(start, start + len(new))])
