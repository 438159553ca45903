"""``backskills progress``: review each plan, and step up or ease back."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from backskills.cli._activity import ActivityArg, OptionalActivityArg
from backskills.cli._common import (
    DateOption,
    JsonOption,
    NoInputOption,
    answering,
    interactive,
    store,
    today,
    wrapped,
)


class _ReviewByDefault(TyperGroup):
    """``progress [ACTIVITY]`` runs ``progress evaluate [ACTIVITY]``."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h")):
            args = ["evaluate", *args]
        return list(super().parse_args(ctx, args))


app = typer.Typer(
    add_completion=False,
    cls=_ReviewByDefault,
    help=(
        "Review your plans: step up, hold, ease back or at target, with the reasons.\n\n"
        "Running 'backskills progress [ACTIVITY]' runs 'evaluate'."
    ),
)


@app.command("evaluate")
def evaluate_command(
    activity: OptionalActivityArg = None,
    pain_up: Annotated[
        bool,
        typer.Option("--pain-up", help="Your pain went up after the last step up: see choices."),
    ] = False,
    json: JsonOption = False,
) -> None:
    """Review every plan as of today and say what to do next, and why.

    Example: backskills progress evaluate walking

    The short form 'backskills progress walking --pain-up' does the same.
    """
    from backskills import render
    from backskills.domain import validate, window
    from backskills.domain.progression.review import evaluate
    from backskills.render import progression as show

    name = validate.name(activity, "ACTIVITY") if activity is not None else None
    now = today()
    recs = evaluate(
        store().load(needs=window.bind(window.progress, now)), now, name, pain_up=pain_up
    )
    if json:
        render.emit_json({"activities": [r.to_json() for r in recs]})
    else:
        show.recommendations(recs)


@app.command("step-up")
def step_up_command(
    activity: ActivityArg, date: DateOption = None, json: JsonOption = False
) -> None:
    """Accept the next step up, when your review says you are ready.

    Example: backskills progress step-up walking
    """
    from backskills import render
    from backskills.domain import validate, window
    from backskills.domain.progression.changes import step_up
    from backskills.render import progression as show

    now = today()
    name = validate.name(activity, "ACTIVITY")
    on = validate.day(date, now)
    with store().transaction(needs=window.bind(window.step_up, on)) as journal:
        change = step_up(journal, name, day=on, today=now)
    if json:
        render.emit_json(change.to_json())
    else:
        show.level_change(change)


@app.command("ease-back")
def ease_back_command(
    activity: ActivityArg,
    option: Annotated[
        str | None,
        typer.Option("--option", help="previous, halfway or stay."),
    ] = None,
    date: DateOption = None,
    no_input: NoInputOption = False,
    json: JsonOption = False,
) -> None:
    """After pain rose with a step up: go back to the previous level, half-way, or stay.

    previous: back to the level before, held twice as long. halfway: back half the step.
    stay: keep the new level and start its hold period again.

    Example: backskills progress ease-back walking --option halfway
    """
    from backskills import render
    from backskills.domain import validate, window
    from backskills.domain.progression.changes import ease_back
    from backskills.errors import InvalidInput
    from backskills.render import progression as show

    now = today()
    name = validate.name(activity, "ACTIVITY")
    if option is None:
        if not interactive(no_input):
            raise InvalidInput("--option", "is required: previous, halfway or stay.")
        with answering("--option"):
            option = typer.prompt(wrapped("Which: previous, halfway or stay"))
    chosen = validate.choice(option, ("previous", "halfway", "stay"), "--option")
    on = validate.day(date, now)
    with store().transaction(needs=window.snapshot_only) as journal:
        change = ease_back(journal, name, chosen, day=on, today=now)  # type: ignore[arg-type]
    if json:
        render.emit_json(change.to_json())
    else:
        show.level_change(change)
