"""The whole picture for a period (default the last six weeks, the length of a class).

Pure domain code: ``backskills summary`` shows it and the report for the physiotherapist
can reuse it. Weeks here are rolling: week 1 is the first seven days of the period and the
last week the seven days up to today, so "the first week against the last" compares two
whole weeks. Praise is built from what went well; nothing here counts streaks or failures.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from backskills.domain import pain_change
from backskills.domain.activities import describe
from backskills.domain.history import (
    GoalLine,
    Window,
    day_points,
    day_totals,
    earliest_entry,
    flareup_days,
    goal_line,
    pain_by_day,
    pain_stats,
)
from backskills.domain.progression.levels import current_level
from backskills.models import Journal
from backskills.models.pacing import PaceActivity
from backskills.plain import field, plain

DEFAULT_WEEKS = 6
MAX_WEEKS = 520
GOOD_ADHERENCE = 70  # percent of planned days met that earns a word of praise

__all__ = [
    "DEFAULT_WEEKS",
    "Summary",
    "build",
    "period",
]


@plain(frozen=True)
class ActivitySummary:
    activity: str
    unit: str
    level_start: float | None  # in force on the first day of the period
    level_now: float | None
    target: float | None
    step_ups: int
    catch_ups: int  # climbs back to a level held before a flare-up
    days_planned: int  # days with a level in force, flare-up days left out
    days_met: int
    adherence: int | None  # days met as a whole percent of days planned
    flareup_days: int

    def to_json(self) -> dict[str, Any]:
        return {
            "activity": self.activity,
            "unit": self.unit,
            "level_start": self.level_start,
            "level_now": self.level_now,
            "target": self.target,
            "step_ups": self.step_ups,
            "catch_ups": self.catch_ups,
            "days_planned": self.days_planned,
            "days_met": self.days_met,
            "adherence_percent": self.adherence,
            "flareup_days": self.flareup_days,
        }


@plain(frozen=True)
class WeekMean:
    first: date
    last: date
    mean: float | None
    days_scored: int

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "mean": self.mean,
            "days_scored": self.days_scored,
        }


@plain(frozen=True)
class PainTrend:
    first_week: WeekMean
    last_week: WeekMean
    change: pain_change.PainChange | None  # None without scores in both weeks
    words: str

    def to_json(self) -> dict[str, Any]:
        return {
            "first_week": self.first_week.to_json(),
            "last_week": self.last_week.to_json(),
            "change": self.change.to_json() if self.change is not None else None,
            "words": self.words,
        }


@plain(frozen=True)
class FlareUpLine:
    started: date
    ended: date | None
    days: int
    trigger: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "started": self.started.isoformat(),
            "ended": self.ended.isoformat() if self.ended else None,
            "days": self.days,
            "trigger": self.trigger,
        }


@plain(frozen=True)
class CheckLine:
    date: date
    outcome: str
    words: str
    entered_by_mistake: bool = False  # kept in the history, not counted

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "outcome": self.outcome,
            "words": self.words,
            "entered_by_mistake": self.entered_by_mistake,
        }


@plain(frozen=True)
class PacingLine:
    activity: str
    unit: str
    days_logged: int
    days_within: int
    days_over: int

    def to_json(self) -> dict[str, Any]:
        return {
            "activity": self.activity,
            "unit": self.unit,
            "days_logged": self.days_logged,
            "days_within": self.days_within,
            "days_over": self.days_over,
        }


@plain
class Summary:
    window: Window
    weeks: int
    activities: list[ActivitySummary] = field(default_factory=list)
    pain: PainTrend | None = None
    goals_achieved: list[GoalLine] = field(default_factory=list)
    goals_active: list[GoalLine] = field(default_factory=list)
    flareups: list[FlareUpLine] = field(default_factory=list)
    checks: list[CheckLine] = field(default_factory=list)
    pacing: list[PacingLine] = field(default_factory=list)
    relaxation_sessions: int = 0
    relaxation_minutes: float = 0.0
    relaxation_days: int = 0
    thought_records: int = 0
    praise: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "window": self.window.to_json(),
            "weeks": self.weeks,
            "activities": [a.to_json() for a in self.activities],
            "pain": self.pain.to_json() if self.pain is not None else None,
            "goals_achieved": [g.to_json() for g in self.goals_achieved],
            "goals_active": [g.to_json() for g in self.goals_active],
            "flareups": [f.to_json() for f in self.flareups],
            "redflag_checks": [c.to_json() for c in self.checks],
            "pacing": [p.to_json() for p in self.pacing],
            "relaxation": {
                "sessions": self.relaxation_sessions,
                "minutes": self.relaxation_minutes,
                "days": self.relaxation_days,
            },
            "thought_records": self.thought_records,
            "praise": list(self.praise),
        }


def _week_mean(first: date, last: date, pain: dict[date, list[int]]) -> WeekMean:
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    mean, _low, _high, scored = pain_stats(days, pain)
    return WeekMean(first, last, mean, scored)


def _pain_trend(window: Window, pain: dict[date, list[int]]) -> PainTrend | None:
    if not pain:
        return None
    first = _week_mean(window.first, min(window.first + timedelta(days=6), window.last), pain)
    last = _week_mean(max(window.last - timedelta(days=6), window.first), window.last, pain)
    if window.days < 14:
        return PainTrend(
            first,
            last,
            None,
            "A trend needs two separate weeks of pain scores; this period is shorter.",
        )
    if first.mean is None or last.mean is None:
        missing = "first" if first.mean is None else "last"
        return PainTrend(
            first, last, None, f"No pain scores in the {missing} week, so no trend to read."
        )
    change = pain_change.compare(first.mean, last.mean)
    words = (
        f"Your average pain was {first.mean:.1f} in the first week and {last.mean:.1f} in "
        f"the last week. {change.words()}"
    )
    if change.direction == "higher" and change.meaningful:
        words += (
            " Pain goes up and down, and more pain does not mean harm. Your flare-up plan "
            "can help, and it is worth mentioning at your next appointment."
        )
    return PainTrend(first, last, change, words)


def _tolerance_on(activity: PaceActivity, day: date) -> float:
    """The pacing tolerance in force on ``day`` (changes are dated)."""
    found = None
    for change in activity.changes:
        if change.date <= day:
            found = change.to_tolerance
    if found is not None:
        return found
    return activity.changes[0].from_tolerance if activity.changes else activity.tolerance


def _pacing(journal: Journal, window: Window) -> list[PacingLine]:
    lines = []
    for activity in journal.pacing.activities:
        by_day: dict[date, list[float]] = {}
        for log in journal.pacing.logs:
            if log.activity == activity.name and window.first <= log.date <= window.last:
                by_day.setdefault(log.date, []).append(log.amount)
        if not by_day:
            continue
        over = sum(
            any(amount > _tolerance_on(activity, day) + 1e-9 for amount in amounts)
            for day, amounts in by_day.items()
        )
        lines.append(
            PacingLine(activity.name, activity.unit, len(by_day), len(by_day) - over, over)
        )
    return lines


def check_words(outcome: str) -> str:
    from backskills.domain.redflags import HEADLINES

    words = {str(key): text for key, text in HEADLINES.items()}
    return words.get(outcome, outcome.replace("_", " "))


def _praise(summary: Summary) -> list[str]:
    said = []
    for item in summary.activities:
        if item.step_ups:
            said.append(
                f"{item.activity}: {item.step_ups} step{'s' if item.step_ups != 1 else ''} up, "
                f"from {describe(item.level_start or 0, item.unit)} to "
                f"{describe(item.level_now or 0, item.unit)}. Slow and steady is how it works."
            )
        if item.adherence is not None and item.adherence >= GOOD_ADHERENCE:
            said.append(
                f"{item.activity}: you met your level on {item.days_met} of "
                f"{item.days_planned} days. That consistency is what builds you up."
            )
    trend = summary.pain.change if summary.pain is not None else None
    if trend is not None and trend.direction == "lower" and trend.meaningful:
        said.append("Your pain scores came down by a change that really counts.")
    for goal in summary.goals_achieved:
        said.append(f"You achieved a goal: {goal.title}. Enjoy your reward.")
    ended = [f for f in summary.flareups if f.ended is not None]
    if ended:
        said.append(
            "You came through "
            + ("a flare-up" if len(ended) == 1 else f"{len(ended)} flare-ups")
            + " and kept your journal going."
        )
    if summary.relaxation_sessions:
        said.append(
            f"{summary.relaxation_sessions} relaxation session"
            f"{'s' if summary.relaxation_sessions != 1 else ''}: practice makes it easier "
            "to use when you need it."
        )
    if summary.thought_records:
        said.append(
            f"{summary.thought_records} thought record"
            f"{'s' if summary.thought_records != 1 else ''}: noticing a thought is the first "
            "step to changing it."
        )
    if any(not check.entered_by_mistake for check in summary.checks):
        said.append("You kept an eye on the warning signs with a red-flag check.")
    if not said:
        said.append(
            "Every entry helps you and your physiotherapist see the way forward; "
            "a few minutes today is a good place to pick up from."
        )
    return said


def period(
    journal: Journal, today: date, weeks: int = DEFAULT_WEEKS, *, start: date | None = None
) -> Window:
    """The days a summary covers: the last ``weeks`` weeks up to ``today`` (or from
    ``start``), from the first entry when that is later."""
    from backskills.errors import InvalidInput

    if not 1 <= weeks <= MAX_WEEKS:
        raise InvalidInput("--weeks", f"must be a whole number from 1 to {MAX_WEEKS}.")
    earliest = earliest_entry(journal)
    first = today - timedelta(days=weeks * 7 - 1) if start is None else start
    if earliest is not None and first < earliest <= today:
        first = earliest
    return Window(first, today, False, earliest)


def build(
    journal: Journal, today: date, weeks: int = DEFAULT_WEEKS, *, start: date | None = None
) -> Summary:
    """The summary of the last ``weeks`` weeks up to ``today`` (from the first entry if later).

    ``start`` sets the first day instead (the report's ``--from``); ``today`` is then the
    period's last day, and levels "now" are the levels on that day.
    """
    window = period(journal, today, weeks, start=start)
    first = window.first
    pain = pain_by_day(journal, window)
    flares = flareup_days(journal, window, today)
    totals = day_totals(journal, window)
    summary = Summary(window=window, weeks=weeks, pain=_pain_trend(window, pain))
    for activity in journal.activities:
        if activity.plan is None:
            continue
        points = day_points(
            journal,
            activity,
            window,
            today,
            totals=totals.get(activity.name.casefold(), {}),
            pain=pain,
            flares=flares,
        )
        planned = [p for p in points if p.level is not None and not p.flareup]
        met = sum(bool(p.met) for p in planned)
        summary.activities.append(
            ActivitySummary(
                activity=activity.name,
                unit=activity.unit,
                level_start=next((p.level for p in points if p.level is not None), None),
                level_now=current_level(activity, today),
                target=activity.plan.target,
                step_ups=sum(
                    e.reason == "step_up" and first <= e.date <= today for e in activity.levels
                ),
                catch_ups=sum(
                    e.reason == "catch_up" and first <= e.date <= today for e in activity.levels
                ),
                days_planned=len(planned),
                days_met=met,
                adherence=round(met / len(planned) * 100) if planned else None,
                flareup_days=sum(p.flareup and p.level is not None for p in points),
            )
        )
    for goal in journal.goals:
        if goal.status == "achieved" and goal.ended is not None and first <= goal.ended <= today:
            summary.goals_achieved.append(goal_line(journal, goal, today))
        elif goal.status == "active":
            summary.goals_active.append(goal_line(journal, goal, today))
    for flare in journal.flareups:
        last = flare.ended or today
        if flare.started <= today and last >= first:
            summary.flareups.append(
                FlareUpLine(
                    flare.started, flare.ended, (last - flare.started).days + 1, flare.trigger
                )
            )
    summary.checks = [
        CheckLine(
            c.checked_on,
            c.outcome,
            check_words(c.outcome),
            c.entered_by_mistake is not None,
        )
        for c in journal.redflag_checks
        if first <= c.checked_on <= today
    ]
    summary.pacing = _pacing(journal, window)
    sessions = [s for s in journal.relaxation if first <= s.date <= today]
    summary.relaxation_sessions = len(sessions)
    summary.relaxation_minutes = round(sum(s.minutes for s in sessions), 1)
    summary.relaxation_days = len({s.date for s in sessions})
    summary.thought_records = sum(first <= t.date <= today for t in journal.thoughts)
    summary.praise = _praise(summary)
    return summary
