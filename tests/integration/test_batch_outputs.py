"""Issue 26, the real CLI in a subprocess: XLIFF output replaced atomically like a JSONL
batch's, and a JSONL document whose sources are not its targets' warned about on stderr."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import mtqe
from mtqe.batch import partial_paths
from mtqe.jsonl import result_line
from mtqe.xliff import ITS, annotate, parse

ROOT = Path(__file__).parents[2]
CHECKS = ROOT / "models" / "checks-v1"
XLIFF = ROOT / "tests" / "fixtures" / "xliff" / "article-1.2.xlf"
# The number engine's invented pairs: real translations, four to a document below.
PAIRS = ROOT / "tests" / "fixtures" / "numbers_parallel.tsv"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """``mtqe ARGS`` with the rules-only model unless ARGS name another; a fixed hash seed
    so that two runs can be compared byte for byte."""
    model = [] if "--model" in args else ["--model", str(CHECKS)]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    return subprocess.run([sys.executable, "-m", "mtqe", *args[:1], *model, *args[1:]], check=False,
                          capture_output=True, text=True, timeout=300, env=env)


def one_line(stderr: str) -> bool:
    return stderr.count("\n") == 1 and "Traceback" not in stderr


@pytest.fixture
def job(tmp_path: Path) -> Path:
    inp = tmp_path / "job.xlf"
    shutil.copy(XLIFF, inp)
    return inp


def test_xliff_success_writes_valid_xliff_over_an_earlier_output(job: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlf"
    out.write_bytes(b"earlier output")
    r = run("check", "--xliff", str(job), "--output", str(out))
    assert r.returncode == 0, r.stderr
    tree = parse(out.read_bytes())
    assert tree.getroot().get(f"{{{ITS}}}version") == "2.0"
    assert out.read_bytes() == annotate(job.read_bytes(), mtqe.load(CHECKS))
    assert not any(p.exists() for p in partial_paths(out))


def _broken_model(tmp_path: Path) -> Path:
    d = tmp_path / "broken"
    shutil.copytree(CHECKS, d)
    with open(d / "calibration.json", "a", encoding="utf-8") as f:
        f.write(" ")  # one byte: its SHA-256 no longer matches meta.json
    return d


@pytest.mark.parametrize("fault", ["broken_model", "malformed_input"])
def test_xliff_failure_leaves_the_earlier_output(job: Path, tmp_path: Path, fault: str) -> None:
    out = tmp_path / "out.xlf"
    out.write_bytes(b"earlier output")
    extra: list[str] = []
    if fault == "broken_model":
        extra = ["--model", str(_broken_model(tmp_path))]
    else:
        job.write_bytes(job.read_bytes()[:-40])  # cut off mid-element
    r = run("check", "--xliff", str(job), "--output", str(out), *extra)
    assert r.returncode == 2 and one_line(r.stderr), r.stderr
    assert out.read_bytes() == b"earlier output"
    assert not any(p.exists() for p in partial_paths(out))


@pytest.mark.parametrize("link", ["same", "symlink", "hardlink"])
def test_xliff_output_that_is_the_input_is_refused(job: Path, tmp_path: Path, link: str) -> None:
    before = job.read_bytes()
    out = tmp_path / "out.xlf"
    if link == "same":
        out = job
    elif link == "symlink":
        out.symlink_to(job)
    else:
        os.link(job, out)
    r = run("check", "--xliff", str(job), "--output", str(out))
    assert r.returncode == 2 and one_line(r.stderr) and "the output is the input" in r.stderr
    assert job.read_bytes() == before


def _pairs() -> list[tuple[str, str]]:
    rows = [line.split("\t") for line in PAIRS.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return [(source, target) for lang, source, target in rows if lang == "pt"]


def _batch(tmp_path: Path) -> Path:
    """d1: four real pairs; d2: four targets given the sources of four other sentences."""
    p = _pairs()
    lines = [{"id": f"d1-{k}", "doc": "d1", "source": s, "target": t} for k, (s, t) in enumerate(p[:4])]
    lines += [{"id": f"d2-{k}", "doc": "d2", "source": s, "target": t}
              for k, ((s, _), (_, t)) in enumerate(zip(p[8:12], p[4:8], strict=True))]
    lines.append({"id": "solo", "doc": None, "source": "", "target": "A sentence on its own."})
    inp = tmp_path / "in.jsonl"
    inp.write_text("".join(json.dumps({**x, "src_lang": "pt"}, ensure_ascii=False) + "\n" for x in lines),
                   encoding="utf-8")
    return inp


def test_jsonl_document_with_another_documents_sources_is_warned(tmp_path: Path) -> None:
    inp, out = _batch(tmp_path), tmp_path / "out.jsonl"
    to_file = run("check", "--jsonl", str(inp), "--output", str(out), "--quiet")
    to_stdout = run("check", "--jsonl", str(inp))
    for r in (to_file, to_stdout):
        assert r.returncode == 0, r.stderr
        assert r.stderr.startswith('mtqe: warning: doc "d2" (lines 5-8): the sources do not fit')
        assert one_line(r.stderr)  # nothing about d1 or the standalone line
    # the output contract is untouched: what the API gives for the same segments
    segments = [json.loads(line) for line in inp.read_text(encoding="utf-8").splitlines()]
    expected = "".join(result_line(x) + "\n" for x in mtqe.load(CHECKS).check_segments(segments))
    assert out.read_text(encoding="utf-8") == to_stdout.stdout == expected
