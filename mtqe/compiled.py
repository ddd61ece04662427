"""A model folder compiled for ONNX Runtime, cached between runs.

The folder ships safetensors (a delta over the pip-installed base encoder); ONNX Runtime
needs one graph with every weight in it. Exporting it takes torch and about 5 s, so it is done
once per model, base and numerics, and kept in a cache directory: a later start reads the
graph and never imports torch (``mtqe check`` on an article then starts in about 2 s instead
of 5). The cache is a speed-up only: a missing, unwritable or damaged cache means exporting
again, never a wrong score (the key names every input of the export; a file that does not
load is rebuilt).

Where: ``$MTQE_CACHE_DIR``, else ``$XDG_CACHE_HOME/mtqe``, else ``~/.cache/mtqe``.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .artifact import DIGESTS, WEIGHTS, ModelArtifact, base_model_dir, load_qe_model
from .errors import ModelError
from .version import __version__

CACHE_ENV = "MTQE_CACHE_DIR"
# Bump when ``runtime.export`` or ``quantize_dynamic`` would write a different graph.
GRAPH_VERSION = 1


def cache_dir() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mtqe"


def graph_key(art: ModelArtifact, quantize: bool) -> str:
    """Names everything the exported graph depends on: the folder's weights and architecture,
    the base encoder's weights, the numerics, mtqe's exporter."""
    assert art.path is not None and art.model is not None
    weights = art.meta.get(DIGESTS, {}).get(WEIGHTS) or hashlib.sha256(
        (art.path / WEIGHTS).read_bytes()).hexdigest()
    base = base_model_dir(art.model["base_package"]) / "model.safetensors"
    stat = base.stat()
    parts = {"weights": weights, "model": art.model, "base": [str(base), stat.st_size, stat.st_mtime_ns],
             "quantize": quantize, "graph": GRAPH_VERSION, "mtqe": __version__}
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:32]


def load_runtime_model(art: ModelArtifact, quantize: bool = False, threads: int = 0) -> tuple[Any, Any]:
    """(``OnnxQE``, tokenizer) of a model folder, from the cache when it holds the graph."""
    from .model.config import ModelConfig
    from .model.runtime import OnnxQE
    from .model.tokenizer import WordPieceTokenizer

    if art.model is None or art.path is None:
        raise ModelError("this model folder has no neural model")
    cfg = ModelConfig(**art.model)
    base = base_model_dir(cfg.base_package)
    tokenizer = WordPieceTokenizer.from_file(str(base / "tokenizer.json"))
    path = cache_dir() / f"{art.name}-{graph_key(art, quantize)}.onnx"
    if path.is_file():
        try:
            return OnnxQE(str(path), cfg.serving(), threads), tokenizer
        except Exception:  # damaged or from an incompatible runtime: export again below
            pass
    graph = build_graph(art, quantize)
    _store(path, graph)
    return OnnxQE(graph, cfg.serving(), threads), tokenizer


def build_graph(art: ModelArtifact, quantize: bool) -> bytes:
    """Export the folder's model (loaded strictly, as ``load_qe_model`` checks it)."""
    from .model.runtime import export, quantize_dynamic

    model, _ = load_qe_model(art)
    graph = export(model)
    return quantize_dynamic(graph) if quantize else graph


def _store(path: Path, graph: bytes) -> None:
    """Write atomically (a concurrent reader sees the old file or the whole new one); a
    cache that cannot be written is skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".partial-", suffix=".onnx")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(graph)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass

