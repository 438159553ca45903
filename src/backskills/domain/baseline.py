"""The three-day baseline: where to start an activity.

Day 1 the patient tries an amount; on days 2 and 3 they adjust it by how the day before
felt (easy: a little more; hard: a little less; ok: the same). The starting level is the
average of the three days times the start factor (0.8 unless set), rounded down to the
activity's resolution and at least one resolution step.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from backskills.domain import units
from backskills.domain.activities import (
    arg,
    check_amount,
    clean_number,
    describe,
    ensure_activity,
    get_activity,
)
from backskills.errors import InvalidInput, Refused
from backskills.models import Journal
from backskills.models.activity import Activity, Baseline, BaselineDay, Felt
from backskills.plain import field, plain

BASELINE_DAYS = 3
SPAN_WARN_DAYS = 7
START_FACTOR_LOW = 0.5
START_FACTOR_HIGH = 0.95
DEFAULT_START_FACTOR = 0.8

Action = Literal["added", "replaced", "added_to", "shown", "redone", "factor_set"]


def check_start_factor(value: float) -> float:
    if not START_FACTOR_LOW <= value <= START_FACTOR_HIGH:
        raise InvalidInput(
            "--start-factor",
            f"must be between {START_FACTOR_LOW} and {START_FACTOR_HIGH} "
            f"(the default {DEFAULT_START_FACTOR} starts a little below your average).",
        )
    return value


def suggest_next(amount: float, felt: Felt | None, resolution: float) -> float:
    """Tomorrow's amount: easy a little more, hard a little less, ok (or unsaid) the same.

    "A little" is ``units.small_step``: 10% rounded down, at least one resolution step.
    Less never goes below one resolution step (or below the amount, when that was less).
    """
    if felt == "easy":
        return clean_number(amount + units.small_step(amount, resolution))
    if felt == "hard":
        less = clean_number(amount - units.small_step(amount, resolution))
        return less if less >= resolution else min(amount, resolution)
    return amount


def starting_level(total: float, factor: float, resolution: float) -> float | None:
    """The average times ``factor``, rounded down, at least one step; never above the average.

    None when the average is below one resolution step: there is nothing to round down to.
    """
    average = total / BASELINE_DAYS
    if average + units.EPSILON < resolution:
        return None
    return max(units.round_down(average * factor, resolution), units.tidy(resolution, resolution))


@plain
class BaselineSummary:
    days: list[BaselineDay]
    start_factor: float
    complete: bool
    next_suggestion: float | None
    total: float | None
    average: float | None
    start: float | None
    explanation: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _step_words(amount: float, activity: Activity) -> str:
    tenth = amount * 0.10
    step = units.small_step(amount, activity.resolution)
    return (
        f"a little is 10% of {describe(amount, activity.unit)} ({units.fmt(round(tenth, 6))}), "
        f"rounded down to steps of {describe(activity.resolution, activity.unit)} and never "
        f"less than one step: {describe(step, activity.unit)}"
    )


def summarise(activity: Activity, baseline: Baseline | None = None) -> BaselineSummary:
    """Everything the tool can say about a baseline, with each number explained."""
    chosen = baseline if baseline is not None else activity.baseline
    if chosen is None:
        chosen = Baseline(start_factor=activity.start_factor)
    days = sorted(chosen.days, key=lambda d: d.date)
    unit = activity.unit
    summary = BaselineSummary(
        days=days,
        start_factor=chosen.start_factor,
        complete=len(days) >= BASELINE_DAYS,
        next_suggestion=None,
        total=None,
        average=None,
        start=None,
    )
    if len(days) >= 2:
        span = (days[-1].date - days[0].date).days + 1
        if span > SPAN_WARN_DAYS:
            summary.warnings.append(
                f"These baseline days spread over {span} days. Three days within a week "
                "give a fairer picture of what you can do now."
            )
    if not days:
        summary.explanation.append(
            f"No baseline days yet. Day 1: try an amount of {activity.name} you think you "
            "can manage comfortably, then log it."
        )
        return summary
    if not summary.complete:
        last = days[-1]
        suggestion = suggest_next(last.amount, last.felt, activity.resolution)
        summary.next_suggestion = suggestion
        day_no = len(days)
        if last.felt == "easy":
            why = f"day {day_no} felt easy, so a little more ({_step_words(last.amount, activity)})"
        elif last.felt == "hard":
            why = f"day {day_no} felt hard, so a little less ({_step_words(last.amount, activity)})"
        elif last.felt == "ok":
            why = f"day {day_no} felt ok, so the same again"
        else:
            why = (
                f"you did not say how day {day_no} felt, so the same again "
                "(add --felt easy, ok or hard next time)"
            )
        summary.explanation.append(
            f"Day {day_no + 1} of {BASELINE_DAYS}: try {describe(suggestion, unit)}: {why}."
        )
        return summary
    total = clean_number(sum(d.amount for d in days))
    average = round(total / BASELINE_DAYS, 2)
    start = starting_level(total, chosen.start_factor, activity.resolution)
    summary.total, summary.average, summary.start = total, average, start
    summary.explanation.append(
        "Total: " + " + ".join(units.fmt(d.amount) for d in days) + f" = {describe(total, unit)}."
    )
    summary.explanation.append(
        f"Average: {units.fmt(total)} ÷ {BASELINE_DAYS} = "
        + ("" if abs(average - total / BASELINE_DAYS) < 1e-9 else "about ")
        + f"{describe(average, unit)}."
    )
    if start is None:
        summary.explanation.append(
            f"The average is less than one step of {describe(activity.resolution, unit)}, so "
            "there is no starting level to round down to. Choose one yourself with "
            "'backskills plan set --start N', or use a finer unit (seconds instead of minutes)."
        )
    else:
        exact = total / BASELINE_DAYS * chosen.start_factor
        product = round(exact, 2)
        # Sums a patient can check by hand: from the total when the average was rounded.
        worked = (
            f"{units.fmt(average)} × {units.fmt(chosen.start_factor)} = {units.fmt(product)}"
            if abs(average - total / BASELINE_DAYS) < 1e-9 and abs(product - exact) < 1e-9
            else f"{units.fmt(total)} ÷ {BASELINE_DAYS} × {units.fmt(chosen.start_factor)} = "
            f"about {units.fmt(product)}"
        )
        summary.explanation.append(
            f"Starting level: {worked}, rounded down to steps of "
            f"{describe(activity.resolution, unit)} (and at least one step): "
            f"{describe(start, unit)}. Starting a little below the average allows for "
            "having guessed high on a good day."
        )
    return summary


@plain
class BaselineResult:
    activity: str
    unit: str
    resolution: float
    summary: BaselineSummary
    action: Action
    day: date | None = None
    previous_amount: float | None = None
    archived: int = 0  # how many earlier baselines are kept in the history
    has_plan: bool = False  # the activity already has a progression plan

    def to_json(self) -> dict[str, Any]:
        s = self.summary
        return {
            "activity": self.activity,
            "unit": self.unit,
            "resolution": self.resolution,
            "days": [
                {"day": n, "date": d.date.isoformat(), "amount": d.amount, "felt": d.felt}
                for n, d in enumerate(s.days, start=1)
            ],
            "complete": s.complete,
            "next_suggestion": s.next_suggestion,
            "total": s.total,
            "average": s.average,
            "start": s.start,
            "start_factor": s.start_factor,
            "action": self.action,
            "previous_amount": self.previous_amount,
            "past_baselines": self.archived,
            "explanation": list(s.explanation),
            "warnings": list(s.warnings),
        }


def _plan_built_on_this_baseline(activity: Activity) -> bool:
    """A plan made once this baseline was complete (a redone baseline needs a new plan)."""
    summary = summarise(activity)
    if activity.plan is None or not summary.days:
        return activity.plan is not None
    return activity.plan.created >= max(d.date for d in summary.days)


def _result(
    activity: Activity,
    action: Action,
    day: date | None = None,
    previous_amount: float | None = None,
) -> BaselineResult:
    return BaselineResult(
        activity=activity.name,
        unit=activity.unit,
        resolution=activity.resolution,
        summary=summarise(activity),
        action=action,
        day=day,
        previous_amount=previous_amount,
        archived=len(activity.past_baselines),
        has_plan=_plan_built_on_this_baseline(activity),
    )


def log_day(
    journal: Journal,
    name: str,
    amount: float,
    *,
    today: date,
    day: date | None = None,
    unit: str | None = None,
    felt: Felt | None = None,
    add: bool = False,
    start_factor: float | None = None,
    resolution: float | None = None,
    new: bool = False,
) -> BaselineResult:
    """Record one baseline day (replacing or, with ``add``, adding to a day already logged)."""
    if start_factor is not None:
        check_start_factor(start_factor)
    on = day or today
    activity = ensure_activity(journal, name, unit, today, resolution, new=new)
    if activity.baseline is None:
        activity.baseline = Baseline(start_factor=activity.start_factor)
    baseline = activity.baseline
    if start_factor is not None:
        activity.start_factor = start_factor
        baseline.start_factor = start_factor
    same = next((d for d in baseline.days if d.date == on), None)
    check_amount(activity, amount, amount + (same.amount if same is not None and add else 0), on)
    if same is not None:
        previous = same.amount
        same.amount = clean_number(previous + amount) if add else amount
        if felt is not None:
            same.felt = felt
        return _result(activity, "added_to" if add else "replaced", on, previous)
    if len(baseline.days) >= BASELINE_DAYS:
        dates = ", ".join(d.date.isoformat() for d in sorted(baseline.days, key=lambda d: d.date))
        raise Refused(
            f"the baseline for '{activity.name}' already has its three days ({dates}).",
            hint=(
                f"To start a fresh baseline (after a missed goal or a flare-up), run "
                f"'backskills baseline redo {arg(activity.name)}'. To correct a day, log that "
                "date again."
            ),
        )
    baseline.days.append(BaselineDay(date=on, amount=amount, felt=felt))
    return _result(activity, "added", on)


def show(journal: Journal, name: str, *, start_factor: float | None = None) -> BaselineResult:
    """The baseline of one activity; with ``start_factor`` it is also changed."""
    if start_factor is not None:
        check_start_factor(start_factor)
    activity = get_activity(journal, name)
    if start_factor is None:
        return _result(activity, "shown")
    activity.start_factor = start_factor
    if activity.baseline is None:
        activity.baseline = Baseline(start_factor=start_factor)
    activity.baseline.start_factor = start_factor
    return _result(activity, "factor_set")


def redo(journal: Journal, name: str, *, today: date, note: str | None = None) -> BaselineResult:
    """Keep the current baseline in the history and start a new, empty one."""
    activity = get_activity(journal, name)
    current = activity.baseline
    if current is None or not current.days:
        raise Refused(
            f"'{activity.name}' has no baseline days to set aside.",
            hint=f"Start one with 'backskills baseline log {arg(activity.name)} AMOUNT'.",
        )
    activity.past_baselines.append(
        current.model_copy(update={"archived_on": today, "archive_reason": note})
    )
    activity.baseline = Baseline(start_factor=activity.start_factor)
    return _result(activity, "redone", today)


def list_all(journal: Journal) -> list[BaselineResult]:
    """Every activity that has a baseline (current or past), in the order they were added."""
    return [_result(a, "shown") for a in journal.activities if a.baseline or a.past_baselines]
