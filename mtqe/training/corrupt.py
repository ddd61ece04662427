"""The corruption engine: clean documents -> labelled training sentences.

Per document a realistic mix: most sentences stay clean, some get one corruption drawn from
the configured mix, a few get a benign edit (labelled clean, so the model learns errors and
not edits). Every document draws from its own RNG seeded by (seed, pass, document id), so
the output is byte-for-byte reproducible from config + seed, whatever the number of workers.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .corpus import CorpusDoc
from .corruptions import REGISTRY
from .corruptions.base import Corruption, DocContext

# The default mix of error corruptions (weights, normalised when drawn): the realism tally
# of 100 real MQM major errors (docs/realism.md: garbled/literal renderings lead, then names
# turned into words and drifting names), with every category kept at >= 4% so that rare but
# damaging errors (inversions, country swaps, acronym drift) are still learned. Sentences:
# 35% clean, 15% benign edits (labelled clean), 50% corrupted.
DOCUMENTS = "documents.jsonl"
DEFAULT_MIX = {
    "garbled_clause.v1": 0.36,
    "name_to_word.v1": 0.14,
    "name_drift.v1": 0.14,
    "omission.v1": 0.07,
    "number_change.v1": 0.06,
    "entity_swap.v1": 0.05,
    "negation_flip.v1": 0.05,
    "role_inversion.v1": 0.05,
    "country_garble.v1": 0.04,
    "acronym_drift.v1": 0.04,
}
DEFAULT_BENIGN = {
    "benign_synonym.v1": 0.4,
    "benign_punct.v1": 0.2,
    "benign_spelling.v1": 0.2,
    "benign_reorder.v1": 0.2,
}


@dataclass
class CorruptionConfig:
    """How a training set is drawn; saved next to it so that it can be rebuilt exactly."""

    seed: int = 13
    error_share: float = 0.5
    benign_share: float = 0.15
    passes: int = 2
    mix: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_MIX))
    benign: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_BENIGN))
    validation_share: float = 0.02
    max_docs: int | None = None
    version: int = 1

    def __post_init__(self) -> None:
        if not 0 <= self.error_share + self.benign_share <= 1:
            raise ValueError("error_share + benign_share must be within [0, 1]")
        unknown = [n for n in list(self.mix) + list(self.benign) if n not in REGISTRY]
        if unknown:
            raise ValueError(f"unknown corruptions {unknown}; known: {sorted(REGISTRY)}")
        if self.passes < 1:
            raise ValueError("passes must be >= 1")

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)


def _rng(config: CorruptionConfig, pass_: int, doc_id: str) -> random.Random:
    h = hashlib.sha256(f"{config.seed}|{pass_}|{doc_id}".encode()).hexdigest()
    return random.Random(int(h[:16], 16))


def _draw(rng: random.Random, weights: dict[str, float]) -> list[str]:
    """All names in a weighted random order: the first that finds a site wins."""
    names = list(weights)
    keys = [rng.random() ** (1.0 / weights[n]) if weights[n] > 0 else -1.0 for n in names]
    return [n for _, n in sorted(zip(keys, names, strict=True), reverse=True) if weights[n] > 0]


def corrupt_document(doc: CorpusDoc, config: CorruptionConfig, pass_: int,
                     nlp: Any = None) -> dict[str, Any]:
    """One document (one pass) with a label, category and error spans per sentence.

    Records are per document, not per sentence: the model reads each sentence with its
    document context, and storing the context once keeps the file linear in corpus size.
    """
    rng = _rng(config, pass_, doc.id)
    ctx = DocContext(list(doc.sentences), nlp=nlp)
    out_sents = list(doc.sentences)
    made: dict[int, Corruption] = {}
    for i in range(len(doc.sentences)):
        r = rng.random()
        pool = config.mix if r < config.error_share else (
            config.benign if r < config.error_share + config.benign_share else None)
        if pool is None:
            continue
        for name in _draw(rng, pool):
            c = REGISTRY[name](ctx, i, rng)
            if c is not None and c.text != doc.sentences[i]:
                made[i] = c
                out_sents[i] = c.text
                break
    return {
        "doc": doc.id, "pass": pass_, "split": doc.split,
        "sentences": out_sents,
        "labels": [int(i in made and made[i].is_error) for i in range(len(out_sents))],
        "categories": [made[i].category if i in made else "clean" for i in range(len(out_sents))],
        "names": [made[i].name if i in made else "" for i in range(len(out_sents))],
        "spans": [[list(sp) for sp in made[i].spans] if i in made else []
                  for i in range(len(out_sents))],
        "originals": [doc.sentences[i] if i in made else None for i in range(len(out_sents))],
    }


def generate(docs: Iterable[CorpusDoc], config: CorruptionConfig,
             nlp: Any = None) -> Iterator[dict[str, Any]]:
    """Records of all documents, pass by pass (deterministic order)."""
    docs = list(docs)
    for p in range(config.passes):
        for d in docs:
            yield corrupt_document(d, config, p, nlp)


def write_dataset(examples: Iterable[dict[str, Any]], out: str | Path,
                  config: CorruptionConfig) -> dict[str, Any]:
    """Write ``documents.jsonl`` (one record per document and pass), ``config.json`` and
    ``stats.json`` (sentence counts per split and category)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    stats: Counter[str] = Counter()
    with open(out / DOCUMENTS, "w", encoding="utf-8") as f:
        for rec in examples:
            f.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
            for cat in rec["categories"]:
                stats[f"{rec['split']}:{cat}"] += 1
            stats[f"{rec['split']}:sentences"] += len(rec["categories"])
    (out / "config.json").write_text(config.to_json() + "\n", encoding="utf-8")
    summary = dict(sorted(stats.items()))
    (out / "stats.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    return summary
