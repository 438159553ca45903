"""The past of the journal in numbers: level timelines, weekly tables, chart data, pain.

Pure domain code: no Rich, no printing. ``backskills history`` and the report for the
physiotherapist both draw from these results, so the numbers on every screen and in every
file are the same ones. Conventions:

- Weeks start on Monday. A week at the edge of a window counts only its days inside the
  window (``days``), so "met on 3 of 4 days" is honest about a half week.
- A day's amount is the sum of its records; a day is *met* when that reaches the level in
  force that day (``progression.met_days.met``).
- A day's pain is the mean of that day's scores; a week's pain mean is the mean of its
  days (each day counts once), its range the lowest and highest single score.
- Numbers are rounded once, here (pain means to 0.1, percentages to whole numbers), so a
  screen and its ``--json`` show the same value.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from backskills.domain.activities import clean_number, get_activity
from backskills.domain.progression.levels import current_level, level_event_on
from backskills.domain.progression.met_days import met
from backskills.errors import InvalidInput
from backskills.models import Journal
from backskills.models.activity import Activity, LevelEvent, reason_words
from backskills.models.goals import Goal
from backskills.plain import field, plain

if TYPE_CHECKING:
    from backskills.domain.flareups import Episode

WEEK = 7
DEFAULT_WEEKS = 12  # on screen: since the first entry, at most the last 12 weeks
MAX_WEEKS = 520

__all__ = [
    "DEFAULT_WEEKS",
    "ActivityHistory",
    "ActivityLine",
    "Chart",
    "DayPoint",
    "FlareUpHistory",
    "GoalLine",
    "LevelSpell",
    "LevelStep",
    "Overview",
    "PainDay",
    "PainHistory",
    "PainWeek",
    "Segment",
    "Span",
    "WeekRow",
    "Window",
    "activity_history",
    "climb",
    "day_points",
    "day_totals",
    "earliest_entry",
    "flareup_days",
    "flareup_history",
    "goal_lines",
    "history_window",
    "level_timeline",
    "monday",
    "overview",
    "pain_by_day",
    "pain_history",
    "pain_stats",
    "pain_weeks",
    "percent_of_way",
    "resolve_window",
    "weekly_rows",
]


def monday(day: date) -> date:
    """The Monday that starts ``day``'s week."""
    return day - timedelta(days=day.weekday())


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


# -- the window ------------------------------------------------------------------------
@plain(frozen=True)
class Window:
    """The days shown: ``first`` to ``last`` inclusive."""

    first: date
    last: date
    capped: bool = False  # the default window left out entries older than DEFAULT_WEEKS
    earliest: date | None = None  # the first entry of what is shown (None: nothing yet)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def dates(self) -> Iterator[date]:
        for offset in range(self.days):
            yield self.first + timedelta(days=offset)

    def weeks(self) -> list[tuple[date, date, date]]:
        """Each Monday week the window touches: (Monday, first day inside, last day inside)."""
        found = []
        start = monday(self.first)
        while start <= self.last:
            found.append((start, max(start, self.first), min(start + timedelta(days=6), self.last)))
            start += timedelta(days=WEEK)
        return found

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "days": self.days,
            "capped": self.capped,
            "earliest_entry": _iso(self.earliest),
        }


def resolve_window(
    earliest: date | None,
    today: date,
    *,
    weeks: int | None = None,
    start: date | None = None,
    end: date | None = None,
    default_weeks: int = DEFAULT_WEEKS,
) -> Window:
    """The window for ``--weeks``, ``--from`` and ``--to`` (dates already checked as past).

    Default: since the first entry, capped at the last ``default_weeks`` Monday weeks.
    ``--weeks N`` alone: the last N Monday weeks up to ``--to`` (or today); with ``--from``:
    N weeks from that day.
    """
    last = end if end is not None else today
    if start is not None and start > last:
        raise InvalidInput(
            "--from",
            f"{start.isoformat()} is after {last.isoformat()}; the window must start first.",
        )
    if weeks is not None:
        if not 1 <= weeks <= MAX_WEEKS:
            raise InvalidInput("--weeks", f"must be a whole number from 1 to {MAX_WEEKS}.")
        if start is not None and end is not None:
            raise InvalidInput(
                "--weeks", "give --weeks, or --from and --to, but not all three together."
            )
        if start is not None:
            return Window(
                start, min(start + timedelta(days=WEEK * weeks - 1), today), False, earliest
            )
        return Window(monday(last) - timedelta(weeks=weeks - 1), last, False, earliest)
    if start is not None:
        return Window(start, last, False, earliest)
    begin = earliest if earliest is not None and earliest <= last else last
    cap = monday(last) - timedelta(weeks=default_weeks - 1)
    if begin < cap:
        return Window(cap, last, True, earliest)
    return Window(begin, last, False, earliest)


