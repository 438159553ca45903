"""Where output goes: one guard on every stream, one reading of the terminal width.

``guarded_output()`` (entered once per run by the error boundary) puts a ``Guard`` in
front of ``sys.stdout`` and ``sys.stderr``:

- unsafe characters (``backskills.safetext``) are removed from whatever is written;
  colour codes stay, and the Rich consoles may also move the cursor (a live screen);
- characters the stream's encoding cannot show (``LC_ALL=C``, ``PYTHONIOENCODING=ascii``)
  become replacement characters instead of an error;
- ``COLUMNS`` and ``LINES`` that are not sensible numbers are ignored, so every command
  lays out at the default width instead of printing nothing.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from backskills.safetext import scrub_output

# Narrower than this is not a real terminal width (a bad COLUMNS): use the default.
MIN_COLUMNS = 20
MAX_COLUMNS = 10_000


class Guard:
    """A text stream that writes only safe, encodable text to the stream it wraps."""

    def __init__(self, raw: TextIO, keep_controls: bool = False) -> None:
        self.raw = raw
        self.keep_controls = keep_controls

    def _encoding(self) -> str:
        encoding = getattr(self.raw, "encoding", None) or "utf-8"
        try:
            return codecs.lookup(encoding).name
        except LookupError:
            return "utf-8"

    def write(self, text: str) -> int:
        safe = scrub_output(text, self.keep_controls)
        encoding = self._encoding()
        if encoding != "utf-8":
            safe = safe.encode(encoding, "replace").decode(encoding, "replace")
        self.raw.write(safe)
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self.raw.flush()

    def isatty(self) -> bool:
        try:
            return bool(self.raw.isatty())
        except (AttributeError, ValueError):
            return False

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


class ConsoleFile:
    """What a Rich console writes to: the current stdout or stderr, guarded.

    Looked up at every write, so a test that swaps ``sys.stdout`` is followed.
    """

    def __init__(self, stderr: bool) -> None:
        self.stderr = stderr

    def _target(self) -> Guard:
        stream = sys.stderr if self.stderr else sys.stdout
        raw = stream.raw if isinstance(stream, Guard) else stream
        return Guard(raw, keep_controls=True)

    def write(self, text: str) -> int:
        return self._target().write(text)

    def flush(self) -> None:
        self._target().flush()

    def isatty(self) -> bool:
        return self._target().isatty()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._target().raw, name)


def sensible_width(raw: str | None) -> int | None:
    """A terminal width from ``COLUMNS``, or None when the value makes no sense."""
    if raw is None:
        return None
    try:
        value = int(raw.strip())
    except ValueError:
        return None
    return value if MIN_COLUMNS <= value <= MAX_COLUMNS else None


def normalise_terminal_env() -> None:
    """Drop ``COLUMNS`` / ``LINES`` that are not sensible, so the default is used."""
    if "COLUMNS" in os.environ and sensible_width(os.environ["COLUMNS"]) is None:
        del os.environ["COLUMNS"]
    if "LINES" in os.environ:
        try:
            ok = 1 <= int(os.environ["LINES"].strip()) <= MAX_COLUMNS
        except ValueError:
            ok = False
        if not ok:
            del os.environ["LINES"]


def terminal_columns() -> int:
    """The screen width for code that lays text out itself (prompts, help): ``COLUMNS``
    when sensible, else the terminal's own width, else 80. The Rich consoles use the same
    environment, so every part of the output agrees on one width."""
    import shutil

    normalise_terminal_env()
    return shutil.get_terminal_size((80, 24)).columns or 80


@contextmanager
def guarded_output() -> Iterator[None]:
    """Guard ``sys.stdout`` and ``sys.stderr`` for one run; put them back afterwards."""
    normalise_terminal_env()
    saved = sys.stdout, sys.stderr
    opened: list[TextIO] = []
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:  # started with the stream closed (>&-): output goes nowhere
            stream = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
            opened.append(stream)
        if not isinstance(stream, Guard):
            setattr(sys, name, Guard(stream))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
        for stream in opened:
            stream.close()


def quiet_after_broken_pipe() -> int:
    """The reader of our output went away (``| head -1``): stop quietly with exit 0.

    What is still buffered for it goes to the null device, so Python's own flush at exit
    cannot fail again and print a warning.
    """
    for stream in (sys.stdout, sys.stderr):
        raw = getattr(stream, "raw", stream)
        with contextlib.suppress(Exception):
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, raw.fileno())
            finally:
                os.close(devnull)
        if stream is sys.stdout:
            break  # stderr still works: leave it alone
    return 0
