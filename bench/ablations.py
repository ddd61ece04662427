"""Model-card ablations on data the model never saw, all variants on the same segments.

Variants: the shipped folder; each segment read alone (no document context); the case
embedding zeroed at inference; fp32 and dynamic int8 quantisation; the fusion refitted without the
document-check features (and without the checks' own flags). Prints a markdown table; asserts nothing.

Usage: .venv/bin/python bench/ablations.py --model models/news-v1 \
           --data ../shared/data/dev/mqm_zhen_2021.jsonl.gz --sample 3000 \
           --calib ../shared/data/dev/mqm_zhen_2020.jsonl.gz
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

import mtqe
from mtqe.artifact import load_qe_model
from mtqe.detector import Detector
from mtqe.evaluation.devdata import load_dev, sample_documents
from mtqe.evaluation.evaluate import evaluate
from mtqe.model.scorer import ModelScorer
from mtqe.training.workflows import calibrate_model


def row(name: str, res: dict) -> str:
    f = res["flags_review"]
    return (f"| {name} | {res['auroc']:.3f} | {res['average_precision']:.3f} | "
            f"{res.get('spearman', float('nan')):.3f} | {f['mcc']:.3f} |")


def refit(model: Path, calib: str, tmp: Path, name: str) -> Path:
    out = tmp / name
    shutil.copytree(model, out)
    cfg = json.loads((out / "config.json").read_text())
    cfg["pipeline"]["checks"] = []
    (out / "config.json").write_text(json.dumps(cfg))
    calibrate_model(out, calib)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=str(mtqe.default_model_path()))
    ap.add_argument("--data", required=True)
    ap.add_argument("--calib", required=True, help="dev file the fusion is refitted on (MQM 2020)")
    ap.add_argument("--sample", type=int, default=3000)
    args = ap.parse_args()
    segs = sample_documents(load_dev(args.data), args.sample)
    alone = [replace(s, doc=None) for s in segs]
    print(f"{len(segs)} segments of {args.data}; model {args.model}\n")
    print("| variant | AUROC | AP | Spearman | MCC (review flags) |\n| --- | --- | --- | --- | --- |")
    det = mtqe.load(args.model)
    print(row("shipped folder as configured", evaluate(det, segs, with_checks=False)),
          flush=True)
    print(row("no document context", evaluate(det, alone, with_checks=False)), flush=True)
    for q in (False, True):
        print(row(f"{'int8 dynamic quantisation' if q else 'fp32'}",
                  evaluate(mtqe.load(args.model, quantize=q), segs, with_checks=False)), flush=True)
    # an ablation reaches inside on purpose: the torch model (the runtime's graph is fixed)
    model, tokenizer = load_qe_model(det.artifact)
    if model.case is not None:
        model.case.weight.data.zero_()
        zeroed = Detector(det.artifact, det.thresholds, scorer=ModelScorer(model, tokenizer))
        print(row("case embedding zeroed", evaluate(zeroed, segs, with_checks=False)), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = refit(Path(args.model), args.calib, Path(tmp), "no_checks")
        print(row("fusion without check features", evaluate(mtqe.load(folder), segs, with_checks=False)),
              flush=True)


if __name__ == "__main__":
    main()
