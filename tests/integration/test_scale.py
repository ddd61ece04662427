"""``--engine ray``: the batch contract on a local Ray instance gives the local run's bytes."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(importlib.util.find_spec("ray") is None and not os.environ.get("CI"),
                                reason="needs the scale extra (ray[data]); in CI it must be there")


def test_ray_output_is_identical_to_the_local_output(tmp_path: Path) -> None:
    inp = tmp_path / "in.jsonl"
    with open(inp, "w", encoding="utf-8") as f:
        for i in range(2000):
            doc = None if i % 13 == 0 else f"d{i // 40}"  # documents across batch boundaries
            name = "Veller" if i % 9 else "Vellerr"
            f.write(json.dumps({"id": f"s{i}", "doc": doc,
                                "target": f"Minister Tomas {name} spoke on day {i}."}) + "\n")
    outs = {}
    for engine in ("local", "ray"):
        outs[engine] = tmp_path / f"{engine}.jsonl"
        cmd = [sys.executable, "-m", "mtqe", "check", "--jsonl", str(inp), "-o", str(outs[engine]),
               "--engine", engine, "--actors", "2"]
        r = subprocess.run(cmd, capture_output=True, timeout=600, check=False)
        assert r.returncode == 0, r.stderr.decode()[-2000:]
    assert outs["ray"].read_bytes() == outs["local"].read_bytes()
    assert outs["ray"].read_bytes().count(b"\n") == 2000