def _first(items: Iterable[Any], attribute: str = "date") -> date | None:
    return min(map(attrgetter(attribute), items), default=None)


def earliest_entry(journal: Journal, activity: Activity | None = None) -> date | None:
    """The date of the first entry (of ``activity``, or of anything in the journal).

    The daily logs' first dates come from ``Journal.first_dated`` and ``first_dates``:
    exact even when the store read only the months a command shows."""
    activities = journal.activities if activity is None else [activity]
    found: list[date | None] = []
    if activity is None:
        found += [
            journal.first_dated(),
            _first(journal.flareups, "started"),
            _first(journal.redflag_checks, "checked_on"),
            _first(journal.thoughts),
        ]
    else:
        firsts = journal.first_dates()
        wanted = activity.name.casefold()
        found.append(
            min((day for name, day in firsts.records.items() if name.casefold() == wanted),
                default=None)
        )  # fmt: skip
    for item in activities:
        for baseline in [item.baseline, *item.past_baselines]:
            if baseline is not None:
                found.append(_first(baseline.days))
        found.append(_first(item.levels))
    return min((day for day in found if day is not None), default=None)


# -- levels ----------------------------------------------------------------------------
@plain(frozen=True)
class LevelStep:
    """One change of level, with how long that level was (or has been) in force."""

    date: date
    from_level: float | None
    to_level: float
    reason: str
    words: str
    hold_days: int
    note: str | None
    days: int  # days in force: until the next change, or up to and including today
    current: bool  # the level in force today

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "from": self.from_level,
            "to": self.to_level,
            "reason": self.reason,
            "reason_words": self.words,
            "hold_days": self.hold_days,
            "note": self.note,
            "days": self.days,
            "current": self.current,
        }


def _sorted_levels(activity: Activity) -> list[LevelEvent]:
    return sorted(activity.levels, key=lambda e: e.date)  # stable: same-day order kept


def level_timeline(activity: Activity, today: date) -> list[LevelStep]:
    """Every level change of ``activity``, oldest first, with the days each was in force."""
    events = _sorted_levels(activity)
    in_force = level_event_on(activity, today)
    steps = []
    for index, event in enumerate(events):
        if index + 1 < len(events):
            days = (events[index + 1].date - event.date).days
        else:
            days = max((today - event.date).days + 1, 0)
        steps.append(
            LevelStep(
                date=event.date,
                from_level=event.from_level,
                to_level=event.to_level,
                reason=event.reason,
                words=reason_words(event.reason),
                hold_days=event.hold_days,
                note=event.note,
                days=days,
                current=event is in_force,
            )
        )
    return steps


def climb(journal: Journal, name: str, today: date) -> list[LevelStep]:
    """The whole climb of one activity so far (``plan show --all``)."""
    return level_timeline(get_activity(journal, name), today)


def _levels_by_day(activity: Activity, days: list[date]) -> list[float | None]:
    """The level in force on each of ``days`` (ascending), in one walk over the changes."""
    events = _sorted_levels(activity)
    levels: list[float | None] = []
    index = 0
    current: float | None = None
    for day in days:
        while index < len(events) and events[index].date <= day:
            current = events[index].to_level
            index += 1
        levels.append(current)
    return levels


# -- days ------------------------------------------------------------------------------
@plain(frozen=True)
class DayPoint:
    """One day of an activity: what was done against the level in force."""

    date: date
    amount: float  # the day's total (0 when nothing was logged)
    logged: bool
    level: float | None  # None before a plan started
    met: bool | None  # None without a level
    flareup: bool  # a flare-up was active that day
    pain: float | None  # the mean of the day's pain scores

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "amount": self.amount,
            "logged": self.logged,
            "level": self.level,
            "met": self.met,
            "flareup": self.flareup,
            "pain": self.pain,
        }


