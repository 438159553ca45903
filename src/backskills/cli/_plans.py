"""The commands the flare-up plan and the good-spell plan share: show, add, remove, suggest.

``backskills.cli.flareup`` (``flareup plan ...``) and ``backskills.cli.goodspell``
(``goodspell ...``) call these with their plan kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from backskills.cli._common import (
    JsonOption,
    NoInputOption,
    answering,
    interactive,
    store,
    today,
    wrapped,
)

if TYPE_CHECKING:
    from backskills.domain.flareups import PlanKind
    from backskills.models import Journal

TITLES: dict[PlanKind, str] = {
    "flareup": "Your flare-up plan",
    "goodspell": "Your good-spell plan",
}


def _texts(journal: Journal, kind: PlanKind) -> list[str]:
    from backskills.domain import flareups

    return [step.text for step in flareups.plan_steps(journal, kind)]


def _reminder(kind: PlanKind, stderr: bool = False) -> None:
    from backskills import render
    from backskills.domain import flareups

    if kind == "goodspell":
        render.say(("Remember: ", "bold"), flareups.GOODSPELL_REMINDER, stderr=stderr)


def render_plan(kind: PlanKind, texts: list[str], stderr: bool = False) -> None:
    from backskills.domain import flareups
    from backskills.render import safety as show

    command = flareups.PLAN_COMMANDS[kind]
    show.plan(
        TITLES[kind],
        texts,
        empty=f"No steps yet. See ideas with '{command} suggest', or write your own with "
        f"'{command} add TEXT'.",
        stderr=stderr,
    )


def plan_json(kind: PlanKind, texts: list[str]) -> dict[str, object]:
    from backskills.domain import flareups

    document: dict[str, object] = {"plan": texts}
    if kind == "goodspell":
        document["reminder"] = flareups.GOODSPELL_REMINDER
    return document


def show_plan(kind: PlanKind, json: bool) -> None:
    from backskills import render
    from backskills.domain import window

    texts = _texts(store().load(needs=window.snapshot_only), kind)
    if json:
        render.emit_json(plan_json(kind, texts))
        return
    render_plan(kind, texts)
    _reminder(kind)
    render.more("flareups" if kind == "flareup" else "goodspells")


def add(kind: PlanKind, text: str, json: bool) -> None:
    from backskills import render
    from backskills.domain import flareups, window

    with store().transaction(needs=window.snapshot_only) as journal:
        step = flareups.add_step(journal, kind, text, today())
        texts = _texts(journal, kind)
    if json:
        render.emit_json({"added": step.text, **plan_json(kind, texts)})
        return
    render.say(f"Added as step {len(texts)}.")
    render_plan(kind, texts)


def remove(kind: PlanKind, number_raw: str, json: bool) -> None:
    from backskills import render
    from backskills.domain import flareups, validate, window

    number = validate.whole_number(number_raw, "N", 1, flareups.MAX_STEPS)
    with store().transaction(needs=window.snapshot_only) as journal:
        step = flareups.remove_step(journal, kind, number)
        texts = _texts(journal, kind)
    if json:
        render.emit_json({"removed": step.text, **plan_json(kind, texts)})
        return
    render.say(f"Removed step {number}: ", step.text)
    render_plan(kind, texts)


def suggest(kind: PlanKind, add_raw: list[str] | None, json: bool, no_input: bool) -> None:
    """List the ideas; add the chosen ones (--add N, or one question each on a terminal)."""
    from backskills import render
    from backskills.domain import flareups, validate, window
    from backskills.render import safety as show

    ideas = flareups.SUGGESTIONS[kind]
    numbers: list[int] = []
    for raw in add_raw or []:
        if raw.strip().lower() == "all":
            numbers.extend(range(1, len(ideas) + 1))
        else:
            numbers.append(validate.whole_number(raw, "--add", 1, len(ideas)))
    loaded = store().load(needs=window.snapshot_only)
    items = flareups.suggestions(loaded, kind)
    command = flareups.PLAN_COMMANDS[kind]
    gated = flareups.check_line(loaded)
    if not add_raw:
        if json:
            render.emit_json(
                {
                    "redflag_check": gated,
                    "suggestions": [i.to_json() for i in items],
                    **plan_json(kind, _texts(loaded, kind)),
                }
            )
            return
        show.suggestions(items, command=command, check_line=gated)
        if not interactive(no_input):
            return
        for item in items:
            if item.in_plan:
                continue
            with answering("--add N"):
                if typer.confirm(wrapped(f"Add idea {item.number}?"), default=False):
                    numbers.append(item.number)
        if not numbers:
            return
    with store().transaction(needs=window.snapshot_only) as journal:
        added = flareups.add_suggestions(journal, kind, numbers, today())
        texts = _texts(journal, kind)
    if json:
        render.emit_json({"added": [step.text for step in added], **plan_json(kind, texts)})
        return
    render.say(
        f"Added {len(added)} step{'s' if len(added) != 1 else ''}."
        if added
        else "Nothing new to add: those ideas are already in your plan."
    )
    render_plan(kind, texts)
    _reminder(kind)


EXAMPLES: dict[PlanKind, tuple[str, str, str]] = {
    "flareup": (
        'backskills flareup plan add "Heat pack, then a 5 minute walk"',
        "backskills flareup plan remove 2",
        "backskills flareup plan suggest --add 1 --add 5",
    ),
    "goodspell": (
        'backskills goodspell add "Book a swim with my sister"',
        "backskills goodspell remove 3",
        "backskills goodspell suggest --add all",
    ),
}


def add_commands(target: typer.Typer, kind: PlanKind) -> None:
    """Give ``target`` the add, remove and suggest commands for the ``kind`` plan."""
    name = "flare-up" if kind == "flareup" else "good-spell"
    add_example, remove_example, suggest_example = EXAMPLES[kind]

    def add_command(
        text: Annotated[str, typer.Argument(metavar="TEXT", help="The step, in your own words.")],
        json: JsonOption = False,
    ) -> None:
        add(kind, text, json)

    def remove_command(
        number: Annotated[str, typer.Argument(metavar="N", help="The step number to remove.")],
        json: JsonOption = False,
    ) -> None:
        remove(kind, number, json)

    def suggest_command(
        add: Annotated[
            list[str] | None,
            typer.Option("--add", metavar="N", help="Add idea N to your plan (repeat, or 'all')."),
        ] = None,
        json: JsonOption = False,
        no_input: NoInputOption = False,
    ) -> None:
        suggest(kind, add, json, no_input)

    add_command.__doc__ = (
        f"Add a step to your {name} plan (up to 10 steps).\n\nExample: {add_example}"
    )
    remove_command.__doc__ = f"Remove step N from your {name} plan.\n\nExample: {remove_example}"
    suggest_command.__doc__ = (
        f"Ideas for your {name} plan from the back class; add the ones that suit you.\n\n"
        f"Example: {suggest_example}"
    )
    target.command("add")(add_command)
    target.command("remove")(remove_command)
    target.command("suggest")(suggest_command)
