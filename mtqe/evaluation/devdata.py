"""Readers for the human-annotated dev files (MQM, WMT QE, critical errors, DA).

Everything becomes a ``DevSegment`` in document order, so evaluation code never needs to
know which file it reads. The files themselves stay outside the repository (licences).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class DevSegment:
    """One annotated MT segment.

    ``bad`` is the binary gold: a major error (MQM), BAD (critical errors), or for DA the
    bottom quartile; ``gold`` is a real-valued badness (higher = worse) where one exists.
    ``clean`` marks segments annotated error-free (no error of any severity).
    """

    id: str
    doc: str | None
    target: str
    source: str | None
    bad: bool
    clean: bool
    gold: float | None = None
    errors: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, severity)
    src_lang: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _spans(errors: list[dict[str, Any]]) -> list[tuple[int, int, str]]:
    return [(e["start"], e["end"], e["severity"].lower()) for e in errors
            if e.get("start") is not None]


def _mqm(r: dict[str, Any]) -> DevSegment:
    sev = {e["severity"].lower() for e in r["errors"]}
    return DevSegment(
        id=f"{r['system']}|{r['doc']}|{r['seg_id']}", doc=f"{r['system']}|{r['doc']}",
        target=r["target"], source=r["source"], bad="major" in sev,
        clean=not (sev - {"neutral"}) and r["mqm"] == 0, gold=float(r["mqm"]),
        errors=_spans(r["errors"]), extra={"system": r["system"], "seg_id": r["seg_id"]}, src_lang="zh")


def _ced(r: dict[str, Any]) -> DevSegment:
    return DevSegment(id=str(r["id"]), doc=None, target=r["target"], source=r["source"],
                      bad=r["label"] == "BAD", clean=r["label"] == "OK", src_lang="pt")


def _qe(r: dict[str, Any]) -> DevSegment:
    # ``mqm`` is 100 for a perfect segment here; badness is its distance from 100.
    return DevSegment(id=str(r["seg_id"]), doc=None, target=r["target"], source=r["source"],
                      bad=r["mqm"] <= 95, clean=r["mqm"] >= 100, gold=100.0 - float(r["mqm"]),
                      extra={"qe_submissions": r.get("qe_submissions", {})}, src_lang="zh")


def _mqm_spans(r: dict[str, Any]) -> DevSegment:
    sev = {e["severity"] for e in r["errors"]}
    return DevSegment(id=str(r["seg_id"]), doc=str(r["doc_id"]), target=r["target"],
                      source=r["source"], bad="major" in sev, clean=not sev,
                      errors=_spans(r["errors"]), src_lang="zh")


def _da(r: dict[str, Any]) -> DevSegment:
    return DevSegment(id=f"{r['lang_pair']}|{r['system']}|{r['seg']}",
                      doc=f"{r['lang_pair']}|{r['system']}|{r['doc']}", target=r["target"],
                      source=r["source"], bad=False, clean=False, gold=-float(r["da_z"]),
                      extra={"lang_pair": r["lang_pair"], "seg": r["seg"]},
                      src_lang=r["lang_pair"].split("-")[0])


def _synthetic(rows: list[dict[str, Any]]) -> list[DevSegment]:
    """The validation split of a corruption data set (``mtqe corrupt``), one segment per
    sentence, its corruption category in ``extra``."""
    out = []
    for r in rows:
        if r["split"] != "validation":
            continue
        doc = f"{r['doc']}|{r['pass']}"
        for i, text in enumerate(r["sentences"]):
            spans = [(a, b, "major") for a, b in r["spans"][i]]
            out.append(DevSegment(id=f"{doc}|{i}", doc=doc, target=text, source=None,
                                  bad=bool(r["labels"][i]), clean=not r["labels"][i],
                                  errors=spans if r["labels"][i] else [],
                                  extra={"category": r["categories"][i]}))
    return out


def is_parallel(path: str | Path) -> bool:
    """Whether a file holds source + reference documents (``wmt22_parallel_xx_en.jsonl``),
    the input of the synthetic source-aware test rather than annotated MT."""
    path = Path(path)
    if not path.is_file():
        return False
    first = next(_rows(path), None)
    return first is not None and "pairs" in first


def load_dev(path: str | Path) -> list[DevSegment]:
    """Read a dev file, recognised by its fields, into document-ordered segments (a folder
    written by ``mtqe corrupt`` gives its synthetic validation split)."""
    path = Path(path)
    if path.is_dir():
        return _synthetic(list(_rows(path / "documents.jsonl")))
    rows = list(_rows(path))
    if not rows:
        return []
    first = rows[0]
    if "raters" in first:
        segs = [_mqm(r) for r in rows]
        segs.sort(key=lambda s: (s.doc or "", s.extra["seg_id"]))
    elif "label" in first:
        segs = [_ced(r) for r in rows]
    elif "qe_submissions" in first:
        segs = [_qe(r) for r in rows]
        _attach_documents(segs, path.parent / "mqm_spans_2022_zhen_test.jsonl")
    elif "doc_id" in first and "errors" in first:
        segs = [_mqm_spans(r) for r in rows]
    elif "da_z" in first:
        segs = [_da(r) for r in rows]
        segs.sort(key=lambda s: (s.doc or "", s.extra["seg"]))
        _mark_bottom_quartile(segs)
    else:
        raise ValueError(f"{path}: unrecognised dev file (fields: {', '.join(first)})")
    return segs


def _attach_documents(segs: list[DevSegment], spans_file: Path) -> None:
    """The WMT22 QE file has no document ids; its span file (same segments, same order)
    has them, and documents are what the checks and the model's context read."""
    if not spans_file.exists():
        return
    docs = {str(r["seg_id"]): str(r["doc_id"]) for r in _rows(spans_file)}
    for s in segs:
        s.doc = docs.get(s.id)


def _mark_bottom_quartile(segs: list[DevSegment]) -> None:
    golds = sorted(s.gold for s in segs if s.gold is not None)
    cut = golds[int(0.75 * (len(golds) - 1))] if golds else 0.0
    for s in segs:
        s.bad = s.gold is not None and s.gold >= cut
        s.clean = s.gold is not None and s.gold <= golds[len(golds) // 4]


def sample_documents(segs: list[DevSegment], n: int) -> list[DevSegment]:
    """About ``n`` segments made of whole documents, chosen by a fixed hash of the document
    id (so every language pair and system is represented, and the sample is repeatable)."""
    import hashlib

    docs: dict[str, list[DevSegment]] = {}
    for s in segs:
        docs.setdefault(s.doc or s.id, []).append(s)
    keys = sorted(docs, key=lambda k: hashlib.sha1(k.encode()).hexdigest())
    out: list[DevSegment] = []
    for k in keys:
        if len(out) >= n:
            break
        out += docs[k]
    return out  # each document's segments stay together and in order
