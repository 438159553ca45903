"""``backskills goal``: SMART goals, broken into steps, reviewed when they are missed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer

from backskills.cli import _common
from backskills.cli._activity import NewOption
from backskills.cli._common import JsonOption, NoInputOption, NoteOption, store, today

if TYPE_CHECKING:
    from datetime import date

    from backskills.domain.goals.advice import Advice
    from backskills.domain.goals.plan_tie import PlanTie
    from backskills.domain.goals.smart import GoalDraft
    from backskills.models.goals import Category, Goal, ReviewChoice

app = typer.Typer(
    help="SMART goals: set them, break them into steps, tick them off, review them.",
    no_args_is_help=True,
    add_completion=False,
)
step_app = typer.Typer(help="The small steps of a goal.", no_args_is_help=True)
app.add_typer(step_app, name="step")

TargetOption = Annotated[
    str | None, typer.Option("--target", help="M: the number to reach, e.g. 0.5.")
]
UnitOption = Annotated[
    str | None, typer.Option("--unit", help="M: what the number counts, e.g. miles, minutes.")
]
TimesOption = Annotated[
    str | None, typer.Option("--times-per-week", help="How many times a week, e.g. 2.")
]
ActivityOption = Annotated[
    str | None,
    typer.Option("--activity", help="Tie the goal to an activity and its progression plan."),
]
WhyOption = Annotated[
    str | None, typer.Option("--why", help="A: how it fits your life, e.g. 'gets me to the shop'.")
]
RewardOption = Annotated[
    str | None, typer.Option("--reward", help="R: what you gain when you get there.")
]
ByOption = Annotated[
    str | None,
    typer.Option(
        "--by",
        help="T: the deadline: a date (YYYY-MM-DD), a month (june, end of april, 15 june) "
        "or a time from today (8w, 2m, 60d).",
    ),
]
WithinOption = Annotated[
    str | None, typer.Option("--within", help="T: the deadline as a time from today: 8w, 2m, 60d.")
]
CategoryOption = Annotated[
    str | None, typer.Option("--category", help="fitness, work, leisure or other.")
]
StepOption = Annotated[
    list[str] | None,
    typer.Option("--step", help="A small step towards the goal (repeat for more)."),
]
IdArgument = Annotated[str, typer.Argument(metavar="ID", help="The goal's number.")]


def _deadline(by: str | None, within: str | None, on: date) -> date | None:
    from backskills.domain import validate
    from backskills.domain.goals.smart import resolve_deadline

    by_day = validate.deadline(by, on, "--by") if by is not None else None
    within_days = validate.duration_days(within) if within is not None else None
    return resolve_deadline(by_day, within_days, on)


def _draft(options: Mapping[str, Any], on: date, title_field: str = "TITLE") -> GoalDraft:
    """Check every goal option that was given (``options`` is the command's ``locals()``);
    parts not given stay ``None``."""
    from backskills.domain import validate
    from backskills.domain.goals.smart import GoalDraft, check_target

    def given(name: str) -> str | None:
        value = options.get(name)
        return value if isinstance(value, str) else None

    title, target, unit, times = (given(n) for n in ("title", "target", "unit", "times_per_week"))
    activity, category = given("activity"), given("category")
    return GoalDraft(
        title=validate.parse_title(title, title_field) if title is not None else None,
        target=check_target(validate.positive_amount(target, "--target"))
        if target is not None
        else None,
        unit=validate.parse_unit(unit) if unit is not None else None,
        times_per_week=validate.whole_number(times, "--times-per-week", 1, 21)
        if times is not None
        else None,
        activity=validate.name(activity, "--activity") if activity is not None else None,
        why=_text(given("why"), "--why"),
        reward=_text(given("reward"), "--reward"),
        deadline=_deadline(given("by"), given("within"), on),
        category=validate.parse_category(category) if category is not None else None,
        steps=[validate.parse_title(step, "--step") for step in options.get("step") or []],
        new_activity=options.get("new") is True,
    )


def _text(value: str | None, field: str) -> str | None:
    from backskills.domain import validate
    from backskills.errors import InvalidInput

    if value is None:
        return None
    checked = validate.note(value, field)
    if checked is None:
        raise InvalidInput(field, "cannot be empty.")
    return checked


def _goal_id(raw: str) -> int:
    from backskills.domain import validate

    return validate.whole_number(raw, "ID", 1, 999_999)


def _ask(label: str, json: bool, flag: str) -> str:
    """One answer from the terminal; the question goes to stderr in a --json run so that
    stdout stays one JSON document. End of input stops the command (exit 2 naming
    ``flag``, the option that gives this answer; nothing is saved)."""
    import sys

    from backskills.cli._common import input_ended
    from backskills.render import goals as show

    show.question(label, stderr=json)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        show.end_of_input(stderr=json)  # so the stop message starts on a line of its own
        raise input_ended(flag)
    return line.strip()


def _ask_until_valid(label: str, json: bool, check: object, flag: str) -> object:
    """Ask again until ``check`` accepts the answer; our own message explains each miss."""
    from backskills.errors import InvalidInput
    from backskills.render import goals as show

    while True:
        answer = _ask(label, json, flag)
        try:
            return check(answer)  # type: ignore[operator]
        except InvalidInput as exc:
            show.ask_again(exc.message.removeprefix(f"{exc.field}: "), stderr=json)


def _ask_deadline(json: bool, on: date, flag: str = "--by") -> date:
    from backskills.domain import validate
    from backskills.domain.goals.smart import resolve_deadline

    def check(answer: str) -> date:
        deadline = resolve_deadline(
            validate.deadline(answer or "-", on, flag), None, on, by_field=flag
        )
        assert deadline is not None
        return deadline

    result = _ask_until_valid(
        "By when (a date, a month such as june or end of april, or 8w / 2m / 60d)",
        json,
        check,
        flag,
    )
    assert isinstance(result, type(on))
    return result


def _ask_steps(json: bool) -> list[str]:
    from backskills import render
    from backskills.domain.validate import parse_title

    render.say(
        "Break it into small steps, one at a time (press Enter on an empty line to finish).",
        stderr=json,
    )
    steps: list[str] = []
    while True:
        answer = _ask_until_valid(
            f"Step {len(steps) + 1}",
            json,
            lambda a: parse_title(a, "step") if a else "",
            "--step",
        )
        if not answer:
            return steps
        steps.append(str(answer))


def _wizard(draft: GoalDraft, json: bool, on: date) -> None:
    """Ask for each missing SMART part in turn, explaining it in one line."""
    from backskills.domain import validate
    from backskills.domain.goals.smart import check_target, missing_parts
    from backskills.render import goals as show

    missing = missing_parts(draft)
    if not missing:
        return
    show.wizard_intro(stderr=json)
    for part in missing:
        show.wizard_part(part, stderr=json)
        if part.letter == "S":
            draft.title = str(_ask_until_valid("Your goal", json, validate.parse_title, "TITLE"))
        elif part.letter == "M":
            if draft.target is None:
                target = _ask_until_valid(
                    "Target number",
                    json,
                    lambda a: check_target(validate.positive_amount(a, "target")),
                    "--target",
                )
                assert isinstance(target, float)
                draft.target = target
            if not draft.unit:
                unit = _ask_until_valid(
                    "Unit (e.g. miles, minutes)", json, validate.parse_unit, "--unit"
                )
                draft.unit = str(unit)
        elif part.letter == "A":
            draft.why = str(
                _ask_until_valid("Why it matters", json, lambda a: _text(a, "why"), "--why")
            )
        elif part.letter == "R":
            reward = _ask_until_valid("Your reward", json, lambda a: _text(a, "reward"), "--reward")
            draft.reward = str(reward)
        elif part.letter == "T":
            draft.deadline = _ask_deadline(json, on)
    _ask_category_and_tie(draft, json)
    if not draft.steps:
        draft.steps = _ask_steps(json)


def _ask_category_and_tie(draft: GoalDraft, json: bool) -> None:
    """The wizard's last two questions: the goal's category, and whether to tie it to an
    activity (its plan then climbs to the goal's target), listing the patient's activities
    and the exercise library."""
    from backskills import render
    from backskills.domain import catalogue, validate, window

    if draft.category is None:
        category = _ask_until_valid(
            f"Category ({', '.join(validate.CATEGORIES[:-1])} or {validate.CATEGORIES[-1]}; "
            "Enter for other)",
            json,
            lambda a: validate.parse_category(a) if a else "other",
            "--category",
        )
        draft.category = cast("Category", category)
    if draft.activity is not None or draft.target is None:
        return
    mine = [a.name for a in store().load(needs=window.snapshot_only).activities]
    library = [e.title.lower() for e in catalogue.exercises()]
    render.say(
        "Tie it to an activity? Its plan then climbs, step by step, to your target.",
        stderr=json,
    )
    if mine:
        render.say("  Your activities: ", ", ".join(mine), stderr=json)
    render.say("  From the exercise library: ", ", ".join(library), stderr=json)
    name = _ask_until_valid(
        "Activity (a name, or Enter for no tie)",
        json,
        lambda a: validate.name(a, "--activity") if a else "",
        "--activity",
    )
    if name:
        draft.activity = str(name)
        if draft.category == "other":
            draft.category = "fitness"


def _report(
    goal: Goal,
    on: date,
    advice: list[Advice],
    tie: PlanTie | None,
    level: float | None,
    json: bool,
    headline: Callable[[], None],
) -> None:
    """What a write command stored: one JSON document, or ``headline`` for people; then the
    advice and the tie to the plan (on stderr in a --json run)."""
    from backskills import render
    from backskills.render import goals as show

    if json:
        render.emit_json(show.change_json(goal, on, advice=advice, tie=tie, level=level))
    else:
        headline()
    show.advice(advice, stderr=json)
    show.tie(tie, stderr=json)


@app.command("add")
def add_command(
    title: Annotated[
        str | None, typer.Argument(help="S: what exactly, e.g. 'walk half a mile on flat ground'.")
    ] = None,
    target: TargetOption = None,
    unit: UnitOption = None,
    times_per_week: TimesOption = None,
    activity: ActivityOption = None,
    why: WhyOption = None,
    reward: RewardOption = None,
    by: ByOption = None,
    within: WithinOption = None,
    category: CategoryOption = None,
    step: StepOption = None,
    new: NewOption = False,
    json: JsonOption = False,
    no_input: NoInputOption = False,
) -> None:
    """Set a SMART goal: Specific, Measurable, Applicable, Rewarding, Timed.

    On a terminal you are asked for any part you leave out. Without one (or with
    --no-input) every part must be given as an option.

    Example: backskills goal add 'walk half a mile on flat ground, twice a week' --target 0.5 --unit miles --times-per-week 2 --why 'it gets me to the shop' --reward 'buy what I wanted' --within 2m
    """
    from backskills import render
    from backskills.domain import window
    from backskills.domain.goals.editing import add_goal
    from backskills.domain.goals.plan_tie import tied_level
    from backskills.domain.goals.smart import require_complete
    from backskills.domain.goals.today_view import days_left
    from backskills.render import goals as show

    on = today()
    draft = _draft(locals(), on)
    if _common.interactive(no_input):
        _wizard(draft, json, on)
    require_complete(draft)
    with store().transaction(needs=window.snapshot_only) as journal:
        change = add_goal(journal, draft, on)
        level = tied_level(journal, change.goal, on)
    goal = change.goal
    _report(
        goal, on, change.advice, change.tie, level, json,
        lambda: show.added(goal, days_left(goal, on)),
    )  # fmt: skip
    if not json:
        render.more("goals")


@app.command("list")
def list_command(
    all_goals: Annotated[
        bool, typer.Option("--all", help="Include achieved and dropped goals.")
    ] = False,
    json: JsonOption = False,
) -> None:
    """List your active goals (all of them with --all), with days left and steps done.

    With --all, achieved and dropped goals show the day they ended; a goal tied to an
    activity shows the level now against its target.

    Example: backskills goal list --all
    """
    from backskills import render
    from backskills.domain import window
    from backskills.domain.goals.finding import active_goals
    from backskills.domain.goals.plan_tie import tied_level
    from backskills.domain.goals.today_view import days_left
    from backskills.render import goals as show

    on = today()
    journal = store().load(needs=window.snapshot_only)
    chosen = journal.goals if all_goals else active_goals(journal)
    if json:
        render.emit_json(
            {"goals": [show.goal_json(g, on, tied_level(journal, g, on)) for g in chosen]}
        )
        return
    show.listing(
        [
            (
                g,
                days_left(g, on) if g.status == "active" else None,
                tied_level(journal, g, on),
            )
            for g in chosen
        ],
        all_goals,
    )


@app.command("show")
def show_command(goal_id: IdArgument, json: JsonOption = False) -> None:
    """Show one goal: its SMART parts, steps, days left and reviews.

    Example: backskills goal show 1
    """
    from backskills import render
    from backskills.domain import window
    from backskills.domain.goals.finding import get_goal
    from backskills.domain.goals.plan_tie import tied_baseline_days, tied_level, tied_target_date
    from backskills.domain.goals.today_view import days_left
    from backskills.render import goals as show

    number = _goal_id(goal_id)
    on = today()
    journal = store().load(needs=window.snapshot_only)
    goal = get_goal(journal, number)
    level = tied_level(journal, goal, on)
    reaches = tied_target_date(journal, goal, on)
    if json:
        document = show.goal_json(goal, on, level)
        document["plan_reaches_target_on"] = reaches.isoformat() if reaches else None
        render.emit_json(document)
        return
    show.detail(
        goal,
        days_left(goal, on) if goal.status == "active" else None,
        level,
        reaches,
        baseline_days=tied_baseline_days(journal, goal),
    )


@app.command("edit")
def edit_command(
    goal_id: IdArgument,
    title: Annotated[str | None, typer.Option("--title", help="S: a new wording.")] = None,
    target: TargetOption = None,
    unit: UnitOption = None,
    times_per_week: TimesOption = None,
    activity: ActivityOption = None,
    why: WhyOption = None,
    reward: RewardOption = None,
    by: ByOption = None,
    within: WithinOption = None,
    category: CategoryOption = None,
    step: StepOption = None,
    new: NewOption = False,
    json: JsonOption = False,
) -> None:
    """Change parts of an active goal; --step adds steps after the ones it has.

    Example: backskills goal edit 1 --within 10w --reward 'a coffee at the shop'
    """
    from backskills.domain import window
    from backskills.domain.goals.editing import edit_goal, title_with_target
    from backskills.domain.goals.finding import get_goal
    from backskills.domain.goals.plan_tie import tied_level
    from backskills.domain.goals.smart import GoalDraft
    from backskills.domain.goals.today_view import days_left
    from backskills.errors import InvalidInput
    from backskills.render import goals as show

    number = _goal_id(goal_id)
    on = today()
    changes = _draft(locals(), on, "--title")
    if changes == GoalDraft(new_activity=changes.new_activity):
        raise InvalidInput(
            "goal edit", "nothing to change; give at least one option, e.g. --within 8w."
        )
    if changes.target is not None and changes.title is None and _common.interactive() and not json:
        current = get_goal(store().load(needs=window.snapshot_only), number)
        renamed = title_with_target(current.title, current.target, changes.target)
        if renamed is not None and _confirm(
            f"The title says '{current.title}'. Change it to '{renamed}'?", "--title"
        ):
            changes.title = renamed
    with store().transaction(needs=window.snapshot_only) as journal:
        change = edit_goal(journal, number, changes, on)
        level = tied_level(journal, change.goal, on)
    goal = change.goal
    _report(
        goal, on, change.advice, change.tie, level, json,
        lambda: show.edited(goal, days_left(goal, on), change.added_steps),
    )  # fmt: skip


def _confirm(question: str, flag: str) -> bool:
    """A yes/no question on the terminal (Enter means yes)."""
    from backskills import render

    while True:
        answer = _ask(f"{question} [Y/n]", False, flag).lower()
        if answer in ("", "y", "yes"):
            return True
        if answer in ("n", "no"):
            return False
        render.warn("please answer y or n.")


@app.command("done")
def done_command(goal_id: IdArgument, json: JsonOption = False) -> None:
    """Mark a goal as achieved (and enjoy the reward you set).

    Example: backskills goal done 1
    """
    from backskills import render
    from backskills.domain import window
    from backskills.domain.goals.ending import complete_goal
    from backskills.render import goals as show

    number = _goal_id(goal_id)
    on = today()
    with store().transaction(needs=window.snapshot_only) as journal:
        result = complete_goal(journal, number, on)
    if json:
        render.emit_json({**show.goal_json(result.goal, on), "next_ideas": result.next_ideas})
        return
    show.finished(result)


@app.command("drop")
def drop_command(goal_id: IdArgument, json: JsonOption = False) -> None:
    """Drop a goal that no longer fits. It stays in your journal as dropped.

    Example: backskills goal drop 2
    """
    from backskills import render
    from backskills.domain import window
    from backskills.domain.goals.ending import drop_goal
    from backskills.render import goals as show

    number = _goal_id(goal_id)
    on = today()
    with store().transaction(needs=window.snapshot_only) as journal:
        goal = drop_goal(journal, number, on)
    if json:
        render.emit_json(show.goal_json(goal, on))
        return
    show.dropped(goal)


@app.command("review")
def review_command(
    goal_id: IdArgument,
    choice: Annotated[
        str | None,
        typer.Option(
            "--choice",
            help="smaller-steps, move-deadline, redo-baseline or keep-going.",
        ),
    ] = None,
    by: ByOption = None,
    within: WithinOption = None,
    step: StepOption = None,
    note: NoteOption = None,
    json: JsonOption = False,
    no_input: NoInputOption = False,
) -> None:
    """Look back at a goal that is past its deadline or stuck, and choose what to change.

    On a terminal it walks you through; otherwise give --choice (and --by or --within
    to move the deadline, --step to add smaller steps).

    Example: backskills goal review 1 --choice move-deadline --within 4w --note 'a bad week'
    """
    from backskills.domain import validate, window
    from backskills.domain.goals.plan_tie import tied_level
    from backskills.domain.goals.review import record_review, review_facts
    from backskills.errors import InvalidInput
    from backskills.render import goals as show

    number = _goal_id(goal_id)
    on = today()
    picked = validate.parse_review_choice(choice) if choice is not None else None
    new_deadline = _deadline(by, within, on)
    what_happened = validate.note(note)
    new_steps = [validate.parse_title(text, "--step") for text in step or []]
    journal = store().load(needs=window.snapshot_only)
    facts = review_facts(journal, number, on)
    if picked is None:
        if not _common.interactive(no_input):
            raise InvalidInput(
                "--choice",
                f"is required without a terminal; use one of {', '.join(validate.REVIEW_CHOICES)}.",
            )
        show.review_facts(facts, tied_level(journal, facts.goal, on), stderr=json)
        show.review_options(list(validate.REVIEW_CHOICES), stderr=json)
        if what_happened is None:
            what_happened = validate.note(
                _ask("What got in the way? (Enter to skip)", json, "--note") or None
            )
        picked = cast(
            "ReviewChoice",
            _ask_until_valid(
                f"Your choice (a number 1-{len(validate.REVIEW_CHOICES)} or a name)",
                json,
                lambda a: validate.parse_review_choice(a, numbers=True),
                "--choice",
            ),
        )
        if picked == "move_deadline" and new_deadline is None:
            new_deadline = _ask_deadline(json, on)
        if picked == "smaller_steps" and not new_steps:
            new_steps = _ask_steps(json)
    with store().transaction(needs=window.snapshot_only) as journal:
        outcome = record_review(
            journal,
            number,
            picked,
            on,
            new_deadline=new_deadline,
            note=what_happened,
            steps=new_steps,
        )
        level = tied_level(journal, outcome.goal, on)
    _report(
        outcome.goal, on, outcome.advice, outcome.tie, level, json,
        lambda: show.review_recorded(outcome),
    )  # fmt: skip


@step_app.command("add")
def step_add_command(
    goal_id: IdArgument,
    text: Annotated[str, typer.Argument(help="The step, e.g. 'walk to the end of the road'.")],
    json: JsonOption = False,
) -> None:
    """Add a small step to a goal.

    Example: backskills goal step add 1 'walk to the post box and back'
    """
    from backskills import render
    from backskills.domain import window
    from backskills.domain.goals.steps import add_step
    from backskills.domain.validate import parse_title
    from backskills.render import goals as show

    number = _goal_id(goal_id)
    checked = parse_title(text, "TEXT")
    with store().transaction(needs=window.snapshot_only) as journal:
        goal, n = add_step(journal, number, checked)
    if json:
        render.emit_json(show.goal_json(goal, today()))
        return
    show.step_added(goal, n)


def _set_step(goal_id: str, n: str, done: bool, json: bool) -> None:
    from backskills import render
    from backskills.domain import validate, window
    from backskills.domain.goals.steps import set_step_done
    from backskills.render import goals as show

    number = _goal_id(goal_id)
    step_number = validate.whole_number(n, "N", 1, 999)
    on = today()
    with store().transaction(needs=window.snapshot_only) as journal:
        goal = set_step_done(journal, number, step_number, done, on)
    if json:
        render.emit_json(show.goal_json(goal, on))
        return
    show.step_changed(goal, step_number)


StepNumber = Annotated[str, typer.Argument(metavar="N", help="The step's number.")]


@step_app.command("done")
def step_done_command(goal_id: IdArgument, n: StepNumber, json: JsonOption = False) -> None:
    """Tick off step N of a goal.

    Example: backskills goal step done 1 2
    """
    _set_step(goal_id, n, True, json)


@step_app.command("undo")
def step_undo_command(goal_id: IdArgument, n: StepNumber, json: JsonOption = False) -> None:
    """Mark step N of a goal as not done again.

    Example: backskills goal step undo 1 2
    """
    _set_step(goal_id, n, False, json)
