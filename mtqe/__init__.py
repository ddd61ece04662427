"""mtqe: find machine-translation and garble errors in translated English news.

Example:
    >>> import mtqe
    >>> det = mtqe.load()
    >>> for s in det.check(open("article.txt").read()).sentences:
    ...     print(s.flag, s.score, s.text)
"""

from __future__ import annotations

import os
from pathlib import Path

from .artifact import load_artifact
from .detector import Detector
from .errors import InputError, ModelError, MtqeError
from .thresholds import Thresholds
from .types import DocumentReport, Segment, SentenceResult, Span
from .version import __version__

DEFAULT_MODEL = "news-v1"


def default_model_path() -> Path:
    """``$MTQE_MODEL`` if set, else the shipped model folder, which is package data
    (``mtqe/models/``, also reachable as the repository's ``models/``), so an installed wheel
    finds it wherever it runs."""
    env = os.environ.get("MTQE_MODEL")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent / "models" / DEFAULT_MODEL


def load(
    model: str | Path | None = None,
    *,
    thresholds: Thresholds | dict[str, float] | None = None,
    mode: str | None = None,
    quantize: bool | None = None,
    batch_invariant: bool = False,
) -> Detector:
    """Load a detector from a model folder.

    Args:
        model: path to a model folder; ``None`` loads the default (``$MTQE_MODEL`` overrides).
        thresholds: override the folder's fitted ``review`` / ``error`` thresholds. A dict
            applies to every category (the fitted per-category pairs are dropped); a
            ``Thresholds`` is used as given.
        mode: a named operating point, ``precise``, ``balanced`` or ``sensitive``, applied on
            top of the thresholds.
        quantize: run the neural model with dynamic int8 quantisation (about 3x faster on a
            CPU); ``None`` takes the model folder's default.
        batch_invariant: score each model window in its own call, so that a score does not
            depend on what it is batched with (slower; see bench/determinism.py).

    Raises:
        mtqe.ModelError: the folder is missing, changed since its digests were recorded, or
            malformed (``FileNotFoundError`` / ``ValueError`` subclasses).

    Example:
        >>> det = mtqe.load(thresholds={"review": 0.4, "error": 0.7})
    """
    art = load_artifact(model if model is not None else default_model_path())
    th = art.thresholds
    if isinstance(thresholds, dict):
        th = th.overridden(**thresholds)
    elif thresholds is not None:
        th = thresholds
    if mode is not None:
        th = th.shifted(mode)
    return Detector(art, th, quantize=art.quantize if quantize is None else quantize,
                    batch_invariant=batch_invariant)


__all__ = [
    "Detector",
    "DocumentReport",
    "InputError",
    "ModelError",
    "MtqeError",
    "Segment",
    "SentenceResult",
    "Span",
    "Thresholds",
    "__version__",
    "default_model_path",
    "load",
]
