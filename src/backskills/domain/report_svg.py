"""Small SVG charts for the report, drawn from plain numbers (no library, no script).

Each chart is black, white and grey only, with shapes that keep their meaning in print
and without colour: a filled bar for a day met, an outlined bar for a day not met, a solid
step line for the level, hatching for flare-up days, dots for pain scores and dashes for
weekly means. Every text that reaches the SVG is escaped. The numbers of every chart are
also in the table beside it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from html import escape

from backskills.domain import units
from backskills.plain import plain

WIDTH = 440
LEFT, RIGHT, TOP, BOTTOM = 30, 6, 24, 20
MAX_X_LABELS = 7


def e(value: object) -> str:
    return escape(str(value), quote=True)


@plain(frozen=True)
class Bar:
    day: date
    amount: float
    met: bool | None  # None: no level that day


@plain(frozen=True)
class Level:
    first: date
    last: date
    level: float


@plain(frozen=True)
class Span:
    first: date
    last: date


@plain(frozen=True)
class Point:
    day: date
    value: float


def nice_top(value: float) -> float:
    """The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 or 10 times a power of
    ten) that is at least ``value``; at least 1."""
    if value <= 1:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for factor in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if factor * power >= value - 1e-9:
            return float(factor * power)
    return float(10 * power)  # pragma: no cover - the loop always returns


class _Frame:
    """Maps days and values to coordinates of one chart."""

    def __init__(self, first: date, last: date, top: float, height: int) -> None:
        self.first = first
        self.days = (last - first).days + 1
        self.top = top
        self.height = height
        self.plot_w = WIDTH - LEFT - RIGHT
        self.plot_h = height - TOP - BOTTOM
        self.day_w = self.plot_w / self.days

    def x(self, day: date) -> float:
        return LEFT + (day - self.first).days * self.day_w

    def y(self, value: float) -> float:
        return TOP + self.plot_h * (1 - min(value, self.top) / self.top)

    def axes(self, ticks: Sequence[float], unit: str) -> list[str]:
        parts = []
        for tick in ticks:
            y = self.y(tick)
            parts.append(
                f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
                'stroke="#bbb" stroke-width="0.6"/>'
            )
            parts.append(
                f'<text x="{LEFT - 4}" y="{y + 3:.1f}" text-anchor="end">{e(units.fmt(tick))}</text>'
            )
        parts.append(f'<text x="2" y="{TOP - 10}" class="unit">{e(unit)}</text>')
        parts.extend(self.x_labels())
        return parts

    def x_labels(self) -> list[str]:
        last = self.first + timedelta(days=self.days - 1)
        mondays = []
        day = self.first + timedelta(days=(7 - self.first.weekday()) % 7)
        while day <= last:
            mondays.append(day)
            day += timedelta(days=7)
        every = max(1, math.ceil(len(mondays) / MAX_X_LABELS))
        parts = []
        base = self.height - BOTTOM
        for n, monday in enumerate(mondays):
            x = self.x(monday)
            parts.append(
                f'<line x1="{x:.1f}" y1="{base}" x2="{x:.1f}" y2="{base + 3}" stroke="#000"/>'
            )
            if n % every == 0:
                label = f"{monday.day} {monday:%b}" + (f" {monday:%Y}" if every > 4 else "")
                anchor = "end" if x > WIDTH - RIGHT - 18 else "middle"
                parts.append(
                    f'<text x="{x:.1f}" y="{base + 13}" text-anchor="{anchor}">{e(label)}</text>'
                )
        parts.append(
            f'<line x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}" stroke="#000" '
            'stroke-width="0.8"/>'
        )
        return parts

    def spans(self, spans: Iterable[Span]) -> list[str]:
        parts = []
        for span in spans:
            x = self.x(span.first)
            w = ((span.last - span.first).days + 1) * self.day_w
            parts.append(
                f'<rect x="{x:.1f}" y="{TOP}" width="{w:.1f}" height="{self.plot_h}" '
                'fill="url(#hatch)" stroke="#888" stroke-width="0.5"/>'
            )
        return parts


_DEFS = (
    '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#999" '
    'stroke-width="2"/></pattern></defs>'
)


def _svg(chart_id: str, height: int, title: str, desc: str, body: list[str]) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-t">{e(title)}</title><desc id="{chart_id}-d">{e(desc)}</desc>'
        + _DEFS.replace('id="hatch"', f'id="hatch-{chart_id}"').replace(
            "url(#hatch)", f"url(#hatch-{chart_id})"
        )
        + "".join(body).replace("url(#hatch)", f"url(#hatch-{chart_id})")
        + "</svg>"
    )


def _legend(items: list[tuple[str, str]]) -> list[str]:
    """Swatches and words along the top right: (swatch SVG at 0,0, words)."""
    parts = []
    x = WIDTH - RIGHT
    for swatch, words in reversed(items):
        width = 6 * len(words) + 20
        x -= width
        parts.append(
            f'<g transform="translate({x:.0f},4)">{swatch}<text x="14" y="9">{e(words)}</text></g>'
        )
    return parts


def activity_chart(
    chart_id: str,
    title: str,
    unit: str,
    first: date,
    last: date,
    bars: Sequence[Bar],
    levels: Sequence[Level],
    flareups: Sequence[Span],
    height: int = 170,
) -> str:
    """Daily amounts as bars against the level in force as a step line."""
    top = nice_top(max([b.amount for b in bars] + [lv.level for lv in levels] + [1.0]))
    frame = _Frame(first, last, top, height)
    body = frame.spans(flareups)
    body += frame.axes([0, top / 2, top], unit)
    gap = min(frame.day_w * 0.2, 2)
    for bar in bars:
        if bar.amount <= 0:
            continue
        x = frame.x(bar.day) + gap / 2
        y = frame.y(bar.amount)
        h = frame.y(0) - y
        if bar.met:
            style = 'fill="#555" stroke="#222" stroke-width="0.5"'
        else:
            style = 'fill="#fff" stroke="#222" stroke-width="1"'
        body.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(frame.day_w - gap, 0.5):.1f}" '
            f'height="{h:.1f}" {style}/>'
        )
    if levels:
        points: list[str] = []
        for n, lv in enumerate(levels):
            x0, x1, y = frame.x(lv.first), frame.x(lv.last) + frame.day_w, frame.y(lv.level)
            command = "M" if n == 0 or levels[n - 1].last + timedelta(days=1) != lv.first else "L"
            points.append(f"{command}{x0:.1f},{y:.1f} L{x1:.1f},{y:.1f}")
        body.append(f'<path d="{" ".join(points)}" fill="none" stroke="#000" stroke-width="2.2"/>')
    legend = [
        ('<rect x="0" y="1" width="10" height="9" fill="#555"/>', "met"),
        ('<rect x="0.5" y="1.5" width="9" height="8" fill="#fff" stroke="#222"/>', "not met"),
        ('<line x1="0" y1="6" x2="11" y2="6" stroke="#000" stroke-width="2.2"/>', "level"),
    ]
    if flareups:
        legend.append(
            (
                '<rect x="0" y="1" width="10" height="9" fill="url(#hatch)" stroke="#888"/>',
                "flare-up",
            )
        )
    body += _legend(legend)
    met = sum(1 for b in bars if b.met)
    planned = sum(1 for b in bars if b.met is not None)
    desc = (
        f"Daily amounts in {unit} from {first.isoformat()} to {last.isoformat()}, as bars, "
        f"against the level in force as a line. Level met on {met} of {planned} days with a level. "
        "The table below gives every number."
    )
    return _svg(chart_id, height, title, desc, body)


def pain_chart(
    chart_id: str,
    title: str,
    first: date,
    last: date,
    days: Sequence[Point],
    weeks: Sequence[Level],
    flareups: Sequence[Span],
    height: int = 150,
) -> str:
    """Daily pain scores as dots joined on consecutive days, weekly means as dashes."""
    frame = _Frame(first, last, 10, height)
    body = frame.spans(flareups)
    body += frame.axes([0, 5, 10], "pain 0-10")
    for week in weeks:
        x0, x1, y = frame.x(week.first), frame.x(week.last) + frame.day_w, frame.y(week.level)
        body.append(
            f'<line x1="{x0:.1f}" y1="{y:.1f}" x2="{x1:.1f}" y2="{y:.1f}" stroke="#000" '
            'stroke-width="1.6" stroke-dasharray="5 3"/>'
        )
    run: list[str] = []
    previous: date | None = None
    lines: list[str] = []
    for point in days:
        cx = frame.x(point.day) + frame.day_w / 2
        cy = frame.y(point.value)
        if previous is not None and point.day - previous == timedelta(days=1):
            run.append(f"L{cx:.1f},{cy:.1f}")
        else:
            if len(run) > 1:
                lines.append(" ".join(run))
            run = [f"M{cx:.1f},{cy:.1f}"]
        previous = point.day
    if len(run) > 1:
        lines.append(" ".join(run))
    for path in lines:
        body.append(f'<path d="{path}" fill="none" stroke="#444" stroke-width="1"/>')
    radius = max(1.2, min(3.0, frame.day_w / 3))
    for point in days:
        cx = frame.x(point.day) + frame.day_w / 2
        body.append(
            f'<circle cx="{cx:.1f}" cy="{frame.y(point.value):.1f}" r="{radius:.1f}" fill="#000"/>'
        )
    legend = [
        ('<circle cx="5" cy="6" r="3" fill="#000"/>', "day"),
        (
            '<line x1="0" y1="6" x2="11" y2="6" stroke="#000" stroke-width="1.6" '
            'stroke-dasharray="4 2"/>',
            "weekly mean",
        ),
    ]
    if flareups:
        legend.append(
            (
                '<rect x="0" y="1" width="10" height="9" fill="url(#hatch)" stroke="#888"/>',
                "flare-up",
            )
        )
    body += _legend(legend)
    desc = (
        f"Pain scores from 0 to 10, {first.isoformat()} to {last.isoformat()}: one dot a day "
        f"scored ({len(days)} days), dashes for each week's mean. The table below gives every number."
    )
    return _svg(chart_id, height, title, desc, body)
