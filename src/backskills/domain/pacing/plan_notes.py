"""What a pacing plan says besides its spells: deadline warnings (with questions to ask)
and the explanation of every number."""

from __future__ import annotations

from datetime import date

from backskills.domain import units
from backskills.domain.pacing.amounts import amount_text, from_steps
from backskills.domain.pacing.plan import PlanWarning
from backskills.domain.pacing.tolerance import (
    BAD_DAY_FRACTION,
    bad_day_rest,
    bad_day_spell,
    tolerance_explanation,
)
from backskills.models.pacing import PaceActivity, PaceTask
from backskills.models.safety import FlareUp

DEADLINE_QUESTIONS = (
    "Could someone help with it?",
    "Could it be done another way, such as a lighter tool or a different position?",
    "Could it wait until later?",
)

GOOD_DAY_NOTE = (
    "On a good day this plan still holds: stop where it says, even if you feel you could "
    "carry on. That is what keeps the next day steady."
)

__all__ = ["DEADLINE_QUESTIONS", "GOOD_DAY_NOTE", "deadline_warnings", "plan_explanation"]


def deadline_warnings(
    planned: list[PaceTask],
    activities: dict[str, PaceActivity],
    start: date,
    total: dict[int, int],
    finished_by: dict[int, int],
) -> list[PlanWarning]:
    warnings = []
    for task in planned:
        if task.deadline is None:
            continue
        activity = activities[task.activity]
        if task.deadline < start:
            warnings.append(
                PlanWarning(
                    kind="overdue",
                    task_id=task.id,
                    task=task.title,
                    deadline=task.deadline,
                    left=from_steps(total[task.id], activity.resolution),
                    message=(
                        f"'{task.title}' was due by {task.deadline.isoformat()}. It is still in "
                        "the plan; it may be worth setting a new date."
                    ),
                    questions=DEADLINE_QUESTIONS,
                )
            )
            continue
        done = finished_by.get(task.id)
        if done is None or done >= total[task.id]:
            continue
        short = from_steps(total[task.id] - done, activity.resolution)
        warnings.append(
            PlanWarning(
                kind="deadline",
                task_id=task.id,
                task=task.title,
                deadline=task.deadline,
                left=short,
                message=(
                    f"'{task.title}' will not be finished by {task.deadline.isoformat()} at "
                    f"this pace: {amount_text(short, activity.unit)} would be left."
                ),
                questions=DEADLINE_QUESTIONS,
            )
        )
    return warnings


def plan_explanation(
    planned: list[PaceTask],
    activities: dict[str, PaceActivity],
    sessions: int,
    bad_day: bool,
    flare: FlareUp | None = None,
) -> list[str]:
    lines = []
    if flare is not None:
        lines.append(
            f"A flare-up is on (since {flare.started.isoformat()}), so every day of this plan "
            "is a bad day: smaller spells and more rest. Feeling up to your usual spells? "
            "Add --normal-day."
        )
    for name in sorted({t.activity for t in planned}):
        activity = activities[name]
        lines.append(tolerance_explanation(activity))
        if bad_day:
            spell = bad_day_spell(activity.tolerance, activity.resolution)
            tolerance = units.fmt(activity.tolerance)
            how = (
                f"three quarters of {tolerance}, rounded down"
                if units.round_down(activity.tolerance * BAD_DAY_FRACTION, activity.resolution)
                >= activity.resolution - 1e-9
                else f"one step, as three quarters of {tolerance} would be less"
            )
            lines.append(
                f"{activity.name} on {'each' if flare is not None else 'the'} bad day: at most "
                f"{amount_text(spell, activity.unit)} ({how}), then "
                f"{units.fmt(bad_day_rest(activity.rest))} minutes of rest instead of "
                f"{units.fmt(activity.rest)}."
            )
    if planned:
        lines.append("Tasks go by priority, then by the nearest deadline.")
        lines.append(
            "No spell is longer than the activity's tolerance. On the day a task will be "
            "finished, its spells are about equal."
        )
        lines.append(
            f"At most {sessions} spell{'s' if sessions != 1 else ''} of one activity a day; "
            "what does not fit moves to the next day."
        )
        lines.append(
            "The same activity is spaced out, and positions change from spell to spell, "
            "where the plan allows."
        )
    if bad_day and flare is None:
        lines.append(
            "Only the first day is a bad day. Its smaller spells mean less gets done that day; "
            "the rest moves on. If the next day is hard too, plan again then with --bad-day."
        )
    return lines
