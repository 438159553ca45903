"""Shared pieces of the CLI: the app state, common options and small helpers."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from backskills.plain import field, plain

if TYPE_CHECKING:
    from backskills.store import Store

JsonOption = Annotated[
    bool, typer.Option("--json", help="Print one JSON document on stdout (messages go to stderr).")
]
NoInputOption = Annotated[
    bool, typer.Option("--no-input", help="Never prompt; a missing value is an error.")
]
DateOption = Annotated[
    str | None, typer.Option("--date", "-d", help="The day: YYYY-MM-DD, today or yesterday.")
]
# "log walking -5" reaches our own check ("cannot be negative") instead of the parser's
# "No such option: -5"; a mistyped option still fails as an unexpected extra argument.
NEGATIVE_AMOUNTS: dict[str, object] = {"ignore_unknown_options": True}

OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of the screen."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the output file if it exists.")]

NoteOption = Annotated[
    str | None, typer.Option("--note", help="A short note (up to 2,000 characters).")
]


@plain
class AppState:
    """What the root callback learned; reached from any command through ``state()``."""

    data_dir: Path | None = None
    no_input: bool = False
    _store: Store | None = field(default=None, repr=False)

    def store(self) -> Store:
        if self._store is None:
            from backskills.store import Store, resolve_data_dir

            self._store = Store(resolve_data_dir(self.data_dir))
        return self._store


_STATE: AppState | None = None


def set_state(new: AppState) -> AppState:
    """Called by the root callback at the start of every run."""
    global _STATE
    _STATE = new
    return new


def state() -> AppState:
    global _STATE
    if _STATE is None:
        _STATE = AppState()
    return _STATE


def store() -> Store:
    return state().store()


def today() -> date:
    from backskills.clock import today as clock_today

    return clock_today()


def interactive(no_input: bool = False) -> bool:
    """Prompts are allowed only on a terminal and when --no-input was not given."""
    if no_input or state().no_input:
        return False
    stdin = sys.stdin
    if stdin is None or stdin.closed:  # started with stdin closed (<&-)
        return False
    try:
        return stdin.isatty()
    except (ValueError, OSError):
        return False


class InputEnded(Exception):
    """The input ended (end of file, or stdin closed) while a question waited.

    Raised by the prompt reader the error boundary installs; ``answering`` turns it into
    exit 2 naming the option that gives the answer without a question.
    """


def input_ended(flag: str) -> Exception:
    from backskills.errors import InvalidInput

    hint = (
        "Run it again with --no-input: nothing is asked then."
        if flag == "--no-input"
        else f"Give the answer on the command line with {flag}, or add --no-input."
    )
    return InvalidInput(
        flag,
        "no answer came: the input ended before the question was answered. Nothing was saved.",
        hint=hint,
    )


@contextmanager
def answering(flag: str) -> Iterator[None]:
    """Questions asked inside name ``flag`` if the input ends before an answer (exit 2)."""
    try:
        yield
    except InputEnded:
        raise input_ended(flag) from None


def flush_warnings() -> None:
    """Print warnings the store collected (e.g. loose file permissions) on stderr."""
    current = state()
    if current._store is None or not current._store.warnings:
        return
    from backskills import render

    for message in current._store.warnings:
        render.warn(message)
    current._store.warnings.clear()


PROMPT_SUFFIX_ROOM = 14  # room on the last line for Click's " [y/N]: " or " [k]: " and a reply


def wrapped(question: str) -> str:
    """A question for ``typer.prompt``/``typer.confirm``, wrapped at word boundaries to the
    screen width, with room left on its last line for the answer: a terminal would break
    a long prompt in the middle of a word.
    """
    import textwrap

    from backskills.render.streams import terminal_columns

    width = max(terminal_columns() - 1, 20)
    lines = textwrap.wrap(question, width, break_on_hyphens=False) or [question]
    last = lines.pop()
    lines += textwrap.wrap(last, max(width - PROMPT_SUFFIX_ROOM, 10), break_on_hyphens=False) or [
        last
    ]
    return "\n".join(lines)
