"""The batch runner (mtqe.batch): atomic output, streaming, resume, refusals."""

from __future__ import annotations

import errno
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

import mtqe
from mtqe.batch import check_output, local_engine, partial_paths, run_jsonl, source_warnings, write_whole
from mtqe.detector import BATCH_SEGMENTS, Detector
from mtqe.errors import InputError, OutputError, UsageError
from mtqe.types import Segment

CHECKS = Path(__file__).parents[2] / "models" / "checks-v1"


@pytest.fixture(scope="module")
def det() -> Detector:
    return mtqe.load(CHECKS)


def write_input(path: Path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            doc = None if i % 7 == 0 else f"doc{i // 10}"
            name = "Veller" if i % 10 else "Vellerr"
            target = f"Minister Tomas {name} spoke on day {i}."
            f.write(json.dumps({"id": f"s{i}", "doc": doc, "target": target}) + "\n")


class Interrupt(KeyboardInterrupt):
    pass


def interrupting(det: Detector, after: int):
    """An engine that scores ``after`` batches, then is interrupted as by SIGINT."""
    def run(batches: Iterable) -> Iterator[list[str]]:
        for k, lines in enumerate(local_engine(det)(batches)):
            if k == after:
                raise Interrupt
            yield lines
    return run


def test_resume_after_interrupt_is_byte_identical(det: Detector, tmp_path: Path) -> None:
    inp, full, out = tmp_path / "in.jsonl", tmp_path / "full.jsonl", tmp_path / "out.jsonl"
    write_input(inp, 5 * BATCH_SEGMENTS + 17)
    run_jsonl(det, str(inp), str(full))
    out.write_text("previous good output\n")
    with pytest.raises(Interrupt):
        run_jsonl(det, str(inp), str(out), engine=interrupting(det, 3))
    assert out.read_text() == "previous good output\n"  # untouched until the new one is whole
    partial, _ = partial_paths(out)
    with open(partial, "ab") as f:
        f.write(b'{"id": "s9', )  # a half-written line, as a kill leaves it
    run_jsonl(det, str(inp), str(out), resume=True)
    assert out.read_bytes() == full.read_bytes()
    assert not partial.exists()


def test_resume_refuses_another_input(det: Detector, tmp_path: Path) -> None:
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_input(inp, 3 * BATCH_SEGMENTS)
    with pytest.raises(Interrupt):
        run_jsonl(det, str(inp), str(out), engine=interrupting(det, 1))
    write_input(inp, 3 * BATCH_SEGMENTS + 1)
    with pytest.raises(UsageError, match="another model, input or setting"):
        run_jsonl(det, str(inp), str(out), resume=True)


def test_failure_leaves_the_old_output_and_no_partial(det: Detector, tmp_path: Path) -> None:
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_input(inp, 600)
    out.write_text("old\n")

    def disk_full(batches: Iterable) -> Iterator[list[str]]:
        raise OSError(errno.ENOSPC, "No space left on device")
        yield []

    with pytest.raises(OutputError, match="No space left"):
        run_jsonl(det, str(inp), str(out), engine=disk_full)
    assert out.read_text() == "old\n"
    assert not any(p.exists() for p in partial_paths(out))


def test_output_grows_while_the_run_goes(det: Detector, tmp_path: Path) -> None:
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_input(inp, 3 * BATCH_SEGMENTS)
    partial, _ = partial_paths(out)
    sizes = []

    def watching(batches: Iterable) -> Iterator[list[str]]:
        for lines in local_engine(det)(batches):
            sizes.append(partial.stat().st_size)
            yield lines

    run_jsonl(det, str(inp), str(out), engine=watching)
    assert sizes[0] == 0 and sizes == sorted(sizes) and sizes[-1] > 0


@pytest.mark.parametrize("case", ["same", "dir", "no_parent", "symlink"])
def test_refused_outputs(det: Detector, tmp_path: Path, case: str) -> None:
    inp = tmp_path / "in.jsonl"
    write_input(inp, 5)
    before = inp.read_bytes()
    out = {"same": inp, "dir": tmp_path, "no_parent": tmp_path / "no" / "x.jsonl",
           "symlink": tmp_path / "link.jsonl"}[case]
    if case == "symlink":
        out.symlink_to(inp)
    with pytest.raises(UsageError):
        run_jsonl(det, str(inp), str(out))
    assert inp.read_bytes() == before


def test_bad_line_writes_nothing(det: Detector, tmp_path: Path) -> None:
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_input(inp, 300)
    with open(inp, "a", encoding="utf-8") as f:
        f.write('{"id": "x", "target": "lone \\ud800 surrogate"}\n')
    with pytest.raises(InputError, match=r"in.jsonl:301: field 'target': a lone surrogate"):
        run_jsonl(det, str(inp), str(out))
    assert not out.exists() and not any(p.exists() for p in partial_paths(out))


def _seg(i: int, doc: str | None, source: str | None, target: str) -> Segment:
    return Segment(id=f"s{i}", doc=doc, target=target, source=source, src_lang="pt")


MATCHED = [("O ministro chegou ontem a Lisboa.", "The minister arrived in Lisbon yesterday."),
           ("Ele falou com jornalistas.", "He spoke to reporters."),
           ("As conversas duraram até à noite.", "The talks lasted until the evening."),
           ("Nada foi decidido.", "Nothing was decided.")]


def _doc(start: int, doc: str | None, pairs: list[tuple[str | None, str]]) -> list[Segment]:
    return [_seg(start + k, doc, s, t) for k, (s, t) in enumerate(pairs)]


def test_source_warnings_once_per_document_naming_its_lines() -> None:
    empty = [("", t) for _, t in MATCHED]
    groups = [_doc(0, "a", MATCHED), _doc(4, "b", empty), _doc(8, "b", empty),  # b in two windows
              _doc(12, None, empty[:1]), _doc(13, "c", [(None, t) for _, t in MATCHED]),
              _doc(17, "a", empty)]  # "a" again, not consecutive: another document
    batches = [groups[:2], groups[2:]]
    warnings: list[str] = []
    assert list(source_warnings(iter(batches), warnings.append)) == batches
    assert warnings == ['doc "b" (lines 5-8): the sources are empty',
                        'doc "a" (lines 18-21): the sources are empty']


def test_write_whole_replaces_only_when_complete(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inp, out = tmp_path / "in.xlf", tmp_path / "out.xlf"
    inp.write_bytes(b"input")
    out.write_bytes(b"earlier")
    write_whole(check_output(str(inp), str(out)), b"new")
    assert out.read_bytes() == b"new" and not any(p.exists() for p in partial_paths(out))
    for fault in (OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()):
        def failing(fd: int, fault: BaseException = fault) -> None:
            raise fault
        monkeypatch.setattr("os.fsync", failing)
        with pytest.raises((OutputError, KeyboardInterrupt)):
            write_whole(out, b"newer")
        assert out.read_bytes() == b"new" and not any(p.exists() for p in partial_paths(out))
