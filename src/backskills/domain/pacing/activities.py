"""Pacing activities: find, add, change (a new tolerance is kept as a change) and remove."""

from __future__ import annotations

from datetime import date

from backskills.domain import units
from backskills.domain.pacing.tolerance import ToleranceInput, resolve_tolerance, steps_phrase
from backskills.errors import InvalidInput, NotFound, Refused
from backskills.models import Journal
from backskills.models.pacing import PaceActivity, Position, ToleranceChange

DEFAULT_REST = 10.0  # minutes of rest or change of position after each spell

__all__ = [
    "DEFAULT_REST",
    "add_activity",
    "edit_activity",
    "find_activity",
    "get_activity",
    "remove_activity",
    "unit_of",
]


def find_activity(journal: Journal, name: str) -> PaceActivity | None:
    wanted = name.strip().casefold()
    for activity in journal.pacing.activities:
        if activity.name.casefold() == wanted:
            return activity
    return None


def get_activity(journal: Journal, name: str) -> PaceActivity:
    activity = find_activity(journal, name)
    if activity is None:
        known = ", ".join(a.name for a in journal.pacing.activities)
        hint = (
            f"Your pacing activities: {known}."
            if known
            else "Add one first, e.g. 'backskills pace add vacuuming --good 20 --bad 10'."
        )
        raise NotFound(f"there is no pacing activity called '{name}'.", hint=hint)
    return activity


def unit_of(journal: Journal, activity_name: str) -> str | None:
    activity = find_activity(journal, activity_name)
    return activity.unit if activity else None


def add_activity(
    journal: Journal,
    name: str,
    *,
    given: ToleranceInput,
    unit: str | None,
    rest: float | None,
    position: Position | None,
    today: date,
) -> PaceActivity:
    existing = find_activity(journal, name)
    if existing is not None:
        raise Refused(
            f"there is already a pacing activity called '{existing.name}'.",
            hint=f"Change it with 'backskills pace edit \"{existing.name}\" ...'.",
        )
    if not given.given():
        raise InvalidInput(
            "--tolerance",
            "is required: give --tolerance N, or --good N and --bad N for the middle ground.",
        )
    unit_name = units.normalise_unit(unit) if unit else units.DEFAULT_UNIT
    resolution = units.resolution_for(unit_name)
    tolerance = resolve_tolerance(given, unit_name, resolution)
    activity = PaceActivity(
        name=name,
        unit=unit_name,
        resolution=resolution,
        tolerance=tolerance,
        good=given.good,
        bad=given.bad,
        rest=DEFAULT_REST if rest is None else rest,
        position=position or "mixed",
        created=today,
    )
    journal.pacing.activities.append(activity)
    return activity


def edit_activity(
    journal: Journal,
    name: str,
    *,
    given: ToleranceInput,
    rest: float | None,
    position: Position | None,
    today: date,
) -> tuple[PaceActivity, ToleranceChange | None]:
    activity = get_activity(journal, name)
    if not given.given() and rest is None and position is None:
        raise InvalidInput(
            "pace edit",
            "nothing to change: give --tolerance, --good and --bad, --rest or --position.",
        )
    change = None
    if given.given():
        new = resolve_tolerance(given, activity.unit, activity.resolution)
        activity.good, activity.bad = given.good, given.bad
        reason = "set by hand with 'pace edit'"
        if given.good is not None and given.bad is not None:
            reason = (
                f"the middle of {units.fmt(given.good)} on a good day and "
                f"{units.fmt(given.bad)} on a bad day, rounded down to {steps_phrase(activity)}"
            )
        if new != activity.tolerance:
            change = ToleranceChange(
                date=today,
                from_tolerance=activity.tolerance,
                to_tolerance=new,
                reason=reason,
            )
            activity.changes.append(change)
            activity.tolerance = new
    if rest is not None:
        activity.rest = rest
    if position is not None:
        activity.position = position
    return activity, change


def remove_activity(journal: Journal, name: str) -> PaceActivity:
    activity = get_activity(journal, name)
    open_tasks = [
        t for t in journal.pacing.tasks if t.activity == activity.name and t.done_on is None
    ]
    if open_tasks:
        numbers = ", ".join(str(t.id) for t in open_tasks)
        raise Refused(
            f"'{activity.name}' still has open tasks ({numbers}).",
            hint="Finish or remove them first with 'backskills pace task done|remove ID'.",
        )
    journal.pacing.activities.remove(activity)
    return activity
