"""Save and load a model folder: JSON (and, for trained models, safetensors) only, never pickle."""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ModelError, ModelNotFoundError
from .fusion import Fusion
from .scoring import CombinerConfig
from .thresholds import Thresholds

CONFIG = "config.json"
CALIBRATION = "calibration.json"
META = "meta.json"
WEIGHTS = "model.safetensors"
CARD = "README.md"
FORMAT_VERSION = 1
# meta.json's record of every file in the folder: {file name: SHA-256 hex}. meta.json cannot
# hash itself, and the model card is documentation that others edit: neither is recorded.
DIGESTS = "sha256"
UNHASHED = frozenset({META, CARD})


@dataclass
class ModelArtifact:
    """Everything a model folder holds that the detector needs at run time."""

    name: str
    checks: list[str]
    combiner: CombinerConfig
    thresholds: Thresholds
    calibration_version: int = 1
    meta: dict[str, Any] = field(default_factory=dict)
    model: dict[str, Any] | None = None  # ModelConfig as a dict; None = checks only
    fusion: Fusion | None = None  # learned fusion; None = the noisy-OR combiner
    calibration: dict[str, Any] = field(default_factory=dict)  # score map, see calibrate.py
    source_fusion: Fusion | None = None  # stacked on the fusion when a source is given
    source_calibration: dict[str, Any] = field(default_factory=dict)  # its score map
    token_threshold: float = 0.5
    quantize: bool = False  # run the neural model with dynamic int8 quantisation by default
    source_similarity: bool = False  # compute cross-lingual similarity for the source fusion
    path: Path | None = None


def load_artifact(path: str | Path, verify: bool = True) -> ModelArtifact:
    """Read a model folder written by ``save_artifact``.

    With ``verify`` (the default) every file must match its SHA-256 in ``meta.json`` first;
    any mismatch, missing file or malformed field raises ``ModelError`` naming the file."""
    path = Path(path)
    if not (path / CONFIG).is_file():
        raise ModelNotFoundError(f"{path} is not an mtqe model folder (no {CONFIG})")
    if verify:
        problems = verify_folder(path)
        if problems:
            more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
            raise ModelError(problems[0] + more)
    config = _read(path / CONFIG)
    if config.get("format_version") != FORMAT_VERSION:
        raise ModelError(f"{path / CONFIG}: unsupported format_version {config.get('format_version')}")
    calib = _read(path / CALIBRATION) if (path / CALIBRATION).is_file() else {}
    meta = _read(path / META) if (path / META).is_file() else {}
    try:
        art = _artifact(path, config, calib, meta)
    except ModelError:
        raise
    except (KeyError, TypeError, ValueError) as e:
        what = f"missing field {e}" if isinstance(e, KeyError) else str(e)
        raise ModelError(f"{path / CONFIG}: {what}") from None
    _check_numbers(art, path)
    return art


def _artifact(path: Path, config: dict[str, Any], calib: dict[str, Any],
              meta: dict[str, Any]) -> ModelArtifact:
    comb = config["pipeline"]["combiner"]
    fusion = config["pipeline"].get("fusion")
    sf = config["pipeline"].get("source_fusion")
    # A map may be {} (identity: scores used as the fusion gives them) but must be written down:
    # a folder whose map went missing would otherwise score on an uncalibrated scale.
    if fusion and "map" not in calib:
        raise ModelError(f"{path / CALIBRATION}: the folder has a fusion but no calibration 'map'")
    if sf and "source_map" not in calib:
        raise ModelError(f"{path / CALIBRATION}: the folder has a source fusion but no 'source_map'")
    return ModelArtifact(
        name=config["name"],
        checks=list(config["pipeline"]["checks"]),
        combiner=CombinerConfig(prior=comb["prior"], weights=dict(comb.get("weights", {}))),
        thresholds=Thresholds.from_dict(calib.get("thresholds", {"review": 0.5, "error": 0.8})),
        calibration_version=int(calib.get("version", 1)),
        meta=meta,
        model=config.get("model"),
        fusion=Fusion.from_dict(fusion) if fusion else None,
        calibration=calib.get("map", {}),
        source_fusion=Fusion.from_dict(sf) if sf else None,
        source_calibration=calib.get("source_map", {}),
        token_threshold=float(config["pipeline"].get("token_threshold", 0.5)),
        quantize=bool(config["pipeline"].get("quantize", False)),
        source_similarity=bool(config["pipeline"].get("source_similarity", False)),
        path=path,
    )


