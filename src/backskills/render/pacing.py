"""Human output for ``backskills pace`` and the pacing part of ``backskills today``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from backskills import render
from backskills.domain.units import fmt

if TYPE_CHECKING:
    from backskills.domain.pacing.plan import PacePlan, PlanDay, Spell
    from backskills.domain.pacing.review import Review
    from backskills.domain.pacing.spell_log import LogResult
    from backskills.models.pacing import PaceActivity, PaceLog, PaceTask, ToleranceChange


def _amount(value: float, unit: str) -> str:
    from backskills.domain.pacing.amounts import amount_text

    return amount_text(value, unit)


def _day_title(day: PlanDay) -> str:
    title = f"{day.date:%a} {day.date.isoformat()}"
    return f"{title} (bad day)" if day.bad_day else title


def _where(position: str) -> str:
    return "mixed positions" if position == "mixed" else position


def _rest(minutes: float) -> str:
    return "then carry on" if minutes == 0 else f"then rest {_amount(minutes, 'minutes')}"


def _items(items: Iterable[tuple[str, str]], stderr: bool = False) -> None:
    """A list with a hanging indent: each marker stays in its own column, so long lines
    wrap under the text, not under the marker (it reads well on a 40-column screen)."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(overflow="fold")
    for marker, item in items:
        grid.add_row(render.text(marker), render.text(item))
    render.show(grid, stderr=stderr)


def _bullets(items: Iterable[str], stderr: bool = False) -> None:
    _items((("-", item) for item in items), stderr=stderr)


def activity_saved(activity: PaceActivity, verb: str) -> None:
    from backskills.domain.pacing.tolerance import tolerance_explanation

    render.say(
        (f"{verb}: ", "bold"),
        f"{activity.name}, spells of up to {_amount(activity.tolerance, activity.unit)}, "
        f"then {fmt(activity.rest)} minutes of rest or a change of position "
        f"(position: {activity.position}).",
    )
    render.say(tolerance_explanation(activity))
    render.more("pacing")


def activity_list(activities: Iterable[PaceActivity]) -> None:
    rows = [
        f"{a.name}: spells of up to {_amount(a.tolerance, a.unit)}, {_where(a.position)}; "
        f"{_rest(a.rest)}."
        for a in activities
    ]
    if not rows:
        render.say("No pacing activities yet.")
        render.hint("Add one: backskills pace add vacuuming --good 20 --bad 10")
        return
    _bullets(rows)


def task_saved(task: PaceTask, unit: str) -> None:
    due = f", by {task.deadline.isoformat()}" if task.deadline else ""
    render.say(
        ("Task added: ", "bold"),
        f"{task.id}. {task.title} ({task.activity}, {_amount(task.amount, unit)}, "
        f"{task.priority} priority{due}).",
    )
    render.hint("See how it fits: backskills pace plan")


def task_list(tasks: list[PaceTask], units: dict[str, str]) -> None:
    from backskills.domain.pacing.tasks import remaining

    if not tasks:
        render.say("No tasks.")
        render.hint(
            'Add one: backskills pace task add "vacuum the house" --activity vacuuming --amount 40'
        )
        return
    rows = []
    for task in tasks:
        unit = units.get(task.activity, "")
        left = (
            f"done on {task.done_on.isoformat()}"
            if task.done_on
            else f"{_amount(remaining(task), unit)} left"
        )
        due = f", by {task.deadline.isoformat()}" if task.deadline else ""
        rows.append(
            (f"{task.id}.", f"{task.title}\n{task.activity}, {left}, {task.priority} priority{due}")
        )
    _items(rows)


def _spell_rows(spells: list[Spell]) -> list[tuple[str, str]]:
    return [
        (
            f"{number}.",
            f"{spell.task}\n{spell.activity} {_amount(spell.amount, spell.unit)}, "
            f"{_where(spell.position)}; {_rest(spell.rest_after)}",
        )
        for number, spell in enumerate(spells, start=1)
    ]


