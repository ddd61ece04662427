from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import mtqe
from mtqe.detector import Detector

FIXTURES = Path(__file__).parent / "fixtures"
# Tests of the checks, the API and the CLI contract pin the rules-only model folder: its
# behaviour is deterministic and needs no torch. The shipped default is tested end to end
# in test_shipped.py.
CHECKS_MODEL = Path(__file__).parent.parent / "models" / "checks-v1"


@pytest.fixture(scope="session", autouse=True)
def _private_graph_cache() -> Iterator[None]:
    """The compiled-model cache (mtqe.compiled) in a fresh directory: the suite exports the
    graph itself, as a first run on a new machine does, and leaves the user's cache alone.
    Set in the environment so that CLI subprocesses share it."""
    path = tempfile.mkdtemp(prefix="mtqe-cache-")
    old = os.environ.get("MTQE_CACHE_DIR")
    os.environ["MTQE_CACHE_DIR"] = path
    yield
    if old is None:
        del os.environ["MTQE_CACHE_DIR"]
    else:
        os.environ["MTQE_CACHE_DIR"] = old
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def detector() -> Detector:
    return mtqe.load(CHECKS_MODEL)


@pytest.fixture(autouse=True)
def _pin_checks_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MTQE_MODEL", str(CHECKS_MODEL))


@pytest.fixture
def article_path() -> Path:
    return FIXTURES / "article.txt"


@pytest.fixture
def source_folder(tmp_path: Path) -> Callable[[dict[str, float]], Path]:
    """Writes, in ``tmp_path``, the default folder with its fusions set by hand: target-only a
    flat prior, the source fusion the target logit plus ``weights``, an identity map, the
    cross-lingual similarity switched on; returns the folder."""
    from mtqe.artifact import save_artifact
    from mtqe.fusion import Fusion

    def make(weights: dict[str, float]) -> Path:
        art = mtqe.load().artifact
        art.fusion = Fusion(weights={"log_words": 0.0}, bias=-2.0)
        art.source_fusion = Fusion(weights={"target_logit": 1.0, **weights}, bias=0.0)
        art.source_calibration = {"kind": "platt", "a": 1.0, "b": 0.0}
        art.source_similarity = True
        save_artifact(art, tmp_path, "test")
        return tmp_path

    return make
