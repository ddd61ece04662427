"""The public API: load, check, check_segments, typed results, thresholds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import mtqe
from mtqe.detector import Detector


def test_all_is_honest() -> None:
    for name in mtqe.__all__:
        assert hasattr(mtqe, name), name


def test_check_gives_offsets_into_the_article(detector: Detector, article_path: Path) -> None:
    text = article_path.read_text()
    report = detector.check(text)
    assert len(report.sentences) == 5
    for s in report.sentences:
        assert text[s.start:s.end] == s.text
        assert 0.0 <= s.score <= 1.0
        assert s.flag == detector.thresholds.flag(s.score)
    assert report.signature.startswith("model:checks-v1|")


def test_drifted_name_is_flagged_with_span_and_reason(detector: Detector, article_path: Path) -> None:
    report = detector.check(article_path.read_text())
    bad = report.sentences[2]
    assert bad.flag != "ok"
    assert "name_drift" in bad.categories
    span = bad.spans[0]
    assert bad.text[span.start:span.end] == "Dragonov"
    assert "Dragunov" in span.reason and bad.reasons
    assert report.sentences[3].flag == "ok" and report.sentences[3].spans == []
    assert bad.score > report.sentences[3].score


def test_to_dict_is_json(detector: Detector, article_path: Path) -> None:
    d = detector.check(article_path.read_text()).to_dict()
    assert json.loads(json.dumps(d)) == d
    assert set(d["sentences"][0]) >= {"id", "text", "start", "end", "score", "flag", "spans",
                                      "categories", "reasons"}


def test_check_segments_reads_documents_together(detector: Detector) -> None:
    texts = ["Envoy Pavel Zukhrov arrived.", "Zukhrov spoke at length.", "Zukrov then left."]
    as_doc = detector.check_segments(
        [{"id": f"s{i}", "doc": "d1", "target": t} for i, t in enumerate(texts)])
    alone = detector.check_segments(
        [mtqe.Segment(id=f"s{i}", target=t) for i, t in enumerate(texts)])
    assert [r.id for r in as_doc] == ["s0", "s1", "s2"]
    assert as_doc[2].flag != "ok"
    assert all(r.flag == "ok" for r in alone)  # no document, no context


def test_default_model_is_the_shipped_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MTQE_MODEL")
    assert mtqe.default_model_path().name == mtqe.DEFAULT_MODEL
    assert (mtqe.default_model_path() / "config.json").is_file()


def test_threshold_override_and_modes(article_path: Path) -> None:
    strict = mtqe.load(thresholds={"review": 0.99, "error": 0.999})
    assert all(s.flag == "ok" for s in strict.check(article_path.read_text()).sentences)
    base = mtqe.load()
    sens, prec = mtqe.load(mode="sensitive"), mtqe.load(mode="precise")
    assert sens.thresholds.review < base.thresholds.review < prec.thresholds.review
    with pytest.raises(ValueError):
        mtqe.load(thresholds={"review": 0.9, "error": 0.5})


def test_category_thresholds_decide_their_sentences(article_path: Path) -> None:
    # nothing flags globally; sentences whose strongest span is a name drift always do
    th = mtqe.Thresholds(0.999, 1.0, {"name_drift": mtqe.Thresholds(0.0, 0.0)})
    report = mtqe.load(thresholds=th).check(article_path.read_text())
    flags = [(s.spans[0].category if s.spans else None, s.flag) for s in report.sentences]
    assert ("name_drift", "error") in flags
    assert all(f == ("error" if c == "name_drift" else "ok") for c, f in flags)
    overridden = mtqe.load(thresholds={"review": 0.999, "error": 1.0})
    assert overridden.thresholds.categories == {}


def test_env_var_selects_the_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "other"
    shutil.copytree(mtqe.default_model_path(), folder)
    cfg = json.loads((folder / "config.json").read_text())
    cfg["name"] = "other-model"
    (folder / "config.json").write_text(json.dumps(cfg))
    from mtqe.artifact import write_digests

    write_digests(folder)  # an edited folder is refused until its digests are recorded again
    monkeypatch.setenv("MTQE_MODEL", str(folder))
    assert mtqe.load().signature.startswith("model:other-model|")


def test_missing_model_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="not an mtqe model folder"):
        mtqe.load(tmp_path)
