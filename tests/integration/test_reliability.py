"""Issue 26: nothing lost, nothing silently wrong, no tracebacks, a model checked before use."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import mtqe
from mtqe import cli
from mtqe.artifact import load_qe_model, write_digests
from mtqe.batch import partial_paths
from mtqe.detector import Detector
from mtqe.errors import EXIT_BROKEN_PIPE, EXIT_INTERNAL, ModelError

ROOT = Path(__file__).parents[2]
SEED = ROOT / "seeds" / "000_4d4a1b028e6d6d4a.txt"
NEWS = ROOT / "models" / "news-v1"


def mtqe_cmd(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "mtqe", *args], input=stdin, check=False,
                          capture_output=True, timeout=300)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def one_line(stderr: str) -> bool:
    return stderr.count("\n") == 1 and "Traceback" not in stderr


def write_input(path: Path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            name = "Veller" if i % 10 else "Vellerr"
            f.write(json.dumps({"id": f"s{i}", "doc": f"d{i // 20}",
                                "target": f"Minister Tomas {name} spoke in Lisbon on day {i}."}) + "\n")


def test_output_that_is_the_input_is_refused(tmp_path: Path) -> None:
    inp = tmp_path / "in.jsonl"
    write_input(inp, 20)
    before = inp.read_bytes()
    r = mtqe_cmd("check", "--jsonl", str(inp), "--output", str(inp))
    assert r.returncode == 2 and one_line(r.stderr) and "the output is the input" in r.stderr
    assert inp.read_bytes() == before


def test_sigkill_then_resume_is_byte_identical(tmp_path: Path) -> None:
    inp, full, out = tmp_path / "in.jsonl", tmp_path / "full.jsonl", tmp_path / "out.jsonl"
    write_input(inp, 12_000)
    assert mtqe_cmd("check", "--jsonl", str(inp), "-o", str(full)).returncode == 0
    out.write_bytes(b"earlier output\n")
    partial, _ = partial_paths(out)
    proc = subprocess.Popen([sys.executable, "-m", "mtqe", "check", "--jsonl", str(inp), "-o", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if partial.exists() and partial.stat().st_size > 0:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert out.read_bytes() == b"earlier output\n"
    assert 0 < partial.stat().st_size < full.stat().st_size
    r = mtqe_cmd("check", "--jsonl", str(inp), "-o", str(out), "--resume")
    assert r.returncode == 0, r.stderr
    assert out.read_bytes() == full.read_bytes()


def test_head_ends_quietly(tmp_path: Path) -> None:
    inp = tmp_path / "in.jsonl"
    write_input(inp, 3000)
    proc = subprocess.Popen([sys.executable, "-m", "mtqe", "check", "--jsonl", str(inp)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # what `| head -1` does
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == EXIT_BROKEN_PIPE and err == b""


@pytest.mark.parametrize("args", [
    ["--source", "x.txt"], ["--src-lang", "pt"],
])
def test_source_options_with_jsonl_are_refused(tmp_path: Path, args: list[str]) -> None:
    inp = tmp_path / "in.jsonl"
    write_input(inp, 2)
    r = mtqe_cmd("check", "--jsonl", str(inp), *args)
    assert r.returncode == 2 and one_line(r.stderr) and "--jsonl" in r.stderr


def test_unknown_src_lang_and_bad_source_on_the_cli(tmp_path: Path) -> None:
    art, src = tmp_path / "a.txt", tmp_path / "empty.txt"
    art.write_text("The minister arrived. He spoke.\n")
    src.write_text("")
    r = mtqe_cmd("check", str(art), "--source", str(src), "--src-lang", "tlh")
    assert r.returncode == 2 and one_line(r.stderr) and "'tlh' is not a known language" in r.stderr
    r = mtqe_cmd("check", str(art), "--source", str(src), "--format", "json")
    assert r.returncode == 0 and "source is empty" in r.stderr
    doc = json.loads(r.stdout)
    assert doc["warnings"] and all(s["flag"] == "ok" for s in doc["sentences"])


def test_internal_error_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                    tmp_path: Path) -> None:
    def boom(args: object) -> int:
        raise RuntimeError("something broke\nsecond line")

    monkeypatch.setattr(cli, "check_cli", boom)
    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    for action in parser._subparsers._group_actions[0].choices.values():  # type: ignore[union-attr]
        if action.prog.endswith("check"):
            action.set_defaults(func=boom)
    assert cli.main(["check", "x"]) == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert one_line(err) and "internal error: RuntimeError: something broke" in err
    with pytest.raises(RuntimeError):
        cli.main(["--debug", "check", "x"])


def test_concurrent_first_calls_load_the_model_once(monkeypatch: pytest.MonkeyPatch) -> None:
    det = mtqe.load(NEWS)
    calls = []

    def slow_load(self: Detector) -> object:
        calls.append(1)
        time.sleep(0.3)
        return object()

    monkeypatch.setattr(Detector, "_load_model", slow_load)
    threads = [threading.Thread(target=lambda: det._model) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1


def test_all_caps_copy_finds_what_normal_copy_finds(detector: Detector) -> None:
    text = SEED.read_text(encoding="utf-8")
    normal = [s.flag != "ok" for s in detector.check(text).sentences]
    upper = detector.check(text.upper())
    assert [s.flag != "ok" for s in upper.sentences] == normal
    assert all(s.text == text.upper()[s.start:s.end] for s in upper.sentences)  # offsets into the input


def test_desk_input_bom_nul_controls_and_a_run_on_line(detector: Detector) -> None:
    run_on = " ".join(f"Minister Vokolov{'f' if i == 700 else ''} met delegate {i},"
                      for i in range(900)) + "."
    text = "\ufeffHeadline\x00 here.\nMinister Vokolov arrived\x07 today.\n" + run_on
    report = detector.check(text)
    first = [s.text for s in report.sentences][:2]
    assert first == ["Headline\x00 here.", "Minister Vokolov arrived\x07 today."]
    last = report.sentences[-1]
    assert last.end == len(text) and last.flag != "ok"  # the drift deep in the run-on line is found
    assert all(len(r) <= 240 for s in report.sentences for r in s.reasons)


# --- model integrity ---------------------------------------------------------------------

def _copy(tmp_path: Path, name: str) -> Path:
    d = tmp_path / name
    shutil.copytree(NEWS, d)
    return d


def _tensors(folder: Path, edit) -> None:
    from safetensors.torch import load_file, save_file

    t = load_file(str(folder / "model.safetensors"))
    edit(t)
    save_file(t, str(folder / "model.safetensors"))


def _nan(t: dict) -> None:
    k = next(k for k in t if k.endswith("bias"))
    t[k] = t[k].clone()
    t[k][0] = float("nan")


def _drop(t: dict) -> None:
    del t[next(k for k in t if "layer.5" in k)]


def _shape(t: dict) -> None:
    k = next(k for k in t if t[k].dim() == 2)
    t[k] = t[k][:-1].contiguous()


def _flip(d: Path) -> None:
    w = d / "model.safetensors"
    w.write_bytes(bytes(b ^ 0xFF if i % 100_000 == 7 else b for i, b in enumerate(w.read_bytes())))


def _truncate(d: Path) -> None:
    w = d / "model.safetensors"
    w.write_bytes(w.read_bytes()[:5000])


FILE_FAULTS = {
    "flipped_bytes": _flip,
    "truncated": _truncate,
    "no_calibration": lambda d: (d / "calibration.json").unlink(),
    "no_map": lambda d: (d / "calibration.json").write_text(json.dumps(
        {k: v for k, v in json.loads((d / "calibration.json").read_text()).items() if k != "map"})),
    "nan_tensor": lambda d: _tensors(d, _nan),
}


@pytest.mark.parametrize("fault", FILE_FAULTS)
def test_changed_files_are_refused_before_scoring(tmp_path: Path, fault: str) -> None:
    d = _copy(tmp_path, fault)
    FILE_FAULTS[fault](d)
    with pytest.raises(ModelError, match=str(d)):
        mtqe.load(d)


TENSOR_FAULTS = {"nan_tensor": (_nan, "non-finite"), "dropped_tensor": (_drop, "tensors missing"),
                 "wrong_shape": (_shape, "has shape")}


@pytest.mark.parametrize("fault", TENSOR_FAULTS)
def test_bad_tensors_are_refused_even_when_rehashed(tmp_path: Path, fault: str) -> None:
    d = _copy(tmp_path, fault)
    edit, message = TENSOR_FAULTS[fault]
    _tensors(d, edit)
    write_digests(d)  # a folder whose record was rewritten after the damage
    with pytest.raises(ModelError, match=message):
        load_qe_model(mtqe.load(d).artifact)


def test_no_map_is_refused_even_when_rehashed(tmp_path: Path) -> None:
    d = _copy(tmp_path, "no_map")
    FILE_FAULTS["no_map"](d)
    write_digests(d)
    with pytest.raises(ModelError, match="no calibration 'map'"):
        mtqe.load(d)


def test_the_card_is_not_part_of_the_integrity_record(tmp_path: Path) -> None:
    d = _copy(tmp_path, "card")
    (d / "README.md").write_text("an edited model card\n")
    assert mtqe.load(d).artifact.name == "news-v1"


def test_cli_model_fault_and_verify(tmp_path: Path) -> None:
    d = _copy(tmp_path, "bad")
    FILE_FAULTS["truncated"](d)
    art = tmp_path / "a.txt"
    art.write_text("Vorobyov came. Vorobyev spoke.\n")
    r = mtqe_cmd("check", str(art), "--model", str(d))
    assert r.returncode == 2 and one_line(r.stderr)
    assert "model.safetensors: SHA-256 does not match" in r.stderr
    r = mtqe_cmd("model", "verify", str(d))
    assert r.returncode == 2 and "model.safetensors" in r.stderr and "Traceback" not in r.stderr
    assert mtqe_cmd("model", "verify", str(NEWS)).returncode == 0


@pytest.mark.slow
@pytest.mark.parametrize("options", [{}, {"quantize": True, "batch_invariant": True}],
                         ids=["default", "int8-one-window-per-call"])
def test_scores_do_not_move_with_their_batch(options: dict) -> None:
    from mtqe.jsonl import result_line
    from mtqe.types import Segment

    det = mtqe.load(NEWS, **options)
    texts = ["Minister Vorobyov arrived in Lisbon on Monday.", "Talks went well, he said.",
             "The two countries signed a comprehensive strategic partnership treaty last June, "
             "agreeing to develop bilateral relations within a framework of strategic partnership.",
             "Shog praised their courage.", "Prices rose 3 percent.", "Kim Jong-un visited Moscow."]
    segs = [Segment(id=str(i), target=t) for i, t in enumerate(texts)]
    together = [result_line(r) for r in det.check_segments(segs)]
    alone = [result_line(det.check_segments([s])[0]) for s in segs]
    reverse = [result_line(r) for r in det.check_segments(segs[::-1])][::-1]
    assert alone == together == reverse


def test_same_bytes_whatever_the_hash_seed(tmp_path: Path) -> None:
    # a code whose source twin is spelled with a Cyrillic letter: the reason once named
    # whichever source code a set yielded first, so it changed with PYTHONHASHSEED
    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "1", "target": "The drink contains vitamins B1, B3 and B6.",
                               "source": "Напиток содержит витамины B1, B3, В6.", "src_lang": "ru"},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    outs = set()
    for seed in ("1", "2", "3", "6"):
        proc = subprocess.run([sys.executable, "-m", "mtqe", "check", "--jsonl", str(inp), "--model",
                               str(ROOT / "models" / "checks-v1")], capture_output=True, check=True,
                              timeout=300, env={**os.environ, "PYTHONHASHSEED": seed})
        outs.add(proc.stdout)
    assert len(outs) == 1
