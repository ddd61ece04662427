"""Speed of the document checks: a 30-sentence article through all checks, after load.

Prints figures; it asserts nothing (timings on a shared machine are for reading, not gating).
Usage: .venv/bin/python bench/checks_speed.py [ARTICLE]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import mtqe
from mtqe.checks import CHECKS, run_checks
from mtqe.segment import split_sentences

ROOT = Path(__file__).resolve().parent.parent


def thirty_sentences(path: Path) -> list[str]:
    sents = [s.text for s in split_sentences(path.read_text(encoding="utf-8"))]
    return (sents * (30 // len(sents) + 1))[:30]


def timed(fn, repeats: int = 50) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "seeds" / "000_4d4a1b028e6d6d4a.txt"
    t = time.perf_counter()
    det = mtqe.load(ROOT / "models" / "checks-v1")  # the rules alone; bench/throughput.py times the model
    sents = thirty_sentences(path)
    run_checks(sents)  # warm the gazetteer caches: "after load"
    print(f"load + warm-up: {(time.perf_counter() - t) * 1000:.0f} ms")
    for name in CHECKS:
        med, worst = timed(lambda name=name: run_checks(sents, [name]))
        print(f"{name:<18} median {med:6.2f} ms   max {worst:6.2f} ms")
    med, worst = timed(lambda: run_checks(sents))
    print(f"{'all checks':<18} median {med:6.2f} ms   max {worst:6.2f} ms   (target <= 50 ms)")
    text = " ".join(sents)
    med, worst = timed(lambda: det.check(text))
    print(f"{'Detector.check':<18} median {med:6.2f} ms   max {worst:6.2f} ms   "
          "(segmentation + checks + flags)")


if __name__ == "__main__":
    main()