def flareup_days(journal: Journal, window: Window, today: date) -> set[date]:
    """The days of ``window`` on which a flare-up was active."""
    found: set[date] = set()
    for flare in journal.flareups:
        first = max(flare.started, window.first)
        last = min(flare.ended or today, window.last)
        day = first
        while day <= last:
            found.add(day)
            day += timedelta(days=1)
    return found


def pain_by_day(journal: Journal, window: Window) -> dict[date, list[int]]:
    """The pain scores of each day in ``window`` (days without a score are left out)."""
    scores: dict[date, list[int]] = defaultdict(list)
    for entry in journal.pain:
        if window.first <= entry.date <= window.last:
            scores[entry.date].append(entry.score)
    return scores


def day_totals(journal: Journal, window: Window) -> dict[str, dict[date, float]]:
    """Day totals of every activity in ``window``, in one pass over the records."""
    totals: dict[str, dict[date, float]] = defaultdict(lambda: defaultdict(float))
    for record in journal.records:
        if window.first <= record.date <= window.last:
            totals[record.activity.casefold()][record.date] += record.amount
    return totals


def day_points(
    journal: Journal,
    activity: Activity,
    window: Window,
    today: date,
    *,
    totals: dict[date, float] | None = None,
    pain: dict[date, list[int]] | None = None,
    flares: set[date] | None = None,
) -> list[DayPoint]:
    """Every day of ``window`` for ``activity`` (the optional maps spare repeated passes)."""
    if totals is None:
        totals = day_totals(journal, window).get(activity.name.casefold(), {})
    pain = pain_by_day(journal, window) if pain is None else pain
    flares = flareup_days(journal, window, today) if flares is None else flares
    days = list(window.dates())
    points = []
    for day, level in zip(days, _levels_by_day(activity, days), strict=True):
        logged = day in totals
        amount = clean_number(totals.get(day, 0.0))
        scores = pain.get(day)
        points.append(
            DayPoint(
                date=day,
                amount=amount,
                logged=logged,
                level=level,
                met=None if level is None else met(amount, level),
                flareup=day in flares,
                pain=round(sum(scores) / len(scores), 1) if scores else None,
            )
        )
    return points


# -- weeks -----------------------------------------------------------------------------
@plain(frozen=True)
class WeekRow:
    """One Monday week of an activity (only its days inside the window count)."""

    week_start: date
    first: date
    last: date
    days: int
    level: float | None  # in force on the week's last day shown
    levels: list[float]  # every level in force that week, in order
    days_logged: int
    days_planned: int  # days with a level in force
    days_met: int
    total: float
    flareup_days: int
    pain_mean: float | None
    pain_min: int | None
    pain_max: int | None
    pain_days: int

    def to_json(self) -> dict[str, Any]:
        return {
            "week_start": self.week_start.isoformat(),
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "days": self.days,
            "level": self.level,
            "levels": list(self.levels),
            "days_logged": self.days_logged,
            "days_planned": self.days_planned,
            "days_met": self.days_met,
            "total": self.total,
            "flareup_days": self.flareup_days,
            "pain_mean": self.pain_mean,
            "pain_min": self.pain_min,
            "pain_max": self.pain_max,
            "pain_days": self.pain_days,
        }


def pain_stats(
    days: Iterable[date], pain: dict[date, list[int]]
) -> tuple[float | None, int | None, int | None, int]:
    """Mean (of daily means, to 0.1), lowest and highest score, and days scored."""
    means: list[float] = []
    low: int | None = None
    high: int | None = None
    for day in days:
        scores = pain.get(day)
        if not scores:
            continue
        means.append(sum(scores) / len(scores))
        low = min(scores) if low is None else min(low, *scores)
        high = max(scores) if high is None else max(high, *scores)
    return _mean(means), low, high, len(means)


