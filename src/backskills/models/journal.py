"""The whole journal document, as the store reads and writes it."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from backskills.models.activity import Activity, ActivityRecord, PainScore
from backskills.models.base import StrictModel
from backskills.models.checkin import Outcomes
from backskills.models.goals import Goal
from backskills.models.learning import RelaxSession, ThoughtRecord
from backskills.models.pacing import Pacing
from backskills.models.report import Question
from backskills.models.safety import Assessment, FlareUp, PlanStep, RedFlagCheck

SCHEMA_VERSION = 6

# The dated lists a command may read only in part (``store.Needs``): the daily logs, which
# grow every day. Everything else in the journal is the snapshot, always read whole.
DATED_LISTS = ("records", "pain", "pacing.logs", "relaxation")


class Journal(StrictModel):
    schema_version: Literal[6] = 6
    activities: list[Activity] = Field(default_factory=list)
    records: list[ActivityRecord] = Field(default_factory=list)
    pain: list[PainScore] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    redflag_checks: list[RedFlagCheck] = Field(default_factory=list)
    assessments: list[Assessment] = Field(default_factory=list)
    flareups: list[FlareUp] = Field(default_factory=list)
    flareup_plan: list[PlanStep] = Field(default_factory=list)
    goodspell_plan: list[PlanStep] = Field(default_factory=list)
    pacing: Pacing = Field(default_factory=Pacing)
    relaxation: list[RelaxSession] = Field(default_factory=list)
    thoughts: list[ThoughtRecord] = Field(default_factory=list)
    outcomes: Outcomes = Field(default_factory=Outcomes)  # check-ins (schema 3)
    # The highest number given so far to each kind of entry (``models.entries``), so an id
    # is never handed out twice, even after its entry was removed.
    last_ids: dict[str, int] = Field(default_factory=dict)
    questions: list[Question] = Field(default_factory=list)  # for the next report (schema 6)

    def record_count(self) -> int:
        """How many dated records the journal holds (for reports and benchmarks)."""
        return (
            len(self.records)
            + len(self.pain)
            + len(self.redflag_checks)
            + len(self.flareups)
            + len(self.pacing.logs)
            + len(self.relaxation)
            + len(self.thoughts)
            + len(self.outcomes.checkins)
        )
