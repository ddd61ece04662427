"""Typed exceptions of the public API and the exit codes the CLI maps them to.

Every exception mtqe raises on purpose is an ``MtqeError``; its message is one line that names
the file, line, field or tensor at fault. The subclasses also derive from the built-in type
callers would have caught before (``ValueError``, ``FileNotFoundError``), so existing
``except ValueError`` code keeps working.

Example:
    >>> try:
    ...     mtqe.load("models/broken")
    ... except mtqe.ModelError as e:
    ...     print(e)   # models/broken/model.safetensors: SHA-256 does not match meta.json
"""

from __future__ import annotations

# Exit codes of the CLI (README, "Exit codes").
EXIT_OK = 0
EXIT_FLAGGED = 1  # only with --fail-on: a sentence reached that flag
EXIT_USAGE = 2  # usage, input or model-folder error: one line naming what is wrong
EXIT_IO = 3  # the system failed us: disk full, permission denied mid-run, a read error
EXIT_INTERNAL = 4  # a bug in mtqe: one line (a traceback with --debug)
EXIT_INTERRUPTED = 130  # SIGINT / SIGTERM: a partial batch output is kept for --resume
EXIT_BROKEN_PIPE = 141  # the reader went away (`| head -1`): ends quietly, as 128 + SIGPIPE


class MtqeError(Exception):
    """Base class of mtqe's own errors."""

    exit_code = EXIT_USAGE


class InputError(MtqeError, ValueError):
    """Bad input (a JSONL line, an argument of the API), named by file and line or by item."""


class UsageError(MtqeError):
    """A CLI usage problem: conflicting or missing options, an output path that cannot work."""


class ModelError(MtqeError, ValueError):
    """A model folder that cannot be used: missing or changed files, tensors that do not fit."""


class ModelNotFoundError(ModelError, FileNotFoundError):
    """No model folder at the given path."""


class OutputError(MtqeError, OSError):
    """Writing the output failed (disk full, permission denied): exit ``EXIT_IO``."""

    exit_code = EXIT_IO


__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_FLAGGED",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_IO",
    "EXIT_OK",
    "EXIT_USAGE",
    "InputError",
    "ModelError",
    "ModelNotFoundError",
    "MtqeError",
    "OutputError",
    "UsageError",
]
