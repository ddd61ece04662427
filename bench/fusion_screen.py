"""Screen fusion variants of one model folder on the dev bars, scoring each sentence once.

The model's evidence does not depend on the fusion, so one pass over the MQM 2020 selection
slice (fit), MQM zh-en 2021 (same-source pairwise accuracy, AUROC), WMT22 QE zh-en
(Spearman) and 400 human references with three harmless edits (invariance, as
`../shared/tools/dev_bars.py` builds them, and a fourth it does not: all capitals, as wire
headlines are) serves every variant: the shipped fusion as is, a
plain refit, and refits that leave inputs out. ``--zero-case`` zeroes the case embedding.

    .venv/bin/python bench/fusion_screen.py --model models/news-v1 [--zero-case] [--out F.json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

DEV = Path("../shared/data/dev")
EDITS = {
    "lower": str.lower,
    "upper": str.upper,
    "tokenized": lambda t: re.sub(r"\s*([,.!?;:\"“”])\s*", r" \1 ", t).strip(),
    "no_final_stop": lambda t: t.rstrip().rstrip(".!?"),
}
VARIANTS = {
    "shipped fusion": None,
    "refit (plain)": ("log_len",),
    "refit -log_words -log_names (+log_len)": ("log_words", "log_names"),
    "refit -log_words (+log_len)": ("log_words",),
    "refit model+checks only": ("log_words", "log_names", "log_len"),
}


def references(n: int = 400, seed: int = 0) -> list[str]:
    with open(DEV / "wmt22_parallel_xx_en.jsonl", encoding="utf-8") as f:
        refs = [p["reference"] for line in f for p in json.loads(line)["pairs"]
                if len(p["reference"].split()) > 6]
    random.Random(seed).shuffle(refs)
    return refs[:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="models/news-v1")
    ap.add_argument("--zero-case", action="store_true")
    ap.add_argument("--own-fusion-only", action="store_true",
                    help="score with the folder's fusion alone (no MQM 2020 pass, no refits)")
    ap.add_argument("--int8", action="store_true", help="dynamic int8 whatever the folder says "
                    "(the numerics of the screens before the fp32 default)")
    ap.add_argument("--out")
    args = ap.parse_args()
    import mtqe
    from mtqe.evaluation.devdata import load_dev
    from mtqe.evaluation.metrics import auroc, spearman
    from mtqe.evaluation.pairwise import pairwise_accuracy
    from mtqe.scoring import score
    from mtqe.training.calibration import prior_shift
    from mtqe.training.fit import DEPLOYMENT_PRIOR, _halves, collect, fit_scores
    from mtqe.training.workflows import selection_slice

    t0 = time.time()
    det = mtqe.load(args.model, quantize=True if args.int8 else None)
    if args.zero_case:  # the torch model, whose case embedding can be zeroed
        from mtqe.artifact import load_qe_model
        from mtqe.detector import Detector
        from mtqe.model.scorer import ModelScorer

        model, tokenizer = load_qe_model(det.artifact)
        if model.case is not None:
            model.case.weight.data.zero_()
        det = Detector(det.artifact, det.thresholds, scorer=ModelScorer(model, tokenizer))
    variants = {"own fusion": None} if args.own_fusion_only else VARIANTS
    fit = [] if args.own_fusion_only else selection_slice(load_dev(DEV / "mqm_zhen_2020.jsonl.gz"), 5000)
    m21 = load_dev(DEV / "mqm_zhen_2021.jsonl.gz")
    qe = [replace(s, doc=None) for s in load_dev(DEV / "wmt22_qe_zhen.jsonl")]
    refs = references()
    ev = {s.id: e for s, e in zip(fit, collect(det, fit) if fit else [], strict=True)}
    ev21 = collect(det, m21)
    evqe = collect(det, qe)
    inv_texts = {"orig": refs, **{k: [f(t) for t in refs] for k, f in EDITS.items()}}
    evinv = {k: [d[0] for d in det.evidence([[t] for t in v])] for k, v in inv_texts.items()}
    print(f"scored in {time.time() - t0:.0f} s", file=sys.stderr)
    results = {"model_alone_pairwise": pairwise_accuracy(m21, [e.ms.prob for e in ev21])}
    fit_part, cal_part = _halves(fit) if fit else ([], [])
    rate = sum(s.bad for s in fit) / max(1, len(fit))
    for name, drop in variants.items():
        art = det.artifact
        if drop is not None:
            art, cmap = fit_scores(det.artifact, ev, fit_part, cal_part, drop=drop)
            art = replace(art, calibration=prior_shift(cmap, rate, DEPLOYMENT_PRIOR))
        s21 = [score(art, e, s.target)[0] for s, e in zip(m21, ev21, strict=True)]
        sqe = [score(art, e, s.target)[0] for s, e in zip(qe, evqe, strict=True)]
        inv = {k: [score(art, e, t)[0] for e, t in zip(evinv[k], inv_texts[k], strict=True)]
               for k in inv_texts}
        row = {"pairwise": pairwise_accuracy(m21, s21), "auroc_2021": auroc([s.bad for s in m21], s21),
               "qe_spearman": spearman(sqe, [s.gold for s in qe]),  # type: ignore[misc]
               "fusion": art.fusion.to_dict() if art.fusion else None}
        for k in EDITS:
            pairs = list(zip(inv["orig"], inv[k], strict=True))
            row[f"inv_{k}"] = (statistics.mean(1.0 if e > b else 0.5 if e == b else 0.0 for b, e in pairs),
                               statistics.mean(abs(e - b) for b, e in pairs))
        results[name] = row
        pw = row["pairwise"]
        print(f"{name}: pairwise {pw['accuracy']:.3f} major {pw['major_accuracy']:.3f} "
              f"AUROC {row['auroc_2021']:.3f} QE {row['qe_spearman']:.3f} "
              + " ".join(f"{k} {row[f'inv_{k}'][0]:.2f}/{row[f'inv_{k}'][1]:.3f}" for k in EDITS))
    ma = results["model_alone_pairwise"]
    print(f"model alone: pairwise {ma['accuracy']:.3f} major {ma['major_accuracy']:.3f} "
          f"length {ma['length_accuracy']:.3f}")
    if args.out:
        Path(args.out).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
