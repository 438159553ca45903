"""Daily records: amounts of an activity done on a day, and pain scores.

Recording is never blocked (not by red flags, not by flare-ups): the journal should hold
what happened. A day's amount is the sum of its records; the day is *met* when that
reaches the level in force, and a day more than 25% over the level earns a gentle
boom-bust warning.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from backskills.domain import units
from backskills.domain.activities import (
    check_amount,
    clean_number,
    describe,
    ensure_activity,
    find_activity,
)
from backskills.domain.progression.levels import current_level
from backskills.domain.progression.met_days import BOOM_FACTOR, met
from backskills.errors import InvalidInput
from backskills.models import Journal
from backskills.models.activity import ActivityRecord, PainScore
from backskills.plain import field, plain

REPEAT_WINDOW = timedelta(minutes=2)


@plain
class DayStatus:
    """How one activity stands on one day against the level in force."""

    activity: str
    unit: str
    date: date
    amounts: list[float]
    total: float
    level: float | None
    met: bool | None
    over_level: bool

    @property
    def remaining(self) -> float | None:
        if self.level is None:
            return None
        return max(clean_number(self.level - self.total), 0.0)

    def sentences(self) -> list[str]:
        lines = []
        if len(self.amounts) > 1:
            parts = " + ".join(units.fmt(a) for a in self.amounts)
            lines.append(
                f"{self.date.isoformat()}: {parts} = {describe(self.total, self.unit)} of "
                f"{self.activity}."
            )
        if self.level is None:
            return lines
        level = describe(self.level, self.unit)
        if self.met:
            lines.append(f"Your level that day is {level}: met.")
        else:
            lines.append(
                f"Your level that day is {level}: {describe(self.remaining or 0, self.unit)} to go."
            )
        return lines

    def boom_warning(self) -> str | None:
        if not self.over_level or self.level is None:
            return None
        over = round((self.total / self.level - 1) * 100)
        return (
            f"{describe(self.total, self.unit)} is {over}% over your level of "
            f"{describe(self.level, self.unit)}. Doing a lot more on a good day often brings a "
            "bad day after it; sticking close to your level keeps you moving forward."
        )


def day_status(
    journal: Journal, name: str, on: date, records: Iterable[ActivityRecord] | None = None
) -> DayStatus | None:
    """The day's total against its level. ``records`` narrows the search (e.g. today's)."""
    activity = find_activity(journal, name)
    if activity is None:
        return None
    wanted = activity.name.casefold()
    source = journal.records if records is None else records
    amounts = [r.amount for r in source if r.date == on and r.activity.casefold() == wanted]
    total = clean_number(sum(amounts))
    level = current_level(activity, on) if activity.plan is not None else None
    return DayStatus(
        activity=activity.name,
        unit=activity.unit,
        date=on,
        amounts=amounts,
        total=total,
        level=level,
        met=None if level is None else met(total, level),
        over_level=level is not None and total > level * BOOM_FACTOR,
    )


@plain
class LogResult:
    record: ActivityRecord
    unit: str
    new_activity: bool
    status: DayStatus
    pain: PainScore | None = None
    explanation: list[str] = field(default_factory=list)
    repeat: bool = False  # the same as a record typed moments before

    def to_json(self) -> dict[str, Any]:
        status = self.status
        return {
            "id": self.record.id,
            "activity": self.record.activity,
            "unit": self.unit,
            "date": self.record.date.isoformat(),
            "amount": self.record.amount,
            "note": self.record.note,
            "day_total": status.total,
            "level": status.level,
            "met": status.met,
            "over_level": status.over_level,
            "pain": self.pain.score if self.pain else None,
            "new_activity": self.new_activity,
            "repeat": self.repeat,
        }


def log_activity(
    journal: Journal,
    name: str,
    amount: float,
    *,
    today: date,
    day: date | None = None,
    unit: str | None = None,
    resolution: float | None = None,
    pain: int | None = None,
    note: str | None = None,
    new: bool = False,
    at: datetime | None = None,
) -> LogResult:
    """Record an amount of an activity on a day (and, with ``pain``, that day's pain score).

    ``at`` is when it is typed (UTC): a record identical to one typed less than
    ``REPEAT_WINDOW`` before is kept but flagged as a likely repeat (a command pasted twice).
    """
    on = day or today
    if amount == 0:
        raise InvalidInput(
            "AMOUNT",
            "0 records nothing.",
            hint=(
                "To take back a record, run 'backskills entries remove ID' (the ids are in "
                "'backskills entries'); to say something about a day, add --note to a record or "
                "use 'backskills entries edit ID --note TEXT'."
            ),
        )
    is_new = find_activity(journal, name) is None
    activity = ensure_activity(journal, name, unit, today, resolution, new=new)
    wanted = activity.name.casefold()
    same_day = [r for r in journal.records if r.date == on and r.activity.casefold() == wanted]
    check_amount(activity, amount, sum(r.amount for r in same_day) + amount, on)
    repeat = at is not None and any(
        r.amount == amount
        and r.logged_at is not None
        and timedelta(0) <= at - r.logged_at <= REPEAT_WINDOW
        for r in same_day
    )
    record = ActivityRecord(date=on, activity=activity.name, amount=amount, note=note, logged_at=at)
    journal.records.append(record)
    score = None
    if pain is not None:
        score = PainScore(date=on, score=pain)
        journal.pain.append(score)
    status = day_status(journal, activity.name, on)
    assert status is not None
    return LogResult(
        record=record,
        unit=activity.unit,
        new_activity=is_new,
        status=status,
        pain=score,
        explanation=status.sentences(),
        repeat=repeat,
    )


@plain
class PainResult:
    score: PainScore
    same_day: list[int]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.score.id,
            "date": self.score.date.isoformat(),
            "score": self.score.score,
            "note": self.score.note,
            "scores_that_day": list(self.same_day),
        }


def record_pain(journal: Journal, score: int, *, day: date, note: str | None = None) -> PainResult:
    """Record a 0-10 pain score for a day. Several a day are kept; none is replaced."""
    entry = PainScore(date=day, score=score, note=note)
    journal.pain.append(entry)
    return PainResult(entry, [p.score for p in journal.pain if p.date == day])
