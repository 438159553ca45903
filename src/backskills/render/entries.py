"""Rendering of ``backskills entries``: the list, and what an edit or removal changed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
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


def listing(
    found: Sequence[EntryView],
    *,
    filtered: bool,
    recent_from: date | None = None,
    earlier_from: date | None = None,
) -> None:
    """The entries; ``recent_from``: the first day of the default four weeks, and
    ``earlier_from``: how far back the entries it leaves out go (None: there are none)."""
    older = earlier_from is not None and recent_from is not None
    if found:
        render.table(
            ["id", "date", "what"],
            [(e.id, e.date.isoformat(), _what(e)) for e in found],
        )
    elif not older and filtered:
        render.say("No entries match. Leave out --kind, --activity, --from or --to to see more.")
    elif not older:
        render.say("No entries yet. Log something with: backskills log ACTIVITY AMOUNT")
    if older:
        assert earlier_from is not None and recent_from is not None
        shown = "These are" if found else "There is nothing in"
        render.say(
            f"{shown} the last 4 weeks (from {recent_from.isoformat()}). Your entries go "
            f"back to {earlier_from.isoformat()}: add --from {earlier_from.isoformat()} to "
            "see them from that day, or --all to see every one."
        )
    if found:
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
