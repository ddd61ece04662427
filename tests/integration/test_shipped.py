"""The shipped default model end to end: loads offline (sockets blocked), scores the seed
article, and keeps the document checks' flags on top of the fused score."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

import mtqe

SEED = Path(__file__).parents[2] / "seeds" / "000_4d4a1b028e6d6d4a.txt"
MUST_FLAG = {1, 3, 7, 11, 14, 20}  # ../shared/seeds/NOTES.md: what the checks must catch
CLEAN = {4, 5, 6, 8, 10, 12, 13, 16, 17, 18, 19, 21}


def _blocked(*args: object, **kwargs: object) -> None:
    raise AssertionError(f"network access attempted: {args!r}")


@pytest.mark.slow
def test_shipped_model_offline_on_the_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MTQE_MODEL")
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
        monkeypatch.setenv(var, "1")
    monkeypatch.setattr(socket.socket, "connect", _blocked)
    monkeypatch.setattr(socket, "create_connection", _blocked)
    monkeypatch.setattr(socket, "getaddrinfo", _blocked)
    det = mtqe.load()
    text = SEED.read_text(encoding="utf-8")
    report = det.check(text)
    assert report.signature.startswith(f"model:{mtqe.DEFAULT_MODEL}|")
    flagged = {text.count("\n", 0, s.start) + 1 for s in report.sentences if s.flag != "ok"}
    assert flagged >= MUST_FLAG, f"missed {sorted(MUST_FLAG - flagged)}"
    assert not flagged & CLEAN, f"false flags on {sorted(flagged & CLEAN)}"
    scores = [s.score for s in report.sentences]
    assert len(set(scores)) > 3  # a real scorer, not a constant
    # batched (whole article) equals one document at a time through check_segments
    segs = [{"id": str(i), "doc": "seed", "target": s.text} for i, s in enumerate(report.sentences)]
    again = det.check_segments(segs)
    assert [r.score for r in again] == pytest.approx(scores, abs=1e-3)
