"""``backskills pace``: pacing everyday activities (tolerance, tasks, plan, log, review)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from backskills.cli._common import (
    NEGATIVE_AMOUNTS,
    DateOption,
    JsonOption,
    NoteOption,
    store,
    today,
)

if TYPE_CHECKING:
    from backskills.domain.pacing.tolerance import ToleranceInput
    from backskills.models.pacing import PaceActivity

app = typer.Typer(
    add_completion=False,
    help="Pace everyday activities: your tolerance level, tasks, a day-by-day plan and a review.",
    no_args_is_help=True,
)
task_app = typer.Typer(
    help="Things that need doing (vacuum the house: 40 minutes), with priority and deadline.",
    no_args_is_help=True,
)
app.add_typer(task_app, name="task")

ActivityArg = Annotated[
    str, typer.Argument(help="The everyday activity, e.g. vacuuming or 'sitting at a desk'.")
]
ToleranceOpt = Annotated[
    str | None,
    typer.Option("--tolerance", help="How much you can do in one go without over-doing it."),
]
GoodOpt = Annotated[
    str | None, typer.Option("--good", help="How much you would do in one go on a good day.")
]
BadOpt = Annotated[
    str | None, typer.Option("--bad", help="How much you would do in one go on a bad day.")
]
RestOpt = Annotated[
    str | None,
    typer.Option(
        "--rest", help="Minutes of rest or change of position after each spell (default 10)."
    ),
]
PositionOpt = Annotated[
    str | None,
    typer.Option(
        "--position",
        help="standing, sitting, lying, walking, kneeling, bending or mixed (default mixed).",
    ),
]
DaysOpt = Annotated[str | None, typer.Option("--days", help="How many days.")]


def _tolerance_input(tolerance: str | None, good: str | None, bad: str | None) -> ToleranceInput:
    from backskills.domain.pacing.tolerance import ToleranceInput, check_tolerance_input
    from backskills.domain.validate import checked_amount

    given = ToleranceInput(
        tolerance=checked_amount(tolerance, "--tolerance") if tolerance is not None else None,
        good=checked_amount(good, "--good") if good is not None else None,
        bad=checked_amount(bad, "--bad", zero_ok=True) if bad is not None else None,
    )
    check_tolerance_input(given)
    return given


def _show_activity(activity: PaceActivity, verb: str, json: bool) -> None:
    from backskills import render
    from backskills.render import pacing as view

    if json:
        render.emit_json(view.activity_json(activity))
    else:
        view.activity_saved(activity, verb)


@app.command("add")
def add_command(
    activity: ActivityArg,
    tolerance: ToleranceOpt = None,
    good: GoodOpt = None,
    bad: BadOpt = None,
    unit: Annotated[
        str | None, typer.Option("--unit", help="minutes (default), reps, metres, steps, ...")
    ] = None,
    rest: RestOpt = None,
    position: PositionOpt = None,
    json: JsonOption = False,
) -> None:
    """Add an everyday activity and how much of it you can do in one go.

    Give --tolerance, or --good and --bad: the tolerance is then the middle ground
    between them, rounded down.

    Example: backskills pace add vacuuming --good 20 --bad 10 --position standing
    """
    from backskills.domain import validate, window
    from backskills.domain.pacing.activities import add_activity

    name = validate.name(activity, "ACTIVITY")
    given = _tolerance_input(tolerance, good, bad)
    unit_name = validate.name(unit, "--unit") if unit is not None else None
    rest_minutes = validate.checked_rest(rest) if rest is not None else None
    where = validate.parse_position(position)
    with store().transaction(needs=window.snapshot_only) as journal:
        saved = add_activity(
            journal,
            name,
            given=given,
            unit=unit_name,
            rest=rest_minutes,
            position=where,
            today=today(),
        )
    _show_activity(saved, "Added", json)


@app.command("list")
def list_command(json: JsonOption = False) -> None:
    """List your pacing activities with their tolerance, rest and position.

    Example: backskills pace list
    """
    from backskills import render
    from backskills.domain import window
    from backskills.render import pacing as view

    journal = store().load(needs=window.snapshot_only)
    if json:
        render.emit_json([view.activity_json(a) for a in journal.pacing.activities])
    else:
        view.activity_list(journal.pacing.activities)


@app.command("edit")
def edit_command(
    activity: ActivityArg,
    tolerance: ToleranceOpt = None,
    good: GoodOpt = None,
    bad: BadOpt = None,
    rest: RestOpt = None,
    position: PositionOpt = None,
    json: JsonOption = False,
) -> None:
    """Change an activity's tolerance, rest or position.

    Example: backskills pace edit vacuuming --tolerance 12
    """
    from backskills.domain import validate, window
    from backskills.domain.pacing.activities import edit_activity

    name = validate.name(activity, "ACTIVITY")
    given = _tolerance_input(tolerance, good, bad)
    rest_minutes = validate.checked_rest(rest) if rest is not None else None
    where = validate.parse_position(position)
    with store().transaction(needs=window.snapshot_only) as journal:
        saved, _ = edit_activity(
            journal, name, given=given, rest=rest_minutes, position=where, today=today()
        )
    _show_activity(saved, "Changed", json)


@app.command("remove")
def remove_command(activity: ActivityArg, json: JsonOption = False) -> None:
    """Remove a pacing activity (not while it has open tasks). Logged spells are kept.

    Example: backskills pace remove gardening
    """
    from backskills import render
    from backskills.domain import validate, window
    from backskills.domain.pacing.activities import remove_activity
    from backskills.render.pacing import activity_json

    name = validate.name(activity, "ACTIVITY")
    with store().transaction(needs=window.snapshot_only) as journal:
        removed = remove_activity(journal, name)
    if json:
        render.emit_json({"removed": activity_json(removed)})
    else:
        render.say(f"Removed '{removed.name}'. The spells you logged for it are kept.")


# -- tasks -----------------------------------------------------------------------------------


def _task_id(raw: str) -> int:
    from backskills.domain import validate

    return validate.whole_number(raw, "ID", 1, 1_000_000)


@task_app.command("add")
def task_add_command(
    title: Annotated[str, typer.Argument(help="What needs doing, e.g. 'vacuum the whole house'.")],
    activity: Annotated[
        str | None, typer.Option("--activity", help="The pacing activity it takes.")
    ] = None,
    amount: Annotated[
        str | None, typer.Option("--amount", help="How much in all, in the activity's unit.")
    ] = None,
    priority: Annotated[
        str | None, typer.Option("--priority", help="high, medium (default) or low.")
    ] = None,
    by: Annotated[
        str | None, typer.Option("--by", help="Deadline: YYYY-MM-DD, today or tomorrow.")
    ] = None,
    json: JsonOption = False,
) -> None:
    """Add a task that needs doing, with its priority and deadline.

    Example: backskills pace task add "vacuum the house" --activity vacuuming --amount 40 --by tomorrow
    """
    from backskills import render
    from backskills.domain import validate, window
    from backskills.domain.pacing.activities import unit_of
    from backskills.domain.pacing.planner import HORIZON_DAYS
    from backskills.domain.pacing.tasks import add_task
    from backskills.errors import InvalidInput
    from backskills.render import pacing as view

    text = validate.name(title, "TITLE")
    if activity is None:
        raise InvalidInput("--activity", "is required: which pacing activity does it take?")
    if amount is None:
        raise InvalidInput("--amount", "is required: how much of the activity, in all?")
    activity_name = validate.name(activity, "--activity")
    total = validate.checked_amount(amount, "--amount")
    rank = validate.parse_priority(priority) or "medium"
    now = today()
    deadline = validate.day(by, now, "--by", future=True) if by is not None else None
    if deadline is not None and deadline < now:
        raise InvalidInput("--by", f"{deadline.isoformat()} has passed; choose today or later.")
    if deadline is not None and (deadline - now).days > HORIZON_DAYS:
        raise InvalidInput("--by", "is too far ahead; choose a day within the next year.")
    with store().transaction(needs=window.pace_task_add) as journal:
        task = add_task(
            journal,
            text,
            activity_name=activity_name,
            amount=total,
            priority=rank,
            deadline=deadline,
            today=now,
        )
        unit = unit_of(journal, task.activity)
    if json:
        render.emit_json(view.task_json(task, unit))
    else:
        view.task_saved(task, unit or "")


@task_app.command("list")
def task_list_command(
    all_tasks: Annotated[bool, typer.Option("--all", help="Include tasks already done.")] = False,
    json: JsonOption = False,
) -> None:
    """List your tasks in the order the plan takes them.

    Example: backskills pace task list
    """
    from backskills import render
    from backskills.domain import window
    from backskills.domain.pacing.activities import unit_of
    from backskills.domain.pacing.tasks import ordered_tasks
    from backskills.render import pacing as view

    journal = store().load(needs=window.snapshot_only)
    tasks = [t for t in ordered_tasks(journal.pacing.tasks) if all_tasks or t.done_on is None]
    if json:
        render.emit_json([view.task_json(t, unit_of(journal, t.activity)) for t in tasks])
    else:
        view.task_list(tasks, {a.name: a.unit for a in journal.pacing.activities})


TaskIdArg = Annotated[str, typer.Argument(metavar="ID", help="The task's number.")]


def _change_task(raw_id: str, action: str, json: bool) -> None:
    """Mark a task done or remove it, then show what was stored."""
    from backskills import render
    from backskills.domain import window
    from backskills.domain.pacing.activities import unit_of
    from backskills.domain.pacing.tasks import remove_task, task_done
    from backskills.render.pacing import task_json

    number = _task_id(raw_id)
    with store().transaction(needs=window.snapshot_only) as journal:
        if action == "done":
            task = task_done(journal, number, today())
        else:
            task = remove_task(journal, number)
        unit = unit_of(journal, task.activity)
    document = task_json(task, unit)
    if json:
        render.emit_json(document if action == "done" else {"removed": document})
    elif action == "done":
        render.say(f"Done: {task.title}. Well paced.")
    else:
        render.say(f"Removed task {task.id}: {task.title}.")


@task_app.command("done")
def task_done_command(task_id: TaskIdArg, json: JsonOption = False) -> None:
    """Mark a task as done.

    Example: backskills pace task done 1
    """
    _change_task(task_id, "done", json)


@task_app.command("remove")
def task_remove_command(task_id: TaskIdArg, json: JsonOption = False) -> None:
    """Remove a task (for example one that no longer needs doing).

    Example: backskills pace task remove 2
    """
    _change_task(task_id, "remove", json)


# -- plan, log, review -----------------------------------------------------------------------


@app.command("plan")
def plan_command(
    days: DaysOpt = None,
    date: Annotated[
        str | None, typer.Option("--date", "-d", help="First day of the plan (default today).")
    ] = None,
    bad_day: Annotated[
        bool,
        typer.Option("--bad-day", help="The first day is a bad day: smaller spells and more rest."),
    ] = False,
    normal_day: Annotated[
        bool,
        typer.Option(
            "--normal-day",
            help="During a flare-up, plan your usual spells instead of bad-day ones.",
        ),
    ] = False,
    sessions: Annotated[
        str | None,
        typer.Option(
            "--sessions", help="At most this many spells of one activity a day (default 3)."
        ),
    ] = None,
    json: JsonOption = False,
) -> None:
    """Lay out the next days: your tasks split into spells with rest after each.

    There is no good-day option on purpose: on a good day the plan still holds. While a
    flare-up is active every day is planned as a bad day, unless you add --normal-day.

    Example: backskills pace plan --days 3
    """
    from backskills import render
    from backskills.domain import validate, window
    from backskills.domain.pacing.plan_notes import GOOD_DAY_NOTE
    from backskills.domain.pacing.planner import (
        DEFAULT_PLAN_DAYS,
        DEFAULT_SESSIONS,
        HORIZON_DAYS,
        build_plan,
    )
    from backskills.errors import InvalidInput
    from backskills.render import pacing as view

    now = today()
    count = validate.whole_number(days, "--days", 1, 14) if days is not None else DEFAULT_PLAN_DAYS
    limit = (
        validate.whole_number(sessions, "--sessions", 1, 10)
        if sessions is not None
        else DEFAULT_SESSIONS
    )
    start = validate.day(date, now, "--date", future=True)
    if start < now:
        raise InvalidInput("--date", f"{start.isoformat()} has passed; plan from today or later.")
    if (start - now).days > HORIZON_DAYS:
        raise InvalidInput("--date", "is too far ahead; choose a day within the next year.")
    journal = store().load(needs=window.bind(window.pace_plan, now))
    plan = build_plan(
        journal,
        start=start,
        today=now,
        days=count,
        sessions=limit,
        bad_day=bad_day,
        normal_day=normal_day,
    )
    if json:
        render.emit_json(plan.to_json())
        render.info(GOOD_DAY_NOTE)
    else:
        view.plan(plan, has_activities=bool(journal.pacing.activities))


@app.command("log", context_settings=NEGATIVE_AMOUNTS)
def log_command(
    activity: ActivityArg,
    amount: Annotated[str, typer.Argument(help="How much you did in this spell.")],
    date: DateOption = None,
    felt: Annotated[
        str | None,
        typer.Option(
            "--felt", help="How the spell felt: ok, too-much or too-little (easy and hard too)."
        ),
    ] = None,
    task: Annotated[
        str | None, typer.Option("--task", help="The task number this spell was part of.")
    ] = None,
    note: NoteOption = None,
    json: JsonOption = False,
) -> None:
    """Record a spell of an activity, and how it felt.

    Example: backskills pace log vacuuming 15 --felt ok --task 1
    """
    from backskills import render
    from backskills.domain import validate, window
    from backskills.domain.felt import for_spell
    from backskills.domain.pacing.spell_log import log_spell
    from backskills.render import pacing as view

    name = validate.name(activity, "ACTIVITY")
    how_much = validate.checked_amount(amount, "AMOUNT")
    on = validate.day(date, today())
    how = for_spell(felt)
    task_id = _task_id(task) if task is not None else None
    text = validate.note(note)
    with store().transaction(needs=window.snapshot_only) as journal:
        result = log_spell(journal, name, how_much, on=on, felt=how, task_id=task_id, note=text)
    if json:
        render.emit_json(view.log_json(result.log, result.activity.unit))
    else:
        view.log_saved(result)


@app.command("review")
def review_command(
    activity: Annotated[
        str | None, typer.Argument(help="One activity (default: all of them).")
    ] = None,
    days: DaysOpt = None,
    accept: Annotated[
        bool, typer.Option("--accept", help="Apply the suggested change to this activity.")
    ] = False,
    json: JsonOption = False,
) -> None:
    """Look back over the last days (default 5) and see whether a spell could change.

    Nothing changes until you accept it with --accept.

    Example: backskills pace review vacuuming
    """
    from backskills import render
    from backskills.domain import validate, window
    from backskills.domain.pacing.review import DEFAULT_REVIEW_DAYS, accept_review, review
    from backskills.errors import InvalidInput
    from backskills.render import pacing as view

    name = validate.name(activity, "ACTIVITY") if activity is not None else None
    count = (
        validate.whole_number(days, "--days", 2, 28) if days is not None else DEFAULT_REVIEW_DAYS
    )
    now = today()
    needs = window.bind(window.pace_review, now, count)
    if accept:
        if name is None:
            raise InvalidInput("ACTIVITY", "name the activity whose change you accept.")
        with store().transaction(needs=needs) as journal:
            found, change = accept_review(journal, name, now, count)
        if json:
            render.emit_json(
                {"activities": [found.to_json()], "accepted": change.model_dump(mode="json")}
            )
        else:
            view.review_accepted(found, change)
        return
    journal = store().load(needs=needs)
    reviews = review(journal, now, name, count)
    if json:
        render.emit_json({"activities": [r.to_json() for r in reviews]})
    else:
        view.reviews(reviews, count)