def plan(result: PacePlan, has_activities: bool) -> None:
    from backskills.domain.pacing.plan_notes import GOOD_DAY_NOTE

    if not has_activities:
        render.say("No pacing activities yet, so there is nothing to plan.")
        render.hint("Start with: backskills pace add vacuuming --good 20 --bad 10")
        render.more("pacing")
        return
    if not any(day.spells for day in result.days) and not result.unscheduled:
        render.say("No tasks to plan.")
        render.hint(
            'Add one: backskills pace task add "vacuum the house" --activity vacuuming --amount 40'
        )
        render.more("pacing")
        return
    count = len(result.days)
    render.heading(f"Your pacing plan for {count} day{'s' if count != 1 else ''}")
    for day in result.days:
        render.say("")
        if day.spells:
            render.heading(_day_title(day))
            _items(_spell_rows(day.spells))
        else:
            render.say((_day_title(day), "bold"), ": nothing planned.")
    if result.unscheduled:
        render.say("")
        render.heading("Still to do after these days")
        _bullets(
            f"{u.task} ({u.activity}): {_amount(u.amount, u.unit)}"
            + (f", due {u.deadline.isoformat()}" if u.deadline else "")
            for u in result.unscheduled
        )
    for warning in result.warnings:
        render.say("", stderr=True)
        render.warn(warning.message)
        _bullets(warning.questions, stderr=True)
    if result.explanation:
        render.say("")
        render.heading("How this plan was worked out")
        _bullets(result.explanation)
    render.say("")
    render.say(GOOD_DAY_NOTE)
    render.more("pacing")


def log_saved(result: LogResult) -> None:
    log, activity = result.log, result.activity
    felt = f", felt {log.felt.replace('-', ' ')}" if log.felt else ""  # "felt too much"
    render.say(
        ("Logged: ", "bold"),
        f"{activity.name} {_amount(log.amount, activity.unit)} on {log.date.isoformat()}{felt}.",
    )
    if result.task is not None:
        task = result.task
        if task.done_on is not None:
            render.say(f"That finishes task {task.id}: {task.title}. Well done.")
        else:
            left = task.amount - task.done_amount
            render.say(f"Task {task.id} ({task.title}): {_amount(left, activity.unit)} left.")
    if result.over_tolerance:
        render.say(
            f"That was more than your usual spell of {_amount(activity.tolerance, activity.unit)}. "
            "Now and then is fine; most days, try to stop at the point you planned."
        )
    if log.felt == "too-much":
        render.say(
            "Hurt does not mean harm. Take your rest, and see what 'backskills pace review' "
            "suggests after a few days."
        )


def reviews(found: list[Review], days: int) -> None:
    if not found:
        render.say("No pacing activities to review yet.")
        render.hint("Add one: backskills pace add vacuuming --good 20 --bad 10")
        return
    render.heading(f"Looking back over the last {days} days")
    for item in found:
        current = _amount(item.tolerance, item.unit)
        if item.suggested_tolerance is None:
            render.say((f"{item.activity}: ", "bold"), f"keep {current}. {item.reason}")
        else:
            render.say(
                (f"{item.activity}: ", "bold"),
                f"suggest {_amount(item.suggested_tolerance, item.unit)} instead of {current}. "
                f"{item.reason}",
            )
            render.hint(f'To make this change: backskills pace review "{item.activity}" --accept')
    if any(item.suggested_tolerance is not None for item in found):
        render.say("Nothing changes until you accept it.")
    render.more("pacing")


def review_accepted(found: Review, change: ToleranceChange) -> None:
    render.say(
        ("Changed: ", "bold"),
        f"{found.activity} spells now go up to {_amount(change.to_tolerance, found.unit)} "
        f"(were {_amount(change.from_tolerance, found.unit)}).",
    )
    render.say(found.reason)
    render.say("Keep to it for a few days, then review again.")


def today_section(spells: list[Spell], bad_day: bool = False) -> None:
    """The pacing part of ``backskills today``; prints nothing when there are no spells."""
    if not spells:
        return
    render.heading("Pacing today (bad-day spells for the flare-up)" if bad_day else "Pacing today")
    _bullets(
        f"{spell.task}: {spell.activity} {_amount(spell.amount, spell.unit)}, "
        f"{_where(spell.position)}; {_rest(spell.rest_after)}"
        for spell in spells
    )
    if bad_day:
        render.hint("Feeling up to your usual spells? backskills today --normal-day")
    render.more("pacing")


# -- --json ----------------------------------------------------------------------------


def activity_json(activity: PaceActivity) -> dict[str, Any]:
    return {
        "activity": activity.name,
        "unit": activity.unit,
        "tolerance": activity.tolerance,
        "rest": activity.rest,
        "position": activity.position,
    }


def task_json(task: PaceTask, unit: str | None = None) -> dict[str, Any]:
    from backskills.domain.pacing.tasks import remaining

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
