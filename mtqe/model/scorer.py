"""Batched inference of the QE model over documents (length-bucketed, windowed).

The model is either the ONNX Runtime graph of ``runtime.OnnxQE`` (what a loaded detector
runs) or the torch ``QEModel`` (training's evaluation, tests): both are called on the same
padded numpy arrays."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .inputs import Window, build_windows, name_counts

if TYPE_CHECKING:
    from .qe import QEModel
    from .runtime import OnnxQE


@dataclass
class SentenceScore:
    """Model output for one sentence: error probability and per-token probabilities with
    their character offsets into the sentence."""

    prob: float
    tokens: list[tuple[int, int, float]]


def collate(windows: Sequence[Window], pad_id: int) -> dict[str, np.ndarray]:
    """Pad a batch of windows to its longest member (int64 arrays; ``torch.from_numpy``
    shares them for training)."""
    n = max(len(w.input_ids) for w in windows)

    def pad(rows: list[list[int]], value: int) -> np.ndarray:
        return np.array([r + [value] * (n - len(r)) for r in rows], dtype=np.int64)

    return {
        "input_ids": pad([w.input_ids for w in windows], pad_id),
        "attention_mask": pad([[1] * len(w.input_ids) for w in windows], 0),
        "token_type_ids": pad([w.token_type_ids for w in windows], 0),
        "case_ids": pad([w.case_ids for w in windows], 3),
        "target_mask": pad([w.target_mask for w in windows], 0),
        "token_labels": pad([w.token_labels for w in windows], -100),
    }


# Windows sorted and scored together. Large enough that length bucketing keeps padding small,
# small enough that memory does not grow with the article (fp32 scores do not depend on it).
BLOCK_WINDOWS = 1024

MODEL_INPUTS = ("input_ids", "attention_mask", "token_type_ids", "case_ids", "target_mask")


class ModelScorer:
    """Scores sentences with their document context."""

    def __init__(self, model: OnnxQE | QEModel, tokenizer: Any, batch_size: int = 32) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.batch_size = batch_size

    def _forward(self, batch: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        model: Any = self.model
        if not hasattr(model, "parameters"):  # ONNX Runtime: arrays in, arrays out
            return model(batch)  # type: ignore[no-any-return]
        import torch

        device = next(model.parameters()).device
        model.eval()
        with torch.inference_mode():
            s, t = model(**{k: torch.from_numpy(batch[k]).to(device) for k in MODEL_INPUTS})
        return s.float().cpu().numpy(), t.float().cpu().numpy()

    def score_documents(self, documents: Sequence[Sequence[str]]) -> list[list[SentenceScore]]:
        """One ``SentenceScore`` per sentence of each document."""
        sent_p: dict[tuple[int, int], float] = {}
        tok_p: dict[tuple[int, int], dict[tuple[int, int], float]] = {}
        for block in self._blocks(documents):
            # Length-bucketed batches: sorting by length keeps padding (wasted compute) small.
            block.sort(key=lambda item: len(item[2].input_ids))
            for b in range(0, len(block), self.batch_size):
                chunk = block[b:b + self.batch_size]
                s_logit, t_logit = self._forward(collate([c[2] for c in chunk], self.tokenizer.pad_token_id))
                s_prob, t_prob = _sigmoid(s_logit), _sigmoid(t_logit)
                for row, (d, i, w) in enumerate(chunk):
                    key = (d, i)
                    sent_p[key] = max(sent_p.get(key, 0.0), float(s_prob[row]))  # worst window
                    toks = tok_p.setdefault(key, {})
                    for j, off in enumerate(w.offsets):
                        if w.target_mask[j]:
                            toks[off] = max(toks.get(off, 0.0), float(t_prob[row, j]))
        return [[SentenceScore(sent_p[(d, i)], sorted((a, b, p) for (a, b), p in tok_p[(d, i)].items()))
                 for i in range(len(sents))] for d, sents in enumerate(documents)]

    def _blocks(self, documents: Sequence[Sequence[str]]) -> Iterator[list[tuple[int, int, Window]]]:
        """The windows in blocks of about ``BLOCK_WINDOWS``, built as they are needed: a
        15,000-sentence article's windows at once held 300 MB of Python lists."""
        block: list[tuple[int, int, Window]] = []
        for d, sents in enumerate(documents):
            totals = name_counts(sents)
            for i in range(len(sents)):
                block += [(d, i, w) for w in build_windows(self.tokenizer, sents, i,
                                                           self.model.config, totals=totals)]
                if len(block) >= BLOCK_WINDOWS:
                    yield block
                    block = []
        if block:
            yield block


def _sigmoid(x: np.ndarray) -> np.ndarray:
    # float64 and clipped: exp overflows float32 beyond |x| 88 (a warning, then inf)
    return 1.0 / (1.0 + np.exp(-np.clip(x.astype(np.float64), -500, 500)))
