"""The repeated-word check: a run of words the translation writes twice in a row."""

import pytest

from mtqe.checks import run_checks
from mtqe.checks.repetition import check_repetition


@pytest.mark.parametrize(("sentence", "run"), [
    ("The visitors toured the exhibition exhibition hall.", "exhibition exhibition"),
    ("Talks talks lasted three hours.", "Talks talks"),  # a sentence's first word, capitalised
    ("Few people have the courage to dare to dare the river.", "to dare to dare"),
])
def test_a_run_written_twice_is_found(sentence, run):
    (finding,) = check_repetition([sentence])
    assert finding.category == "repeated_word"
    assert sentence[finding.start:finding.end] == run
    assert run.split()[-1] in finding.reason


@pytest.mark.parametrize("sentence", [
    "What he had had was taken from him.",  # English's own doublings
    "He said that that was the end of it.",
    "Prices rose more and more, again and again.",  # a phrase around a conjunction
    "He lived in Wagga Wagga for years.",  # a doubled name
    "Arrivals: domestic arrival, domestic arrival, international.",  # list items
    "The theatre then showed the thesis.",  # no whole word repeated
])
def test_what_english_repeats_on_purpose_is_not_found(sentence):
    assert check_repetition([sentence]) == []


def test_registered_and_flags_for_review(detector):
    doc = ["The talks lasted three hours.", "The ministers visited the exhibition exhibition on Monday."]
    assert [(f.sentence, f.category) for f in run_checks(doc, ["repeated_word"])] == [(1, "repeated_word")]
    results = detector.check("\n".join(doc)).sentences
    assert results[0].flag == "ok"
    assert results[1].flag == "review" and "repeated_word" in results[1].categories


def test_function_words_doubled_are_left_to_a_spelling_checker():
    # raters call a doubled "in in" minor or nothing as often as major
    assert check_repetition(["The ministers met in in Geneva."]) == []
    (found,) = check_repetition(["The ministers met the the youth youth of Geneva."])
    assert found.reason == "'youth' is written twice in a row"
