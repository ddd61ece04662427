"""Sentence-in-document -> model inputs: context, target windows, case ids, token labels.

The same code builds training examples and inference inputs, so what the model reads at
training time is exactly what it reads in production.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .config import ModelConfig

_NAME = re.compile(r"\b[A-Z][\w'’-]*[a-z][\w'’-]*\b|\b[A-Z]{2,}\b")
_POSS = re.compile(r"['’]s$")
_MAX_NAMES = 16


@dataclass
class Window:
    """One encoder input: [CLS] context [SEP] target-piece [SEP]."""

    input_ids: list[int]
    token_type_ids: list[int]
    case_ids: list[int]
    target_mask: list[int]
    offsets: list[tuple[int, int]]  # char offsets into the target (-1, -1) outside it
    token_labels: list[int]  # -100 outside the target (ignored by the loss)


def _sentence_names(sentence: str) -> Counter[str]:
    return Counter(_POSS.sub("", m.group()) for m in _NAME.finditer(sentence) if m.start() > 0)


def name_counts(sentences: Sequence[str]) -> Counter[str]:
    """Names of the whole document: compute once per document and pass to ``build_windows``."""
    total: Counter[str] = Counter()
    for s in sentences:
        total.update(_sentence_names(s))
    return total


def doc_names(sentences: Sequence[str], i: int, totals: Counter[str] | None = None) -> list[str]:
    """Capitalised names used in the other sentences: the document memory that makes a
    drifted or swapped name visible whichever mention comes first. Names that begin like a
    capitalised word of sentence ``i`` come first (they are the evidence for drift), then
    the most frequent."""
    counts = (name_counts(sentences) if totals is None else totals) - _sentence_names(sentences[i])
    own = {_POSS.sub("", m.group())[:2].lower() for m in _NAME.finditer(sentences[i])}
    ranked = sorted(counts, key=lambda n: (n[:2].lower() not in own, -counts[n], n))
    return ranked[:_MAX_NAMES]


def context_text(sentences: Sequence[str], i: int,
                 totals: Counter[str] | None = None) -> tuple[str, str]:
    """(names of the rest of the document, the preceding sentences)."""
    return ", ".join(doc_names(sentences, i, totals)), " ".join(sentences[max(0, i - 3):i])


def case_class(piece: str) -> int:
    """0 lower, 1 Title, 2 UPPER, 3 other (digits, punctuation, special tokens)."""
    letters = [c for c in piece if c.isalpha()]
    if not letters:
        return 3
    if all(c.islower() for c in letters):
        return 0
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return 2
    return 1 if letters[0].isupper() else 3


def _encode(tokenizer: Any, text: str) -> tuple[list[int], list[tuple[int, int]], list[int]]:
    enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    offs = [tuple(o) for o in enc["offset_mapping"]]
    cases = [case_class(text[a:b]) for a, b in offs]
    return list(enc["input_ids"]), offs, cases  # type: ignore[return-value]


def build_windows(tokenizer: Any, sentences: Sequence[str], i: int, config: ModelConfig,
                  spans: Sequence[Sequence[int]] = (), totals: Counter[str] | None = None
                  ) -> list[Window]:
    """Encoder inputs for sentence ``i``: several windows when it is longer than
    ``max_target_tokens`` (never silently truncated); context is trimmed from the left.
    ``totals`` (``name_counts`` of the document) saves rescanning it for every sentence."""
    names, prev = context_text(sentences, i, totals)
    n_ids, _, n_case = _encode(tokenizer, names)
    p_ids, _, p_case = _encode(tokenizer, prev)
    n_ids, n_case = n_ids[: config.max_context_tokens // 3], n_case[: config.max_context_tokens // 3]
    room = config.max_context_tokens - len(n_ids) - (1 if n_ids else 0)
    p_ids, p_case = p_ids[max(0, len(p_ids) - room):], p_case[max(0, len(p_case) - room):]
    sep, cls = tokenizer.sep_token_id, tokenizer.cls_token_id
    ctx = n_ids + ([sep] if n_ids else []) + p_ids
    ctx_case = n_case + ([3] if n_ids else []) + p_case
    t_ids, t_offs, t_case = _encode(tokenizer, sentences[i])
    labels = [int(any(a < e and s < b for s, e in spans)) for a, b in t_offs]
    size, stride = config.max_target_tokens, config.window_stride
    starts = list(range(0, max(1, len(t_ids) - size + stride), stride)) or [0]
    out = []
    for st in starts:
        sl = slice(st, st + size)
        head = [cls] + ctx + [sep]
        ids = head + t_ids[sl] + [sep]
        k = len(t_ids[sl])
        out.append(Window(
            input_ids=ids,
            token_type_ids=[0] * len(head) + [1] * (k + 1),
            case_ids=[3] + ctx_case + [3] + t_case[sl] + [3],
            target_mask=[0] * len(head) + [1] * k + [0],
            offsets=[(-1, -1)] * len(head) + t_offs[sl] + [(-1, -1)],
            token_labels=[-100] * len(head) + labels[sl] + [-100],
        ))
        if st + size >= len(t_ids):
            break
    return out