def weekly_rows(
    points: list[DayPoint], window: Window, pain: dict[date, list[int]]
) -> list[WeekRow]:
    """The weekly table from the days of ``window`` (``points`` in date order)."""
    by_day = {p.date: p for p in points}
    rows = []
    for week_start, first, last in window.weeks():
        week = [by_day[first + timedelta(days=i)] for i in range((last - first).days + 1)]
        levels: list[float] = []
        for point in week:
            if point.level is not None and (not levels or levels[-1] != point.level):
                levels.append(point.level)
        mean, low, high, scored = pain_stats((p.date for p in week), pain)
        rows.append(
            WeekRow(
                week_start=week_start,
                first=first,
                last=last,
                days=len(week),
                level=week[-1].level,
                levels=levels,
                days_logged=sum(p.logged for p in week),
                days_planned=sum(p.level is not None for p in week),
                days_met=sum(bool(p.met) for p in week),
                total=clean_number(sum(p.amount for p in week)),
                flareup_days=sum(p.flareup for p in week),
                pain_mean=mean,
                pain_min=low,
                pain_max=high,
                pain_days=scored,
            )
        )
    return rows


# -- the chart's data ------------------------------------------------------------------
@plain(frozen=True)
class Segment:
    """A piece of the step line: one level held from ``first`` to ``last``."""

    first: date
    last: date
    level: float

    def to_json(self) -> dict[str, Any]:
        return {"from": self.first.isoformat(), "to": self.last.isoformat(), "level": self.level}


@plain(frozen=True)
class Span:
    """Consecutive marked days (flare-up days)."""

    first: date
    last: date

    def to_json(self) -> dict[str, Any]:
        return {"from": self.first.isoformat(), "to": self.last.isoformat()}


@plain(frozen=True)
class Chart:
    """What a chart of an activity shows: daily amounts (bars), the level in force (a step
    line), flare-up days (marks) and the day's pain (a second panel on the same dates)."""

    unit: str
    first: date
    last: date
    days: list[DayPoint]
    steps: list[Segment]
    flareups: list[Span]
    top: float  # the highest amount or level shown (0 when nothing)

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "top": self.top,
            "days": [p.to_json() for p in self.days],
            "steps": [s.to_json() for s in self.steps],
            "flareups": [s.to_json() for s in self.flareups],
        }


def _segments(points: list[DayPoint]) -> list[Segment]:
    found: list[Segment] = []
    for point in points:
        if point.level is None:
            continue
        last = found[-1] if found else None
        if (
            last is not None
            and last.level == point.level
            and last.last + timedelta(days=1) == point.date
        ):
            found[-1] = Segment(last.first, point.date, last.level)
        else:
            found.append(Segment(point.date, point.date, point.level))
    return found


def _spans(days: Iterable[date]) -> list[Span]:
    found: list[Span] = []
    for day in sorted(days):
        if found and found[-1].last + timedelta(days=1) == day:
            found[-1] = Span(found[-1].first, day)
        else:
            found.append(Span(day, day))
    return found


def _chart(unit: str, window: Window, points: list[DayPoint]) -> Chart:
    top = max([p.amount for p in points] + [p.level or 0.0 for p in points], default=0.0)
    return Chart(
        unit=unit,
        first=window.first,
        last=window.last,
        days=points,
        steps=_segments(points),
        flareups=_spans(p.date for p in points if p.flareup),
        top=top,
    )


# -- one activity ----------------------------------------------------------------------
@plain(frozen=True)
class LevelSpell:
    """How many days of the window a level was in force."""

    level: float
    days: int

    def to_json(self) -> dict[str, Any]:
        return {"level": self.level, "days": self.days}


def _spells(points: list[DayPoint]) -> list[LevelSpell]:
    counts: dict[float, int] = {}
    for point in points:
        if point.level is not None:
            counts[point.level] = counts.get(point.level, 0) + 1
    return [LevelSpell(level, days) for level, days in counts.items()]


def percent_of_way(start: float | None, now: float | None, target: float | None) -> int | None:
    """How far from the starting level to the target the level now is, 0-100."""
    if start is None or now is None or target is None:
        return None
    if target <= start:
        return 100 if now >= target else 0
    share = (now - start) / (target - start) * 100
    if not math.isfinite(share):  # a tiny gap (e.g. 5e-324) overflows the division
        return 100 if share > 0 else 0
    return max(0, min(100, round(share)))


