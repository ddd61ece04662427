"""A BERT encoder in plain torch: what the runtime's ONNX graph is exported from.

Importing transformers' BERT costs about two seconds, for a module whose arithmetic is thirty
lines, and its graph exports with more nodes. This one has the same parameter names as
``transformers.BertModel`` (``embeddings.*``, ``encoder.layer.N.*``), so the pip-installed base
weights and a model folder's delta load into it unchanged, and it computes the same function
(``tests/test_encoder.py`` checks it against transformers on the shipped base). Training keeps
transformers' implementation.

Tensors in, tensors out: reading weights from files is the caller's business.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, NamedTuple

import torch
from torch import nn
from torch.nn import functional as F


@dataclass
class EncoderConfig:
    """The fields of a BERT ``config.json`` this encoder reads (the rest are ignored)."""

    vocab_size: int = 30522
    hidden_size: int = 384
    num_hidden_layers: int = 6
    num_attention_heads: int = 12
    intermediate_size: int = 1536
    max_position_embeddings: int = 512
    type_vocab_size: int = 2
    layer_norm_eps: float = 1e-12
    hidden_act: str = "gelu"
    position_embedding_type: str = "absolute"

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EncoderConfig:
        cfg = cls(**{f.name: d[f.name] for f in fields(cls) if f.name in d})
        if cfg.hidden_act != "gelu" or cfg.position_embedding_type != "absolute":
            # other BERT variants exist; computing something else silently would be worse
            raise ValueError(f"unsupported BERT variant: hidden_act={cfg.hidden_act}, "
                             f"position_embedding_type={cfg.position_embedding_type}")
        return cfg


class EncoderOutput(NamedTuple):
    last_hidden_state: torch.Tensor


class _Embeddings(nn.Module):
    def __init__(self, c: EncoderConfig) -> None:
        super().__init__()
        self.word_embeddings = nn.Embedding(c.vocab_size, c.hidden_size)
        self.position_embeddings = nn.Embedding(c.max_position_embeddings, c.hidden_size)
        self.token_type_embeddings = nn.Embedding(c.type_vocab_size, c.hidden_size)
        self.LayerNorm = nn.LayerNorm(c.hidden_size, eps=c.layer_norm_eps)

    def forward(self, inputs_embeds: torch.Tensor, token_type_ids: torch.Tensor) -> torch.Tensor:
        pos = torch.arange(inputs_embeds.shape[1], device=inputs_embeds.device)
        x = inputs_embeds + self.position_embeddings(pos)[None] + self.token_type_embeddings(token_type_ids)
        return self.LayerNorm(x)


class _SelfAttention(nn.Module):
    def __init__(self, c: EncoderConfig) -> None:
        super().__init__()
        self.heads = c.num_attention_heads
        self.query = nn.Linear(c.hidden_size, c.hidden_size)
        self.key = nn.Linear(c.hidden_size, c.hidden_size)
        self.value = nn.Linear(c.hidden_size, c.hidden_size)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b, t, h = x.shape

        def split(y: torch.Tensor) -> torch.Tensor:
            return y.view(b, t, self.heads, h // self.heads).transpose(1, 2)

        out = F.scaled_dot_product_attention(split(self.query(x)), split(self.key(x)),
                                             split(self.value(x)), attn_mask=mask)
        return out.transpose(1, 2).reshape(b, t, h)


class _Dense(nn.Module):
    """``dense`` then ``LayerNorm`` over the residual: BERT's two "output" blocks."""

    def __init__(self, c: EncoderConfig, d_in: int) -> None:
        super().__init__()
        self.dense = nn.Linear(d_in, c.hidden_size)
        self.LayerNorm = nn.LayerNorm(c.hidden_size, eps=c.layer_norm_eps)

    def forward(self, x: torch.Tensor, residual: torch.Tensor) -> torch.Tensor:
        return self.LayerNorm(self.dense(x) + residual)


class _Attention(nn.Module):
    def __init__(self, c: EncoderConfig) -> None:
        super().__init__()
        self.self = _SelfAttention(c)
        self.output = _Dense(c, c.hidden_size)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.output(self.self(x, mask), x)


class _Intermediate(nn.Module):
    def __init__(self, c: EncoderConfig) -> None:
        super().__init__()
        self.dense = nn.Linear(c.hidden_size, c.intermediate_size)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.gelu(self.dense(x))  # exact (erf) GELU, as BERT's "gelu"


class _Layer(nn.Module):
    def __init__(self, c: EncoderConfig) -> None:
        super().__init__()
        self.attention = _Attention(c)
        self.intermediate = _Intermediate(c)
        self.output = _Dense(c, c.intermediate_size)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        a = self.attention(x, mask)
        return self.output(self.intermediate(a), a)


class _Stack(nn.Module):
    def __init__(self, c: EncoderConfig) -> None:
        super().__init__()
        self.layer = nn.ModuleList(_Layer(c) for _ in range(c.num_hidden_layers))


class BertEncoder(nn.Module):
    """``BertModel`` without pooler, for inference (no dropout). Call it as QEModel calls a
    transformers encoder: ``encoder(inputs_embeds=..., attention_mask=..., token_type_ids=...)``."""

    def __init__(self, config: EncoderConfig) -> None:
        super().__init__()
        self.config = config
        self.embeddings = _Embeddings(config)
        self.encoder = _Stack(config)

    def forward(self, inputs_embeds: torch.Tensor, attention_mask: torch.Tensor | None = None,
                token_type_ids: torch.Tensor | None = None) -> EncoderOutput:
        b, t, _ = inputs_embeds.shape
        if token_type_ids is None:
            token_type_ids = torch.zeros(b, t, dtype=torch.long, device=inputs_embeds.device)
        if attention_mask is None:
            attention_mask = torch.ones(b, t, dtype=torch.long, device=inputs_embeds.device)
        # padding keys get the most negative float, as transformers does
        mask = (1.0 - attention_mask[:, None, None, :].to(inputs_embeds.dtype)) \
            * torch.finfo(inputs_embeds.dtype).min
        x = self.embeddings(inputs_embeds, token_type_ids)
        for layer in self.encoder.layer:
            x = layer(x, mask)
        return EncoderOutput(x)
