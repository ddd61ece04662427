"""Editors' verdicts on flags, kept in SQLite and exported as a dev file ``mtqe eval`` reads.

Each verdict is one row: the sentence, the flag the editor was shown, what the editor said
(``error``: the flag was right; ``false_alarm``; ``missed``: an error mtqe did not flag) and
the signature of the model that produced the flag. The database runs in WAL mode, and every
verdict is committed before the service answers, so a restart loses nothing.

Example:
    >>> store = FeedbackStore("feedback.sqlite3")
    >>> store.add("model:news-v1|calib:2|mtqe:0.1.0", "Vorobyev said ...", "error", "error")
    >>> export("feedback.sqlite3", "feedback.jsonl")
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import threading
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

VERDICTS = ("error", "false_alarm", "missed")
# The dev-file label each verdict stands for: the sentence has an error, or it has none.
LABELS = {"error": "BAD", "missed": "BAD", "false_alarm": "OK"}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    signature TEXT NOT NULL,
    text TEXT NOT NULL,
    flag_shown TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('error', 'false_alarm', 'missed')),
    note TEXT
)
"""


def default_db_path() -> Path:
    """``feedback.sqlite3`` in the user's data folder (``$XDG_DATA_HOME/mtqe``, by default
    ``~/.local/share/mtqe``; ``%APPDATA%\\mtqe`` on Windows)."""
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        base = Path(os.environ["APPDATA"])
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "mtqe" / "feedback.sqlite3"


class FeedbackStore:
    """A thread-safe handle on the feedback database (created on first use)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # One connection shared by the service's threads, serialised by a lock: writes are
        # rare (an editor's click) and short.
        self._conn = sqlite3.connect(self.path, check_same_thread=False)
        self._lock = threading.Lock()
        with self._lock:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")  # committed means on disk
            self._conn.execute(_SCHEMA)
            self._conn.commit()

    def add(self, signature: str, text: str, flag_shown: str, verdict: str,
            note: str | None = None) -> int:
        """Store one verdict; returns its row id.

        Raises:
            ValueError: ``verdict`` is not one of ``VERDICTS``.
        """
        if verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
        created = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._lock:
            cur = self._conn.execute(
                "INSERT INTO feedback (created, signature, text, flag_shown, verdict, note) "
                "VALUES (?, ?, ?, ?, ?, ?)", (created, signature, text, flag_shown, verdict, note))
            self._conn.commit()
            return int(cur.lastrowid or 0)

    def rows(self) -> Iterator[dict[str, Any]]:
        """Every stored verdict, oldest first."""
        with self._lock:
            cur = self._conn.execute("SELECT id, created, signature, text, flag_shown, verdict, note "
                                     "FROM feedback ORDER BY id")
            names = [c[0] for c in cur.description]
            rows = cur.fetchall()
        for r in rows:
            yield dict(zip(names, r, strict=True))

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def export_rows(rows: Iterator[dict[str, Any]]) -> list[dict[str, Any]]:
    """Verdicts as critical-error dev records (``{"id", "target", "source", "label"}``, the
    form ``mtqe eval`` and ``mtqe calibrate`` read), one per sentence: an editor who changed
    their mind about a sentence is taken at their latest word."""
    latest: dict[str, dict[str, Any]] = {}
    for r in rows:
        latest.pop(r["text"], None)  # re-inserted, so the output keeps the latest's order
        latest[r["text"]] = r
    return [{"id": f"feedback-{r['id']}", "target": r["text"], "source": None,
             "label": LABELS[r["verdict"]], "verdict": r["verdict"], "flag_shown": r["flag_shown"],
             "signature": r["signature"], "note": r["note"], "created": r["created"]}
            for r in latest.values()]


def export(db: str | Path, output: str | Path) -> int:
    """Write the feedback database ``db`` as a JSONL dev file; returns the record count.

    Raises:
        FileNotFoundError: there is no database at ``db``.
    """
    if not Path(db).is_file():
        raise FileNotFoundError(f"{db}: no feedback database")
    store = FeedbackStore(db)
    try:
        records = export_rows(store.rows())
    finally:
        store.close()
    with open(output, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return len(records)
