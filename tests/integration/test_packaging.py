"""The wheel carries everything `mtqe check` reads at run time, so a non-editable install works
from any folder: the shipped model folder, the language profiles and the package data."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                           "-q", "-w", str(out), str(REPO)], capture_output=True, text=True, timeout=600,
                          check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    (path,) = out.glob("mtqe-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_ships_the_model_and_the_data(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    model = REPO / "mtqe" / "models" / "news-v1"
    for f in model.iterdir():
        assert f"mtqe/models/news-v1/{f.name}" in names
    profiles = sorted((REPO / "mtqe" / "lang" / "profiles").glob("*.json"))
    assert profiles and all(f"mtqe/lang/profiles/{p.name}" in names for p in profiles)
    data = [p for p in (REPO / "mtqe" / "data").iterdir() if p.is_file()]
    assert data and all(f"mtqe/data/{p.name}" in names for p in data)


def test_wheel_leaves_training_data_and_tests_out(wheel: zipfile.ZipFile) -> None:
    names = wheel.namelist()
    assert not any(n.startswith(("tests/", "bench/", "runs/", "seeds/")) for n in names)


def test_default_model_is_package_data(monkeypatch: pytest.MonkeyPatch) -> None:
    import mtqe

    monkeypatch.delenv("MTQE_MODEL", raising=False)
    path = mtqe.default_model_path()
    assert path.is_relative_to(Path(mtqe.__file__).parent) and (path / "config.json").is_file()
