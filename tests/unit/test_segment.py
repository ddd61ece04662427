"""Table-driven tests for mtqe.segment: expected splits and exact offsets (speed is in bench/)."""

from __future__ import annotations

import dataclasses

import pytest

from mtqe.segment import Sentence, split_sentences

# (id, text, expected sentence strings). All examples are invented.
CASES: list[tuple[str, str, list[str]]] = [
    # Basic terminal punctuation.
    ("two_plain", "The vote passed. Lawmakers left.", ["The vote passed.", "Lawmakers left."]),
    ("exclaim_question", "Stop now! Why wait? It ends.", ["Stop now!", "Why wait?", "It ends."]),
    ("lowercase_next", "Talks failed. and then resumed.", ["Talks failed. and then resumed."]),
    ("digit_next", "Sales fell. 2024 was worse.", ["Sales fell.", "2024 was worse."]),
    ("no_space_after", "It rose.Then it fell.", ["It rose.Then it fell."]),
    ("headline_only", "Storm batters coastal towns", ["Storm batters coastal towns"]),
    ("interrobang", "Really?! Yes.", ["Really?!", "Yes."]),
    # Lines and whitespace.
    (
        "newline_always_splits",
        "Floods hit the north\nRescuers arrived.",
        ["Floods hit the north", "Rescuers arrived."],
    ),
    (
        "crlf",
        "Quake rattles city\r\n\r\nBuildings shook. Nobody died.\r\n",
        ["Quake rattles city", "Buildings shook.", "Nobody died."],
    ),
    ("lone_cr", "First line\rSecond line", ["First line", "Second line"]),
    ("blank_lines", "\n\n\nOne.\n\n\n\nTwo.\n\n", ["One.", "Two."]),
    (
        "leading_trailing_ws",
        "   \t The port reopened.  Ships sailed.\t  ",
        ["The port reopened.", "Ships sailed."],
    ),
    (
        "tabs_and_nbsp",
        "Prices rose.\u00a0\tTraders cheered.\u00a0",
        ["Prices rose.", "Traders cheered."],
    ),
    (
        "line_not_merged_midsentence",
        "The minister said that\nthe plan would go ahead.",
        ["The minister said that", "the plan would go ahead."],
    ),
    ("source_tag_line", "Ministers met in Oslo.\nNTB\n", ["Ministers met in Oslo.", "NTB"]),
    (
        "byline",
        "By Anna Petrova\nKYIV (Reuters) - Sirens sounded.",
        ["By Anna Petrova", "KYIV (Reuters) - Sirens sounded."],
    ),
    ("whitespace_only", " \r\n\t\u00a0\n", []),
    # Datelines.
    (
        "dateline_dash",
        "OSLO (Reuters) - Norway said on Friday it would act. Oil rose.",
        ["OSLO (Reuters) - Norway said on Friday it would act.", "Oil rose."],
    ),
    (
        "dateline_month",
        "LIMA, Feb. 7 (Reuters) - Peru voted. Turnout was high.",
        ["LIMA, Feb. 7 (Reuters) - Peru voted.", "Turnout was high."],
    ),
    ("dateline_saint", "ST. PAUL, Minn. (AP) — Snow fell.", ["ST. PAUL, Minn. (AP) — Snow fell."]),
    (
        "dateline_bare_month",
        "ACCRA, Jan 5 (Reuters) - Ghana voted. Counting began.",
        ["ACCRA, Jan 5 (Reuters) - Ghana voted.", "Counting began."],
    ),
    (
        "state_then_starter",
        "She moved to Calif. The move paid off.",
        ["She moved to Calif.", "The move paid off."],
    ),
    ("unicode_line_separator", "Top story\u2028Markets fell.", ["Top story", "Markets fell."]),
    # Titles and fixed abbreviations.
    (
        "titles",
        "Mr. Lee and Dr. Ortiz met Gen. Haddad. Sen. Moss did not.",
        ["Mr. Lee and Dr. Ortiz met Gen. Haddad.", "Sen. Moss did not."],
    ),
    (
        "military_ranks",
        "Lt. Col. Varga met Capt. Rowe and Sgt. Mills.",
        ["Lt. Col. Varga met Capt. Rowe and Sgt. Mills."],
    ),
    (
        "latin",
        "Some firms, e.g. Acme, i.e. Zeta, agreed. Others did not.",
        ["Some firms, e.g. Acme, i.e. Zeta, agreed.", "Others did not."],
    ),
    ("versus", "It was Lyon vs. Porto. Lyon won.", ["It was Lyon vs. Porto.", "Lyon won."]),
    (
        "dept_approx",
        "The Dept. Of Energy spent approx. 40 million.",
        ["The Dept. Of Energy spent approx. 40 million."],
    ),
    (
        "etc_uppercase_splits",
        "They sold fruit, nuts, etc. Profits rose.",
        ["They sold fruit, nuts, etc.", "Profits rose."],
    ),
    (
        "etc_lowercase_joins",
        "They sold fruit, nuts, etc. and profits rose.",
        ["They sold fruit, nuts, etc. and profits rose."],
    ),
    ("lowercase_word_not_day", "She sat. Her aide stood.", ["She sat.", "Her aide stood."]),
    # Initials.
    (
        "middle_initial",
        "President Harold T. Grant spoke. He smiled.",
        ["President Harold T. Grant spoke.", "He smiled."],
    ),
    ("two_initials", "Author R. J. Palmer signed copies.", ["Author R. J. Palmer signed copies."]),
    (
        "initial_then_starter",
        "They chose Plan B. The vote was close.",
        ["They chose Plan B.", "The vote was close."],
    ),
    # Dotted acronyms: joined unless a typical sentence starter follows.
    (
        "acronym_lowercase",
        "U.S. officials said talks stalled.",
        ["U.S. officials said talks stalled."],
    ),
    ("acronym_title", "The U.S. President flew to Rome.", ["The U.S. President flew to Rome."]),
    (
        "acronym_starter",
        "Exports went to the U.S. The firm was pleased.",
        ["Exports went to the U.S.", "The firm was pleased."],
    ),
    (
        "acronym_proper_noun",
        "Pressure grew in the U.K. Parliament.",
        ["Pressure grew in the U.K. Parliament."],
    ),
    ("acronym_digit", "The U.S. 10-year yield rose.", ["The U.S. 10-year yield rose."]),
    # Companies, suffixes, months, clock times.
    (
        "company_joined",
        "Zorba Inc. Chief Executive Ana Lin resigned.",
        ["Zorba Inc. Chief Executive Ana Lin resigned."],
    ),
    (
        "company_starter",
        "Shares of Zorba Inc. rose. They later fell.",
        ["Shares of Zorba Inc. rose.", "They later fell."],
    ),
    (
        "company_end",
        "He joined Kestrel Ltd. It was 2019.",
        ["He joined Kestrel Ltd.", "It was 2019."],
    ),
    (
        "junior",
        "The award went to Tom Hale Jr. He thanked fans.",
        ["The award went to Tom Hale Jr.", "He thanked fans."],
    ),
    (
        "month_digit",
        "Polls close on Nov. 4. Results follow.",
        ["Polls close on Nov. 4.", "Results follow."],
    ),
    ("clock_joined", "Trading halted at 3 p.m. Tuesday.", ["Trading halted at 3 p.m. Tuesday."]),
    (
        "clock_starter",
        "It opened at 9 a.m. The queue was long.",
        ["It opened at 9 a.m.", "The queue was long."],
    ),
    # Numbers.
    (
        "decimals_thousands",
        "Output rose 3.5 percent to 2,700 tonnes. Demand held.",
        ["Output rose 3.5 percent to 2,700 tonnes.", "Demand held."],
    ),
    ("number_abbrev", "She is ranked No. 3 in Europe.", ["She is ranked No. 3 in Europe."]),
    ("no_as_answer", "Was he there? No. He was away.", ["Was he there?", "No.", "He was away."]),
    (
        "european_number",
        "The index hit 1.000,5 points. It fell.",
        ["The index hit 1.000,5 points.", "It fell."],
    ),
    # Quotations.
    (
        "quote_inner_split",
        'She said: "We will rebuild. They will fail." Then she left.',
        ['She said: "We will rebuild.', 'They will fail."', "Then she left."],
    ),
    ("quote_said_after", '"We will rebuild." she said.', ['"We will rebuild." she said.']),
    ("quote_lowercase_inside", '"Stop." he said. "Now."', ['"Stop." he said.', '"Now."']),
    (
        "curly_quotes",
        "He said: “We won. They lost.” Fans cheered.",
        ["He said: “We won.", "They lost.”", "Fans cheered."],
    ),
    ("single_curly", "‘Go home.’ The crowd left.", ["‘Go home.’", "The crowd left."]),
    (
        "opening_quote_next",
        'Talks ended. "It is over," he said.',
        ["Talks ended.", '"It is over," he said.'],
    ),
    (
        "quote_then_lowercase",
        'It was called the "end." "and" was next.',
        ['It was called the "end." "and" was next.'],
    ),
    (
        "bracket",
        "Rates fell (as expected.) Markets rose.",
        ["Rates fell (as expected.)", "Markets rose."],
    ),
    ("opening_bracket_next", "Rates fell. (Markets rose.)", ["Rates fell.", "(Markets rose.)"]),
    # Ellipses.
    ("ellipsis_dots", "He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
    ("ellipsis_char", "He paused… Then he spoke.", ["He paused…", "Then he spoke."]),
    ("ellipsis_lowercase", "He paused... and then spoke.", ["He paused... and then spoke."]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_split(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize("text", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_offsets_exact_and_ordered(text: str) -> None:
    previous_end = 0
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
        assert s.text and s.text == s.text.strip()
        assert previous_end <= s.start < s.end
        previous_end = s.end


def test_offsets_point_into_original_crlf_text() -> None:
    text = "  Title\r\n\r\n\tA rose. B fell.  \r\n"
    assert split_sentences(text) == [
        Sentence(2, 7, "Title"),
        Sentence(12, 19, "A rose."),
        Sentence(20, 27, "B fell."),
    ]


def test_empty_text() -> None:
    assert split_sentences("") == []


def test_sentence_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        split_sentences("One.")[0].start = 3  # type: ignore[misc]


def test_thirty_sentence_article_splits_into_thirty() -> None:
    article = " ".join(
        f"The U.S. Dept. of Energy said on Jan. {i} that Mr. Ruiz, {i + 40}, met Gen. Okafor."
        for i in range(30)
    )
    assert len(split_sentences(article)) == 30
