"""Save and load a model folder: JSON (and, for trained models, safetensors) only, never pickle."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .thresholds import Thresholds
from .scoring import CombinerConfig
from .fusion import Fusion

CONFIG = "config.json"
CALIBRATION = "calibration.json"
META = "meta.json"
CARD = "README.md"
WEIGHTS = "model.safetensors"
FORMAT_VERSION = 1


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


def load_artifact(path: str | Path) -> ModelArtifact:
    """Read a model folder written by ``save_artifact``."""
    path = Path(path)
    if not (path / CONFIG).is_file():
        raise FileNotFoundError(f"{path} is not an mtqe model folder (no {CONFIG})")
    config = _read(path / CONFIG)
    if config.get("format_version") != FORMAT_VERSION:
        raise ValueError(f"{path / CONFIG}: unsupported format_version {config.get('format_version')}")
    calib = _read(path / CALIBRATION) if (path / CALIBRATION).is_file() else {}
    meta = _read(path / META) if (path / META).is_file() else {}
    comb = config["pipeline"]["combiner"]
    fusion = config["pipeline"].get("fusion")
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
        source_fusion=Fusion.from_dict(sf) if (sf := config["pipeline"].get("source_fusion")) else None,
        source_calibration=calib.get("source_map", {}),
        token_threshold=float(config["pipeline"].get("token_threshold", 0.5)),
        quantize=bool(config["pipeline"].get("quantize", False)),
        source_similarity=bool(config["pipeline"].get("source_similarity", False)),
        path=path,
    )


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
    if art.source_calibration:
        calibration["source_map"] = art.source_calibration
    _write(path / CALIBRATION, calibration)
    _write(path / META, art.meta)


def _read(p: Path) -> dict[str, Any]:
    with open(p, encoding="utf-8") as f:
        return json.load(f)


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
    import importlib

    from safetensors.torch import load_file

    from .model.qe import ModelConfig, QEModel

    if art.model is None or art.path is None:
        raise ValueError("this model folder has no neural model")
    cfg = ModelConfig(**art.model)
    base = Path(importlib.import_module(cfg.base_package).get_model_path())
    if trainable:
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # a report on stdout/stderr is not the place for it
        encoder, tokenizer = AutoModel.from_pretrained(base), AutoTokenizer.from_pretrained(base)
    else:
        from .model.encoder import BertEncoder, EncoderConfig, WordPieceTokenizer

        encoder = BertEncoder(EncoderConfig.from_dict(_read(base / "config.json")))
        weights = load_file(str(base / "model.safetensors"))
        ours = encoder.state_dict()
        absent = set(ours) - set(weights)
        if absent:
            raise ValueError(f"{base}: base weights lack {sorted(absent)[:3]}")
        encoder.load_state_dict({k: weights[k] for k in ours})  # not the pooler: unused
        tokenizer = WordPieceTokenizer.from_file(str(base / "tokenizer.json"))
    model = QEModel(encoder, cfg)
    delta = load_file(str(art.path / WEIGHTS))
    missing = set(delta) - set(model.state_dict())
    if missing:
        raise ValueError(f"{art.path / WEIGHTS}: unexpected tensors {sorted(missing)[:3]}")
    model.load_state_dict({k: v.float() for k, v in delta.items()}, strict=False)
    model.eval()
    return model, tokenizer
