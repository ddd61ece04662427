"""Throughput of the batch contract locally and on a local Ray instance with 1 and 2 actors.

    .venv/bin/python bench/ray_throughput.py [--data ../shared/data/dev/mqm_zhen_2021.jsonl.gz]
        [--n 2000] [--model DIR]

Writes N MQM segments (whole documents) as contract JSONL, runs ``run_jsonl`` with each
engine, and prints seconds, segments/s and whether the output equals the local run's bytes.
Ray's own start-up (a few seconds) and each actor's model load are included, as a user
would see them. On 2 shared cores more than 2 actors only compete for the same cores.
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
import time
from pathlib import Path

import mtqe
from mtqe.batch import run_jsonl
from mtqe.scale import ray_engine


def write_input(src: str, n: int, out: Path) -> int:
    opener = gzip.open if src.endswith(".gz") else open
    k = 0
    with opener(src, "rt", encoding="utf-8") as f, open(out, "w", encoding="utf-8") as g:
        for line in f:
            row = json.loads(line)
            g.write(json.dumps({"id": str(row.get("id", k)), "doc": row.get("doc"),
                                "target": row["target"]}) + "\n")
            k += 1
            if k >= n:
                break
    return k


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/dev/mqm_zhen_2021.jsonl.gz")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--model", default=None)
    args = ap.parse_args()
    det = mtqe.load(args.model)
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in.jsonl"
        n = write_input(args.data, args.n, inp)
        runs = [("local", None), ("ray, 1 actor", 1), ("ray, 2 actors", 2)]
        ref = None
        print(f"{n} segments, {det.signature}")
        print("| engine | seconds | segments/s | same bytes as local |\n| --- | --- | --- | --- |")
        for name, actors in runs:
            out = Path(tmp) / f"out-{actors}.jsonl"
            t = time.perf_counter()
            engine = None if actors is None else ray_engine(det, actors=actors)
            run_jsonl(det, str(inp), str(out), engine=engine)
            dt = time.perf_counter() - t
            data = out.read_bytes()
            ref = ref if ref is not None else data
            print(f"| {name} | {dt:.1f} | {n / dt:.0f} | {data == ref} |", flush=True)


if __name__ == "__main__":
    main()
