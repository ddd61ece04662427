"""XLIFF 1.2 and 2.0 in and out: score each unit's target, annotate with ITS 2.0.

The units of one ``<file>`` are one document, read in order, so a name that drifts from one
unit to the next is caught. A unit's source is used when the file's source language differs
from its target language (a monolingual review file's "source" is the same text). Inline
codes (``<x/>``, ``<ph>``, ``<bpt>``, ...) are not read as text; the text inside paired codes
(``<g>``, ``<pc>``) and markers (``<mrk>``) is. Every scored unit gets an ITS quality rating
(``its:locQualityRatingScore``, 100 = no sign of an error); a flagged unit also gets a
Localization Quality Issue (type, severity 0-100, comment = our reasons). Nothing else in the
file changes.

Parsing refuses DTDs and entity declarations outright (no XXE, no entity expansion).

Example:
    >>> out = annotate(Path("job.xlf").read_bytes(), mtqe.load())
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

from . import Detector, SentenceResult

ITS = "http://www.w3.org/2005/11/its"
XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF20 = "urn:oasis:names:tc:xliff:document:2.0"

# Our categories as ITS 2.0 Localization Quality Issue types.
ISSUE_TYPES = {
    "name_drift": "inconsistent-entities",
    "acronym_mismatch": "terminology",
    "unknown_name": "mistranslation",
    "entity_conflict": "mistranslation",
    "not_english": "untranslated",
    "untranslated": "untranslated",
    "repeated_word": "duplication",
    "mt_error": "mistranslation",
    "number_mismatch": "numbers",
    "number_missing": "numbers",
    "name_not_in_source": "mistranslation",
    "name_missing": "omission",
    "omission": "omission",
    "addition": "addition",
    "negation_added": "mistranslation",
}

# Elements whose content is native code or a sub-flow, not the unit's text.
_CODE_CONTENT = {"ph", "bpt", "ept", "it", "sub", "originalData"}
etree.register_namespace("its", ITS)  # the prefix lxml gives the ITS namespace it declares
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_:]")


class XliffError(ValueError):
    """An XLIFF file that cannot be read (or is refused), as one line."""


@dataclass
class Unit:
    """One translatable unit: its element, the text to score and its source."""

    element: Any
    target: str
    source: str | None


def parse(data: bytes) -> Any:
    """Parse XLIFF bytes safely: no DTD, no entities, no network.

    Raises:
        XliffError: a DTD or entity declaration, malformed XML, or not XLIFF 1.2 / 2.0.
    """
    # Refused before parsing when the prolog (before the root element; NULs dropped, for
    # UTF-16) declares anything; lxml, which expands nothing here, reports what the scan
    # misses. Text such as a CDATA "<!DOCTYPE html>" inside a target is no declaration.
    ascii_ish = data.replace(b"\x00", b"")
    first = _FIRST_ELEMENT.search(ascii_ish)
    if _DECLARATION.search(ascii_ish[:first.start() if first else None]):
        raise XliffError("DOCTYPE or ENTITY declarations are not accepted in XLIFF input")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             dtd_validation=False, huge_tree=False, strip_cdata=False)
    try:
        tree = etree.fromstring(data, parser).getroottree()
    except etree.XMLSyntaxError as e:
        raise XliffError(f"malformed XML: {e.msg} (line {e.lineno})") from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise XliffError("DOCTYPE or ENTITY declarations are not accepted in XLIFF input")
    if etree.QName(tree.getroot()).namespace not in (XLIFF12, XLIFF20):
        raise XliffError("not an XLIFF 1.2 or 2.0 document (root element "
                         f"{tree.getroot().tag!r})")
    return tree


def _text(el: Any) -> str:
    """The readable text of a source/target element, inline codes left out."""
    out = [el.text or ""]
    for child in el:
        if not isinstance(child.tag, str):  # comment or processing instruction
            out.append(child.tail or "")
            continue
        name = etree.QName(child).localname
        if name == "cp":  # XLIFF 2.0 code point: a character XML cannot hold
            out.append(chr(int(child.get("hex", "20"), 16)))
        elif name not in _CODE_CONTENT:
            out.append(_text(child))
        out.append(child.tail or "")
    return "".join(out)


def _lang(tag: str | None) -> str | None:
    return tag.split("-")[0].split("_")[0].lower() if tag else None


def _units(file_el: Any, ns: str, src_lang: str | None, trg_lang: str | None) -> Iterator[Unit]:
    use_source = src_lang is not None and src_lang != trg_lang
    if ns == XLIFF12:
        for tu in file_el.iter(f"{{{ns}}}trans-unit"):
            if tu.get("translate") == "no":
                continue
            tgt, src = tu.find(f"{{{ns}}}target"), tu.find(f"{{{ns}}}source")
            text = _text(tgt).strip() if tgt is not None else ""
            if text:
                source = _text(src).strip() if src is not None and use_source else None
                yield Unit(tu, text, source or None)
        return
    for unit in file_el.iter(f"{{{ns}}}unit"):
        if unit.get("translate") == "no":
            continue
        segs = unit.findall(f"{{{ns}}}segment")
        text = " ".join(t for s in segs if (t := _part(s, ns, "target")))
        if text:
            source = " ".join(t for s in segs if (t := _part(s, ns, "source"))) if use_source else None
            yield Unit(unit, text, source or None)


def _part(segment: Any, ns: str, name: str) -> str:
    el = segment.find(f"{{{ns}}}{name}")
    return _text(el).strip() if el is not None else ""


def documents(tree: Any) -> Iterator[tuple[str | None, list[Unit]]]:
    """Per ``<file>``: the source language (None where the source is not used) and its units."""
    root = tree.getroot()
    ns = etree.QName(root).namespace
    for f in root.iter(f"{{{ns}}}file"):
        if ns == XLIFF12:
            src, trg = _lang(f.get("source-language")), _lang(f.get("target-language"))
        else:
            src, trg = _lang(root.get("srcLang")), _lang(root.get("trgLang"))
        yield (src if src != trg else None), list(_units(f, ns, src, trg))


def score(tree: Any, detector: Detector) -> list[tuple[Unit, SentenceResult]]:
    """Every unit with a target, with its verdict (the units of a file read as one document)."""
    segments: list[dict[str, Any]] = []
    units: list[Unit] = []
    for n, (src_lang, file_units) in enumerate(documents(tree)):
        for u in file_units:
            segments.append({"id": str(len(units)), "doc": f"file-{n}", "target": u.target,
                             "source": u.source, "src_lang": src_lang if u.source else None})
            units.append(u)
    return list(zip(units, detector.check_segments(segments), strict=True))


def _its(name: str) -> str:
    return f"{{{ITS}}}{name}"


def mark(unit: Unit, result: SentenceResult) -> None:
    """Put the ITS rating (and for a flagged unit, the quality issue) on the unit element."""
    el = unit.element
    el.set(_its("locQualityRatingScore"), f"{100 * (1 - result.score):.2f}")
    if result.flag == "ok":
        return
    top = result.spans[0].category if result.spans else "mt_error"
    el.set(_its("locQualityIssueType"), ISSUE_TYPES.get(top, "other"))
    el.set(_its("locQualityIssueSeverity"), f"{100 * result.score:.0f}")
    el.set(_its("locQualityIssueComment"),
           "; ".join(result.reasons) or f"mtqe flags this unit for {result.flag}")


def annotate(data: bytes, detector: Detector) -> bytes:
    """XLIFF bytes in, the same file with ITS quality annotations out.

    Raises:
        XliffError: the input is refused or unreadable.
    """
    return annotate_with_results(data, detector)[0]


def annotate_with_results(data: bytes, detector: Detector) -> tuple[bytes, list[SentenceResult]]:
    """``annotate``, plus each scored unit's verdict (for ``mtqe check --fail-on``)."""
    tree = parse(data)
    # Set on the root first, so that ``its`` is declared there once, not on every unit.
    tree.getroot().set(_its("version"), "2.0")
    scored = score(tree, detector)
    for unit, result in scored:
        mark(unit, result)
    out = etree.tostring(tree, xml_declaration=True, encoding=tree.docinfo.encoding or "UTF-8")
    return out, [r for _, r in scored]
