"""Screen a cross-lingual meaning estimator on data it was not trained on, against the frozen
USE cosine, before it goes near the fusion.

    python bench/meaning_screen.py runs/meaning-v1/meaning.safetensors [--data ../shared/data/dev]

Prints, for the estimator's raw logit and for the frozen cosine (negated: higher = worse):
MQM zh-en 2021 same-source pairwise accuracy (all pairs whose MQM differs; major vs none),
Spearman and AUROC; WMT22 QE zh-en Spearman; WMT22 DA X→en, the dev part no training run reads
(``mtqe.training.meaning.is_da_dev``), Spearman per language pair and their mean; CED pt-en,
the held-out half, AUROC. Pooled token features are cached in runs/meaning-screen-cache.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mtqe.evaluation.devdata import DevSegment, load_dev
from mtqe.evaluation.metrics import auroc, spearman
from mtqe.evaluation.pairwise import pairwise_accuracy
from mtqe.source import use
from mtqe.source.meaning import MeaningModel
from mtqe.training.fit import source_halves
from mtqe.training.meaning import is_da_dev, pool_texts


def figures(segs: list[DevSegment], scores: np.ndarray, kind: str) -> dict[str, float]:
    sc = [float(x) for x in scores]
    out: dict[str, float] = {}
    if kind == "mqm":
        pw = pairwise_accuracy(segs, sc)
        out |= {"pairwise": pw["accuracy"], "major_pairwise": pw["major_accuracy"]}
    if kind in ("mqm", "qe"):
        out["spearman"] = spearman(sc, [s.gold for s in segs])
    if kind in ("mqm", "ced"):
        out["auroc"] = auroc([s.bad for s in segs], sc)
    if kind == "da":
        by: dict[str, list[int]] = defaultdict(list)
        for i, s in enumerate(segs):
            by[s.extra["lang_pair"]].append(i)
        per = {lp: spearman([sc[i] for i in ix], [segs[i].gold for i in ix]) for lp, ix in sorted(by.items())}
        out |= {f"spearman_{lp}": v for lp, v in per.items()}
        out["spearman_mean"] = float(np.mean(list(per.values())))
        out["pairwise"] = pairwise_accuracy(segs, sc)["accuracy"]
    return {k: round(v, 4) for k, v in out.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("model", nargs="*", help="meaning.safetensors files")
    ap.add_argument("--data", default="../shared/data/dev")
    ap.add_argument("--cache", default="runs/meaning-screen-cache")
    args = ap.parse_args()
    d = Path(args.data)
    sets = {
        "mqm2021": (load_dev(d / "mqm_zhen_2021.jsonl.gz"), "mqm"),
        "qe": (load_dev(d / "wmt22_qe_zhen.jsonl"), "qe"),
        "da_dev": ([s for s in load_dev(d / "wmt22_da_xx_en.jsonl.gz") if is_da_dev(s)], "da"),
        "ced_heldout": (source_halves(load_dev(d / "wmt22_ced_pten_dev.jsonl"))[1], "ced"),
    }
    texts = [t for segs, _ in sets.values() for s in segs for t in (s.source or "", s.target)]
    backend = use.load_backend()
    frozen = use.frozen_weights(backend)
    pool, roots, index = pool_texts(texts, Path(args.cache or tempfile.mkdtemp()), backend)
    pool = pool.astype(np.float32)
    models = {"frozen cosine": None} | {m: MeaningModel.load_file(m) for m in args.model}
    rows = {}
    for name, model in models.items():
        rows[name] = {}
        for set_name, (segs, kind) in sets.items():
            si = np.array([index[s.source or ""] for s in segs])
            ti = np.array([index[s.target] for s in segs])
            if model is None:
                e_s = use.sentence(frozen, pool[si], roots[si])
                e_t = use.sentence(frozen, pool[ti], roots[ti])
                scores = -np.einsum("ij,ij->i", e_s, e_t)
            else:
                scores = model.logits(model.embed(pool[si], roots[si]), model.embed(pool[ti], roots[ti]))
            rows[name][set_name] = figures(segs, scores, kind)
        print(json.dumps({name: rows[name]}), flush=True)


if __name__ == "__main__":
    main()
