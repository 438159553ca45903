"""Rendering of ``backskills activity``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from backskills import render
from backskills.domain import units
from backskills.domain.activities import describe

if TYPE_CHECKING:
    from backskills.domain.activity_admin import ActivityChange, ActivitySummary


def _state(item: ActivitySummary) -> str:
    if item.level is not None and item.target is not None:
        return f"level {units.fmt(item.level)} of {describe(item.target, item.unit)}"
    if item.baseline_days:
        return f"baseline: {item.baseline_days} of 3 days"
    return "no plan"


def listing(found: Sequence[ActivitySummary]) -> None:
    if not found:
        render.say("No activities yet. Log one with: backskills log ACTIVITY AMOUNT")
        return
    render.table(
        ["activity", "unit", "records", "last logged", "plan", "goals"],
        [
            (
                item.name,
                item.unit,
                item.records,
                item.last_logged.isoformat() if item.last_logged else "never",
                _state(item),
                ", ".join(str(g) for g in item.goals) or "-",
            )
            for item in found
        ],
    )
    render.hint(
        "Fix a name with 'backskills activity rename OLD NEW'; put two together with "
        "'backskills activity merge FROM INTO'."
    )


def changed(change: ActivityChange) -> None:
    for line in change.lines:
        render.say(line)
    render.say("Changed your mind? 'backskills undo' puts it back as it was.")
