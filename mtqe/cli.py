"""Command line: thin wrappers around the public API."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from . import load
from .detector import Detector
from .errors import (
    EXIT_BROKEN_PIPE,
    EXIT_FLAGGED,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_IO,
    EXIT_OK,
    EXIT_USAGE,
    MtqeError,
    UsageError,
)
from .jsonl import result_line
from .types import SentenceResult

_RANK = {"ok": 0, "review": 1, "error": 2}
__all__ = ["EXIT_FLAGGED", "EXIT_OK", "EXIT_USAGE", "UsageError", "build_parser", "main"]


def _detector(args: argparse.Namespace) -> Detector:
    det = load(args.model, mode=args.mode, quantize=getattr(args, "quantize", None),
               batch_invariant=getattr(args, "batch_invariant", False))
    if args.review_at is not None or args.error_at is not None:
        try:
            th = det.thresholds.overridden(args.review_at, args.error_at)
        except ValueError as e:
            raise UsageError(str(e)) from None
        det = det.with_thresholds(th)
    return det


def _read_text(path: str) -> str:
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as e:
        raise UsageError(f"{path}: {e.strerror}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise UsageError(f"{path}:{line}: not UTF-8 ({e.reason})") from None


def check_cli(args: argparse.Namespace) -> int:
    """``mtqe check``: an article report, or the JSONL batch contract with ``--jsonl``."""
    if args.jsonl and (args.source or args.src_lang):
        raise UsageError("--source/--src-lang do not apply to --jsonl: each line carries its own "
                         "'source' and 'src_lang'")
    if (args.resume or args.engine != "local") and not args.jsonl:
        raise UsageError("--resume and --engine apply to --jsonl batches")
    if args.src_lang is not None:
        from .validation import check_src_lang

        check_src_lang(args.src_lang, "--src-lang")
    det = _detector(args)
    if args.xliff:
        worst = _check_xliff(det, args.xliff, args.output)
    elif args.jsonl:
        worst = _check_jsonl(det, args)
    else:
        if args.file is None:
            raise UsageError("give an article FILE (or - for stdin), or --jsonl IN")
        source = _read_text(args.source) if args.source else None
        report = det.check(_read_text(args.file), source=source, src_lang=args.src_lang)
        for w in report.warnings:
            print(f"mtqe: warning: {w}", file=sys.stderr)
        _write_report(report.sentences, report.signature, args.format, sys.stdout, report.warnings)
        worst = max((_RANK[s.flag] for s in report.sentences), default=0)
    return EXIT_FLAGGED if args.fail_on and worst >= _RANK[args.fail_on] else EXIT_OK


def _check_xliff(det: Detector, inp: str, output: str | None) -> int:
    """XLIFF in, annotated XLIFF out; the file is read and scored before anything is written,
    and OUT is replaced atomically, as a JSONL batch's is (``mtqe.batch``)."""
    from .batch import check_output, write_whole
    from .xliff import XliffError, annotate_with_results  # lxml only when asked for

    target = None if output is None or output == "-" else check_output(inp, output)
    try:
        data = sys.stdin.buffer.read() if inp == "-" else Path(inp).read_bytes()
        out, results = annotate_with_results(data, det)
    except OSError as e:
        raise UsageError(f"{inp}: {e.strerror}") from None
    except XliffError as e:
        raise UsageError(f"{inp}: {e}") from None
    if target is None:
        sys.stdout.buffer.write(out)
    else:
        write_whole(target, out)
    return max((_RANK[r.flag] for r in results), default=0)


def _check_jsonl(det: Detector, args: argparse.Namespace) -> int:
    """The batch contract (``mtqe.batch``): atomic, streamed, resumable; local or on Ray."""
    from .batch import run_jsonl

    engine = None
    if args.engine == "ray":
        from .scale import ray_engine

        engine = ray_engine(det, address=args.address, actors=args.actors)
    progress = not args.quiet and sys.stderr.isatty()
    return run_jsonl(det, args.jsonl, args.output, resume=args.resume, progress=progress, engine=engine)


_COLOURS = {"ok": "\033[32m", "review": "\033[33m", "error": "\033[31m"}
_RESET, _MARK = "\033[0m", "\033[1;4;31m"


