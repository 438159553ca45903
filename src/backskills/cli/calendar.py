"""``backskills calendar``: your plan as an iCalendar file for any calendar app."""

from __future__ import annotations

from typing import Annotated

import typer

from backskills.cli._common import ForceOption, JsonOption, OutputOption, store, today

app = typer.Typer(help="Your plan in your own calendar app.", add_completion=False)


@app.command("calendar")
def calendar_command(
    output: OutputOption = None,
    weeks: Annotated[
        str, typer.Option("--weeks", help="How many weeks of daily levels and reviews (1-52).")
    ] = "6",
    at: Annotated[
        str | None,
        typer.Option("--at", help="A time for the events, HH:MM (default: all-day events)."),
    ] = None,
    alarm: Annotated[
        str | None,
        typer.Option("--alarm", help="A reminder this many minutes before (needs --at)."),
    ] = None,
    force: ForceOption = False,
    json: JsonOption = False,
) -> None:
    """Put your plan into your calendar: an iCalendar (.ics) file any calendar app imports.

    One daily event for each level of each plan (the level now, then the planned steps),
    the days a review may say step up, your goals' deadlines and pacing tasks' deadlines.
    Each event says how its level was worked out and which command logs it. Importing a
    newer file updates the events instead of adding copies.

    Example: backskills calendar -o back-plan.ics --at 10:00 --alarm 15
    """
    from datetime import UTC, datetime

    from backskills import render
    from backskills.domain import schedule, validate
    from backskills.errors import InvalidInput
    from backskills.render import schedule as show

    how_many = validate.whole_number(weeks, "--weeks", 1, schedule.MAX_WEEKS)
    when = validate.clock_time(at) if at is not None else None
    before = validate.whole_number(alarm, "--alarm", 0, 1440) if alarm is not None else None
    if before is not None and when is None:
        raise InvalidInput(
            "--alarm",
            "needs a time with --at: an all-day event has no time to remind you before.",
            hint="For example: backskills calendar --at 10:00 --alarm 15",
        )
    the_store = store()
    plan = schedule.build(the_store.load(), today(), how_many)
    from backskills.domain.ics import to_ics

    data = to_ics(plan, stamp=datetime.now(UTC), at=when, alarm_minutes=before)
    if output is None and not json:
        show.ics_to_stdout(data)
        show.privacy_note(None, stderr=True)
        return
    if output is not None:
        the_store.write_export(output, data, overwrite=force)
    if json:
        document = plan.to_json()
        document["written"] = str(output) if output is not None else None
        render.emit_json(document)
        if output is not None:
            show.privacy_note(output, stderr=True)
    else:
        show.written(plan, output)
