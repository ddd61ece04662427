"""Property-based tests (hypothesis) of the readers of untrusted text: the JSONL reader, the
segmenter, the reading view, the aligner, the number reader and XLIFF. Bounded example
counts keep them to a few seconds; bench/fuzz.py runs the same contracts for millions of
inputs."""

from __future__ import annotations

import json
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtqe.errors import InputError
from mtqe.jsonl import parse_line
from mtqe.segment import split_sentences
from mtqe.source import numbers
from mtqe.source.align import align
from mtqe.validation import reading_view
from mtqe.xliff import XliffError, documents, parse

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# text as wire copy has it: letters of several scripts, digits, punctuation, spaces, breaks
TEXT = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "Zs", "Cc", "S")), max_size=300)
WORDS = st.lists(st.sampled_from(["The", "minister", "Vorobyov", "said", "30", "U.S.", "Mr.", "talks",
                                  "(Reuters)", "—", "“Yes.”", "no", "1,5", "milhões", "二十", "."]),
                 max_size=40).map(" ".join)


@FAST
@given(st.binary(max_size=200))
def test_jsonl_any_bytes_parse_or_input_error(raw: bytes) -> None:
    try:
        seg = parse_line(raw, "f:1")
    except InputError as e:
        assert str(e).startswith("f:1: ") and "\n" not in str(e)
        return
    seg.target.encode("utf-8")


@FAST
@given(st.fixed_dictionaries({"id": st.text(max_size=10), "target": TEXT},
                             optional={"doc": st.none() | st.text(max_size=5),
                                       "source": st.none() | TEXT,
                                       "src_lang": st.sampled_from([None, "pt", "zh-Hant", "ru"])}))
def test_jsonl_valid_records_round_trip(rec: dict) -> None:
    seg = parse_line(json.dumps(rec).encode(), "f:1")
    assert (seg.id, seg.target, seg.doc, seg.source, seg.src_lang) == \
        (rec["id"], rec["target"], rec.get("doc"), rec.get("source"), rec.get("src_lang"))


@FAST
@given(st.one_of(TEXT, WORDS))
def test_sentence_offsets_point_at_the_text(text: str) -> None:
    prev = 0
    for s in split_sentences(text):
        assert prev <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text == s.text.strip()
        prev = s.end


@FAST
@given(st.one_of(TEXT, WORDS, WORDS.map(str.upper)))
def test_reading_view_keeps_length_and_letters(text: str) -> None:
    view = reading_view(text)
    assert len(view) == len(text)
    assert [c.lower() for c in view if c.isalpha()] == [c.lower() for c in text if c.isalpha()] \
        or any(len(c.lower()) != 1 for c in text)


@FAST
@given(st.lists(WORDS, max_size=6), st.lists(WORDS, max_size=6), st.sampled_from([None, "pt", "zh", "ru"]))
def test_alignment_is_monotone_and_complete(src: list[str], tgt: list[str], lang: str | None) -> None:
    out = align(src, tgt, lang)
    assert len(out) == len(tgt)
    assert all(0 <= k < len(src) for ks in out for k in ks)
    firsts = [ks[0] for ks in out if ks]  # beads in order (a 2-2 bead gives two targets both)
    assert firsts == sorted(firsts)


@FAST
@given(st.integers(min_value=1, max_value=10**9), TEXT, st.sampled_from([None, "en", "pt", "de"]))
def test_number_reader_finds_a_plain_figure(n: int, noise: str, lang: str | None) -> None:
    text = f"{noise} The agency counted {n} cases."
    found = numbers.extract(text, lang)
    assert all(0 <= x.start <= x.end <= len(text) for x in found)
    if n >= 10_000 or lang in (None, "en"):  # "1.000" may be read as a decimal in pt/de
        assert any(x.value == n for x in found) or (n >= 1000 and lang not in (None, "en"))


@FAST
@given(st.binary(max_size=300))
def test_xliff_any_bytes_parse_or_xliff_error(data: bytes) -> None:
    try:
        parse(data)
    except XliffError as e:
        assert "\n" not in str(e)


XML_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Co", "Cn", "Zl", "Zp")),
                   min_size=1, max_size=80).filter(lambda t: t.strip() == t and t)


@FAST
@given(st.lists(XML_TEXT, min_size=1, max_size=5))
def test_xliff_targets_are_read_back(targets: list[str]) -> None:
    units = "".join(f'<trans-unit id="t{i}"><source>s</source><target>{escape(t)}</target></trans-unit>'
                    for i, t in enumerate(targets))
    doc = ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
           '<file original="x" source-language="pt" target-language="en">'
           f'<body>{units}</body></file></xliff>')
    ((_, read),) = list(documents(parse(doc.encode("utf-8"))))
    assert [u.target for u in read] == targets
