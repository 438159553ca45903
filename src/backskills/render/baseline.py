"""Rendering of baselines (``backskills baseline``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from backskills import render
from backskills.domain.activities import arg, describe
from backskills.domain.units import fmt

if TYPE_CHECKING:
    from backskills.domain.baseline import BaselineResult
    from backskills.models.goals import Goal


def _amount(value: float | None, unit: str) -> str:
    return "-" if value is None else describe(value, unit)


def warnings(result: BaselineResult) -> None:
    """Warnings go to stderr, so they also reach a --json run."""
    for message in result.summary.warnings:
        render.warn(message)


def headline(result: BaselineResult) -> None:
    s = result.summary
    unit = result.unit
    day = result.day.isoformat() if result.day else ""
    if result.action == "added":
        number = next(n for n, d in enumerate(s.days, 1) if d.date == result.day)
        felt = next(d.felt for d in s.days if d.date == result.day)
        amount = next(d.amount for d in s.days if d.date == result.day)
        felt_words = f" (felt {felt})" if felt else ""
        render.say(
            (f"Baseline day {number} of 3 for {result.activity}: ", "bold"),
            f"{_amount(amount, unit)}{felt_words} on {day}.",
        )
    elif result.action in ("replaced", "added_to"):
        amount = next(d.amount for d in s.days if d.date == result.day)
        verb = "Added to" if result.action == "added_to" else "Replaced"
        render.say(
            (f"{verb} the baseline day {day} for {result.activity}: ", "bold"),
            f"it was {_amount(result.previous_amount, unit)}, now {_amount(amount, unit)}.",
        )
    elif result.action == "redone":
        render.say(
            (f"A fresh baseline for {result.activity} has started. ", "bold"),
            f"The old one is kept in your history ({result.archived} earlier baseline"
            f"{'s' if result.archived != 1 else ''}).",
        )
    elif result.action == "factor_set":
        render.say(
            (f"Start factor for {result.activity} set to {fmt(s.start_factor)}.", "bold"),
        )
    else:
        render.say((f"Baseline for {result.activity}", "bold"))


def show(result: BaselineResult, tied_goals: Sequence[Goal] = ()) -> None:
    """Days, suggestions and the starting level, every number explained.

    When goals are tied to the activity, the next step is to aim their plan at this
    baseline ('goal edit N --activity X'), not a bare 'plan set' that would lose the tie."""
    s = result.summary
    headline(result)
    if (s.days and result.action in ("shown", "factor_set")) or s.complete:
        render.table(
            ["day", "date", "amount", "felt"],
            [
                (n, d.date.isoformat(), _amount(d.amount, result.unit), d.felt or "-")
                for n, d in enumerate(s.days, 1)
            ],
        )
    for line in s.explanation:
        render.say(line)
    warnings(result)
    renew = [f"backskills goal edit {g.id} --activity {arg(result.activity)}" for g in tied_goals]
    if s.complete and s.start is not None:
        if renew:
            render.hint(
                f"Your goal is tied to {result.activity}: aim its plan at this baseline with: "
                + " and ".join(renew)
            )
        elif result.has_plan:
            render.hint(
                f"{result.activity} already has a plan built on a baseline: see where you are "
                f"with 'backskills progress {arg(result.activity)}'."
            )
        else:
            render.hint(
                f"Next, set a target: backskills plan set {arg(result.activity)} --target N "
                "(add --by YYYY-MM-DD for a deadline)."
            )
    elif result.action == "redone":
        then = " and ".join(renew) if renew else "backskills plan set"
        render.hint(
            f"Log day 1 with: backskills baseline log {arg(result.activity)} AMOUNT --felt ok. "
            f"When the three new days are in, run '{then}' to restart the plan from the new "
            "level."
        )
    render.more("baseline")


def listing(results: list[BaselineResult]) -> None:
    if not results:
        render.say("No baselines yet.")
        render.hint("Start one with: backskills baseline log walking 10 --felt ok")
        return
    render.table(
        ["activity", "days", "average", "start", "factor", "earlier"],
        [
            (
                r.activity,
                f"{len(r.summary.days)} of 3",
                _amount(r.summary.average, r.unit),
                _amount(r.summary.start, r.unit),
                fmt(r.summary.start_factor),
                r.archived,
            )
            for r in results
        ],
    )
    render.say(
        "The start is the average of the three days times the factor, rounded down "
        "(see 'backskills baseline show ACTIVITY')."
    )
