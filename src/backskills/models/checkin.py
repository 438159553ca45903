"""Outcome check-ins: pain, the Patient-Specific Functional Scale and the patient's own tests.

A check-in refers to PSFS activities and tests by their stable ids, so an activity added
later or retired keeps its history and two check-ins compare item by item.
"""

from typing import Literal

from pydantic import Field

from backskills.models.base import Amount, Day, Id, Name, Note, Pain, StrictModel, new_list

Better = Literal["higher", "lower"]
Change = Literal[
    "much-better",
    "better",
    "a-little-better",
    "same",
    "a-little-worse",
    "worse",
    "much-worse",
]


class PsfsItem(StrictModel):
    """An activity the patient finds hard because of their back, rated at each check-in."""

    id: Id
    activity: Name
    added: Day
    retired: Day | None = None


class ExerciseTest(StrictModel):
    """An exercise test: a well-known one from the list (``known``) or the patient's own."""

    id: Id
    name: Name
    unit: Name
    better: Better
    known: Name | None = None  # the key of a well-known test, e.g. "sit-to-stand-1min"
    added: Day
    retired: Day | None = None


class PsfsRating(StrictModel):
    item: Id
    score: Pain  # 0 (cannot do it) to 10 (as well as before the problem)


class ExerciseResult(StrictModel):
    test: Id
    result: Amount | None = None  # None: not done today
    not_done: Note | None = None  # the reason, when it was not done


class CheckIn(StrictModel):
    id: Id
    date: Day
    pain_average: Pain
    pain_worst: Pain
    psfs: list[PsfsRating] = Field(default_factory=new_list)
    tests: list[ExerciseResult] = Field(default_factory=new_list)
    change: Change | None = None  # from the second check-in on, compared with the first
    note: Note | None = None


class Outcomes(StrictModel):
    """Everything about check-ins: the schedule's start, the PSFS list, the tests, the check-ins."""

    class_start: Day | None = None
    psfs_items: list[PsfsItem] = Field(default_factory=new_list)
    tests: list[ExerciseTest] = Field(default_factory=new_list)
    checkins: list[CheckIn] = Field(default_factory=new_list)
