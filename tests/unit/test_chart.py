"""The chart renderer cell by cell, and history on any journal the models allow."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backskills.domain import history, summary
from backskills.domain.activities import find_activity
from backskills.domain.history import Chart, DayPoint, PainWeek
from backskills.models import Journal
from backskills.render import chart as charts
from tests.model_strategies import model_strategy
from tests.unit.test_history import TODAY

MON = date(2026, 3, 2)


def point(n: int, amount: float, level: float | None, flare: bool = False) -> DayPoint:
    met = None if level is None else amount >= level
    return DayPoint(MON + timedelta(days=n), amount, amount > 0, level, met, flare, None)


def plain(line: charts.Line) -> str:
    return "".join(text for text, _style in line)


def test_cells_of_a_small_chart() -> None:
    days = [point(0, 0, 5), point(1, 5, 5), point(2, 10, 5, flare=True)]
    chart = Chart("minutes", MON, MON + timedelta(days=2), days, [], [], 10)
    lines = [plain(line) for line in charts.activity_chart(chart, 80, charts.UNICODE)]
    assert lines[0] == "minutes a day (one column a day)"
    rows = lines[1:11]  # ten rows of one minute each, 10 at the top
    grid = [row.split("│", 1)[1] for row in rows]
    assert [row.split("│")[0].strip() for row in rows] == [
        "10",
        "",
        "8",
        "",
        "6",
        "",
        "4",
        "",
        "2",
        "",
    ]
    columns = ["".join(row[i] for row in reversed(grid)) for i in range(3)]  # bottom up
    assert columns[0] == "    ─     "  # nothing done: the level line alone at 5
    assert columns[1] == "████┼     "  # 5 of 5: the bar reaches the line
    assert columns[2] == "████┼█████"  # 10 of 5: through the line and on up
    assert lines[11].endswith("└───")
    assert lines[12].strip() == "02 Mar"
    assert lines[13].endswith("  ▲") and lines[13].lstrip().startswith("flare-up")
    assert lines[-1] == "█ minutes done  ─ your level  ┼ level reached  ▲ flare-up day"
    ascii_lines = [plain(line) for line in charts.activity_chart(chart, 80, charts.ASCII)]
    assert all(line.isascii() for line in ascii_lines)
    assert "".join(row.split("|", 1)[1][2] for row in reversed(ascii_lines[1:11])) == "####+#####"


def test_nice_steps() -> None:
    assert charts.nice_step(10, 12) == 1
    assert charts.nice_step(12, 12) == 1
    assert charts.nice_step(30, 12) == 2.5
    assert charts.nice_step(60, 12) == 5
    assert charts.nice_step(5000, 12) == 500
    assert charts.nice_step(0.5, 12) == 0.05
    assert charts.nice_step(0, 12) == 1


def test_pain_week_cells() -> None:
    week = PainWeek(MON, MON, MON + timedelta(days=6), 5.5, 4, 7, 3)
    line = plain(charts.pain_week_chart([week], charts.ASCII)[1])
    cells = line[8 : 8 + charts.SCALE_CELLS]
    assert cells == "        ---o---      "  # 4 to 7 in half points, the mean 5.5 at cell 11
    assert line.endswith("| mean 5.5 (range 4-7)")


amounts = st.floats(min_value=0, max_value=1_000_000, allow_nan=False)
levels = st.none() | st.floats(min_value=0.1, max_value=1_000_000, allow_nan=False)
pains = st.none() | st.floats(min_value=0, max_value=10, allow_nan=False)


@given(
    data=st.lists(st.tuples(amounts, levels, st.booleans(), pains), min_size=1, max_size=400),
    width=st.integers(min_value=60, max_value=200),
    ascii_only=st.booleans(),
)
@settings(max_examples=60, deadline=None)
def test_any_chart_fits_its_width(
    data: list[tuple[float, float | None, bool, float | None]], width: int, ascii_only: bool
) -> None:
    days = [
        DayPoint(MON + timedelta(days=n), a, a > 0, lv, None if lv is None else a >= lv, f, p)
        for n, (a, lv, f, p) in enumerate(data)
    ]
    top = max([d.amount for d in days] + [d.level or 0 for d in days])
    chart = Chart("minutes", days[0].date, days[-1].date, days, [], [], top)
    glyphs = charts.ASCII if ascii_only else charts.UNICODE
    lines = [plain(line) for line in charts.activity_chart(chart, width, glyphs)]
    assert all(len(line) <= width for line in lines)
    assert not ascii_only or all(line.isascii() for line in lines)
    pain_lines = [plain(line) for line in charts.pain_day_chart(days, width, glyphs)]
    assert all(len(line) <= width for line in pain_lines)


@given(journal=model_strategy(Journal))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_history_and_summary_take_any_valid_journal(journal: Journal) -> None:
    view = history.overview(journal, TODAY)
    assert view.window.first <= view.window.last == TODAY
    for activity in journal.activities:
        if find_activity(journal, activity.name) is not activity:
            continue  # a name the CLI would not accept (blank, or a twin of another)
        result = history.activity_history(journal, activity.name, TODAY)
        assert len(result.chart.days) == result.window.days
        assert sum(w.days for w in result.weeks) == result.window.days
        assert all(0 <= w.days_met <= w.days_planned <= w.days for w in result.weeks)
    history.pain_history(journal, TODAY).to_json()
    history.flareup_history(journal, TODAY).to_json()
    document = summary.build(journal, TODAY).to_json()
    for item in document["activities"]:
        assert item["adherence_percent"] is None or 0 <= item["adherence_percent"] <= 100
