"""Rendering of check-ins (``backskills checkin``, ``checkin show|list|tests``)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from backskills import render
from backskills.domain.units import fmt

if TYPE_CHECKING:
    from collections.abc import Iterable

    from backskills.domain.checkins import Comparison, KnownTest, Reminder, Schedule, Summary
    from backskills.models.checkin import ExerciseTest

SCALE = "0 = cannot do it, 10 = as well as before your back problem"


def _day(value: date | str) -> str:
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day:%A} {day.day} {day:%B %Y}"


def _week(week: int | None) -> str:
    return f", week {week}" if week else ""


def next_due(plan: Schedule) -> None:
    if plan.next_due is None:
        render.say("Your first check-in will be due in your first week of using backskills.")
        return
    when = _day(plan.next_due)
    week = _week(plan.next_week).lstrip(", ")
    label = f" ({week})" if week else ""
    if plan.due:
        late = f", {plan.days_overdue} days ago" if plan.days_overdue > 1 else ""
        render.say(
            (f"Check-in {plan.next_number} is due", "bold"),
            f": since {when}{label}{late}. Run 'backskills checkin' when you have 5 minutes.",
        )
    else:
        render.say(f"Next check-in (number {plan.next_number}): due {when}{label}.")


def reminder(due: Reminder) -> None:
    """The one line on the home screen while a check-in is due."""
    which = "Your first check-in" if due.number == 1 else f"Check-in {due.number}"
    week = f" (week {due.week})" if due.week else ""
    if due.due_since is None or due.days_overdue is None:
        when = "is due"
    elif due.days_overdue == 0:
        when = "is due today"
    else:
        when = f"has been due since {due.due_since.day} {due.due_since:%B}"
    what = (
        "a few questions (leave the exercise tests until your red-flag check has been looked at)"
        if due.tests_on_hold
        else "a few questions and your tests, about 5 minutes"
    )
    render.say((f"{which}{week} {when}", "bold"), f": {what}. Run: backskills checkin")


def class_start_set(start: date, plan: Schedule) -> None:
    render.say(f"Class start saved: {_day(start)}. Check-ins are timed from it.")
    next_due(plan)


def _checkin_body(saved: dict[str, Any]) -> None:
    render.say(
        f"Pain over the last 7 days: average {saved['pain_average']}, worst "
        f"{saved['pain_worst']} (0-10)."
    )
    render.say((f"Activities (PSFS, {SCALE}):", "bold"))
    for rating in saved["psfs"]:
        render.say(f"- {rating['activity']}: {rating['score']}")
    if saved["psfs_mean"] is not None:
        count = len(saved["psfs"])
        mean = f"{saved['psfs_mean']:.1f}"
        render.say(
            f"PSFS score: {mean} (the mean of {count} activit{'y' if count == 1 else 'ies'})."
        )
    render.say(("Exercise tests:", "bold"))
    for result in saved["tests"]:
        if result["result"] is None:
            render.say(f"- {result['name']}: not done today ({result['not_done']})")
        else:
            render.say(f"- {result['name']}: {fmt(result['result'])} {result['unit']}")
    if saved["change"]:
        render.say(f"Compared with your first check-in: {saved['change'].replace('-', ' ')}.")
    if saved["note"]:
        render.say(("Note: ", "bold"), saved["note"])


def saved(saved: dict[str, Any], comparison: Comparison | None, plan: Schedule) -> None:
    render.say(
        (f"Check-in {saved['number']} saved", "bold"),
        f" ({saved['entry_id']}): {_day(saved['date'])}{_week(saved['week'])}.",
    )
    _checkin_body(saved)
    if comparison is not None:
        render.say("")
        show_comparison(comparison)
    render.say("")
    next_due(plan)
    if comparison is None:
        render.hint(
            "At your next check-in, 'backskills checkin show' will show what changed since "
            "this one."
        )


def show_comparison(c: Comparison) -> None:
    a, b = c.before, c.after
    render.heading(
        f"Check-in {a.number} ({a.date.isoformat()}{_week(a.week)}) and check-in {b.number} "
        f"({b.date.isoformat()}{_week(b.week)}), {c.days_apart} days apart"
    )
    render.say(("Pain", "bold"))
    render.say(f"- {c.pain_average.reading}")
    render.say(f"- {c.pain_worst.reading}")
    render.say(("Activities (PSFS)", "bold"))
    for line in c.psfs_items:
        if line.change == 0:
            render.say(f"- {line.activity}: {line.before} both times")
            continue
        way = "up" if line.change > 0 else "down"
        extra = " (3 points or more: a meaningful change on its own)" if line.meaningful else ""
        render.say(
            f"- {line.activity}: {line.before} to {line.after}, {way} {abs(line.change)}{extra}"
        )
    if c.psfs is not None:
        render.say(f"- {c.psfs.reading}")
    else:
        render.say(
            "- No activity was rated at both check-ins, so there is no PSFS score to compare."
        )
    for skipped in c.psfs_not_compared:
        render.say(f"- Not compared: {skipped.name} ({skipped.why}).")
    render.say(("Exercise tests", "bold"))
    for test in c.tests:
        render.say(f"- {test.reading}")
    for skipped in c.tests_not_compared:
        render.say(f"- Not compared: {skipped.name} ({skipped.why}).")
    if not c.tests and not c.tests_not_compared:
        render.say("- No test was recorded at both check-ins.")
    if c.change_reading:
        render.say(("Your own rating", "bold"))
        render.say(f"- {c.change_reading}")
    if c.advice:
        render.say((c.advice, "bold"))
    render.say((c.caution, "dim"))


def comparison_or_empty(
    comparison: Comparison | None, only: dict[str, Any] | None, plan: Schedule
) -> None:
    if comparison is not None:
        show_comparison(comparison)
        render.say("")
        next_due(plan)
        return
    if only is not None:
        render.say(
            (f"Check-in 1: {_day(only['date'])}{_week(only['week'])}", "bold"),
        )
        _checkin_body(only)
        render.say("")
        render.say("Nothing to compare yet: that takes a second check-in.")
        next_due(plan)
        return
    render.say("No check-ins yet.")
    next_due(plan)
    render.hint("Start one with 'backskills checkin'.")


def listing(summaries: list[Summary], plan: Schedule) -> None:
    if not summaries:
        render.say("No check-ins yet.")
        next_due(plan)
        render.hint("Start one with 'backskills checkin'.")
        return
    rows = []
    for s in summaries:
        psfs = "-" if s.psfs_mean is None else f"{s.psfs_mean:.1f}"
        rows.append(
            [
                s.number,
                s.date.isoformat(),
                s.week or "-",
                f"{s.pain_average} / {s.pain_worst}",
                psfs,
                f"{s.tests_done} of {s.tests_done + s.tests_not_done}",
                s.change.replace("-", " ") if s.change else "-",
            ]
        )
    render.table(["check-in", "date", "week", "pain", "PSFS", "tests", "you said"], rows)
    render.say("Pain: your average / worst over the 7 days before. Tests: done of those chosen.")
    next_due(plan)
    if len(summaries) > 1:
        render.hint("'backskills checkin show' compares the first and the latest.")


def tests(known: Iterable[KnownTest], yours: list[ExerciseTest]) -> None:
    render.heading('Well-known tests (give the short name with --test, e.g. "balance=20")')
    for test in known:
        render.say(
            (test.key, "bold"),
            f": {test.name}, in {test.unit}, {test.better} is better. {test.how}",
        )
    render.say("")
    if not yours:
        render.say(
            'Your own test: --test-new "NAME=UNIT,higher" (or lower) with --test "NAME=RESULT".'
        )
        return
    render.heading("Your tests")
    for own in yours:
        state = f"retired {own.retired.isoformat()}" if own.retired else "in use"
        render.say(f"- {own.name}: in {own.unit}, {own.better} is better ({state})")
