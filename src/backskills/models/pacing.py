"""Pacing: everyday activities with a tolerance, tasks, and spells done."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from backskills.models.base import Amount, EntryId, Id, Name, Note, Positive, StrictModel

Position = Literal["standing", "sitting", "lying", "walking", "mixed"]
Priority = Literal["high", "medium", "low"]
SpellFelt = Literal["ok", "too-much", "too-little"]


class ToleranceChange(StrictModel):
    date: dt.date
    from_tolerance: Positive
    to_tolerance: Positive
    reason: Note


class PaceActivity(StrictModel):
    name: Name
    unit: Name = "minutes"
    resolution: Positive = 1
    tolerance: Positive
    good: Amount | None = None
    bad: Amount | None = None
    rest: Amount = 10  # minutes of rest or change of position after each spell
    position: Position = "mixed"
    created: dt.date
    changes: list[ToleranceChange] = Field(default_factory=list)


class PaceTask(StrictModel):
    id: Id
    title: Name
    activity: Name
    amount: Positive
    priority: Priority = "medium"
    deadline: dt.date | None = None
    created: dt.date
    done_amount: Amount = 0
    done_on: dt.date | None = None


class PaceLog(StrictModel):
    id: EntryId | None = None  # given by the store on save (models.entries)
    date: dt.date
    activity: Name
    amount: Amount
    felt: SpellFelt | None = None
    task_id: int | None = None
    note: Note | None = None


class Pacing(StrictModel):
    activities: list[PaceActivity] = Field(default_factory=list)
    tasks: list[PaceTask] = Field(default_factory=list)
    logs: list[PaceLog] = Field(default_factory=list)
