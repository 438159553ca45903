"""Pacing: everyday activities with a tolerance level, tasks, day plans and reviews.

The method has four parts: prioritise (tasks in priority and deadline order), plan (split
each task into spells no longer than the tolerance, rest after each, spread the harder
activities and alternate positions), tolerance level (the middle ground between a good day
and a bad day), and evaluate (look back over several days and suggest a small change).

All amounts are handled as whole numbers of the unit's resolution step (see
``backskills.domain.units``), so the spells of a task always add up exactly to what remains.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, cast

from backskills.domain import safety, units, validate
from backskills.errors import InvalidInput, NotFound, Refused
from backskills.models import Journal
from backskills.models.entries import PACE_TASK_COUNTER, next_number
from backskills.models.pacing import (
    PaceActivity,
    PaceLog,
    PaceTask,
    Position,
    Priority,
    SpellFelt,
    ToleranceChange,
)
from backskills.models.safety import FlareUp

POSITIONS: tuple[Position, ...] = (
    "standing",
    "sitting",
    "lying",
    "walking",
    "kneeling",
    "bending",
    "mixed",
)
PRIORITIES: tuple[Priority, ...] = ("high", "medium", "low")
FELT: tuple[SpellFelt, ...] = ("ok", "too-much", "too-little")
PRIORITY_RANK = {"high": 0, "medium": 1, "low": 2}

DEFAULT_REST = 10.0  # minutes of rest or change of position after each spell
DEFAULT_SESSIONS = 3  # spells of one activity a day
DEFAULT_PLAN_DAYS = 3
DEFAULT_REVIEW_DAYS = 5
BAD_DAY_FRACTION = 0.75  # bad-day spells are at most three quarters of the tolerance
BAD_DAY_EXTRA_REST_MIN = 5.0  # a bad day adds at least this many minutes of rest
HORIZON_DAYS = 366  # how far ahead the plan looks to judge deadlines
MAX_AMOUNT = 100_000.0  # the most any one amount can be (a tolerance, a task, a spell)
MAX_REST = 240.0  # the most rest after one spell, in minutes

DEADLINE_QUESTIONS = (
    "Could someone help with it?",
    "Could it be done another way, such as a lighter tool or a different position?",
    "Could it wait until later?",
)

GOOD_DAY_NOTE = (
    "On a good day this plan still holds: stop where it says, even if you feel you could "
    "carry on. That is what keeps the next day steady."
)


# -- small helpers ---------------------------------------------------------------------------


def steps_of(amount: float, resolution: float) -> int:
    """How many resolution steps ``amount`` holds (amounts are stored on the grid)."""
    return round(amount / resolution)


def from_steps(steps: int, resolution: float) -> float:
    return units.tidy(steps * resolution, resolution)


def on_grid(value: float, resolution: float, field_name: str, unit: str) -> float:
    """Refuse an amount that is not a whole number of resolution steps."""
    steps = value / resolution
    if abs(steps - round(steps)) > 1e-6:
        raise InvalidInput(
            field_name,
            f"use steps of {units.fmt(resolution)} {unit} (for example "
            f"{units.fmt(units.round_down(value, resolution) or resolution)}).",
        )
    return from_steps(round(steps), resolution)


def amount_text(value: float, unit: str) -> str:
    """``15 minutes``, ``1 minute``, ``0.5 km``."""
    if value == 1 and unit.endswith("s"):
        return f"1 {unit[:-1]}"
    return f"{units.fmt(value)} {unit}"


def midpoint(good: float, bad: float, resolution: float) -> float:
    """The middle ground between a good-day and a bad-day amount, rounded down."""
    return units.round_down((good + bad) / 2, resolution)


def bad_day_spell(tolerance: float, resolution: float) -> float:
    """Three quarters of the tolerance, rounded down, and at least one resolution step."""
    return max(
        units.round_down(tolerance * BAD_DAY_FRACTION, resolution),
        units.tidy(resolution, resolution),
    )


def bad_day_rest(rest: float) -> float:
    """Half as much rest again, and at least 5 minutes more (whole minutes, rounded up)."""
    return float(math.ceil(rest + max(rest / 2, BAD_DAY_EXTRA_REST_MIN) - 1e-9))


def find_activity(journal: Journal, name: str) -> PaceActivity | None:
    wanted = name.strip().casefold()
    for activity in journal.pacing.activities:
        if activity.name.casefold() == wanted:
            return activity
    return None


def get_activity(journal: Journal, name: str) -> PaceActivity:
    activity = find_activity(journal, name)
    if activity is None:
        known = ", ".join(a.name for a in journal.pacing.activities)
        hint = (
            f"Your pacing activities: {known}."
            if known
            else "Add one first, e.g. 'backskills pace add vacuuming --good 20 --bad 10'."
        )
        raise NotFound(f"there is no pacing activity called '{name}'.", hint=hint)
    return activity


def get_task(journal: Journal, task_id: int) -> PaceTask:
    for task in journal.pacing.tasks:
        if task.id == task_id:
            return task
    raise NotFound(
        f"there is no pacing task number {task_id}.",
        hint="See the numbers with 'backskills pace task list --all'.",
    )


def remaining(task: PaceTask) -> float:
    """What is left of a task (0 once it is done)."""
    if task.done_on is not None:
        return 0.0
    return max(task.amount - task.done_amount, 0.0)


def choose(raw: str | None, options: tuple[str, ...], field_name: str) -> str | None:
    """A value from a fixed list, case-insensitive; None stays None."""
    return None if raw is None else validate.choice(raw, options, field_name)


def checked_amount(raw: str, field_name: str, *, zero_ok: bool = False) -> float:
    """An amount the patient typed: a finite number above zero and at most MAX_AMOUNT."""
    value = (
        validate.amount(raw, field_name) if zero_ok else validate.positive_amount(raw, field_name)
    )
    if value > MAX_AMOUNT:
        raise InvalidInput(field_name, f"is too large; use at most {units.fmt(MAX_AMOUNT)}.")
    return value


def checked_rest(raw: str) -> float:
    """Minutes of rest after each spell: from 0 to MAX_REST."""
    value = validate.amount(raw, "--rest")
    if value > MAX_REST:
        raise InvalidInput("--rest", f"is too long; use at most {units.fmt(MAX_REST)} minutes.")
    return value


def parse_position(raw: str | None) -> Position | None:
    return cast(Position | None, choose(raw, POSITIONS, "--position"))


def parse_priority(raw: str | None) -> Priority | None:
    return cast(Priority | None, choose(raw, PRIORITIES, "--priority"))


def parse_felt(raw: str | None) -> SpellFelt | None:
    """How a spell felt: the shared vocabulary (``backskills.domain.felt``), stored the pacing way."""
    from backskills.domain.felt import for_spell

    return for_spell(raw)


def activity_json(activity: PaceActivity) -> dict[str, Any]:
    return {
        "activity": activity.name,
        "unit": activity.unit,
        "tolerance": activity.tolerance,
        "rest": activity.rest,
        "position": activity.position,
    }


def task_json(task: PaceTask, unit: str | None = None) -> dict[str, Any]:
    return {
        "id": task.id,
        "title": task.title,
        "activity": task.activity,
        "amount": task.amount,
        "done_amount": task.done_amount,
        "remaining": remaining(task),
        "unit": unit,
        "priority": task.priority,
        "deadline": task.deadline.isoformat() if task.deadline else None,
        "created": task.created.isoformat(),
        "done_on": task.done_on.isoformat() if task.done_on else None,
    }


def log_json(log: PaceLog, unit: str) -> dict[str, Any]:
    return {
        "date": log.date.isoformat(),
        "activity": log.activity,
        "amount": log.amount,
        "unit": unit,
        "felt": log.felt,
        "task_id": log.task_id,
        "note": log.note,
    }


def unit_of(journal: Journal, activity_name: str) -> str | None:
    activity = find_activity(journal, activity_name)
    return activity.unit if activity else None


# -- activities ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ToleranceInput:
    """What the patient gave: a tolerance, or a good-day and a bad-day amount."""

    tolerance: float | None = None
    good: float | None = None
    bad: float | None = None

    def given(self) -> bool:
        return self.tolerance is not None or self.good is not None or self.bad is not None


def check_tolerance_input(given: ToleranceInput) -> None:
    """The shape of the tolerance options, checked before the journal is opened."""
    if given.tolerance is not None and (given.good is not None or given.bad is not None):
        raise InvalidInput("--tolerance", "give either --tolerance or --good and --bad, not both.")
    if given.tolerance is None and (given.good is None) != (given.bad is None):
        missing = "--bad" if given.bad is None else "--good"
        raise InvalidInput(missing, "is needed too: the tolerance is the middle of the two.")
    if given.good is not None and given.bad is not None and given.good < given.bad:
        raise InvalidInput(
            "--good", "should be at least the bad-day amount (a good day manages more)."
        )


def resolve_tolerance(given: ToleranceInput, unit: str, resolution: float) -> float:
    """The tolerance from the options: given directly, or the midpoint rounded down."""
    check_tolerance_input(given)
    step = units.fmt(resolution)
    if given.tolerance is not None:
        if given.tolerance < resolution - 1e-9:
            raise InvalidInput("--tolerance", f"must be at least {step} {unit}.")
        return on_grid(given.tolerance, resolution, "--tolerance", unit)
    assert given.good is not None and given.bad is not None
    value = midpoint(given.good, given.bad, resolution)
    if value < resolution - 1e-9:
        raise InvalidInput(
            "--good",
            f"the middle of {units.fmt(given.good)} and {units.fmt(given.bad)} is less than "
            f"{step} {unit}; give larger amounts or a smaller unit.",
        )
    return value


def add_activity(
    journal: Journal,
    name: str,
    *,
    given: ToleranceInput,
    unit: str | None,
    rest: float | None,
    position: Position | None,
    today: date,
) -> PaceActivity:
    existing = find_activity(journal, name)
    if existing is not None:
        raise Refused(
            f"there is already a pacing activity called '{existing.name}'.",
            hint=f"Change it with 'backskills pace edit \"{existing.name}\" ...'.",
        )
    if not given.given():
        raise InvalidInput(
            "--tolerance",
            "is required: give --tolerance N, or --good N and --bad N for the middle ground.",
        )
    unit_name = units.normalise_unit(unit) if unit else units.DEFAULT_UNIT
    resolution = units.resolution_for(unit_name)
    tolerance = resolve_tolerance(given, unit_name, resolution)
    activity = PaceActivity(
        name=name,
        unit=unit_name,
        resolution=resolution,
        tolerance=tolerance,
        good=given.good,
        bad=given.bad,
        rest=DEFAULT_REST if rest is None else rest,
        position=position or "mixed",
        created=today,
    )
    journal.pacing.activities.append(activity)
    return activity


def edit_activity(
    journal: Journal,
    name: str,
    *,
    given: ToleranceInput,
    rest: float | None,
    position: Position | None,
    today: date,
) -> tuple[PaceActivity, ToleranceChange | None]:
    activity = get_activity(journal, name)
    if not given.given() and rest is None and position is None:
        raise InvalidInput(
            "pace edit",
            "nothing to change: give --tolerance, --good and --bad, --rest or --position.",
        )
    change = None
    if given.given():
        new = resolve_tolerance(given, activity.unit, activity.resolution)
        activity.good, activity.bad = given.good, given.bad
        reason = "set by hand with 'pace edit'"
        if given.good is not None and given.bad is not None:
            reason = (
                f"the middle of {units.fmt(given.good)} on a good day and "
                f"{units.fmt(given.bad)} on a bad day, rounded down to {_steps_phrase(activity)}"
            )
        if new != activity.tolerance:
            change = ToleranceChange(
                date=today,
                from_tolerance=activity.tolerance,
                to_tolerance=new,
                reason=reason,
            )
            activity.changes.append(change)
            activity.tolerance = new
    if rest is not None:
        activity.rest = rest
    if position is not None:
        activity.position = position
    return activity, change


def remove_activity(journal: Journal, name: str) -> PaceActivity:
    activity = get_activity(journal, name)
    open_tasks = [
        t for t in journal.pacing.tasks if t.activity == activity.name and t.done_on is None
    ]
    if open_tasks:
        numbers = ", ".join(str(t.id) for t in open_tasks)
        raise Refused(
            f"'{activity.name}' still has open tasks ({numbers}).",
            hint="Finish or remove them first with 'backskills pace task done|remove ID'.",
        )
    journal.pacing.activities.remove(activity)
    return activity


def _steps_phrase(activity: PaceActivity) -> str:
    if activity.resolution == 1:
        return f"whole {activity.unit}"
    return f"steps of {units.fmt(activity.resolution)} {activity.unit}"


def tolerance_explanation(activity: PaceActivity) -> str:
    """How the tolerance was reached, in one plain sentence."""
    amount = amount_text(activity.tolerance, activity.unit)
    if activity.changes:
        last = activity.changes[-1]
        return (
            f"{activity.name}: {amount} a spell, changed on {last.date.isoformat()} from "
            f"{units.fmt(last.from_tolerance)} ({last.reason})."
        )
    if activity.good is not None and activity.bad is not None:
        return (
            f"{activity.name}: {amount} a spell, the middle of {units.fmt(activity.good)} on a "
            f"good day and {units.fmt(activity.bad)} on a bad day, rounded down to "
            f"{_steps_phrase(activity)}."
        )
    return f"{activity.name}: {amount} a spell, as you set it."


# -- tasks -----------------------------------------------------------------------------------


def add_task(
    journal: Journal,
    title: str,
    *,
    activity_name: str,
    amount: float,
    priority: Priority,
    deadline: date | None,
    today: date,
) -> PaceTask:
    activity = get_activity(journal, activity_name)
    if amount < activity.resolution - 1e-9:
        raise InvalidInput(
            "--amount", f"must be at least {amount_text(activity.resolution, activity.unit)}."
        )
    exact = on_grid(amount, activity.resolution, "--amount", activity.unit)
    # never reuse the number of a removed task: its logged spells still point to it. The
    # counter in last_ids remembers the highest; a journal from before it scans the spells.
    used = [t.id for t in journal.pacing.tasks]
    if PACE_TASK_COUNTER not in journal.last_ids:
        used += [log.task_id for log in journal.pacing.logs if log.task_id is not None]
    next_id = next_number(journal, PACE_TASK_COUNTER, used)
    task = PaceTask(
        id=next_id,
        title=title,
        activity=activity.name,
        amount=exact,
        priority=priority,
        deadline=deadline,
        created=today,
    )
    journal.pacing.tasks.append(task)
    return task


def task_done(journal: Journal, task_id: int, today: date) -> PaceTask:
    task = get_task(journal, task_id)
    if task.done_on is not None:
        raise Refused(f"task {task_id} was already marked done on {task.done_on.isoformat()}.")
    task.done_amount = task.amount
    task.done_on = today
    return task


def remove_task(journal: Journal, task_id: int) -> PaceTask:
    task = get_task(journal, task_id)
    journal.pacing.tasks.remove(task)
    return task


def ordered_tasks(tasks: list[PaceTask]) -> list[PaceTask]:
    """Prioritise: high before medium before low, then the nearest deadline, then oldest."""
    return sorted(
        tasks,
        key=lambda t: (PRIORITY_RANK[t.priority], t.deadline or date.max, t.id),
    )


# -- logging ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LogResult:
    log: PaceLog
    activity: PaceActivity
    task: PaceTask | None
    over_tolerance: bool


def log_spell(
    journal: Journal,
    activity_name: str,
    amount: float,
    *,
    on: date,
    felt: SpellFelt | None,
    task_id: int | None,
    note: str | None,
) -> LogResult:
    activity = get_activity(journal, activity_name)
    task = None
    if task_id is not None:
        task = get_task(journal, task_id)
        if task.activity != activity.name:
            raise InvalidInput(
                "--task", f"task {task_id} is for '{task.activity}', not '{activity.name}'."
            )
        if task.done_on is not None:
            raise Refused(f"task {task_id} is already done.")
        amount = on_grid(amount, activity.resolution, "AMOUNT", activity.unit)
        left = remaining(task)
        counted = min(amount, left)
        task.done_amount = units.tidy(task.done_amount + counted, activity.resolution)
        if steps_of(task.amount - task.done_amount, activity.resolution) <= 0:
            task.done_amount = task.amount
            task.done_on = on
    log = PaceLog(
        date=on, activity=activity.name, amount=amount, felt=felt, task_id=task_id, note=note
    )
    journal.pacing.logs.append(log)
    return LogResult(
        log=log,
        activity=activity,
        task=task,
        over_tolerance=amount > activity.tolerance + 1e-9,
    )


# -- the plan --------------------------------------------------------------------------------


@dataclass(frozen=True)
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


@dataclass
class PlanDay:
    date: date
    spells: list[Spell]
    bad_day: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "spells": [s.to_json() for s in self.spells]}


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


@dataclass
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


def _split(total_steps: int, cap_steps: int) -> list[int]:
    """Split ``total_steps`` into as few spells as the cap allows, as even as possible."""
    if total_steps <= 0:
        return []
    count = math.ceil(total_steps / cap_steps)
    base, extra = divmod(total_steps, count)
    return [base + 1] * extra + [base] * (count - extra)


def _pieces_for_day(left_steps: int, cap_steps: int, room: int) -> list[int]:
    """Today's spells of a task: even spells when it finishes today, else full spells."""
    if -(-left_steps // cap_steps) > room:  # more spells than the day has room for
        return [cap_steps] * room
    return _split(left_steps, cap_steps)


def _same_position(a: Position, b: Position) -> bool:
    return a == b and a != "mixed"


def _sequence(spells: list[Spell]) -> list[Spell]:
    """Order a day's spells: the same activity not back to back and positions alternated
    where possible; the activity with the most spells left goes first so it is spread out;
    otherwise keep priority order."""
    pool = list(spells)
    ordered: list[Spell] = []
    while pool:
        left = Counter(s.activity for s in pool)
        last = ordered[-1] if ordered else None
        scores = [
            (
                int(last is not None and spell.activity == last.activity),
                int(last is not None and _same_position(spell.position, last.position)),
                -left[spell.activity],
                index,
            )
            for index, spell in enumerate(pool)
        ]
        ordered.append(pool.pop(min(scores)[3]))
    return ordered


def build_plan(
    journal: Journal,
    *,
    start: date,
    today: date,
    days: int = DEFAULT_PLAN_DAYS,
    sessions: int = DEFAULT_SESSIONS,
    bad_day: bool = False,
    normal_day: bool = False,
) -> PacePlan:
    """Lay out the next ``days`` days from ``start``.

    ``bad_day`` applies to the first day only: smaller spells and more rest; the days after
    use the usual spells. While a flare-up is active every day is a bad day, unless
    ``normal_day`` asks for the usual spells. Spells already logged on ``today`` count
    towards today's limit.
    """
    flare = None if normal_day else safety.active_flareup(journal)
    activities = {a.name: a for a in journal.pacing.activities}
    tasks = ordered_tasks([t for t in journal.pacing.tasks if remaining(t) > 0])
    warnings: list[PlanWarning] = []
    left: dict[int, int] = {}
    for task in tasks:
        activity = activities.get(task.activity)
        if activity is None or steps_of(activity.tolerance, activity.resolution) < 1:
            warnings.append(
                PlanWarning(
                    kind="no_activity",
                    task_id=task.id,
                    task=task.title,
                    message=(
                        f"'{task.title}' is for '{task.activity}', which has no usable "
                        "tolerance, so it was left out of the plan."
                    ),
                )
            )
            continue
        left[task.id] = steps_of(remaining(task), activity.resolution)
    planned = [t for t in tasks if t.id in left]
    total_before = dict(left)

    window_end = start + timedelta(days=days - 1)
    deadlines = [t.deadline for t in planned if t.deadline is not None]
    horizon = max([window_end, *deadlines])
    horizon = min(horizon, start + timedelta(days=HORIZON_DAYS))

    done_today = Counter(log.activity for log in journal.pacing.logs if log.date == today)
    finished_by: dict[int, int] = {}  # steps done by each deadline
    all_days: list[PlanDay] = []
    day = start
    while day <= horizon and (day <= window_end or any(left.values())):
        bad = (bad_day and day == start) or flare is not None
        used: Counter[str] = Counter(done_today) if day == today else Counter()
        chosen: list[Spell] = []
        for task in planned:
            if left[task.id] <= 0:
                continue
            activity = activities[task.activity]
            room = sessions - used[activity.name]
            if room <= 0:
                continue
            cap_amount = (
                bad_day_spell(activity.tolerance, activity.resolution)
                if bad
                else activity.tolerance
            )
            cap = max(
                steps_of(units.round_down(cap_amount, activity.resolution), activity.resolution), 1
            )
            pieces = _pieces_for_day(left[task.id], cap, room)
            rest = bad_day_rest(activity.rest) if bad else activity.rest
            for piece in pieces:
                chosen.append(
                    Spell(
                        task_id=task.id,
                        task=task.title,
                        activity=activity.name,
                        amount=from_steps(piece, activity.resolution),
                        unit=activity.unit,
                        rest_after=rest,
                        position=activity.position,
                    )
                )
                left[task.id] -= piece
            used[activity.name] += len(pieces)
        all_days.append(PlanDay(date=day, spells=_sequence(chosen), bad_day=bad))
        for task in planned:
            if task.deadline is not None and day == task.deadline:
                finished_by[task.id] = total_before[task.id] - left[task.id]
        day += timedelta(days=1)

    window = [d for d in all_days if d.date <= window_end]
    after: Counter[int] = Counter()
    for plan_day in all_days:
        if plan_day.date > window_end:
            for spell in plan_day.spells:
                after[spell.task_id] += steps_of(
                    spell.amount, activities[spell.activity].resolution
                )
    unscheduled = []
    for task in planned:
        activity = activities[task.activity]
        beyond = after[task.id] + left[task.id]
        if beyond > 0:
            unscheduled.append(
                Unscheduled(
                    task_id=task.id,
                    task=task.title,
                    activity=task.activity,
                    amount=from_steps(beyond, activity.resolution),
                    unit=activity.unit,
                    deadline=task.deadline,
                    reason=f"carried over past {window_end.isoformat()}",
                )
            )
    warnings.extend(_deadline_warnings(planned, activities, start, total_before, finished_by))
    return PacePlan(
        start=start,
        days=window,
        unscheduled=unscheduled,
        warnings=warnings,
        sessions=sessions,
        bad_day=bad_day or flare is not None,
        explanation=_plan_explanation(
            planned, activities, sessions, bad_day or flare is not None, flare
        ),
        all_days=all_days,
        flareup_since=flare.started if flare is not None else None,
    )


def _deadline_warnings(
    planned: list[PaceTask],
    activities: dict[str, PaceActivity],
    start: date,
    total: dict[int, int],
    finished_by: dict[int, int],
) -> list[PlanWarning]:
    warnings = []
    for task in planned:
        if task.deadline is None:
            continue
        activity = activities[task.activity]
        if task.deadline < start:
            warnings.append(
                PlanWarning(
                    kind="overdue",
                    task_id=task.id,
                    task=task.title,
                    deadline=task.deadline,
                    left=from_steps(total[task.id], activity.resolution),
                    message=(
                        f"'{task.title}' was due by {task.deadline.isoformat()}. It is still in "
                        "the plan; it may be worth setting a new date."
                    ),
                    questions=DEADLINE_QUESTIONS,
                )
            )
            continue
        done = finished_by.get(task.id)
        if done is None or done >= total[task.id]:
            continue
        short = from_steps(total[task.id] - done, activity.resolution)
        warnings.append(
            PlanWarning(
                kind="deadline",
                task_id=task.id,
                task=task.title,
                deadline=task.deadline,
                left=short,
                message=(
                    f"'{task.title}' will not be finished by {task.deadline.isoformat()} at "
                    f"this pace: {amount_text(short, activity.unit)} would be left."
                ),
                questions=DEADLINE_QUESTIONS,
            )
        )
    return warnings


def _plan_explanation(
    planned: list[PaceTask],
    activities: dict[str, PaceActivity],
    sessions: int,
    bad_day: bool,
    flare: FlareUp | None = None,
) -> list[str]:
    lines = []
    if flare is not None:
        lines.append(
            f"A flare-up is on (since {flare.started.isoformat()}), so every day of this plan "
            "is a bad day: smaller spells and more rest. Feeling up to your usual spells? "
            "Add --normal-day."
        )
    for name in sorted({t.activity for t in planned}):
        activity = activities[name]
        lines.append(tolerance_explanation(activity))
        if bad_day:
            spell = bad_day_spell(activity.tolerance, activity.resolution)
            tolerance = units.fmt(activity.tolerance)
            how = (
                f"three quarters of {tolerance}, rounded down"
                if units.round_down(activity.tolerance * BAD_DAY_FRACTION, activity.resolution)
                >= activity.resolution - 1e-9
                else f"one step, as three quarters of {tolerance} would be less"
            )
            lines.append(
                f"{activity.name} on {'each' if flare is not None else 'the'} bad day: at most "
                f"{amount_text(spell, activity.unit)} ({how}), then "
                f"{units.fmt(bad_day_rest(activity.rest))} minutes of rest instead of "
                f"{units.fmt(activity.rest)}."
            )
    if planned:
        lines.append("Tasks go by priority, then by the nearest deadline.")
        lines.append(
            "No spell is longer than the activity's tolerance. On the day a task will be "
            "finished, its spells are about equal."
        )
        lines.append(
            f"At most {sessions} spell{'s' if sessions != 1 else ''} of one activity a day; "
            "what does not fit moves to the next day."
        )
        lines.append(
            "The same activity is spaced out, and positions change from spell to spell, "
            "where the plan allows."
        )
    if bad_day and flare is None:
        lines.append(
            "Only the first day is a bad day. Its smaller spells mean less gets done that day; "
            "the rest moves on. If the next day is hard too, plan again then with --bad-day."
        )
    return lines


def today_spells(journal: Journal, today: date, *, normal_day: bool = False) -> list[Spell]:
    """Today's pacing spells for ``backskills today``: usual limits, or bad-day spells while
    a flare-up is active (unless ``normal_day``)."""
    plan = build_plan(journal, start=today, today=today, days=1, normal_day=normal_day)
    return plan.days[0].spells if plan.days else []


# -- evaluate --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Review:
    activity: str
    unit: str
    tolerance: float
    days_reviewed: int
    suggestion: str  # "more", "shorter", "longer" or "keep"
    suggested_tolerance: float | None
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "activity": self.activity,
            "tolerance": self.tolerance,
            "days_reviewed": self.days_reviewed,
            "suggestion": self.suggestion,
            "suggested_tolerance": self.suggested_tolerance,
            "reason": self.reason,
        }


