"""Relaxation practice and thought records."""

from typing import Literal

from backskills.models.base import (
    Amount,
    Day,
    EntryId,
    Id,
    Note,
    StrictModel,
)

ThoughtKind = Literal[
    "black-and-white",
    "catastrophising",
    "should-must",
    "jumping-to-conclusions",
    "mental-filter",
    "critical-self",
]


class RelaxSession(StrictModel):
    id: EntryId | None = None  # given by the store on save (models.entries)
    date: Day
    minutes: Amount
    guided: bool = False  # True when done with `backskills relax`
    note: Note | None = None


class ThoughtRecord(StrictModel):
    id: Id
    date: Day
    situation: Note
    thought: Note
    feeling: Note | None = None
    action: Note | None = None
    kind: ThoughtKind | None = None
    alternative: Note | None = None