def _baseline_average(activity: Activity) -> float | None:
    from backskills.domain.baseline import summarise

    for baseline in [activity.baseline, *reversed(activity.past_baselines)]:
        if baseline is None:
            continue
        summary = summarise(activity, baseline)
        if summary.complete:
            return summary.average
    return None


@plain
class ActivityHistory:
    """``backskills history ACTIVITY``: timeline, weekly table and chart for one window."""

    activity: str
    unit: str
    window: Window
    baseline_average: float | None
    start_level: float | None  # the plan's starting level
    level_now: float | None
    target: float | None
    percent: int | None
    timeline: list[LevelStep]  # changes in the window, and the one in force when it opens
    weeks: list[WeekRow]
    chart: Chart
    spells: list[LevelSpell]
    days_logged: int = 0
    days_planned: int = 0
    days_met: int = 0
    total: float = 0.0
    earlier_changes: int = 0  # level changes before the window (not in ``timeline``)

    def to_json(self) -> dict[str, Any]:
        return {
            "activity": self.activity,
            "unit": self.unit,
            "window": self.window.to_json(),
            "baseline_average": self.baseline_average,
            "start_level": self.start_level,
            "level_now": self.level_now,
            "target": self.target,
            "percent_of_way": self.percent,
            "days_logged": self.days_logged,
            "days_planned": self.days_planned,
            "days_met": self.days_met,
            "total": self.total,
            "earlier_changes": self.earlier_changes,
            "timeline": [s.to_json() for s in self.timeline],
            "weeks": [w.to_json() for w in self.weeks],
            "levels": [s.to_json() for s in self.spells],
            "chart": self.chart.to_json(),
        }


FLAREUP_TOPICS = ("flareups", "flare-ups")


def history_window(
    journal: Journal,
    what: str | None,
    today: date,
    *,
    weeks: int | None = None,
    start: date | None = None,
    end: date | None = None,
) -> Window:
    """The days ``history [what]`` shows (``what``: an activity, ``pain``, ``flareups``, or
    None for the overview): ``resolve_window`` from the first entry of what is shown."""
    topic = what.casefold() if what is not None else None
    if topic is None:
        earliest = earliest_entry(journal)
    elif topic == "pain":
        earliest = journal.first_dates().pain
    elif topic in FLAREUP_TOPICS:
        earliest = min((f.started for f in journal.flareups), default=None)
    else:
        assert what is not None
        earliest = earliest_entry(journal, get_activity(journal, what))
    return resolve_window(earliest, today, weeks=weeks, start=start, end=end)


def _in_window(steps: list[LevelStep], window: Window) -> tuple[list[LevelStep], int]:
    """The changes inside the window plus the one in force on its first day."""
    before = [s for s in steps if s.date < window.first]
    inside = [s for s in steps if window.first <= s.date <= window.last]
    opening = before[-1:] if before else []
    return opening + inside, max(len(before) - 1, 0)


def activity_history(
    journal: Journal,
    name: str,
    today: date,
    *,
    weeks: int | None = None,
    start: date | None = None,
    end: date | None = None,
) -> ActivityHistory:
    """Everything ``history ACTIVITY`` shows, for the window the options choose."""
    activity = get_activity(journal, name)
    window = history_window(journal, name, today, weeks=weeks, start=start, end=end)
    pain = pain_by_day(journal, window)
    points = day_points(journal, activity, window, today, pain=pain)
    timeline, earlier = _in_window(level_timeline(activity, today), window)
    plan = activity.plan
    level_now = current_level(activity, today)
    start_level = plan.start if plan is not None else None
    target = plan.target if plan is not None else None
    return ActivityHistory(
        activity=activity.name,
        unit=activity.unit,
        window=window,
        baseline_average=_baseline_average(activity),
        start_level=start_level,
        level_now=level_now,
        target=target,
        percent=percent_of_way(start_level, level_now, target),
        timeline=timeline,
        weeks=weekly_rows(points, window, pain),
        chart=_chart(activity.unit, window, points),
        spells=_spells(points),
        days_logged=sum(p.logged for p in points),
        days_planned=sum(p.level is not None for p in points),
        days_met=sum(bool(p.met) for p in points),
        total=clean_number(sum(p.amount for p in points)),
        earlier_changes=earlier,
    )


