"""Activities: finding them by name and creating them with a unit and a resolution.

An activity's unit is fixed when it is first recorded. The resolution (the smallest step
used for rounding) comes from the unit (``backskills.domain.units``) unless the patient gives one.
"""

from __future__ import annotations

import re
import shlex
from datetime import date

from backskills.domain import units
from backskills.errors import InvalidInput, NotFound
from backskills.models import Journal
from backskills.models.activity import Activity

MIN_RESOLUTION = 0.001
MAX_RESOLUTION = 1_000_000.0

__all__ = [
    "arg",
    "check_new_name",
    "clean_number",
    "describe",
    "ensure_activity",
    "find_activity",
    "get_activity",
    "known_names",
    "similar_names",
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
    from backskills.domain import catalogue  # loaded only when the name did not match as typed

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
    close = [n for n in similar_names(journal, name) if n in names]
    if close:
        hint = f"Did you mean {_either(close)}?"
    elif names:
        hint = "Activities you have: " + ", ".join(names) + "."
    else:
        hint = "Start one with 'backskills baseline log ACTIVITY AMOUNT' or 'backskills log'."
    raise NotFound(f"there is no activity called '{name.strip()}' yet.", hint=hint)


# -- typo-safe names ----------------------------------------------------------------------

SIMILAR = 0.8  # difflib ratio from which two names count as "close" (walkng ~ walking: 0.92)
PREFIX_MIN = 4  # "walk" is close to "walking": one name starts the other


def _spelling(name: str) -> str:
    """``Sit-to-Stand`` and ``sit to  stand`` are spelt the same."""
    return " ".join(re.split(r"[\s_\-]+", name.strip().casefold())).strip()


def similar_names(journal: Journal, name: str) -> list[str]:
    """Existing activities and library exercises whose names are close to ``name``.

    Close means a small typing slip (``walkng``), a plural (``bridges``) or one name
    starting the other (``walk``/``walking``). Names as the patient types them: an
    activity's own name, or an exercise's short name (``wall-squat``).
    """
    import difflib

    from backskills.domain import catalogue

    wanted = _spelling(name)
    spellings: dict[str, str] = {}
    for activity in journal.activities:
        spellings.setdefault(_spelling(activity.name), activity.name)
    for exercise in catalogue.exercises():
        spellings.setdefault(_spelling(exercise.slug), exercise.slug)
        spellings.setdefault(_spelling(exercise.title), exercise.slug)
    found: list[str] = []
    for spelling, shown in spellings.items():
        short, long = sorted((wanted, spelling), key=len)
        if len(short) >= PREFIX_MIN and long.startswith(short) and shown not in found:
            found.append(shown)
    for spelling in difflib.get_close_matches(wanted, list(spellings), n=3, cutoff=SIMILAR):
        if spellings[spelling] not in found:
            found.append(spellings[spelling])
    return [n for n in found if _spelling(n) != wanted][:3]


def _either(names: list[str]) -> str:
    quoted = [f"'{n}'" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def check_new_name(journal: Journal, name: str) -> None:
    """Refuse a new activity whose name is close to one that exists (exit 1)."""
    close = similar_names(journal, name)
    if close:
        raise NotFound(
            f"No activity '{name.strip()}'. Did you mean {_either(close)}? "
            "To start a new one, add --new."
        )


def ensure_activity(
    journal: Journal,
    name: str,
    unit: str | None,
    today: date,
    resolution: float | None = None,
    *,
    new: bool = False,
) -> Activity:
    """The existing activity, or a new one with ``unit`` (default minutes).

    A different unit (or resolution) for an existing activity is ``InvalidInput``: amounts
    already recorded would no longer mean the same thing. A new name close to an existing
    activity or a library exercise is refused unless ``new`` (a typing slip would otherwise
    start a second activity). An exercise from the library keeps its own unit.
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
    from backskills.domain import catalogue  # only a new activity needs the library

    library_unit = catalogue.default_unit(name)
    if library_unit is None and not new:
        check_new_name(journal, name)
    if unit is not None:
        chosen_unit = units.normalise_unit(unit)
        if library_unit is not None and chosen_unit != library_unit:
            raise InvalidInput(
                "--unit",
                f"'{name.strip()}' is an exercise from the library, counted in {library_unit}.",
                hint="Leave out --unit, or record it under a name of your own.",
            )
    else:  # an exercise from the library comes with its own unit (reps, seconds, minutes)
        chosen_unit = library_unit or units.DEFAULT_UNIT
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


# -- plausible amounts ----------------------------------------------------------------------

WHOLE_UNITS = frozenset({"reps", "times", "steps", "lengths"})  # counted, never halved
DAY_LIMITS = {"minutes": 1440.0, "seconds": 86400.0}  # no day holds more time than this


def check_amount(
    activity: Activity, amount: float, day_total: float, on: date, field: str = "AMOUNT"
) -> None:
    """``InvalidInput`` (exit 2) for an amount that cannot be right for ``activity``.

    ``day_total`` is what the day would add up to with this amount. Zero is left to the
    caller (a baseline day may be 0; a record of 0 is refused by ``log``).
    """
    unit = activity.unit
    if unit in WHOLE_UNITS and not float(amount).is_integer():
        raise InvalidInput(
            field,
            f"{activity.name} is counted in whole {unit}, so {units.fmt(amount)} cannot be right.",
            hint="Give a whole number.",
        )
    limit = DAY_LIMITS.get(unit)
    if limit is not None and clean_number(day_total) > limit:
        raise InvalidInput(
            field,
            f"a day has only {limit:,.0f} {unit}, and {activity.name} on {on.isoformat()} "
            f"would come to {clean_number(day_total):,g} {unit}.",
            hint="Check the number; see what is logged that day with 'backskills entries --from "
            f"{on.isoformat()} --to {on.isoformat()}'.",
        )


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