def _check_numbers(art: ModelArtifact, path: Path) -> None:
    """Every number the scoring reads is finite: a NaN weight would score every sentence NaN."""
    named: list[tuple[str, Any]] = [("combiner prior", art.combiner.prior),
                                    ("token_threshold", art.token_threshold)]
    for label, fusion in (("fusion", art.fusion), ("source_fusion", art.source_fusion)):
        if fusion is not None:
            named += [(f"{label} bias", fusion.bias)]
            named += [(f"{label} weight {k}", v) for k, v in fusion.weights.items()]
    for label, cmap in (("map", art.calibration), ("source_map", art.source_calibration)):
        named += [(f"{label} {k}", v) for k, v in cmap.items() if k != "kind"]
    for label, value in named:
        values = value if isinstance(value, list) else [value]
        if not all(isinstance(v, (int, float)) and math.isfinite(v) for v in values):
            raise ModelError(f"{path}: {label} is not a finite number")


def file_digests(path: str | Path) -> dict[str, str]:
    """SHA-256 of every file of a model folder but ``meta.json`` and the card (``UNHASHED``)
    and hidden files, by file name."""
    path = Path(path)
    out = {}
    for p in sorted(path.iterdir()):
        if p.is_file() and p.name not in UNHASHED and not p.name.startswith("."):
            h = hashlib.sha256()
            with open(p, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    h.update(block)
            out[p.name] = h.hexdigest()
    return out


def write_digests(path: str | Path) -> dict[str, str]:
    """Record the folder's current ``file_digests`` in its ``meta.json`` (after training,
    calibration, or a deliberate edit); returns them."""
    path = Path(path)
    meta = _read(path / META) if (path / META).is_file() else {}
    meta[DIGESTS] = file_digests(path)
    _write(path / META, meta)
    return meta[DIGESTS]


def verify_folder(path: str | Path) -> list[str]:
    """What is wrong with a model folder's files against ``meta.json``'s record, one line
    each naming the file; empty when every file is as recorded. (Tensors are checked when
    the model loads: ``load_qe_model``.)"""
    path = Path(path)
    if not (path / META).is_file():
        return [f"{path / META}: missing (it records the folder's SHA-256 digests)"]
    try:
        recorded = _read(path / META).get(DIGESTS)
    except ModelError as e:
        return [str(e)]
    if not isinstance(recorded, dict) or not recorded:
        return [f"{path / META}: no '{DIGESTS}' record of the folder's files "
                f"(`mtqe model verify --write {path}` records a trusted folder)"]
    actual = file_digests(path)
    problems = [f"{path / name}: missing (recorded in {META})" for name in recorded if name not in actual]
    problems += [f"{path / name}: SHA-256 does not match {META} (the file was changed or damaged)"
                 for name, digest in recorded.items() if name in actual and actual[name] != digest]
    problems += [f"{path / name}: not recorded in {META}" for name in actual if name not in recorded]
    needed = [CONFIG, CALIBRATION]
    try:
        if _read(path / CONFIG).get("model") is not None:
            needed.append(WEIGHTS)
    except ModelError as e:
        problems.append(str(e))
    problems += [f"{path / name}: missing (the model needs it)" for name in needed
                 if name not in recorded and name not in actual]
    return problems


def save_artifact(art: ModelArtifact, path: str | Path, version: str) -> None:
    """Write ``config.json``, ``calibration.json`` and ``meta.json`` (the card is written by hand)."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    config = {
        "format_version": FORMAT_VERSION,
        "mtqe_version": version,
        "name": art.name,
        "pipeline": {
            "checks": art.checks,
            "combiner": {"prior": art.combiner.prior, "weights": art.combiner.weights},
            "fusion": art.fusion.to_dict() if art.fusion else None,
            "source_fusion": art.source_fusion.to_dict() if art.source_fusion else None,
            "token_threshold": art.token_threshold,
            "quantize": art.quantize,
            "source_similarity": art.source_similarity,
        },
        "model": art.model,
    }
    _write(path / CONFIG, config)
    calibration = {"version": art.calibration_version, "thresholds": art.thresholds.to_dict(),
                   "map": art.calibration}
    if art.source_calibration or art.source_fusion is not None:
        calibration["source_map"] = art.source_calibration
    _write(path / CALIBRATION, calibration)
    _write(path / META, {k: v for k, v in art.meta.items() if k != DIGESTS})
    write_digests(path)  # last: the weights are written before this call, the card after


def _read(p: Path) -> dict[str, Any]:
    try:
        with open(p, encoding="utf-8") as f:
            obj = json.load(f)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ModelError(f"{p}: not valid JSON ({e})") from None
    if not isinstance(obj, dict):
        raise ModelError(f"{p}: expected a JSON object")
    return obj


def _write(p: Path, obj: dict[str, Any]) -> None:
    with open(p, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=2, ensure_ascii=False, sort_keys=False)
        f.write("\n")


def load_qe_model(art: ModelArtifact, trainable: bool = False) -> tuple[Any, Any]:
    """The QE model and tokenizer of a model folder: the pip-installed base encoder plus the
    folder's safetensors delta (trained layers and heads). Imports torch only when needed.

    By default the encoder is ``mtqe.encoder``'s plain-torch BERT, which starts two seconds
    sooner than transformers' and computes the same; ``trainable`` gives transformers' model
    and tokenizer instead (dropout included), for a second training stage."""

    from .model.qe import ModelConfig, QEModel

    if art.model is None or art.path is None:
        raise ModelError("this model folder has no neural model")
    cfg = ModelConfig(**art.model)
    base = base_model_dir(cfg.base_package)
    if trainable:
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # a report on stdout/stderr is not the place for it
        encoder, tokenizer = AutoModel.from_pretrained(base), AutoTokenizer.from_pretrained(base)
    else:
        from .model.encoder import BertEncoder, EncoderConfig
        from .model.tokenizer import WordPieceTokenizer

        encoder = BertEncoder(EncoderConfig.from_dict(_read(base / "config.json")))
        weights = _load_tensors(base / "model.safetensors")
        encoder.load_state_dict(_expected(weights, encoder.state_dict(), base / "model.safetensors",
                                          extra_ok=True))  # not the pooler: unused
        tokenizer = WordPieceTokenizer.from_file(str(base / "tokenizer.json"))
    model = QEModel(encoder, cfg)
    delta = _load_tensors(art.path / WEIGHTS)
    # Strict: the folder holds exactly the trained tensors, so none is left at its random
    # initial value (the case embedding and heads are not in the base).
    trained = model.trainable_state()
    model.load_state_dict({**model.state_dict(), **_expected(delta, trained, art.path / WEIGHTS)})
    model.eval()
    return model, tokenizer


def base_model_dir(package: str) -> Path:
    """The pip-installed base encoder's folder (config, weights, tokenizer) of ``package``."""
    import importlib

    return Path(importlib.import_module(package).get_model_path())


def _load_tensors(p: Path) -> dict[str, Any]:
    from safetensors.torch import load_file

    try:
        return load_file(str(p))
    except FileNotFoundError:
        raise ModelError(f"{p}: missing") from None
    except Exception as e:  # safetensors raises its own error type (or OSError) on a bad header
        raise ModelError(f"{p}: not a readable safetensors file ({str(e).splitlines()[0][:120]})") from None


def _expected(tensors: dict[str, Any], want: dict[str, Any], where: Path,
              extra_ok: bool = False) -> dict[str, Any]:
    """``tensors`` restricted to the names of ``want``, as float32, after checking that every
    name is there with its shape and finite values (``extra_ok``: other names are allowed)."""
    import torch

    missing = sorted(set(want) - set(tensors))
    if missing:
        raise ModelError(f"{where}: {len(missing)} tensors missing, e.g. {missing[0]}")
    extra = sorted(set(tensors) - set(want))
    if extra and not extra_ok:
        raise ModelError(f"{where}: unexpected tensors, e.g. {extra[0]}")
    out = {}
    for k, ref in want.items():
        t = tensors[k]
        if tuple(t.shape) != tuple(ref.shape):
            raise ModelError(f"{where}: tensor {k} has shape {tuple(t.shape)}, expected {tuple(ref.shape)}")
        t = t.float()
        if not bool(torch.isfinite(t).all()):
            raise ModelError(f"{where}: tensor {k} has non-finite values (NaN or inf)")
        out[k] = t
    return out
