"""The report's SVG charts, drawn from plain numbers."""

from __future__ import annotations

import re
from datetime import date, timedelta
from xml.etree import ElementTree

import pytest

from backskills.domain import report_svg as svg

FIRST = date(2026, 3, 2)  # a Monday
NS = {"s": "http://www.w3.org/2000/svg"}


@pytest.mark.parametrize(
    ("value", "top"),
    [
        (0, 1),
        (0.4, 1),
        (1, 1),
        (7, 8),
        (10, 10),
        (12, 12),
        (13, 15),
        (15, 15),
        (16, 20),
        (61, 80),
        (950, 1000),
    ],
)
def test_the_axis_ends_at_a_round_number_above_every_value(value: float, top: float) -> None:
    assert svg.nice_top(value) == top


def _chart() -> ElementTree.Element:
    days = [FIRST + timedelta(days=n) for n in range(14)]
    bars = [svg.Bar(d, 0 if n == 3 else (6 if n == 5 else 10), n != 5) for n, d in enumerate(days)]
    levels = [svg.Level(days[0], days[6], 10), svg.Level(days[7], days[13], 12)]
    text = svg.activity_chart(
        "t", "walk <b> & 'x'", "minutes", days[0], days[-1], bars, levels,
        [svg.Span(days[8], days[9])],
    )  # fmt: skip
    return ElementTree.fromstring(text)


def test_bars_show_each_day_and_whether_its_level_was_met() -> None:
    chart = _chart()
    plotted = chart.findall("s:rect", NS)  # the legend's swatches sit inside <g>
    filled = [r for r in plotted if r.get("fill") == "#555"]
    outlined = [r for r in plotted if r.get("fill") == "#fff"]
    # 14 days, one with nothing done (no bar), one below its level (outlined).
    assert len(filled) == 12 and len(outlined) == 1
    heights = {round(float(r.get("height", 0)), 1) for r in filled}
    assert len(heights) == 1  # every met day did 10: the same height
    assert float(outlined[0].get("height", 0)) == pytest.approx(0.6 * heights.pop(), abs=0.2)


def test_the_level_is_one_step_line_at_the_right_heights() -> None:
    chart = _chart()
    (path,) = [
        p for p in chart.iter("{http://www.w3.org/2000/svg}path") if p.get("stroke-width") == "2.2"
    ]
    ys = {float(y) for y in re.findall(r"[ML][\d.]+,([\d.]+)", path.get("d", ""))}
    frame_bottom = 170 - svg.BOTTOM
    plot_h = frame_bottom - svg.TOP
    top = svg.nice_top(12)
    assert ys == {
        round(frame_bottom - plot_h * 10 / top, 1),
        round(frame_bottom - plot_h * 12 / top, 1),
    }
    assert path.get("d", "").count("M") == 1  # joined: the level changed, it did not stop


def test_titles_are_escaped_and_the_chart_describes_itself() -> None:
    chart = _chart()
    title = chart.find("s:title", NS)
    assert title is not None and title.text == "walk <b> & 'x'"
    desc = chart.find("s:desc", NS)
    assert desc is not None and "met on 13 of 14 days" in (desc.text or "")
    assert chart.get("role") == "img"