# -- pain ------------------------------------------------------------------------------
@plain(frozen=True)
class PainDay:
    date: date
    mean: float
    scores: list[int]

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "mean": self.mean, "scores": list(self.scores)}


@plain(frozen=True)
class PainWeek:
    """A Monday week of pain scores (only its days inside the window count)."""

    week_start: date
    first: date
    last: date
    mean: float | None
    low: int | None
    high: int | None
    days_scored: int

    def to_json(self) -> dict[str, Any]:
        return {
            "week_start": self.week_start.isoformat(),
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "mean": self.mean,
            "min": self.low,
            "max": self.high,
            "days_scored": self.days_scored,
        }


def pain_weeks(window: Window, pain: dict[date, list[int]]) -> list[PainWeek]:
    """Weekly pain means and ranges over ``window``."""
    rows = []
    for week_start, first, last in window.weeks():
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        mean, low, high, scored = pain_stats(days, pain)
        rows.append(PainWeek(week_start, first, last, mean, low, high, scored))
    return rows


@plain
class PainHistory:
    """``backskills history pain``: every scored day and the weekly means."""

    window: Window
    days: list[PainDay]
    weeks: list[PainWeek]
    flareups: list[Span]
    mean: float | None  # over the scored days of the window
    points: list[DayPoint] = field(default_factory=list)  # every day, for a chart

    def to_json(self) -> dict[str, Any]:
        return {
            "window": self.window.to_json(),
            "mean": self.mean,
            "days": [d.to_json() for d in self.days],
            "weeks": [w.to_json() for w in self.weeks],
            "flareups": [s.to_json() for s in self.flareups],
        }


def pain_history(
    journal: Journal,
    today: date,
    *,
    weeks: int | None = None,
    start: date | None = None,
    end: date | None = None,
) -> PainHistory:
    window = history_window(journal, "pain", today, weeks=weeks, start=start, end=end)
    pain = pain_by_day(journal, window)
    days = [
        PainDay(day, round(sum(scores) / len(scores), 1), scores)
        for day, scores in sorted(pain.items())
    ]
    flares = flareup_days(journal, window, today)
    means = {d.date: d.mean for d in days}
    points = [
        DayPoint(day, 0.0, False, None, None, day in flares, means.get(day))
        for day in window.dates()
    ]
    return PainHistory(
        window=window,
        days=days,
        weeks=pain_weeks(window, pain),
        flareups=_spans(flares),
        mean=_mean([sum(s) / len(s) for s in pain.values()]),
        points=points,
    )


# -- flare-ups -------------------------------------------------------------------------
@plain
class FlareUpHistory:
    """``backskills history flareups``: the flare-ups that touch the window."""

    window: Window
    episodes: list[Episode]

    def to_json(self) -> dict[str, Any]:
        return {
            "window": self.window.to_json(),
            "flareups": [episode.to_json() for episode in self.episodes],
        }


def flareup_history(
    journal: Journal,
    today: date,
    *,
    weeks: int | None = None,
    start: date | None = None,
    end: date | None = None,
) -> FlareUpHistory:
    from backskills.domain.flareups import episodes

    window = history_window(journal, "flareups", today, weeks=weeks, start=start, end=end)
    return FlareUpHistory(
        window,
        [
            e
            for e in episodes(journal, today)
            if e.flare.started <= window.last and (e.flare.ended or today) >= window.first
        ],
    )


# -- goals -----------------------------------------------------------------------------
@plain(frozen=True)
class GoalLine:
    """A goal as history shows it: achieved (with the date) or active (how far along)."""

    id: int
    title: str
    status: str
    created: date
    deadline: date
    ended: date | None
    steps_done: int
    steps_total: int
    activity: str | None
    unit: str | None
    level: float | None  # the tied activity's level now
    target: float | None
    percent: int | None  # of the way from the plan's start to the target

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "status": self.status,
            "created": self.created.isoformat(),
            "deadline": self.deadline.isoformat(),
            "ended": _iso(self.ended),
            "steps_done": self.steps_done,
            "steps_total": self.steps_total,
            "activity": self.activity,
            "unit": self.unit,
            "level": self.level,
            "target": self.target,
            "percent_of_way": self.percent,
        }


