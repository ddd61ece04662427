"""The pipeline: article -> sentences -> checks -> combined scores -> flags."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from .artifact import ModelArtifact
from .checks import run_checks
from .scoring import Evidence, model_findings, verdict
from .segment import split_sentences
from .source import align, compare_segment, split_source
from .source.align import unaligned_sources
from .source.sanity import declared_lang, document_warning
from .source.similarity import reason as similarity_reason
from .thresholds import Thresholds
from .types import DocumentReport, Finding, Segment, SentenceResult
from .validation import as_segment, blank_controls, check_src_lang, check_text, reading_view
from .version import __version__


class Detector:
    """Scores translated news sentences for translation or garble errors.

    Use ``mtqe.load()`` rather than building one directly.

    Example:
        >>> det = mtqe.load()
        >>> report = det.check("Minister Vokolov arrived. Vokoloff said talks went well.")
        >>> [s.flag for s in report.sentences]
    """

    def __init__(self, artifact: ModelArtifact, thresholds: Thresholds | None = None,
                 scorer: Any = None, quantize: bool = False, batch_invariant: bool = False) -> None:
        self.artifact = artifact
        self.thresholds = thresholds or artifact.thresholds
        self.quantize = quantize
        # One model window per call (int8 always runs so, see _load_model; fp32 is
        # batch-invariant without it, bench/determinism.py).
        self.batch_invariant = batch_invariant
        self.__model = scorer  # loaded on first use: the checks alone need no model
        self.__crosslingual: Any = None
        # Threads that make the first call together load the model once (shared by copies
        # made with ``with_thresholds`` before the load... and after: the scorer is passed on).
        self._lock = threading.Lock()

    @property
    def signature(self) -> str:
        a = self.artifact
        return f"model:{a.name}|calib:{a.calibration_version}|mtqe:{__version__}"

    def with_thresholds(self, thresholds: Thresholds) -> Detector:
        """The same model with other flag thresholds (the model is shared, not copied)."""
        return Detector(self.artifact, thresholds, self.__model, self.quantize, self.batch_invariant)

    def check(self, text: str, *, source: str | None = None, src_lang: str | None = None) -> DocumentReport:
        """Split an article into sentences and score each with its document context.

        Args:
            text: the translated article (English).
            source: the original article, when the desk has it: its sentences are aligned
                with the translation's and compared (numbers, names, untranslated text,
                omissions and additions). A source that does not look like this
                translation's (empty, far too short or long, not aligned) is left out and
                the report's ``warnings`` say so.
            src_lang: the source language (ISO 639-1, e.g. "pt"); guessed from the script
                when not given (Latin-script sources then read numbers without locale).

        Raises:
            TypeError: ``text`` or ``source`` is not a str.
            mtqe.InputError: unencodable text (a lone surrogate) or an unknown ``src_lang``.

        Example:
            >>> det.check("Vorobyov came. Vorobyev spoke.").sentences[1].flag
        """
        check_text(text, "text")
        if source is not None:
            check_text(source, "source")
        check_src_lang(src_lang)
        sents = split_sentences(reading_view(text))
        targets = [s.text for s in sents]
        warnings: list[str] = []
        sources = None
        if source is not None:
            src_lang, note = declared_lang(src_lang, source)
            warnings += [note] if note else []
            sources, note = aligned_sources(blank_controls(source), targets, src_lang)
            warnings += [note] if note else []
        (results,) = self._score([targets], None if sources is None else [sources], [src_lang])
        out = [replace(r, id=str(i), text=text[s.start:s.end], start=s.start, end=s.end)
               for i, (r, s) in enumerate(zip(results, sents, strict=True))]
        return DocumentReport(out, self.signature, warnings)

    def check_segments(self, segments: Iterable[Segment | Mapping[str, Any]]) -> list[SentenceResult]:
        """Score pre-split segments; consecutive segments with the same non-null ``doc`` are
        one document, read together. Results come back in input order.

        Raises:
            TypeError / mtqe.InputError: an item that is not a segment, lacks ``id`` or
                ``target``, or has a field of the wrong type; the message names the item.

        Example:
            >>> det.check_segments([{"id": "1", "doc": "d", "target": "Vorobyov came."}])
        """
        if isinstance(segments, (str, bytes, Mapping, Segment)) or not isinstance(segments, Iterable):
            raise TypeError(f"segments must be a list of Segment or dict, got {type(segments).__name__}")
        return list(self.iter_segments(segments))

    def iter_segments(self, segments: Iterable[Segment | Mapping[str, Any]]) -> Iterator[SentenceResult]:
        """Streaming ``check_segments``: documents are gathered into batches of about
        ``BATCH_SEGMENTS`` segments (one model call each) and yielded in input order."""
        for batch in plan_batches(as_segment(s, i) for i, s in enumerate(segments)):
            yield from self.score_batch(batch)

    def score_batch(self, groups: list[list[Segment]]) -> list[SentenceResult]:
        """One batch of ``plan_batches``: its documents scored in one model call."""
        sources = [[None if s.source is None else blank_controls(s.source) for s in g] for g in groups]
        has_source = any(x is not None for g in sources for x in g)
        scored = self._score([[reading_view(s.target) for s in g] for g in groups],
                             sources if has_source else None, [g[0].src_lang for g in groups])
        return [replace(r, id=seg.id, text=seg.target)
                for group, results in zip(groups, scored, strict=True)
                for seg, r in zip(group, results, strict=True)]

    @property
    def _model(self) -> Any:
        if self.__model is None and self.artifact.model is not None:
            with self._lock:
                if self.__model is None:
                    self.__model = self._load_model()
        return self.__model

    def _load_model(self) -> Any:
        from .compiled import load_runtime_model
        from .model.scorer import ModelScorer

        model, tokenizer = load_runtime_model(self.artifact, quantize=self.quantize)
        # int8 runs one window per call: its activation scales are then that window's own, so a
        # score never moves with its batch neighbours; and on ONNX Runtime it is still faster
        # than fp32 in batches (bench/determinism.py). fp32 is batch-invariant in batches.
        one = self.batch_invariant or self.quantize
        return ModelScorer(model, tokenizer, batch_size=1 if one else 32)

    def evidence(self, docs: list[list[str]], sources: list[list[str | None]] | None = None,
                 src_langs: list[str | None] | None = None) -> list[list[Evidence]]:
        """Per sentence: the check findings (plus model spans), the model's output (None
        without a model) and the source comparison (None without a source). What the fusion
        and calibration are fitted on.

        ``sources`` gives each target sentence its source text (aligned, "" for a sentence
        with no source counterpart), ``src_langs`` each document's source language."""
        model_out = self._model.score_documents(docs) if self._model is not None else None
        out = []
        for d, sentences in enumerate(docs):
            per_sentence: list[list[Finding]] = [[] for _ in sentences]
            for f in run_checks(sentences, self.artifact.checks):
                per_sentence[f.sentence].append(f)
            row = []
            # the translated document: which source words it keeps as names
            context = " ".join(sentences) if sources is not None else ""
            for i, found in enumerate(per_sentence):
                ms = model_out[d][i] if model_out else None
                if ms is not None:
                    found = found + model_findings(ms, sentences[i], self.artifact.token_threshold)
                src = sources[d][i] if sources is not None else None
                report = None
                if src is not None:
                    report = compare_segment(src, sentences[i], src_langs[d] if src_langs else None,
                                             context)
                    found = found + report.findings
                row.append(Evidence(found, ms, report))
            out.append(row)
        if sources is not None and self.artifact.source_similarity:
            self._add_similarity(out, docs, sources)
        return out

    def _add_similarity(self, evidence: list[list[Evidence]], docs: list[list[str]],
                        sources: list[list[str | None]]) -> None:
        """Each source report's cross-lingual similarity, all pairs in one batch (the encoder
        is fastest on large batches)."""
        from .source.meaning import MeaningModel
        from .source.similarity import CrossLingual, supported

        with self._lock:
            if self.__crosslingual is None:
                path = self.artifact.path
                self.__crosslingual = CrossLingual(MeaningModel.load(path) if path else None)
        at = [(d, i) for d, row in enumerate(evidence) for i, ev in enumerate(row) if ev.source is not None]
        pairs = [(sources[d][i] or "", docs[d][i], evidence[d][i].source.src_lang) for d, i in at]
        for (d, i), (z, m), (_, _, lang) in zip(at, self.__crosslingual.assess(pairs), pairs, strict=True):
            ev = evidence[d][i]
            assert ev.source is not None  # ``at`` holds the reports only
            ev.source.similarity_z, ev.source.meaning_logit = z, m
            if not supported(lang):
                ev.found.append(Finding(0, 0, len(docs[d][i]), "meaning_unchecked", 0.0,
                                        f"meaning not compared with the source: the cross-lingual "
                                        f"encoder does not know {lang or 'an unnamed language'}"))

    def _score(self, docs: list[list[str]], sources: list[list[str | None]] | None = None,
               src_langs: list[str | None] | None = None) -> list[list[SentenceResult]]:
        return [[self._result(text, ev) for text, ev in zip(sentences, evs, strict=True)]
                for sentences, evs in zip(docs, self.evidence(docs, sources, src_langs), strict=True)]

    def _result(self, text: str, ev: Evidence) -> SentenceResult:
        meaning = similarity_reason(ev.source.similarity_z) if ev.source is not None else None
        return verdict(self.artifact, self.thresholds, ev, text, meaning)


