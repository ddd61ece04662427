"""The QE model for inference: an ONNX graph run by ONNX Runtime.

Why not torch at run time: importing torch takes about 1.2 s of a desk tool's 2 s start-up
and 300 MB of its memory, for a forward pass ONNX Runtime computes at the same speed (its
kernels match torch's on this model's sizes, bench/ratio.py). The graph is exported once from
the torch model (``export``) and cached (``mtqe.compiled``); the function is the same to 1e-5.

fp32 is batch-invariant: a window's scores do not depend on the windows it is batched with
(every reduction runs along a row in a fixed order). Dynamic int8 (``quantize``) is not: its
activation scale is taken over the whole batch.

Arrays in, arrays out; reading and writing files is the caller's business.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np

from .config import ModelConfig

INPUTS = ("input_ids", "attention_mask", "target_mask", "case_ids", "token_type_ids")
OUTPUTS = ("sentence_logits", "token_logits")
OPSET = 17  # LayerNormalization is a single node from 17 on (the runtime fuses it)


def export(model: Any) -> bytes:
    """The torch ``QEModel`` (in eval mode) as an ONNX model, batch and length dynamic."""
    import warnings

    import torch

    class _Positional(torch.nn.Module):  # the exporter passes inputs by position
        def __init__(self, m: Any) -> None:
            super().__init__()
            self.m = m

        def forward(self, *args: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
            return self.m(**dict(zip(INPUTS, args, strict=True)))

    example = tuple(torch.ones(2, 8, dtype=torch.long) for _ in INPUTS)
    axes = {name: {0: "batch", 1: "length"} for name in INPUTS}
    axes |= {"sentence_logits": {0: "batch"}, "token_logits": {0: "batch", 1: "length"}}
    buf = io.BytesIO()
    with warnings.catch_warnings(), torch.inference_mode(False):
        warnings.simplefilter("ignore")  # the TorchScript exporter's deprecation notice
        torch.onnx.export(_Positional(model.eval()), example, buf,  # type: ignore[arg-type]
                          input_names=list(INPUTS), output_names=list(OUTPUTS), dynamic_axes=axes,
                          opset_version=OPSET, dynamo=False)
    return buf.getvalue()


def quantize_dynamic(graph: bytes) -> bytes:
    """int8 weights, activations quantised per call (faster; scores move with the batch)."""
    import tempfile
    from pathlib import Path

    from onnxruntime.quantization import QuantType
    from onnxruntime.quantization import quantize_dynamic as _quantize

    with tempfile.TemporaryDirectory() as tmp:  # the quantiser reads and writes files
        src, dst = Path(tmp) / "fp32.onnx", Path(tmp) / "int8.onnx"
        src.write_bytes(graph)
        _quantize(src, dst, weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul", "Gemm"])
        return dst.read_bytes()


class OnnxQE:
    """``QEModel``'s forward on ONNX Runtime: ``model(batch)`` takes the padded int64 arrays
    of ``INPUTS`` and returns (sentence logits [B], token logits [B, T]) as float32 arrays."""

    def __init__(self, graph: bytes | str, config: ModelConfig, threads: int = 0) -> None:
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.intra_op_num_threads = threads  # 0: one per physical core
        opts.inter_op_num_threads = 1  # the graph is a chain; parallel branches buy nothing
        # Memory patterns are cached per input shape, and every batch has its own length: off,
        # a 3,000-line batch run peaks 50 MB lower (550 vs 600 MB) at the same speed.
        opts.enable_mem_pattern = False
        # Threads that spin between ops waste the cores a desk machine shares with the rest
        # of the pipeline (the checks run on the same cores right after each batch).
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(graph, opts, providers=["CPUExecutionProvider"])
        self.config = config

    def __call__(self, batch: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        s, t = self.session.run(list(OUTPUTS), {k: batch[k] for k in INPUTS})
        return s, t
