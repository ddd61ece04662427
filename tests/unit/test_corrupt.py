"""The corruption engine: corpus reading, per-document mix, reproducibility, preview."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from mtqe.training.corpus import CorpusDoc, read_documents, split_of
from mtqe.training.corrupt import CorruptionConfig, corrupt_document, generate, write_dataset
from mtqe.training.preview import preview

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus.jsonl"


@pytest.fixture(scope="module")
def docs() -> list[CorpusDoc]:
    return list(read_documents([CORPUS], validation_share=0.0))


def test_corpus_reads_both_formats_and_dedupes(docs: list[CorpusDoc], tmp_path: Path) -> None:
    assert [d.id for d in docs] == ["fx-1", "fx-2", "fx-3", "fx-4"]
    assert docs[0].sentences[0].startswith("Foreign Minister Anatoly Vorobyov")
    dup = tmp_path / "dup.jsonl"
    dup.write_text(CORPUS.read_text() + CORPUS.read_text().replace('"fx-', '"dup-'))
    again = list(read_documents([dup], validation_share=0.0))
    assert len(again) == 4  # the copies add no new sentences, so no new documents


def test_split_is_by_document_hash() -> None:
    assert split_of("doc-a", 0.0) == "train" and split_of("doc-a", 1.0) == "validation"
    # the share is honoured over many documents, and a document in the validation part at one
    # share stays there at a larger one (the splits of two configs nest)
    ids = [f"doc-{i}" for i in range(2000)]
    assert 0.27 <= sum(split_of(d, 0.3) == "validation" for d in ids) / len(ids) <= 0.33
    assert all(split_of(d, 0.5) == "validation" for d in ids if split_of(d, 0.3) == "validation")


def test_document_record_is_consistent(docs: list[CorpusDoc]) -> None:
    cfg = CorruptionConfig(error_share=0.6, benign_share=0.2)
    rec = corrupt_document(docs[0], cfg, 0)
    n = len(docs[0].sentences)
    for key in ("sentences", "labels", "categories", "names", "spans", "originals"):
        assert len(rec[key]) == n
    for i in range(n):
        changed = rec["originals"][i] is not None
        assert changed == (rec["categories"][i] != "clean")
        assert rec["labels"][i] == int(changed and rec["categories"][i] != "benign")
        for a, b in rec["spans"][i]:
            assert 0 <= a < b <= len(rec["sentences"][i])
        assert bool(rec["spans"][i]) == bool(rec["labels"][i])


def test_mix_follows_the_shares(docs: list[CorpusDoc]) -> None:
    labels = [lab for p in range(40) for d in docs
              for lab in corrupt_document(d, CorruptionConfig(seed=p), p)["labels"]]
    assert 0.3 < sum(labels) / len(labels) < 0.65  # error_share 0.5, minus sentences with no site


def test_only_listed_corruptions_are_used(docs: list[CorpusDoc]) -> None:
    cfg = CorruptionConfig(error_share=1.0, benign_share=0.0, mix={"number_change.v1": 1.0})
    rec = corrupt_document(docs[3], cfg, 0)
    assert set(rec["categories"]) <= {"number_change", "clean"} and "number_change" in rec["categories"]


def test_byte_for_byte_reproducible(docs: list[CorpusDoc], tmp_path: Path) -> None:
    cfg = CorruptionConfig(seed=7, passes=2)
    write_dataset(generate(docs, cfg), tmp_path / "a", cfg)
    write_dataset(generate(list(reversed(docs))[::-1], cfg), tmp_path / "b", cfg)
    digest = [hashlib.sha256((tmp_path / x / "documents.jsonl").read_bytes()).hexdigest() for x in "ab"]
    assert digest[0] == digest[1]
    other = CorruptionConfig(seed=8, passes=2)
    write_dataset(generate(docs, other), tmp_path / "c", other)
    assert hashlib.sha256((tmp_path / "c" / "documents.jsonl").read_bytes()).hexdigest() != digest[0]
    assert json.loads((tmp_path / "a" / "config.json").read_text())["seed"] == 7


def test_config_is_validated() -> None:
    with pytest.raises(ValueError, match="unknown corruptions"):
        CorruptionConfig(mix={"nope.v1": 1.0})
    with pytest.raises(ValueError):
        CorruptionConfig(error_share=0.9, benign_share=0.3)


def test_preview_shows_clean_and_corrupted(docs: list[CorpusDoc], tmp_path: Path) -> None:
    cfg = CorruptionConfig(error_share=0.9, benign_share=0.1)
    write_dataset(generate(docs, cfg), tmp_path, cfg)
    text = preview(tmp_path, n=3, seed=0)
    assert text.count("clean:") == 3 and text.count("corrupted:") == 3 and "[[" in text
