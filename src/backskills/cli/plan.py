"""``backskills plan``: a staircase from your starting level to a target."""

from __future__ import annotations

from typing import Annotated

import typer

from backskills.cli._activity import ActivityArg, NewOption, OptionalActivityArg, UnitOption
from backskills.cli._common import (
    JsonOption,
    NoInputOption,
    answering,
    interactive,
    store,
    today,
    wrapped,
)

app = typer.Typer(
    add_completion=False,
    help="Build up slowly: a staircase of small steps from your starting level to a target.",
    no_args_is_help=True,
)


@app.command("set")
def set_command(
    activity: ActivityArg,
    target: Annotated[
        str | None, typer.Option("--target", help="The amount to build up to.")
    ] = None,
    by: Annotated[
        str | None, typer.Option("--by", help="Deadline (YYYY-MM-DD): is it reachable?")
    ] = None,
    hold_days: Annotated[
        str, typer.Option("--hold-days", help="Days at each level, 7 to 28.")
    ] = "7",
    start: Annotated[
        str | None,
        typer.Option("--start", help="Starting level (default: from your baseline)."),
    ] = None,
    from_: Annotated[
        str | None, typer.Option("--from", help="The day the plan starts (default today).")
    ] = None,
    unit: UnitOption = None,
    new: NewOption = False,
    no_input: NoInputOption = False,
    json: JsonOption = False,
) -> None:
    """Set (or replace) the plan for an activity: each step is 10% more, held a week or more.

    Example: backskills plan set walking --target 30 --by 2026-06-30
    """
    from backskills import render
    from backskills.domain import validate, window
    from backskills.errors import InvalidInput

    now = today()
    name = validate.name(activity, "ACTIVITY")
    if target is None:
        if not interactive(no_input):
            raise InvalidInput(
                "--target", "is required: the amount to build up to, e.g. --target 30."
            )
        with answering("--target"):
            target = typer.prompt(wrapped(f"Target for {name} (the amount to build up to)"))
    goal = validate.positive_amount(target, "--target")
    deadline = validate.day(by, now, "--by", future=True) if by is not None else None
    hold = validate.whole_number(hold_days, "--hold-days", 7, 28)
    first = validate.positive_amount(start, "--start") if start is not None else None
    begins = validate.day(from_, now, "--from", future=True) if from_ is not None else None
    unit_name = validate.name(unit, "--unit") if unit is not None else None

    from backskills.domain import activities
    from backskills.domain.progression.planning import set_plan
    from backskills.render import progression as show

    with store().transaction(needs=window.snapshot_only) as journal:
        if unit_name is not None:
            activities.ensure_activity(journal, name, unit_name, now, new=new)
        view = set_plan(
            journal,
            name,
            target=goal,
            today=now,
            deadline=deadline,
            hold_days=hold,
            start=first,
            starts_on=begins,
            new=new,
        )
    if json:
        render.emit_json(view.to_json())
        return
    show.plan(view)
    render.more("progression")


@app.command("show")
def show_command(
    activity: OptionalActivityArg = None,
    all_steps: Annotated[
        bool,
        typer.Option("--all", help="Also the whole climb so far: every level change, dated."),
    ] = False,
    json: JsonOption = False,
) -> None:
    """Show your plans: the level now and the steps ahead, with dates.

    With an ACTIVITY, --json prints that plan; without, {"plans": [...]}. With --all each
    plan also has "climb": every level change so far, with its reason.

    Example: backskills plan show walking --all
    """
    from backskills import render
    from backskills.domain import validate, window
    from backskills.domain.progression.projection import plan_views
    from backskills.render import progression as show

    name = validate.name(activity, "ACTIVITY") if activity is not None else None
    now = today()
    journal = store().load(needs=window.snapshot_only)
    views = plan_views(journal, now, name)
    climbs = {}
    if all_steps:
        from backskills.domain import history

        climbs = {v.activity: history.climb(journal, v.activity, now) for v in views}
    if json:
        documents = [v.to_json() for v in views]
        for document in documents:
            if all_steps:
                document["climb"] = [step.to_json() for step in climbs[document["activity"]]]
        render.emit_json(documents[0] if name else {"plans": documents})
        return
    show.plans(views, climbs)
