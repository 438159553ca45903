"""Plain lines for a stream that is not a terminal, without importing Rich.

Importing Rich's console costs more than a tenth of a second's worth of the floor on every
command, yet when output goes to a pipe or a file Rich prints no colour at all: it only
wraps the words at the console width. ``layout`` does that same wrapping for text made of
printable ASCII (one character, one cell), so ``render.say`` and friends can skip Rich.

``plain_width`` says when this is safe: the stream is not a terminal and nothing in the
environment asks Rich for colour or terminal behaviour (``FORCE_COLOR``, ``TTY_COMPATIBLE``,
Windows consoles). Otherwise, and for any text outside printable ASCII (wide characters,
tabs), the caller uses Rich as before. ``tests/unit/test_plaintext.py`` holds the output to
Rich's own, character for character, over many texts and widths.
"""

from __future__ import annotations

import os
import re
import sys

# Rich's "word": a run of non-space characters with the spaces around it.
_WORD = re.compile(r"\s*\S+\s*")
_PRINTABLE_ASCII = re.compile(r"[\x20-\x7e\n]*")


def plain_width(stderr: bool) -> int | None:
    """The width Rich would wrap at when it prints no colour to this stream, or None when
    Rich must do the printing (a terminal, colour forced, Windows)."""
    if sys.platform == "win32" or "FORCE_COLOR" in os.environ:
        return None
    if os.environ.get("TTY_COMPATIBLE", "0") != "0":
        return None
    stream = sys.stderr if stderr else sys.stdout
    try:
        if stream.isatty():
            return None
    except (AttributeError, ValueError):
        pass
    # As Rich's Console.size: COLUMNS when it is a number, else the first standard stream
    # that is a terminal, else 80.
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns) or 80
    width = 0
    for descriptor in (0, 1, 2):
        try:
            width = os.get_terminal_size(descriptor).columns
        except (AttributeError, ValueError, OSError):
            continue
        break
    return width or 80


def is_plain(text: str) -> bool:
    """Printable ASCII and newlines only: every character takes exactly one cell."""
    return _PRINTABLE_ASCII.fullmatch(text) is not None


def layout(text: str, width: int | None) -> str:
    """``text`` as Rich prints it without colour: each line word-wrapped at ``width`` (a
    word longer than a line is folded), or left whole when ``width`` is None; a newline
    after the last line. Only for ``is_plain`` text."""
    if width is None:
        return text + "\n"
    lines: list[str] = []
    for line in text.split("\n"):
        lines.extend(_wrap(line, width))
    return "\n".join(lines) + "\n"


def _wrap(line: str, width: int) -> list[str]:
    starts = _breaks(line, width)
    pieces = [line[a:b] for a, b in zip([0, *starts], [*starts, len(line)], strict=True)]
    return [_fit(piece, width) for piece in pieces]


def _breaks(line: str, width: int) -> list[int]:
    """Where Rich's ``divide_line`` breaks a line (offsets; one cell per character)."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group(0)
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # longer than any line: fold it
            for index in range(0, len(word), width):
                if start + index:
                    breaks.append(start + index)
            offset = len(word) - (len(word) - 1) // width * width
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


def _fit(piece: str, width: int) -> str:
    """A line never runs past the width: what does is the spaces after its last word."""
    return piece[:width]
