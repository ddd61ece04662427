"""Acronym mismatches: table-driven, invented or generic examples only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtqe.checks.acronyms import check_acronyms

DATA = Path(__file__).parents[2] / "mtqe" / "data" / "acronyms.json"

# (sentence, flagged span, letters the reason must name, strength)
MUST_FLAG = [
    # a swapped word: the initials spell another body's acronym
    ("Officials of the World Health Organisation (WTO) met on Monday.",
     "World Health Organisation (WTO)", ("T missing", "H extra"), 0.9),
    # a word lost in translation
    ("Delegates from the Democratic Republic (DPR) arrived.",
     "Democratic Republic (DPR)", ("P missing",), 0.9),
    # a garbled name: two letters with no word, one word with no letter
    ("The state-run Erland Central Press (ECNA) reported the visit.",
     "Erland Central Press (ECNA)", ("N, A missing", "P extra"), 0.9),
    # one word too many
    ("Researchers at the Lantern Valley Research Institute (LVI) agreed.",
     "Lantern Valley Research Institute (LVI)", ("R extra",), 0.9),
    # the reverse order
    ("The WHO (World Trade Organisation) issued a warning.",
     "WHO (World Trade Organisation)", ("H missing", "T extra"), 0.9),
    # weaker evidence: the first letter is wrong but the rest fits
    ("A report by the Central Intelligence Agency (FIA) said so.",
     "Central Intelligence Agency (FIA)", ("F missing", "C extra"), 0.6),
]

MUST_NOT_FLAG = [
    "The World Health Organization (WHO) said on Monday.",
    "Agence France-Presse (AFP) reported the attack.",
    "Deutsche Presse-Agentur (DPA) carried the story.",
    "Leaders of the Group of Seven (G7) met in June.",
    "Minnesota Mining and Manufacturing (3M) raised its forecast.",
    "Gross domestic product (GDP) grew by 2 percent.",
    "gross domestic product (GDP) grew by 2 percent.",
    "The Association of Southeast Asian Nations (ASEAN) met in Jakarta.",
    "The Ministry of Commerce (MOFCOM) said exports rose.",
    "The People's Bank of China (PBOC) cut rates.",
    "The Organisation for Economic Co-operation and Development (OECD) warned.",
    "Al-Qaeda in the Arabian Peninsula (AQAP) claimed the attack.",
    "The North Atlantic Treaty Organization (NATO) met.",
    "The Nairobi Securities Exchange (NSE) closed higher.",
    "The Assets Supervision and Administration Commission of the State Council (ASAC) said.",
    "Non-governmental organisations (NGOs) criticised the plan.",
    "BioNTech (BNTX) shares rose.",
    "The company named its unit DX (Digital Transformation).",
    # known acronyms from another language or a customary short form
    "Doctors Without Borders (MSF) sent a team.",
    "Fighters of the Islamic State (ISIS) retreated.",
    "The European Organization for Nuclear Research (CERN) said.",
    # not definitions at all
    "Shares of Zorvex Inc (ZRVX) fell.",
    "Shares of the firm (NYSE: IBM) fell.",
    "A spokesman said so on Monday (Reuters).",
    "The minister (Kenya) disagreed.",
    "The Veltran Group (Nairobi) denied it.",
    # a native-language acronym for a translated name, or a party after a surname
    "A judge of the Federal Supreme Court of Brazil (STF) ruled.",
    "The Berlin Institute for Security Affairs (SWP) said.",
    "said County Commissioner Anna Holetschek (CDU).",
]


@pytest.mark.parametrize(("sentence", "span", "letters", "strength"), MUST_FLAG)
def test_flags_mismatched_acronym(
    sentence: str, span: str, letters: tuple[str, ...], strength: float
) -> None:
    findings = check_acronyms(["An unrelated opening sentence.", sentence])
    assert len(findings) == 1
    found = findings[0]
    assert (found.sentence, found.category, found.strength) == (1, "acronym_mismatch", strength)
    assert sentence[found.start:found.end] == span
    for part in letters:
        assert part in found.reason


@pytest.mark.parametrize("sentence", MUST_NOT_FLAG)
def test_leaves_fitting_or_unrelated_parentheses(sentence: str) -> None:
    assert check_acronyms([sentence]) == []


def test_reason_names_acronym_and_expansion() -> None:
    [found] = check_acronyms(["It met the World Health Organisation (WTO) on Monday."])
    assert found.reason == (
        "(WTO) does not spell 'World Health Organisation' (initials W-H-O; T missing, H extra)"
    )


def test_known_acronyms_file_is_valid() -> None:
    table = json.loads(DATA.read_text("utf-8"))
    for acronym, accepted in table.items():
        if acronym.startswith("_"):
            continue
        assert 2 <= len(acronym) <= 8
        assert accepted == "*" or (
            isinstance(accepted, list) and all(isinstance(e, str) and e for e in accepted)
        )
