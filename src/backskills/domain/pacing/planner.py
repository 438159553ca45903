"""Laying out the next days: tasks in priority order, split into spells, a limit of spells
of one activity a day, bad days and flare-ups; and today's spells for the home screen."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from backskills.domain import safety, units
from backskills.domain.pacing.amounts import from_steps, steps_of
from backskills.domain.pacing.plan import PacePlan, PlanDay, PlanWarning, Spell, Unscheduled
from backskills.domain.pacing.plan_notes import deadline_warnings, plan_explanation
from backskills.domain.pacing.spells import pieces_for_day, sequence
from backskills.domain.pacing.tasks import ordered_tasks, remaining
from backskills.domain.pacing.tolerance import bad_day_rest, bad_day_spell
from backskills.models import Journal

DEFAULT_SESSIONS = 3  # spells of one activity a day
DEFAULT_PLAN_DAYS = 3
HORIZON_DAYS = 366  # how far ahead the plan looks to judge deadlines

__all__ = ["DEFAULT_PLAN_DAYS", "DEFAULT_SESSIONS", "HORIZON_DAYS", "build_plan", "today_spells"]


def build_plan(
    journal: Journal,
    *,
    start: date,
    today: date,
    days: int = DEFAULT_PLAN_DAYS,
    sessions: int = DEFAULT_SESSIONS,
    bad_day: bool = False,
    normal_day: bool = False,
) -> PacePlan:
    """Lay out the next ``days`` days from ``start``.

    ``bad_day`` applies to the first day only: smaller spells and more rest; the days after
    use the usual spells. While a flare-up is active every day is a bad day, unless
    ``normal_day`` asks for the usual spells. Spells already logged on ``today`` count
    towards today's limit.
    """
    flare = None if normal_day else safety.active_flareup(journal)
    activities = {a.name: a for a in journal.pacing.activities}
    tasks = ordered_tasks([t for t in journal.pacing.tasks if remaining(t) > 0])
    warnings: list[PlanWarning] = []
    left: dict[int, int] = {}
    for task in tasks:
        activity = activities.get(task.activity)
        if activity is None or steps_of(activity.tolerance, activity.resolution) < 1:
            warnings.append(
                PlanWarning(
                    kind="no_activity",
                    task_id=task.id,
                    task=task.title,
                    message=(
                        f"'{task.title}' is for '{task.activity}', which has no usable "
                        "tolerance, so it was left out of the plan."
                    ),
                )
            )
            continue
        left[task.id] = steps_of(remaining(task), activity.resolution)
    planned = [t for t in tasks if t.id in left]
    total_before = dict(left)

    window_end = start + timedelta(days=days - 1)
    deadlines = [t.deadline for t in planned if t.deadline is not None]
    horizon = max([window_end, *deadlines])
    horizon = min(horizon, start + timedelta(days=HORIZON_DAYS))

    done_today = Counter(log.activity for log in journal.pacing.logs if log.date == today)
    finished_by: dict[int, int] = {}  # steps done by each deadline
    all_days: list[PlanDay] = []
    day = start
    while day <= horizon and (day <= window_end or any(left.values())):
        bad = (bad_day and day == start) or flare is not None
        used: Counter[str] = Counter(done_today) if day == today else Counter()
        chosen: list[Spell] = []
        for task in planned:
            if left[task.id] <= 0:
                continue
            activity = activities[task.activity]
            room = sessions - used[activity.name]
            if room <= 0:
                continue
            cap_amount = (
                bad_day_spell(activity.tolerance, activity.resolution)
                if bad
                else activity.tolerance
            )
            cap = max(
                steps_of(units.round_down(cap_amount, activity.resolution), activity.resolution), 1
            )
            pieces = pieces_for_day(left[task.id], cap, room)
            rest = bad_day_rest(activity.rest) if bad else activity.rest
            for piece in pieces:
                chosen.append(
                    Spell(
                        task_id=task.id,
                        task=task.title,
                        activity=activity.name,
                        amount=from_steps(piece, activity.resolution),
                        unit=activity.unit,
                        rest_after=rest,
                        position=activity.position,
                    )
                )
                left[task.id] -= piece
            used[activity.name] += len(pieces)
        all_days.append(PlanDay(date=day, spells=sequence(chosen), bad_day=bad))
        for task in planned:
            if task.deadline is not None and day == task.deadline:
                finished_by[task.id] = total_before[task.id] - left[task.id]
        day += timedelta(days=1)

    window = [d for d in all_days if d.date <= window_end]
    after: Counter[int] = Counter()
    for plan_day in all_days:
        if plan_day.date > window_end:
            for spell in plan_day.spells:
                after[spell.task_id] += steps_of(
                    spell.amount, activities[spell.activity].resolution
                )
    unscheduled = []
    for task in planned:
        activity = activities[task.activity]
        beyond = after[task.id] + left[task.id]
        if beyond > 0:
            unscheduled.append(
                Unscheduled(
                    task_id=task.id,
                    task=task.title,
                    activity=task.activity,
                    amount=from_steps(beyond, activity.resolution),
                    unit=activity.unit,
                    deadline=task.deadline,
                    reason=f"carried over past {window_end.isoformat()}",
                )
            )
    warnings.extend(deadline_warnings(planned, activities, start, total_before, finished_by))
    return PacePlan(
        start=start,
        days=window,
        unscheduled=unscheduled,
        warnings=warnings,
        sessions=sessions,
        bad_day=bad_day or flare is not None,
        explanation=plan_explanation(
            planned, activities, sessions, bad_day or flare is not None, flare
        ),
        all_days=all_days,
        flareup_since=flare.started if flare is not None else None,
    )


def today_spells(journal: Journal, today: date, *, normal_day: bool = False) -> list[Spell]:
    """Today's pacing spells for ``backskills today``: usual limits, or bad-day spells while
    a flare-up is active (unless ``normal_day``)."""
    plan = build_plan(journal, start=today, today=today, days=1, normal_day=normal_day)
    return plan.days[0].spells if plan.days else []
