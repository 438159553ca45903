"""Activities: baselines, progression plans, level changes, daily records and pain scores."""

from typing import Annotated, Literal

from pydantic import Field

from backskills.models.base import (
    Amount,
    Day,
    EntryId,
    Id,
    LevelHold,
    Moment,
    Name,
    Note,
    Pain,
    Positive,
    Resolution,
    StrictModel,
    new_list,
)

Felt = Literal["easy", "ok", "hard"]
StartFactor = Annotated[float, Field(ge=0.5, le=0.95)]
HoldDays = Annotated[int, Field(ge=7, le=28)]
LevelReason = Literal[
    "plan_start",  # a plan was set: the level starts here
    "plan_update",  # the plan was set again (new start)
    "step_up",  # the patient accepted a step up
    "ease_back_previous",  # back to the previous level, hold twice as long
    "ease_back_halfway",  # back half-way between previous and current
    "ease_back_stay",  # stay at this level longer; the hold period restarts
    "flareup_reduce",  # dropped for a flare-up
    "catch_up",  # after a flare-up: back up through levels held before, 3 days each
    "flareup_return",  # after a flare-up: straight back to the level held before it
]

# Every reason in words, in one place: history, reports and exports read them from here.
# A reason added to ``LevelReason`` needs its words here too (a test checks).
LEVEL_REASON_WORDS: dict[str, str] = {
    "plan_start": "plan started",
    "plan_update": "plan set again",
    "step_up": "stepped up",
    "ease_back_previous": "eased back to the previous level (pain rose after a step up)",
    "ease_back_halfway": "eased back half-way (pain rose after a step up)",
    "ease_back_stay": "stayed at this level longer (pain rose after a step up)",
    "flareup_reduce": "dropped back for a flare-up",
    "catch_up": "catching up after a flare-up",
    "flareup_return": "back to the level held before a flare-up",
}


def reason_words(reason: str) -> str:
    """A level change's reason in plain words."""
    return LEVEL_REASON_WORDS.get(reason, reason.replace("_", " "))


class BaselineDay(StrictModel):
    id: EntryId | None = None  # given by the store on save (models.entries)
    date: Day
    amount: Amount
    felt: Felt | None = None


class Baseline(StrictModel):
    """Up to three days of an activity done to a comfortable level."""

    days: list[BaselineDay] = Field(default_factory=new_list)
    start_factor: StartFactor = 0.8
    archived_on: Day | None = None
    archive_reason: Note | None = None


class Plan(StrictModel):
    """A staircase from ``start`` to ``target``; each level held ``hold_days`` days."""

    start: Positive
    target: Positive
    hold_days: HoldDays = 7
    starts_on: Day
    deadline: Day | None = None
    created: Day
    goal_id: Id | None = None
    ended_on: Day | None = None


class LevelEvent(StrictModel):
    """A change of the level in force, from ``date`` on."""

    date: Day
    from_level: Amount | None = None
    to_level: Amount
    reason: LevelReason
    hold_days: LevelHold  # days this level must be in force before the next step
    note: Note | None = None
    # A catch-up after a flare-up climbs, in short holds, back to this level (held before).
    catch_up_to: Amount | None = None


class Activity(StrictModel):
    name: Name
    unit: Name
    resolution: Resolution
    created: Day
    start_factor: StartFactor = 0.8
    baseline: Baseline | None = None
    past_baselines: list[Baseline] = Field(default_factory=new_list)
    plan: Plan | None = None
    past_plans: list[Plan] = Field(default_factory=new_list)
    levels: list[LevelEvent] = Field(default_factory=new_list)


class ActivityRecord(StrictModel):
    """One logged amount of an activity on a day; a day's amount is the sum of its records."""

    id: EntryId | None = None  # given by the store on save (models.entries)
    date: Day
    activity: Name
    amount: Amount
    note: Note | None = None
    logged_at: Moment | None = None  # when it was typed (UTC), to spot a pasted repeat


class PainScore(StrictModel):
    id: EntryId | None = None  # given by the store on save (models.entries)
    date: Day
    score: Pain
    note: Note | None = None
