"""Synthetic corruptions of clean news sentences, registered by versioned name.

Each is a ``CorruptFn``: ``fn(doc, i, rng) -> Corruption | None`` corrupts ``doc.sentences[i]``,
reading the rest of the document for context, deterministic given ``rng``, and returns None when
the sentence offers no site for it. A changed behaviour gets a new version (``.v2``) so that a
config and a seed always rebuild the same training set.

Only ``entity_swap`` (optionally), ``role_inversion`` and ``wrong_sense`` use the spaCy parse
(``doc.nlp``); the rest are plain Python over precomputed tables.

Example:
    >>> import random
    >>> from mtqe.corruptions import REGISTRY, DocContext
    >>> doc = DocContext(["Exports rose 5 percent in March."])
    >>> REGISTRY["number_change.v1"](doc, 0, random.Random(0)).category
    'number_change'
"""

from __future__ import annotations

from ._text import category_of
from .acronyms import acronym_drift
from .base import CorruptFn, Corruption, DocContext
from .benign import benign_punct, benign_synonym
from .countries import country_garble
from .entities import entity_swap
from .garble import garbled_clause
from .names import name_drift, name_to_word
from .numbers import number_change
from .omission import omission
from .polarity import negation_flip
from .reorder import benign_reorder
from .roles import role_inversion
from .spelling import benign_spelling
from .wrong_sense import wrong_sense

__all__ = ["CATEGORY", "NEEDS_PARSE", "REGISTRY", "CorruptFn", "Corruption", "DocContext"]

REGISTRY: dict[str, CorruptFn] = {
    "name_drift.v1": name_drift,
    "name_to_word.v1": name_to_word,
    "entity_swap.v1": entity_swap,
    "country_garble.v1": country_garble,
    "role_inversion.v1": role_inversion,
    "acronym_drift.v1": acronym_drift,
    "garbled_clause.v1": garbled_clause,
    "number_change.v1": number_change,
    "negation_flip.v1": negation_flip,
    "omission.v1": omission,
    "wrong_sense.v1": wrong_sense,
    "benign_synonym.v1": benign_synonym,
    "benign_punct.v1": benign_punct,
    "benign_spelling.v1": benign_spelling,
    "benign_reorder.v1": benign_reorder,
}
CATEGORY: dict[str, str] = {name: category_of(name) for name in REGISTRY}
# Corruptions that call doc.parse(i): a builder can give the rest a DocContext without nlp.
NEEDS_PARSE: frozenset[str] = frozenset({"entity_swap.v1", "role_inversion.v1", "wrong_sense.v1"})
