"""``backskills goodspell``: your plan for the better days (no boom before the bust)."""

from __future__ import annotations

import typer

from backskills.cli import _plans
from backskills.cli._common import JsonOption

app = typer.Typer(
    invoke_without_command=True,
    no_args_is_help=False,
    add_completion=False,
)


@app.callback(invoke_without_command=True)
def goodspell_command(ctx: typer.Context, json: JsonOption = False) -> None:
    """Show your good-spell plan and the reminder that the plan holds on good days.

    Example: backskills goodspell
    """
    if ctx.invoked_subcommand is None:
        _plans.show_plan("goodspell", json)


_plans.add_commands(app, "goodspell")
