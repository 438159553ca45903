"""``backskills summary``: the whole picture for the last weeks."""

from __future__ import annotations

from typing import Annotated

import typer

from backskills.cli._common import JsonOption, store, today

app = typer.Typer(add_completion=False, help="The whole picture for the last weeks.")


@app.command("summary")
def summary_command(
    weeks: Annotated[
        str, typer.Option("--weeks", help="How many weeks back, up to today (1 to 520).")
    ] = "6",
    json: JsonOption = False,
) -> None:
    """The last weeks at a glance (6 by default, the length of a class): levels, days met,
    the pain trend, goals, flare-ups, red-flag checks, pacing, relaxation and thought
    records, and what went well.

    Example: backskills summary --weeks 6
    """
    from backskills import render
    from backskills.domain import summary as domain
    from backskills.domain import validate, window
    from backskills.render import history as show

    count = validate.whole_number(weeks, "--weeks", 1, domain.MAX_WEEKS)
    now = today()
    journal = store().load(needs=window.bind(window.summary, now, count))
    result = domain.build(journal, now, count)
    if json:
        render.emit_json(result.to_json())
    else:
        show.summary(result)
