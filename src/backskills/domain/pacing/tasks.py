"""Pacing tasks: add, done, remove, what is left, and the order they are done in
(priority, then the nearest deadline, then the oldest)."""

from __future__ import annotations

from datetime import date

from backskills.domain.pacing.activities import get_activity
from backskills.domain.pacing.amounts import amount_text, on_grid
from backskills.errors import InvalidInput, NotFound, Refused
from backskills.models import Journal
from backskills.models.entries import PACE_TASK_COUNTER, next_number
from backskills.models.pacing import PaceTask, Priority

PRIORITY_RANK = {"high": 0, "medium": 1, "low": 2}

__all__ = [
    "PRIORITY_RANK",
    "add_task",
    "get_task",
    "ordered_tasks",
    "remaining",
    "remove_task",
    "task_done",
]


def get_task(journal: Journal, task_id: int) -> PaceTask:
    for task in journal.pacing.tasks:
        if task.id == task_id:
            return task
    raise NotFound(
        f"there is no pacing task number {task_id}.",
        hint="See the numbers with 'backskills pace task list --all'.",
    )


def remaining(task: PaceTask) -> float:
    """What is left of a task (0 once it is done)."""
    if task.done_on is not None:
        return 0.0
    return max(task.amount - task.done_amount, 0.0)


def add_task(
    journal: Journal,
    title: str,
    *,
    activity_name: str,
    amount: float,
    priority: Priority,
    deadline: date | None,
    today: date,
) -> PaceTask:
    activity = get_activity(journal, activity_name)
    if amount < activity.resolution - 1e-9:
        raise InvalidInput(
            "--amount", f"must be at least {amount_text(activity.resolution, activity.unit)}."
        )
    exact = on_grid(amount, activity.resolution, "--amount", activity.unit)
    # never reuse the number of a removed task: its logged spells still point to it. The
    # counter in last_ids remembers the highest; a journal from before it scans the spells.
    used = [t.id for t in journal.pacing.tasks]
    if PACE_TASK_COUNTER not in journal.last_ids:
        used += [log.task_id for log in journal.pacing.logs if log.task_id is not None]
    next_id = next_number(journal, PACE_TASK_COUNTER, used)
    task = PaceTask(
        id=next_id,
        title=title,
        activity=activity.name,
        amount=exact,
        priority=priority,
        deadline=deadline,
        created=today,
    )
    journal.pacing.tasks.append(task)
    return task


def task_done(journal: Journal, task_id: int, today: date) -> PaceTask:
    task = get_task(journal, task_id)
    if task.done_on is not None:
        raise Refused(f"task {task_id} was already marked done on {task.done_on.isoformat()}.")
    task.done_amount = task.amount
    task.done_on = today
    return task


def remove_task(journal: Journal, task_id: int) -> PaceTask:
    task = get_task(journal, task_id)
    journal.pacing.tasks.remove(task)
    return task


def ordered_tasks(tasks: list[PaceTask]) -> list[PaceTask]:
    """Prioritise: high before medium before low, then the nearest deadline, then oldest."""
    return sorted(
        tasks,
        key=lambda t: (PRIORITY_RANK[t.priority], t.deadline or date.max, t.id),
    )
