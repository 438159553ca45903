"""Logging a spell of a pacing activity, counted towards its task when one is named."""

from __future__ import annotations

from datetime import date

from backskills.domain import units
from backskills.domain.pacing.activities import get_activity
from backskills.domain.pacing.amounts import on_grid, steps_of
from backskills.domain.pacing.tasks import get_task, remaining
from backskills.errors import InvalidInput, Refused
from backskills.models import Journal
from backskills.models.pacing import PaceActivity, PaceLog, PaceTask, SpellFelt
from backskills.plain import plain

__all__ = ["LogResult", "log_spell"]


@plain(frozen=True)
class LogResult:
    log: PaceLog
    activity: PaceActivity
    task: PaceTask | None
    over_tolerance: bool


def log_spell(
    journal: Journal,
    activity_name: str,
    amount: float,
    *,
    on: date,
    felt: SpellFelt | None,
    task_id: int | None,
    note: str | None,
) -> LogResult:
    activity = get_activity(journal, activity_name)
    task = None
    if task_id is not None:
        task = get_task(journal, task_id)
        if task.activity != activity.name:
            raise InvalidInput(
                "--task", f"task {task_id} is for '{task.activity}', not '{activity.name}'."
            )
        if task.done_on is not None:
            raise Refused(f"task {task_id} is already done.")
        amount = on_grid(amount, activity.resolution, "AMOUNT", activity.unit)
        left = remaining(task)
        counted = min(amount, left)
        task.done_amount = units.tidy(task.done_amount + counted, activity.resolution)
        if steps_of(task.amount - task.done_amount, activity.resolution) <= 0:
            task.done_amount = task.amount
            task.done_on = on
    log = PaceLog(
        date=on, activity=activity.name, amount=amount, felt=felt, task_id=task_id, note=note
    )
    journal.pacing.logs.append(log)
    return LogResult(
        log=log,
        activity=activity,
        task=task,
        over_tolerance=amount > activity.tolerance + 1e-9,
    )
