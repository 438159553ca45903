"""Pacing: everyday activities with a tolerance, tasks, and spells done."""

from typing import Literal

from pydantic import Field

from backskills.models.base import (
    Amount,
    Day,
    EntryId,
    Id,
    Name,
    Note,
    Positive,
    Resolution,
    StrictModel,
    new_list,
)

Position = Literal["standing", "sitting", "lying", "walking", "kneeling", "bending", "mixed"]
Priority = Literal["high", "medium", "low"]
SpellFelt = Literal["ok", "too-much", "too-little"]


class ToleranceChange(StrictModel):
    date: Day
    from_tolerance: Positive
    to_tolerance: Positive
    reason: Note


class PaceActivity(StrictModel):
    name: Name
    unit: Name = "minutes"
    resolution: Resolution = 1
    tolerance: Positive
    good: Amount | None = None
    bad: Amount | None = None
    rest: Amount = 10  # minutes of rest or change of position after each spell
    position: Position = "mixed"
    created: Day
    changes: list[ToleranceChange] = Field(default_factory=new_list)


class PaceTask(StrictModel):
    id: Id
    title: Name
    activity: Name
    amount: Positive
    priority: Priority = "medium"
    deadline: Day | None = None
    created: Day
    done_amount: Amount = 0
    done_on: Day | None = None


class PaceLog(StrictModel):
    id: EntryId | None = None  # given by the store on save (models.entries)
    date: Day
    activity: Name
    amount: Amount
    felt: SpellFelt | None = None
    task_id: Id | None = None
    note: Note | None = None


class Pacing(StrictModel):
    activities: list[PaceActivity] = Field(default_factory=new_list)
    tasks: list[PaceTask] = Field(default_factory=new_list)
    logs: list[PaceLog] = Field(default_factory=new_list)
