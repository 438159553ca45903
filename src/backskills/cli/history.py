"""``backskills history``: levels, weeks and pain over time, in words, tables and charts."""

from __future__ import annotations

from typing import Annotated

import typer

from backskills.cli._common import JsonOption, store, today

app = typer.Typer(add_completion=False, help="See your progress over the weeks.")

WeeksOption = Annotated[
    str | None,
    typer.Option("--weeks", help="How many weeks back, counted in Monday weeks (1 to 520)."),
]
FromOption = Annotated[str | None, typer.Option("--from", help="First day shown (YYYY-MM-DD).")]
ToOption = Annotated[
    str | None,
    typer.Option("--to", metavar="DATE", help="Last day shown (YYYY-MM-DD, default today)."),
]
NoChartOption = Annotated[
    bool, typer.Option("--no-chart", help="Tables and words only, no charts.")
]


@app.command("history")
def history_command(
    what: Annotated[
        str | None,
        typer.Argument(
            metavar="ACTIVITY|pain|flareups",
            help="One activity; 'pain' for pain scores; 'flareups' for flare-ups. "
            "Leave out for the overview.",
        ),
    ] = None,
    weeks: WeeksOption = None,
    from_: FromOption = None,
    to: ToOption = None,
    no_chart: NoChartOption = False,
    json: JsonOption = False,
) -> None:
    """Your progress over time: level changes with reasons, weekly tables and charts.

    Without ACTIVITY: every activity (baseline, start, now, target), the pain trend and
    your goals. The default is everything since your first entry, at most the last 12
    weeks; --weeks, --from and --to choose other days.

    Example: backskills history walking --weeks 6
    """
    from backskills import render
    from backskills.domain import history, validate, window
    from backskills.render import history as show

    now = today()
    start = validate.day(from_, now, "--from") if from_ is not None else None
    end = validate.day(to, now, "--to") if to is not None else None
    count = validate.whole_number(weeks, "--weeks", 1, history.MAX_WEEKS) if weeks else None
    name = validate.name(what, "ACTIVITY") if what is not None else None
    needs = window.bind(window.history, now, name, weeks=count, start=start, end=end)
    journal = store().load(needs=needs)
    topic = name.casefold() if name is not None else None
    if topic == "pain":
        pain = history.pain_history(journal, now, weeks=count, start=start, end=end)
        if json:
            render.emit_json(pain.to_json())
        else:
            show.pain(pain, no_chart)
    elif topic in ("flareups", "flare-ups"):
        found = history.flareup_history(journal, now, weeks=count, start=start, end=end)
        if json:
            render.emit_json(found.to_json())
        else:
            show.flareups(found.episodes, found.window)
    elif name is not None:
        result = history.activity_history(journal, name, now, weeks=count, start=start, end=end)
        if json:
            render.emit_json(result.to_json())
        else:
            show.activity(result, no_chart)
    else:
        view = history.overview(journal, now, weeks=count, start=start, end=end)
        if json:
            render.emit_json(view.to_json())
        else:
            show.overview(view, no_chart)
