"""Load test of `mtqe serve` on loopback: N concurrent clients, each posting M checks of a
25-sentence article; reports errors, p50/p95 latency and requests/s.

    .venv/bin/python bench/load_service.py                  # shipped model, 50 x 20
    .venv/bin/python bench/load_service.py --model models/checks-v1 --clients 10 --requests 5

Every response is compared with the first: the same article must get the same report
whatever else is in flight, and a difference counts as an error.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_4d4a1b028e6d6d4a.txt"
# The seed article has 22 sentences; three more make the 25 of the bench.
EXTRA = ("The talks are due to resume in Geneva next month. Officials from both sides declined to "
         "comment on the prisoner exchange. The foreign ministry said a statement would follow.")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, model: str | None, db: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "mtqe", "serve", "--port", str(port), "--feedback-db", str(db)]
    cmd += ["--model", model] if model else []
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "MTQE_TOKEN": ""})
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"mtqe serve exited with {proc.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("mtqe serve did not come up in 180 s")


async def client(http: httpx.AsyncClient, body: dict[str, str], n: int, reference: str,
                 latencies: list[float], errors: list[str]) -> None:
    for _ in range(n):
        t0 = time.perf_counter()
        try:
            r = await http.post("/v1/check", json=body)
            latencies.append(time.perf_counter() - t0)
            if r.status_code != 200:
                errors.append(f"HTTP {r.status_code}: {r.text[:200]}")
            elif r.text != reference:
                errors.append("a report differs from the first one for the same article")
        except httpx.HTTPError as e:
            errors.append(f"{type(e).__name__}: {e}")


async def run(base: str, clients: int, requests: int) -> dict[str, object]:
    text = SEED.read_text(encoding="utf-8").rstrip("\n") + "\n" + EXTRA + "\n"
    body = {"text": text}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=600, limits=limits) as http:
        first = await http.post("/v1/check", json=body)  # warm-up, and the reference report
        first.raise_for_status()
        n_sent = len(first.json()["sentences"])
        latencies: list[float] = []
        errors: list[str] = []
        t0 = time.perf_counter()
        await asyncio.gather(*(client(http, body, requests, first.text, latencies, errors)
                               for _ in range(clients)))
        wall = time.perf_counter() - t0
    q = statistics.quantiles(latencies, n=100)
    return {"clients": clients, "requests_each": requests, "sentences_per_article": n_sent,
            "requests": clients * requests, "errors": len(errors), "first_errors": errors[:3],
            "wall_s": round(wall, 1), "requests_per_s": round(clients * requests / wall, 2),
            "sentences_per_s": round(clients * requests * n_sent / wall, 1),
            "p50_s": round(q[49], 3), "p95_s": round(q[94], 3), "max_s": round(max(latencies), 3)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", help="model folder (default: the shipped model)")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=20, help="requests per client")
    args = ap.parse_args()
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        proc = start_server(port, args.model, Path(tmp) / "feedback.sqlite3")
        try:
            res = asyncio.run(run(f"http://127.0.0.1:{port}", args.clients, args.requests))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    res.update(model=args.model or "shipped", cpus=os.cpu_count())
    print(json.dumps(res, indent=1))
    return 1 if res["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
