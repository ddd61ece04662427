"""The core types: a check's finding, a segment in, a sentence's verdict and its spans out.

What an editor, a pipeline or the HTTP service reads; no logic beyond ``to_dict``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Finding:
    """One suspicious span found by a check or the source comparison.

    Args:
        sentence: index of the sentence in the document.
        start, end: character offsets into that sentence (end exclusive).
        category: the category name (``name_drift``, ``number_mismatch``...; see
            ``mtqe.categories``).
        strength: how sure the check is, in [0, 1]; 0 is a note (what could not be checked).
        reason: one line an editor can act on, e.g. ``"'Vorobyev' is spelled 'Vorobyov' (3x) elsewhere"``.
    """

    sentence: int
    start: int
    end: int
    category: str
    strength: float
    reason: str


@dataclass(frozen=True)
class Segment:
    """One pre-split target segment, as a translation pipeline sends it."""

    id: str
    target: str
    doc: str | None = None
    source: str | None = None
    src_lang: str | None = None

@dataclass(frozen=True)
class Span:
    """A suspicious stretch of one sentence.

    Offsets are characters into the sentence text (end exclusive), so
    ``sentence.text[span.start:span.end]`` is the flagged text.
    """

    start: int
    end: int
    category: str
    score: float
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SentenceResult:
    """One sentence (or pre-split segment) with its verdict.

    ``start``/``end`` locate the sentence in the article passed to ``Detector.check``
    (for ``check_segments`` they cover the whole segment). ``score`` is the probability
    in [0, 1] that the sentence contains a translation or garble error.
    """

    id: str
    text: str
    start: int
    end: int
    score: float
    flag: str
    spans: list[Span] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "score": self.score,
            "flag": self.flag,
            "spans": [s.to_dict() for s in self.spans],
            "categories": list(self.categories),
            "reasons": list(self.reasons),
        }


@dataclass
class DocumentReport:
    """All sentences of one article, plus the signature of what produced the verdicts."""

    sentences: list[SentenceResult]
    signature: str
    # Document-level problems, one line each: a source that does not look like this
    # translation's (and was therefore left out), a src_lang that does not fit the source.
    warnings: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> list[SentenceResult]:
        return [s for s in self.sentences if s.flag != "ok"]

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"signature": self.signature, "sentences": [s.to_dict() for s in self.sentences]}
        if self.warnings:  # only then: reports of ordinary input keep their old bytes
            d["warnings"] = list(self.warnings)
        return d
