"""A small terminal chart renderer for history: daily amounts against the level in force.

Why our own and not a plotting library: the chart has to read the same in every terminal.
Each cell's meaning is carried by its character (a bar, the level line, the level reached,
a flare-up mark, a pain dot), so it survives NO_COLOR, a plain ASCII encoding and a copy
into an email; colour is only a help on top. A library would draw lines and colours we
would then have to undo, and would add to the start-up time of every command that
imports it. This module is imported only by ``backskills history`` and ``summary``.

The functions return lines of ``(text, style)`` pieces; ``render.history`` prints them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

from backskills.domain.history import Chart, DayPoint, PainWeek
from backskills.domain.units import fmt
from backskills.plain import astuple, plain

Piece = tuple[str, str]
Line = list[Piece]

CHART_HEIGHT = 12  # at most this many rows for the amounts: a 10% step shows near the top
# The pain panel: one row per band of the 0-10 scale (a day's mean is rounded half up).
PAIN_BANDS = ((9, 10), (7, 8), (5, 6), (3, 4), (1, 2), (0, 0))
WEEK = 7
MIN_WIDTH = 60  # below this the chart is replaced by its table


@plain(frozen=True)
class Glyphs:
    bar: str
    level: str
    reached: str  # the level line where that day's bar reaches it
    flare: str
    pain: str
    axis: str
    base: str
    corner: str
    gap: str  # a day with nothing in a marks row
    arrow: str

    @property
    def characters(self) -> str:
        return "".join(astuple(self))


UNICODE = Glyphs(
    bar="█",
    level="─",
    reached="┼",
    flare="▲",
    pain="●",
    axis="│",
    base="─",
    corner="└",
    gap="·",
    arrow="→",
)
ASCII = Glyphs(
    bar="#", level="-", reached="+", flare="F", pain="o", axis="|", base="-", corner="+",
    gap=".", arrow="->",
)  # fmt: skip


def glyphs_for(encoding: str | None) -> Glyphs:
    """Unicode when the output encoding can show every character, plain ASCII otherwise."""
    try:
        UNICODE.characters.encode(encoding or "ascii")
    except (LookupError, UnicodeEncodeError):
        return ASCII
    return UNICODE


def nice_step(top: float, rows: int) -> float:
    """A round value per row (1, 2, 2.5 or 5 times a power of ten) so ``rows`` reach ``top``."""
    if top <= 0:
        return 1.0
    raw = top / rows
    power = float(10 ** math.floor(math.log10(raw)))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power + 1e-12 >= raw:
            return factor * power
    return 10 * power  # pragma: no cover - the loop always returns


@plain(frozen=True)
class Column:
    """One column of the chart: one day, or the mean of several when the window is long."""

    first: date
    last: date
    amount: float
    level: float | None
    flareup: bool
    pain: float | None


def columns(days: Sequence[DayPoint], width: int) -> tuple[list[Column], int]:
    """Days grouped so they fit ``width`` columns, and how many days each column holds:
    one day, or else whole weeks (so a column never splits a week of the table)."""
    width = max(width, 1)
    per = 1 if len(days) <= width else WEEK * math.ceil(len(days) / WEEK / width)
    found = []
    for start in range(0, len(days), per):
        group = days[start : start + per]
        scores = [d.pain for d in group if d.pain is not None]
        found.append(
            Column(
                first=group[0].date,
                last=group[-1].date,
                amount=sum(d.amount for d in group) / len(group),
                level=group[-1].level,
                flareup=any(d.flareup for d in group),
                pain=sum(scores) / len(scores) if scores else None,
            )
        )
    return found, per


def _half_up(value: float) -> int:
    return math.floor(value + 0.5)


def _label_row(cols: Sequence[Column], margin: int, room: int) -> str:
    """Dates under the axis: '02 Mar' under each column holding a Monday, where it fits
    (a label may run on past the last column, within ``room``). With no Monday in sight,
    the first column's date."""
    cells = [" "] * max(room, len(cols))
    free = 0
    placed = False
    for index, col in enumerate(cols):
        days = (col.last - col.first).days + 1
        monday = next(
            (col.first + timedelta(days=k) for k in range(days)
             if (col.first + timedelta(days=k)).weekday() == 0),
            None,
        )  # fmt: skip
        if monday is None:
            continue
        label = monday.strftime("%d %b")
        if index < free or index + len(label) > len(cells):
            continue
        cells[index : index + len(label)] = list(label)
        free = index + len(label) + 1
        placed = True
    if not placed and cols:
        label = cols[0].first.strftime("%d %b")
        cells[: len(label)] = list(label)
    return (" " * margin + "".join(cells)).rstrip()


