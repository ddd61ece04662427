"""The HTTP service: FastAPI's test client against the Python API and the CLI on the same
input, the error contract, feedback in SQLite, and the real server over loopback."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed")
import httpx
from fastapi.testclient import TestClient

import mtqe
from mtqe.cli import main
from mtqe.service.app import create_app
from mtqe.service.batching import Batcher

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_4d4a1b028e6d6d4a.txt"
CHECKS_MODEL = ROOT / "models" / "checks-v1"
XLIFF12 = ROOT / "tests" / "fixtures" / "xliff" / "article-1.2.xlf"
DRIFT = "🙂 Minister Vorobyov arrived in Lisbon. 🙂🙂 Then Vorobyev said the talks went well."


@pytest.fixture(scope="module")
def client(detector: mtqe.Detector, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("service") / "feedback.sqlite3"
    return TestClient(create_app(detector, db), raise_server_exceptions=False)


def _feedback_rows(db: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT text, flag_shown, verdict FROM feedback ORDER BY id").fetchall()


def test_health_gives_the_signature(client: TestClient, detector: mtqe.Detector) -> None:
    r = client.get("/v1/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "signature": detector.signature}


def test_check_equals_the_python_api_on_the_seed(client: TestClient, detector: mtqe.Detector) -> None:
    text = SEED.read_text(encoding="utf-8")
    r = client.post("/v1/check", json={"text": text})
    assert r.status_code == 200
    expected = detector.check(text).to_dict()
    assert r.json() == expected
    assert any(s["flag"] != "ok" for s in expected["sentences"])


def test_check_mode_and_source_match_the_api(client: TestClient) -> None:
    text, source = "The minister arrived on 3 May.", "O ministro chegou a 5 de maio."
    r = client.post("/v1/check", json={"text": text, "source": source, "src_lang": "pt",
                                       "mode": "sensitive"})
    det = mtqe.load(CHECKS_MODEL, mode="sensitive")
    assert r.json() == det.check(text, source=source, src_lang="pt").to_dict()


def test_offsets_are_code_points(client: TestClient) -> None:
    report = client.post("/v1/check", json={"text": DRIFT}).json()
    for s in report["sentences"]:
        assert DRIFT[s["start"]:s["end"]] == s["text"]
    spans = [(s["text"], sp) for s in report["sentences"] for sp in s["spans"]]
    assert spans, "the drifting name is flagged"
    assert all(text[sp["start"]:sp["end"]] == "Vorobyev" for text, sp in spans)
    schema = client.get("/openapi.json").json()["components"]["schemas"]
    assert "Unicode code points" in schema["SpanOut"]["properties"]["start"]["description"]


def test_segments_equal_the_cli_jsonl(client: TestClient, tmp_path: Path) -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    segs = [{"id": f"s{i}", "doc": "seed", "target": t} for i, t in enumerate(lines)]
    segs += [{"id": "alone", "doc": None, "target": "Kim met Shoigu.", "source": None, "src_lang": None}]
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    inp.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in segs), encoding="utf-8")
    assert main(["check", "--model", str(CHECKS_MODEL), "--jsonl", str(inp), "--output", str(out)]) == 0
    r = client.post("/v1/segments", json=segs)
    assert r.status_code == 200
    assert r.json() == [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("path, body, where", [
    ("/v1/check", b'{"text": "unterminated', "malformed JSON"),
    ("/v1/check", b'{"source": "x"}', "text"),
    ("/v1/check", b'{"text": 5}', "text"),
    ("/v1/check", b'{"text": "x", "mode": "loud"}', "mode"),
    ("/v1/segments", b'[{"id": "1", ', "malformed JSON"),
    ("/v1/segments", b'{"id": "1", "target": "x"}', "JSON array"),
    ("/v1/segments", b'[{"id": "1"}]', "segment 0: missing required field 'target'"),
    ("/v1/segments", b'[{"id": "1", "target": "x", "doc": 3}]', "'doc'"),
    ("/v1/feedback", b'{"signature": "s", "text": "t", "flag_shown": "ok", "verdict": "meh"}', "verdict"),
])
def test_bad_requests_get_422_in_one_line(client: TestClient, path: str, body: bytes, where: str) -> None:
    r = client.post(path, content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail and where in detail
    assert "Traceback" not in r.text


def test_body_limit_and_token(detector: mtqe.Detector, tmp_path: Path) -> None:
    app = create_app(detector, tmp_path / "fb.sqlite3", token="s3cret", max_body=1000)
    c = TestClient(app, raise_server_exceptions=False)
    ok = {"Authorization": "Bearer s3cret"}
    assert c.get("/v1/health").status_code == 200  # a probe needs no token
    assert c.post("/v1/check", json={"text": "Hello."}).status_code == 401
    assert c.post("/v1/check", json={"text": "Hello."},
                  headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert c.post("/v1/check", json={"text": "Hello."}, headers=ok).status_code == 200
    big = c.post("/v1/check", json={"text": "x" * 2000}, headers=ok)
    assert big.status_code == 413 and "limit" in big.json()["detail"]

    def chunks():  # no Content-Length: the limit is counted as the body arrives
        yield b'{"text": "'
        yield b"x" * 2000
        yield b'"}'

    assert c.post("/v1/check", content=chunks(), headers=ok).status_code == 413


def test_unencodable_text_is_a_422(client: TestClient) -> None:
    body = b'{"text": "a \\udc80 b"}'  # JSON's escape for a lone surrogate
    r = client.post("/v1/check", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and "surrogate" in r.json()["detail"]


def test_a_crash_is_a_500_without_traceback(client: TestClient) -> None:
    batcher = client.app.state.batcher

    class Broken:
        def check(self, *args: object, **kwargs: object) -> None:
            raise RuntimeError("boom\nTraceback (most recent call last): secret")

    real = batcher._by_mode[None]
    batcher._by_mode[None] = Broken()
    try:
        r = client.post("/v1/check", json={"text": "Hello."})
    finally:
        batcher._by_mode[None] = real
    assert r.status_code == 500
    assert "Traceback" not in r.text and "secret" not in r.text


def test_feedback_lands_in_sqlite_and_exports_for_eval(detector: mtqe.Detector, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "feedback.sqlite3"
    c = TestClient(create_app(detector, db))
    sig = detector.signature
    votes = [("Then Vorobyev said the talks went well.", "review", "error"),
             ("Kim met Shoigu.", "review", "false_alarm"),
             ("The North Quaran leader vowed.", "ok", "missed")]
    for text, shown, verdict in votes:
        r = c.post("/v1/feedback", json={"signature": sig, "text": text, "flag_shown": shown,
                                         "verdict": verdict, "note": None})
        assert r.status_code == 201
    assert _feedback_rows(db) == votes
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # a new app on the same file (a restart) keeps what was there and adds to it
    again = TestClient(create_app(detector, db))
    again.post("/v1/feedback", json={"signature": sig, "text": "Kim met Shoigu.", "flag_shown": "review",
                                     "verdict": "error", "note": "on second thought"})
    assert len(_feedback_rows(db)) == 4
    out = tmp_path / "feedback.jsonl"
    assert main(["feedback", "export", "--db", str(db), "--output", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    # one record per sentence, the editor's latest word
    assert {r["target"]: r["label"] for r in records} == {
        votes[0][0]: "BAD", "Kim met Shoigu.": "BAD", votes[2][0]: "BAD"}
    capsys.readouterr()
    assert main(["eval", "--model", str(CHECKS_MODEL), "--data", str(out), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["segments"] == 3


def test_xliff_endpoint_equals_the_module(client: TestClient, detector: mtqe.Detector) -> None:
    from mtqe.xliff import annotate

    data = XLIFF12.read_bytes()
    r = client.post("/v1/xliff", content=data, headers={"Content-Type": "application/xliff+xml"})
    assert r.status_code == 200
    assert r.content == annotate(data, detector)
    bad = client.post("/v1/xliff", content=b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    assert bad.status_code == 422 and "DOCTYPE" in bad.json()["detail"]


def test_combined_batches_split_back_per_request(detector: mtqe.Detector) -> None:
    """What ``--batch`` does with segment requests that arrive together: one detector call,
    each request's documents kept apart (rules-only model: the results must equal one call
    per request exactly); an article in between is scored alone."""
    batcher = Batcher(detector)
    batcher.combine = True  # a rules-only model would not combine by itself
    seed = SEED.read_text(encoding="utf-8")
    segs = [mtqe.Segment(str(i), t, "seed") for i, t in enumerate(seed.splitlines()[:6])]
    more = [mtqe.Segment("x", "Vorobyov spoke.", "seed"), mtqe.Segment("y", "Kim met Shoigu.")]

    async def together() -> list[object]:
        return await asyncio.gather(
            batcher.check(DRIFT, None, None, None),
            batcher.segments(segs, None),
            batcher.check(seed, None, None, None),
            batcher.segments(more, None),
            batcher.segments(segs[:2], "sensitive"))

    got = asyncio.run(together())
    assert max(batcher.batches) > 1  # some requests were in fact scored together
    assert got[0].to_dict() == detector.check(DRIFT).to_dict()
    assert got[1] == detector.check_segments(segs)
    assert got[2].to_dict() == detector.check(seed).to_dict()
    # a request's "seed" document is not the other request's "seed" document
    assert got[3] == detector.check_segments(more)
    assert got[4] == mtqe.load(CHECKS_MODEL, mode="sensitive").check_segments(segs[:2])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(port: int, db: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "mtqe", "serve", "--port", str(port), "--model", str(CHECKS_MODEL),
           "--feedback-db", str(db)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env={**os.environ, "MTQE_TOKEN": ""})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"mtqe serve exited: {proc.stdout.read().decode() if proc.stdout else ''}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError("mtqe serve did not answer /v1/health in 120 s")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def test_real_server_over_loopback(detector: mtqe.Detector, tmp_path: Path) -> None:
    db, port = tmp_path / "feedback.sqlite3", _free_port()
    base = f"http://127.0.0.1:{port}"
    text = SEED.read_text(encoding="utf-8")
    proc = _start(port, db)
    try:
        assert httpx.get(f"{base}/v1/health").json()["signature"] == detector.signature
        report = httpx.post(f"{base}/v1/check", json={"text": text}, timeout=60).json()
        flagged = [s["id"] for s in report["sentences"] if s["flag"] != "ok"]
        assert flagged == [s.id for s in detector.check(text).flagged]
        page = httpx.get(f"{base}/")
        assert page.status_code == 200 and "review.js" in page.text
        s = report["sentences"][int(flagged[0])]
        r = httpx.post(f"{base}/v1/feedback", json={"signature": report["signature"], "text": s["text"],
                                                    "flag_shown": s["flag"], "verdict": "error"})
        assert r.status_code == 201
    finally:
        _stop(proc)
    proc = _start(port, db)  # a restart: the verdict is still there, and more can be added
    try:
        assert _feedback_rows(db) == [(s["text"], s["flag"], "error")]
        r = httpx.post(f"{base}/v1/feedback", json={"signature": report["signature"], "text": "x",
                                                    "flag_shown": "ok", "verdict": "missed"})
        assert r.status_code == 201
    finally:
        _stop(proc)
    assert len(_feedback_rows(db)) == 2


def test_check_imports_no_web_stack(tmp_path: Path) -> None:
    """``mtqe check`` (XLIFF included) never imports fastapi or uvicorn."""
    out = tmp_path / "out.xlf"
    code = ("import sys; from mtqe.cli import main; "
            f"rc = main(['check', '--model', {str(CHECKS_MODEL)!r}, '--xliff', {str(XLIFF12)!r}, "
            f"'--output', {str(out)!r}]); "
            "print(rc, 'fastapi' in sys.modules, 'uvicorn' in sys.modules)")
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert res.stdout.split() == ["0", "False", "False"]
    assert b"locQualityRatingScore" in out.read_bytes()
