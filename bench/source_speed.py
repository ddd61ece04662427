"""Source-aware throughput: segments with their sources through ``Detector.check_segments``,
with and without cross-lingual similarity, in one run.

Usage: .venv/bin/python bench/source_speed.py --data ../shared/data/dev/wmt22_ced_pten_dev.jsonl [-n 1000]

Prints figures and asserts nothing. Each segment is a standalone pair (``doc`` null), as the
CED file gives them. Order: without similarity first (which also warms the QE model), then
with it (its first call includes loading the encoder, reported apart), so the two share one
process and one machine state. Peak RSS is the process's, after both.
"""

from __future__ import annotations

import argparse
import resource
import time
from dataclasses import replace

import mtqe
from mtqe.detector import Detector
from mtqe.evaluation.devdata import load_dev


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True, help="a dev file with sources")
    ap.add_argument("-n", type=int, default=1000, help="segments")
    ap.add_argument("--model", help="model folder (default: mtqe.load()'s default)")
    args = ap.parse_args()
    det = mtqe.load(args.model)
    segs = [{"id": s.id, "doc": None, "target": s.target, "source": s.source, "src_lang": s.src_lang}
            for s in load_dev(args.data)[: args.n]]
    plain = Detector(replace(det.artifact, source_similarity=False), det.thresholds, quantize=det.quantize)
    sim = Detector(replace(det.artifact, source_similarity=True), det.thresholds, quantize=det.quantize)
    plain.check_segments(segs[:20])  # model load and warm-up
    t = time.perf_counter()
    plain.check_segments(segs)
    t_plain = time.perf_counter() - t
    rss_plain = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t = time.perf_counter()
    sim.check_segments(segs[:20])
    t_load = time.perf_counter() - t
    t = time.perf_counter()
    sim.check_segments(segs)
    t_sim = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(segs)} segments with sources, {args.data}")
    print(f"without similarity: {len(segs) / t_plain:.1f} segments/s")
    print(f"with similarity:    {len(segs) / t_sim:.1f} segments/s "
          f"(first 20 incl. loading the encoder: {t_load:.2f} s)")
    print(f"peak RSS: {rss_plain:.0f} MiB without similarity, {rss:.0f} MiB after both")


if __name__ == "__main__":
    main()
