"""Human output for ``backskills pace`` and the pacing part of ``backskills today``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from backskills import render
from backskills.units import fmt

if TYPE_CHECKING:
    from backskills.models.pacing import PaceActivity, PaceTask, ToleranceChange
    from backskills.pacing import LogResult, PacePlan, PlanDay, Review, Spell


def _amount(value: float, unit: str) -> str:
    from backskills.pacing import amount_text

    return amount_text(value, unit)


def _day_title(day: PlanDay) -> str:
    title = f"{day.date:%a} {day.date.isoformat()}"
    return f"{title} (bad day)" if day.bad_day else title


def activity_saved(activity: PaceActivity, verb: str) -> None:
    from backskills.pacing import tolerance_explanation

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
        (a.name, _amount(a.tolerance, a.unit), f"{fmt(a.rest)} min", a.position) for a in activities
    ]
    if not rows:
        render.say("No pacing activities yet.")
        render.hint("Add one: backskills pace add vacuuming --good 20 --bad 10")
        return
    render.table(["activity", "spell up to", "rest after", "position"], rows)


def task_saved(task: PaceTask, unit: str) -> None:
    due = f", by {task.deadline.isoformat()}" if task.deadline else ""
    render.say(
        ("Task added: ", "bold"),
        f"{task.id}. {task.title} ({task.activity}, {_amount(task.amount, unit)}, "
        f"{task.priority} priority{due}).",
    )
    render.hint("See how it fits: backskills pace plan")


def task_list(tasks: list[PaceTask], units: dict[str, str]) -> None:
    from backskills.pacing import remaining

    if not tasks:
        render.say("No tasks.")
        render.hint(
            'Add one: backskills pace task add "vacuum the house" --activity vacuuming --amount 40'
        )
        return
    rows = []
    for task in tasks:
        unit = units.get(task.activity, "")
        left = "done" if task.done_on else _amount(remaining(task), unit)
        rows.append(
            (
                task.id,
                task.title,
                task.activity,
                left,
                task.priority,
                task.deadline.isoformat() if task.deadline else "-",
            )
        )
    render.table(["id", "task", "activity", "left", "priority", "by"], rows)


def _spell_rows(spells: list[Spell]) -> list[tuple[object, ...]]:
    return [
        (
            number,
            spell.task,
            f"{spell.activity}: {_amount(spell.amount, spell.unit)}",
            spell.position,
            f"{fmt(spell.rest_after)} min",
        )
        for number, spell in enumerate(spells, start=1)
    ]


def plan(result: PacePlan, has_activities: bool) -> None:
    from backskills.pacing import GOOD_DAY_NOTE

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
    render.heading(f"Your pacing plan: {count} day{'s' if count != 1 else ''}")
    for day in result.days:
        if day.spells:
            render.table(
                ["", "task", "spell", "position", "then rest"],
                _spell_rows(day.spells),
                title=_day_title(day),
            )
        else:
            render.say(f"{_day_title(day)}: no task spells planned.")
    if result.unscheduled:
        render.heading("Carried over beyond these days")
        render.bullet_list(
            f"{u.task} ({u.activity}): {_amount(u.amount, u.unit)} still to do"
            + (f", due {u.deadline.isoformat()}" if u.deadline else "")
            for u in result.unscheduled
        )
    for warning in result.warnings:
        render.warn(warning.message)
        render.bullet_list(warning.questions, stderr=True, marker="  -")
    if result.explanation:
        render.heading("How this plan was worked out")
        render.bullet_list(result.explanation)
    render.say(GOOD_DAY_NOTE)
    render.more("pacing")


def log_saved(result: LogResult) -> None:
    log, activity = result.log, result.activity
    felt = f", felt {log.felt}" if log.felt else ""
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


def today_section(spells: list[Spell]) -> None:
    """The pacing part of ``backskills today``; prints nothing when there are no spells."""
    if not spells:
        return
    render.heading("Pacing today")
    render.bullet_list(
        f"{spell.task}: {spell.activity} {_amount(spell.amount, spell.unit)} ({spell.position}), "
        f"then rest {fmt(spell.rest_after)} min"
        for spell in spells
    )
    render.more("pacing")
