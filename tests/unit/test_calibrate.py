"""Thresholds, calibration maps and fusion: known expected values."""

from __future__ import annotations

import math

import pytest

from mtqe.thresholds import Thresholds, apply_map
from mtqe.training.calibration import (
    expected_calibration_error,
    fit_category_thresholds,
    fit_fusion,
    fit_isotonic,
    fit_platt,
    fit_thresholds,
    prior_shift,
    prior_weight,
    steadied_thresholds,
    threshold_for_precision,
    threshold_max_mcc,
)


@pytest.mark.parametrize(("score", "flag"), [(0.0, "ok"), (0.49, "ok"), (0.5, "review"),
                                             (0.79, "review"), (0.8, "error"), (1.0, "error")])
def test_flags(score: float, flag: str) -> None:
    assert Thresholds(0.5, 0.8).flag(score) == flag


@pytest.mark.parametrize(("mode", "review", "error"), [("precise", 0.6, 0.9), ("balanced", 0.5, 0.8),
                                                       ("sensitive", 0.35, 0.65)])
def test_modes(mode: str, review: float, error: float) -> None:
    th = Thresholds(0.5, 0.8).shifted(mode)
    assert th.review == pytest.approx(review) and th.error == pytest.approx(error)


PER_CATEGORY = Thresholds(0.5, 0.8, {"mt_error": Thresholds(0.3, 0.6)})


@pytest.mark.parametrize(("score", "category", "flag"), [
    (0.4, "mt_error", "review"), (0.4, None, "ok"), (0.4, "name_drift", "ok"),
    (0.29, "mt_error", "ok"), (0.6, "mt_error", "error"), (0.6, None, "review"),
    (0.6, "name_drift", "review"), (0.8, "name_drift", "error")])
def test_flags_per_category(score: float, category: str | None, flag: str) -> None:
    # mt_error has its own pair; any other category, and no category, falls back to the global one
    assert PER_CATEGORY.flag(score, category) == flag


@pytest.mark.parametrize(("mode", "review", "error"), [("precise", 0.4, 0.7), ("sensitive", 0.15, 0.45)])
def test_modes_move_category_thresholds(mode: str, review: float, error: float) -> None:
    th = PER_CATEGORY.shifted(mode).categories["mt_error"]
    assert th.review == pytest.approx(review) and th.error == pytest.approx(error)


@pytest.mark.parametrize(("review", "error", "expected"), [(0.4, None, (0.4, 0.8)), (None, 0.9, (0.5, 0.9)),
                                                           (0.2, 0.3, (0.2, 0.3))])
def test_override_applies_to_every_category(review: float | None, error: float | None,
                                            expected: tuple[float, float]) -> None:
    th = PER_CATEGORY.overridden(review, error)
    assert (th.review, th.error) == expected and th.categories == {}
    assert th.flag(expected[0], "mt_error") == th.flag(expected[0]) == "review"


def test_thresholds_round_trip_and_old_files_load() -> None:
    assert Thresholds.from_dict(PER_CATEGORY.to_dict()) == PER_CATEGORY
    assert PER_CATEGORY.to_dict()["categories"] == {"mt_error": {"review": 0.3, "error": 0.6}}
    old = Thresholds.from_dict({"review": 0.4, "error": 0.7})
    assert old == Thresholds(0.4, 0.7) and "categories" not in old.to_dict()


WITH_SOURCE = PER_CATEGORY.with_source(Thresholds(0.4, 0.65))


@pytest.mark.parametrize(("score", "category", "source", "flag"), [
    (0.35, "mt_error", False, "review"), (0.35, "mt_error", True, "ok"),  # source ignores categories
    (0.45, None, True, "review"), (0.45, None, False, "ok"), (0.7, None, True, "error"),
    (0.7, None, False, "review")])
def test_source_aware_scores_use_their_own_pair(score: float, category: str | None, source: bool,
                                                flag: str) -> None:
    assert WITH_SOURCE.flag(score, category, source=source) == flag
    # without a source pair, source-aware scores use the target-only pairs
    assert PER_CATEGORY.flag(score, category, source=True) == PER_CATEGORY.flag(score, category)


def test_source_pair_follows_modes_overrides_and_files() -> None:
    assert WITH_SOURCE.shifted("precise").source == Thresholds(0.5, 0.75)
    assert WITH_SOURCE.overridden(0.2).source is None  # a user's number applies everywhere
    assert Thresholds.from_dict(WITH_SOURCE.to_dict()) == WITH_SOURCE
    assert WITH_SOURCE.to_dict()["source"] == {"review": 0.4, "error": 0.65}
    with pytest.raises(ValueError):
        Thresholds(0.5, 0.8, source=WITH_SOURCE)


