"""Unknown names near real places, and the gazetteer behind them: invented or generic examples."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from mtqe.checks import gazetteer
from mtqe.checks.places import check_unknown_names

DEMONYMS = Path(__file__).parents[2] / "mtqe" / "data" / "demonyms.json"

# (document, flagged span, suggestion in the reason, strength)
MUST_FLAG = [
    (["Soldiers of the North Macedonain army crossed the border."],
     "North Macedonain", "North Macedonian", 0.85),
    (["The South Afrikan team won the final."], "South Afrikan", "South African", 0.85),
    (["Thousands fled to South Sudanesse camps."], "South Sudanesse", "South Sudanese", 0.85),
    (["Leaders met at a summit in Beijjing on Monday."], "Beijjing", "Beijing", 0.7),
    (["The mayor of Nairobbi opened the road."], "Nairobbi", "Nairobi", 0.7),
    (["Exports to Marocco doubled last year."], "Marocco", "Morocco", 0.7),
    # the place itself is named elsewhere in the document: a looser bound and a higher strength
    (["The fair opened in Paris on Friday.", "Visitors to Parris queued for hours."],
     "Parris", "Paris", 0.85),
]

MUST_NOT_FLAG = [
    ["Storms hit North Carolina and South Sudan."],
    ["Ships crossed the North Atlantic and the North Sea."],
    ["Troops left East Timor and the West Bank."],
    ["Tension is rising in the South China Sea."],
    ["He wore North Face jackets across Western Europe."],
    ["North Macedonian and South African envoys met."],
    ["The North Macedonians and South Africans agreed."],
    ["The company Zorvex said profits rose."],
    ["Okonkwo said the talks had failed."],
    ["Harris flew to Paris on Monday."],
    ["Parris said the talks had failed."],
    # pinyin names are transliterations, however close to some Chinese city
    ["Zhang Keqiang and Liu Huijin visited the plant."],
    # a person's name: the neighbour is a given name or surname
    ["On behalf of the organisers, Tom Nairobbi spoke."],
    # attested twice: a consistent spelling is a name, not a slip
    ["Officials from Veltrania arrived.", "Veltrania later denied the report."],
    ["The Beijjing office opened.", "The Beijjing office closed."],
    # an adjective made from a place
    ["They walked in the Thuringian Forest."],
]


@pytest.mark.parametrize(("sentences", "span", "suggestion", "strength"), MUST_FLAG)
def test_flags_near_miss_places(
    sentences: list[str], span: str, suggestion: str, strength: float
) -> None:
    findings = check_unknown_names(sentences)
    assert len(findings) == 1
    found = findings[0]
    sentence = sentences[found.sentence]
    assert sentence[found.start:found.end] == span
    assert (found.category, found.strength) == ("unknown_name", strength)
    assert f"'{span}'" in found.reason and f"did you mean '{suggestion}'?" in found.reason


@pytest.mark.parametrize("sentences", MUST_NOT_FLAG)
def test_leaves_real_places_and_names(sentences: list[str]) -> None:
    assert check_unknown_names(sentences) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [("the Netherlands", True), ("nairobi", True), ("Western Europe", True), ("Kenya", True),
     ("North Carolina", True), ("Zorvex", False), ("Kenyan", False), ("was", False)],
)
def test_is_place(name: str, expected: bool) -> None:
    assert gazetteer.is_place(name) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Kenyan", True), ("Filipinos", True), ("French", True), ("North Macedonian", True),
     ("Paris", False), ("Zorvex", False)],
)
def test_is_demonym(word: str, expected: bool) -> None:
    assert gazetteer.is_demonym(word) is expected


@pytest.mark.parametrize(
    ("name", "country"),
    [("Paris", "France"), ("French", "France"), ("France", "France"),
     ("Holland", "The Netherlands"), ("Dutch", "The Netherlands"), ("Nairobi", "Kenya"),
     ("Kenyans", "Kenya"), ("Zorvex", None)],
)
def test_country_of(name: str, country: str | None) -> None:
    assert gazetteer.country_of(name) == country


@pytest.mark.parametrize(
    ("country", "capital"),
    [("Kenya", "Nairobi"), ("France", "Paris"), ("Holland", "Amsterdam"), ("Narnia", None)],
)
def test_capital_of(country: str, capital: str | None) -> None:
    assert gazetteer.capital_of(country) == capital


@pytest.mark.parametrize(
    ("token", "place"),
    [("Nairobbi", "Nairobi"), ("Paaris", "Paris"), ("Macedonain", "Macedonian"),
     ("Afrikan", "African"), ("Zorvex", None), ("Okonkwo", None), ("Xyz", None)],
)
def test_nearest_place(token: str, place: str | None) -> None:
    found = gazetteer.nearest_place(token)
    assert (found[0] if found else None) == place
    if found:
        assert 0.0 < found[1] <= 1.0


def test_place_vocabulary_holds_places_and_peoples() -> None:
    vocabulary = gazetteer.place_vocabulary()
    assert {"Paris", "Kenya", "Kenyan", "Western Europe"} <= vocabulary
    assert gazetteer.place_vocabulary(well_known=True) <= vocabulary


def test_nearest_place_is_fast() -> None:
    gazetteer.nearest_place("Warmup")
    tokens = ["Nairobbi", "Zorvex", "Okonkwo", "Paaris", "Lantern", "Veltrania"] * 50
    start = time.perf_counter()
    for token in tokens:
        gazetteer.nearest_place(token)
    # About 0.1 ms each on a laptop; the bound leaves room for slow CI machines.
    assert (time.perf_counter() - start) / len(tokens) < 0.005


def test_demonyms_file_is_valid() -> None:
    table = json.loads(DEMONYMS.read_text("utf-8"))
    assert len(table) >= 190
    for place, words in table.items():
        assert gazetteer.is_place(place), place
        assert words and all(isinstance(w, str) and w for w in words), place
