"""Finding goals: the active ones, one by id, those tied to an activity; and new ids."""

from __future__ import annotations

from backskills.errors import NotFound, Refused
from backskills.models import Journal
from backskills.models.goals import Goal

__all__ = ["active_goal", "active_goals", "get_goal", "goals_tied_to", "next_id"]


def active_goals(journal: Journal) -> list[Goal]:
    return [goal for goal in journal.goals if goal.status == "active"]


def goals_tied_to(journal: Journal, activity: str) -> list[Goal]:
    """Active goals tied to ``activity`` (case does not matter)."""
    wanted = activity.casefold()
    return [g for g in active_goals(journal) if g.activity and g.activity.casefold() == wanted]


def get_goal(journal: Journal, goal_id: int) -> Goal:
    for goal in journal.goals:
        if goal.id == goal_id:
            return goal
    known = ", ".join(str(goal.id) for goal in journal.goals)
    raise NotFound(
        f"there is no goal {goal_id}.",
        hint=(f"Your goals are numbered {known}; see 'backskills goal list --all'.")
        if known
        else "Add one with 'backskills goal add'.",
    )


def active_goal(journal: Journal, goal_id: int, doing: str) -> Goal:
    """The goal, if it is still active; ``doing`` ends the refusal ("you cannot drop it")."""
    goal = get_goal(journal, goal_id)
    if goal.status != "active":
        raise Refused(
            f"goal {goal.id} is already {goal.status}, so you cannot {doing}.",
            hint="Add a new goal with 'backskills goal add'.",
        )
    return goal


def next_id(journal: Journal) -> int:
    """Ids count up from 1 and are never reused (dropped goals stay in the journal)."""
    return max((goal.id for goal in journal.goals), default=0) + 1
