"""Rendering of ``backskills calendar``: what was written, and the privacy note."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from backskills import render

if TYPE_CHECKING:
    from backskills.domain.schedule import Calendar

_KIND_WORDS = {
    "level": ("daily level", "daily levels"),
    "review": ("review day", "review days"),
    "goal": ("goal deadline", "goal deadlines"),
    "deadline": ("plan deadline", "plan deadlines"),
    "task": ("pacing task deadline", "pacing task deadlines"),
    "checkin": ("check-in", "check-ins"),
}


def ics_to_stdout(data: bytes) -> None:
    """The file itself, byte for byte (its lines end in CRLF, as RFC 5545 asks)."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def privacy_note(path: Path | None, stderr: bool = False) -> None:
    where = f"{path} holds" if path is not None else "This calendar holds"
    message = (
        f"{where} health information (your activities, levels and goals). "
        + ("Only you can read the file; importing" if path is not None else "Importing")
        + " it into an online calendar copies it there."
    )
    if stderr:
        render.info(message)
    else:
        render.say(message)


def _counts(calendar: Calendar) -> str:
    counts: Counter[str] = Counter(event.kind for event in calendar.events)
    parts = []
    for kind, (one, many) in _KIND_WORDS.items():
        n = counts[kind]
        if n:
            parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts) if parts else "no events"


def written(calendar: Calendar, path: Path | None) -> None:
    n = len(calendar.events)
    render.say(
        ("Calendar written: ", "bold"),
        f"{path}, {n} event{'s' if n != 1 else ''} ({_counts(calendar)}), daily levels "
        f"and reviews up to {calendar.horizon.isoformat()}.",
        wrap=False,
    )
    if not calendar.events:
        render.say(
            "There is nothing to put in a calendar yet: set a plan ('backskills plan set'), a "
            "goal ('backskills goal add') or a pacing task with a deadline."
        )
    for event in calendar.events:
        span = (
            f"{event.start.isoformat()} to {event.last.isoformat()}"
            if event.days > 1
            else event.start.isoformat()
        )
        render.say(f"- {span}: {event.title}")
    privacy_note(path)
    render.say(
        "Import it into your calendar app. A newer file updates these events instead of "
        "adding copies."
    )