def _highlight(s: SentenceResult, colour: bool) -> str:
    text, pieces, pos = s.text, [], 0
    for sp in sorted(s.spans, key=lambda x: x.start):
        if sp.start < pos:
            continue
        pieces += [text[pos:sp.start],
                   f"{_MARK}{text[sp.start:sp.end]}{_RESET}" if colour
                   else f"[[{text[sp.start:sp.end]}]]"]
        pos = sp.end
    return "".join(pieces) + text[pos:]


def _write_report(sents: Iterable[SentenceResult], signature: str, fmt: str, out: IO[str],
                  warnings: list[str] | None = None) -> None:
    sents = list(sents)
    if fmt == "json":
        doc = {"signature": signature, "sentences": [s.to_dict() for s in sents]}
        if warnings:
            doc["warnings"] = warnings
        json.dump(doc, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if fmt == "jsonl":
        for s in sents:
            out.write(result_line(s) + "\n")
        return
    colour = out.isatty()
    for i, s in enumerate(sents, start=1):
        flag = f"{_COLOURS[s.flag]}{s.flag:<6}{_RESET}" if colour else f"{s.flag:<6}"
        out.write(f"{i:>3} {flag} {s.score:.2f}  {_highlight(s, colour)}\n")
        for r in s.reasons:
            out.write(f"{'':>17}- {r}\n")
    n = {f: sum(s.flag == f for s in sents) for f in _RANK}
    out.write(f"\n{len(sents)} sentences: {n['error']} error, {n['review']} review, "
              f"{n['ok']} ok  ({signature})\n")
    for w in warnings or []:
        out.write(f"warning: {w}\n")


def eval_cli(args: argparse.Namespace) -> int:
    """``mtqe eval``: metrics of the detector on an annotated dev file."""
    from .evaluation.devdata import is_parallel, load_dev, sample_documents
    from .evaluation.evaluate import evaluate, format_markdown

    if is_parallel(args.data):  # source + reference documents: the synthetic source-aware test
        from .training import source_corruptions as synthetic

        synth = synthetic.run(args.data)
        print(json.dumps(synth, indent=2) if args.format == "json" else synthetic.format_markdown(synth))
        return EXIT_OK
    det = _detector(args)
    try:
        segs = load_dev(args.data)
    except OSError as e:
        raise UsageError(f"{args.data}: {e.strerror}") from None
    if args.no_context:  # ablation: every segment read alone
        for s in segs:
            s.doc = None
    if args.heldout:  # the half that ``mtqe calibrate --source`` does not fit on
        from .training.fit import source_halves

        segs = source_halves(segs)[1]
    if args.sample:
        segs = sample_documents(segs, args.sample)
    name = Path(args.data).name.split(".")[0]
    res = evaluate(det, segs, plot_dir=args.plots, name=name, with_source=args.source)
    res["data"], res["signature"] = str(args.data), det.signature
    if args.format == "json":
        print(json.dumps(res, indent=2, default=float))
    else:
        print(format_markdown(res))
    return EXIT_OK


def calibrate_cli(args: argparse.Namespace) -> int:
    """``mtqe calibrate``: refit fusion, calibration map and thresholds of a model folder."""
    from .training.workflows import calibrate_model

    if args.source:
        from .training.workflows import calibrate_source

        res = calibrate_source(args.model, args.data, args.max_segments,
                               similarity=not args.no_similarity)
    else:
        if len(args.data) != 1:
            raise UsageError("the target-only calibration takes one --data file")
        res = calibrate_model(args.model, args.data[0], args.max_segments, learn_fusion=not args.keep_fusion,
                              method=args.map)
    print(json.dumps(res, indent=2))
    return EXIT_OK


def corrupt_cli(args: argparse.Namespace) -> int:
    """``mtqe corrupt``: build the synthetic training set from clean corpora."""
    from .training.corrupt import CorruptionConfig
    from .training.workflows import build_training_set

    cfg = json.loads(Path(args.config).read_text()) if args.config else {}
    if args.max_docs is not None:
        cfg["max_docs"] = args.max_docs
    stats = build_training_set(args.corpus, args.out, CorruptionConfig(**cfg))
    print(json.dumps(stats, indent=1))
    return EXIT_OK


def preview_cli(args: argparse.Namespace) -> int:
    """``mtqe preview``: N random corrupted sentences next to their clean originals."""
    from .training.preview import preview

    print(preview(args.data, args.n, args.seed, colour=sys.stdout.isatty()))
    return EXIT_OK


def train_cli(args: argparse.Namespace) -> int:
    """``mtqe train``: train, select on real MT, calibrate, write a model folder
    (``--export-only``: write the folder from the run's best checkpoint without training)."""
    from .training.workflows import export_model, train_model

    if args.export_only:
        export_model(args.config, args.data, args.dev, args.out)
        return EXIT_OK
    print(json.dumps(train_model(args.config, args.data, args.dev, args.out, args.resume), indent=2))
    return EXIT_OK


def finetune_cli(args: argparse.Namespace) -> int:
    """``mtqe finetune``: second stage on human-annotated MT spans."""
    from .training.workflows import finetune_model

    print(json.dumps(finetune_model(args.model, args.data, args.out, args.config), indent=2))
    return EXIT_OK


def serve_cli(args: argparse.Namespace) -> int:
    """``mtqe serve``: the HTTP API and review page (needs the ``serve`` extra)."""
    try:
        from .service.app import serve
    except ImportError as e:
        raise UsageError(f"mtqe serve needs the serve extra (pip install 'mtqe[serve]'): {e}") from None
    cfg = {"model": args.model, "mode": args.mode, "review_at": args.review_at, "error_at": args.error_at,
           "feedback_db": args.feedback_db, "token": args.token or os.environ.get("MTQE_TOKEN") or None,
           "max_body": args.max_body, "batch": args.batch}
    serve(cfg, host=args.host, port=args.port, workers=args.workers)
    return EXIT_OK


def feedback_export_cli(args: argparse.Namespace) -> int:
    """``mtqe feedback export``: editors' verdicts as a dev file ``mtqe eval`` reads."""
    from .feedback import default_db_path, export

    try:
        n = export(args.db or default_db_path(), args.output)
    except OSError as e:
        raise UsageError(str(e)) from None
    print(f"{n} sentences written to {args.output}", file=sys.stderr)
    return EXIT_OK


def _add_service_parsers(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("serve", help="HTTP API, XLIFF endpoint and review page")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--workers", type=int, default=1, help="worker processes (each loads the model)")
    s.add_argument("--feedback-db", metavar="PATH", help="SQLite file for editors' feedback "
                   "(default: feedback.sqlite3 in the user's data folder)")
    s.add_argument("--token", help="require 'Authorization: Bearer TOKEN' (default: $MTQE_TOKEN)")
    s.add_argument("--max-body", type=int, default=2 * 1024 * 1024, metavar="BYTES",
                   help="larger request bodies get 413 (default 2 MB)")
    s.add_argument("--batch", action="store_true", help="score /v1/segments requests that arrive together "
                   "in one model call: faster under load, but a score then depends on its batch")
    _add_model_args(s)
    s.set_defaults(func=serve_cli)
    f = sub.add_parser("feedback", help="editors' feedback kept by `mtqe serve`")
    fsub = f.add_subparsers(dest="feedback_command", required=True)
    fe = fsub.add_parser("export", help="write the feedback as a dev file for `mtqe eval` / `calibrate`")
    fe.add_argument("--db", metavar="PATH", help="feedback database (default: the service's default)")
    fe.add_argument("--output", "-o", required=True, metavar="OUT", help="JSONL file to write")
    fe.set_defaults(func=feedback_export_cli)


def _add_model_args(c: argparse.ArgumentParser) -> None:
    c.add_argument("--model", help="model folder (default: shipped model, or $MTQE_MODEL)")
    c.add_argument("--review-at", type=float,
                   help="review threshold for every category (replaces the fitted ones)")
    c.add_argument("--error-at", type=float,
                   help="error threshold for every category (replaces the fitted ones)")
    c.add_argument("--mode", choices=["precise", "balanced", "sensitive"], help="named operating point")


def _add_batch_args(c: argparse.ArgumentParser) -> None:
    c.add_argument("--resume", action="store_true",
                   help="continue an interrupted --jsonl run from its partial output")
    c.add_argument("--quiet", "-q", action="store_true", help="no progress bar on stderr")
    c.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="run a --jsonl batch here or on Ray (pip install 'mtqe[scale]')")
    c.add_argument("--address", help="Ray cluster address (default: a local Ray instance)")
    c.add_argument("--actors", type=int, default=2, help="Ray actors, each holding one detector")
    c.add_argument("--quantize", action=argparse.BooleanOptionalAction, default=None,
                   help="dynamic int8 quantisation of the model (default: the model folder's setting)")
    c.add_argument("--batch-invariant", action="store_true",
                   help="one model window per call: a score never depends on its batch (slower)")


def model_verify_cli(args: argparse.Namespace) -> int:
    """``mtqe model verify DIR``: check a model folder's files against meta.json's digests
    and load its tensors; ``--write`` records the folder's current digests instead."""
    from .artifact import load_artifact, load_qe_model, verify_folder, write_digests

    if args.write:
        if not Path(args.dir, "config.json").is_file():
            raise UsageError(f"{args.dir} is not an mtqe model folder (no config.json)")
        for name in write_digests(args.dir):
            print(f"recorded {name}", file=sys.stderr)
        return EXIT_OK
    problems = verify_folder(args.dir)
    for line in problems:
        print(f"mtqe: {line}", file=sys.stderr)
    if problems:
        return EXIT_USAGE
    art = load_artifact(args.dir)
    if art.model is not None:
        load_qe_model(art)  # every tensor: present, shaped, finite
    print(f"{args.dir}: ok", file=sys.stderr)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="mtqe", description=__doc__)
    p.add_argument("--debug", action="store_true", help="show a traceback for internal errors")
    sub = p.add_subparsers(dest="command", required=True)
    m = sub.add_parser("model", help="model folder tools")
    msub = m.add_subparsers(dest="model_command", required=True)
    mv = msub.add_parser("verify", help="check a model folder's files and tensors (exit 2 if any is wrong)")
    mv.add_argument("dir", help="model folder")
    mv.add_argument("--write", action="store_true",
                    help="record the folder's SHA-256 digests in its meta.json (a trusted folder)")
    mv.set_defaults(func=model_verify_cli)
    c = sub.add_parser("check", help="score an article or a JSONL batch")
    c.add_argument("file", nargs="?", help="article text file, or - for stdin")
    c.add_argument("--jsonl", metavar="IN", help="JSONL batch input (- for stdin)")
    c.add_argument("--xliff", metavar="IN", help="XLIFF 1.2 / 2.0 input, annotated with ITS quality marks")
    c.add_argument("--output", "-o", metavar="OUT", help="batch output, JSONL or XLIFF (default stdout)")
    c.add_argument("--format", choices=["text", "json", "jsonl"], default="text")
    c.add_argument("--source", metavar="SRC_FILE", help="the original article (source-aware mode)")
    c.add_argument("--src-lang", metavar="LANG",
                   help="source language, ISO 639-1 (default: guessed from the script)")
    c.add_argument("--fail-on", choices=["error", "review"], help="exit 1 if any sentence reaches this flag")
    _add_batch_args(c)
    _add_model_args(c)
    c.set_defaults(func=check_cli)
    e = sub.add_parser("eval", help="metrics on an annotated dev file (MQM, QE, CED, DA); on a parallel "
                       "file, the synthetic source-aware test")
    e.add_argument("--data", required=True, help="a dev file (.jsonl or .jsonl.gz)")
    e.add_argument("--format", choices=["md", "json"], default="md")
    e.add_argument("--plots", metavar="DIR", help="write a reliability diagram and a PR curve here")
    e.add_argument("--no-context", action="store_true", help="ablation: score each segment alone")
    e.add_argument("--source", action="store_true",
                   help="source-aware mode: give the detector each segment's source text")
    e.add_argument("--quantize", action=argparse.BooleanOptionalAction, default=None,
                   help="dynamic int8 quantisation of the model (default: the model folder's setting)")
    e.add_argument("--heldout", action="store_true",
                   help="only the half of the documents that `mtqe calibrate --source` leaves out")
    e.add_argument("--sample", type=int, metavar="N",
                   help="about N segments: whole documents drawn by a fixed hash (for big files)")
    _add_model_args(e)
    e.set_defaults(func=eval_cli)
    k = sub.add_parser("calibrate", help="fit fusion, calibration and thresholds on dev data")
    k.add_argument("--model", required=True, help="model folder to update in place")
    k.add_argument("--data", required=True, nargs="+", help="annotated dev file(s) (MQM; with --source "
                   "any dev files that carry sources)")
    k.add_argument("--max-segments", type=int, default=5000,
                   help="segments of the MQM selection slice to fit on (whole documents)")
    k.add_argument("--keep-fusion", action="store_true", help="refit only calibration + thresholds")
    k.add_argument("--source", action="store_true",
                   help="fit the source-aware fusion and map instead (target-only ones kept)")
    k.add_argument("--no-similarity", action="store_true",
                   help="with --source: leave cross-lingual similarity out of the source fusion")
    k.add_argument("--map", choices=["platt", "isotonic"], default="platt",
                   help="calibration map (default: platt; isotonic is no better held out on MQM 2020)")
    k.set_defaults(func=calibrate_cli)
    co = sub.add_parser("corrupt", help="build the synthetic training set")
    co.add_argument("--corpus", nargs="+", required=True, help="clean JSONL corpora")
    co.add_argument("--out", required=True, help="output folder")
    co.add_argument("--config", help="CorruptionConfig as JSON")
    co.add_argument("--max-docs", type=int, help="only the first N documents (for trials)")
    co.set_defaults(func=corrupt_cli)
    pv = sub.add_parser("preview", help="print corrupted examples next to the originals")
    pv.add_argument("--data", required=True, help="folder written by `mtqe corrupt`")
    pv.add_argument("-n", type=int, default=10)
    pv.add_argument("--seed", type=int, default=0)
    pv.set_defaults(func=preview_cli)
    t = sub.add_parser("train", help="train the QE model and write a model folder")
    t.add_argument("--config", required=True, help="JSON with model / train sections")
    t.add_argument("--data", required=True, help="folder written by `mtqe corrupt`")
    t.add_argument("--dev", required=True, help="real MT for model selection (MQM 2020)")
    t.add_argument("--out", required=True, help="model folder to write")
    t.add_argument("--resume", action="store_true")
    t.add_argument("--export-only", action="store_true",
                   help="write the model folder from the run's best checkpoint (no training)")
    t.set_defaults(func=train_cli)
    ft = sub.add_parser("finetune", help="second stage on real annotated MT (MQM 2020 spans)")
    ft.add_argument("--model", required=True, help="trained model folder")
    ft.add_argument("--data", required=True, help="MQM file with spans (its non-selection documents)")
    ft.add_argument("--out", required=True, help="model folder to write")
    ft.add_argument("--config", required=True, help="JSON with a train section")
    ft.set_defaults(func=finetune_cli)
    _add_service_parsers(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the CLI: one line on stderr and a documented exit code for every failure
    (README, "Exit codes"); ``--debug`` shows the traceback of an internal error."""
    import signal

    args = build_parser().parse_args(argv)
    # SIGTERM as SIGINT: the batch keeps its partial file for --resume and says so
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        return int(args.func(args))
    except BrokenPipeError:
        # the reader went away (`| head -1`): stop quietly, and keep the interpreter's final
        # flush of stdout from raising again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print("mtqe: interrupted (a --jsonl --output run can continue with --resume)", file=sys.stderr)
        return EXIT_INTERRUPTED
    except MtqeError as e:
        if args.debug:
            raise
        print(f"mtqe: error: {e}", file=sys.stderr)
        return e.exit_code
    except (FileNotFoundError, ValueError, TypeError) as e:  # model folder or argument problems
        if args.debug:
            raise
        print(f"mtqe: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as e:
        if args.debug:
            raise
        where = f"{e.filename}: " if e.filename else ""
        print(f"mtqe: error: {where}{e.strerror or e}", file=sys.stderr)
        return EXIT_IO
    except Exception as e:
        if args.debug:
            raise
        print(f"mtqe: internal error: {type(e).__name__}: {str(e).splitlines()[0][:200] if str(e) else ''} "
              f"(--debug shows the traceback)", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())

