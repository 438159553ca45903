"""Red-flag checks, professional assessments, flare-ups and the personal plans."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from backskills.models.base import Amount, Day, Index, Name, Note, Pain, StrictModel

Outcome = Literal["emergency", "urgent", "see_professional", "clear"]


class RedFlagCheck(StrictModel):
    checked_on: Day
    outcome: Outcome
    present: list[Name] = Field(default_factory=list)  # signs that apply
    history: list[Name] = Field(default_factory=list)  # history items that apply


class Assessment(StrictModel):
    """The patient records that a professional has assessed a red-flag check's outcome."""

    date: Day
    check: Index  # index in Journal.redflag_checks of the check assessed
    note: Note | None = None


class LevelChange(StrictModel):
    activity: Name
    from_level: Amount
    to_level: Amount


class FlareUp(StrictModel):
    started: Day
    ended: Day | None = None
    pain: Pain | None = None
    note: Note | None = None
    trigger: Note | None = None
    helped: Note | None = None
    reductions: list[LevelChange] = Field(default_factory=list)


class PlanStep(StrictModel):
    """One step of the personal flare-up or good-spell plan."""

    text: Note
    added: Day
