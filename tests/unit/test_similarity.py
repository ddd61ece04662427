"""Cross-lingual similarity (source mode): the encoder shipped in its wheel, read per language."""

from __future__ import annotations

import pytest

from mtqe.source import SourceReport
from mtqe.source.similarity import CrossLingual, supported


@pytest.fixture(scope="module")
def enc() -> CrossLingual:
    return CrossLingual()


@pytest.mark.parametrize(("source", "lang", "faithful", "other"), [
    ("O governo aumentou os impostos sobre o tabaco.", "pt",
     "The government raised taxes on tobacco.", "The football club signed a new striker."),
    ("Die Regierung hat die Steuern auf Tabak erhöht.", "de",
     "The government has raised taxes on tobacco.", "The football club signed a new striker."),
    ("Правительство повысило налоги на табак.", "ru",
     "The government raised taxes on tobacco.", "The football club signed a new striker."),
    ("政府提高了烟草税。", "zh",
     "The government raised the tobacco tax.", "The football club signed a new striker."),
])
def test_a_translation_is_nearer_its_source_than_another_sentence(enc, source, lang, faithful, other):
    good, bad = enc.zscores([(source, faithful, lang), (source, other, lang)])
    assert good is not None and bad is not None
    assert good > bad + 2  # spreads of human translations apart


def test_unsupported_languages_and_empty_sides_get_no_similarity(enc):
    # Czech is not among the encoder's languages: its cosines say little, so none is given
    out = enc.zscores([("Vláda zvýšila daně z tabáku.", "The government raised taxes on tobacco.", "cs"),
                       ("", "An added sentence.", "pt"), ("Um texto.", "A text.", None)])
    assert out == [None, None, None]
    assert not supported("cs") and supported("pt")


def test_dissimilarity_feature_is_neutral_when_absent_and_clipped():
    assert SourceReport().features()["src_dissimilar"] == 0.0
    assert SourceReport(similarity_z=-9.0).features()["src_dissimilar"] == 4.0
    assert SourceReport(similarity_z=5.0).features()["src_dissimilar"] == -2.0


def test_detector_feeds_similarity_to_the_source_fusion(tmp_path, source_folder):
    """With the folder's switch on, a translation that says something else scores higher
    through the source fusion; an unsupported language says so in the reasons."""
    from mtqe.artifact import load_artifact
    from mtqe.detector import Detector

    source_folder({"src_dissimilar": 1.5})
    assert load_artifact(tmp_path).source_similarity
    det = Detector(load_artifact(tmp_path))
    source = "O governo aumentou os impostos sobre o tabaco."
    good = det.check("The government raised taxes on tobacco.", source=source, src_lang="pt")
    bad = det.check("The football club signed a new striker.", source=source, src_lang="pt")
    assert bad.sentences[0].score > good.sentences[0].score + 0.3
    # the flag says why, though the similarity is a feature and no span
    assert bad.sentences[0].flag != "ok"
    assert any("further from the source" in r for r in bad.sentences[0].reasons)
    assert not any("further from the source" in r for r in good.sentences[0].reasons)
    # source-aware scores are flagged by the source pair when the folder has one
    from mtqe.thresholds import Thresholds

    strict = det.with_thresholds(det.thresholds.with_source(Thresholds(0.999, 0.999)))
    again = strict.check("The football club signed a new striker.", source=source, src_lang="pt")
    assert again.sentences[0].score == bad.sentences[0].score and again.sentences[0].flag == "ok"
    cs = det.check("The government raised taxes on tobacco.", source="Vláda zvýšila daně z tabáku.",
                   src_lang="cs")
    assert any("meaning not compared" in r for r in cs.sentences[0].reasons)
    assert not any("meaning not compared" in r for r in good.sentences[0].reasons)


def test_source_fusion_reads_the_text_priors():
    from mtqe.scoring import source_features as source_fusion_features

    f = source_fusion_features(0.5, SourceReport(similarity_z=-1.0), "Talks with Vokolov in Lisbon failed.")
    assert f["target_logit"] == 0.0 and f["src_dissimilar"] == 1.0
    assert f["log_names"] > 0
