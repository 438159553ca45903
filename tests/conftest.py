"""Shared fixtures. Every test gets its own data directory: no test can touch a real journal."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "data"
    monkeypatch.setenv("BACKSKILLS_DATA_DIR", str(directory))
    monkeypatch.delenv("BACKSKILLS_TODAY", raising=False)
    monkeypatch.delenv("BACKSKILLS_DEBUG", raising=False)
    monkeypatch.setenv("BACKSKILLS_LOCK_TIMEOUT", "10")
    return directory


class NetworkUsed(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Socket guard: any attempt to reach the network fails the test."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise NetworkUsed("backskills must never open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield


Run = Callable[..., Result]


@pytest.fixture
def cli() -> Run:
    """Run backskills in-process through the real root command and its error boundary."""
    from backskills.cli.main import app

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        from backskills import render

        # Each real run is a new process with fresh consoles; a console cached by an earlier
        # in-process run would keep that run's COLUMNS / NO_COLOR.
        render.reset_consoles()
        runner = CliRunner()
        return runner.invoke(app, list(args), input=input, env=env, prog_name="backskills")

    return run
