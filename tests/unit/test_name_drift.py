"""Name drift: table-driven, invented names only."""

from __future__ import annotations

import pytest

from mtqe.checks import run_checks
from mtqe.checks.drift import check_name_drift, similar


def _flagged(sentences: list[str]) -> set[str]:
    return {sentences[f.sentence][f.start:f.end] for f in run_checks(sentences, ["name_drift"])}


MUST_FLAG = [
    # a minority respelling of a recurring surname
    (["Foreign Minister Anatoly Vorobyov arrived in Riga on Monday.",
      "Vorobyov met his counterpart for two hours.",
      "Vorobyev said the talks had been useful."], {"Vorobyev"}),
    # three spellings of one name, once each: all are suspect
    (["Envoy Tamsin Okwaraji landed in Lagos.",
      "Okwarajy told reporters the deal was close.",
      "Okwaraje left before dawn."], {"Okwaraji", "Okwarajy", "Okwaraje"}),
    # a drifted first letter that sounds the same
    (["Police chief Marek Kowalczyk spoke first.", "Kowalczyk denied the report.",
      "Kovalczyk later resigned."], {"Kovalczyk"}),
    # a truncation that keeps the sound
    (["Defence Minister Ilya Dragunov inspected the troops.", "Dragunov praised them.",
      "Dragov promised more equipment."], {"Dragov"}),
]

MUST_NOT_FLAG = [
    # full name, surname and title forms of one person
    ["President Emmanuel Moravec spoke.", "Mr Moravec left.", "Moravec's aides stayed."],
    # hyphenation variants of a Korean name
    ["Kim Jong-un met envoys.", "Kim Jong Un later left.", "Kim spoke briefly."],
    # two people who share a surname
    ["Raul Medrano and Fidel Medrano met.", "Fidel Medrano spoke first."],
    # a consistent transliteration
    ["Muammar Gaddafi ruled for decades.", "Gaddafi was killed in 2011.", "Gaddafi's son fled."],
    # country and demonym, related words
    ["Korea and Germany signed a deal.", "Korean and German officials met."],
    # two real places one letter apart
    ["Floods hit Hunan province.", "Henan province was spared.", "Hunan asked for aid."],
    # ordinary words that happen to be capitalised
    ["The Ministry of Finance said so.", "The Minister disagreed.", "The Ministry insisted."],
    # acronyms and dotted forms are not name tokens
    ["U.S. officials met.", "US troops left.", "The U.S. embassy stayed open."],
    # short names collide by chance
    ["Deng and Ding met Tang.", "Dong arrived later.", "Deng spoke."],
]


@pytest.mark.parametrize(("sentences", "expected"), MUST_FLAG)
def test_drift_is_flagged(sentences: list[str], expected: set[str]) -> None:
    assert _flagged(sentences) == expected


@pytest.mark.parametrize("sentences", MUST_NOT_FLAG)
def test_legitimate_variation_is_not_flagged(sentences: list[str]) -> None:
    assert _flagged(sentences) == set()


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("Vorobyov", "Vorobyev", True),
    ("Kowalczyk", "Kovalczyk", True),
    ("Korea", "Korean", False),
    ("Germany", "German", False),
    ("Center", "Centre", False),
    ("Ding", "Dong", False),
])
def test_similar(a: str, b: str, expected: bool) -> None:
    assert similar(a, b) is expected
    assert similar(b, a) is expected


def test_reason_names_the_majority_form() -> None:
    sents = MUST_FLAG[0][0]
    (f,) = check_name_drift(sents)
    assert f.category == "name_drift"
    assert "'Vorobyov' (2x)" in f.reason and f.reason.endswith("'Vorobyov'?")


def test_no_names_gives_no_findings() -> None:
    assert check_name_drift(["it rained all day.", "nobody came."]) == []
