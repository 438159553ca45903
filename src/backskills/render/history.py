"""Rendering of ``backskills history`` and ``backskills summary``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from backskills import render
from backskills.domain.activities import arg, describe
from backskills.domain.units import fmt
from backskills.render import chart as charts

if TYPE_CHECKING:
    from backskills.domain.flareups import Episode
    from backskills.domain.history import (
        ActivityHistory,
        GoalLine,
        LevelSpell,
        Overview,
        PainHistory,
        PainWeek,
        Window,
    )
    from backskills.domain.summary import Summary


def _day(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _length(days: int) -> str:
    """'2 weeks', '1 week 3 days', '5 days'."""
    weeks, rest = divmod(days, 7)
    parts = []
    if weeks:
        parts.append(_plural(weeks, "week"))
    if rest or not weeks:
        parts.append(_plural(rest, "day"))
    return " ".join(parts)


def _glyphs() -> charts.Glyphs:
    return charts.glyphs_for(render.out().encoding)


def _to() -> str:
    """The arrow between two levels, in the characters the terminal can show."""
    return f" {_glyphs().arrow} "


def _print_lines(lines: Sequence[charts.Line]) -> None:
    for line in lines:
        render.out().print(render.text(*line), soft_wrap=True, overflow="ignore", crop=False)


def _chart_allowed(no_chart: bool, note: bool = True) -> bool:
    if no_chart:
        return False
    if render.out().width < charts.MIN_WIDTH:
        if not note:
            return False
        render.say(
            (
                f"(The chart needs a screen {charts.MIN_WIDTH} columns wide; the table above "
                "has its numbers.)",
                "dim",
            )
        )
        return False
    return True


def _window_note(window: Window, command: str) -> None:
    if window.capped and window.earliest is not None:
        render.say(
            (
                f"Showing the last 12 weeks; your entries go back to "
                f"{window.earliest.isoformat()}. See more with: {command} --from "
                f"{window.earliest.isoformat()} (or --weeks N)",
                "dim",
            )
        )


def _spells(spells: Sequence[LevelSpell], unit: str) -> str:
    return ", ".join(f"{fmt(s.level)} for {_length(s.days)}" for s in spells) + f" ({unit})"


def _pain_text(mean: float | None, low: int | None, high: int | None) -> str:
    if mean is None:
        return "-"
    return f"{fmt(mean)} ({low}-{high})" if low != high else fmt(mean)


# -- history ACTIVITY ------------------------------------------------------------------
def activity(result: ActivityHistory, no_chart: bool = False) -> None:
    unit = result.unit
    window = result.window
    render.say(
        (f"{result.activity}: ", "bold"),
        f"your history from {window.first.isoformat()} to {window.last.isoformat()} ({unit}).",
    )
    _window_note(window, f"backskills history {arg(result.activity)}")
    path = []
    if result.baseline_average is not None:
        path.append(f"Baseline average {fmt(result.baseline_average)}")
    if result.start_level is not None:
        path.append(f"{'started' if path else 'Started'} at {fmt(result.start_level)}")
    if result.level_now is not None:
        path.append(f"now {fmt(result.level_now)}")
    if result.target is not None:
        path.append(f"target {fmt(result.target)}")
    if path:
        way = f": {result.percent}% of the way" if result.percent is not None else ""
        render.say(_to().join(path) + f" {unit}{way}.")
    if result.days_planned:
        render.say(
            f"In these days: met your level on {result.days_met} of {result.days_planned} "
            f"planned days, {describe(result.total, unit)} in all."
        )
    elif result.days_logged:
        render.say(
            f"In these days: {_plural(result.days_logged, 'day')} logged, "
            f"{describe(result.total, unit)} in all. There is no plan yet."
        )
    else:
        render.say("Nothing logged in these days.")
    if result.timeline:
        render.say("")
        render.say(("Level changes", "bold"))
        if result.earlier_changes:
            render.say(f"({_plural(result.earlier_changes, 'earlier change')} before these dates.)")
        for step in result.timeline:
            change = (
                f"{fmt(step.from_level)}{_to()}{fmt(step.to_level)}"
                if step.from_level is not None
                else fmt(step.to_level)
            )
            held = f"{_length(step.days)} so far" if step.current else _length(step.days)
            render.say(f"- {step.date.isoformat()}: {change} {unit}, {step.words}; held {held}.")
    render.say("")
    render.table(
        ["week of", "level", "logged", "met", "total", "pain (range)", "flare-up"],
        [
            (
                w.week_start.isoformat(),
                "-" if not w.levels else _to().join(fmt(level) for level in w.levels),
                f"{w.days_logged}/{w.days}",
                f"{w.days_met}/{w.days}" if w.days_planned else "-",
                fmt(w.total),
                _pain_text(w.pain_mean, w.pain_min, w.pain_max),
                f"{_plural(w.flareup_days, 'day')}" if w.flareup_days else "-",
            )
            for w in result.weeks
        ],
        title=f"Weeks from Monday ({unit}; met and logged: days of the week shown)",
    )
    if _chart_allowed(no_chart):
        render.say("")
        _print_lines(charts.activity_chart(result.chart, render.out().width, _glyphs()))


# -- history (overview) ----------------------------------------------------------------
def _goal(goal: GoalLine) -> str:
    if goal.status == "achieved":
        return f"achieved on {_day(goal.ended)}: {goal.title}"
    parts = []
    if goal.steps_total:
        parts.append(f"{goal.steps_done} of {goal.steps_total} steps done")
    if goal.level is not None and goal.target is not None:
        way = f", {goal.percent}% of the way" if goal.percent is not None else ""
        parts.append(
            f"{goal.activity} at {fmt(goal.level)} of {describe(goal.target, goal.unit or '')}{way}"
        )
    detail = f" ({'; '.join(parts)})" if parts else ""
    return f"active, by {goal.deadline.isoformat()}: {goal.title}{detail}"


def pain_weeks(weeks: Sequence[PainWeek], no_chart: bool) -> None:
    if not any(w.mean is not None for w in weeks):
        render.say("No pain scores in these days. Add one with: backskills pain 4")
        return
    if no_chart or render.out().width < charts.MIN_WIDTH:
        render.table(
            ["week of", "mean", "range", "days scored"],
            [
                (
                    w.week_start.isoformat(),
                    "-" if w.mean is None else fmt(w.mean),
                    "-" if w.low is None else f"{w.low}-{w.high}",
                    w.days_scored,
                )
                for w in weeks
            ],
        )
        return
    _print_lines(charts.pain_week_chart(weeks, _glyphs()))


def overview(view: Overview, no_chart: bool = False) -> None:
    window = view.window
    render.say(
        ("Your history ", "bold"),
        f"from {window.first.isoformat()} to {window.last.isoformat()}.",
    )
    _window_note(window, "backskills history")
    if not view.activities and not view.goals and not any(w.mean is not None for w in view.pain):
        render.say(
            "Nothing recorded yet. Start with a baseline: backskills baseline log walking 10"
        )
        return
    if view.activities:
        render.say("")
        render.say(("Activities", "bold"), f" (baseline{_to()}start{_to()}now{_to()}target)")
        for line in view.activities:
            if line.level_now is None and line.start_level is None:
                render.say(
                    f"- {line.activity}: {_plural(line.days_logged, 'day')} logged, "
                    f"{describe(line.total, line.unit)} in all; no plan."
                )
                continue
            path = _to().join(
                "-" if value is None else fmt(value)
                for value in (line.baseline_average, line.start_level, line.level_now, line.target)
            )
            way = f", {line.percent}% of the way" if line.percent is not None else ""
            render.say(f"- {line.activity}: {path} {line.unit}{way}.")
            if line.spells:
                render.say(f"  Time at each level: {_spells(line.spells, line.unit)}.")
        render.say(f"Details: backskills history {arg(view.activities[0].activity)}")
    render.say("")
    render.say(("Pain", "bold"), " (weekly mean and range, 0-10)")
    pain_weeks(view.pain, no_chart)
    if view.flareups:
        spans = ", ".join(
            s.first.isoformat()
            if s.first == s.last
            else f"{s.first.isoformat()} to {s.last.isoformat()}"
            for s in view.flareups
        )
        render.say(f"Flare-ups: {spans}. More: backskills history flareups")
    if view.goals:
        render.say("")
        render.say(("Goals", "bold"))
        render.bullet_list(_goal(goal) for goal in view.goals)


# -- history pain / flareups -----------------------------------------------------------
def pain(result: PainHistory, no_chart: bool = False) -> None:
    window = result.window
    render.say(
        ("Your pain scores ", "bold"),
        f"from {window.first.isoformat()} to {window.last.isoformat()} (0 none, 10 worst).",
    )
    _window_note(window, "backskills history pain")
    if not result.days:
        render.say("No pain scores in these days. Add one with: backskills pain 4")
        return
    render.say(
        f"{_plural(len(result.days), 'day')} scored; the mean of those days is "
        f"{fmt(result.mean or 0)}."
    )
    if _chart_allowed(no_chart, note=False):
        _print_lines(charts.pain_day_chart(result.points, render.out().width, _glyphs()))
        render.say("")
    render.say(("By week", "bold"), " (mean and range)")
    pain_weeks(result.weeks, no_chart)
    if result.flareups:
        render.say(
            "Flare-ups in these days: "
            + ", ".join(f"{s.first.isoformat()} to {s.last.isoformat()}" for s in result.flareups)
            + "."
        )
    render.more("fluctuations")


def flareups(rows: Sequence[Episode], window: Window) -> None:
    from backskills.render import safety

    render.say(
        ("Flare-ups ", "bold"),
        f"from {window.first.isoformat()} to {window.last.isoformat()}.",
    )
    if not rows:
        render.say("None in these days.")
    else:
        safety.flareup_history(rows)
    render.say("Every flare-up, with what helped: backskills flareup history")


# -- summary ---------------------------------------------------------------------------
def summary(result: Summary) -> None:
    window = result.window
    render.say(
        (f"Your summary: the last {_plural(result.weeks, 'week')}", "bold"),
        f" ({window.first.isoformat()} to {window.last.isoformat()}).",
    )
    render.say("")
    render.say(("What went well", "bold"))
    render.bullet_list(result.praise)
    if result.activities:
        render.say("")
        render.say(("Activities", "bold"))
        for item in result.activities:
            unit = item.unit
            start = "-" if item.level_start is None else fmt(item.level_start)
            now = "-" if item.level_now is None else fmt(item.level_now)
            target = "" if item.target is None else f" (target {fmt(item.target)})"
            render.say(
                f"- {item.activity}: {start}{_to()}{now} {unit}{target}, "
                f"{_plural(item.step_ups, 'step')} up"
                + (
                    f" and {_plural(item.catch_ups, 'catch-up step')} after a flare-up."
                    if item.catch_ups
                    else "."
                )
            )
            if item.adherence is not None:
                render.say(
                    f"  Met on {item.days_met} of {item.days_planned} planned days "
                    f"({item.adherence}%)."
                    + (
                        f" {_plural(item.flareup_days, 'flare-up day')} not counted."
                        if item.flareup_days
                        else ""
                    )
                )
    render.say("")
    render.say(("Pain", "bold"))
    render.say(result.pain.words if result.pain is not None else "No pain scores in these weeks.")
    if result.goals_achieved or result.goals_active:
        render.say("")
        render.say(("Goals", "bold"))
        render.bullet_list(_goal(goal) for goal in [*result.goals_achieved, *result.goals_active])
    render.say("")
    render.say(("Also", "bold"))
    if result.flareups:
        lengths = ", ".join(
            f"{f.started.isoformat()} ({_plural(f.days, 'day')}"
            + ("" if f.ended else ", still going")
            + (f"; trigger noted: {f.trigger}" if f.trigger else "")
            + ")"
            for f in result.flareups
        )
        render.say(f"- Flare-ups: {len(result.flareups)}: {lengths}.")
    else:
        render.say("- Flare-ups: none.")
    if result.checks:
        render.say(
            "- Red-flag checks: "
            + "; ".join(
                f"{c.date.isoformat()} {c.words}"
                + (" (entered by mistake, not counted)" if c.entered_by_mistake else "")
                for c in result.checks
            )
        )
    else:
        render.say("- Red-flag checks: none in these weeks ('backskills redflags' checks again).")
    for line in result.pacing:
        render.say(
            f"- Pacing {line.activity}: {_plural(line.days_logged, 'day')} logged, "
            f"{line.days_within} within your planned spell, {line.days_over} over."
        )
    render.say(
        f"- Relaxation: {_plural(result.relaxation_sessions, 'session')}"
        + (
            f" on {_plural(result.relaxation_days, 'day')}, "
            f"{describe(result.relaxation_minutes, 'minutes')}."
            if result.relaxation_sessions
            else "."
        )
    )
    render.say(f"- Thought records: {result.thought_records}.")
    render.say("See the weeks in detail: backskills history")
