"""The rendering layer: the only code that imports Rich.

House rules:
- Consoles never parse markup or emoji and never highlight, so user text such as
  ``[bold]x[/]`` or ``:pill:`` prints exactly as typed. Our own emphasis uses ``Text`` styles.
- ``clean`` strips control characters (ESC sequences included) from user text, and every
  stream is guarded as well (``render.streams``): one definition of what is unsafe
  (``backskills.safetext``) for human text, JSON and CSV alike.
- ``NO_COLOR`` is honoured by Rich; nothing depends on colour to be understood.
- JSON goes to stdout as one document via ``emit_json``; human messages for ``--json``
  runs go to stderr.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text


def clean(value: object) -> str:
    """User text made safe for a terminal: control characters removed, newlines kept."""
    text = str(value)
    if text.isprintable():
        return text
    from backskills.safetext import scrub

    return scrub(text)


@cache
def _console(stderr: bool) -> Console:
    from rich.console import Console

    from backskills.render.streams import ConsoleFile, normalise_terminal_env

    normalise_terminal_env()
    return Console(
        file=ConsoleFile(stderr),  # type: ignore[arg-type]
        stderr=stderr,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
    )


def out() -> Console:
    return _console(False)


def err() -> Console:
    return _console(True)


def reset_consoles() -> None:
    """Forget cached consoles (tests swap stdout/stderr between runs)."""
    _console.cache_clear()


def text(*parts: str | tuple[str, str]) -> Text:
    """Build a Text from plain strings and ``(string, style)`` pairs; all of it is cleaned."""
    from rich.text import Text

    result = Text()
    for part in parts:
        if isinstance(part, tuple):
            result.append(clean(part[0]), style=part[1])
        else:
            result.append(clean(part))
    return result


def say(*parts: str | tuple[str, str], stderr: bool = False, wrap: bool = True) -> None:
    """Print one line or paragraph of plain text (wrapped to the terminal).

    ``wrap=False`` never breaks the line (use it for file paths people copy).
    """
    if not _say_plain(parts, stderr, wrap):
        (err() if stderr else out()).print(text(*parts), soft_wrap=not wrap)


def _say_plain(parts: tuple[str | tuple[str, str], ...], stderr: bool, wrap: bool) -> bool:
    """Print without importing Rich when Rich would print no colour anyway (a pipe or a
    file): the same characters (``render.plaintext``). False: Rich has to do it."""
    from backskills.render import plaintext
    from backskills.render.streams import ConsoleFile, normalise_terminal_env

    normalise_terminal_env()
    width = plaintext.plain_width(stderr)
    if width is None:
        return False
    body = "".join(clean(part[0] if isinstance(part, tuple) else part) for part in parts)
    if not plaintext.is_plain(body):
        return False
    stream = ConsoleFile(stderr)
    stream.write(plaintext.layout(body, width if wrap else None))
    stream.flush()
    return True


def show(renderable: RenderableType, stderr: bool = False) -> None:
    (err() if stderr else out()).print(renderable)


def heading(title: str, stderr: bool = False) -> None:
    say((title, "bold"), stderr=stderr)


def bullet_list(items: Iterable[str], stderr: bool = False, marker: str = "-") -> None:
    for item in items:
        say(f"{marker} {item}", stderr=stderr)


def warn(message: str) -> None:
    """A gentle warning on stderr, readable without colour."""
    say(("Note: ", "bold yellow"), message, stderr=True, wrap=False)


def info(message: str) -> None:
    """A message on stderr (used for what a --json run would otherwise hide)."""
    say(message, stderr=True, wrap=False)


def hint(message: str, stderr: bool = False) -> None:
    say(("Tip: ", "bold cyan"), message, stderr=stderr)


def more(topic: str, stderr: bool = False) -> None:
    """Point to a leaflet: ``more: backskills learn TOPIC``."""
    say(("more: ", "dim"), f"backskills learn {topic}", stderr=stderr)


def mood_help(stderr: bool = False) -> None:
    """Where to turn when low mood or worry is there most days (the mood-and-help leaflet)."""
    say(
        "Feeling low or anxious most days? That is common with pain, and help is there: ",
        ("backskills learn mood-and-help", "bold"),
        stderr=stderr,
    )


def error(message: str, hint_text: str | None = None) -> None:
    """The one error line on stderr, plus an optional hint line. Never a traceback.

    Lines are never broken (the terminal wraps them), so paths stay whole for copying.
    """
    say(("Error: ", "bold red"), message, stderr=True, wrap=False)
    if hint_text:
        say(("Hint: ", "bold"), hint_text, stderr=True, wrap=False)


def emit_json(document: Any) -> None:
    """Exactly one JSON document on stdout; unsafe characters written as ``\\uXXXX``."""
    text = json.dumps(document, indent=2, ensure_ascii=False, default=_json_default)
    emit_json_text(text + "\n")


def emit_json_text(text: str) -> None:
    """JSON text to stdout, escaped so every byte is safe and encodable (see safetext)."""
    from backskills.safetext import escape_json

    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("-", "")
    sys.stdout.write(escape_json(text, ascii_only=encoding != "utf8"))
    sys.stdout.flush()


def emit_text(text: str) -> None:
    """Plain data (CSV) to stdout through the stream guard (control characters removed)."""
    sys.stdout.write(text)
    sys.stdout.flush()


def _json_default(value: Any) -> Any:
    iso = getattr(value, "isoformat", None)
    if callable(iso):
        return iso()
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    raise TypeError(f"cannot serialise {type(value).__name__}")


NARROW = 60  # below this many columns a table becomes a list, so no word is cut in half


def table(columns: list[str], rows: Iterable[Iterable[object]], title: str | None = None) -> None:
    """A simple table of cleaned plain text; on a narrow screen, a list that reads the same."""
    console = out()
    if console.width < NARROW:
        if title:
            say((title, "bold"))
        for row in rows:
            first, *rest = (str(cell) for cell in row)
            pairs = [f"{name} {value}" for name, value in zip(columns[1:], rest, strict=False)]
            label = f"{columns[0]} {first}" if first.isdigit() else first  # "day 1", not "1"
            say(f"- {label}" + (": " + "; ".join(pairs) if pairs else ""))
        return
    from rich import box
    from rich.table import Table

    grid = Table(title=title, box=box.SIMPLE, show_edge=False, title_justify="left")
    for column in columns:
        grid.add_column(column, overflow="fold")
    for row in rows:
        grid.add_row(*(text(str(cell)) for cell in row))
    console.print(grid)


def panel(
    body: RenderableType | str, title: str | None = None, style: str = "", stderr: bool = False
) -> None:
    """A bordered box. The title is also part of the text, so it survives with colour off."""
    from rich.panel import Panel

    content = text(body) if isinstance(body, str) else body
    (err() if stderr else out()).print(
        Panel(content, title=text(title) if title else None, border_style=style, title_align="left")
    )


def markdown(source: str, stderr: bool = False) -> None:
    from rich.markdown import Markdown

    (err() if stderr else out()).print(Markdown(clean(source)))


def is_terminal() -> bool:
    return out().is_terminal
