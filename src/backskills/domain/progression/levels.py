"""The level in force on a day, and recording a change of level.

The real level changes only through ``LevelEvent``s in ``Activity.levels`` (plan start,
step up, ease back, flare-up reduction, catch-up after a flare-up), kept in date order.
"""

from __future__ import annotations

from datetime import date

from backskills.domain import units
from backskills.errors import InvalidInput
from backskills.models.activity import Activity, LevelEvent, LevelReason

__all__ = [
    "catch_up_next",
    "check_not_before_last_change",
    "current_level",
    "level_event_on",
    "previous_level",
    "record_level",
]


def level_event_on(activity: Activity, on: date) -> LevelEvent | None:
    """The level change in force on ``on``: the latest one dated on or before it."""
    found: LevelEvent | None = None
    for event in activity.levels:
        if event.date <= on and (found is None or event.date >= found.date):
            found = event
    return found


def current_level(activity: Activity, on: date) -> float | None:
    """The level in force on ``on`` (None before any plan started)."""
    event = level_event_on(activity, on)
    return event.to_level if event is not None else None


def previous_level(activity: Activity, on: date) -> float | None:
    """The level in force before the current one (None when there was none)."""
    event = level_event_on(activity, on)
    return event.from_level if event is not None else None


def check_not_before_last_change(activity: Activity, on: date, field: str = "--date") -> None:
    if not activity.levels:
        return
    latest = max(e.date for e in activity.levels)
    if on < latest:
        raise InvalidInput(
            field,
            f"the level of '{activity.name}' last changed on {latest.isoformat()}; "
            "a new change must be on or after that day.",
        )


def record_level(
    activity: Activity,
    on: date,
    to_level: float,
    reason: LevelReason,
    hold_days: int,
    note: str | None = None,
    *,
    catch_up_to: float | None = None,
) -> LevelEvent:
    """Append a change of level from ``on``. Changes are kept in date order."""
    check_not_before_last_change(activity, on)
    event = LevelEvent(
        date=on,
        from_level=current_level(activity, on),
        to_level=to_level,
        reason=reason,
        hold_days=hold_days,
        note=note,
        catch_up_to=catch_up_to,
    )
    activity.levels.append(event)
    return event


def catch_up_next(activity: Activity, event: LevelEvent) -> float | None:
    """During a catch-up after a flare-up, the next level to climb to (a level held before
    the flare-up, up to the one held just before it); None when not catching up."""
    ceiling = event.catch_up_to
    if event.reason != "catch_up" or ceiling is None or event.to_level >= ceiling - units.EPSILON:
        return None
    held = [
        e.to_level
        for e in activity.levels
        if e.date < event.date
        and e.reason not in ("catch_up", "flareup_reduce")
        and event.to_level + units.EPSILON < e.to_level <= ceiling + units.EPSILON
    ]
    return min([*held, ceiling])