def test_source_thresholds_average_the_files_own_pairs() -> None:
    from mtqe.evaluation.devdata import DevSegment
    from mtqe.training.fit import source_thresholds

    # file "a" (half errors): flags from 0.7 up are all right; file "b" (rare errors): its
    # errors score 0.3, its clean segments 0.1. Each file's pair, at the deployment prior,
    # is its own; the source pair is their mean, not a pooled fit that one file dominates.
    segs, scores = [], {}
    for f, n, bad_at, ok_at, every in (("a", 200, 0.8, 0.2, 2), ("b", 400, 0.3, 0.1, 10)):
        for i in range(n):
            s = DevSegment(id=f"{f}{i}", doc=f"{f}{i // 4}", target="x", source="y", bad=i % every == 0,
                           clean=i % every != 0)
            s.extra["dataset"] = f
            segs.append(s)
            scores[s.id] = bad_at if s.bad else ok_at
    th = source_thresholds(segs, scores)
    assert th is not None
    assert th.review == pytest.approx((0.8 + 0.3) / 2) and th.error == pytest.approx((0.8 + 0.3) / 2)
    # no file with both errors and clean segments: no pair (the target-only pairs apply)
    assert source_thresholds([s for s in segs if s.bad], scores) is None


@pytest.mark.parametrize("bad", [(0.9, 0.5), (-0.1, 0.5), (0.5, 1.2)])
def test_invalid_thresholds(bad: tuple[float, float]) -> None:
    with pytest.raises(ValueError):
        Thresholds(*bad)


SCORES = [0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2]
LABELS = [True, True, True, False, True, False, True, False, False, False]


@pytest.mark.parametrize(("target", "expected"), [(1.0, 0.85), (0.8, 0.7), (0.7, 0.5),
                                                  (0.5, 0.2), (0.4, 0.2)])
def test_threshold_for_precision(target: float, expected: float) -> None:
    assert threshold_for_precision(SCORES, LABELS, target, min_flags=1) == expected


def test_threshold_for_precision_unreachable() -> None:
    assert threshold_for_precision([0.9, 0.8], [False, False], 0.5, min_flags=1) is None


def test_threshold_max_mcc() -> None:
    # cuts at 0.85 (tp=3 fp=0) and 0.5 (tp=5 fp=2) tie at MCC 0.655; the stricter one wins
    assert threshold_max_mcc(SCORES, LABELS) == 0.85


def test_fit_thresholds_orders_review_below_error() -> None:
    th = fit_thresholds(SCORES * 3, LABELS * 3, 0.5, 0.8)
    assert th.review <= th.error
    # review: all 30 flags reach 0.5 precision; error: 0.8 needs >= 20 flags, unreachable,
    # so error falls back to the top score
    assert th.review == 0.2 and th.error == 0.95


# Category "a": SCORES x3 (30 sentences, 15 positive); "b": 10 sentences, 2 positive (too
# few); None: sentences without spans, never a category of their own. Within "a", with 20
# flags at least: all 30 flags reach 0.5 precision (t=0.2); cutting at 0.5 gives 21 flags,
# 15 right (0.714); 0.8 is out of reach, so the global value stands in.
CAT_SCORES = SCORES * 3 + [0.9, 0.1] * 5 + [0.95] * 5
CAT_LABELS = LABELS * 3 + [True, False, True] + [False] * 7 + [True] * 5
CATEGORIES = ["a"] * 30 + ["b"] * 10 + [None] * 5
GLOBAL = Thresholds(0.45, 0.9)


@pytest.mark.parametrize(("review_p", "error_p", "weight", "expected"), [
    (0.5, 0.8, 1.0, (0.2, 0.9)),     # review reachable, error falls back to the global 0.9
    (0.7, 0.8, 1.0, (0.5, 0.9)),     # 0.714 at t=0.5; 0.625 at t=0.4
    (0.8, 0.7, 1.0, (0.45, 0.5)),    # review falls back to 0.45, error 0.5: still ordered
    (0.5, 0.5, 1.0, (0.2, 0.2)),
    (0.5, 0.8, 0.5, (0.5, 0.9)),     # positives at half weight: 7.5 / 13.5 at t=0.5, 7.5 / 16.5 at 0.4
])
def test_fit_category_thresholds(review_p: float, error_p: float, weight: float,
                                 expected: tuple[float, float]) -> None:
    th = fit_category_thresholds(CAT_SCORES, CAT_LABELS, CATEGORIES, GLOBAL, review_p, error_p,
                                 pos_weight=weight, min_positives=10)
    assert (th.review, th.error) == (0.45, 0.9)
    assert set(th.categories) == {"a"}
    assert (th.categories["a"].review, th.categories["a"].error) == expected


