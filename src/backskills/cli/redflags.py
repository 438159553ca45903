"""``backskills redflags``: check the warning signs, list past checks, record an assessment."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from backskills.cli._common import (
    DateOption,
    JsonOption,
    NoInputOption,
    NoteOption,
    answering,
    interactive,
    store,
    today,
    wrapped,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from backskills.domain.redflags import CheckResult, Sign

app = typer.Typer(
    invoke_without_command=True,
    no_args_is_help=False,
    add_completion=False,
)


@app.callback(invoke_without_command=True)
def redflags_command(
    ctx: typer.Context,
    present: Annotated[
        list[str] | None,
        typer.Option(
            "--present",
            "-p",
            metavar="ID",
            help="A sign or history item that applies to you (repeat for each). "
            "See --list for the IDs.",
        ),
    ] = None,
    none: Annotated[
        bool, typer.Option("--none", help="None of the signs or history items apply.")
    ] = False,
    list_signs: Annotated[
        bool, typer.Option("--list", help="List every sign's ID with its question.")
    ] = False,
    json: JsonOption = False,
    no_input: NoInputOption = False,
) -> None:
    """Check the red flags: rare warning signs that need a doctor. The check is saved.

    The answer is emergency (999 or A&E now), urgent (your GP today, or NHS 111), get it checked, routine (mention it at your next appointment) or clear.

    On a terminal it asks one question at a time, emergency signs first.

    Otherwise say which apply with --present ID (repeat it), or --none if none apply.

    Example: backskills redflags --none

    Example: backskills redflags --present trauma --present osteoporosis --json
    """
    if ctx.invoked_subcommand is not None:
        return
    from backskills import render
    from backskills.domain import redflags, window
    from backskills.errors import InvalidInput

    if list_signs:
        if json:
            render.emit_json(redflags.catalogue_json())
        else:
            from backskills.render import safety as show

            show.catalogue(
                [
                    (title, redflags.signs_in(group))
                    for group, title in redflags.GROUP_TITLES.items()
                ]
            )
        return
    if present and none:
        raise InvalidInput("--none", "cannot be used together with --present; choose one.")
    if present or none:
        ids = redflags.normalise_ids(present or [])
    elif interactive(no_input) and not json:
        ids = _ask()
    else:
        raise InvalidInput(
            "--present",
            "say which signs apply with --present ID (repeat it for each), "
            "or --none if none of them apply.",
            hint="'backskills redflags --list' shows every ID with its question.",
        )
    with store().transaction(needs=window.snapshot_only) as journal:
        result = redflags.record_check(journal, ids, today())
    _show(result, json)


def _ask() -> list[str]:
    """The walk-through: one question at a time, emergency signs first, with a counter.

    A yes to any emergency sign stops the questions: the outcome is already an emergency
    and nothing else should come between the patient and that advice.
    """
    from backskills import render
    from backskills.domain import redflags

    render.say(
        "A few yes or no questions about warning signs. They are rare, and most people "
        "answer no to all of them. Think about what is new or has changed."
    )
    with answering("--present ID (or --none)"):
        return ask_signs(redflags.SIGNS, stop_when=redflags.EMERGENCY_IDS)


def ask_signs(signs: Sequence[Sign], stop_when: frozenset[str] = frozenset()) -> list[str]:
    """Ask each sign's question ("question N of M", wrapped at word boundaries) under its
    group's title; returns the IDs answered yes. A yes to an ID in ``stop_when`` stops."""
    from backskills.domain import redflags
    from backskills.render import safety as show

    chosen: list[str] = []
    group = None
    for number, sign in enumerate(signs, start=1):
        if sign.group != group:
            group = sign.group
            show.question_group(redflags.GROUP_TITLES[group])
        show.question(number, len(signs), sign.question)
        if typer.confirm(wrapped("Yes or no?"), default=False):
            chosen.append(sign.id)
            if sign.id in stop_when:
                break
    return chosen


def _show(result: CheckResult, json: bool) -> None:
    from backskills import render
    from backskills.render import safety as show

    if json:
        render.emit_json(result.to_json())
        if result.outcome != "clear":
            # Never hidden behind a flag: the advice also goes to stderr in full.
            show.advice(result, stderr=True)
        return
    render.say("")
    show.advice(result)


@app.command("history")
def history_command(json: JsonOption = False) -> None:
    """List your red-flag checks, oldest first, and any assessment you recorded.

    Example: backskills redflags history
    """
    from backskills import render
    from backskills.domain import redflags, window
    from backskills.render import safety as show

    rows = redflags.history(store().load(needs=window.snapshot_only))
    if json:
        render.emit_json([row.to_json() for row in rows])
        return
    show.check_history(rows)


@app.command("assessed")
def assessed_command(
    note: NoteOption = None,
    date: DateOption = None,
    json: JsonOption = False,
) -> None:
    """Record that a GP or physiotherapist has assessed your latest (not clear) check.

    This lets backskills start or step up exercise again. Follow their advice.

    Example: backskills redflags assessed --note "GP saw me, fine to exercise"
    """
    from backskills import render
    from backskills.domain import redflags, validate, window
    from backskills.render import safety as show

    current = today()
    cleaned = validate.note(note)
    when = validate.day(date, current)
    with store().transaction(needs=window.snapshot_only) as journal:
        assessment = redflags.record_assessment(journal, current, cleaned, on=when)
        check = journal.redflag_checks[assessment.check]
    if json:
        render.emit_json(
            {
                "assessed_on": assessment.date.isoformat(),
                "check": assessment.check,
                "checked_on": check.checked_on.isoformat(),
                "outcome": check.outcome,
                "note": assessment.note,
            }
        )
        return
    show.assessment_recorded(check.checked_on.isoformat(), check.outcome, assessment.note)
