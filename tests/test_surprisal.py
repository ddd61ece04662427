"""The subword surprisal feature: trained by sentencepiece, scored from JSON."""

from __future__ import annotations

import pytest

from mtqe.surprisal import Surprisal, train_surprisal

SENTENCES = [
    "The government said on Monday that the minister would visit the capital.",
    "Officials in the capital said the talks with the government were useful.",
    "The minister said the government would present the budget on Tuesday.",
] * 60


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Surprisal:
    path = tmp_path_factory.mktemp("sp") / "surprisal.json"
    train_surprisal(SENTENCES, path, vocab_size=40)
    return Surprisal.load(path)


def test_known_words_are_less_surprising_than_garbles(model: Surprisal) -> None:
    assert model.word("government") < model.word("gvornemnet")
    assert model.word("minister") < model.word("Xqzvoi")


def test_features_look_at_names_and_words(model: Surprisal) -> None:
    f = model.features("The minister met Xqzvoi in the capital.")
    assert f["sp_name_max"] == pytest.approx(model.word("Xqzvoi"))
    assert f["sp_word_max"] >= f["sp_name_max"]
    assert model.features("") == {"sp_name_max": 0.0, "sp_word_max": 0.0}


def test_viterbi_matches_a_hand_computed_segmentation() -> None:
    s = Surprisal({"▁ab": -1.0, "▁a": -3.0, "b": -3.0, "c": -2.0})
    assert s.word("ab") == pytest.approx(1.0 / 2)      # one piece beats two
    assert s.word("abc") == pytest.approx(3.0 / 3)     # ▁ab + c
    assert s.word("abd") == pytest.approx(21.0 / 3)    # d is unknown: -20
