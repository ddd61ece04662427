"""Pairs for a ranking objective: two versions of one sentence, the worse must score higher.

A pointwise label lets a model learn which *sentences* are hard (long, many names, news about
places) instead of which *translation* is wrong. Inside a pair length, names and topic
cancel, so only error evidence lowers a pair's loss. Three kinds:

- MQM same-source pairs: two systems' translations of one source whose MQM differs,
  weighted by the difference (each in its own system's document);
- corruption twins: one sentence clean and corrupted, in the same document context;
- harmless edits (``equal``): the same sentence lower-cased, tokenised, with other quotes,
  without its final stop or with wire-style abbreviations, which must score the same.
"""

from __future__ import annotations

import itertools
import random
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .train import Example


@dataclass
class Pair:
    """``worse`` should score above ``better``; with ``equal`` both should score the same."""

    worse: Example
    better: Example
    weight: float = 1.0
    equal: bool = False
    kind: str = ""


_ABBREV = [(r"\bpercent\b", "pct"), (r"\bper cent\b", "pct"), (r"\bmillion\b", "mln"),
           (r"\bbillion\b", "bln"), (r"\bGovernment\b", "Govt"), (r"\bCorporation\b", "Corp"),
           (r"\bCompany\b", "Co"), (r"\bJanuary\b", "Jan"), (r"\bFebruary\b", "Feb"),
           (r"\bSeptember\b", "Sept"), (r"\bDecember\b", "Dec"), (r"\bNovember\b", "Nov")]


def _quotes(t: str) -> str:
    if '"' in t:
        out, opened = [], False
        for ch in t:
            if ch == '"':
                out.append("”" if opened else "“")
                opened = not opened
            else:
                out.append(ch)
        return "".join(out)
    return t.replace("“", '"').replace("”", '"').replace("’", "'")


def _wire(t: str) -> str:
    for pat, rep in _ABBREV:
        t = re.sub(pat, rep, t)
    return t


# Edits a careful editor lets stand; each must leave the score where it was.
HARMLESS: dict[str, Callable[[str], str]] = {
    "lower": str.lower,
    "tokenized": lambda t: re.sub(r"\s*([,.!?;:\"“”])\s*", r" \1 ", t).strip(),
    "no_final_stop": lambda t: t.rstrip().rstrip(".!?"),
    "quotes": _quotes,
    "wire": _wire,
}


def mqm_pairs(segs: Sequence[Any], rng: random.Random, max_per_source: int = 12,
              min_diff: float = 1.0) -> list[Pair]:
    """Same-source pairs of MQM segments (``DevSegment``s of several systems, in document
    order) whose MQM differs by at least ``min_diff``; weight ``min(diff, 10) / 5``, so a
    major error against none weighs about 1. At most ``max_per_source`` pairs a source."""
    docs: dict[str, list[Any]] = defaultdict(list)
    for s in segs:
        docs[s.doc or s.id].append(s)
    example: dict[str, Example] = {}
    for group in docs.values():
        sents = [s.target for s in group]
        for i, s in enumerate(group):
            spans = [[a, b] for a, b, sev in s.errors if sev == "major"]
            example[s.id] = Example(sents, i, spans, 1.0 if s.bad else 0.0)
    sources: dict[Any, list[Any]] = defaultdict(list)
    for s in segs:
        sources[((s.doc or "").split("|", 1)[-1], s.extra.get("seg_id"))].append(s)
    out = []
    for members in sources.values():
        cand = [(a, b) for a, b in itertools.combinations(members, 2)
                if a.gold is not None and b.gold is not None and abs(a.gold - b.gold) >= min_diff]
        rng.shuffle(cand)
        for a, b in cand[:max_per_source]:
            w, o = (a, b) if a.gold > b.gold else (b, a)
            out.append(Pair(example[w.id], example[o.id], min(w.gold - o.gold, 10.0) / 5, kind="mqm"))
    return out


def twin_pairs(records: Iterable[dict[str, Any]], hold_out: Sequence[str] = ()) -> list[Pair]:
    """Clean/corrupted twins (and clean/benign-edited pairs, ``equal``) from the records of
    ``mtqe corrupt``: the original sentence put back into the same document. Corruptions
    whose family (name before ".v") is in ``hold_out`` are left out."""
    out = []
    for rec in records:
        for i, orig in enumerate(rec["originals"]):
            cat = rec["categories"][i]
            if orig is None or cat.split(".")[0] in hold_out:
                continue
            clean = list(rec["sentences"])
            clean[i] = orig
            made = Example(rec["sentences"], i, rec["spans"][i], float(rec["labels"][i]))
            base = Example(clean, i, [], 0.0)
            out.append(Pair(made, base, 1.0, equal=not rec["labels"][i], kind=cat))
    return out


def harmless_pairs(examples: Sequence[Example], rng: random.Random, n: int,
                   standalone: float = 0.3) -> list[Pair]:
    """``n`` pairs of a sentence and a harmless edit of it (``HARMLESS``), in its document or
    (share ``standalone``) alone, as a sentence checked without context."""
    out: list[Pair] = []
    names = sorted(HARMLESS)
    for _ in range(20 * n):
        if len(out) >= n:
            break
        ex = rng.choice(examples)
        kind = rng.choice(names)
        edited = HARMLESS[kind](ex.sentences[ex.i])
        if edited == ex.sentences[ex.i]:
            continue
        if rng.random() < standalone:
            a, b = Example([ex.sentences[ex.i]], 0, [], ex.label), Example([edited], 0, [], ex.label)
        else:
            sents = list(ex.sentences)
            sents[ex.i] = edited
            a, b = ex, Example(sents, ex.i, [], ex.label)
        out.append(Pair(b, a, 1.0, equal=True, kind=kind))
    return out


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m mtqe.training.pairs --config configs/pairwise-v1.json [--resume | --export-only]``."""
    import argparse
    import json

    from .workflows import export_pairs, finetune_pairs

    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("--config", required=True)
    ap.add_argument("--resume", action="store_true", help="go on from run_dir/seed-N/last")
    ap.add_argument("--export-only", action="store_true",
                    help="write the candidate from run_dir/seed-N/best (a run stopped by hand)")
    args = ap.parse_args(argv)
    if args.export_only:
        export_pairs(args.config)
        return
    print(json.dumps(finetune_pairs(args.config, resume=args.resume), indent=1, default=str))


if __name__ == "__main__":
    main()