def goal_line(journal: Journal, goal: Goal, today: date) -> GoalLine:
    from backskills.domain.activities import find_activity

    activity = find_activity(journal, goal.activity) if goal.activity else None
    level = current_level(activity, today) if activity is not None else None
    start = activity.plan.start if activity is not None and activity.plan is not None else None
    return GoalLine(
        id=goal.id,
        title=goal.title,
        status=goal.status,
        created=goal.created,
        deadline=goal.deadline,
        ended=goal.ended,
        steps_done=sum(step.done for step in goal.steps),
        steps_total=len(goal.steps),
        activity=activity.name if activity is not None else goal.activity,
        unit=activity.unit if activity is not None else goal.unit,
        level=level,
        target=goal.target,
        percent=percent_of_way(start, level, goal.target) if level is not None else None,
    )


def goal_lines(journal: Journal, today: date, *, dropped: bool = False) -> list[GoalLine]:
    """Achieved goals (oldest first) then active ones; dropped ones only when asked."""
    wanted = ("achieved", "active", "dropped") if dropped else ("achieved", "active")
    order = {status: n for n, status in enumerate(wanted)}
    chosen = [g for g in journal.goals if g.status in order]
    chosen.sort(key=lambda g: (order[g.status], g.ended or g.deadline, g.id))
    return [goal_line(journal, g, today) for g in chosen]


# -- the overview ----------------------------------------------------------------------
@plain(frozen=True)
class ActivityLine:
    """One activity in the overview: baseline → start → now → target, and days per level."""

    activity: str
    unit: str
    baseline_average: float | None
    start_level: float | None
    level_now: float | None
    target: float | None
    percent: int | None
    spells: list[LevelSpell]
    days_logged: int
    total: float

    def to_json(self) -> dict[str, Any]:
        return {
            "activity": self.activity,
            "unit": self.unit,
            "baseline_average": self.baseline_average,
            "start_level": self.start_level,
            "level_now": self.level_now,
            "target": self.target,
            "percent_of_way": self.percent,
            "levels": [s.to_json() for s in self.spells],
            "days_logged": self.days_logged,
            "total": self.total,
        }


@plain
class Overview:
    """``backskills history``: every activity, the pain trend and the goals."""

    window: Window
    activities: list[ActivityLine] = field(default_factory=list)
    pain: list[PainWeek] = field(default_factory=list)
    goals: list[GoalLine] = field(default_factory=list)
    flareups: list[Span] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "window": self.window.to_json(),
            "activities": [a.to_json() for a in self.activities],
            "pain_weeks": [w.to_json() for w in self.pain],
            "flareups": [s.to_json() for s in self.flareups],
            "goals": [g.to_json() for g in self.goals],
        }


def overview(
    journal: Journal,
    today: date,
    *,
    weeks: int | None = None,
    start: date | None = None,
    end: date | None = None,
) -> Overview:
    window = history_window(journal, None, today, weeks=weeks, start=start, end=end)
    pain = pain_by_day(journal, window)
    flares = flareup_days(journal, window, today)
    totals = day_totals(journal, window)
    view = Overview(window=window, pain=pain_weeks(window, pain), flareups=_spans(flares))
    for activity in journal.activities:
        mine = totals.get(activity.name.casefold(), {})
        if activity.plan is None and not mine:
            continue
        points = day_points(journal, activity, window, today, totals=mine, pain=pain, flares=flares)
        plan = activity.plan
        level_now = current_level(activity, today)
        start_level = plan.start if plan is not None else None
        target = plan.target if plan is not None else None
        view.activities.append(
            ActivityLine(
                activity=activity.name,
                unit=activity.unit,
                baseline_average=_baseline_average(activity),
                start_level=start_level,
                level_now=level_now,
                target=target,
                percent=percent_of_way(start_level, level_now, target),
                spells=_spells(points),
                days_logged=sum(p.logged for p in points),
                total=clean_number(sum(p.amount for p in points)),
            )
        )
    view.goals = goal_lines(journal, today)
    return view
