"""Smoke test on the seed article (a real garbled MT): the flags an editor needs, and no
flags on the clean lines. The library knows nothing of this article's names."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtqe.detector import Detector

SEED = Path(__file__).parents[2] / "seeds" / "000_4d4a1b028e6d6d4a.txt"
# From ../shared/seeds/NOTES.md: lines the checks must flag, and lines that are clean.
MUST_FLAG = {1, 3, 7, 11, 14, 20}
CLEAN = {4, 5, 6, 8, 10, 12, 13, 16, 17, 18, 19, 21}


@pytest.mark.slow
def test_seed_article(detector: Detector) -> None:
    text = SEED.read_text(encoding="utf-8")
    report = detector.check(text)
    flagged_lines = {text.count("\n", 0, s.start) + 1 for s in report.sentences if s.flag != "ok"}
    assert flagged_lines >= MUST_FLAG, f"missed {sorted(MUST_FLAG - flagged_lines)}"
    assert not flagged_lines & CLEAN, f"false flags on {sorted(flagged_lines & CLEAN)}"
