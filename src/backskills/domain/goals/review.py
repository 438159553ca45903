"""Reviewing a goal that is not going to plan: smaller steps, a new deadline, a fresh
baseline or keep going; never just failed."""

from __future__ import annotations

from datetime import date

from backskills.domain.goals.advice import Advice, deadline_advice
from backskills.domain.goals.finding import active_goal
from backskills.domain.goals.plan_tie import PlanTie, tie_to_plan
from backskills.domain.goals.smart import check_deadline
from backskills.errors import InvalidInput
from backskills.models import Journal
from backskills.models.goals import Goal, GoalReview, GoalStep, ReviewChoice
from backskills.plain import plain

__all__ = ["ReviewFacts", "ReviewOutcome", "record_review", "review_facts"]


@plain(frozen=True)
class ReviewFacts:
    """What has happened with a goal so far: the basis of a review."""

    goal: Goal
    days_left: int
    steps_done: int
    steps_total: int

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def review_facts(journal: Journal, goal_id: int, today: date) -> ReviewFacts:
    goal = active_goal(journal, goal_id, "review it")
    return ReviewFacts(
        goal,
        (goal.deadline - today).days,
        sum(step.done for step in goal.steps),
        len(goal.steps),
    )


@plain
class ReviewOutcome:
    goal: Goal
    review: GoalReview
    advice: list[Advice]
    added_steps: list[int]
    tie: PlanTie | None = None


def record_review(
    journal: Journal,
    goal_id: int,
    choice: ReviewChoice,
    today: date,
    *,
    new_deadline: date | None = None,
    note: str | None = None,
    steps: list[str] | None = None,
) -> ReviewOutcome:
    """Record the patient's choice; a new deadline is needed for, and only for, move_deadline."""
    goal = active_goal(journal, goal_id, "review it")
    steps = steps or []
    if choice == "move_deadline":
        if new_deadline is None:
            raise InvalidInput(
                "--by", "moving the deadline needs the new date (--by DATE or --within 4w)."
            )
        check_deadline(new_deadline, today)
    elif new_deadline is not None:
        raise InvalidInput("--by", "a new date goes only with --choice move-deadline.")
    if steps and choice != "smaller_steps":
        raise InvalidInput("--step", "new steps go only with --choice smaller-steps.")
    review = GoalReview(date=today, choice=choice, what_happened=note, new_deadline=new_deadline)
    goal.reviews.append(review)
    advice: list[Advice] = []
    if new_deadline is not None:
        goal.deadline = new_deadline
        advice = deadline_advice(new_deadline, today)
    first_new = len(goal.steps) + 1
    goal.steps.extend(GoalStep(text=text) for text in steps)
    # A new deadline moves the plan's deadline too (from the level reached, never back).
    tie = tie_to_plan(journal, goal, today) if new_deadline is not None else None
    return ReviewOutcome(goal, review, advice, list(range(first_new, len(goal.steps) + 1)), tie)
