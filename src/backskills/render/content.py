"""Leaflets and exercises in the terminal: lists, pages and the pager decision."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from backskills.render import NARROW, clean, hint, out, say, table, text

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from backskills.domain.catalogue import Exercise, Level, SearchHit, Topic


def topic_list(groups: Sequence[tuple[str, Sequence[Topic]]]) -> None:
    """The leaflets shelf by shelf (your back, moving, everyday life ...), in one table;
    on a narrow screen, a heading and a list for each shelf."""
    console = out()
    if console.width < NARROW:
        for number, (group, topics) in enumerate(groups):
            if number:
                say("")
            say((group, "bold"))
            for item in topics:
                say(f"- {item.slug}: {item.summary}")
    else:
        from rich import box
        from rich.table import Table

        grid = Table(box=box.SIMPLE, show_edge=False)
        grid.add_column("topic", overflow="fold")
        grid.add_column("what it covers", overflow="fold")
        for number, (group, topics) in enumerate(groups):
            if number:
                grid.add_row("", "")
            grid.add_row(text((group, "bold underline")), "")
            for item in topics:
                grid.add_row(text(item.slug), text(item.summary))
        console.print(grid)
    say("")
    hint("Read one with 'backskills learn pacing'; search with 'backskills learn --search WORDS'.")


def search_results(hits: Sequence[SearchHit], words: str) -> None:
    if not hits:
        say(f"No leaflet mentions all of: {clean(words)}.")
        hint("Try fewer or shorter words, or see every topic with 'backskills learn'.")
        return
    say((f"{len(hits)} leaflet(s) mention {clean(words)}", "bold"), " (best match first):")
    for hit in hits:
        say("")
        say((hit.topic.slug, "bold"), f"  {hit.topic.title}")
        say(f"  {hit.excerpt or hit.topic.summary}")
    say("")
    hint(f"Read one with 'backskills learn {hits[0].topic.slug}'.")


def _topic_renderable(topic: Topic) -> RenderableType:
    from rich.console import Group
    from rich.markdown import Markdown

    parts: list[RenderableType] = [
        text((topic.title, "bold underline")),
        text((topic.summary, "italic")),
        text(""),
        Markdown(clean(topic.markdown)),
        text(""),
    ]
    if topic.see_also:
        parts.append(text(("See also", "bold")))
        parts.extend(text(f"- {item}") for item in topic.see_also)
        parts.append(text(""))
    parts.append(text(("Based on: ", "dim"), "; ".join(topic.sources)))
    parts.append(text(("Last reviewed: ", "dim"), topic.reviewed.isoformat()))
    return Group(*parts)


def should_page(console: Console, renderable: RenderableType) -> bool:
    """Page only on a terminal, and only when the page is taller than the screen."""
    if not console.is_terminal:
        return False
    lines = console.render_lines(renderable, console.options, pad=False)
    return len(lines) > console.size.height


def _pager_keeps_styles() -> bool:
    """Colours survive in the pager only when ``less`` is told to pass them through."""
    return "R" in os.environ.get("LESS", "") or "-R" in os.environ.get("PAGER", "")


def show_page(renderable: RenderableType, allow_pager: bool = True) -> None:
    console = out()
    if allow_pager and should_page(console, renderable):
        with console.pager(styles=_pager_keeps_styles()):
            console.print(renderable)
    else:
        console.print(renderable)


def topic_page(topic: Topic, allow_pager: bool = True) -> None:
    show_page(_topic_renderable(topic), allow_pager)


def exercise_list(exercises: Sequence[Exercise], level: Level | None) -> None:
    if not exercises:
        say("No exercise in the library matches that.")
        return
    if level is None:
        table(
            ["exercise", "name", "works", "counted in"],
            [(e.slug, e.title, ", ".join(e.areas), e.unit) for e in exercises],
        )
    else:
        from rich.markdown import Markdown

        say((f"The {level} option of each exercise", "bold"))
        for item in exercises:
            say("")
            say((item.title, "bold"), (f"  {item.slug}", "dim"))
            out().print(Markdown(clean(item.option(level))))
    say("")
    hint("See one in full, with its safety note: 'backskills exercises show bridge'.")


def exercise_page(item: Exercise, allow_pager: bool = True) -> None:
    from rich.console import Group
    from rich.markdown import Markdown

    equipment = ", ".join(item.equipment) if item.equipment else "none"
    parts: list[RenderableType] = [
        text((item.title, "bold underline")),
        text((item.summary, "italic")),
        text(""),
        text(("Works: ", "bold"), ", ".join(item.areas)),
        text(("Counted in: ", "bold"), item.unit),
        text(("Equipment: ", "bold"), equipment),
        text(("Starting position: ", "bold"), item.position),
        text(""),
        Markdown(clean(item.markdown)),
        text(""),
        text(
            ("Tip: ", "bold cyan"),
            f"to track it, use its name as an activity, e.g. 'backskills baseline log "
            f"{item.slug} 5'; it is counted in {item.unit}.",
        ),
        text(("Based on: ", "dim"), "; ".join(item.sources)),
        text(("more: ", "dim"), "backskills learn exercise"),
    ]
    show_page(Group(*parts), allow_pager)
