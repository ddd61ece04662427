from __future__ import annotations

from pathlib import Path

import pytest

import mtqe
from mtqe.detector import Detector

FIXTURES = Path(__file__).parent / "fixtures"
# Tests of the checks, the API and the CLI contract pin the rules-only model folder: its
# behaviour is deterministic and needs no torch. The shipped default is tested end to end
# in test_shipped.py.
CHECKS_MODEL = Path(__file__).parent.parent / "models" / "checks-v1"


@pytest.fixture(scope="session")
def detector() -> Detector:
    return mtqe.load(CHECKS_MODEL)


@pytest.fixture(autouse=True)
def _pin_checks_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MTQE_MODEL", str(CHECKS_MODEL))


@pytest.fixture
def article_path() -> Path:
    return FIXTURES / "article.txt"
