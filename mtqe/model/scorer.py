"""Batched inference of the QE model over documents (length-bucketed, windowed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import torch

from .inputs import Window, build_windows, name_counts
from .qe import QEModel


@dataclass
class SentenceScore:
    """Model output for one sentence: error probability and per-token probabilities with
    their character offsets into the sentence."""

    prob: float
    tokens: list[tuple[int, int, float]]


def collate(windows: Sequence[Window], pad_id: int) -> dict[str, torch.Tensor]:
    """Pad a batch of windows to its longest member."""
    n = max(len(w.input_ids) for w in windows)

    def pad(rows: list[list[int]], value: int) -> torch.Tensor:
        return torch.tensor([r + [value] * (n - len(r)) for r in rows], dtype=torch.long)

    return {
        "input_ids": pad([w.input_ids for w in windows], pad_id),
        "attention_mask": pad([[1] * len(w.input_ids) for w in windows], 0),
        "token_type_ids": pad([w.token_type_ids for w in windows], 0),
        "case_ids": pad([w.case_ids for w in windows], 3),
        "target_mask": pad([w.target_mask for w in windows], 0),
        "token_labels": pad([w.token_labels for w in windows], -100),
    }


MODEL_INPUTS = ("input_ids", "attention_mask", "token_type_ids", "case_ids", "target_mask")


class ModelScorer:
    """Scores sentences with their document context."""

    def __init__(self, model: QEModel, tokenizer: Any, batch_size: int = 32) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.batch_size = batch_size

    @property
    def device(self) -> torch.device:
        return next(self.model.parameters()).device

    @torch.inference_mode()
    def score_documents(self, documents: Sequence[Sequence[str]]) -> list[list[SentenceScore]]:
        """One ``SentenceScore`` per sentence of each document."""
        self.model.eval()
        items: list[tuple[int, int, Window]] = []
        for d, sents in enumerate(documents):
            totals = name_counts(sents)
            for i in range(len(sents)):
                items += [(d, i, w) for w in build_windows(self.tokenizer, sents, i,
                                                           self.model.config, totals=totals)]
        # Length-bucketed batches: sorting by length keeps padding (wasted compute) small.
        order = sorted(range(len(items)), key=lambda k: len(items[k][2].input_ids))
        sent_p: dict[tuple[int, int], float] = {}
        tok_p: dict[tuple[int, int], dict[tuple[int, int], float]] = {}
        for b in range(0, len(order), self.batch_size):
            chunk = [items[k] for k in order[b:b + self.batch_size]]
            batch = collate([c[2] for c in chunk], self.tokenizer.pad_token_id)
            s_logit, t_logit = self.model(**{k: batch[k].to(self.device) for k in MODEL_INPUTS})
            s_prob, t_prob = torch.sigmoid(s_logit).cpu(), torch.sigmoid(t_logit).cpu()
            for row, (d, i, w) in enumerate(chunk):
                key = (d, i)
                sent_p[key] = max(sent_p.get(key, 0.0), float(s_prob[row]))  # worst window
                toks = tok_p.setdefault(key, {})
                for j, off in enumerate(w.offsets):
                    if w.target_mask[j]:
                        toks[off] = max(toks.get(off, 0.0), float(t_prob[row, j]))
        return [[SentenceScore(sent_p[(d, i)], sorted((a, b, p) for (a, b), p in tok_p[(d, i)].items()))
                 for i in range(len(sents))] for d, sents in enumerate(documents)]
