"""``backskills thoughts``: thought records."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

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

if TYPE_CHECKING:
    from backskills.models.learning import ThoughtKind

T = TypeVar("T")

app = typer.Typer(invoke_without_command=True, add_completion=False)


@app.callback(invoke_without_command=True)
def thoughts(ctx: typer.Context) -> None:
    """Thought records: write down an unhelpful thought and find a more helpful one.

    Example: backskills thoughts add
    """
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


@app.command("add")
def add(
    situation: Annotated[
        str | None, typer.Option("--situation", help="Where you were and what was happening.")
    ] = None,
    thought: Annotated[
        str | None, typer.Option("--thought", help="What went through your mind.")
    ] = None,
    feeling: Annotated[
        str | None, typer.Option("--feeling", help="How you felt, and how strongly.")
    ] = None,
    action: Annotated[str | None, typer.Option("--action", help="What you did.")] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            help=(
                "The thinking trap it might be: black-and-white, catastrophising, should-must, "
                "jumping-to-conclusions, mental-filter or critical-self."
            ),
        ),
    ] = None,
    alternative: Annotated[
        str | None, typer.Option("--alternative", help="A kinder, more balanced thought.")
    ] = None,
    date: DateOption = None,
    no_input: NoInputOption = False,
    json: JsonOption = False,
) -> None:
    """Write a thought record. On a terminal it asks for each part in turn.

    Without a terminal give the parts as options; --situation and --thought are needed.

    Example: backskills thoughts add --situation "Asked to a barbecue" --thought "I will have to leave early, so why go" --kind black-and-white --alternative "I can go for an hour"
    """
    from backskills import render
    from backskills.domain.learning import KIND_NAMES, add_thought, thought_kind
    from backskills.domain.validate import day, note
    from backskills.errors import InvalidInput

    def text(field: str, required: bool) -> Callable[[str], str | None]:
        def check(raw: str) -> str | None:
            value = note(raw, field)
            if value is None and required:
                raise InvalidInput(field, "cannot be empty.")
            return value

        return check

    def optional_kind(raw: str) -> ThoughtKind | None:
        return thought_kind(raw) if raw.strip() else None

    when = day(date, today())
    asking = interactive(no_input)
    if asking:
        render.say(
            ("A thought record", "bold"),
            ": the situation and the thought are needed; press Enter to skip any other part.",
            stderr=True,
        )
    parts = {
        "situation": _part(
            situation,
            "--situation",
            "What was the situation?",
            text("--situation", True),
            asking,
            True,
        ),
        "thought": _part(
            thought,
            "--thought",
            "What went through your mind?",
            text("--thought", True),
            asking,
            True,
        ),
        "feeling": _part(
            feeling, "--feeling", "How did you feel?", text("--feeling", False), asking, False
        ),
        "action": _part(
            action, "--action", "What did you do?", text("--action", False), asking, False
        ),
    }
    if asking and kind is None:
        render.say("Which thinking trap might it be? (Enter to skip)", stderr=True)
        for number, (key, (label, about)) in enumerate(KIND_NAMES.items(), start=1):
            render.say(f"{number}. {key}: {label}, {about}", stderr=True)
    chosen = _part(kind, "--kind", "Kind (a number or a name)", optional_kind, asking, False)
    better = _part(
        alternative,
        "--alternative",
        "What is a kinder or more balanced way to see it?",
        text("--alternative", False),
        asking,
        False,
    )
    with store().transaction() as journal:
        record = add_thought(
            journal,
            when,
            situation=str(parts["situation"]),
            thought=str(parts["thought"]),
            feeling=parts["feeling"],
            action=parts["action"],
            kind=chosen,
            alternative=better,
        )
    if json:
        render.emit_json(record)
        return
    render.say(f"Saved thought record {record.id} for {record.date.isoformat()}.")
    if record.kind:
        label, about = KIND_NAMES[record.kind]
        render.say(f"Thinking trap: {label} ({about}).")
    if not record.alternative:
        render.hint("When you are ready, think what you would say to a friend in your place.")
    render.more("thoughts")
    render.mood_help()


def _part(
    given: str | None,
    field: str,
    question: str,
    check: Callable[[str], T],
    asking: bool,
    required: bool,
) -> T:
    """A checked value from the option, or asked for (again, after a mistake) on a terminal."""
    from backskills import render
    from backskills.errors import InvalidInput

    if given is not None:
        return check(given)
    if not asking:
        if required:
            raise InvalidInput(field, "is needed when backskills cannot ask (no terminal).")
        return check("")
    while True:
        with answering(field):
            raw = typer.prompt(wrapped(question), default="", show_default=False, err=True)
        try:
            return check(raw)
        except InvalidInput as exc:
            render.error(exc.message)


@app.command("list")
def list_command(json: JsonOption = False) -> None:
    """List your thought records, newest first.

    Example: backskills thoughts list
    """
    from backskills import render
    from backskills.domain import window
    from backskills.domain.learning import KIND_NAMES

    records = sorted(
        store().load(needs=window.snapshot_only).thoughts,
        key=lambda r: (r.date, r.id),
        reverse=True,
    )
    if json:
        render.emit_json(records)
        return
    if not records:
        render.say("No thought records yet.")
        render.hint("Add one with 'backskills thoughts add'.")
        render.more("thoughts")
        return
    for record in records:
        render.say("")
        title = f"{record.id}. {record.date.isoformat()}"
        if record.kind:
            title += f"  ({KIND_NAMES[record.kind][0]})"
        render.heading(title)
        for label, value in (
            ("Situation", record.situation),
            ("Thought", record.thought),
            ("Feeling", record.feeling),
            ("What I did", record.action),
            ("More helpful", record.alternative),
        ):
            if value:
                render.say((f"  {label}: ", "bold"), value)
    render.say("")
    render.mood_help()