def aligned_sources(source: str, targets: list[str],
                    src_lang: str | None) -> tuple[list[str | None] | None, str | None]:
    """Each target sentence's source text (the source document split and aligned with the
    translation), or None and a warning when the source does not look like this
    translation's. A target sentence with no source counterpart gets ""; a source sentence
    nothing translates is appended to its neighbour's, so the comparison sees it missing."""
    src = split_source(source)
    if not targets:
        return None, None
    alignment = align(src, targets, src_lang) if src else []
    warning = document_warning(src, targets, alignment, src_lang)
    if warning:
        return None, warning
    out: list[str | None] = [" ".join(src[k] for k in srcs) for srcs in alignment]
    for k in unaligned_sources(alignment, len(src)):
        # the target sentence aligned to the nearest earlier source sentence (or the first)
        j = max((t for t, srcs in enumerate(alignment) if srcs and srcs[-1] < k), default=0)
        out[j] = f"{out[j]} {src[k]}".strip()
    return out, None


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


def plan_batches(segments: Iterable[Segment]) -> Iterator[list[list[Segment]]]:
    """Whole documents gathered into batches of at least ``BATCH_SEGMENTS`` segments (the
    last may be smaller), lazily. The plan depends only on the input from its first segment,
    so a run resumed at a batch boundary forms the same batches as an uninterrupted one."""
    pending: list[list[Segment]] = []
    size = 0
    for group in documents(segments):
        pending.append(group)
        size += len(group)
        if size >= BATCH_SEGMENTS:
            yield pending
            pending, size = [], 0
    if pending:
        yield pending
