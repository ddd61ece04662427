"""Offline by construction: the whole pipeline runs with the network unreachable."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

import mtqe


class NetworkUsed(AssertionError):
    pass


def _blocked(*args: object, **kwargs: object) -> None:
    raise NetworkUsed(f"network access attempted: {args!r}")


def test_pipeline_runs_with_sockets_blocked(monkeypatch: pytest.MonkeyPatch, article_path: Path) -> None:
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
        monkeypatch.setenv(var, "1")
    monkeypatch.setattr(socket.socket, "connect", _blocked)
    monkeypatch.setattr(socket.socket, "connect_ex", _blocked)
    monkeypatch.setattr(socket, "create_connection", _blocked)
    monkeypatch.setattr(socket, "getaddrinfo", _blocked)
    report = mtqe.load().check(article_path.read_text())
    assert any(s.flag != "ok" for s in report.sentences)
    with pytest.raises(NetworkUsed):  # the guard itself works
        socket.create_connection(("127.0.0.1", 9))