def activity_chart(chart: Chart, width: int, glyphs: Glyphs) -> list[Line]:
    """Daily amounts as bars, the level as a step line, flare-up days marked below, and the
    day's pain in a panel on the same dates. ``width`` is the whole line's width."""
    top_value = max(chart.top, 1.0)
    step = nice_step(top_value, CHART_HEIGHT)
    rows = max(1, math.ceil(top_value / step - 1e-9))
    labels = [fmt(round(step * r, 6)) for r in range(rows, -1, -1)]
    pad = max(len(label) for label in [*labels, "flare-up"])
    margin = pad + 1
    cols, per = columns(chart.days, width - margin - 1)
    lines: list[Line] = []
    if per == 1:
        every = "one column a day"
    elif per == WEEK:
        every = "each column is a week: the daily average"
    else:
        every = f"each column is {per // WEEK} weeks: the daily average"
    lines.append([(f"{chart.unit} a day ({every})", "bold")])
    for row in range(rows, 0, -1):
        label = fmt(round(step * row, 6)) if row % 2 == rows % 2 else ""
        line: Line = [(label.rjust(pad) + " " + glyphs.axis, "")]
        for col in cols:
            bar = col.amount + 1e-9 >= step * (row - 0.5) and col.amount > 0
            on_level = col.level is not None and max(1, _half_up(col.level / step)) == row
            if on_level:
                reached = col.amount + 1e-9 >= col.level  # type: ignore[operator]
                line.append((glyphs.reached if reached else glyphs.level, "bold"))
            elif bar:
                line.append((glyphs.bar, "cyan"))
            else:
                line.append((" ", ""))
        lines.append(line)
    lines.append([("0".rjust(pad) + " " + glyphs.corner + glyphs.base * len(cols), "")])
    lines.append([(_label_row(cols, margin + 1, width - margin - 1), "")])
    if any(col.flareup for col in cols):
        marks: Line = [("flare-up".rjust(pad) + "  ", "")]
        marks.extend((glyphs.flare, "bold red") if col.flareup else (" ", "") for col in cols)
        lines.append(marks)
    if any(col.pain is not None for col in cols):
        lines.extend(_pain_panel(cols, pad, glyphs, width))
    legend = [
        f"{glyphs.bar} {chart.unit} done",
        f"{glyphs.level} your level",
        f"{glyphs.reached} level reached",
    ]
    if any(col.flareup for col in cols):
        legend.append(f"{glyphs.flare} flare-up day")
    if any(col.pain is not None for col in cols):
        legend.append(f"{glyphs.pain} pain")
    lines.extend(_legend(legend, width))
    return lines


def _legend(items: Sequence[str], width: int) -> list[Line]:
    """The key to the marks, two spaces apart, on as many lines as the width needs."""
    rows: list[str] = []
    for item in items:
        if rows and len(rows[-1]) + 2 + len(item) <= width:
            rows[-1] += "  " + item
        else:
            rows.append(item)
    return [[(row, "dim")] for row in rows]


def _pain_panel(cols: Sequence[Column], pad: int, glyphs: Glyphs, width: int) -> list[Line]:
    """The day's pain, one row per band of the 0-10 scale, under the same dates."""
    lines: list[Line] = [[("pain, 0-10 (the day's mean)", "bold")]]
    for low, high in PAIN_BANDS:
        name = f"{low}-{high}" if low != high else str(low)
        row_line: Line = [(name.rjust(pad) + " " + glyphs.axis, "")]
        for col in cols:
            hit = col.pain is not None and low <= _half_up(col.pain) <= high
            row_line.append((glyphs.pain, "magenta") if hit else (" ", ""))
        lines.append(row_line)
    lines.append([(_label_row(cols, pad + 2, width - pad - 2), "")])
    return lines


def pain_day_chart(days: Sequence[DayPoint], width: int, glyphs: Glyphs) -> list[Line]:
    """``history pain``: each day's pain on the 0-10 bands, flare-up days marked below."""
    pad = len("flare-up")
    cols, per = columns(days, width - pad - 2)
    lines = _pain_panel(cols, pad, glyphs, width)
    if per > 1:
        lines[0] = [(f"pain, 0-10 (each column is {per // WEEK} week(s): the mean)", "bold")]
    legend = [f"{glyphs.pain} pain"]
    if any(col.flareup for col in cols):
        marks: Line = [("flare-up".rjust(pad) + "  ", "")]
        marks.extend((glyphs.flare, "bold red") if col.flareup else (" ", "") for col in cols)
        lines.append(marks)
        legend.append(f"{glyphs.flare} flare-up day")
    lines.extend(_legend(legend, width))
    return lines


SCALE_CELLS = 21  # pain 0-10 in half points


def pain_week_chart(weeks: Sequence[PainWeek], glyphs: Glyphs) -> list[Line]:
    """One line per week: the range of scores as a bar and the mean as a dot, on 0-10."""
    lines: list[Line] = []
    scale = "0" + " " * 9 + "5" + " " * 9 + "10"
    lines.append([(" " * 8 + scale, "dim")])
    for week in weeks:
        label = week.week_start.strftime("%d %b").ljust(7) + glyphs.axis
        if week.mean is None or week.low is None or week.high is None:
            lines.append([(label, ""), (" " * SCALE_CELLS + glyphs.axis + " no scores", "dim")])
            continue
        cells = [" "] * SCALE_CELLS
        for i in range(week.low * 2, week.high * 2 + 1):
            cells[i] = glyphs.level
        cells[_half_up(week.mean * 2)] = glyphs.pain
        spread = f"range {week.low}-{week.high}" if week.low != week.high else f"all {week.low}"
        text = f"{glyphs.axis} mean {fmt(week.mean)} ({spread})"
        lines.append([(label, ""), ("".join(cells), "magenta"), (text, "")])
    lines.append([(f"{glyphs.pain} weekly mean  {glyphs.level} lowest to highest score", "dim")])
    return lines
