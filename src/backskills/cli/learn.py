"""``backskills learn``: the leaflet library."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from backskills.cli._common import JsonOption

if TYPE_CHECKING:
    from backskills.domain.catalogue import Topic

app = typer.Typer(add_completion=False)


@app.command()
def learn(
    topic: Annotated[
        list[str] | None,
        typer.Argument(help="A topic, e.g. pain or pacing. Leave out to list them."),
    ] = None,
    search: Annotated[
        str | None,
        typer.Option("--search", "-s", help="Find the leaflets that mention these words."),
    ] = None,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Print a long leaflet straight out, without paging.")
    ] = False,
    json: JsonOption = False,
) -> None:
    """List the leaflets by subject, read one, or search them.

    A long leaflet opens in a pager on a terminal (q quits).

    Example: backskills learn pacing
    """
    from backskills import render
    from backskills.domain import catalogue
    from backskills.render import content

    name = " ".join(topic) if topic else None
    if search is not None:
        words = f"{search} {name}" if name else search
        if not catalogue.search_terms(words):
            from backskills.errors import InvalidInput

            raise InvalidInput("--search", "needs at least one word, e.g. --search sleep.")
        hits = catalogue.search(words)
        if json:
            render.emit_json([_summary(hit.topic) for hit in hits])
        else:
            content.search_results(hits, words)
        return
    if name is None:
        if json:
            render.emit_json([_summary(t) for t in catalogue.topics()])
        else:
            content.topic_list(catalogue.grouped_topics())
        return
    leaflet = catalogue.topic(name)
    if json:
        render.emit_json(
            {**_summary(leaflet), "sources": list(leaflet.sources), "markdown": leaflet.markdown}
        )
    else:
        content.topic_page(leaflet, allow_pager=not no_pager)


def _summary(topic: Topic) -> dict[str, str]:
    return {
        "slug": topic.slug,
        "title": topic.title,
        "summary": topic.summary,
        "group": topic.group,
    }
