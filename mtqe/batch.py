"""The JSONL batch contract run safely: nothing lost, output streamed, runs resumable.

* The input is validated (and fingerprinted) before anything is written.
* Output goes to a hidden partial file beside OUT (``.OUT.partial``), flushed after every
  batch, and is renamed over OUT only once complete: an interrupted or failed run leaves any
  earlier OUT as it was.
* ``resume=True`` continues from the partial file's last complete batch. The batches are
  planned from the input alone (``plan_batches``), so a resumed run scores the same batches
  as an uninterrupted one and writes the same bytes.
* A document whose sources do not look like its targets' (``pairs_warning``) gets one
  warning line on stderr; the output is the same either way.
* ``check_output`` and ``write_whole`` give other whole-file outputs (XLIFF) the same
  refusals and the same atomic rename.

Example:
    >>> run_jsonl(mtqe.load(), "in.jsonl", "out.jsonl", resume=True)
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from .detector import Detector, plan_batches
from .errors import InputError, OutputError, UsageError
from .jsonl import read_segments, result_line
from .source.sanity import pairs_warning
from .types import Segment

RANK = {"ok": 0, "review": 1, "error": 2}
# Scores planned batches and yields each batch's output lines, in order (local or on Ray).
Engine = Callable[[Iterable[list[list[Segment]]]], Iterator[list[str]]]


def local_engine(det: Detector) -> Engine:
    def run(batches: Iterable[list[list[Segment]]]) -> Iterator[list[str]]:
        for batch in batches:
            yield [result_line(r) for r in det.score_batch(batch)]
    return run


def partial_paths(output: Path) -> tuple[Path, Path]:
    """The partial output beside ``output`` and its state file (what made it)."""
    return output.with_name(f".{output.name}.partial"), output.with_name(f".{output.name}.partial.json")


def run_jsonl(det: Detector, inp: str, output: str | None, *, resume: bool = False,
              progress: bool = False, engine: Engine | None = None) -> int:
    """Score a JSONL file (``-``: stdin) into ``output`` (None or ``-``: stdout) by the batch
    contract; returns the worst flag's rank (0 ok, 1 review, 2 error).

    Raises:
        UsageError: the output is the input, a folder, or cannot be created; ``resume`` to
            stdout or onto a partial file another model or input made.
        InputError: a bad input line (before any output for a file input).
        OutputError: writing failed (disk full...).
    """
    to_stdout = output in (None, "-")
    if resume and to_stdout:
        raise UsageError("--resume needs --output FILE (a partial file to continue)")
    out = None if to_stdout else check_output(inp, output)  # type: ignore[arg-type]
    total, digest = _validate(inp)
    engine = engine or local_engine(det)
    with _open_input(inp) as stream:
        batches = source_warnings(plan_batches(read_segments(stream, inp)), _warn)
        if out is None:
            return _write_stream(engine(batches), sys.stdout.buffer, total, progress)
        return _write_file(engine, batches, out, _state(det, inp, digest), resume, total, progress)


def check_output(inp: str, output: str) -> Path:
    """``output`` as a path that a run reading ``inp`` (``-``: stdin) may replace.

    Raises:
        UsageError: the output is the input (also through a link), a folder, in no folder,
            or not writable.
    """
    out = Path(output)
    if out.is_dir():
        raise UsageError(f"{out}: is a directory")
    if not out.parent.is_dir():
        raise UsageError(f"{out}: no such directory {out.parent}")
    if inp != "-" and (out.resolve() == Path(inp).resolve()
                       or (out.exists() and os.path.samefile(out, inp))):
        raise UsageError(f"{out}: the output is the input; write to another file")
    if not os.access(out.parent, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise UsageError(f"{out}: permission denied")
    return out


def _validate(inp: str) -> tuple[int | None, str | None]:
    """Line count and SHA-256 of a file input, read once before any output; (None, None)
    for stdin, which is validated as it streams."""
    if inp == "-":
        return None, None
    h = hashlib.sha256()

    class Hashing:
        def __init__(self, f: IO[bytes]) -> None:
            self.f = f

        def __iter__(self) -> Iterator[bytes]:
            for raw in self.f:
                h.update(raw)
                yield raw

    try:
        with open(inp, "rb") as f:
            n = sum(1 for _ in read_segments(Hashing(f), inp))  # type: ignore[arg-type, misc]
    except OSError as e:
        raise UsageError(f"{inp}: {e.strerror}") from None
    return n, h.hexdigest()


def _open_input(inp: str) -> Any:
    if inp == "-":
        from contextlib import nullcontext

        return nullcontext(sys.stdin.buffer)
    return open(inp, "rb")


def _state(det: Detector, inp: str, digest: str | None) -> dict[str, Any]:
    """What a partial output depends on: resuming is refused when any of it changed."""
    return {"signature": det.signature, "thresholds": repr(det.thresholds), "quantize": det.quantize,
            "batch_invariant": det.batch_invariant, "input": inp, "input_sha256": digest}


def _bar(total: int | None, initial: int, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, initial=initial, unit="seg", file=sys.stderr, disable=not enabled,
                dynamic_ncols=True, smoothing=0.1)


def _write_stream(lines: Iterator[list[str]], out: IO[bytes], total: int | None, progress: bool) -> int:
    worst = 0
    with _bar(total, 0, progress) as bar:
        for batch in lines:
            out.write("".join(line + "\n" for line in batch).encode("utf-8"))
            out.flush()
            worst = max([worst, *(RANK[json.loads(line)["flag"]] for line in batch)])
            bar.update(len(batch))
    return worst


def _write_file(engine: Engine, batches: Iterator[list[list[Segment]]], out: Path, state: dict[str, Any],
                resume: bool, total: int | None, progress: bool) -> int:
    partial, state_file = partial_paths(out)
    done, worst = 0, 0
    if resume and partial.exists():
        done, worst, batches = _resume(partial, state_file, state, batches)
    # Opened without truncation when resuming: _resume cut it at the last whole batch; an
    # interrupted run keeps the partial file for --resume.
    with _replacing(out, partial, "ab" if done else "wb", state_file, resumable=True) as f:
        if not done:
            state_file.write_text(json.dumps(state), encoding="utf-8")
        with _bar(total, done, progress) as bar:
            for batch in engine(batches):
                f.write("".join(line + "\n" for line in batch).encode("utf-8"))
                f.flush()  # the output grows while the run goes; a kill keeps whole batches
                worst = max([worst, *(RANK[json.loads(line)["flag"]] for line in batch)])
                bar.update(len(batch))
    with suppress(OSError):
        state_file.unlink()
    return worst


def write_whole(out: Path, data: bytes) -> None:
    """Write ``data`` to ``out`` (from ``check_output``) through the partial file beside it,
    renamed over ``out`` once complete: a failed or killed write leaves an earlier ``out``.

    Raises:
        OutputError: writing failed (disk full...).
    """
    with _replacing(out, partial_paths(out)[0], "wb") as f:
        f.write(data)


@contextmanager
def _replacing(out: Path, partial: Path, mode: str, *companions: Path,
               resumable: bool = False) -> Iterator[IO[bytes]]:
    """``partial`` open for writing; when the block ends, synced and renamed over ``out``.
    On failure the partial file (and ``companions``) is removed, but kept after an interrupt
    when ``resumable``; an ``OSError`` becomes ``OutputError``."""
    try:
        with open(partial, mode) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(partial, out)
    except KeyboardInterrupt:
        if not resumable:
            _discard(partial, *companions)
        raise
    except OSError as e:
        _discard(partial, *companions)
        raise OutputError(f"{out}: {e.strerror or e}") from None
    except BaseException:
        _discard(partial, *companions)
        raise


def _discard(*paths: Path) -> None:
    for p in paths:
        with suppress(OSError):
            p.unlink()


def _resume(partial: Path, state_file: Path, state: dict[str, Any],
            batches: Iterator[list[list[Segment]]]) -> tuple[int, int, Iterator[list[list[Segment]]]]:
    """Cut the partial file back to its last complete batch; returns the lines kept, their
    worst flag, and the batches still to score."""
    try:
        old = json.loads(state_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        old = None
    if old != state:
        raise UsageError(f"{partial}: made by another model, input or setting; "
                         f"rerun without --resume to start again")
    data = partial.read_bytes()
    lines = data[: data.rfind(b"\n") + 1].splitlines(keepends=True)
    kept, offset, worst = 0, 0, 0
    rest = iter(batches)
    for batch in rest:
        segs = [s for group in batch for s in group]
        if kept + len(segs) > len(lines):
            rest = _chain_one(batch, rest)
            break
        mine = lines[kept:kept + len(segs)]
        for seg, raw in zip(segs, mine, strict=True):
            rec = json.loads(raw)
            if rec.get("id") != seg.id:
                raise UsageError(f"{partial}: line {kept + 1} is not the output of input id {seg.id!r}; "
                                 f"rerun without --resume")
            worst = max(worst, RANK[rec["flag"]])
            kept += 1
        offset += sum(map(len, mine))
    with open(partial, "r+b") as f:
        f.truncate(offset)
    return kept, worst, rest


Batch = list[list[Segment]]


def source_warnings(batches: Iterable[Batch], warn: Callable[[str], None]) -> Iterator[Batch]:
    """The batches, unchanged; on the way, ``warn`` once per document (consecutive lines of
    one non-null ``doc``) whose sources do not look like its targets' (``pairs_warning``),
    naming the doc and its input lines."""
    line, last_doc, warned = 0, None, False
    for batch in batches:
        for group in batch:
            doc = group[0].doc
            if doc != last_doc:  # a long document comes in several windows: one warning
                last_doc, warned = doc, False
            pairs = [(s.source, s.target) for s in group if s.source is not None]
            if doc is not None and pairs and not warned:
                reason = pairs_warning(pairs, group[0].src_lang)
                if reason:
                    warn(f"doc {json.dumps(doc, ensure_ascii=False)} (lines {line + 1}-{line + len(group)}): "
                         f"{reason}")
                    warned = True
            line += len(group)
        yield batch


def _warn(message: str) -> None:
    from tqdm import tqdm

    tqdm.write(f"mtqe: warning: {message}", file=sys.stderr)  # above the progress bar, if any


def _chain_one(first: Batch, rest: Iterator[Batch]) -> Iterator[Batch]:
    yield first
    yield from rest


__all__ = ["Engine", "InputError", "check_output", "local_engine", "partial_paths", "run_jsonl",
           "source_warnings", "write_whole"]
