"""A plan projected from today: the steps ahead, the day the target is reached, the deadline.

The projection starts from the level in force (not the plan's first level), so a plan
that was eased back or paused shows the real road ahead, and explains every date.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from backskills.domain.activities import arg, describe
from backskills.domain.activities import get_activity as _get_activity
from backskills.domain.progression.levels import current_level, level_event_on
from backskills.domain.progression.met_days import MET_NEEDED, WINDOW_DAYS
from backskills.domain.progression.staircase import MAX_PLAN_DAYS, staircase
from backskills.errors import Refused
from backskills.models import Journal
from backskills.models.activity import Activity, Plan
from backskills.plain import field, plain

__all__ = ["PlanStep", "PlanView", "plan_view", "plan_views", "require_plan"]


@plain
class PlanStep:
    level: float
    start: date
    until: date | None  # None for the target: keep it up

    def to_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "from": self.start.isoformat(),
            "until": self.until.isoformat() if self.until else None,
        }


@plain
class PlanView:
    activity: str
    unit: str
    resolution: float
    start: float
    target: float
    hold_days: int
    starts_on: date
    level: float | None
    steps: list[PlanStep]
    reaches_target_on: date
    deadline: date | None
    feasible: bool | None
    reachable_by_deadline_level: float | None
    explanation: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "activity": self.activity,
            "unit": self.unit,
            "start": self.start,
            "target": self.target,
            "hold_days": self.hold_days,
            "level": self.level,
            "steps": [step.to_json() for step in self.steps],
            "reaches_target_on": self.reaches_target_on.isoformat(),
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "feasible": self.feasible,
            "reachable_by_deadline_level": self.reachable_by_deadline_level,
            "starts_on": self.starts_on.isoformat(),
            "explanation": list(self.explanation),
        }


def require_plan(activity: Activity) -> Plan:
    if activity.plan is None:
        raise Refused(
            f"'{activity.name}' has no progression plan yet.",
            hint=f"Set one with 'backskills plan set {arg(activity.name)} --target N'.",
        )
    return activity.plan


def plan_view(journal: Journal, activity: Activity, today: date) -> PlanView:
    """The plan of ``activity`` projected from the level in force today."""
    plan = require_plan(activity)
    unit, res = activity.unit, activity.resolution
    event = level_event_on(activity, today)
    if event is None:  # the plan starts later: project from its first level
        event = min(activity.levels, key=lambda e: e.date) if activity.levels else None
    level_now = current_level(activity, today)
    base_level = event.to_level if event is not None else plan.start
    since = event.date if event is not None else plan.starts_on
    first_hold = event.hold_days if event is not None else plan.hold_days
    levels = staircase(base_level, plan.target, res, max_levels=MAX_PLAN_DAYS)
    steps: list[PlanStep] = []
    begin = since
    for index, level in enumerate(levels):
        if index == len(levels) - 1:
            steps.append(PlanStep(level, begin, None))
            break
        hold = first_hold if index == 0 else plan.hold_days
        following = begin + timedelta(days=hold)
        if index == 0 and following < today:
            following = today  # overdue: the earliest next step is today
        steps.append(PlanStep(level, begin, following - timedelta(days=1)))
        begin = following
    reaches = steps[-1].start
    feasible: bool | None = None
    reachable: float | None = None
    if plan.deadline is not None:
        feasible = reaches <= plan.deadline
        reachable = max((s.level for s in steps if s.start <= plan.deadline), default=None)
    view = PlanView(
        activity=activity.name,
        unit=unit,
        resolution=res,
        start=plan.start,
        target=plan.target,
        hold_days=plan.hold_days,
        starts_on=plan.starts_on,
        level=level_now,
        steps=steps,
        reaches_target_on=reaches,
        deadline=plan.deadline,
        feasible=feasible,
        reachable_by_deadline_level=reachable,
    )
    view.explanation = _plan_explanation(view, activity, base_level, since, today)
    return view


def _plan_explanation(
    view: PlanView, activity: Activity, base_level: float, since: date, today: date
) -> list[str]:
    unit = view.unit
    lines = []
    if len(view.steps) == 1:
        lines.append(f"{describe(base_level, unit)} is your target level: keep it up most days.")
    else:
        lines.append(
            f"Each step adds 10% of the level you are at, rounded down to steps of "
            f"{describe(view.resolution, unit)} and never less than one step; the last "
            f"step lands exactly on your target of {describe(view.target, unit)}."
        )
        lines.append(
            f"Each level is held at least {view.hold_days} days, and you step up only "
            f"after meeting it on {MET_NEEDED} of the last {WINDOW_DAYS} days."
        )
        count = len(view.steps) - 1
        days = (view.reaches_target_on - since).days
        lines.append(
            f"From {describe(base_level, unit)} (since {since.isoformat()}) that is "
            f"{count} step{'s' if count != 1 else ''}: at this pace the target is reached on "
            f"{view.reaches_target_on.isoformat()}, {days} days after {since.isoformat()}."
        )
    if view.deadline is not None:
        if view.feasible:
            spare = (view.deadline - view.reaches_target_on).days
            margin = (
                f"with {spare} day{'s' if spare != 1 else ''} to spare"
                if spare
                else "on the day itself, with nothing to spare"
            )
            lines.append(
                f"Your deadline {view.deadline.isoformat()} is reachable at this safe pace, "
                f"{margin}."
            )
        else:
            late = (view.reaches_target_on - view.deadline).days
            within = view.reachable_by_deadline_level
            lines.append(
                f"Your deadline {view.deadline.isoformat()} is {late} day"
                f"{'s' if late != 1 else ''} too soon to reach {describe(view.target, unit)} "
                "safely. backskills will not make the steps bigger to fit."
            )
            options = [f"keep the target and aim for {view.reaches_target_on.isoformat()} instead"]
            if within is not None:
                options.append(f"keep the deadline and aim for {describe(within, unit)} by then")
            lines.append("Honest choices: " + "; or ".join(options) + ".")
    if view.level is None:
        lines.append(f"The plan starts on {view.starts_on.isoformat()}.")
    return lines


def plan_views(journal: Journal, today: date, name: str | None = None) -> list[PlanView]:
    """Every plan (or the one of ``name``), projected from today."""
    if name is not None:
        return [plan_view(journal, _get_activity(journal, name), today)]
    return [plan_view(journal, a, today) for a in journal.activities if a.plan is not None]
