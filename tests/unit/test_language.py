"""The not-English check: untranslated or garbled sentences in the English copy."""

import pytest

from mtqe.checks import run_checks
from mtqe.checks.language import check_not_english


@pytest.mark.parametrize("sentence", [
    "The minister met the delegation on Monday in Lisbon.",
    # names, figures and a quoted foreign phrase inside English
    "Rousseff’s Workers’ Party (PT) won 54.5% of the vote in São Paulo and Minas Gerais.",
    "The slogan “liberté, égalité, fraternité” was painted on the walls of the town hall.",
    "Xi Jinping (习近平) met Vladimir Putin in Beijing.",
    # short lines: datelines, credits
    "MNA", "(Reuters) –", "Москва",
    # wire shorthand: results tables
    "Net loss 110.6 mln vs profit 4.1 mln", "Revenues rose to 291.8 mln dlrs from 151.1 mln dlrs.",
    "Oper shr basic 1.04 dlrs vs 77 cts",
])
def test_english_is_not_flagged(sentence):
    assert check_not_english([sentence]) == []


@pytest.mark.parametrize(("sentence", "said"), [
    ("O ministro reuniu-se com a delegação na segunda-feira em Lisboa.", "Portuguese"),
    ("Das finde ich ehrlich gesagt sehr ärgerlich, weil die Lieferung nicht kam.", "German"),
    ("K incidentu došlo v momentě, kdy se zkušený brankář přesouval od jedné tyčky ke druhé.", "Czech"),
    ("Делегация прибыла в Москву во вторник утром.", "Cyrillic"),
    ("生物医学工程学院博士生团队现场展示了传感器。", "Han"),
    ("The smartin blueos sxifications for numberin fellment carscheest theilltch azpo snowkin", "garbled"),
])
def test_foreign_and_garbled_sentences_are_flagged(sentence, said):
    (finding,) = check_not_english([sentence])
    assert finding.category == "not_english" and finding.strength >= 0.8
    assert said in finding.reason and (finding.start, finding.end) == (0, len(sentence))


def test_registered_and_run_with_the_other_checks():
    doc = ["The talks lasted three hours.", "Os ministros não chegaram a acordo sobre o orçamento."]
    assert [(f.sentence, f.category) for f in run_checks(doc, ["not_english"])] == [(1, "not_english")]
