"""The QE model: a pretrained encoder with a sentence head and a token head.

Tensors in, tensors out; it knows nothing about files, data sets or the CLI. The encoder is
the pip-installed MiniLM (uncased), so an optional case embedding gives back what lower-casing
throws away (a garbled name is often visible only as a capitalised non-word).
"""

from __future__ import annotations

import torch
from torch import nn

from .config import N_CASES, ModelConfig

__all__ = ["N_CASES", "ModelConfig", "QEModel"]


class QEModel(nn.Module):
    """Encoder + heads. ``forward`` returns (sentence_logits [B], token_logits [B, T])."""

    def __init__(self, encoder: nn.Module, config: ModelConfig) -> None:
        super().__init__()
        self.encoder = encoder
        self.config = config
        hidden = encoder.config.hidden_size
        self.case = nn.Embedding(N_CASES, hidden) if config.case_embedding else None
        if self.case is not None:
            nn.init.zeros_(self.case.weight)  # start exactly at the pretrained model
        self.dropout = nn.Dropout(config.dropout)
        self.sentence_head = nn.Sequential(nn.Linear(2 * hidden, hidden), nn.GELU(),
                                           nn.Linear(hidden, 1))
        self.token_head = nn.Linear(hidden, 1)
        self.freeze_lower_layers()

    def freeze_lower_layers(self) -> None:
        """Train only the top ``train_top_layers`` layers: faster on a CPU, and the shipped
        weights are a small delta over the pip-installed base."""
        layers = self.encoder.encoder.layer
        keep = set(range(len(layers) - self.config.train_top_layers, len(layers)))
        for name, p in self.encoder.named_parameters():
            idx = _layer_index(name)
            p.requires_grad = idx is not None and idx in keep

    def trainable_state(self) -> dict[str, torch.Tensor]:
        """The parameters that differ from the base model: what a model folder stores."""
        names = {n for n, p in self.named_parameters() if p.requires_grad}
        return {k: v for k, v in self.state_dict().items() if k in names}

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                target_mask: torch.Tensor, case_ids: torch.Tensor | None = None,
                token_type_ids: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor]:
        embeds = self.encoder.embeddings.word_embeddings(input_ids)
        if self.case is not None and case_ids is not None:
            embeds = embeds + self.case(case_ids)
        hidden = self.encoder(inputs_embeds=embeds, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state
        hidden = self.dropout(hidden)
        token_logits = self.token_head(hidden).squeeze(-1)
        m = target_mask.unsqueeze(-1).to(hidden.dtype)
        mean = (hidden * m).sum(1) / m.sum(1).clamp(min=1.0)
        masked = hidden.masked_fill(m == 0, -1e4)
        pooled = torch.cat([mean, masked.max(1).values], dim=-1)
        return self.sentence_head(pooled).squeeze(-1), token_logits


def _layer_index(param_name: str) -> int | None:
    parts = param_name.split(".")
    if "layer" in parts:
        i = parts.index("layer")
        if i + 1 < len(parts) and parts[i + 1].isdigit():
            return int(parts[i + 1])
    return None
