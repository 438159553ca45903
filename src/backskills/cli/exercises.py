"""``backskills exercises``: the home exercise library."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from backskills.cli._common import JsonOption

if TYPE_CHECKING:
    from backskills.domain.catalogue import Exercise

app = typer.Typer(invoke_without_command=True, add_completion=False)


@app.callback(invoke_without_command=True)
def exercises(
    ctx: typer.Context,
    level: Annotated[
        str | None,
        typer.Option("--level", "-l", help="Show this option of each: easy, medium or hard."),
    ] = None,
    area: Annotated[
        str | None,
        typer.Option(
            "--area",
            "-a",
            help="Only those that work on mobility, strength, balance or aerobic fitness.",
        ),
    ] = None,
    json: JsonOption = False,
) -> None:
    """List the home exercises, or the easy, medium or hard option of each.

    Example: backskills exercises --area mobility --level easy
    """
    if ctx.invoked_subcommand is not None:
        return
    from backskills import render
    from backskills.domain import catalogue
    from backskills.render import content

    chosen_level = _choice(level, catalogue.LEVELS, "--level")
    chosen_area = _choice(area, catalogue.AREAS, "--area")
    found = catalogue.select_exercises(chosen_area)
    if json:
        rows = []
        for item in found:
            row = _summary(item)
            if chosen_level is not None:
                row["level"] = chosen_level
                row["option"] = item.option(chosen_level)
            rows.append(row)
        render.emit_json(rows)
        return
    content.exercise_list(found, chosen_level)
    render.more("exercise")


@app.command("show")
def show(
    name: Annotated[list[str], typer.Argument(help="The exercise, e.g. bridge or knee rolling.")],
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Print it straight out, without paging.")
    ] = False,
    json: JsonOption = False,
) -> None:
    """Show one exercise: how to do it, its options, its safety notes and when to stop.

    Example: backskills exercises show knee rolling
    """
    from backskills import render
    from backskills.domain import catalogue
    from backskills.render import content

    item = catalogue.exercise(" ".join(name))
    if json:
        render.emit_json(
            {
                **_summary(item),
                "position": item.position,
                "how_to": item.section("How to do it"),
                "options": {level: item.option(level) for level in catalogue.LEVELS},
                "safety": item.section("Safety"),
                "precautions": list(item.precautions),
                "take_care": item.section(catalogue.TAKE_CARE),
                "when_to_stop": item.section(catalogue.STOP_RULES),
                "sources": list(item.sources),
                "reviewed": item.reviewed.isoformat(),
                "markdown": item.markdown,
            }
        )
        return
    content.exercise_page(item, allow_pager=not no_pager)


def _summary(item: Exercise) -> dict[str, Any]:
    return {
        "slug": item.slug,
        "title": item.title,
        "summary": item.summary,
        "areas": list(item.areas),
        "equipment": list(item.equipment),
        "unit": item.unit,
    }


def _choice(raw: str | None, allowed: tuple[Any, ...], field: str) -> Any:
    """``raw`` if it is one of ``allowed`` (any case), else exit 2 naming the option."""
    if raw is None:
        return None
    from backskills.domain.validate import printable
    from backskills.errors import InvalidInput

    value = raw.strip().casefold()
    if value not in allowed:
        raise InvalidInput(field, f"'{printable(raw)}' is not one of: {', '.join(allowed)}.")
    return value
