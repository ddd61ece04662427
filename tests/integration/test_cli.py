"""The CLI, run as a real command: the report, the frozen JSONL contract, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def mtqe(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    # MTQE_MODEL (pinned to the rules-only folder by conftest) is inherited by the child.
    proc = subprocess.run([sys.executable, "-m", "mtqe", *args], input=stdin, check=False,
                          capture_output=True, timeout=300)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(),
                                       proc.stderr.decode())


def test_text_report(article_path: Path) -> None:
    r = mtqe("check", str(article_path))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[2].split()[1] in ("review", "error") and "[[Dragonov]]" in lines[2]
    assert "\033[" not in r.stdout  # no colour when not a TTY
    assert "5 sentences:" in lines[-1] and "model:checks-v1" in lines[-1]


def test_json_report_and_stdin(article_path: Path) -> None:
    r = mtqe("check", "-", "--format", "json", stdin=article_path.read_bytes())
    d = json.loads(r.stdout)
    assert len(d["sentences"]) == 5 and d["signature"].startswith("model:")


def test_fail_on_gate(article_path: Path) -> None:
    assert mtqe("check", str(article_path), "--fail-on", "review").returncode == 1
    assert mtqe("check", str(article_path), "--fail-on", "error", "--error-at", "0.999").returncode == 0


def _write_jsonl(path: Path, n: int) -> list[str]:
    ids = []
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            doc = None if i % 7 == 0 else f"doc{i // 10}"
            target = (f"Minister Tomas Veller{'' if i % 10 else 'r'} spoke on day {i}."
                      if doc else f"Line {i} stands alone.")
            ids.append(f"seg-{i}")
            f.write(json.dumps({"id": ids[-1], "doc": doc, "target": target, "source": None,
                                "src_lang": None}) + "\n")
    return ids


def test_jsonl_round_trip_10000(tmp_path: Path) -> None:
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    ids = _write_jsonl(inp, 10_000)
    r = mtqe("check", "--jsonl", str(inp), "--output", str(out))
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == ids
    for row in rows[:50]:
        assert set(row) == {"id", "score", "flag", "spans", "categories", "reasons"}
        assert row["flag"] in ("ok", "review", "error")
        for sp in row["spans"]:
            assert {"start", "end", "category"} <= set(sp)
    assert any(row["flag"] != "ok" for row in rows)  # the drifted "Vellerr" lines


BAD_INPUT = [
    (b'{"id": "a", "target": "Fine."}\n\xff\xfe\n', 2, "not UTF-8"),
    (b'{"id": "a", "target": "Fine."}\n{"id": "b", "target": \n', 2, "malformed JSON"),
    (b'{"id": "a", "target": "Fine."}\n{"id": "b", "doc": null}\n', 2, "missing required field 'target'"),
    (b'{"id": "a", "target": "Fine."}\n\n', 2, "empty line"),
    (b'["a", "b"]\n', 1, "expected a JSON object"),
    (b'{"id": "a", "target": 5}\n', 1, "field 'target'"),
]


@pytest.mark.parametrize(("data", "line", "message"), BAD_INPUT)
def test_bad_input_exits_2_with_one_line(tmp_path: Path, data: bytes, line: int, message: str) -> None:
    inp, out = tmp_path / "bad.jsonl", tmp_path / "out.jsonl"
    inp.write_bytes(data)
    r = mtqe("check", "--jsonl", str(inp), "--output", str(out))
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert f"{inp}:{line}:" in r.stderr and message in r.stderr
    assert not out.exists()  # validated before anything is written


def test_bad_input_on_stdin_names_the_line() -> None:
    r = mtqe("check", "--jsonl", "-", stdin=b'{"id": "a", "target": "Ok."}\n{oops\n')
    assert r.returncode == 2 and "-:2: malformed JSON" in r.stderr


@pytest.mark.parametrize("args", [
    ["check", "/no/such/file.txt"],
    ["check"],
    ["check", "--review-at", "0.9", "--error-at", "0.1", "x"],
    ["check", "--model", "/no/such/model", "x"],
])
def test_usage_errors_exit_2(args: list[str]) -> None:
    r = mtqe(*args)
    assert r.returncode == 2 and r.stderr.startswith("mtqe") and "Traceback" not in r.stderr


def test_non_utf8_article(tmp_path: Path) -> None:
    p = tmp_path / "latin1.txt"
    p.write_bytes("Caf\xe9 owners met.\nThey left.".encode("latin-1"))
    r = mtqe("check", str(p))
    assert r.returncode == 2 and f"{p}:1: not UTF-8" in r.stderr


def test_eval_on_an_mqm_file(tmp_path: Path) -> None:
    data = Path(__file__).parents[1] / "fixtures" / "mqm_tiny.jsonl"
    r = mtqe("eval", "--data", str(data), "--format", "json", "--plots", str(tmp_path))
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout)
    assert res["segments"] == 12 and res["positives"] == 4
    # two of the four major errors are drifted names the rules flag, no clean segment is: the
    # ranking must be better than chance
    assert res["auroc"] > 0.6
    assert res["checks"]["name_drift"]["flags"] == 2 and res["checks"]["name_drift"]["precision"] == 1.0
    assert all(Path(p).exists() for p in res["plots"])
    md = mtqe("eval", "--data", str(data))
    assert "| auroc |" in md.stdout and "name_drift" in md.stdout


def test_corrupt_and_preview(tmp_path: Path) -> None:
    corpus = Path(__file__).parents[1] / "fixtures" / "corpus.jsonl"
    r = mtqe("corrupt", "--corpus", str(corpus), "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    stats = json.loads(r.stdout)
    assert sum(v for k, v in stats.items() if k.endswith(":sentences")) == 2 * 15  # two passes
    p = mtqe("preview", "--data", str(tmp_path), "-n", "2")
    assert p.returncode == 0 and p.stdout.count("corrupted:") == 2


def test_calibrate_source_fits_a_pair_of_its_own(tmp_path: Path) -> None:
    """``mtqe calibrate --source`` writes the source-aware pair next to the target-only ones,
    which it leaves as they were."""
    import shutil

    from mtqe import default_model_path

    model = tmp_path / "m"
    shutil.copytree(default_model_path(), model)
    before = json.loads((model / "calibration.json").read_text())["thresholds"]
    # a critical-error file of invented pairs: every fourth translation changes the figure
    data = tmp_path / "ced.jsonl"
    with data.open("w") as f:
        for i in range(80):
            n, m = 10 + i, (10 + i) * (3 if i % 4 == 0 else 1)
            f.write(json.dumps({"id": i, "source": f"O ministro Vokolov disse que {n} casas arderam.",
                                "target": f"Minister Vokolov said {m} houses burned.",
                                "label": "BAD" if i % 4 == 0 else "OK"}) + "\n")
    r = mtqe("calibrate", "--source", "--no-similarity", "--model", str(model), "--data", str(data))
    assert r.returncode == 0, r.stderr
    after = json.loads((model / "calibration.json").read_text())["thresholds"]
    assert {k: v for k, v in after.items() if k != "source"} == \
        {k: v for k, v in before.items() if k != "source"}
    src = after["source"]
    assert 0.0 <= src["review"] <= src["error"] <= 1.0
    assert json.loads(r.stdout)["thresholds"] == src


def test_calibrate_says_when_the_dev_data_is_too_small(tmp_path: Path) -> None:
    import shutil

    from mtqe import default_model_path

    model = tmp_path / "m"
    shutil.copytree(default_model_path(), model)
    data = tmp_path / "ced.jsonl"
    pair = {"id": 0, "source": "Dez casas.", "target": "Ten houses.", "label": "OK"}
    data.write_text(json.dumps(pair) + "\n")
    r = mtqe("calibrate", "--source", "--no-similarity", "--model", str(model), "--data", str(data))
    assert r.returncode == 2 and "too few dev documents" in r.stderr
