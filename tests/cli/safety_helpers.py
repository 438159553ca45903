"""Helpers shared by the red-flag and flare-up CLI tests (issue 5)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.journals import read_journal

TODAY = "2026-03-01"


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKSKILLS_TODAY", TODAY)


@pytest.fixture(autouse=True)
def fresh_consoles() -> Iterator[None]:
    """Consoles are cached; width and NO_COLOR are read when one is made."""
    from backskills import render

    render.reset_consoles()
    yield
    render.reset_consoles()


def journal_bytes(data_dir: Path) -> bytes | None:
    path = data_dir / "journal.json"
    return path.read_bytes() if path.exists() else None


def stored(data_dir: Path) -> Any:
    return read_journal(data_dir)


def flat(output: str) -> str:
    """Output with line wrapping undone (all runs of whitespace become one space)."""
    return " ".join(output.split())


def pretend_terminal(monkeypatch: pytest.MonkeyPatch, *modules: str) -> None:
    """Make ``interactive()`` true (unless --no-input) in the given CLI modules."""
    import importlib

    for name in modules:
        module = importlib.import_module(name)
        monkeypatch.setattr(module, "interactive", lambda no_input=False: not no_input)
