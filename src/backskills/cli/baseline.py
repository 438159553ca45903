"""``backskills baseline``: three days of an activity to find where to start."""

from __future__ import annotations

from typing import Annotated

import typer

from backskills.cli._activity import (
    ActivityArg,
    AmountArg,
    NewOption,
    ResolutionOption,
    UnitOption,
)
from backskills.cli._common import (
    NEGATIVE_AMOUNTS,
    DateOption,
    JsonOption,
    NoteOption,
    store,
    today,
)

app = typer.Typer(
    add_completion=False,
    help="Find where to start: log three days of an activity and get your starting level.",
    no_args_is_help=True,
)

StartFactorOption = Annotated[
    str | None,
    typer.Option(
        "--start-factor",
        help="Start at this share of your average, 0.5 to 0.95 (default 0.8).",
    ),
]


@app.command("log", context_settings=NEGATIVE_AMOUNTS)
def log_command(
    activity: ActivityArg,
    amount: AmountArg,
    unit: UnitOption = None,
    date: DateOption = None,
    felt: Annotated[
        str | None,
        typer.Option(
            "--felt", help="How it felt: easy, ok or hard (too-little and too-much work too)."
        ),
    ] = None,
    add: Annotated[
        bool, typer.Option("--add", help="Add to the amount already logged for that day.")
    ] = False,
    start_factor: StartFactorOption = None,
    resolution: ResolutionOption = None,
    new: NewOption = False,
    json: JsonOption = False,
) -> None:
    """Log one day of a baseline; after day 3 you get your starting level.

    Logging a date again replaces that day (or adds to it with --add).

    Example: backskills baseline log walking 10 --felt ok
    """
    from backskills import render
    from backskills.domain import baseline as domain
    from backskills.domain import validate, window
    from backskills.domain.felt import for_baseline
    from backskills.domain.goals.finding import goals_tied_to
    from backskills.render import baseline as show

    now = today()
    name = validate.name(activity, "ACTIVITY")
    value = validate.amount(amount, "AMOUNT")
    on = validate.day(date, now)
    unit_name = validate.name(unit, "--unit") if unit is not None else None
    feeling = for_baseline(felt)
    factor = validate.amount(start_factor, "--start-factor") if start_factor is not None else None
    step = validate.resolution(resolution) if resolution is not None else None
    with store().transaction(needs=window.snapshot_only) as journal:
        result = domain.log_day(
            journal,
            name,
            value,
            today=now,
            day=on,
            unit=unit_name,
            felt=feeling,
            add=add,
            start_factor=factor,
            resolution=step,
            new=new,
        )
        tied = goals_tied_to(journal, result.activity)
    if json:
        show.warnings(result)
        render.emit_json(result.to_json())
    else:
        show.show(result, tied)


@app.command("show")
def show_command(
    activity: ActivityArg,
    start_factor: StartFactorOption = None,
    json: JsonOption = False,
) -> None:
    """Show an activity's baseline: its days, total, average and starting level.

    With --start-factor the factor is changed first (and saved).

    Example: backskills baseline show walking --start-factor 0.7
    """
    from backskills import render
    from backskills.domain import baseline as domain
    from backskills.domain import validate, window
    from backskills.render import baseline as show

    name = validate.name(activity, "ACTIVITY")
    factor = validate.amount(start_factor, "--start-factor") if start_factor is not None else None
    if factor is None:
        result = domain.show(store().load(needs=window.snapshot_only), name)
    else:
        domain.check_start_factor(factor)
        with store().transaction(needs=window.snapshot_only) as journal:
            result = domain.show(journal, name, start_factor=factor)
    if json:
        show.warnings(result)
        render.emit_json(result.to_json())
    else:
        show.show(result)


@app.command("list")
def list_command(json: JsonOption = False) -> None:
    """List every activity with a baseline.

    Example: backskills baseline list
    """
    from backskills import render
    from backskills.domain import baseline as domain
    from backskills.domain import window
    from backskills.render import baseline as show

    results = domain.list_all(store().load(needs=window.snapshot_only))
    if json:
        render.emit_json({"baselines": [r.to_json() for r in results]})
    else:
        show.listing(results)


@app.command("redo")
def redo_command(
    activity: ActivityArg,
    note: NoteOption = None,
    json: JsonOption = False,
) -> None:
    """Start a fresh baseline; the old one is kept in your history.

    Useful after a missed goal or a flare-up.

    Example: backskills baseline redo walking --note "after the flare-up"
    """
    from backskills import render
    from backskills.domain import baseline as domain
    from backskills.domain import validate, window
    from backskills.domain.goals.finding import goals_tied_to
    from backskills.render import baseline as show

    name = validate.name(activity, "ACTIVITY")
    text = validate.note(note)
    with store().transaction(needs=window.snapshot_only) as journal:
        result = domain.redo(journal, name, today=today(), note=text)
        tied = goals_tied_to(journal, result.activity)
    if json:
        render.emit_json(result.to_json())
    else:
        show.show(result, tied)
