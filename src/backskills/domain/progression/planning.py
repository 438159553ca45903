"""Setting a plan: choosing the starting level and creating or replacing the plan.

The start is the level chosen, else the level already reached (a new plan never sets
you back), else the baseline's starting level. A replaced plan is kept in
``Activity.past_plans``.
"""

from __future__ import annotations

from datetime import date

from backskills.domain import safety, units
from backskills.domain.activities import arg, describe, ensure_activity, find_activity
from backskills.domain.baseline import summarise
from backskills.domain.progression.levels import (
    check_not_before_last_change,
    current_level,
    level_event_on,
    record_level,
)
from backskills.domain.progression.projection import PlanView, plan_view
from backskills.domain.progression.staircase import (
    DEFAULT_HOLD,
    HOLD_MAX,
    HOLD_MIN,
    MAX_PLAN_DAYS,
    staircase,
)
from backskills.errors import InvalidInput, Refused
from backskills.models import Journal
from backskills.models.activity import Activity, LevelReason, Plan

MAX_START_AHEAD = 365  # --from may be up to a year ahead

__all__ = ["MAX_START_AHEAD", "set_plan"]


def _choose_start(activity: Activity, start: float | None, today: date) -> tuple[float, str]:
    unit = activity.unit
    if start is not None:
        return start, f"Starting level {describe(start, unit)}: the level you chose."
    summary = summarise(activity)
    level_now = current_level(activity, today) if activity.plan is not None else None
    last_level_change = max((e.date for e in activity.levels), default=None)
    baseline_done_on = summary.days[-1].date if summary.complete and summary.days else None
    if level_now is not None and (
        baseline_done_on is None
        or (last_level_change is not None and baseline_done_on <= last_level_change)
    ):
        return level_now, (
            f"Starting level {describe(level_now, unit)}: the level you have reached, so "
            "a new plan never sets you back."
        )
    if summary.complete and summary.start is not None:
        return summary.start, (
            f"Starting level {describe(summary.start, unit)}, from your baseline: an average "
            f"of {describe(summary.average or 0, unit)} × {units.fmt(summary.start_factor)}, "
            f"rounded down to steps of {describe(activity.resolution, unit)}."
        )
    if summary.complete:
        raise Refused(
            f"the baseline for '{activity.name}' averages less than one step of "
            f"{describe(activity.resolution, unit)}, so it gives no starting level.",
            hint=f"Choose one: 'backskills plan set {arg(activity.name)} --target N --start N'.",
        )
    logged = len(summary.days)
    raise Refused(
        f"'{activity.name}' has no complete baseline yet ({logged} of 3 days logged), so "
        "there is no starting level.",
        hint=(
            f"Log the baseline days with 'backskills baseline log {arg(activity.name)} AMOUNT', "
            "or give a starting level with --start N."
        ),
    )


def set_plan(
    journal: Journal,
    name: str,
    *,
    target: float,
    today: date,
    deadline: date | None = None,
    hold_days: int = DEFAULT_HOLD,
    start: float | None = None,
    starts_on: date | None = None,
    goal_id: int | None = None,
    new: bool = False,
) -> PlanView:
    """Create or replace the plan of ``name``; records the starting level as a level change."""
    safety.require_exercise_allowed(journal)
    if not HOLD_MIN <= hold_days <= HOLD_MAX:
        raise InvalidInput(
            "--hold-days",
            f"must be from {HOLD_MIN} to {HOLD_MAX} days (one to four weeks at each level).",
        )
    if not target > 0:
        raise InvalidInput("--target", "must be more than zero.")
    if start is not None and not start > 0:
        raise InvalidInput("--start", "must be more than zero.")
    begin = starts_on or today
    if (begin - today).days > MAX_START_AHEAD:
        raise InvalidInput("--from", "can be at most a year ahead.")
    if deadline is not None and deadline <= begin:
        raise InvalidInput("--by", f"must be after the day the plan starts ({begin.isoformat()}).")
    activity = find_activity(journal, name)
    if activity is None:
        if start is None:
            raise Refused(
                f"there is no baseline for '{name.strip()}' yet, so there is no starting level.",
                hint=(
                    f"Start one with 'backskills baseline log {arg(name.strip())} AMOUNT' "
                    "(three days), or give a starting level with --start N."
                ),
            )
        activity = ensure_activity(journal, name, None, today, new=new)
    level, why = _choose_start(activity, start, begin)
    unit = activity.unit
    if target < level:
        raise InvalidInput(
            "--target",
            f"{describe(target, unit)} is below the starting level of "
            f"{describe(level, unit)}; a plan builds up from where you start.",
        )
    levels = staircase(level, target, activity.resolution, MAX_PLAN_DAYS // hold_days + 2)
    if (len(levels) - 1) * hold_days > MAX_PLAN_DAYS:
        raise InvalidInput(
            "--target",
            f"{describe(target, unit)} is more than ten years of small steps away from "
            f"{describe(level, unit)}. Choose a nearer target, and set a new one when you "
            "get there.",
        )
    check_not_before_last_change(activity, begin, "--from")
    reason: LevelReason = "plan_start"
    if activity.plan is not None:
        activity.past_plans.append(activity.plan.model_copy(update={"ended_on": today}))
        reason = "plan_update"
    activity.plan = Plan(
        start=level,
        target=target,
        hold_days=hold_days,
        starts_on=begin,
        deadline=deadline,
        created=today,
        goal_id=goal_id,
    )
    in_force = level_event_on(activity, begin)
    if starts_on is None and in_force is not None and in_force.to_level == level:
        why += " The days you have already done at this level still count."
    else:
        record_level(activity, begin, level, reason, hold_days)
    view = plan_view(journal, activity, today)
    view.explanation.insert(0, why)
    return view
