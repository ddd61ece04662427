"""The batch contract: JSONL segments in, one JSONL verdict per line out, streaming."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from .errors import InputError
from .types import Segment, SentenceResult
from .validation import check_src_lang, encodable

_FIELDS = {"id": str, "doc": (str, type(None)), "target": str, "source": (str, type(None)),
           "src_lang": (str, type(None))}


def parse_line(raw: bytes, where: str) -> Segment:
    """One input line to a ``Segment``; ``where`` is ``FILE:LINE`` for the message."""
    try:
        obj = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise InputError(f"{where}: not UTF-8 ({e.reason} at byte {e.start})") from None
    except json.JSONDecodeError as e:
        raise InputError(f"{where}: malformed JSON ({e.msg}, column {e.colno})") from None
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    if "target" not in obj:
        raise InputError(f"{where}: missing required field 'target'")
    if "id" not in obj:
        raise InputError(f"{where}: missing required field 'id'")
    for key, types in _FIELDS.items():
        if key in obj and not isinstance(obj[key], types):
            raise InputError(f"{where}: field '{key}' has type {type(obj[key]).__name__}")
        if isinstance(obj.get(key), str):
            encodable(obj[key], f"{where}: field '{key}'")
    check_src_lang(obj.get("src_lang"), f"{where}: field 'src_lang'")
    return Segment(id=obj["id"], target=obj["target"], doc=obj.get("doc"),
                   source=obj.get("source"), src_lang=obj.get("src_lang"))


def read_segments(stream: IO[bytes], name: str) -> Iterator[Segment]:
    """Segments of a JSONL stream, lazily; blank lines are errors (no line is ever dropped)."""
    for n, raw in enumerate(stream, start=1):
        if not raw.strip():
            raise InputError(f"{name}:{n}: empty line (every line must be one segment)")
        yield parse_line(raw, f"{name}:{n}")


def validate(stream: IO[bytes], name: str) -> int:
    """Check a whole file before any output is written; returns the line count."""
    return sum(1 for _ in read_segments(stream, name))


__all__ = ["InputError", "parse_line", "read_segments", "result_line", "validate"]


def result_line(r: SentenceResult) -> str:
    """The frozen output record of the batch contract."""
    rec: dict[str, Any] = {
        "id": r.id,
        "score": r.score,
        "flag": r.flag,
        "spans": [s.to_dict() for s in r.spans],
        "categories": r.categories,
        "reasons": r.reasons,
    }
    return json.dumps(rec, ensure_ascii=False)
