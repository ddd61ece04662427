"""XLIFF 1.2 / 2.0: units read as one document per file, ITS annotations on flagged units,
everything else round-tripped, DTDs and entities refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import mtqe
from mtqe.cli import main
from mtqe.xliff import ISSUE_TYPES, ITS, XliffError, annotate, documents, parse

XLIFF = Path(__file__).resolve().parents[1] / "fixtures" / "xliff"
CHECKS_MODEL = Path(__file__).resolve().parents[2] / "models" / "checks-v1"


def _units(name: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(u.element.get("id"), u.target, u.source, lang)
            for lang, units in documents(parse((XLIFF / name).read_bytes())) for u in units]


def test_xliff12_units_codes_and_source() -> None:
    assert _units("article-1.2.xlf") == [
        ("t1", "Minister Sergei Vorobyov arrived in Lisbon on Monday.",
         "O ministro Sergei Vorobyov chegou a Lisboa na segunda-feira.", "pt"),
        ("t2", "Vorobyov said the talks went well.", "Vorobyov disse que as conversas correram bem.", "pt"),
        # <ph>'s native code is not text; <g>'s content is
        ("t3", "According to Vorobyev, an agreement will be signed soon.",
         "Segundo Vorobyov, um acordo será assinado em breve.", "pt"),
        # translate="no" is skipped; CDATA is text
        ("t5", "The two countries signed the treaty in June.",
         "Os dois países assinaram o tratado em junho.", "pt"),
    ]


def test_xliff20_monolingual_source_is_not_used() -> None:
    assert _units("article-2.0.xlf") == [
        ("u1", "Minister Sergei Vorobyov arrived in Lisbon on Monday.", None, None),
        ("u2", "Vorobyov said the talks went well. He thanked his hosts.", None, None),
        ("u3", "According to Vorobyev, an agreement will be signed soon.", None, None),
    ]  # u4 has no target


def _strip_its(tree: etree._ElementTree) -> bytes:
    for el in tree.iter():
        if isinstance(el.tag, str):
            for key in [k for k in el.attrib if k.startswith(f"{{{ITS}}}")]:
                del el.attrib[key]
    return etree.tostring(tree.getroot(), method="c14n", exclusive=True)


@pytest.mark.parametrize("name, unit_tag", [("article-1.2.xlf", "trans-unit"), ("article-2.0.xlf", "unit")])
def test_round_trip_with_annotations(detector: mtqe.Detector, name: str, unit_tag: str) -> None:
    data = (XLIFF / name).read_bytes()
    out = annotate(data, detector)
    tree = parse(out)
    # the units of one file are one document: the name that drifts in the third unit is caught
    units = [(uid, target) for uid, target, _, _ in _units(name)]
    segs = [{"id": uid, "doc": "f", "target": t} for uid, t in units]
    expected = {r.id: r for r in detector.check_segments(segs)}
    assert expected[units[2][0]].flag != "ok" and "name_drift" in expected[units[2][0]].categories
    ns = etree.QName(tree.getroot()).namespace
    seen = {}
    for el in tree.getroot().iter(f"{{{ns}}}{unit_tag}"):
        uid, r = el.get("id"), expected.get(el.get("id"))
        its = {etree.QName(k).localname: v for k, v in el.attrib.items() if k.startswith(f"{{{ITS}}}")}
        seen[uid] = its
        if r is None:  # not scored: translate="no", or no target
            assert its == {}
            continue
        assert float(its.pop("locQualityRatingScore")) == pytest.approx(100 * (1 - r.score), abs=0.01)
        if r.flag == "ok":
            assert its == {}
        else:
            assert its == {"locQualityIssueType": ISSUE_TYPES[r.spans[0].category],
                           "locQualityIssueSeverity": str(round(100 * r.score)),
                           "locQualityIssueComment": "; ".join(r.reasons)}
            assert 0 <= int(its["locQualityIssueSeverity"]) <= 100
    assert set(expected) <= set(seen)
    assert tree.getroot().get(f"{{{ITS}}}version") == "2.0"
    assert out.count(b"xmlns:its=") == 1
    # everything else survives: ids, notes, states, inline codes, comments, CDATA
    original = etree.fromstring(data).getroottree()
    assert _strip_its(tree) == etree.tostring(original.getroot(), method="c14n", exclusive=True)
    assert b"<!--" in out
    if name.endswith("1.2.xlf"):
        assert b"<![CDATA[Os dois" in out


@pytest.mark.parametrize("name", ["xxe.xlf", "laughs.xlf", "xxe-utf16.xlf"])
def test_dtd_and_entities_are_refused(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = (XLIFF / name).read_bytes()
    with pytest.raises(XliffError, match="DOCTYPE or ENTITY"):
        parse(data)
    out = tmp_path / "out.xlf"
    assert main(["check", "--model", str(CHECKS_MODEL), "--xliff", str(XLIFF / name),
                 "--output", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "DOCTYPE" in err
    assert not out.exists()


def test_declaration_text_inside_a_unit_is_no_declaration() -> None:
    data = (b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" '
            b'source-language="en" target-language="en" datatype="html"><body><trans-unit id="1">'
            b"<source>x</source><target><![CDATA[<!DOCTYPE html> starts the page.]]></target>"
            b"</trans-unit></body></file></xliff>")
    assert [u.target for _, units in documents(parse(data)) for u in units] == [
        "<!DOCTYPE html> starts the page."]


@pytest.mark.parametrize("data, message", [
    (b"<xliff version='1.2'><file>", "malformed XML"),
    (b"<html xmlns='http://www.w3.org/1999/xhtml'/>", "not an XLIFF"),
])
def test_other_bad_input(data: bytes, message: str) -> None:
    with pytest.raises(XliffError, match=message):
        parse(data)


def test_cli_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "out.xlf"
    src = XLIFF / "article-1.2.xlf"
    assert main(["check", "--model", str(CHECKS_MODEL), "--xliff", str(src), "--output", str(out)]) == 0
    assert out.read_bytes() == annotate(src.read_bytes(), mtqe.load(CHECKS_MODEL))
    assert main(["check", "--model", str(CHECKS_MODEL), "--xliff", str(src), "--output", str(out),
                 "--fail-on", "review"]) == 1
