"""Corruption twins: does a model score the corrupted sentence above its clean original, read
in the same document? Per corruption family, on the validation split of an `mtqe corrupt`
folder; for the detector's score and for the model's own probability.

A family held out of training (issue 23's generalisation test) is read off its row.

    .venv/bin/python bench/twin_accuracy.py --data runs/corpus-wrongsense-eval --model DIR ...
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path


def twins(data: str) -> list[tuple[str, list[str], list[str], int]]:
    """(family, corrupted document, clean document, sentence index) per corrupted sentence."""
    out = []
    with open(Path(data) / "documents.jsonl", encoding="utf-8") as f:
        for rec in map(json.loads, f):
            if rec["split"] != "validation":
                continue
            for i, orig in enumerate(rec["originals"]):
                if orig is not None and rec["labels"][i]:
                    clean = list(rec["sentences"])
                    clean[i] = orig
                    out.append((rec["categories"][i], rec["sentences"], clean, i))
    return out


def accuracy(model: str, pairs: list[tuple[str, list[str], list[str], int]]) -> dict[str, dict[str, float]]:
    import mtqe
    from mtqe.scoring import score

    det = mtqe.load(model)
    docs = [d for _, bad, clean, _ in pairs for d in (bad, clean)]
    ev = det.evidence(docs)
    hits: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for k, (fam, bad, clean, i) in enumerate(pairs):
        eb, ec = ev[2 * k][i], ev[2 * k + 1][i]
        sb, sc = score(det.artifact, eb, bad[i])[0], score(det.artifact, ec, clean[i])[0]
        h = (1.0 if sb > sc else 0.5 if sb == sc else 0.0,
             1.0 if eb.ms.prob > ec.ms.prob else 0.5 if eb.ms.prob == ec.ms.prob else 0.0)
        hits[fam].append(h)
        hits["all"].append(h)
    return {f: {"n": len(v), "score": sum(a for a, _ in v) / len(v), "model": sum(b for _, b in v) / len(v)}
            for f, v in sorted(hits.items())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="folder written by `mtqe corrupt`")
    ap.add_argument("--model", nargs="+", default=["models/news-v1"])
    ap.add_argument("--max", type=int, default=150, help="twins scored (each reads its whole document)")
    args = ap.parse_args()
    pairs = twins(args.data)[:args.max]
    for m in args.model:
        for fam, r in accuracy(m, pairs).items():
            print(f"{m}\t{fam}\tn={r['n']}\tscore {r['score']:.3f}\tmodel {r['model']:.3f}")


if __name__ == "__main__":
    main()
