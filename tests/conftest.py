from __future__ import annotations

from pathlib import Path

import pytest

import mtqe
from mtqe.detector import Detector

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def detector() -> Detector:
    return mtqe.load()


@pytest.fixture
def article_path() -> Path:
    return FIXTURES / "article.txt"