def _day_verdict(logs: list[PaceLog], tolerance: float) -> str:
    """One word for a day: too-much, too-little, ok (as planned) or unrated."""
    felt = {log.felt for log in logs}
    if "too-much" in felt:
        return "too-much"
    if "too-little" in felt:
        return "too-little"
    if "ok" in felt:
        over = any(log.amount > tolerance + 1e-9 for log in logs)
        return "over" if over else "ok"
    return "unrated"


def review_activity(
    journal: Journal, activity: PaceActivity, today: date, days: int = DEFAULT_REVIEW_DAYS
) -> Review:
    """Look back over the last ``days`` days (since the last tolerance change)."""
    first = today - timedelta(days=days - 1)
    since = f"in the last {days} days"
    if activity.changes and activity.changes[-1].date >= first:
        changed = activity.changes[-1].date
        first = changed + timedelta(days=1)
        since = f"since the change on {changed.isoformat()}"
    by_day: dict[date, list[PaceLog]] = {}
    for log in journal.pacing.logs:
        if log.activity == activity.name and first <= log.date <= today:
            by_day.setdefault(log.date, []).append(log)
    verdicts = Counter(_day_verdict(logs, activity.tolerance) for logs in by_day.values())
    reviewed = len(by_day)
    most = days // 2 + 1
    step = units.small_step(activity.tolerance, activity.resolution)
    unit = activity.unit

    def result(suggestion: str, to: float | None, reason: str) -> Review:
        return Review(
            activity=activity.name,
            unit=unit,
            tolerance=activity.tolerance,
            days_reviewed=reviewed,
            suggestion=suggestion,
            suggested_tolerance=to,
            reason=reason,
        )

    if reviewed == 0:
        return result(
            "keep", None, f"No spells logged {since}. Log them with 'backskills pace log'."
        )
    if verdicts["too-much"] >= 2 or verdicts["too-much"] * 2 > reviewed:
        lower = units.tidy(activity.tolerance - step, activity.resolution)
        if lower < activity.resolution - 1e-9:
            return result(
                "keep",
                None,
                f"Spells felt too much on {verdicts['too-much']} of {reviewed} days, but "
                f"{amount_text(activity.tolerance, unit)} is already the smallest step. It may "
                "help to talk it over with your physiotherapist.",
            )
        return result(
            "shorter",
            lower,
            f"Spells felt too much on {verdicts['too-much']} of {reviewed} days {since}: try "
            f"{amount_text(step, unit)} less (about 10%, at least one step).",
        )
    increase_blocked = _increase_blocked(journal)
    upper = units.tidy(activity.tolerance + step, activity.resolution)
    for kind, label, suggestion in (
        ("ok", "went as planned and felt ok", "more"),
        ("too-little", "felt too little", "longer"),
    ):
        if verdicts[kind] >= most:
            if increase_blocked:
                return result(
                    "keep", None, f"Spells {label} on {verdicts[kind]} days, {increase_blocked}"
                )
            return result(
                suggestion,
                upper,
                f"Spells {label} on {verdicts[kind]} of {reviewed} days {since}: try "
                f"{amount_text(step, unit)} more (about 10%, at least one step).",
            )
    parts = [f"{verdicts[word]} {label}" for word, label in DAY_WORDS.items() if verdicts[word]]
    return result(
        "keep",
        None,
        f"Not enough of a pattern yet: of {reviewed} day{'s' if reviewed != 1 else ''} with "
        f"spells, {', '.join(parts)}. A change needs most of the last {days} days to agree, "
        "so keep to the plan for now.",
    )


