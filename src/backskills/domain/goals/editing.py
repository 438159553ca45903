"""Adding a goal (every SMART part needed) and editing one (only the parts given)."""

from __future__ import annotations

import re
import shlex
from datetime import date

from backskills.domain.goals.advice import (
    Advice,
    count_advice,
    deadline_advice,
    duplicate_advice,
    title_advice,
)
from backskills.domain.goals.finding import active_goal, active_goals, next_id
from backskills.domain.goals.plan_tie import (
    PlanTie,
    check_activity_name,
    check_activity_unit,
    tie_to_plan,
)
from backskills.domain.goals.smart import (
    GoalDraft,
    check_deadline,
    check_measure,
    require_complete,
)
from backskills.domain.units import fmt
from backskills.models import Journal
from backskills.models.goals import Goal, GoalStep
from backskills.plain import field, plain

__all__ = ["GoalChange", "add_goal", "edit_goal", "title_with_target"]


@plain
class GoalChange:
    """What ``add_goal`` or ``edit_goal`` stored, and the advice about it."""

    goal: Goal
    advice: list[Advice]
    added_steps: list[int] = field(default_factory=list)
    tie: PlanTie | None = None


def add_goal(journal: Journal, draft: GoalDraft, today: date) -> GoalChange:
    require_complete(draft)
    check_measure(draft.target, draft.unit)
    assert draft.title and draft.why and draft.reward and draft.deadline  # require_complete
    check_deadline(draft.deadline, today)
    check_activity_name(journal, draft.activity, draft.new_activity)
    check_activity_unit(journal, draft.activity, draft.unit)
    goal = Goal(
        id=next_id(journal),
        title=draft.title,
        category=draft.category or ("fitness" if draft.activity else "other"),
        target=draft.target,
        unit=draft.unit,
        times_per_week=draft.times_per_week,
        activity=draft.activity,
        why=draft.why,
        reward=draft.reward,
        deadline=draft.deadline,
        steps=[GoalStep(text=text) for text in draft.steps],
        created=today,
    )
    advice = [
        *deadline_advice(goal.deadline, today),
        *title_advice(goal.title, goal.target),
        *duplicate_advice(journal, goal.title),
        *count_advice(len(active_goals(journal)) + 1),
    ]
    journal.goals.append(goal)
    tie = tie_to_plan(journal, goal, today)
    return GoalChange(goal, advice, list(range(1, len(goal.steps) + 1)), tie)


_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.]|\.\d)")


def title_with_target(title: str, old: float | None, new: float | None) -> str | None:
    """The title with its number for the old target changed to the new one ("walk 30
    minutes" -> "walk 20 minutes"); None unless the old number appears exactly once."""
    if old is None or new is None or old == new:
        return None
    matches = [m for m in _NUMBER.finditer(title) if float(m.group()) == old]
    if len(matches) != 1:
        return None
    found = matches[0]
    return title[: found.start()] + fmt(new) + title[found.end() :]


def edit_goal(journal: Journal, goal_id: int, changes: GoalDraft, today: date) -> GoalChange:
    """Change the parts given in ``changes``; new steps are added after the existing ones."""
    goal = active_goal(journal, goal_id, "edit it")
    target = changes.target if changes.target is not None else goal.target
    unit = changes.unit or goal.unit
    check_measure(target, unit)
    if changes.deadline is not None:
        check_deadline(changes.deadline, today)
    check_activity_name(journal, changes.activity, changes.new_activity)
    check_activity_unit(journal, changes.activity or goal.activity, unit)
    updated = goal.model_copy(
        update={
            "title": changes.title or goal.title,
            "target": target,
            "unit": unit,
            "times_per_week": changes.times_per_week
            if changes.times_per_week is not None
            else goal.times_per_week,
            "activity": changes.activity or goal.activity,
            "why": changes.why or goal.why,
            "reward": changes.reward or goal.reward,
            "deadline": changes.deadline or goal.deadline,
            "category": changes.category or goal.category,
            "steps": [*goal.steps, *(GoalStep(text=text) for text in changes.steps)],
        }
    )
    updated = Goal.model_validate(updated.model_dump())
    advice: list[Advice] = []
    if changes.deadline is not None:
        advice += deadline_advice(updated.deadline, today)
    if changes.title or changes.target is not None:
        advice += title_advice(updated.title, updated.target)
    if changes.title:
        advice += duplicate_advice(journal, updated.title, goal.id)
    renamed = None if changes.title else title_with_target(goal.title, goal.target, target)
    if renamed is not None:
        advice.append(
            Advice(
                "hint",
                "title_number",
                f"The title still says {fmt(goal.target or 0)}: '{goal.title}'.",
                f"To match the new target: backskills goal edit {goal.id} --title "
                f"{shlex.quote(renamed)}",
            )
        )
    journal.goals[journal.goals.index(goal)] = updated
    first_new = len(goal.steps) + 1
    tie = None
    if changes.activity or changes.target is not None or changes.deadline or changes.unit:
        tie = tie_to_plan(journal, updated, today)
    return GoalChange(updated, advice, list(range(first_new, len(updated.steps) + 1)), tie)
