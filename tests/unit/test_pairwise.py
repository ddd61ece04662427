"""Same-source pairwise accuracy on a fixture whose answer is counted by hand; harmless edits
and MQM pairs as tables. (The pairwise loss itself: ``test_model.py``.)"""

from __future__ import annotations

import random

import pytest

from mtqe.evaluation.devdata import DevSegment
from mtqe.evaluation.pairwise import pairwise_accuracy
from mtqe.training.pairs import HARMLESS


def _mqm(system: str, seg: int, target: str, mqm: float) -> DevSegment:
    return DevSegment(f"{system}|d|{seg}", f"{system}|d", target, "源", bad=mqm >= 5, clean=mqm == 0,
                      gold=mqm, extra={"system": system, "seg_id": seg})


FIXTURE = [  # two sources, three systems each
    _mqm("A", 1, "one two three", 0.0), _mqm("B", 1, "one two", 5.0), _mqm("C", 1, "one", 1.0),
    _mqm("A", 2, "a b", 5.0), _mqm("B", 2, "a b c d", 5.0), _mqm("C", 2, "a", 0.0),
]


def test_pairwise_accuracy_counts_pairs_by_hand() -> None:
    scores = [0.1, 0.9, 0.5, 0.4, 0.4, 0.6]
    res = pairwise_accuracy(FIXTURE, scores)
    # source 1: B>A hit, C>A hit, B>C hit; source 2: A>C miss, B>C miss (A=B: same gold, no pair)
    assert res["pairs"] == 5 and res["accuracy"] == pytest.approx(3 / 5)
    # major vs not: B>A, B>C (source 1); A>C, B>C (source 2): 1 + 1 + 0 + 0
    assert res["major_pairs"] == 4 and res["major_accuracy"] == pytest.approx(2 / 4)
    # by length (words): worse longer in B>A? no (2<3), C>A no, B>C yes, A>C yes, B>C yes
    assert res["length_accuracy"] == pytest.approx(3 / 5)
    ties = pairwise_accuracy(FIXTURE, [0.5] * 6)
    assert ties["accuracy"] == pytest.approx(0.5)


def test_pairwise_accuracy_needs_several_systems() -> None:
    single = [DevSegment(str(i), None, "text", None, bad=False, clean=True, gold=float(i)) for i in range(3)]
    assert pairwise_accuracy(single, [0.1, 0.2, 0.3])["pairs"] == 0


@pytest.mark.parametrize(("kind", "text", "edited"), [
    ("lower", "The Bank of Japan said.", "the bank of japan said."),
    ("tokenized", 'He said: "No, never."', 'He said :  " No , never .  "'),  # as dev_bars.py edits
    ("no_final_stop", "Prices fell.", "Prices fell"),
    ("quotes", 'He said "no" twice.', "He said “no” twice."),
    ("wire", "Profits rose 5 percent to 3 million", "Profits rose 5 pct to 3 mln"),
])
def test_harmless_edits(kind: str, text: str, edited: str) -> None:
    assert HARMLESS[kind](text) == edited


def test_mqm_pairs_are_same_source_and_weighted() -> None:
    from mtqe.training.pairs import mqm_pairs

    pairs = mqm_pairs(FIXTURE, random.Random(0))
    got = sorted((p.worse.sentences[p.worse.i], p.better.sentences[p.better.i], p.weight) for p in pairs)
    assert got == [("a b", "a", 1.0), ("a b c d", "a", 1.0), ("one", "one two three", 0.2),
                   ("one two", "one", 0.8), ("one two", "one two three", 1.0)]


def test_markdown_report_shows_the_pairwise_row() -> None:
    from mtqe.evaluation.evaluate import format_markdown

    flags = {"precision": 0.5, "recall": 0.5, "f1": 0.5, "mcc": 0.1, "flagged": 2}
    res = {"segments": 6, "positives": 3, "auroc": 0.7, "flags_review": flags, "flags_error": flags,
           "pairwise": pairwise_accuracy(FIXTURE, [0.1, 0.9, 0.5, 0.4, 0.4, 0.6])}
    row = "| same-source pairwise accuracy (n) / major vs none (n) / by length |"
    assert f"{row} 0.600 (5) / 0.500 (4) / 0.600 |" in format_markdown(res)
