"""What a pacing plan holds: spells, days, tasks carried over and warnings."""

from __future__ import annotations

from datetime import date
from typing import Any

from backskills.models.pacing import Position
from backskills.plain import field, plain

__all__ = ["PacePlan", "PlanDay", "PlanWarning", "Spell", "Unscheduled"]


@plain(frozen=True)
class Spell:
    task_id: int
    task: str
    activity: str
    amount: float
    unit: str
    rest_after: float
    position: Position

    def to_json(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "activity": self.activity,
            "amount": self.amount,
            "rest_after": self.rest_after,
            "position": self.position,
        }


@plain
class PlanDay:
    date: date
    spells: list[Spell]
    bad_day: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "spells": [s.to_json() for s in self.spells]}


@plain(frozen=True)
class Unscheduled:
    task_id: int
    task: str
    activity: str
    amount: float
    unit: str
    deadline: date | None
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "task_id": self.task_id,
            "task": self.task,
            "activity": self.activity,
            "amount": self.amount,
            "unit": self.unit,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "reason": self.reason,
        }


@plain(frozen=True)
class PlanWarning:
    kind: str  # "deadline", "overdue" or "no_activity"
    task_id: int
    task: str
    message: str
    deadline: date | None = None
    left: float | None = None
    questions: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "task_id": self.task_id,
            "task": self.task,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "left": self.left,
            "message": self.message,
            "questions": list(self.questions),
        }


@plain
class PacePlan:
    start: date
    days: list[PlanDay]
    unscheduled: list[Unscheduled]
    warnings: list[PlanWarning]
    sessions: int
    bad_day: bool
    explanation: list[str] = field(default_factory=list)
    # every spell up to the horizon, including those after the window (for checks)
    all_days: list[PlanDay] = field(default_factory=list)
    flareup_since: date | None = None  # every day is a bad day during this flare-up

    def to_json(self) -> dict[str, Any]:
        return {
            "days": [d.to_json() for d in self.days],
            "unscheduled": [u.to_json() for u in self.unscheduled],
            "warnings": [w.to_json() for w in self.warnings],
            "flareup_since": self.flareup_since.isoformat() if self.flareup_since else None,
        }
