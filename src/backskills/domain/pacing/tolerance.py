"""The tolerance level: the middle ground between a good day and a bad day, and the
smaller spells and longer rest of a bad day."""

from __future__ import annotations

import math

from backskills.domain import units
from backskills.domain.pacing.amounts import amount_text, on_grid
from backskills.errors import InvalidInput
from backskills.models.pacing import PaceActivity
from backskills.plain import plain

BAD_DAY_FRACTION = 0.75  # bad-day spells are at most three quarters of the tolerance
BAD_DAY_EXTRA_REST_MIN = 5.0  # a bad day adds at least this many minutes of rest

__all__ = [
    "BAD_DAY_EXTRA_REST_MIN",
    "BAD_DAY_FRACTION",
    "ToleranceInput",
    "bad_day_rest",
    "bad_day_spell",
    "check_tolerance_input",
    "midpoint",
    "resolve_tolerance",
    "steps_phrase",
    "tolerance_explanation",
]


def midpoint(good: float, bad: float, resolution: float) -> float:
    """The middle ground between a good-day and a bad-day amount, rounded down."""
    return units.round_down((good + bad) / 2, resolution)


def bad_day_spell(tolerance: float, resolution: float) -> float:
    """Three quarters of the tolerance, rounded down, and at least one resolution step."""
    return max(
        units.round_down(tolerance * BAD_DAY_FRACTION, resolution),
        units.tidy(resolution, resolution),
    )


def bad_day_rest(rest: float) -> float:
    """Half as much rest again, and at least 5 minutes more (whole minutes, rounded up)."""
    return float(math.ceil(rest + max(rest / 2, BAD_DAY_EXTRA_REST_MIN) - 1e-9))


@plain(frozen=True)
class ToleranceInput:
    """What the patient gave: a tolerance, or a good-day and a bad-day amount."""

    tolerance: float | None = None
    good: float | None = None
    bad: float | None = None

    def given(self) -> bool:
        return self.tolerance is not None or self.good is not None or self.bad is not None


def check_tolerance_input(given: ToleranceInput) -> None:
    """The shape of the tolerance options, checked before the journal is opened."""
    if given.tolerance is not None and (given.good is not None or given.bad is not None):
        raise InvalidInput("--tolerance", "give either --tolerance or --good and --bad, not both.")
    if given.tolerance is None and (given.good is None) != (given.bad is None):
        missing = "--bad" if given.bad is None else "--good"
        raise InvalidInput(missing, "is needed too: the tolerance is the middle of the two.")
    if given.good is not None and given.bad is not None and given.good < given.bad:
        raise InvalidInput(
            "--good", "should be at least the bad-day amount (a good day manages more)."
        )


def resolve_tolerance(given: ToleranceInput, unit: str, resolution: float) -> float:
    """The tolerance from the options: given directly, or the midpoint rounded down."""
    check_tolerance_input(given)
    step = units.fmt(resolution)
    if given.tolerance is not None:
        if given.tolerance < resolution - 1e-9:
            raise InvalidInput("--tolerance", f"must be at least {step} {unit}.")
        return on_grid(given.tolerance, resolution, "--tolerance", unit)
    assert given.good is not None and given.bad is not None
    value = midpoint(given.good, given.bad, resolution)
    if value < resolution - 1e-9:
        raise InvalidInput(
            "--good",
            f"the middle of {units.fmt(given.good)} and {units.fmt(given.bad)} is less than "
            f"{step} {unit}; give larger amounts or a smaller unit.",
        )
    return value


def steps_phrase(activity: PaceActivity) -> str:
    if activity.resolution == 1:
        return f"whole {activity.unit}"
    return f"steps of {units.fmt(activity.resolution)} {activity.unit}"


def tolerance_explanation(activity: PaceActivity) -> str:
    """How the tolerance was reached, in one plain sentence."""
    amount = amount_text(activity.tolerance, activity.unit)
    if activity.changes:
        last = activity.changes[-1]
        return (
            f"{activity.name}: {amount} a spell, changed on {last.date.isoformat()} from "
            f"{units.fmt(last.from_tolerance)} ({last.reason})."
        )
    if activity.good is not None and activity.bad is not None:
        return (
            f"{activity.name}: {amount} a spell, the middle of {units.fmt(activity.good)} on a "
            f"good day and {units.fmt(activity.bad)} on a bad day, rounded down to "
            f"{steps_phrase(activity)}."
        )
    return f"{activity.name}: {amount} a spell, as you set it."
