"""``backskills flareup``: get through a flare-up, your flare-up plan and past flare-ups."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from backskills.cli import _plans
from backskills.cli._common import (
    InputEnded,
    JsonOption,
    NoInputOption,
    NoteOption,
    answering,
    input_ended,
    interactive,
    store,
    today,
    wrapped,
)

if TYPE_CHECKING:
    from datetime import date

    from backskills.domain.flareups import ReduceChoice, ReductionOption
    from backskills.models import Journal
    from backskills.models.safety import Comeback

app = typer.Typer(
    invoke_without_command=True,
    no_args_is_help=False,
    add_completion=False,
)
plan_app = typer.Typer(
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(plan_app, name="plan")

PainOption = Annotated[
    str | None, typer.Option("--pain", help="How strong the pain is now, 0 to 10.")
]
ReduceOption = Annotated[
    str | None,
    typer.Option(
        "--reduce",
        metavar="none|previous|start",
        help="For every planned activity: keep its level (none, the default), drop back to "
        "the previous level, or to the plan's starting level.",
    ),
]


def _units(journal: Journal) -> dict[str, str]:
    return {a.name.casefold(): a.unit for a in journal.activities}


@app.callback(invoke_without_command=True)
def flareup_command(
    ctx: typer.Context, json: JsonOption = False, no_input: NoInputOption = False
) -> None:
    """Show the flare-up in progress, or start one if none is active.

    Starting one gives the first steps, your plan and the emergency signs to check.

    It pauses step-ups. With --json it only shows (it never starts one).

    Example: backskills flareup
    """
    if ctx.invoked_subcommand is not None:
        return
    from backskills import render
    from backskills.domain import flareups, window
    from backskills.render import safety as show

    journal = store().load(needs=window.flareup_status)
    current = flareups.status(journal, today())
    if json:
        render.emit_json(current.to_json())
        return
    if not current.active:
        _start(None, None, None, json=False, no_input=no_input)
        return
    show.flareup_status(current, _units(journal))
    render.say("")
    _plans.render_plan("flareup", current.plan)
    render.more("flareups")


@app.command("start")
def start_command(
    pain: PainOption = None,
    note: NoteOption = None,
    reduce: ReduceOption = None,
    json: JsonOption = False,
    no_input: NoInputOption = False,
) -> None:
    """Start a flare-up: first steps, your plan, the emergency signs; pauses step-ups.

    Example: backskills flareup start --pain 7 --reduce previous
    """
    _start(pain, note, reduce, json=json, no_input=no_input)


def _start(
    pain_raw: str | None,
    note_raw: str | None,
    reduce_raw: str | None,
    *,
    json: bool,
    no_input: bool,
) -> None:
    from backskills import render
    from backskills.domain import flareups, redflags, validate, window
    from backskills.errors import InvalidInput
    from backskills.render import safety as show

    current = today()
    pain = None if pain_raw is None else validate.pain_score(pain_raw)
    note = validate.note(note_raw)
    reduce: ReduceChoice | dict[str, ReduceChoice] = "none"
    if reduce_raw is not None:
        choice = reduce_raw.strip().lower()
        if choice not in flareups.REDUCE_CHOICES:
            raise InvalidInput(
                "--reduce", f"'{validate.printable(reduce_raw)}': use none, previous or start."
            )
        reduce = choice
    ask = interactive(no_input) and not json
    journal = store().load(needs=window.snapshot_only)
    flareups.require_can_start(journal, current)  # refuse before any of the opening is shown

    # The warning signs come first; only then the calm opening and the plan.
    found: list[str] = []
    signs_shown = not ask
    if ask:
        from backskills.cli.redflags import ask_signs

        render.say("First, a quick check of the warning signs. Think about what is new.")
        try:
            found = ask_signs(redflags.signs_in("emergency"), stop_when=redflags.EMERGENCY_IDS)
            if not found:
                found = _ask_urgent()
        except InputEnded:
            # The questions could not be answered: the signs and what to do are shown
            # all the same, then the command stops (exit 2) without starting a flare-up.
            signs_shown = True
            ended = True
        else:
            ended = False
    if signs_shown:
        show.warning_signs(
            [
                (
                    redflags.GROUP_TITLES[group],
                    [s.label for s in redflags.signs_in(group)],
                    redflags.ADVICE[group],
                )
                for group in ("emergency", "urgent")
            ],
            stderr=json,
        )
        if ask and ended:
            raise input_ended("--no-input")
    render.say("", stderr=json)
    if found:
        # Nothing calm, no plan, no questions about levels: the advice comes first and alone.
        show.advice(redflags.build_result(current, found))
    else:
        show.flareup_opening(flareups.OPENING, flareups.first_steps(journal), stderr=json)
        render.say("", stderr=json)
        _plans.render_plan("flareup", [s.text for s in journal.flareup_plan], stderr=json)
        if ask:
            render.say("")
            if pain is None:
                pain = _ask_pain()
            if reduce_raw is None:
                reduce = {
                    o.activity: _ask_reduce(o) for o in flareups.reduction_options(journal, current)
                }

    with store().transaction(needs=window.snapshot_only) as journal:
        flare = flareups.start(journal, current, pain, note, reduce)
        check = redflags.record_check(journal, found, current) if found else None
        status = flareups.status(journal, current)
        units = _units(journal)
        gated = flareups.check_line(journal)
    if json:
        render.emit_json(
            status.to_json()
            | {
                "pain": flare.pain,
                "note": flare.note,
                "reductions": [
                    {"activity": r.activity, "from": r.from_level, "to": r.to_level}
                    for r in flare.reductions
                ],
            }
        )
        return
    asked, kept = flareups.kept_levels(journal, current, flare, reduce)
    show.flareup_started(
        current.isoformat(),
        flare.reductions,
        units,
        emergency=check is not None,
        asked_to_reduce=asked,
        kept=[(o.activity, o.current, o.unit) for o in kept],
        check_line=gated,
    )


def _ask_urgent() -> list[str]:
    """The urgent signs as one list: anything new? If so, which ones (by number)."""
    from backskills import render
    from backskills.domain import redflags
    from backskills.render import safety as show

    urgent = redflags.signs_in("urgent")
    show.anything_new([s.label for s in urgent])
    if not typer.confirm(wrapped("Is anything on this list new for you?"), default=False):
        return []
    while True:
        raw: str = typer.prompt(
            wrapped(f"Which ones? Type their numbers, 1 to {len(urgent)}, e.g. 2 5")
        )
        words = raw.replace(",", " ").split()
        if words and all(w.isdigit() and 1 <= int(w) <= len(urgent) for w in words):
            return [urgent[int(w) - 1].id for w in words]
        render.warn(f"please type numbers from 1 to {len(urgent)}, separated by spaces.")


def _ask_pain() -> int | None:
    from backskills import render
    from backskills.domain import validate
    from backskills.errors import InvalidInput

    while True:
        with answering("--pain"):
            raw: str = typer.prompt(
                wrapped("How strong is the pain now, 0 to 10? (Enter to skip)"),
                default="",
                show_default=False,
            )
        if not raw.strip():
            return None
        try:
            return validate.pain_score(raw)
        except InvalidInput as exc:
            render.warn(exc.message)


def _ask_reduce(option: ReductionOption) -> ReduceChoice:
    from backskills import render
    from backskills.domain.units import fmt

    offers: dict[str, tuple[ReduceChoice, str]] = {"k": ("none", f"keep {fmt(option.current)}")}
    if option.previous is not None:
        offers["p"] = ("previous", f"previous level {fmt(option.previous)}")
    if option.start is not None:
        offers["s"] = ("start", f"starting level {fmt(option.start)}")
    if len(offers) == 1:
        return "none"
    listed = ", ".join(f"{text} ({key})" for key, (_, text) in offers.items())
    while True:
        with answering("--reduce"):
            answer: str = typer.prompt(
                wrapped(
                    f"{option.activity} is at {fmt(option.current)} {option.unit}. "
                    f"For this flare-up: {listed}?"
                ),
                default="k",
            )
        key = answer.strip().lower()[:1]
        if key in offers:
            return offers[key][0]
        render.warn(f"please answer {', '.join(offers)}.")


ComebackOption = Annotated[
    str | None,
    typer.Option(
        "--comeback",
        help="How to come back: catch-up (the default), back or baseline.",
    ),
]


@app.command("end")
def end_command(
    trigger: Annotated[
        str | None, typer.Option("--trigger", help="What may have set it off (if anything).")
    ] = None,
    learned: Annotated[
        str | None,
        typer.Option(
            "--learned", "--helped", help="What helped, or what you learned for next time."
        ),
    ] = None,
    comeback: ComebackOption = None,
    pain: PainOption = None,
    json: JsonOption = False,
    no_input: NoInputOption = False,
) -> None:
    """End the flare-up in progress, and choose how to come back to your levels.

    For activities the flare-up dropped back: catch-up (the default) climbs back through
    the levels you held before, 3 days each; back returns to the level you held before at
    once, after a pain check (--pain 4 or less, and lower than at the start); baseline
    starts a fresh baseline. Other activities carry on from their levels.

    Example: backskills flareup end --trigger "long drive" --learned "heat and short walks"
    """
    from backskills import render
    from backskills.domain import flareups, validate, window
    from backskills.render import safety as show

    current = today()
    trigger_text = validate.note(trigger, "--trigger")
    learned_text = validate.note(learned, "--learned")
    chosen = (
        flareups.COMEBACK_WORDS[
            validate.choice(comeback, tuple(flareups.COMEBACK_WORDS), "--comeback")
        ]
        if comeback is not None
        else None
    )
    pain_now = validate.pain_score(pain) if pain is not None else None
    journal = store().load(needs=window.snapshot_only)
    flare = flareups.require_active(journal)
    asking = interactive(no_input) and not json
    if asking:
        if trigger is None:
            trigger_text = _ask_text(
                "What may have set it off? Often nothing clear does.", "trigger", "--trigger"
            )
        if learned is None:
            learned_text = _ask_text(
                "What helped, or what would you do next time?", "what helped", "--learned"
            )
        if chosen is None and flareups.comeback_plans(journal, flare, current, "catch_up"):
            chosen = _ask_comeback(journal, current)
        if chosen == "back" and pain_now is None:
            pain_now = _ask_pain()
    chosen = chosen or "catch_up"
    with store().transaction(needs=window.snapshot_only) as journal:
        flare = flareups.require_active(journal)
        plans = flareups.comeback_plans(journal, flare, current, chosen)
        flare = flareups.end(journal, current, trigger_text, learned_text, chosen, pain_now)
        days = flareups.days_lasted(flare, current)
        levels = flareups.levels_in_force(journal, flare, current)
    if json:
        render.emit_json(
            {
                "started": flare.started.isoformat(),
                "ended": current.isoformat(),
                "days": days,
                "trigger": flare.trigger,
                "helped": flare.helped,
                "comeback": flare.comeback,
                "pain": pain_now,
                "comeback_plans": [plan.to_json() for plan in plans],
                "levels": [item.to_json() for item in levels],
            }
        )
        return
    noted = []
    if flare.trigger:
        noted.append(f"Noted what may have set it off: {flare.trigger}")
    if flare.helped:
        noted.append(f"Noted what helped: {flare.helped}")
    if pain_now is not None:
        noted.append(f"Pain now: {pain_now} out of 10 (added to your pain scores).")
    show.flareup_ended(flare.started.isoformat(), current.isoformat(), days, levels, noted, plans)


def _ask_comeback(journal: Journal, on: date) -> Comeback:
    """On a terminal: the three ways back, with what each does in numbers."""
    from backskills import render
    from backskills.domain import flareups

    flare = flareups.require_active(journal)
    keys: dict[str, Comeback] = {"c": "catch_up", "b": "back", "f": "baseline"}
    titles = {
        "catch_up": "c) catch-up (recommended)",
        "back": "b) back to the level you held before (after a pain check)",
        "baseline": "f) a fresh baseline",
    }
    render.say("How would you like to come back?")
    for way in keys.values():
        render.say(titles[way])
        for plan in flareups.comeback_plans(journal, flare, on, way):
            render.say(f"   {plan.activity}: ", plan.text)
    while True:
        with answering("--comeback"):
            answer: str = typer.prompt(wrapped("Your choice: c, b or f"), default="c")
        key = answer.strip().lower()[:1]
        if key in keys:
            return keys[key]
        render.warn("please answer c, b or f.")


def _ask_text(question: str, field: str, flag: str) -> str | None:
    from backskills.domain import validate

    with answering(flag):
        answer: str = typer.prompt(
            wrapped(f"{question} (Enter to skip)"), default="", show_default=False
        )
    return validate.note(answer, field)


@app.command("history")
def history_command(json: JsonOption = False) -> None:
    """List your flare-ups: start, end, days, what set them off and what helped.

    Example: backskills flareup history
    """
    from backskills import render
    from backskills.domain import flareups, window
    from backskills.render import safety as show

    rows = flareups.episodes(store().load(needs=window.snapshot_only), today())
    if json:
        render.emit_json([row.to_json() for row in rows])
        return
    show.flareup_history(rows)


@plan_app.callback(invoke_without_command=True)
def plan_command(ctx: typer.Context, json: JsonOption = False) -> None:
    """Show your personal flare-up plan (up to 10 steps).

    Example: backskills flareup plan
    """
    if ctx.invoked_subcommand is None:
        _plans.show_plan("flareup", json)


_plans.add_commands(plan_app, "flareup")
