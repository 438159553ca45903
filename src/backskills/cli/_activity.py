"""Arguments and options shared by the activity commands (baseline, plan, log, progress)."""

from __future__ import annotations

from typing import Annotated

import typer

ActivityArg = Annotated[str, typer.Argument(help="The activity, e.g. walking or 'sit to stand'.")]
OptionalActivityArg = Annotated[
    str | None, typer.Argument(help="One activity (default: every plan).")
]
AmountArg = Annotated[str, typer.Argument(help="How much you did (minutes, reps, ...).")]
UnitOption = Annotated[
    str | None, typer.Option("--unit", help="Unit for a new activity (default minutes).")
]
ResolutionOption = Annotated[
    str | None,
    typer.Option("--resolution", help="Rounding step for a new activity in another unit."),
]
NewOption = Annotated[
    bool,
    typer.Option(
        "--new", help="Start a new activity even though its name is close to one you have."
    ),
]
