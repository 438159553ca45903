"""SMART goals, their steps and reviews."""

from typing import Annotated, Literal

from pydantic import Field

from backskills.models.base import Amount, Day, Id, Name, Note, StrictModel, new_list

Category = Literal["fitness", "work", "leisure", "other"]
GoalStatus = Literal["active", "achieved", "dropped"]
ReviewChoice = Literal["smaller_steps", "move_deadline", "redo_baseline", "keep_going"]
Title = Annotated[str, Field(min_length=1, max_length=200)]


class GoalStep(StrictModel):
    text: Title
    done: bool = False
    done_on: Day | None = None


class GoalReview(StrictModel):
    date: Day
    choice: ReviewChoice
    what_happened: Note | None = None
    new_deadline: Day | None = None


class Goal(StrictModel):
    id: Id
    title: Title
    category: Category = "other"
    target: Amount | None = None
    unit: Name | None = None
    times_per_week: Annotated[int, Field(ge=1, le=21)] | None = None
    activity: Name | None = None
    why: Note
    reward: Note
    deadline: Day
    status: GoalStatus = "active"
    steps: list[GoalStep] = Field(default_factory=new_list)
    created: Day
    ended: Day | None = None
    reviews: list[GoalReview] = Field(default_factory=new_list)
