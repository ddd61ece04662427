"""The batch contract on Ray (``pip install 'mtqe[scale]'``): archives scored by a pool of
actors, each holding one Detector.

The driver plans the batches exactly as a local run does (``plan_batches``: whole documents,
never split), ships each planned batch to Ray Data as one row, and an actor scores the row
with ``Detector.score_batch``. Rows come back in input order, so ``mtqe.batch`` writes the
same bytes as a local run, atomically and resumably. The plan is sent in windows of
``WINDOW`` batches, so the driver's memory stays bounded on any input.

Example:
    mtqe check --jsonl archive.jsonl --output out.jsonl --engine ray [--address ray://host:10001]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from itertools import islice
from typing import Any

from .batch import Engine
from .detector import Detector
from .errors import UsageError
from .types import Segment

# Planned batches (of about 256 segments) per Ray Data job: enough to keep every actor busy.
WINDOW = 64


class BatchScorer:
    """A Ray Data actor: one Detector, loaded once, scoring whole planned batches."""

    def __init__(self, artifact: Any, thresholds: Any, quantize: bool, batch_invariant: bool) -> None:
        self.det = Detector(artifact, thresholds, quantize=quantize, batch_invariant=batch_invariant)

    def __call__(self, rows: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        out = []
        for item in rows["item"]:
            groups = [[Segment(**s) for s in g] for g in json.loads(item)]
            out.append(json.dumps([_line(r) for r in self.det.score_batch(groups)]))
        return {"index": rows["index"], "lines": np.array(out, dtype=object)}


def _line(r: Any) -> str:
    from .jsonl import result_line

    return result_line(r)


def ray_engine(det: Detector, address: str | None = None, actors: int = 2) -> Engine:
    """An ``Engine`` for ``mtqe.batch.run_jsonl`` that scores on Ray: a local instance when
    ``address`` is None, else the cluster there (where mtqe must be installed)."""
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise UsageError("--engine ray needs the scale extra (pip install 'mtqe[scale]')") from None
    if actors < 1:
        raise UsageError("--actors must be at least 1")

    def run(batches: Iterable[list[list[Segment]]]) -> Iterator[list[str]]:
        _init(address)
        # what each actor builds its own Detector from: the model loads inside the actor
        spec = {"artifact": det.artifact, "thresholds": det.thresholds, "quantize": det.quantize,
                "batch_invariant": det.batch_invariant}
        it = iter(batches)
        while window := list(islice(it, WINDOW)):
            yield from _score_window(window, spec, actors)

    return run


def _init(address: str | None) -> None:
    import logging

    import ray

    if ray.is_initialized():
        return
    for name in ("ray", "ray.data"):  # the report is ours: Ray's progress lines stay out of it
        logging.getLogger(name).setLevel(logging.ERROR)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    ray.init(address=address, include_dashboard=False, log_to_driver=False,
             logging_level=logging.WARNING, configure_logging=False)


def _score_window(window: list[list[list[Segment]]], spec: dict[str, Any],
                  actors: int) -> Iterator[list[str]]:
    import ray

    rows = [{"index": i, "item": json.dumps([[asdict(s) for s in g] for g in batch])}
            for i, batch in enumerate(window)]
    ds = ray.data.from_items(rows, override_num_blocks=len(rows)).map_batches(
        BatchScorer, fn_constructor_kwargs=spec, batch_size=1,
        compute=ray.data.ActorPoolStrategy(size=min(actors, len(rows))), batch_format="numpy")
    done = {}
    nxt = 0
    for row in ds.iter_rows():
        done[int(row["index"])] = json.loads(row["lines"])
        while nxt in done:  # input order, whatever order the actors finish in
            yield done.pop(nxt)
            nxt += 1
