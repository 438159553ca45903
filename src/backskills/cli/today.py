"""``backskills today``: the home screen."""

from __future__ import annotations

from typing import Annotated

import typer

from backskills.cli._common import JsonOption, store, today

app = typer.Typer(help="Your day at a glance.", add_completion=False)


@app.command("today")
def today_command(
    normal_day: Annotated[
        bool,
        typer.Option(
            "--normal-day",
            help="During a flare-up, show your usual pacing spells instead of bad-day ones.",
        ),
    ] = False,
    json: JsonOption = False,
) -> None:
    """Your day at a glance: each plan's level, what is done and left, and what is next.

    While a flare-up is active, today's pacing spells are bad-day ones (smaller, with more
    rest) unless you add --normal-day.

    Example: backskills today
    """
    from backskills import render
    from backskills.domain import today as domain
    from backskills.domain import window
    from backskills.render import today as show

    now = today()
    journal = store().load(needs=window.bind(window.today, now))
    view = domain.build(journal, now, normal_day=normal_day)
    if json:
        render.emit_json(view.to_json())
        if view.red_flags is not None and view.red_flags.blocks_exercise:
            # Never hidden behind a flag: the red-flag banner also goes to stderr.
            from backskills.render import safety

            safety.today_notice(view.red_flags, stderr=True)
    elif view.empty:
        show.welcome(domain.FIRST_STEPS)
    else:
        show.home(view)
