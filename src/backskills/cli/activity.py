"""``backskills activity``: list, rename, merge and remove activities."""

from __future__ import annotations

from typing import Annotated

import typer

from backskills.cli._common import JsonOption, store, today

app = typer.Typer(invoke_without_command=True, add_completion=False)

NameArg = Annotated[str, typer.Argument(metavar="NAME", help="The activity, e.g. walking.")]


@app.callback(invoke_without_command=True)
def activity_command(ctx: typer.Context) -> None:
    """Your activities: list them, and rename, merge or remove one.

    Example: backskills activity list
    """
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


@app.command("list")
def list_command(json: JsonOption = False) -> None:
    """Every activity with its unit, records, baseline, level and the goals tied to it.

    Example: backskills activity list --json
    """
    from backskills import render
    from backskills.domain import activity_admin
    from backskills.render import activity as show

    found = activity_admin.summaries(store().load(), today())
    if json:
        render.emit_json({"activities": [a.to_json() for a in found]})
    else:
        show.listing(found)


@app.command("rename")
def rename_command(
    old: Annotated[str, typer.Argument(metavar="OLD", help="The name it has now.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The name it should have.")],
    json: JsonOption = False,
) -> None:
    """Rename an activity; its records, baselines, plan, levels, goals and pacing go with it.

    Example: backskills activity rename walkng walking
    """
    from backskills.domain import activity_admin, validate

    name = validate.name(new, "NEW")
    with store().transaction() as journal:
        change = activity_admin.rename(journal, validate.name(old, "OLD"), name)
    _show(change, json)


@app.command("merge")
def merge_command(
    source: Annotated[str, typer.Argument(metavar="FROM", help="The activity to merge away.")],
    target: Annotated[str, typer.Argument(metavar="INTO", help="The activity that stays.")],
    unit_of: Annotated[
        str | None,
        typer.Option(
            "--unit-of",
            metavar="NAME",
            help="When the units differ: whose unit to keep (the amounts are not converted).",
        ),
    ] = None,
    json: JsonOption = False,
) -> None:
    """Put one activity's records and goals into another, then remove the first.

    Example: backskills activity merge "walk" walking
    """
    from backskills.domain import activity_admin, validate

    keep = validate.name(unit_of, "--unit-of") if unit_of is not None else None
    with store().transaction() as journal:
        change = activity_admin.merge(
            journal, validate.name(source, "FROM"), validate.name(target, "INTO"), keep
        )
    _show(change, json)


@app.command("remove")
def remove_command(
    name: NameArg,
    with_entries: Annotated[
        bool,
        typer.Option("--with-entries", help="Also remove its records and baseline days."),
    ] = False,
    json: JsonOption = False,
) -> None:
    """Remove an activity. It refuses while it has records unless you add --with-entries.

    Example: backskills activity remove walkng --with-entries
    """
    from backskills.domain import activity_admin, validate

    with store().transaction() as journal:
        change = activity_admin.remove(
            journal, validate.name(name, "NAME"), with_entries=with_entries
        )
    _show(change, json)


def _show(change: object, json: bool) -> None:
    from backskills import render
    from backskills.domain.activity_admin import ActivityChange
    from backskills.render import activity as show

    assert isinstance(change, ActivityChange)
    if json:
        render.emit_json(change.to_json())
    else:
        show.changed(change)
