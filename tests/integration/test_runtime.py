"""The runtime model: the ONNX graph scores as the torch model does, and its cache is a
speed-up only (a damaged file is rebuilt; a warm start does not import torch)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("torch")

from mtqe.artifact import load_artifact, load_qe_model
from mtqe.compiled import cache_dir, graph_key, load_runtime_model
from mtqe.model.scorer import ModelScorer

NEWS = Path(__file__).parents[2] / "models" / "news-v1"
DOCS = [["Minister Vokolov arrived in Paris on Monday.", "Vokoloff said talks went well.",
         "The two countries signed a comprehensive strategic partnership treaty last June."],
        ["Prices rose 3 percent.", "Shog praised their courage."]]


def _scores(scorer: ModelScorer) -> list[float]:
    return [s.prob for doc in scorer.score_documents(DOCS) for s in doc] + \
        [t[2] for doc in scorer.score_documents(DOCS) for s in doc for t in s.tokens]


def test_graph_computes_the_torch_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MTQE_CACHE_DIR", str(tmp_path))
    art = load_artifact(NEWS)
    graph = ModelScorer(*load_runtime_model(art))
    model, tokenizer = load_qe_model(art)
    model.config = model.config.serving()  # the runtime reads the serving context budget
    torch_model = ModelScorer(model, tokenizer)
    assert _scores(graph) == pytest.approx(_scores(torch_model), abs=1e-5)
    assert [p.name for p in tmp_path.iterdir()] == [f"news-v1-{graph_key(art, False)}.onnx"]


def test_damaged_cache_is_rebuilt(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MTQE_CACHE_DIR", str(tmp_path))
    art = load_artifact(NEWS)
    before = _scores(ModelScorer(*load_runtime_model(art)))
    path = cache_dir() / f"news-v1-{graph_key(art, False)}.onnx"
    path.write_bytes(path.read_bytes()[:4096])
    assert _scores(ModelScorer(*load_runtime_model(art))) == before
    assert path.stat().st_size > 1_000_000  # written again, whole


def test_unwritable_cache_still_scores(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("MTQE_CACHE_DIR", str(blocker / "cache"))
    scores = _scores(ModelScorer(*load_runtime_model(load_artifact(NEWS))))
    assert len(scores) > 5 and all(0.0 <= p <= 1.0 for p in scores)


def test_warm_start_does_not_import_torch(tmp_path: Path) -> None:
    code = ("import sys, mtqe\n"
            f"d = mtqe.load({str(NEWS)!r})\n"
            "r = d.check('Minister Vokolov arrived in Paris. Vokoloff said talks went well.')\n"
            "assert len(r.sentences) == 2\n"
            "print('torch' in sys.modules)\n")
    env = {**os.environ, "MTQE_CACHE_DIR": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           timeout=300, env=env).stdout.strip() for _ in range(2)]
    assert runs == ["True", "False"]  # the first run exports (torch), the second reads the cache