# how a reviewed day is described when there is no clear pattern
DAY_WORDS = {
    "ok": "went as planned",
    "over": "went past the planned spell",
    "too-much": "felt too much",
    "too-little": "felt too little",
    "unrated": "had no --felt answer",
}


def _increase_blocked(journal: Journal) -> str | None:
    if safety.active_flareup(journal) is not None:
        return "but you are in a flare-up: keep to your plan until it settles."
    if safety.exercise_block_reason(journal) is not None:
        return (
            "but your last red-flag check has not been looked at yet, so nothing goes up for now."
        )
    return None


def review(
    journal: Journal, today: date, name: str | None = None, days: int = DEFAULT_REVIEW_DAYS
) -> list[Review]:
    chosen = [get_activity(journal, name)] if name else list(journal.pacing.activities)
    return [review_activity(journal, activity, today, days) for activity in chosen]


def accept_review(
    journal: Journal, name: str, today: date, days: int = DEFAULT_REVIEW_DAYS
) -> tuple[Review, ToleranceChange]:
    """Apply the review's suggestion to one activity, recorded as a ToleranceChange."""
    activity = get_activity(journal, name)
    found = review_activity(journal, activity, today, days)
    if found.suggested_tolerance is None:
        raise Refused(
            f"there is no change to accept for '{activity.name}': {found.reason}",
        )
    change = ToleranceChange(
        date=today,
        from_tolerance=activity.tolerance,
        to_tolerance=found.suggested_tolerance,
        reason=f"review: {found.suggestion} ({found.days_reviewed} days reviewed)",
    )
    activity.changes.append(change)
    activity.tolerance = found.suggested_tolerance
    return found, change
