"""The learned cross-lingual estimator at run time, in numpy.

A model folder's ``meaning.safetensors`` holds USE multilingual v3's sentence part fine-tuned
on human judgements of real MT (``python -m mtqe.training.meaning``) and a COMET-style head
over [s; t; s⊙t; |s−t|]. The token part is the wheel's, run once per sentence
(``use.pooled``): the frozen embedding for the similarity feature and the tuned one for this
estimator both start from it, so the estimator costs two small matrix products per sentence.
The same arithmetic as ``mtqe.model.crosslingual.MeaningHead`` (checked in
``tests/unit/test_crosslingual.py``), without torch.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from . import use

FILENAME = "meaning.safetensors"


class MeaningModel:
    """Weights in, logits out (higher: the translation reads less like its source)."""

    def __init__(self, tensors: dict[str, np.ndarray]) -> None:
        # the sentence part's arrays by the wheel's names, and its layer-norm epsilon
        self.sentence = {k.split(".", 1)[1]: v for k, v in tensors.items() if k.startswith("sentence.")}
        self.w1, self.b1 = tensors["head.net.0.weight"].T.copy(), tensors["head.net.0.bias"]
        self.w2, self.b2 = tensors["head.net.3.weight"].T.copy(), tensors["head.net.3.bias"]

    @classmethod
    def load_file(cls, path: str | Path) -> MeaningModel:
        from safetensors.numpy import load_file

        return cls(load_file(str(path)))

    @classmethod
    def load(cls, folder: str | Path) -> MeaningModel | None:
        """The folder's estimator, None where it has none."""
        path = Path(folder) / FILENAME
        return cls.load_file(path) if path.exists() else None

    def embed(self, pool: np.ndarray, roots: np.ndarray) -> np.ndarray:
        return use.sentence(self.sentence, pool, roots)

    def logits(self, s: np.ndarray, t: np.ndarray) -> np.ndarray:
        """From the tuned embeddings of sources ``s`` and their targets ``t``, (n, 512) each."""
        x = np.concatenate([s, t, s * t, np.abs(s - t)], axis=1)
        return (np.tanh(x @ self.w1 + self.b1) @ self.w2 + self.b2)[:, 0]
