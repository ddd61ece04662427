"""The pipeline: article -> sentences -> checks -> combined scores -> flags."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from .artifact import ModelArtifact
from .calibrate import Thresholds
from .checks import run_checks
from .combine import combine
from .results import DocumentReport, SentenceResult
from .segment import split_sentences
from .version import __version__


@dataclass(frozen=True)
class Segment:
    """One pre-split target segment, as a translation pipeline sends it."""

    id: str
    target: str
    doc: str | None = None
    source: str | None = None
    src_lang: str | None = None


class Detector:
    """Scores translated news sentences for translation or garble errors.

    Use ``mtqe.load()`` rather than building one directly.

    Example:
        >>> det = mtqe.load()
        >>> report = det.check("Minister Vokolov arrived. Vokoloff said talks went well.")
        >>> [s.flag for s in report.sentences]
    """

    def __init__(self, artifact: ModelArtifact, thresholds: Thresholds | None = None) -> None:
        self.artifact = artifact
        self.thresholds = thresholds or artifact.thresholds

    @property
    def signature(self) -> str:
        a = self.artifact
        return f"model:{a.name}|calib:{a.calibration_version}|mtqe:{__version__}"

    def with_thresholds(self, thresholds: Thresholds) -> Detector:
        """The same model with other flag thresholds (the model is shared, not copied)."""
        return Detector(self.artifact, thresholds)

    def check(self, text: str, *, source: str | None = None) -> DocumentReport:
        """Split an article into sentences and score each with its document context.

        Args:
            text: the translated article (English).
            source: the original; accepted for API stability, not yet used for scoring.
        """
        sents = split_sentences(text)
        results = self._score([s.text for s in sents])
        out = [replace(r, id=str(i), start=s.start, end=s.end)
               for i, (r, s) in enumerate(zip(results, sents))]
        return DocumentReport(out, self.signature)

    def check_segments(self, segments: Iterable[Segment | Mapping[str, Any]]) -> list[SentenceResult]:
        """Score pre-split segments; consecutive segments with the same non-null ``doc`` are
        one document, read together. Results come back in input order."""
        return [r for group in documents(_as_segment(s) for s in segments)
                for r in self._score_group(group)]

    def _score_group(self, group: list[Segment]) -> list[SentenceResult]:
        results = self._score([s.target for s in group])
        return [replace(r, id=s.id) for r, s in zip(results, group)]

    def _score(self, sentences: list[str]) -> list[SentenceResult]:
        findings = run_checks(sentences, self.artifact.checks)
        per_sentence: list[list] = [[] for _ in sentences]
        for f in findings:
            per_sentence[f.sentence].append(f)
        out = []
        for i, (text, found) in enumerate(zip(sentences, per_sentence)):
            score, spans = combine(found, self.artifact.combiner)
            flag = self.thresholds.flag(score)
            categories = sorted({s.category for s in spans}) if flag != "ok" else []
            reasons = list(dict.fromkeys(s.reason for s in spans)) if flag != "ok" else []
            out.append(SentenceResult(str(i), text, 0, len(text), round(score, 4), flag,
                                      spans if flag != "ok" else [], categories, reasons))
        return out


# Longer documents are scored in windows of this many segments, so that memory stays flat
# on a stream whose ``doc`` never changes; the checks see each window as one document.
MAX_DOC_SEGMENTS = 400


def documents(segments: Iterable[Segment]) -> Iterator[list[Segment]]:
    group: list[Segment] = []
    for seg in segments:
        if group and (seg.doc is None or seg.doc != group[-1].doc or len(group) >= MAX_DOC_SEGMENTS):
            yield group
            group = []
        group.append(seg)
    if group:
        yield group


def _as_segment(s: Segment | Mapping[str, Any]) -> Segment:
    if isinstance(s, Segment):
        return s
    return Segment(id=str(s["id"]), target=s["target"], doc=s.get("doc"),
                   source=s.get("source"), src_lang=s.get("src_lang"))
