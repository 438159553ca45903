"""``backskills pain``: record a pain score."""

from __future__ import annotations

from typing import Annotated

import typer

from backskills.cli._common import (
    NEGATIVE_AMOUNTS,
    DateOption,
    JsonOption,
    NoteOption,
    store,
    today,
)

app = typer.Typer(help="Record a pain score (0 to 10) for a day.", add_completion=False)


@app.command("pain", context_settings=NEGATIVE_AMOUNTS)
def pain_command(
    score: Annotated[str, typer.Argument(help="0 (no pain) to 10 (the worst you can imagine).")],
    date: DateOption = None,
    note: NoteOption = None,
    json: JsonOption = False,
) -> None:
    """Record a pain score for the day: 0 is no pain, 10 the worst you can imagine.

    Example: backskills pain 4 --note "stiff after gardening"
    """
    from backskills import render
    from backskills.domain import validate, window
    from backskills.domain.records import record_pain
    from backskills.render import records as show

    now = today()
    value = validate.pain_score(score, "SCORE")
    on = validate.day(date, now)
    text = validate.note(note)
    with store().transaction(needs=window.bind(window.pain, on)) as journal:
        result = record_pain(journal, value, day=on, note=text)
    if json:
        render.emit_json(result.to_json())
    else:
        show.pain(result)
