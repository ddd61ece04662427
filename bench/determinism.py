"""Does a segment's score depend on what it is batched with? And what does independence cost?

    .venv/bin/python bench/determinism.py [--data ../shared/data/dev/mqm_zhen_2021.jsonl.gz]
        [--n 200] [--speed-n 600]

For each numerics option, N MQM segments (each its own document) are scored one call per
segment ("alone"), all in one call ("together") and in reverse order; the table gives the
largest |score difference| and flag changes between those, the largest difference from
today's default (int8, batches of 32 windows, scored together), and the speed on
``speed-n`` segments in their documents. Options:

* ``int8 batch``: today's default, dynamic int8 with activation scales per model call;
* ``int8 window``: the same, one window per model call (scales then depend on that window only);
* ``fp32 batch`` / ``fp32 window``: no quantisation.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time

import mtqe
from mtqe.detector import Detector
from mtqe.types import Segment

OPTIONS = {"int8 batch": (True, 32), "int8 window": (True, 1), "fp32 batch": (False, 32),
           "fp32 window": (False, 1)}


def read(path: str, n: int, keep_docs: bool) -> list[Segment]:
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            out.append(Segment(id=str(len(out)), target=row["target"],
                               doc=row.get("doc") if keep_docs else None))
            if len(out) >= n:
                break
    return out


def detector(quantize: bool, batch_size: int) -> Detector:
    det = mtqe.load(quantize=quantize)
    det._model.batch_size = batch_size  # the scorer's windows per model call
    return det


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/dev/mqm_zhen_2021.jsonl.gz")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--speed-n", type=int, default=600)
    args = ap.parse_args()
    segs = read(args.data, args.n, keep_docs=False)
    timed = read(args.data, args.speed_n, keep_docs=True)
    base = None
    print(f"{len(segs)} segments alone/together/reversed; speed on {len(timed)} in their documents\n")
    print("| numerics | max \\|Δ\\| alone vs together | flags changed | max \\|Δ\\| reversed | "
          "flags changed | max \\|Δ\\| vs today | flags vs today | segments/s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, (quantize, bs) in OPTIONS.items():
        det = detector(quantize, bs)
        together = det.check_segments(segs)
        alone = [det.check_segments([s])[0] for s in segs]
        rev = det.check_segments(segs[::-1])[::-1]
        base = base or together
        det.check_segments(timed[:50])  # warm
        t = time.perf_counter()
        det.check_segments(timed)
        speed = len(timed) / (time.perf_counter() - t)
        print(f"| {name} | {_d(alone, together)} | {_f(alone, together)} | {_d(rev, together)} | "
              f"{_f(rev, together)} | {_d(together, base)} | {_f(together, base)} | {speed:.0f} |",
              flush=True)


def _d(a: list, b: list) -> str:
    return f"{max(abs(x.score - y.score) for x, y in zip(a, b, strict=True)):.4g}"


def _f(a: list, b: list) -> int:
    return sum(x.flag != y.flag for x, y in zip(a, b, strict=True))


if __name__ == "__main__":
    main()
