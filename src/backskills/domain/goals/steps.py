"""A goal's small steps: add one, tick it off or untick it, and the next open one."""

from __future__ import annotations

from datetime import date

from backskills.domain.goals.finding import active_goal
from backskills.domain.validate import parse_title
from backskills.errors import InvalidInput, Refused
from backskills.models import Journal
from backskills.models.goals import Goal, GoalStep

__all__ = ["add_step", "next_open_step", "set_step_done", "step_of"]


def add_step(journal: Journal, goal_id: int, text: str) -> tuple[Goal, int]:
    """Add a step at the end; returns the goal and the new step's number."""
    goal = active_goal(journal, goal_id, "add steps to it")
    goal.steps.append(GoalStep(text=parse_title(text, "TEXT")))
    return goal, len(goal.steps)


def step_of(goal: Goal, n: int) -> GoalStep:
    if not 1 <= n <= len(goal.steps):
        if not goal.steps:
            raise InvalidInput(
                "N",
                f"goal {goal.id} has no steps yet.",
                hint=f"Add one with 'backskills goal step add {goal.id} TEXT'.",
            )
        raise InvalidInput(
            "N", f"goal {goal.id} has steps 1 to {len(goal.steps)}; there is no {n}."
        )
    return goal.steps[n - 1]


def set_step_done(journal: Journal, goal_id: int, n: int, done: bool, today: date) -> Goal:
    """Tick a step off (``done=True``) or untick it (``done=False``)."""
    goal = active_goal(journal, goal_id, "change its steps")
    step = step_of(goal, n)
    if step.done and done:
        raise Refused(f"step {n} of goal {goal.id} is already ticked off.")
    if not step.done and not done:
        raise Refused(f"step {n} of goal {goal.id} is not ticked off, so there is nothing to undo.")
    step.done = done
    step.done_on = today if done else None
    return goal


def next_open_step(goal: Goal) -> tuple[int, str] | None:
    for n, step in enumerate(goal.steps, start=1):
        if not step.done:
            return n, step.text
    return None
