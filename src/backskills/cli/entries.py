"""``backskills entries``: see, correct and remove any dated entry by its id."""

from __future__ import annotations

from typing import Annotated

import typer

from backskills.cli._common import NEGATIVE_AMOUNTS, JsonOption, NoteOption, store, today

app = typer.Typer(invoke_without_command=True, add_completion=False)

KindOption = Annotated[
    str | None,
    typer.Option(
        "--kind",
        "-k",
        metavar="KIND",
        help=(
            "Only one kind: record, pain, baseline, spell, relax, thought, redflag, flareup, "
            "checkin."
        ),
    ),
]
ActivityOption = Annotated[
    str | None, typer.Option("--activity", "-a", metavar="ACTIVITY", help="Only this activity.")
]
FromOption = Annotated[
    str | None, typer.Option("--from", metavar="DATE", help="From this day (YYYY-MM-DD).")
]
ToOption = Annotated[
    str | None, typer.Option("--to", metavar="DATE", help="Up to this day (YYYY-MM-DD).")
]
AllOption = Annotated[
    bool,
    typer.Option("--all", help="Every entry, however old (without it: the last 4 weeks)."),
]
IdArg = Annotated[str, typer.Argument(metavar="ID", help="The entry's id, e.g. a12.")]


@app.callback(invoke_without_command=True)
def entries_command(
    ctx: typer.Context,
    kind: KindOption = None,
    activity: ActivityOption = None,
    since: FromOption = None,
    until: ToOption = None,
    every: AllOption = False,
    json: JsonOption = False,
) -> None:
    """Your dated entries, newest first, with the id that edits or removes each one.

    The last 4 weeks, unless you give --from, --to or --all. An id is a letter for the
    kind of entry and a number: a = activity record, p = pain score, b = baseline day,
    s = pacing spell, r = relaxation session, t = thought record, k = red-flag check,
    f = flare-up, c = check-in.

    Example: backskills entries --kind record --activity walking --from 2026-03-01
    """
    if ctx.invoked_subcommand is not None:
        return
    _list(kind, activity, since, until, every, json)


@app.command("list")
def list_command(
    kind: KindOption = None,
    activity: ActivityOption = None,
    since: FromOption = None,
    until: ToOption = None,
    every: AllOption = False,
    json: JsonOption = False,
) -> None:
    """The same list as 'backskills entries': your dated entries, newest first.

    Example: backskills entries list --kind pain --all --json
    """
    _list(kind, activity, since, until, every, json)


def _list(
    kind: str | None,
    activity: str | None,
    since: str | None,
    until: str | None,
    every: bool,
    json: bool,
) -> None:
    from backskills import render
    from backskills.domain import entries, validate, window
    from backskills.errors import InvalidInput
    from backskills.render import entries as show

    now = today()
    chosen = entries.kind_or_error(kind) if kind is not None else None
    first = validate.day(since, now, "--from", future=True) if since is not None else None
    last = validate.day(until, now, "--to", future=True) if until is not None else None
    if first is not None and last is not None and first > last:
        raise InvalidInput("--from", f"{first.isoformat()} is after --to {last.isoformat()}.")
    if every and (first is not None or last is not None):
        raise InvalidInput("--all", "give --all, or --from and --to, but not both.")
    name = validate.name(activity, "--activity") if activity is not None else None
    recent = not every and first is None and last is None
    if recent:
        first = entries.recent_from(now)
    journal = store().load(needs=window.bind(window.entries, first, name, recent))
    found = entries.list_entries(journal, kind=chosen, activity=name, since=first, until=last)
    earlier = (
        entries.earlier_from(journal, first, kind=chosen, activity=name)
        if recent and first is not None
        else None
    )
    if json:
        render.emit_json(
            {
                "entries": [e.to_json() for e in found],
                "from": first.isoformat() if first is not None else None,
                "to": last.isoformat() if last is not None else None,
                "earlier_from": earlier.isoformat() if earlier is not None else None,
            }
        )
    else:
        show.listing(
            found,
            filtered=any(v is not None for v in (kind, activity, since, until)),
            recent_from=first if recent else None,
            earlier_from=earlier,
        )


@app.command("edit", context_settings=NEGATIVE_AMOUNTS)
def edit_command(
    entry: IdArg,
    amount: Annotated[
        str | None, typer.Option("--amount", metavar="N", help="The new amount.")
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date", "-d", metavar="DATE", help="The right day: YYYY-MM-DD or yesterday."
        ),
    ] = None,
    note: NoteOption = None,
    score: Annotated[
        str | None, typer.Option("--score", metavar="N", help="The new pain score, 0 to 10.")
    ] = None,
    json: JsonOption = False,
) -> None:
    """Correct one entry: its amount, day, note or pain score. Says what that changes.

    Example: backskills entries edit a12 --amount 14
    """
    from backskills import render
    from backskills.domain import entries, validate
    from backskills.render import entries as show

    now = today()
    value = validate.amount(amount, "--amount") if amount is not None else None
    on = validate.day(date, now) if date is not None else None
    text = validate.note(note) if note is not None else None
    if note is not None and text is None:
        text = ""  # --note "" takes the note away
    points = validate.pain_score(score, "--score") if score is not None else None
    with store().transaction() as journal:
        change = entries.edit(
            journal, entry, today=now, amount=value, on=on, note=text, score=points
        )
    if json:
        render.emit_json(change.to_json())
    else:
        show.changed(change)


@app.command("remove")
def remove_command(entry: IdArg, json: JsonOption = False) -> None:
    """Remove one entry (a red-flag check is kept, marked as entered by mistake).

    'backskills undo' puts it back.

    Example: backskills entries remove a12
    """
    from backskills import render
    from backskills.domain import entries
    from backskills.render import entries as show

    now = today()
    with store().transaction() as journal:
        change = entries.remove(journal, entry, today=now)
    if json:
        render.emit_json(change.to_json())
    else:
        show.changed(change)
