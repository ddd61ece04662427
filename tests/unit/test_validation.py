"""Input checks at the door (mtqe.validation), the reading view, and source sanity."""

from __future__ import annotations

import pytest

from mtqe.errors import InputError
from mtqe.jsonl import parse_line
from mtqe.scoring import MAX_REASON, short_reason
from mtqe.source.sanity import declared_lang, document_warning
from mtqe.validation import as_segment, check_src_lang, check_text, reading_view


# "liv": Livonian has no ISO 639-1 code but a profile (WMT22 liv-en); "eng" has a 639-1 code
@pytest.mark.parametrize("tag", ["pt", "pt-BR", "zh-Hant", "sr_Latn_RS", "ZH", "es-419", "liv"])
def test_known_language_tags(tag: str) -> None:
    assert check_src_lang(tag) == tag


@pytest.mark.parametrize("tag", ["xx", "tlh", "", "p", "x" * 5000, "pt-", "en-US-x-private", "zz-Latn",
                                 "eng"])
def test_unknown_language_tags(tag: str) -> None:
    with pytest.raises(InputError, match="not a known language") as e:
        check_src_lang(tag)
    assert len(str(e.value)) < 200  # a long tag is not echoed whole


@pytest.mark.parametrize(("value", "error", "message"), [
    (None, TypeError, "text must be a str, got NoneType"),
    (b"x", TypeError, "decode bytes first"),
    ("a\ud800b", InputError, "lone surrogate"),
])
def test_check_text(value: object, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        check_text(value, "text")


@pytest.mark.parametrize(("item", "error", "message"), [
    ({"doc": "d"}, InputError, "segment 3: missing required field 'id'"),
    ({"id": "a"}, InputError, r"segment 3 \(id 'a'\): missing required field 'target'"),
    ({"id": "a", "target": None}, TypeError, "'target' must be a str, got NoneType"),
    ({"id": "a", "target": "x", "src_lang": "tlh"}, InputError, "'src_lang' 'tlh' is not a known"),
    ({"id": "a", "target": "x", "source": 5}, TypeError, "'source' must be a str"),
    ("a string", TypeError, "expected a Segment or a dict, got str"),
])
def test_segment_errors_name_the_item(item: object, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        as_segment(item, 3)


@pytest.mark.parametrize(("raw", "message"), [
    (b'{"id": "a", "target": "x\\ud800"}', "field 'target': a lone surrogate"),
    (b'{"id": "a", "target": "x", "source": "\\udfff"}', "field 'source': a lone surrogate"),
    (b'{"id": "a", "target": "x", "src_lang": "xx"}', "field 'src_lang' 'xx' is not a known language"),
])
def test_jsonl_validation_finds_unwritable_text(raw: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_line(raw, "f:1")


@pytest.mark.parametrize(("text", "view"), [
    ("VOROBYOV SPOKE TO REPORTERS IN MOSCOW.", "Vorobyov spoke to reporters in Moscow."),
    ("THE NORTH ATLANTIC TREATY ORGANIZATION (NATO) MET.",
     "The North Atlantic Treaty Organization (NATO) met."),
    ("KIM VISITED NORTH KOREA ON MONDAY.", "Kim visited North Korea on Monday."),
    ("Normal text stays. NATO said so.", "Normal text stays. NATO said so."),
    ("\ufeffHello\x00 world\x07.", " Hello  world ."),
])
def test_reading_view(text: str, view: str) -> None:
    assert reading_view(text) == view


def test_reading_view_keeps_length_of_odd_case_mappings() -> None:
    text = "İSTANBUL AND STRASSE AND ǅ ARE ALL HERE TODAY."
    assert len(reading_view(text)) == len(text)


def test_long_quotes_are_excerpted() -> None:
    reason = f"'{'word ' * 400}' reads like a translation error in this context"
    short = short_reason(reason)
    assert len(short) <= MAX_REASON and "…" in short and short.endswith("in this context")
    plain = "'Vorobyev' is spelled 'Vorobyov' elsewhere"
    assert short_reason(plain) == plain


def test_src_lang_of_another_script_is_replaced_with_a_warning() -> None:
    lang, warning = declared_lang("zh-Hant", "O ministro disse que trinta casas arderam.")
    assert lang is None and "latin script" in warning
    assert declared_lang("pt", "O ministro disse.") == ("pt", None)
    assert declared_lang("ru", "Министр сказал.") == ("ru", None)


PT = ["O ministro chegou ontem.", "Ele falou com jornalistas.", "As conversas duraram horas.",
      "Nada foi decidido."]
EN = ["The minister arrived yesterday.", "He spoke to reporters.", "The talks lasted hours.",
      "Nothing was decided."]


@pytest.mark.parametrize(("source", "target", "warned"), [
    ([], EN, "empty"),
    (["Um."], EN, "shorter"),
    (["O ministro chegou ontem a Lisboa."] * 30, EN, "longer"),
    (PT, EN, None),
    # a short article with one sentence added is the added sentence's finding, not a warning
    (PT[:1], EN[:2], None),
])
def test_document_warning(source: list[str], target: list[str], warned: str | None) -> None:
    alignment = [[i] if i < len(source) else [] for i in range(len(target))]
    w = document_warning(source, target, alignment, "pt")
    assert (w is None) if warned is None else (warned in w)
