"""Clean English news for the corruption engine: documents -> sentences, by document.

Reads the JSONL corpora with ``datasets`` (Reuters-21578 stories with a ``text`` field, WMT
English documents with a ``sentences`` list), splits them with the project's segmenter,
drops tables and near-empty lines, de-duplicates sentences across the corpus, and assigns
each document to train or validation by a hash of its id, so that the split never depends on
file order or on which other files were read.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..segment import split_sentences

# A line with fewer letters than this share is a table row or a list of figures.
_MIN_ALPHA_SHARE = 0.6
_MIN_WORDS, _MAX_WORDS = 5, 80
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class CorpusDoc:
    id: str
    sentences: list[str]
    split: str  # "train" | "validation"


def split_of(doc_id: str, validation_share: float) -> str:
    h = int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF
    return "validation" if h < validation_share else "train"


def _usable(sentence: str) -> bool:
    words = sentence.split()
    if not _MIN_WORDS <= len(words) <= _MAX_WORDS:
        return False
    letters = sum(len(w) for w in _WORD.findall(sentence))
    return letters / max(1, len(sentence.replace(" ", ""))) >= _MIN_ALPHA_SHARE


def _sentences(row: dict) -> list[str]:
    if row.get("sentences"):
        lines = row["sentences"]
    else:
        lines = (row.get("text") or "").split("\n")
    return [s.text for line in lines for s in split_sentences(line)]


def read_documents(paths: Sequence[str | Path], validation_share: float = 0.02,
                   max_docs: int | None = None) -> Iterator[CorpusDoc]:
    """Documents of the given corpora, in file order, with de-duplicated sentences.

    Documents flagged ``dev_overlap`` (their sources are in a dev file) are skipped, so the
    dev figures stay honest.
    """
    from datasets import load_dataset  # heavy import: only for corpus building

    seen: set[bytes] = set()
    n = 0
    for path in paths:
        ds = load_dataset("json", data_files=str(path), split="train")
        for row in ds:
            if row.get("dev_overlap"):
                continue
            keep = []
            for s in filter(_usable, _sentences(row)):
                key = hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest()
                if key not in seen:
                    seen.add(key)
                    keep.append(s)
            if len(keep) >= 2:
                yield CorpusDoc(row["id"], keep, split_of(row["id"], validation_share))
                n += 1
                if max_docs is not None and n >= max_docs:
                    return
