"""What every corruption receives and returns."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class Corruption:
    """A corrupted sentence.

    Args:
        text: the new sentence.
        spans: character spans (start, end) in ``text`` that are now wrong; empty for a
            benign edit (which stays labelled clean).
        category: the error category (``name_drift``, ``entity_swap``, ... or ``benign``).
        name: the versioned corruption name that made it (``name_drift.v1``).
    """

    text: str
    spans: tuple[tuple[int, int], ...]
    category: str
    name: str

    @property
    def is_error(self) -> bool:
        return self.category != "benign"


@dataclass
class DocContext:
    """One clean document that corruptions read: its sentences and, lazily, spaCy parses.

    ``nlp`` is a loaded spaCy pipeline (or None: corruptions needing a parse return None).
    """

    sentences: list[str]
    nlp: Any = None
    _cache: dict[int, Any] = field(default_factory=dict, repr=False)

    def parse(self, i: int) -> Any:
        """spaCy Doc of sentence ``i`` (cached), or None without a pipeline."""
        if self.nlp is None:
            return None
        if i not in self._cache:
            self._cache[i] = self.nlp(self.sentences[i])
        return self._cache[i]

    @cached_property
    def text(self) -> str:
        return "\n".join(self.sentences)


# A corruption: (document, index of the sentence to corrupt, seeded rng) -> Corruption or
# None when the sentence has no site for it. Must be deterministic given the rng state.
CorruptFn = Callable[[DocContext, int, random.Random], "Corruption | None"]


def replace_span(text: str, start: int, end: int, new: str) -> tuple[str, tuple[int, int]]:
    """``text`` with ``text[start:end]`` replaced by ``new``, and the new span's offsets."""
    return text[:start] + new + text[end:], (start, start + len(new))
