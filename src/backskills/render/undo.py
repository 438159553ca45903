"""Rendering of ``backskills undo``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from backskills import render


def _when(changed_at: datetime) -> str:
    """In the computer's own time zone (the store keeps UTC)."""
    local = changed_at.astimezone() if changed_at.tzinfo is not None else changed_at
    return f"{local:%Y-%m-%d %H:%M}"


def preview(changed_at: datetime, lines: Sequence[str]) -> None:
    render.say(("Undo ", "bold"), f"the change saved at {_when(changed_at)}. It:")
    render.bullet_list(lines)


def done(changed_at: datetime, lines: Sequence[str], aside: Path | None, *, asked: bool) -> None:
    if asked:
        render.say(("Undone. ", "bold"), "The journal is back to how it was before that change.")
    else:
        render.say(("Undone: ", "bold"), f"the change saved at {_when(changed_at)}. It:")
        render.bullet_list(lines)
    if aside is not None:
        render.say(f"The journal as it was before undo is kept at {aside}.", wrap=False)
    render.say("Run 'backskills undo' again to step back one more change.")
