"""How surprising a word's spelling is to a cased subword language model of clean news.

A garbled name ("Shvuigou", "Qur'anian") breaks into rare pieces that a unigram subword model
trained on clean English news gives a low probability; a real name or word does not. The
model is trained with sentencepiece (unigram, cased) and stored as JSON (pieces and
log-probabilities); segmentation at run time is the unigram Viterbi search, so loading needs
neither sentencepiece nor any binary format.
"""

from __future__ import annotations

import json
import math
import re
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

SURPRISAL_FILE = "surprisal.json"
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_UNKNOWN = -20.0  # log-probability of a character no piece covers


def train_surprisal(sentences: Iterable[str], out: str | Path, vocab_size: int = 8000) -> None:
    """Train a cased unigram subword model on clean sentences; write it as JSON."""
    import sentencepiece as spm

    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "corpus.txt"
        text.write_text("\n".join(sentences), encoding="utf-8")
        spm.SentencePieceTrainer.train(input=str(text), model_prefix=f"{tmp}/sp", vocab_size=vocab_size,
                                       model_type="unigram", character_coverage=1.0,
                                       input_sentence_size=200000, shuffle_input_sentence=False,
                                       minloglevel=2, hard_vocab_limit=False)
        sp = spm.SentencePieceProcessor(model_file=f"{tmp}/sp.model")
        pieces = {sp.id_to_piece(i): round(sp.get_score(i), 4) for i in range(sp.get_piece_size())
                  if not sp.is_control(i) and not sp.is_unknown(i)}
    Path(out).write_text(json.dumps({"format": "unigram", "pieces": pieces}, ensure_ascii=False))


class Surprisal:
    """Per-character surprisal of words under the unigram model."""

    def __init__(self, pieces: dict[str, float]) -> None:
        self.pieces = pieces
        self.max_len = max(map(len, pieces))

    @classmethod
    def load(cls, path: str | Path) -> Surprisal:
        return cls(json.loads(Path(path).read_text(encoding="utf-8"))["pieces"])

    @lru_cache(maxsize=65536)  # noqa: B019 - one instance per model folder, kept for its life
    def word(self, word: str) -> float:
        """-log p(best segmentation of "▁word") / number of characters."""
        w = "▁" + word
        best = [0.0] + [-math.inf] * len(w)
        for end in range(1, len(w) + 1):
            for start in range(max(0, end - self.max_len), end):
                score = self.pieces.get(w[start:end])
                if score is None and end - start == 1:
                    score = _UNKNOWN
                if score is not None and best[start] + score > best[end]:
                    best[end] = best[start] + score
        return -best[-1] / len(word)

    def features(self, text: str) -> dict[str, float]:
        """Max surprisal over capitalised non-initial words (names) and over all words."""
        words = [(m.start(), m.group()) for m in _WORD.finditer(text)]
        caps = [self.word(w) for pos, w in words if pos > 0 and w[0].isupper()]
        return {"sp_name_max": max(caps, default=0.0),
                "sp_word_max": max((self.word(w) for _, w in words), default=0.0)}
