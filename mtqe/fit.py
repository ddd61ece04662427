"""Fit a model folder's fusion, calibration and thresholds on real annotated MT.

The dev file is cut by document (never by segment: one document's systems and sentences
share names and topics) into a part that fits the fusion and a part that fits the
calibration map; thresholds are then chosen on the calibrated scores of both parts.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .calibrate import (
    apply_map,
    expected_calibration_error,
    fit_platt,
    fit_thresholds,
    prior_shift,
    prior_weight,
)
from .corpus import split_of
from .detector import Detector, Segment, documents
from .devdata import DevSegment
from .fusion import fit_fusion


def doc_key(seg: DevSegment) -> str:
    """The document without its system: all systems' versions of a document go together."""
    return (seg.doc or seg.id).split("|", 1)[-1]


def by_document(segs: list[DevSegment], share: float, salt: str) -> tuple[list[DevSegment], list[DevSegment]]:
    """(segments of documents hashed into ``share``, the others)."""
    a = [s for s in segs if split_of(salt + doc_key(s), share) == "validation"]
    b = [s for s in segs if split_of(salt + doc_key(s), share) != "validation"]
    return a, b


def collect(det: Detector, segs: list[DevSegment]) -> list[tuple[list[Any], Any]]:
    """Evidence per segment, in ``segs`` order."""
    groups = list(documents(Segment(id=s.id, target=s.target, doc=s.doc) for s in segs))
    ev = det.evidence([[g.target for g in group] for group in groups])
    return [(e.found, e.ms) for doc in ev for e in doc]


# The share of sentences with a major error that a desk sees from current MT of news (WMT22
# zh-en MQM: 21%); dev files annotated more harshly (MQM 2020: 66%) are shifted to it, so
# that a score means the same thing whatever data the calibration was fitted on.
DEPLOYMENT_PRIOR = 0.2


def fit_model_folder(det: Detector, segs: list[DevSegment], learn_fusion: bool = True,
                     review_precision: float = 0.5, error_precision: float = 0.8,
                     prior: float | None = DEPLOYMENT_PRIOR) -> dict[str, Any]:
    """Fit fusion (optional), Platt calibration and thresholds; returns the new artifact
    fields and the held-out figures (ECE on the calibration half, at the data's own rate)."""
    fit_part, cal_part = by_document(segs, 0.5, salt="fusion:")
    # The evidence (checks + model outputs) does not depend on the fusion: compute it once.
    evidence = dict(zip((s.id for s in segs), collect(det, segs), strict=True))
    art = det.artifact
    fusion = art.fusion
    if learn_fusion:
        rows = [det.fusion_features(*evidence[seg.id], seg.target) for seg in fit_part]
        fusion = fit_fusion(rows, [s.bad for s in fit_part])
    fitted = Detector(replace(art, fusion=fusion, calibration={}), det.thresholds)
    cal_raw = [fitted.raw_score(*evidence[s.id], s.target) for s in cal_part]
    cal_labels = [s.bad for s in cal_part]
    cmap = fit_platt(cal_raw, cal_labels)
    # ECE of the map on the half that did not fit it: cross-fit the other way round.
    fit_raw = [fitted.raw_score(*evidence[s.id], s.target) for s in fit_part]
    fit_labels = [s.bad for s in fit_part]
    other_map = fit_platt(fit_raw, fit_labels)
    ece = expected_calibration_error([apply_map(other_map, r) for r in cal_raw], cal_labels)
    labels = cal_labels + fit_labels
    rate = sum(labels) / len(labels)
    weight = 1.0
    if prior is not None and 0 < rate < 1:
        cmap, weight = prior_shift(cmap, rate, prior), prior_weight(rate, prior)
    scores = [apply_map(cmap, r) for r in cal_raw + fit_raw]
    th = fit_thresholds(scores, labels, review_precision, error_precision, pos_weight=weight)
    token_threshold = fit_token_threshold([evidence[s.id] for s in segs], segs)
    return {"fusion": fusion, "calibration": cmap, "thresholds": th, "token_threshold": token_threshold,
            "heldout_ece": round(ece, 4), "segments": len(segs), "data_rate": round(rate, 4)}


def fit_token_threshold(evidence: list[tuple[list[Any], Any]], segs: list[DevSegment]) -> float | None:
    """The token probability above which model spans are shown: the one with the best
    character-level F1 against the annotated spans (None without a model or spans)."""
    if not any(ms for _, ms in evidence) or not any(s.errors for s in segs):
        return None
    best, best_f1 = 0.5, -1.0
    for t in (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7):
        tp = fp = fn = 0
        for (_, ms), seg in zip(evidence, segs, strict=True):
            gold = {c for a, b, _ in seg.errors for c in range(a, b)}
            pred = {c for a, b, p in (ms.tokens if ms else []) if p >= t for c in range(a, b)}
            tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best_f1:
            best, best_f1 = t, f1
    return best


def fit_source_fusion(det: Detector, segs: list[DevSegment]) -> dict[str, Any]:
    """Fit the source-aware fusion (stacked on the model folder's target-only fusion) and
    its Platt map on dev segments that carry sources; ECE cross-fitted as above."""
    from .detector import source_fusion_features

    groups = list(documents(Segment(id=s.id, target=s.target, doc=s.doc, source=s.source,
                                    src_lang=s.src_lang) for s in segs))
    ev = det.evidence([[g.target for g in grp] for grp in groups],
                      [[g.source for g in grp] for grp in groups], [grp[0].src_lang for grp in groups])
    evidence = {g.id: e for grp, row in zip(groups, ev, strict=True) for g, e in zip(grp, row, strict=True)}
    rows = {s.id: source_fusion_features(det.raw_score(evidence[s.id].found, evidence[s.id].ms, s.target),
                                         evidence[s.id].source) for s in segs}
    fit_part, cal_part = by_document(segs, 0.5, salt="fusion:")
    fusion = fit_fusion([rows[s.id] for s in fit_part], [s.bad for s in fit_part])
    raw = {s.id: fusion.predict(rows[s.id]) for s in segs}
    cmap = fit_platt([raw[s.id] for s in cal_part], [s.bad for s in cal_part])
    other = fit_platt([raw[s.id] for s in fit_part], [s.bad for s in fit_part])
    ece = expected_calibration_error([apply_map(other, raw[s.id]) for s in cal_part], [s.bad for s in cal_part])
    labels = [s.bad for s in segs]
    rate = sum(labels) / len(labels)
    if 0 < rate < 1:
        cmap = prior_shift(cmap, rate, DEPLOYMENT_PRIOR)
    return {"source_fusion": fusion, "source_calibration": cmap, "heldout_ece": round(ece, 4),
            "segments": len(segs), "data_rate": round(rate, 4)}
