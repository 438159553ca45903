"""Ending a goal: achieved (with ideas for the next one) or dropped. Ended goals stay in
the journal, so their ids are never reused."""

from __future__ import annotations

from datetime import date

from backskills.domain.goals.finding import active_goal, active_goals
from backskills.domain.units import fmt
from backskills.models import Journal
from backskills.models.goals import Goal
from backskills.plain import plain

__all__ = ["Finished", "complete_goal", "drop_goal", "next_goal_ideas"]


@plain
class Finished:
    """A goal marked achieved, with ideas for what comes next."""

    goal: Goal
    open_steps: int
    next_ideas: list[str]


def complete_goal(journal: Journal, goal_id: int, today: date) -> Finished:
    goal = active_goal(journal, goal_id, "mark it as achieved")
    goal.status = "achieved"
    goal.ended = today
    return Finished(goal, sum(not step.done for step in goal.steps), next_goal_ideas(journal, goal))


def next_goal_ideas(journal: Journal, achieved: Goal) -> list[str]:
    ideas = []
    if achieved.target is not None and achieved.unit:
        ideas.append(
            f"Build on it: a little more than {fmt(achieved.target)} {achieved.unit}, "
            "or doing it more often, by a new date."
        )
    else:
        ideas.append("Build on it: the same thing a little further, longer or more often.")
    covered = {goal.category for goal in active_goals(journal)}
    missing = [c for c in ("fitness", "work", "leisure") if c not in covered]
    if missing:
        ideas.append(
            f"None of your active goals is about {' or '.join(missing)}: is there something "
            "there you have stopped doing and miss?"
        )
    active = len(active_goals(journal))
    if active < 2:
        ideas.append(f"You have {active} active goal(s) now; two or three at a time work well.")
    return ideas


def drop_goal(journal: Journal, goal_id: int, today: date) -> Goal:
    goal = active_goal(journal, goal_id, "drop it")
    goal.status = "dropped"
    goal.ended = today
    return goal
