"""Language profiles: what mtqe knows of one source language, as data.

Each language with anything specific (number words, scale words, case endings, month and
weekday names, negation cues, name hints, exonyms...) has one JSON file in ``profiles/``,
named by its ISO 639 code (``de.json``, ``liv.json``). A file holds one section per engine
(``"numbers"``, ``"names"``, ``"negation"``...); the engines read their section and know
nothing else of the language. Files are read on first use and kept (like spaCy's lazy
``lang/xx`` registry), so a run on Portuguese sources never reads the Livonian file.

To add a language, add a file; no code changes.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

PROFILE_DIR = Path(__file__).resolve().parent / "profiles"


@cache
def profile(lang: str | None) -> dict[str, Any]:
    """The whole profile of ``lang`` ({} for None or a language without a file)."""
    if not lang or not lang.replace("-", "").isalnum():
        return {}
    path = PROFILE_DIR / f"{lang}.json"
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def section(lang: str | None, name: str) -> dict[str, Any]:
    """One engine's section of ``lang``'s profile ({} when there is none)."""
    return profile(lang).get(name, {})


def languages() -> list[str]:
    """Codes of every language that has a profile."""
    return sorted(p.stem for p in PROFILE_DIR.glob("*.json"))
