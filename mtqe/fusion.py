"""Learned fusion: model outputs + check findings -> one error probability.

A logistic regression over a handful of named features, fitted on real dev data and stored
as JSON (weights by feature name), so it is readable, diffable and torch-free.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ._math import FUSION_EPS, logit, sigmoid
from .categories import fusion_values
from .types import Finding


def features(model_prob: float | None, token_max: float | None,
             findings: Sequence[Finding], text: str = "") -> dict[str, float]:
    """The fusion's inputs for one sentence (model features absent without a model).

    ``log_words``: a sentence's chance of holding an error grows with its length (on MQM
    zh-en 2020 length alone ranks major errors at AUROC 0.65), while the synthetic training
    data corrupts sentences of any length alike; the fusion learns that prior from real MT,
    and the names prior of ``text_priors`` with it. It counts the whitespace-separated tokens
    that hold a letter or digit: punctuation split off by a tokenizer ("said , adding") is no
    word, so tokenised copy scores like the original. ``log_len`` is the same prior counted in
    words of letters.
    """
    f: dict[str, float] = {"log_words": math.log1p(sum(1 for t in text.split() if _ALNUM.search(t))),
                           "log_len": math.log1p(len(_WORD.findall(text))), **text_priors(text)}
    if model_prob is not None:
        f["model_logit"] = logit(model_prob, FUSION_EPS)
    if token_max is not None:
        f["token_logit"] = logit(token_max, FUSION_EPS)
    return {**f, **fusion_values(findings, source=False)}


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ALNUM = re.compile(r"[^\W_]")


def text_priors(text: str) -> dict[str, float]:
    """A prior of real news MT that synthetic training cannot teach, an input of both fusions:
    ``log_names``, the capitalised words after a sentence's first word. Names are where MT of
    news often goes wrong (18 of the 100 MQM major errors of the realism tally,
    `docs/realism.md`, are names calqued or respelled), while the corruptions hit sentences
    with names and without alike.
    """
    words = _WORD.findall(text)
    return {"log_names": math.log1p(sum(1 for w in words[1:] if w[0].isupper()))}


@dataclass
class Fusion:
    """``p = sigmoid(bias + sum(weights[name] * feature[name]))``."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0

    def predict(self, feats: dict[str, float]) -> float:
        return sigmoid(self.bias + sum(w * feats.get(k, 0.0) for k, w in self.weights.items()))

    def to_dict(self) -> dict[str, Any]:
        return {"weights": self.weights, "bias": self.bias}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Fusion:
        return cls(weights={k: float(v) for k, v in d["weights"].items()}, bias=float(d["bias"]))