def test_steadied_thresholds_take_the_median_over_document_resamples() -> None:
    # Each "document" holds items whose fit is its own value: the resampled fit returns the
    # mean over the items it was given, so the bootstrap median is near the overall mean.
    groups = [f"d{i // 2}" for i in range(40)]
    values = [i // 2 / 20 for i in range(40)]  # 0.0 .. 0.95, two items per document
    seen = []

    def fit(idx: list[int]) -> Thresholds:
        seen.append(idx)
        m = sum(values[i] for i in idx) / len(idx)
        cats = {"a": Thresholds(m / 2, m)} if len(seen) % 3 else {}  # "a" in 2 of 3 resamples
        cats |= {"rare": Thresholds(0.1, 0.2)} if len(seen) % 3 == 0 and len(seen) % 2 else {}
        return Thresholds(m / 2, m, cats)

    th = steadied_thresholds(fit, groups, resamples=60, seed=1)
    assert len(seen) == 60
    # whole documents are drawn: both items of a document come together, as often
    assert all(idx.count(i) == idx.count(i + 1) for idx in seen for i in range(0, 40, 2))
    assert th.error == pytest.approx(0.475, abs=0.05) and th.review == pytest.approx(th.error / 2, abs=0.02)
    assert set(th.categories) == {"a"}  # "rare" fitted in a sixth of the resamples only
    assert steadied_thresholds(fit, groups, resamples=60, seed=1) == th  # seeded


def test_steadied_thresholds_of_a_stable_fit_are_that_fit() -> None:
    th = steadied_thresholds(lambda idx: Thresholds(0.3, 0.7, {"a": Thresholds(0.2, 0.6)}),
                             ["x", "y", "z"], resamples=5)
    assert th == Thresholds(0.3, 0.7, {"a": Thresholds(0.2, 0.6)})


def test_fit_category_thresholds_needs_enough_positives() -> None:
    th = fit_category_thresholds(CAT_SCORES, CAT_LABELS, CATEGORIES, GLOBAL, min_positives=16)
    assert th == GLOBAL


@pytest.mark.parametrize(("scores", "labels", "knots", "x", "y"), [
    # one bin per score: (0.2, 1) then (0.3, 0) violate order and pool into (0.25, 0.5)
    ([0.1, 0.2, 0.3, 0.4], [False, True, False, True], 4, [0.1, 0.25, 0.4], [0.0, 0.5, 1.0]),
    # two bins of two, (0.15, 0.5) and (0.35, 0.5): equal rates pool into one knot
    ([0.1, 0.2, 0.3, 0.4], [False, True, False, True], 2, [0.25], [0.5]),
    # tied scores never split across bins
    ([0.1, 0.1, 0.1, 0.2], [False, True, False, True], 4, [0.1, 0.2], [0.333333, 1.0]),
    ([0.3, 0.1, 0.2], [True, False, True], 3, [0.1, 0.25], [0.0, 1.0]),
])
def test_fit_isotonic(scores: list[float], labels: list[bool], knots: int, x: list[float],
                      y: list[float]) -> None:
    m = fit_isotonic(scores, labels, max_knots=knots)
    assert m == {"kind": "isotonic", "x": x, "y": y}


def test_isotonic_keeps_few_knots_and_is_monotone() -> None:
    scores = [i / 1000 for i in range(1000)]
    labels = [(i * 7919) % 1000 < i for i in range(1000)]  # error rate grows with the score
    m = fit_isotonic(scores, labels, max_knots=50)
    assert len(m["x"]) <= 50
    assert m["y"] == sorted(m["y"]) and len(set(m["y"])) == len(m["y"])
    assert [apply_map(m, s) for s in scores] == sorted(apply_map(m, s) for s in scores)


def test_isotonic_prior_shift_in_odds_space() -> None:
    # from a 50% to a 20% rate the odds are multiplied by 0.25: 0.5 -> 0.2, 0.8 -> 0.5
    m = prior_shift({"kind": "isotonic", "x": [0.0, 1.0], "y": [0.5, 0.8]}, 0.5, 0.2)
    assert m["y"] == pytest.approx([0.2, 0.5]) and m["x"] == [0.0, 1.0] and m["prior"] == 0.2


def test_prior_weight_and_shift() -> None:
    assert prior_weight(0.5, 0.5) == pytest.approx(1.0)
    assert prior_weight(0.5, 0.2) == pytest.approx(0.25)
    m = prior_shift({"kind": "platt", "a": 1.0, "b": 0.0}, 0.5, 0.2)
    assert apply_map(m, 0.5) == pytest.approx(0.2)


@pytest.mark.parametrize(("raw", "expected"), [(0.0, 0.1), (0.25, 0.2), (0.5, 0.3), (0.75, 0.6),
                                               (1.0, 0.9)])
def test_isotonic_map(raw: float, expected: float) -> None:
    cmap = {"kind": "isotonic", "x": [0.0, 0.5, 1.0], "y": [0.1, 0.3, 0.9]}
    assert apply_map(cmap, raw) == pytest.approx(expected)


def test_platt_recovers_a_known_map() -> None:
    xs = [i / 100 for i in range(1, 100)]
    # labels drawn deterministically from p = sigmoid(2 * logit(x) - 1): many copies, exact fractions
    scores, labels = [], []
    for x in xs:
        p = 1 / (1 + math.exp(-(2 * math.log(x / (1 - x)) - 1)))
        k = round(p * 100)
        scores += [x] * 100
        labels += [True] * k + [False] * (100 - k)
    m = fit_platt(scores, labels)
    assert m["a"] == pytest.approx(2.0, abs=0.05) and m["b"] == pytest.approx(-1.0, abs=0.05)
    assert expected_calibration_error([apply_map(m, s) for s in scores], labels) < 0.01


def test_ece_of_perfectly_calibrated_bins() -> None:
    scores = [0.25] * 4 + [0.75] * 4
    labels = [True, False, False, False, True, True, True, False]
    assert expected_calibration_error(scores, labels) == pytest.approx(0.0)


def test_fit_fusion_sample_weights_count_as_repeated_rows() -> None:
    rows = [{"a": float(i % 3 == 0)} for i in range(60)]
    labels = [i % 3 == 0 and i % 4 != 0 for i in range(60)]
    weights = [3.0 if i % 2 else 1.0 for i in range(60)]
    repeated = [(r, y) for r, y, w in zip(rows, labels, weights, strict=True) for _ in range(int(w))]
    weighted = fit_fusion(rows, labels, l2=0.5, sample_weights=weights)
    plain = fit_fusion([r for r, _ in repeated], [y for _, y in repeated], l2=0.5)
    assert weighted.weights["a"] == pytest.approx(plain.weights["a"], abs=1e-4)
    assert weighted.bias == pytest.approx(plain.bias, abs=1e-4)
    assert fit_fusion(rows, labels, l2=0.5).weights["a"] != pytest.approx(weighted.weights["a"], abs=1e-3)


def test_dataset_weights_give_each_file_the_same_weight() -> None:
    from mtqe.evaluation.devdata import DevSegment
    from mtqe.training.fit import dataset_weights

    segs = [DevSegment(id=str(i), doc=None, target="x", source="y", bad=False, clean=True,
                       extra={"dataset": "big" if i < 30 else "small"}) for i in range(40)]
    w = dataset_weights(segs)
    assert sum(w[:30]) == pytest.approx(sum(w[30:])) == pytest.approx(20.0)
    assert sum(w) == pytest.approx(len(segs))
    assert dataset_weights(segs[:30]) == pytest.approx([1.0] * 30)


def test_fit_fusion_learns_the_informative_feature() -> None:
    rows = [{"a": float(i % 2), "b": 0.3} for i in range(200)]
    labels = [bool(i % 2) if i % 10 else not bool(i % 2) for i in range(200)]
    fus = fit_fusion(rows, labels, l2=0.1)
    assert fus.weights["a"] > 1.0
    assert fus.predict({"a": 1.0, "b": 0.3}) > 0.7 > 0.3 > fus.predict({"a": 0.0, "b": 0.3})


@pytest.mark.parametrize(("text", "names"), [
    ("The talks went well, the minister said.", 0),
    # a name inside the sentence counts; the capital of its first word does not
    ("Officials met Minister Vokolov in Lisbon.", 3),
    ("the delegaton was met by the xqzvbl", 0),
])
def test_text_priors_count_inner_names(text: str, names: int) -> None:
    from mtqe.fusion import text_priors

    assert text_priors(text) == {"log_names": pytest.approx(math.log1p(names))}


def test_target_fusion_reads_the_names_prior() -> None:
    from mtqe.scoring import Evidence, target_features

    named = target_features(Evidence([], None), "Talks with Vokolov in Lisbon failed badly.")
    plain = target_features(Evidence([], None), "The talks with them there failed badly.")
    assert named["log_names"] == pytest.approx(math.log1p(2)) and plain["log_names"] == 0.0
    assert named["log_words"] == plain["log_words"]


@pytest.mark.parametrize(("text", "words"), [
    ("The minister said, adding: \"no talks\".", 6),
    ("The minister said , adding : \" no talks \" .", 6),   # as a tokenizer splits it
    ("Prices rose 5 % - a record.", 5),                    # figures count, lone signs do not
])
def test_length_prior_counts_words_not_split_off_punctuation(text: str, words: int) -> None:
    from mtqe.fusion import features

    assert features(None, None, [], text)["log_words"] == pytest.approx(math.log1p(words))
