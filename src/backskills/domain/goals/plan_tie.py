"""Tying a goal to an activity: a progression plan to the goal's target by its deadline,
or the baseline to log first. The goal's target counts in the activity's unit."""

from __future__ import annotations

import shlex
from datetime import date
from typing import TYPE_CHECKING, Any

from backskills.domain.units import normalise_unit
from backskills.errors import InvalidInput
from backskills.models import Journal
from backskills.models.goals import Goal
from backskills.plain import plain

if TYPE_CHECKING:
    from backskills.domain.progression.projection import PlanView

__all__ = [
    "PlanTie",
    "check_activity_name",
    "check_activity_unit",
    "tie_to_plan",
    "tied_baseline_days",
    "tied_level",
    "tied_target_date",
]


@plain
class PlanTie:
    """What tying a goal to an activity did: a plan made or updated, or the baseline to do.

    ``plan`` is the progression plan to the goal's target by its deadline (with
    ``plan.feasible`` and the honest alternatives when the deadline is too soon); without a
    complete baseline there is no plan and ``baseline_command`` says how to start one.
    """

    goal_id: int
    activity: str
    unit: str
    plan: PlanView | None = None
    baseline_days: int = 0
    baseline_command: str | None = None
    retie_command: str | None = None
    replaced_goal: int | None = None  # an active goal whose plan this one replaced

    def to_json(self) -> dict[str, Any]:
        return {
            "activity": self.activity,
            "unit": self.unit,
            "plan_set": self.plan is not None,
            "baseline_days": self.baseline_days,
            "baseline_command": self.baseline_command,
            "retie_command": self.retie_command,
            "replaced_plan_of_goal": self.replaced_goal,
        }


def check_activity_name(journal: Journal, activity: str | None, new: bool) -> None:
    """A goal tied to a name close to an existing activity or a library exercise is
    refused ("Did you mean ...?") unless ``new``: a slip would start a second activity."""
    if activity is None or new:
        return
    from backskills.domain import catalogue
    from backskills.domain.activities import check_new_name, find_activity

    if find_activity(journal, activity) is None and catalogue.find_exercise(activity) is None:
        check_new_name(journal, activity)


def check_activity_unit(journal: Journal, activity: str | None, unit: str | None) -> None:
    """A goal tied to an activity counts in the activity's unit, so the target and the
    levels of its plan mean the same thing."""
    if activity is None or not unit:
        return
    from backskills.domain.activities import find_activity

    existing = find_activity(journal, activity)
    if existing is not None and normalise_unit(unit) != existing.unit:
        raise InvalidInput(
            "--unit",
            f"'{existing.name}' is measured in {existing.unit}, so a goal tied to it needs "
            f"its target in {existing.unit} too (--unit {existing.unit}).",
            hint="Or leave out --activity to keep the goal separate from that activity.",
        )


def tie_to_plan(journal: Journal, goal: Goal, today: date) -> PlanTie | None:
    """Create or update the activity's progression plan to the goal's target by its deadline.

    Refused (exit 1) while a red-flag check stops exercise being started or increased;
    the caller's transaction then saves nothing.
    """
    if goal.activity is None or goal.target is None or goal.status != "active":
        return None
    from backskills.domain.activities import ensure_activity
    from backskills.domain.baseline import summarise
    from backskills.domain.progression.planning import set_plan

    check_activity_unit(journal, goal.activity, goal.unit)
    # the goal's own wording names the activity; tying it is how a new one is started
    activity = ensure_activity(journal, goal.activity, goal.unit, today, new=True)
    summary = summarise(activity)
    tie = PlanTie(goal.id, activity.name, activity.unit, baseline_days=len(summary.days))
    if not summary.complete and activity.plan is None:
        name = shlex.quote(activity.name)
        tie.baseline_command = f"backskills baseline log {name} AMOUNT"
        tie.retie_command = f"backskills goal edit {goal.id} --activity {name}"
        return tie
    owner = activity.plan.goal_id if activity.plan is not None else None
    if owner is not None and owner != goal.id:
        other = next((g for g in journal.goals if g.id == owner), None)
        tie.replaced_goal = owner if other is not None and other.status == "active" else None
    tie.plan = set_plan(
        journal,
        activity.name,
        target=goal.target,
        deadline=goal.deadline,
        today=today,
        goal_id=goal.id,
    )
    return tie


def tied_level(journal: Journal, goal: Goal, today: date) -> float | None:
    """The level in force today for the goal's activity (None without a plan)."""
    if goal.activity is None:
        return None
    from backskills.domain.activities import find_activity
    from backskills.domain.progression.levels import current_level

    activity = find_activity(journal, goal.activity)
    return current_level(activity, today) if activity is not None else None


def tied_baseline_days(journal: Journal, goal: Goal) -> int:
    """Days logged on the tied activity's baseline while it has no plan yet (0 otherwise)."""
    if goal.activity is None:
        return 0
    from backskills.domain.activities import find_activity
    from backskills.domain.baseline import summarise

    activity = find_activity(journal, goal.activity)
    if activity is None or activity.plan is not None:
        return 0
    summary = summarise(activity)
    return 0 if summary.complete else len(summary.days)


def tied_target_date(journal: Journal, goal: Goal, today: date) -> date | None:
    """When the tied activity's plan reaches its target at the safe pace (None without one)."""
    if goal.activity is None:
        return None
    from backskills.domain.activities import find_activity
    from backskills.domain.progression.projection import plan_view

    activity = find_activity(journal, goal.activity)
    if activity is None or activity.plan is None:
        return None
    return plan_view(journal, activity, today).reaches_target_on
