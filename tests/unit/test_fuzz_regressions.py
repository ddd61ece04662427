"""Inputs the coverage-guided fuzzer (bench/fuzz.py) found crashing, kept as regressions."""

from __future__ import annotations

import pytest

from mtqe.source import numbers
from mtqe.source.align import align


@pytest.mark.parametrize("text", ["2,2'2\x1f", "1.5'3 ", "Q" + "\u00f4" * 12 + "2,2'2\x1f\x00",
                                  "C2\u00f52'2,91.9\x001"])
@pytest.mark.parametrize("lang", [None, "pt", "de", "zh"])
def test_a_grouping_mark_after_the_decimal_mark_reads(text: str, lang: str | None) -> None:
    found = numbers.extract(text, lang)
    assert found and all(n.value == n.value for n in found)  # read, and no NaN
    assert align([text], [text], lang) == [[0]]
