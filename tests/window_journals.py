"""Varied journals of years, and how to cut them the way the store may (``store.Needs``).

Shared by the equivalence tests of ``domain/window.py`` (unit and CLI): each command must
give the same answer on a whole journal and on the journal cut at the date its needs
function gives.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from backskills.models import Journal
from backskills.models.activity import (
    Activity,
    ActivityRecord,
    Baseline,
    BaselineDay,
    LevelEvent,
    PainScore,
    Plan,
)
from backskills.models.entries import assign_ids
from backskills.models.journal import DATED_LISTS, FirstDates
from backskills.models.learning import RelaxSession
from backskills.models.pacing import PaceActivity, PaceLog, PaceTask
from backskills.models.safety import FlareUp, LevelChange

MONDAY = date(2026, 11, 30)
WEDNESDAY = date(2026, 12, 2)
DAYS = (MONDAY, WEDNESDAY)
YEARS = 2


def dated_list(journal: Journal, path: str) -> list[Any]:
    owner: Any = journal
    for part in path.split("."):
        owner = getattr(owner, part)
    assert isinstance(owner, list)
    return owner


def fresh(journal: Journal) -> Journal:
    """A copy (through JSON, as the store reads it: much faster than a deep copy)."""
    return Journal.model_validate_json(journal.model_dump_json())


def snapshot(journal: Journal) -> Journal:
    """The journal as a needs function sees it: every dated list empty."""
    copy, _ = cut(journal, date.max)
    return copy


def cut(journal: Journal, first: date | None) -> tuple[Journal, dict[str, list[Any]]]:
    """The journal with only the dated entries on or after ``first`` (the strictest cut a
    store may make), and the entries left out, per list. Like the store, it tells the
    journal the first dates of what it left out (``Journal.first_dates``)."""
    copy = fresh(journal)
    left_out: dict[str, list[Any]] = {}
    for path in DATED_LISTS:
        entries = dated_list(copy, path)
        kept = [e for e in entries if first is None or e.date >= first]
        left_out[path] = [e for e in entries if first is not None and e.date < first]
        entries[:] = kept
    months: dict[str, dict[str, list[Any]]] = {}
    for path, entries in left_out.items():
        for entry in entries:
            month = months.setdefault(f"{entry.date:%Y-%m}", {p: [] for p in DATED_LISTS})
            month[path].append(entry)
    copy.leave_out(
        [
            (month, FirstDates.of(*(lists[path] for path in DATED_LISTS)))
            for month, lists in sorted(months.items())
        ]
    )
    return copy, left_out


def put_back(journal: Journal, left_out: dict[str, list[Any]]) -> Journal:
    """What the store saves after a write on a cut journal: the entries it left out too."""
    copy = fresh(journal)
    for path, entries in left_out.items():
        dated_list(copy, path)[:0] = entries
    return copy


def comparable(journal: Journal) -> dict[str, Any]:
    """The journal as data, each dated list sorted (a store of segments may keep the entries
    of different months in another order than they were made)."""
    document: dict[str, Any] = journal.model_dump(mode="json")
    for path in DATED_LISTS:
        owner = document
        *parents, last = path.split(".")
        for part in parents:
            owner = owner[part]
        owner[last] = sorted(owner[last], key=lambda e: (e["date"], str(e.get("id"))))
    return document


# -- the journals ---------------------------------------------------------------------------


def _walking(today: date, *, last_step: int, hold: int = 7) -> Activity:
    """Walking since YEARS years ago: a baseline, a plan, step ups, the last ``last_step``
    days ago (so the level may be unchanged for a year)."""
    began = today - timedelta(days=365 * YEARS)
    levels = [LevelEvent(date=began, to_level=10, reason="plan_start", hold_days=hold)]
    level = 10.0
    step_day = began + timedelta(days=30)
    last = today - timedelta(days=last_step)
    while step_day < last:
        levels.append(
            LevelEvent(
                date=step_day, from_level=level, to_level=level + 1, reason="step_up",
                hold_days=hold,
            )
        )  # fmt: skip
        level += 1
        step_day += timedelta(days=60)
    levels.append(
        LevelEvent(
            date=last, from_level=level, to_level=level + 1, reason="step_up", hold_days=hold
        )
    )
    return Activity(
        name="walking",
        unit="minutes",
        resolution=1,
        created=began - timedelta(days=3),
        baseline=Baseline(
            days=[BaselineDay(date=began - timedelta(days=3 - i), amount=12 + i) for i in range(3)]
        ),
        plan=Plan(start=10, target=60, hold_days=hold, starts_on=began, created=began),
        levels=levels,
    )


def _daily_records(today: date, first: date, amount: float, skip: int = 5) -> list[ActivityRecord]:
    records = []
    day = first
    while day <= today:
        if day.toordinal() % skip:  # a day off now and then
            records.append(ActivityRecord(date=day, activity="walking", amount=amount))
            if day.toordinal() % 3 == 0:  # two records on some days
                records.append(ActivityRecord(date=day, activity="walking", amount=2))
        day += timedelta(days=1)
    return records


def _pain(first: date, last: date, score: Callable[[date], int]) -> list[PainScore]:
    days = (last - first).days + 1
    return [
        PainScore(date=first + timedelta(days=i), score=score(first + timedelta(days=i)))
        for i in range(days)
    ]


def years_of_records(today: date, *, last_step: int) -> Journal:
    """Years of walking; pain low before the last step up and higher after it; a few
    records back-dated (typed last, dated long ago)."""
    activity = _walking(today, last_step=last_step)
    step = activity.levels[-1].date
    first = activity.levels[0].date
    journal = Journal(activities=[activity])
    journal.records = _daily_records(today, first, 30)
    journal.pain = _pain(first, today, lambda d: 2 if d < step else 5)
    journal.records += [
        ActivityRecord(date=first + timedelta(days=40), activity="walking", amount=5),
        ActivityRecord(date=today - timedelta(days=3), activity="walking", amount=4),
    ]
    return journal


def steady(today: date) -> Journal:
    """A level unchanged for a year, pain flat: its step up is too old for the pain rule."""
    journal = years_of_records(today, last_step=400)
    journal.pain = _pain(journal.activities[0].levels[0].date, today, lambda d: 3)
    return journal


def flare(today: date) -> Journal:
    """An active flare-up since three months ago, pain rising over its first two weeks."""
    journal = years_of_records(today, last_step=200)
    started = today - timedelta(days=90)
    walking = journal.activities[0]
    walking.levels.append(
        LevelEvent(
            date=started, from_level=walking.levels[-1].to_level, to_level=10,
            reason="flareup_reduce", hold_days=7,
        )
    )  # fmt: skip
    journal.flareups = [
        FlareUp(
            started=started,
            pain=5,
            reductions=[LevelChange(activity="walking", from_level=20, to_level=10)],
        )
    ]
    journal.pain = _pain(
        walking.levels[0].date, today, lambda d: 3 + min(max((d - started).days, 0), 4)
    )
    return journal


def pacing(today: date) -> Journal:
    """Two years of pacing spells (some for a task since removed), tasks, relaxation."""
    first = today - timedelta(days=730)
    journal = Journal()
    journal.pacing.activities = [
        PaceActivity(name="ironing", tolerance=15, rest=5, created=first),
        PaceActivity(name="vacuuming", tolerance=10, created=first),
    ]
    journal.pacing.tasks = [
        PaceTask(id=1, title="shirts", activity="ironing", amount=60, created=first),
        PaceTask(
            id=3, title="whole house", activity="vacuuming", amount=40, created=today,
            deadline=today + timedelta(days=2),
        ),
    ]  # fmt: skip
    felt = ("ok", "too-much", "ok", "too-little", None)
    for i in range(730):
        day = first + timedelta(days=i)
        journal.pacing.logs.append(
            PaceLog(
                date=day, activity="vacuuming", amount=10, felt=felt[i % 5],  # type: ignore[arg-type]
                task_id=7 if i < 20 else None,
            )
        )  # fmt: skip
    journal.pacing.logs.append(PaceLog(date=today, activity="ironing", amount=15, task_id=1))
    journal.relaxation = [
        RelaxSession(date=first + timedelta(days=i), minutes=10) for i in range(0, 730, 3)
    ]
    journal.pain = _pain(first, today, lambda d: 4)
    return journal


def young(today: date) -> Journal:
    """Five days old: records and pain, no plan (the summary is not due yet)."""
    first = today - timedelta(days=5)
    journal = Journal(
        activities=[Activity(name="walking", unit="minutes", resolution=1, created=first)]
    )
    journal.records = _daily_records(today, first, 20, skip=50)
    journal.pain = _pain(first, today, lambda d: 3)
    return journal


def pain_only(today: date) -> Journal:
    """Only pain scores, for years (nothing in the snapshot tells how old the journal is)."""
    return Journal(pain=_pain(today - timedelta(days=900), today, lambda d: d.day % 11))


def class_started(today: date) -> Journal:
    """Check-ins timed from a class start long ago: the reminder needs no dated entry."""
    journal = years_of_records(today, last_step=20)
    journal.outcomes.class_start = today - timedelta(days=365)
    step = journal.activities[0].levels[-1].date
    journal.pain = _pain(  # varied before the step up: each day moves the mean before it
        journal.activities[0].levels[0].date, today, lambda d: 1 + d.day % 3 if d < step else 6
    )
    return journal


def second_activity(today: date) -> Journal:
    """Two years of walking, and cycling added 40 days ago (its first records typed with a
    capital, as an older name was): its history starts at its own first record."""
    journal = years_of_records(today, last_step=10)
    first = today - timedelta(days=40)
    journal.activities.append(Activity(name="cycling", unit="minutes", resolution=1, created=first))
    for i in range(0, 41, 2):
        name = "Cycling" if i < 6 else "cycling"
        journal.records.append(
            ActivityRecord(date=first + timedelta(days=i), activity=name, amount=15)
        )
    return journal


CASES: dict[str, Callable[[date], Journal]] = {
    "empty": lambda today: Journal(),
    "recent step up": lambda today: years_of_records(today, last_step=10),
    "step up 7 weeks ago": lambda today: years_of_records(today, last_step=49),
    "step up a year ago": lambda today: years_of_records(today, last_step=400),
    "steady": steady,
    "flare-up": flare,
    "pacing": pacing,
    "young": young,
    "pain only": pain_only,
    "class start": class_started,
    "second activity": second_activity,
}

TYPED_AT = datetime(2026, 12, 2, 9, 30, tzinfo=UTC)


def journal_for(case: str, today: date) -> Journal:
    """The journal of ``case`` as the store hands it over: every entry with its id (a fresh
    copy each time: commands change it)."""
    return fresh(_built(case, today))


@functools.cache
def _built(case: str, today: date) -> Journal:
    journal = CASES[case](today)
    assign_ids(journal)
    return journal


def pacing_counted(today: date) -> Journal:
    """As ``pacing``, with the task counter a journal gets from its first new task on."""
    from backskills.models.entries import PACE_TASK_COUNTER

    journal = pacing(today)
    journal.last_ids[PACE_TASK_COUNTER] = 7
    return journal


CASES["pacing counted"] = pacing_counted
