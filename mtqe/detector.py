"""The pipeline: article -> sentences -> checks -> combined scores -> flags."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from .artifact import ModelArtifact, load_qe_model
from .calibrate import Thresholds, apply_map
from .checks import Finding, run_checks
from .combine import combine, model_findings
from .fusion import features
from .results import DocumentReport, SentenceResult
from .segment import split_sentences
from .surprisal import SURPRISAL_FILE, Surprisal
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

    def __init__(self, artifact: ModelArtifact, thresholds: Thresholds | None = None,
                 scorer: Any = None, quantize: bool = False) -> None:
        self.artifact = artifact
        self.thresholds = thresholds or artifact.thresholds
        self.quantize = quantize
        self.__model = scorer  # loaded on first use: the checks alone need no torch
        self.__surprisal: Any = None

    @property
    def signature(self) -> str:
        a = self.artifact
        return f"model:{a.name}|calib:{a.calibration_version}|mtqe:{__version__}"

    def with_thresholds(self, thresholds: Thresholds) -> Detector:
        """The same model with other flag thresholds (the model is shared, not copied)."""
        return Detector(self.artifact, thresholds, self.__model, self.quantize)

    def check(self, text: str, *, source: str | None = None) -> DocumentReport:
        """Split an article into sentences and score each with its document context.

        Args:
            text: the translated article (English).
            source: the original; accepted for API stability, not yet used for scoring.
        """
        sents = split_sentences(text)
        (results,) = self._score([[s.text for s in sents]])
        out = [replace(r, id=str(i), start=s.start, end=s.end)
               for i, (r, s) in enumerate(zip(results, sents, strict=True))]
        return DocumentReport(out, self.signature)

    def check_segments(self, segments: Iterable[Segment | Mapping[str, Any]]) -> list[SentenceResult]:
        """Score pre-split segments; consecutive segments with the same non-null ``doc`` are
        one document, read together. Results come back in input order."""
        return list(self.iter_segments(segments))

    def iter_segments(self, segments: Iterable[Segment | Mapping[str, Any]]) -> Iterator[SentenceResult]:
        """Streaming ``check_segments``: documents are gathered into batches of about
        ``BATCH_SEGMENTS`` segments (one model call each) and yielded in input order."""
        pending: list[list[Segment]] = []
        for group in documents(_as_segment(s) for s in segments):
            pending.append(group)
            if sum(map(len, pending)) >= BATCH_SEGMENTS:
                yield from self._score_groups(pending)
                pending = []
        if pending:
            yield from self._score_groups(pending)

    def _score_groups(self, groups: list[list[Segment]]) -> Iterator[SentenceResult]:
        scored = self._score([[s.target for s in g] for g in groups])
        for group, results in zip(groups, scored, strict=True):
            for seg, r in zip(group, results, strict=True):
                yield replace(r, id=seg.id)

    @property
    def _model(self) -> Any:
        if self.__model is None and self.artifact.model is not None:
            from .scorer import ModelScorer  # torch is imported only for neural models

            model, tokenizer = load_qe_model(self.artifact)
            if self.quantize:
                import warnings

                import torch

                warnings.filterwarnings("ignore", message=".*quantize_per_tensor.*")
                # int8 weights for the Linear layers, activations quantised on the fly:
                # the usual CPU speed-up for BERT-sized encoders.
                model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear},
                                                               dtype=torch.qint8)
            self.__model = ModelScorer(model, tokenizer)
        return self.__model

    def evidence(self, docs: list[list[str]]) -> list[list[tuple[list[Finding], Any]]]:
        """Per sentence: the check findings (plus model spans) and the model's output (None
        without a model). What the fusion and calibration are fitted on."""
        model_out = self._model.score_documents(docs) if self._model is not None else None
        out = []
        for d, sentences in enumerate(docs):
            per_sentence: list[list[Finding]] = [[] for _ in sentences]
            for f in run_checks(sentences, self.artifact.checks):
                per_sentence[f.sentence].append(f)
            row = []
            for i, found in enumerate(per_sentence):
                ms = model_out[d][i] if model_out else None
                if ms is not None:
                    found = found + model_findings(ms, sentences[i], self.artifact.token_threshold)
                row.append((found, ms))
            out.append(row)
        return out

    def fusion_features(self, found: list[Finding], ms: Any, text: str) -> dict[str, float]:
        """The named inputs of the learned fusion for one sentence."""
        token_max = max((p for _, _, p in ms.tokens), default=0.0) if ms is not None else None
        feats = features(ms.prob if ms else None, token_max, found, text)
        if self._surprisal is not None:
            feats.update(self._surprisal.features(text))
        return feats

    @property
    def _surprisal(self) -> Any:
        path = self.artifact.path / SURPRISAL_FILE if self.artifact.path else None
        if self.__surprisal is None and path is not None and path.exists():
            self.__surprisal = Surprisal.load(path)
        return self.__surprisal

    def raw_score(self, found: list[Finding], ms: Any, text: str = "") -> float:
        """The fused score before calibration."""
        art = self.artifact
        if art.fusion is None:
            return combine(found, art.combiner)[0]
        return art.fusion.predict(self.fusion_features(found, ms, text))

    def _score(self, docs: list[list[str]]) -> list[list[SentenceResult]]:
        return [[self._result(i, text, found, ms)
                 for i, (text, (found, ms)) in enumerate(zip(sentences, ev, strict=True))]
                for sentences, ev in zip(docs, self.evidence(docs), strict=True)]

    def _result(self, i: int, text: str, found: list[Finding], ms: Any) -> SentenceResult:
        art = self.artifact
        _, spans = combine(found, art.combiner)
        score = apply_map(art.calibration, self.raw_score(found, ms, text))
        if art.fusion is not None:
            # The document checks are rules with measured precision: their findings flag on
            # their own, whatever the fused score (which rarely sees them on dev data).
            rules = [f for f in found if f.category != "mt_error"]
            if rules:
                score = max(score, combine(rules, art.combiner)[0])
        flag = self.thresholds.flag(score, spans[0].category if spans else None)
        if flag == "ok":
            return SentenceResult(str(i), text, 0, len(text), round(score, 4), flag)
        return SentenceResult(str(i), text, 0, len(text), round(score, 4), flag, spans,
                              sorted({s.category for s in spans}),
                              list(dict.fromkeys(s.reason for s in spans)))


# Segments per model call when streaming: large enough to batch well, small enough that
# memory stays flat.
BATCH_SEGMENTS = 256


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
