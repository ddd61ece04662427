"""Entity conflicts against the article's own associations: invented people, real countries."""

from __future__ import annotations

import pytest

from mtqe.checks.conflicts import associations, check_entity_conflicts


def _flagged(sentences: list[str]) -> set[tuple[int, str]]:
    return {(f.sentence, sentences[f.sentence][f.start:f.end])
            for f in check_entity_conflicts(sentences)}


CASES = [
    # thanking one's own capital for another country's help
    (["France's Foreign Minister Claire Duvallon visited Berlin on Monday.",
      "Duvallon thanked Paris for Germany's support."], {(1, "Paris")}),
    # ... also when the name has drifted in between
    (["Chilean Interior Minister Tomas Arevalo arrived in Lima.",
      "Arevallo expressed his gratitude to Santiago for Peru's help."], {(1, "Santiago")}),
    # the right capital: nothing to flag
    (["France's Foreign Minister Claire Duvallon visited Berlin on Monday.",
      "Duvallon thanked Berlin for Germany's support."], set()),
    # a person tied to one country twice and to another once
    (["Kenyan President Daniel Otieno opened the summit.",
      "Kenyan President Daniel Otieno spoke first.",
      "Ugandan President Daniel Otieno closed the meeting."], {(2, "Ugandan")}),
    # two presidents of two countries are not a conflict
    (["Kenyan President Daniel Otieno met Ugandan President Grace Akello.",
      "Otieno and Akello signed a treaty."], set()),
    # no associations at all
    (["It rained in the capital.", "Nobody thanked anyone."], set()),
]


@pytest.mark.parametrize(("sentences", "expected"), CASES)
def test_entity_conflicts(sentences: list[str], expected: set[tuple[int, str]]) -> None:
    assert _flagged(sentences) == expected


def test_associations_need_a_title_word() -> None:
    assert associations(["Russian troops attacked Kharkiv."]) == []
    (a,) = associations(["Brazil's Finance Minister Joana Prates resigned."])
    assert (a.country, a.person) == ("Brazil", "Prates")
