"""Red-flag checks, professional assessments, flare-ups and the personal plans."""

from typing import Literal

from pydantic import Field

from backskills.models.base import (
    ID_MAX,
    Amount,
    Day,
    EntryId,
    Index,
    Name,
    Note,
    Pain,
    StrictModel,
    new_list,
)

# How the patient came back after a flare-up (``flareup end --comeback``).
Comeback = Literal["catch_up", "back", "baseline"]
Outcome = Literal["emergency", "urgent", "see_professional", "routine", "clear"]

# The triage table a new check is judged by. 1: the first table (four outcomes, until
# schema 2); 2: the table that follows NHS advice and NICE NG59/NG234 (five outcomes).
RULES_VERSION = 2


class RedFlagCheck(StrictModel):
    """One red-flag check, exactly as it was judged on the day (never re-judged later)."""

    id: EntryId | None = None  # given by the store on save (models.entries)
    checked_on: Day
    outcome: Outcome
    present: list[Name] = Field(default_factory=new_list)  # signs that apply
    history: list[Name] = Field(default_factory=new_list)  # history items that apply
    # The day the patient said this check was entered by mistake (``entries remove``). It is
    # kept in the history but no longer counts for gating (``safety.counted_checks``).
    entered_by_mistake: Day | None = None
    rules: int = Field(default=RULES_VERSION, ge=1, le=ID_MAX)  # the triage table it was judged by


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
    id: EntryId | None = None  # given by the store on save (models.entries)
    started: Day
    ended: Day | None = None
    pain: Pain | None = None
    note: Note | None = None
    trigger: Note | None = None
    helped: Note | None = None
    reductions: list[LevelChange] = Field(default_factory=new_list)
    comeback: Comeback | None = None  # set when it ended


class PlanStep(StrictModel):
    """One step of the personal flare-up or good-spell plan."""

    text: Note
    added: Day
