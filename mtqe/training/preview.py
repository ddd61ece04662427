"""`mtqe preview`: corrupted sentences side by side with their clean originals."""

from __future__ import annotations

import json
import random
from pathlib import Path

_ON, _OFF = "\033[1;31m", "\033[0m"


def _mark(text: str, spans: list[list[int]], colour: bool) -> str:
    out, pos = [], 0
    for a, b in sorted(spans):
        if a < pos:
            continue
        piece = text[a:b]
        out += [text[pos:a], f"{_ON}{piece}{_OFF}" if colour else f"[[{piece}]]"]
        pos = b
    return "".join(out) + text[pos:]


def preview(data: str | Path, n: int = 10, seed: int = 0, colour: bool = False) -> str:
    """N random changed sentences (errors and benign edits) of a corruption data set."""
    from .corrupt import DOCUMENTS

    items = []
    with open(Path(data) / DOCUMENTS, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            for i, orig in enumerate(rec["originals"]):
                if orig is not None:
                    items.append((rec["names"][i], orig, rec["sentences"][i], rec["spans"][i]))
    rng = random.Random(seed)
    lines = []
    for name, orig, new, spans in rng.sample(items, min(n, len(items))):
        lines += [f"## {name}", f"  clean:     {orig}", f"  corrupted: {_mark(new, spans, colour)}", ""]
    return "\n".join(lines)
