"""``backskills relax``: guided deep breathing, and a record of relaxation practice."""

from __future__ import annotations

from typing import Annotated

import typer

from backskills.cli._common import (
    NEGATIVE_AMOUNTS,
    DateOption,
    JsonOption,
    NoInputOption,
    NoteOption,
    interactive,
    store,
    today,
)

app = typer.Typer(invoke_without_command=True, add_completion=False)


@app.callback(invoke_without_command=True)
def relax(
    ctx: typer.Context,
    minutes: Annotated[
        str, typer.Option("--minutes", "-m", help="How long to breathe for, 1 to 60 minutes.")
    ] = "3",
    no_input: NoInputOption = False,
    json: JsonOption = False,
) -> None:
    """A guided deep-breathing session. Ctrl-C stops it; the minutes you did are recorded.

    On a terminal a calm pacer counts each breath in and out.

    Otherwise (or with --json) it prints the steps; record them with 'backskills relax log'.

    Example: backskills relax --minutes 5
    """
    if ctx.invoked_subcommand is not None:
        return
    from backskills import render
    from backskills.domain import window
    from backskills.domain.activities import describe
    from backskills.domain.learning import (
        BREATHING_STEPS,
        MAX_GUIDED_MINUTES,
        breathing_plan,
        duration_words,
        log_relaxation,
        minutes_done,
        worth_recording,
    )
    from backskills.domain.validate import whole_number
    from backskills.render import relax as pacer

    plan = breathing_plan(whole_number(minutes, "--minutes", 1, MAX_GUIDED_MINUTES))
    if json or not (interactive(no_input) and render.is_terminal()):
        if json:
            render.emit_json(
                {
                    "minutes": plan.minutes,
                    "breaths": plan.breaths,
                    "in_seconds": plan.in_seconds,
                    "out_seconds": plan.out_seconds,
                    "steps": list(BREATHING_STEPS),
                    "recorded": None,
                }
            )
            return
        pacer.breathing_steps(plan, BREATHING_STEPS)
        render.say("")
        render.hint(f"Afterwards, record it with 'backskills relax log {plan.minutes}'.")
        render.more("relaxation")
        return

    render.say(("Deep breathing", "bold"), f" for {describe(plan.minutes, 'minutes')}.")
    render.bullet_list(BREATHING_STEPS[:2])
    seconds = pacer.pace_breathing(plan)
    if not worth_recording(seconds):
        render.say("Stopped before one full breath, so nothing was recorded.")
        return
    done = minutes_done(seconds)
    with store().transaction(needs=window.snapshot_only) as journal:
        session = log_relaxation(journal, today(), done, guided=True)
    finished = seconds >= plan.total_seconds
    opening = "Well done." if finished else "Stopped early; that still counts."
    render.say(f"{opening} Recorded {duration_words(session.minutes)} of deep breathing.")
    render.more("relaxation")


@app.command("log", context_settings=NEGATIVE_AMOUNTS)
def log(
    minutes: Annotated[str, typer.Argument(help="How many minutes you practised.")],
    date: DateOption = None,
    note: NoteOption = None,
    json: JsonOption = False,
) -> None:
    """Record relaxation you practised without the pacer (a class, an app, a walk).

    Example: backskills relax log 10 --date yesterday
    """
    from backskills import render
    from backskills.domain import window
    from backskills.domain.learning import MAX_LOGGED_MINUTES, duration_words, log_relaxation
    from backskills.domain.validate import day, positive_amount
    from backskills.domain.validate import note as check_note
    from backskills.errors import InvalidInput

    amount = positive_amount(minutes, "MINUTES")
    if amount > MAX_LOGGED_MINUTES:
        raise InvalidInput(
            "MINUTES", f"is more than {MAX_LOGGED_MINUTES}; record each session on its own."
        )
    when = day(date, today())
    text = check_note(note)
    with store().transaction(needs=window.snapshot_only) as journal:
        session = log_relaxation(journal, when, amount, guided=False, note=text)
    if json:
        render.emit_json(session)
        return
    render.say(f"Recorded {duration_words(session.minutes)} of relaxation on {when.isoformat()}.")


@app.command("list")
def list_command(json: JsonOption = False) -> None:
    """List your relaxation practice, newest first, with the last 7 days' total.

    Example: backskills relax list
    """
    from datetime import timedelta

    from backskills import render
    from backskills.domain.learning import duration_words, relaxation_minutes

    journal = store().load()
    sessions = sorted(journal.relaxation, key=lambda s: s.date, reverse=True)
    if json:
        render.emit_json(sessions)
        return
    if not sessions:
        render.say("No relaxation recorded yet.")
        render.hint("Try 'backskills relax' for a guided session.")
        render.more("relaxation")
        return
    render.table(
        ["date", "time", "how", "note"],
        [
            (
                s.date.isoformat(),
                duration_words(s.minutes),
                "guided" if s.guided else "logged",
                s.note or "",
            )
            for s in sessions
        ],
    )
    since = today() - timedelta(days=6)
    total = relaxation_minutes(journal, since)
    render.say(
        f"In the last 7 days ({since.isoformat()} to {today().isoformat()}): {duration_words(total)}."
    )
