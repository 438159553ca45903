"""Rendering of ``backskills entries``: the list, and what an edit or removal changed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from backskills import render

if TYPE_CHECKING:
    from backskills.domain.entries import EntryChange, EntryView

NOTE_SHOWN = 40


def _what(entry: EntryView) -> str:
    text = entry.summary
    if entry.note:
        note = " ".join(entry.note.split())
        note = note if len(note) <= NOTE_SHOWN else note[: NOTE_SHOWN - 1] + "…"
        text += f' - "{note}"'
    return text


def listing(found: Sequence[EntryView], *, filtered: bool) -> None:
    if not found:
        if filtered:
            render.say(
                "No entries match. Leave out --kind, --activity, --from or --to to see more."
            )
        else:
            render.say("No entries yet. Log something with: backskills log ACTIVITY AMOUNT")
        return
    render.table(
        ["id", "date", "what"],
        [(e.id, e.date.isoformat(), _what(e)) for e in found],
    )
    render.hint(
        "Correct one with 'backskills entries edit ID' and --amount, --date, --note or "
        "--score; take one out with 'backskills entries remove ID'."
    )


def changed(change: EntryChange) -> None:
    entry = change.entry
    if change.action == "removed":
        render.say(
            ("Removed ", "bold"),
            f"{entry.id} ({entry.date.isoformat()}): {_what(entry)}.",
        )
    elif change.action == "marked":
        render.say(
            ("Marked as entered by mistake: ", "bold"),
            f"{entry.id}, the red-flag check on {entry.date.isoformat()}. It stays in "
            "'backskills redflags history' but no longer counts.",
        )
    else:
        render.say(("Changed ", "bold"), f"{entry.id}: " + "; ".join(change.changes) + ".")
        render.say(f"Now: {entry.date.isoformat()}, {_what(entry)}.")
    for line in change.effects:
        render.say(line)
    render.say("Changed your mind? 'backskills undo' puts it back as it was.")
