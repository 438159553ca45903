"""Activities: finding them by name and creating them with a unit and a resolution.

An activity's unit is fixed when it is first recorded. The resolution (the smallest step
used for rounding) comes from the unit (``backskills.units``) unless the patient gives one.
"""

from __future__ import annotations

import re
import shlex
from datetime import date

from backskills import units
from backskills.errors import InvalidInput, NotFound
from backskills.models import Journal
from backskills.models.activity import Activity

MIN_RESOLUTION = 0.001
MAX_RESOLUTION = 1_000_000.0

__all__ = [
    "arg",
    "clean_number",
    "describe",
    "ensure_activity",
    "find_activity",
    "get_activity",
    "known_names",
]


def find_activity(journal: Journal, name: str) -> Activity | None:
    """The activity called ``name`` (case does not matter), or None.

    A library exercise is one activity however it is written: ``wall-squat``,
    ``wall squat`` and ``Wall squat with a ball`` all find the one already recorded.
    """
    wanted = name.strip().casefold()
    for activity in journal.activities:
        if activity.name.casefold() == wanted:
            return activity
    if not journal.activities:
        return None
    from backskills import catalogue  # loaded only when the name did not match as typed

    exercise = catalogue.find_exercise(name)
    if exercise is not None:
        for activity in journal.activities:
            if catalogue.find_exercise(activity.name) == exercise:
                return activity
    return None


def known_names(journal: Journal) -> list[str]:
    return [activity.name for activity in journal.activities]


def get_activity(journal: Journal, name: str) -> Activity:
    """The activity called ``name``; ``NotFound`` (exit 1) with the known names otherwise."""
    activity = find_activity(journal, name)
    if activity is not None:
        return activity
    names = known_names(journal)
    if names:
        hint = "Activities you have: " + ", ".join(names) + "."
    else:
        hint = "Start one with 'backskills baseline log ACTIVITY AMOUNT' or 'backskills log'."
    raise NotFound(f"there is no activity called '{name.strip()}' yet.", hint=hint)


def ensure_activity(
    journal: Journal,
    name: str,
    unit: str | None,
    today: date,
    resolution: float | None = None,
) -> Activity:
    """The existing activity, or a new one with ``unit`` (default minutes).

    A different unit (or resolution) for an existing activity is ``InvalidInput``: amounts
    already recorded would no longer mean the same thing.
    """
    if resolution is not None and not MIN_RESOLUTION <= resolution <= MAX_RESOLUTION:
        raise InvalidInput(
            "--resolution", f"must be from {MIN_RESOLUTION} to {units.fmt(MAX_RESOLUTION)}."
        )
    existing = find_activity(journal, name)
    if existing is not None:
        if unit is not None and units.normalise_unit(unit) != existing.unit:
            raise InvalidInput(
                "--unit",
                f"'{existing.name}' is measured in {existing.unit}, not "
                f"{units.normalise_unit(unit)}.",
                hint="Leave out --unit, or record it under a new activity name.",
            )
        if resolution is not None and abs(resolution - existing.resolution) > units.EPSILON:
            raise InvalidInput(
                "--resolution",
                f"'{existing.name}' already rounds to steps of "
                f"{describe(existing.resolution, existing.unit)}.",
                hint="The resolution is set when an activity is first recorded.",
            )
        return existing
    if unit is not None:
        chosen_unit = units.normalise_unit(unit)
    else:  # an exercise from the library comes with its own unit (reps, seconds, minutes)
        from backskills import catalogue  # only a new activity needs the library

        chosen_unit = catalogue.default_unit(name) or units.DEFAULT_UNIT
    if not chosen_unit:
        raise InvalidInput("--unit", "cannot be empty.")
    step = resolution if resolution is not None else units.resolution_for(chosen_unit)
    activity = Activity(
        name=name.strip(),
        unit=chosen_unit,
        resolution=step,
        created=today,
    )
    journal.activities.append(activity)
    return activity


_PLAIN_ARG = re.compile(r"[\w.,+@%/:=-]+")


def arg(name: str) -> str:
    """``name`` as it must be typed in a command: ``walking``, or ``"sit to stand"``."""
    if _PLAIN_ARG.fullmatch(name) and not name.startswith("-"):
        return name
    if not any(ch in name for ch in '"$`\\!'):
        return f'"{name}"'
    return shlex.quote(name)


def clean_number(value: float) -> float:
    """Drop floating point noise from sums (0.1 + 0.2 -> 0.3) without rounding to a step."""
    return round(value, 6)


_SINGULAR = {
    "minutes": "minute",
    "seconds": "second",
    "reps": "rep",
    "times": "time",
    "steps": "step",
    "metres": "metre",
    "miles": "mile",
}


def describe(value: float, unit: str) -> str:
    """An amount with its unit for sentences: ``8 minutes``, ``1 minute``, ``0.5 km``."""
    shown = units.fmt(value)
    if shown == "1":
        unit = _SINGULAR.get(unit, unit)
    return f"{shown} {unit}"
