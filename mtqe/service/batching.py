"""Scoring off the event loop, with requests that arrive together optionally scored together.

One scoring thread owns the detector (the neural model is not shared between threads). A
request queues a job and awaits it; the thread scores the queued jobs in arrival order, each
through the very call the CLI makes (``check`` / ``check_segments``), so that a request gets
the CLI's result whatever else is in flight.

With ``combine`` (``mtqe serve --batch``) the thread takes every ``/v1/segments`` job queued
by the time it is free (up to ``MAX_BATCH_SEGMENTS`` segments) and scores them in one
``check_segments`` call: seven articles scored together ran 2.5 times faster than one by one
on 2 busy cores, since the model's forward pass is most of the time and is cheaper per
sentence in larger batches. The price: the int8 model quantises each batch's activations
with one scale, so a sentence's score then depends on what it was batched with (by up to
about 0.02 on the seed article), and results are no longer identical to the CLI's. Off by
default. ``/v1/check`` jobs are always scored alone: ``Detector.check`` has no many-article
form, and re-implementing its splitting and source alignment here would drift from it. A
rules-only model folder has no forward pass to share, and never combines.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from .. import Detector, DocumentReport, Segment, SentenceResult

# Enough to fill the scorer's batches of 32 several times over; small enough that the
# first request of a batch is not kept long behind the others.
MAX_BATCH_SEGMENTS = 256


@dataclass
class _Job:
    mode: str | None
    kind: str  # "check" | "segments" | "call"
    payload: Any
    size: int
    future: asyncio.Future[Any]
    loop: asyncio.AbstractEventLoop


class Batcher:
    """Runs scoring jobs on one worker thread (with ``combine``, those queued together in
    one detector call).

    Example:
        >>> batcher = Batcher(mtqe.load())
        >>> report = await batcher.check("Minister Vokolov arrived.", None, None, None)
    """

    def __init__(self, detector: Detector, combine: bool = False,
                 max_segments: int = MAX_BATCH_SEGMENTS) -> None:
        self.detector = detector
        self.max_segments = max_segments
        self.batches: list[int] = []  # jobs per batch, most recent last (kept short)
        self._pending: list[_Job] = []
        self._lock = threading.Lock()
        self._busy = False
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="mtqe-score")
        self._by_mode: dict[str | None, Detector] = {None: detector}
        # the neural model's forward pass is what combining shares
        self.combine = combine and getattr(detector.artifact, "model", None) is not None

    def detector_for(self, mode: str | None) -> Detector:
        """The served detector, or the same model at another operating point."""
        if mode is None:
            return self._by_mode[None]
        if mode not in self._by_mode:
            self._by_mode[mode] = self.detector.with_thresholds(self.detector.thresholds.shifted(mode))
        return self._by_mode[mode]

    async def check(self, text: str, source: str | None, src_lang: str | None,
                    mode: str | None) -> DocumentReport:
        return await self._submit(mode, "check", (text, source, src_lang), 1)

    async def segments(self, segments: list[Segment], mode: str | None) -> list[SentenceResult]:
        return await self._submit(mode, "segments", segments, len(segments))

    async def call(self, fn: Callable[[Detector], Any], mode: str | None = None) -> Any:
        """Run ``fn(detector)`` on the scoring thread (XLIFF files), never batched."""
        return await self._submit(mode, "call", fn, self.max_segments)

    async def _submit(self, mode: str | None, kind: str, payload: Any, size: int) -> Any:
        loop = asyncio.get_running_loop()
        job = _Job(mode, kind, payload, size, loop.create_future(), loop)
        with self._lock:
            self._pending.append(job)
            start, self._busy = not self._busy, True
        if start:
            self._executor.submit(self._drain)
        return await job.future

    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._pending:
                    self._busy = False
                    return
                batch = self._take()
            self.batches = [*self.batches[-99:], len(batch)]
            try:
                results = self._run(batch)
            except Exception as e:  # a failed batch fails its requests, not the thread
                results = [e] * len(batch)
            for job, res in zip(batch, results, strict=True):
                with contextlib.suppress(RuntimeError):  # that request's event loop is gone
                    job.loop.call_soon_threadsafe(_settle, job.future, res)

    def _take(self) -> list[_Job]:
        """The first job, then (combining) every queued segments job of its mode that fits."""
        first = self._pending.pop(0)
        batch, size, rest = [first], first.size, []
        for job in self._pending:
            if (self.combine and first.kind == job.kind == "segments"
                    and job.mode == first.mode and size + job.size <= self.max_segments):
                batch.append(job)
                size += job.size
            else:
                rest.append(job)
        self._pending = rest
        return batch

    def _run(self, batch: list[_Job]) -> list[Any]:
        det = self.detector_for(batch[0].mode)
        if len(batch) == 1:
            return [_alone(det, batch[0])]
        return _together(det, batch)


def _settle(future: asyncio.Future[Any], result: Any) -> None:
    if future.done():  # the client went away
        return
    if isinstance(result, BaseException):
        future.set_exception(result)
    else:
        future.set_result(result)


def _alone(det: Detector, job: _Job) -> Any:
    """One job through exactly the call the CLI makes."""
    try:
        if job.kind == "check":
            text, source, src_lang = job.payload
            return det.check(text, source=source, src_lang=src_lang)
        if job.kind == "segments":
            return det.check_segments(job.payload)
        return job.payload(det)
    except Exception as e:
        return e


def _together(det: Detector, batch: list[_Job]) -> list[Any]:
    """Several ``/v1/segments`` jobs in one ``check_segments`` call, each job's documents
    kept apart (a "d1" of one request is not the "d1" of another)."""
    segs: list[Segment] = []
    for j, job in enumerate(batch):
        segs += [replace(s, doc=None if s.doc is None else f"{j}\x00{s.doc}") for s in job.payload]
    results = det.check_segments(segs)
    out, at = [], 0
    for job in batch:
        out.append([replace(r, id=s.id) for r, s in zip(results[at:at + job.size], job.payload,
                                                             strict=True)])
        at += job.size
    return out
