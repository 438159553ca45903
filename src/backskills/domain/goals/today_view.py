"""Days left to a goal's deadline, and the active goals ``backskills today`` shows."""

from __future__ import annotations

from datetime import date
from typing import Any

from backskills.domain.goals.finding import active_goals
from backskills.domain.goals.steps import next_open_step
from backskills.models import Journal
from backskills.models.goals import Goal
from backskills.plain import plain

__all__ = ["TodayGoal", "days_left", "today_section"]


def days_left(goal: Goal, today: date) -> int:
    return (goal.deadline - today).days


@plain(frozen=True)
class TodayGoal:
    """One active goal as ``backskills today`` shows it."""

    id: int
    title: str
    deadline: date
    days_left: int
    next_step: tuple[int, str] | None
    steps_done: int
    steps_total: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "deadline": self.deadline.isoformat(),
            "days_left": self.days_left,
            "next_step": {"n": self.next_step[0], "text": self.next_step[1]}
            if self.next_step
            else None,
            "steps_done": self.steps_done,
            "steps_total": self.steps_total,
        }


def today_section(journal: Journal, today: date) -> list[TodayGoal]:
    """Active goals, nearest deadline first, with days left and the next open step."""
    return [
        TodayGoal(
            goal.id,
            goal.title,
            goal.deadline,
            days_left(goal, today),
            next_open_step(goal),
            sum(step.done for step in goal.steps),
            len(goal.steps),
        )
        for goal in sorted(active_goals(journal), key=lambda g: (g.deadline, g.id))
    ]
