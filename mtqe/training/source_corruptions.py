"""A synthetic source-aware test: human translations with their English side corrupted.

Real parallel documents (source + human reference) are clean pairs. The corruption engine
changes the English side of some of them (a number, a name, a dropped clause); the source
checks should then fire on the corrupted pairs and stay quiet on the clean ones. Measured
per language pair, so a script the name matching reads badly shows up as its own row.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..categories import RULE, role
from ..source import compare_segment
from .corruptions import REGISTRY, DocContext

# What each corruption should trip: the categories that count as detecting it.
TESTS = {
    "number_change.v1": ("number_mismatch", "number_missing"),
    "entity_swap.v1": ("name_not_in_source", "name_missing"),
    "omission.v1": ("omission", "number_missing", "name_missing"),
}


def read_parallel(path: str | Path) -> Iterator[dict[str, Any]]:
    """Documents of a parallel file: ``{"lang_pair", "doc", "pairs": [{"source", "reference"}]}``."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _flags(source: str, target: str, lang: str, cats: tuple[str, ...], context: str = "") -> bool:
    rep = compare_segment(source, target, lang, context)
    return any(f.category in cats and f.strength > 0 and role(f.category) == RULE for f in rep.findings)


def run(path: str | Path, seed: int = 0, max_docs_per_pair: int | None = None,
        nlp: Any = None) -> dict[str, dict[str, Any]]:
    """Per language pair and test: recall on corrupted pairs and the false-flag rate of the
    same categories on the clean pairs. Each sentence is read with its document's
    translation, as ``Detector`` reads it. ``nlp`` (a spaCy pipeline) lets entity swaps use
    the parse; without it they work from capitalised runs and the gazetteer."""
    seen: dict[str, int] = defaultdict(int)
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))
    for doc in read_parallel(path):
        pair = doc["lang_pair"]
        if max_docs_per_pair is not None and seen[pair] >= max_docs_per_pair:
            continue
        seen[pair] += 1
        lang = pair.split("-")[0]
        refs = [p["reference"] for p in doc["pairs"]]
        ctx = DocContext(refs, nlp)
        doc_text = " ".join(refs)
        for i, p in enumerate(doc["pairs"]):
            if not p["source"].strip() or not p["reference"].strip():
                continue
            for name, cats in TESTS.items():
                c = counts[pair][name]  # [corrupted, detected, clean, false flags]
                c[2] += 1
                c[3] += _flags(p["source"], p["reference"], lang, cats, doc_text)
                rng = random.Random(f"{seed}|{pair}|{doc.get('doc')}|{i}|{name}")
                bad = REGISTRY[name](ctx, i, rng)
                if bad is None or not bad.is_error:
                    continue
                c[0] += 1
                # the document as the desk would have it: this sentence corrupted
                bad_doc = " ".join(refs[:i] + [bad.text] + refs[i + 1:])
                c[1] += _flags(p["source"], bad.text, lang, cats, bad_doc)
    return {pair: {name: {"corrupted": c[0], "recall": c[1] / c[0] if c[0] else float("nan"),
                          "clean": c[2], "false_flags": c[3] / c[2] if c[2] else float("nan")}
                   for name, c in tests.items()}
            for pair, tests in sorted(counts.items())}


def format_markdown(res: dict[str, dict[str, Any]]) -> str:
    lines = ["| pair | test | corrupted | recall | clean | false flags |",
             "| --- | --- | --- | --- | --- | --- |"]
    for pair, tests in res.items():
        for name, m in tests.items():
            lines.append(f"| {pair} | {name} | {m['corrupted']} | {m['recall']:.3f} | {m['clean']} | "
                         f"{m['false_flags']:.2%} |")
    return "\n".join(lines)
