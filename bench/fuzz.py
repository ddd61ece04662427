"""Coverage-guided fuzzing (atheris) of the code that reads untrusted text.

    .venv/bin/python bench/fuzz.py TARGET -runs=1000000 [-max_len=2048] [corpus dir]

TARGET is one of ``TARGETS``. Each harness asserts the reader's contract, not only "no
crash": a JSONL line parses or raises ``InputError``; sentence offsets point at the sentence
text; the reading view keeps the length; an alignment has one entry per target sentence;
XLIFF parses or raises ``XliffError``. A crash writes ``crash-*`` (the input) and exits 1;
turn it into a regression test in tests/unit/test_fuzz_regressions.py.
"""

from __future__ import annotations

import sys

import atheris

from mtqe.errors import InputError
from mtqe.jsonl import parse_line
from mtqe.segment import split_sentences
from mtqe.source import numbers
from mtqe.source.align import align
from mtqe.validation import reading_view
from mtqe.xliff import XliffError, documents, parse

LANGS = [None, "pt", "zh", "ru", "de", "ja", "ar", "fr", "en"]


def fuzz_jsonl(data: bytes) -> None:
    try:
        seg = parse_line(data, "fuzz:1")
    except InputError:
        return
    assert isinstance(seg.id, str) and isinstance(seg.target, str)
    seg.target.encode("utf-8")  # what the output writes


def fuzz_segment(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4096)
    prev = 0
    for s in split_sentences(text):
        assert prev <= s.start < s.end <= len(text), (s, len(text))
        assert text[s.start:s.end] == s.text and s.text == s.text.strip()
        prev = s.end


def fuzz_view(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4096)
    assert len(reading_view(text)) == len(text)


def fuzz_align(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    lang = LANGS[fdp.ConsumeIntInRange(0, len(LANGS) - 1)]
    src = [fdp.ConsumeUnicodeNoSurrogates(80) for _ in range(fdp.ConsumeIntInRange(0, 6))]
    tgt = [fdp.ConsumeUnicodeNoSurrogates(80) for _ in range(fdp.ConsumeIntInRange(0, 6))]
    out = align(src, tgt, lang)
    assert len(out) == len(tgt)
    assert all(0 <= k < len(src) for ks in out for k in ks)


def fuzz_numbers(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    lang = LANGS[fdp.ConsumeIntInRange(0, len(LANGS) - 1)]
    source, target = fdp.ConsumeUnicodeNoSurrogates(200), fdp.ConsumeUnicodeNoSurrogates(200)
    for n in numbers.extract(source, lang):
        assert 0 <= n.start <= n.end <= len(source)
    numbers.compare(source, target, lang)


def fuzz_xliff(data: bytes) -> None:
    try:
        tree = parse(data)
        for _, units in documents(tree):
            for u in units:
                assert isinstance(u.target, str)
    except XliffError:
        return


TARGETS = {"jsonl": fuzz_jsonl, "segment": fuzz_segment, "view": fuzz_view, "align": fuzz_align,
           "numbers": fuzz_numbers, "xliff": fuzz_xliff}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: fuzz.py {{{','.join(TARGETS)}}} [libFuzzer options]")
    target = TARGETS[sys.argv[1]]
    atheris.instrument_all()  # mtqe and what it calls into (instrument_imports missed mtqe)
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
