"""``backskills undo``: take back the last change to the journal."""

from __future__ import annotations

from typing import Annotated

import typer

from backskills.cli._common import (
    JsonOption,
    NoInputOption,
    answering,
    interactive,
    store,
    wrapped,
)

app = typer.Typer(add_completion=False)


@app.command("undo")
def undo_command(
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Undo without asking (needed without a terminal).")
    ] = False,
    no_input: NoInputOption = False,
    json: JsonOption = False,
) -> None:
    """Take back the last change: the journal goes back to how it was just before it.

    It first says what will be taken back and asks; without a terminal add --yes. Run it
    again to step back one more change. The journal being undone is kept in set-aside/.

    Example: backskills undo --yes
    """
    from backskills import render
    from backskills.domain import undo
    from backskills.errors import InvalidInput, Refused
    from backskills.render import undo as show

    keeper = store()
    state = keeper.previous_state()
    if state is None:
        raise Refused(
            "there is nothing to undo: no earlier state of the journal is kept.",
            hint=(
                "The very first change has nothing before it; to take out an entry, use "
                "'backskills entries remove ID'."
            ),
        )
    undo.refuse_losing_redflag_checks(state.current, state.journal)
    lines = undo.differences(state.current, state.journal)
    if not yes:
        if not interactive(no_input) or json:
            raise InvalidInput(
                "--yes",
                "undo asks before it changes anything; add --yes to undo without a question.",
                hint="Undo " + "; ".join(lines) + ".",
            )
        show.preview(state.changed_at, lines)
        with answering("--yes"):
            agreed = typer.confirm(wrapped("Undo this change?"), default=False)
        if not agreed:
            render.say("Nothing was changed.")
            return
    aside = keeper.step_back(state)
    if json:
        render.emit_json(
            {
                "undone": lines,
                "changed_at": state.changed_at.isoformat(),
                "set_aside": None if aside is None else str(aside),
            }
        )
        return
    show.done(state.changed_at, lines, aside, asked=not yes)
