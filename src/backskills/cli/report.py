"""``backskills report``: a report for your physiotherapist, and your questions for it."""

from __future__ import annotations

from typing import Annotated

import typer

from backskills.cli._common import ForceOption, JsonOption, OutputOption, store, today

app = typer.Typer(add_completion=False, no_args_is_help=False)

WeeksOption = Annotated[
    str | None,
    typer.Option("--weeks", help="The last N weeks up to today (default 6, a class)."),
]


@app.callback(invoke_without_command=True)
def report_command(
    ctx: typer.Context,
    weeks: WeeksOption = None,
    start: Annotated[
        str | None, typer.Option("--from", help="First day of the period: YYYY-MM-DD.")
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", help="Last day of the period (default today).")
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="html (to print or show) or md (to paste).")
    ] = "html",
    output: OutputOption = None,
    name: Annotated[
        str | None, typer.Option("--name", help="Your name, shown at the top (optional).")
    ] = None,
    question: Annotated[
        list[str] | None,
        typer.Option(
            "--question",
            help="Note a question for your next appointment (repeatable); it goes in the report.",
        ),
    ] = None,
    force: ForceOption = False,
    json: JsonOption = False,
) -> None:
    """A report for your physiotherapist or GP: one or two printed pages with your levels,
    charts, pain, check-ins, goals, flare-ups, red-flag checks and your questions.

    HTML (the default) is one self-contained file to print (A4 or Letter), email or open on
    a phone; it never loads anything from the internet. Markdown (--format md) is the same
    as text and tables, to paste into an email. Without -o the report goes to stdout; on a
    terminal an HTML report is saved as backskills-report-DATE.html instead.

    --question "..." saves a question for the report (and writes no report unless -o is
    given too); 'backskills report questions' lists and clears them.

    Example: backskills report -o back-report.html --name "Sam Patel"
    """
    if ctx.invoked_subcommand is not None:
        return
    import sys
    from pathlib import Path

    from backskills import render
    from backskills.domain import report, validate
    from backskills.errors import InvalidInput
    from backskills.render import report as show

    now = today()
    kind = validate.choice(fmt, ("html", "md"), "--format")
    first = validate.day(start, now, "--from") if start is not None else None
    last = validate.day(end, now, "--to") if end is not None else None
    how_many = validate.whole_number(weeks, "--weeks", 1, report.MAX_WEEKS) if weeks else None
    who = validate.name(name, "--name") if name is not None else None
    asked = [report.check_question(text) for text in question or []]
    if asked:
        with store().transaction() as journal:
            added = [report.add_question(journal, text, now) for text in asked]
            count = len(journal.questions)
        if output is None:
            if json:
                render.emit_json({"added": [q.model_dump(mode="json") for q in added]})
            else:
                show.questions_added(added, count)
            return
        if not json:
            show.questions_added(added, count)
    the_store = store()
    built = report.build(the_store.load(), now, weeks=how_many, start=first, end=last, name=who)
    if kind == "html":
        from backskills.domain.report_html import render as to_html

        text = to_html(built)
    else:
        from backskills.domain.report_md import render as to_md

        text = to_md(built)
    target = output
    if target is None and kind == "html" and not json and sys.stdout.isatty():
        target = Path(f"backskills-report-{now.isoformat()}.html")
    if target is None and not json:
        show.to_stdout(text)
        show.health_note(None)
        return
    if target is not None:
        the_store.write_export(target, text.encode("utf-8"), overwrite=force)
    if json:
        document = built.to_json()
        document["written"] = str(target) if target is not None else None
        document["format"] = kind
        render.emit_json(document)
        if target is not None:
            show.health_note(target)
        return
    if target is None:  # pragma: no cover - handled above
        raise InvalidInput("-o", "needs a file name.")
    show.written(built, target, kind)


@app.command("questions")
def questions_command(
    clear: Annotated[
        bool, typer.Option("--clear", help="Remove every question (after your appointment).")
    ] = False,
    remove: Annotated[
        str | None, typer.Option("--remove", help="Remove the question with this number.")
    ] = None,
    json: JsonOption = False,
) -> None:
    """List the questions you noted for your next appointment, or clear them.

    Example: backskills report questions --clear
    """
    from backskills import render
    from backskills.domain import report, validate
    from backskills.errors import InvalidInput
    from backskills.render import report as show

    if clear and remove is not None:
        raise InvalidInput("--remove", "give --clear or --remove, not both.")
    if clear or remove is not None:
        number = validate.whole_number(remove, "--remove", 1, 10**9) if remove else None
        with store().transaction() as journal:
            gone = (
                report.clear_questions(journal)
                if number is None
                else [report.remove_question(journal, number)]
            )
            left = report.questions(journal)
        if json:
            render.emit_json(
                {"removed": [q.to_json() for q in gone], "questions": [q.to_json() for q in left]}
            )
        else:
            show.questions_removed(gone, left)
        return
    listed = report.questions(store().load())
    if json:
        render.emit_json({"questions": [q.to_json() for q in listed]})
    else:
        show.questions_list(listed)
