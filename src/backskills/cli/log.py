"""``backskills log``: record what you did."""

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

app = typer.Typer(help="Record an amount of any activity for a day.", add_completion=False)


@app.command("log", context_settings=NEGATIVE_AMOUNTS)
def log_command(
    activity: ActivityArg,
    amount: AmountArg,
    unit: UnitOption = None,
    date: DateOption = None,
    pain: Annotated[
        str | None, typer.Option("--pain", help="Your pain score that day, 0 to 10.")
    ] = None,
    note: NoteOption = None,
    resolution: ResolutionOption = None,
    new: NewOption = False,
    json: JsonOption = False,
) -> None:
    """Record what you did. Several records a day add up; the day is met when it reaches your level.

    Example: backskills log walking 12 --pain 3
    """
    from backskills import render
    from backskills.clock import now_utc
    from backskills.domain import validate, window
    from backskills.domain.records import log_activity
    from backskills.render import records as show

    now = today()
    name = validate.name(activity, "ACTIVITY")
    value = validate.amount(amount, "AMOUNT")
    on = validate.day(date, now)
    unit_name = validate.name(unit, "--unit") if unit is not None else None
    score = validate.pain_score(pain) if pain is not None else None
    text = validate.note(note)
    step = validate.resolution(resolution) if resolution is not None else None
    with store().transaction(needs=window.bind(window.log, on)) as journal:
        result = log_activity(
            journal,
            name,
            value,
            today=now,
            day=on,
            unit=unit_name,
            resolution=step,
            new=new,
            pain=score,
            note=text,
            at=now_utc(),
        )
    if json:
        render.emit_json(result.to_json())
    else:
        show.logged(result)
    show.boom_warning(result)
    show.repeat_note(result)
