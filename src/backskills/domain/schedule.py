"""The plan as calendar events: levels, reviews, goal and task deadlines.

``build`` turns the journal into plain ``CalendarEvent``s (no iCalendar here; see
``backskills.domain.ics``):

- each planned activity gets one daily, recurring event per level period: the level in
  force now (from the day it began) and the levels the plan projects, each until the day
  its next review is due, all within the horizon (``weeks`` from today);
- a review event on each day a step up may be due;
- the next outcome check-in, active goals' and plans' deadlines and unfinished pacing
  tasks' deadlines, however far ahead.

Each event has a stable ``uid`` built from what it is about (the activity and the level,
the goal number, the task number), never from the day it happens, so a newer export
updates the events a calendar app already holds instead of adding copies.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any, Literal

from backskills.domain import safety, units
from backskills.domain.activities import arg, describe
from backskills.domain.progression.levels import level_event_on
from backskills.domain.progression.met_days import MET_NEEDED, WINDOW_DAYS
from backskills.domain.progression.projection import PlanStep, plan_view
from backskills.models import Journal
from backskills.models.activity import Activity, LevelEvent
from backskills.plain import field, plain

EventKind = Literal["level", "review", "goal", "deadline", "task", "checkin"]

DEFAULT_WEEKS = 6  # the length of a back class
MAX_WEEKS = 52
UID_DOMAIN = "backskills"

__all__ = ["DEFAULT_WEEKS", "MAX_WEEKS", "CalendarEvent", "build", "slug"]


@plain
class CalendarEvent:
    """One event; ``days`` > 1 makes it repeat daily, that many days from ``start``."""

    uid: str
    kind: EventKind
    title: str
    start: date
    days: int
    description: str
    minutes: int = 15  # how long a timed event lasts (with --at)
    activity: str | None = None
    level: float | None = None

    @property
    def last(self) -> date:
        return self.start + timedelta(days=self.days - 1)

    def to_json(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "kind": self.kind,
            "title": self.title,
            "start": self.start.isoformat(),
            "until": self.last.isoformat(),
            "days": self.days,
            "activity": self.activity,
            "level": self.level,
            "description": self.description,
        }


@plain
class Calendar:
    today: date
    weeks: int
    horizon: date  # the last day daily events and reviews reach
    events: list[CalendarEvent] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "weeks": self.weeks,
            "until": self.horizon.isoformat(),
            "events": [event.to_json() for event in self.events],
        }


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """``Sit to stand`` -> ``sit-to-stand``; names with no plain letters keep their code points."""
    text = _SLUG.sub("-", name.casefold()).strip("-")
    if text:
        return text
    return "-".join(f"{ord(ch):x}" for ch in name.casefold() if not ch.isspace())


def _activity_key(activity: Activity) -> str:
    return f"{slug(activity.name)}-{activity.created:%Y%m%d}"


def _uid(*parts: str) -> str:
    return "-".join(parts) + "@" + UID_DOMAIN


def _level_text(level: float) -> str:
    return units.fmt(level)


def _why_level(journal: Journal, activity: Activity, event: LevelEvent) -> str:
    """How the level in force was worked out, in one or two sentences."""
    unit = activity.unit
    level = describe(event.to_level, unit)
    on = event.date.isoformat()
    before = describe(event.from_level, unit) if event.from_level is not None else None
    if event.reason in ("plan_start", "plan_update"):
        from backskills.domain.baseline import summarise

        summary = summarise(activity)
        if (
            summary.complete
            and summary.start is not None
            and abs(summary.start - event.to_level) < units.EPSILON
        ):
            return (
                f"Your starting level since {on}: your baseline average of "
                f"{describe(summary.average or 0, unit)} × {units.fmt(summary.start_factor)}, "
                f"rounded down to steps of {describe(activity.resolution, unit)}."
            )
        return f"Your starting level since {on}, set with your plan."
    if event.reason == "step_up" and before is not None and event.from_level is not None:
        step = units.fmt(round(event.to_level - event.from_level, 6))
        return (
            f"You stepped up on {on} from {before}: {units.fmt(event.from_level)} + {step} "
            f"(10% of the level, rounded down to steps of "
            f"{describe(activity.resolution, unit)}, at least one step)."
        )
    if event.reason == "ease_back_previous":
        return (
            f"On {on} you went back to the level before ({level}) after your pain rose, "
            f"to hold it longer ({event.hold_days} days)."
        )
    if event.reason == "ease_back_halfway":
        return f"On {on} you eased back half-way, from {before} to {level}, after your pain rose."
    if event.reason == "ease_back_stay":
        return f"On {on} you chose to stay at {level} a while longer after your pain rose."
    if event.reason == "flareup_reduce":
        return f"Lowered to {level} on {on} for a flare-up."
    return f"Your level since {on}."


def _log_line(activity: Activity, level: float) -> str:
    return f"Log it: backskills log {arg(activity.name)} {_level_text(level)}"


def _level_events(
    journal: Journal, activity: Activity, today: date, horizon: date
) -> list[CalendarEvent]:
    plan = activity.plan
    if plan is None:
        return []
    key = _activity_key(activity)
    name, unit = activity.name, activity.unit
    view = plan_view(journal, activity, today)
    flare = safety.active_flareup(journal)
    blocked = safety.exercise_block_reason(journal)
    steps: list[PlanStep] = view.steps
    if (flare is not None or blocked is not None) and view.level is not None:
        # Progress is paused (a flare-up) or held (a red-flag check): no step up is planned.
        steps = [PlanStep(steps[0].level, steps[0].start, None)]
    events: list[CalendarEvent] = []
    for index, step in enumerate(steps):
        if step.start > horizon:
            break
        last = min(step.until or horizon, horizon)
        if last < step.start:
            continue
        level = step.level
        in_force = index == 0 and view.level is not None
        minutes = _minutes(level, unit)
        lines: list[str] = []
        if in_force:
            source = level_event_on(activity, today)
            if source is not None:
                lines.append(_why_level(journal, activity, source))
            if blocked is not None:
                lines.append(f"No step up is planned for now: {blocked}")
            elif flare is not None:
                lines.append(
                    f"Progress is paused during the flare-up that started on "
                    f"{flare.started.isoformat()}: keep gently active at a level you can manage."
                )
            elif step.until is not None:
                lines.append(
                    f"Do it on most days. Your next review is on "
                    f"{(step.until + timedelta(days=1)).isoformat()}: a step up comes after "
                    f"meeting this level on {MET_NEEDED} of the last {WINDOW_DAYS} days."
                )
            else:
                lines.append("This is your target: keep it up on most days.")
            title = f"{name}: {describe(level, unit)} (your level)"
        elif index == 0:
            lines.append(
                f"Your plan starts on {step.start.isoformat()} at {describe(level, unit)}"
                + (
                    f", building up to {describe(plan.target, unit)}."
                    if level < plan.target
                    else "."
                )
            )
            title = f"{name}: {describe(level, unit)} (your level)"
        else:
            previous = steps[index - 1].level
            add = units.fmt(round(level - previous, 6))
            lines.append(
                f"Planned level from about {step.start.isoformat()}: "
                f"{units.fmt(previous)} + {add} (10% of the level, rounded down to steps "
                f"of {describe(activity.resolution, unit)}, at least one step)"
                + (
                    f"; your target is {describe(plan.target, unit)}."
                    if level < plan.target
                    else "; this is your target."
                )
            )
            lines.append(
                f"It starts only when 'backskills progress {arg(name)}' says you are ready and "
                f"you accept it with 'backskills progress step-up {arg(name)}'. Until then, "
                "keep to the level you are at."
            )
            title = f"{name}: {describe(level, unit)} (planned)"
        lines.append(_log_line(activity, level))
        events.append(
            CalendarEvent(
                uid=_uid("level", key, _level_text(level)),
                kind="level",
                title=title,
                start=step.start,
                days=(last - step.start).days + 1,
                description="\n".join(lines),
                minutes=minutes,
                activity=name,
                level=level,
            )
        )
        if index > 0 and step.start >= today:
            events.append(_review_event(activity, key, steps[index - 1], step))
    if plan.deadline is not None and plan.deadline >= today and plan.goal_id is None:
        lines = [
            f"The deadline you set for your {name} plan: {describe(plan.target, unit)}.",
            (
                f"At the safe pace of your plan you reach it on "
                f"{view.reaches_target_on.isoformat()}"
                + (
                    ", in time."
                    if view.feasible
                    else ", after this deadline: backskills will not make the steps bigger "
                    "to fit. 'backskills plan show' gives the honest choices."
                )
            ),
            f"Where you are: backskills progress {arg(name)}",
        ]
        events.append(
            CalendarEvent(
                uid=_uid("deadline", key, f"{plan.created:%Y%m%d}"),
                kind="deadline",
                title=f"Plan deadline: {name} {describe(plan.target, unit)}",
                start=plan.deadline,
                days=1,
                description="\n".join(lines),
                activity=name,
                level=plan.target,
            )
        )
    return events


def _review_event(activity: Activity, key: str, before: PlanStep, after: PlanStep) -> CalendarEvent:
    name, unit = activity.name, activity.unit
    description = "\n".join(
        [
            f"A step up from {describe(before.level, unit)} to {describe(after.level, unit)} "
            f"may be due today, if you have met {describe(before.level, unit)} on "
            f"{MET_NEEDED} of the last {WINDOW_DAYS} days.",
            f"Check: backskills progress {arg(name)}",
            f"Step up: backskills progress step-up {arg(name)}",
            "Not ready yet? That is fine: stay at your level and review again in a few days.",
        ]
    )
    return CalendarEvent(
        uid=_uid("review", key, _level_text(after.level)),
        kind="review",
        title=f"Review {name}: step up to {describe(after.level, unit)}?",
        start=after.start,
        days=1,
        description=description,
        activity=name,
        level=after.level,
    )


def _minutes(level: float, unit: str) -> int:
    """A timed event lasts the level when it is counted in minutes, else 15 minutes."""
    if unit == "minutes":
        return max(5, min(int(level + 0.999), 240))
    return 15


def _goal_events(journal: Journal, today: date) -> list[CalendarEvent]:
    events = []
    for goal in journal.goals:
        if goal.status != "active" or goal.deadline < today:
            continue
        lines = [f"Your goal: {goal.title}", f"Why it matters to you: {goal.why}"]
        if goal.target is not None and goal.unit:
            lines.append(f"Target: {describe(goal.target, goal.unit)}.")
        open_steps = [s.text for s in goal.steps if not s.done]
        if open_steps:
            lines.append("Steps still open: " + "; ".join(open_steps) + ".")
        lines.append(f"Reached it? backskills goal done {goal.id}")
        lines.append(f"Not quite? backskills goal review {goal.id} looks at what to change.")
        events.append(
            CalendarEvent(
                uid=_uid("goal", str(goal.id), f"{goal.created:%Y%m%d}"),
                kind="goal",
                title=f"Goal deadline: {goal.title}",
                start=goal.deadline,
                days=1,
                description="\n".join(lines),
            )
        )
    return events


def _task_events(journal: Journal, today: date) -> list[CalendarEvent]:
    from backskills.domain.pacing.activities import unit_of
    from backskills.domain.pacing.tasks import remaining

    events = []
    for task in journal.pacing.tasks:
        if task.deadline is None or task.done_on is not None or task.deadline < today:
            continue
        unit = unit_of(journal, task.activity) or "minutes"
        left = remaining(task)
        lines = [
            f"Pacing task {task.id}: {task.title} ({describe(task.amount, unit)} of "
            f"{task.activity} in all, {describe(left, unit)} left, {task.priority} priority).",
            "Spread it over spells within your tolerance: backskills pace plan",
            f"Log a spell: backskills pace log {arg(task.activity)} AMOUNT --task {task.id}",
        ]
        events.append(
            CalendarEvent(
                uid=_uid("task", str(task.id), f"{task.created:%Y%m%d}"),
                kind="task",
                title=f"Pacing task due: {task.title}",
                start=task.deadline,
                days=1,
                description="\n".join(lines),
            )
        )
    return events


def _checkin_event(journal: Journal, today: date) -> list[CalendarEvent]:
    """The next outcome check-in (today when it is already due)."""
    from backskills.domain import checkins

    plan = checkins.schedule(journal, today)
    if plan.next_due is None:
        return []
    day = max(plan.next_due, today)
    week = f" (week {plan.next_week})" if plan.next_week else ""
    lines = [
        f"Check-in {plan.next_number}{week}: your average and worst pain over the last 7 "
        "days, the everyday activities you rate (PSFS) and your exercise tests.",
        f"When: {plan.rule()}.",
        "Do it: backskills checkin",
    ]
    if plan.done >= 1:
        lines.append("Then 'backskills checkin show' compares it with your first check-in.")
    return [
        CalendarEvent(
            uid=_uid("checkin", str(plan.next_number)),
            kind="checkin",
            title=f"Outcome check-in {plan.next_number}{week}",
            start=day,
            days=1,
            description="\n".join(lines),
        )
    ]


def build(journal: Journal, today: date, weeks: int = DEFAULT_WEEKS) -> Calendar:
    """Every event of the plan from ``today``; daily levels and reviews reach ``weeks`` ahead."""
    horizon = today + timedelta(days=weeks * 7 - 1)
    calendar = Calendar(today=today, weeks=weeks, horizon=horizon)
    for activity in journal.activities:
        calendar.events.extend(_level_events(journal, activity, today, horizon))
    calendar.events.extend(_checkin_event(journal, today))
    calendar.events.extend(_goal_events(journal, today))
    calendar.events.extend(_task_events(journal, today))
    calendar.events.sort(key=lambda e: (e.start, e.kind, e.uid))
    return calendar
