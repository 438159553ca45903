"""``backskills history`` and ``summary`` screens: wide and narrow, with and without colour."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from backskills.models import Journal
from backskills.models.goals import Goal
from backskills.render import chart as charts
from backskills.store import Store
from tests.cli.journey import flat
from tests.conftest import Run
from tests.journals import run_backskills
from tests.unit.test_history import TODAY, day, flare_journal, two_activities

ANSI = re.compile(r"\x1b\[[0-9;]*m")
WIDE = {"COLUMNS": "100", "BACKSKILLS_TODAY": TODAY.isoformat()}
NARROW = {"COLUMNS": "40", "BACKSKILLS_TODAY": TODAY.isoformat()}
SCREENS = [
    ("history", "walking"),
    ("history",),
    ("history", "pain"),
    ("history", "flareups"),
    ("summary",),
    ("summary", "--weeks", "2"),
]


def save(data_dir: Path, journal: Journal) -> None:
    with Store(data_dir).transaction() as stored:
        for name in type(journal).model_fields:
            setattr(stored, name, getattr(journal, name))


@pytest.fixture
def flared(data_dir: Path) -> Journal:
    journal = flare_journal()
    journal.goals = [
        Goal(id=1, title="Walk to the shop", target=12, unit="minutes", activity="walking",
             why="w", reward="r", deadline=day(40), created=day(0)),
        Goal(id=2, title="Swim again", why="w", reward="r", deadline=day(40), created=day(0),
             status="achieved", ended=day(20)),
    ]  # fmt: skip
    save(data_dir, journal)
    return journal


def chart_rows(output: str) -> list[str]:
    """The chart's amount rows (a label, the axis, then one cell per day)."""
    return [line for line in output.splitlines() if re.match(r"^\s+\d*\s[│|]", line)]


# -- history ACTIVITY: wide ------------------------------------------------------------
def test_wide_screen_shows_timeline_table_and_chart(cli: Run, flared: Journal) -> None:
    result = cli("history", "walking", env={**WIDE, "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    text = flat(out)
    assert "walking: your history from 2026-02-26 to 2026-03-29 (minutes)." in text
    assert (
        "Baseline average 11 → started at 9 → now 10 → target 12 minutes: 33% of the way." in text
    )
    assert "2026-03-16: 10 → 9 minutes, dropped back for a flare-up; held 1 week." in text
    assert "2026-03-23: 9 → 10 minutes, catching up after a flare-up; held 1 week so far." in text
    # the weekly table: the flare-up week, its level, days met, total, pain and flare-up days
    row = next(line for line in out.splitlines() if line.strip().startswith("2026-03-16"))
    assert row.split()[:7] == ["2026-03-16", "9", "7/7", "3/7", "43", "5.5", "(4-7)"]
    assert "4 days" in row
    # the chart: unit and dates on the axes, one column a day
    assert "minutes a day (one column a day)" in out
    labels = next(line for line in out.splitlines() if "02 Mar" in line)
    assert "02 Mar 09 Mar 16 Mar 23 Mar" in labels
    flare_line = next(line for line in out.splitlines() if line.lstrip().startswith("flare-up "))
    # the four flare-up days sit under the columns of 16-19 March (day 18-21 of the window)
    first_col = labels.index("02 Mar") - 4  # the window starts on Thursday 26 February
    assert [i - first_col for i, ch in enumerate(flare_line) if ch == "▲"] == [18, 19, 20, 21]
    rows = chart_rows(out)
    assert rows and all(len(line) <= 100 for line in out.splitlines())
    assert "─ your level" in out and "┼ level reached" in out and "▲ flare-up day" in out
    assert "● pain" in out and "7-8" in out


def test_colour_adds_nothing_the_text_does_not_say(cli: Run, flared: Journal) -> None:
    plain = cli("history", "walking", env={**WIDE, "NO_COLOR": "1"})
    coloured = cli("history", "walking", env={**WIDE, "FORCE_COLOR": "1", "TERM": "xterm"})
    assert ANSI.search(coloured.stdout), "the control: colour is on"
    assert not ANSI.search(plain.stdout)
    assert ANSI.sub("", coloured.stdout) == plain.stdout


@pytest.mark.parametrize("screen", SCREENS, ids=[" ".join(s) for s in SCREENS])
@pytest.mark.parametrize("colour", [False, True], ids=["no-colour", "colour"])
def test_every_screen_fits_40_columns(
    cli: Run, flared: Journal, screen: tuple[str, ...], colour: bool
) -> None:
    env = {**NARROW, **({"FORCE_COLOR": "1", "TERM": "xterm"} if colour else {"NO_COLOR": "1"})}
    result = cli(*screen, env=env)
    assert result.exit_code == 0, result.stderr
    text = ANSI.sub("", result.stdout)
    assert bool(ANSI.search(result.stdout)) is colour or not colour
    assert all(len(line) <= 40 for line in text.splitlines()), text
    assert not chart_rows(text)  # no chart below 60 columns


@pytest.mark.parametrize("screen", SCREENS, ids=[" ".join(s) for s in SCREENS])
def test_every_screen_at_100_columns_with_and_without_colour(
    cli: Run, flared: Journal, screen: tuple[str, ...]
) -> None:
    plain = cli(*screen, env={**WIDE, "NO_COLOR": "1"})
    coloured = cli(*screen, env={**WIDE, "FORCE_COLOR": "1", "TERM": "xterm"})
    assert plain.exit_code == coloured.exit_code == 0, plain.stderr
    assert all(len(line) <= 100 for line in plain.stdout.splitlines())
    assert ANSI.sub("", coloured.stdout) == plain.stdout


def test_narrow_screen_gives_the_table_instead_of_the_chart(cli: Run, flared: Journal) -> None:
    result = cli("history", "walking", env={**NARROW, "NO_COLOR": "1"})
    text = flat(result.stdout)
    assert "The chart needs a screen 60 columns wide" in text
    assert (
        "- 2026-03-16: level 9; logged 7/7; met 3/7; total 43; pain (range) 5.5 (4-7); flare-up 4 days"
        in text
    )


def test_no_chart(cli: Run, flared: Journal) -> None:
    result = cli("history", "walking", "--no-chart", env={**WIDE, "NO_COLOR": "1"})
    assert result.exit_code == 0
    assert not chart_rows(result.stdout) and "level reached" not in result.stdout
    assert "2026-03-16" in result.stdout  # the table stays
    overview = cli("history", "--no-chart", env={**WIDE, "NO_COLOR": "1"})
    assert "● weekly mean" not in overview.stdout and "5.5" in overview.stdout


def test_ascii_terminal_gets_the_plain_chart(data_dir: Path, flared: Journal) -> None:
    done = run_backskills(
        data_dir, "history", "walking", PYTHONIOENCODING="ascii", NO_COLOR="1", **WIDE
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.isascii()
    assert "# minutes done  - your level  + level reached  F flare-up day  o pain" in done.stdout
    assert "9 -> 10 minutes, stepped up" in done.stdout
    assert "F" * 4 in done.stdout


def test_glyphs_follow_the_encoding() -> None:
    assert charts.glyphs_for("utf-8") is charts.UNICODE
    assert charts.glyphs_for("ascii") is charts.ASCII
    assert charts.glyphs_for("latin-1") is charts.ASCII
    assert charts.glyphs_for("no-such-codec") is charts.ASCII
    assert charts.ASCII.characters.isascii()


def test_a_long_window_puts_several_days_in_a_column(cli: Run, flared: Journal) -> None:
    result = cli("history", "walking", "--weeks", "40", env={**WIDE, "NO_COLOR": "1"})
    assert result.exit_code == 0
    # 280 days do not fit 90 columns a day: one column a week
    assert "minutes a day (each column is a week: the daily average)" in result.stdout
    assert len(chart_rows(result.stdout)[0].split("│", 1)[1]) == 40
    assert all(len(line) <= 100 for line in result.stdout.splitlines())


# -- JSON ------------------------------------------------------------------------------
def test_json_is_the_domain_document(cli: Run, flared: Journal) -> None:
    from backskills.domain import history, summary

    for args, expected in [
        (("history", "walking"), history.activity_history(flared, "walking", TODAY).to_json()),
        (("history",), history.overview(flared, TODAY).to_json()),
        (("history", "pain"), history.pain_history(flared, TODAY).to_json()),
        (("summary",), summary.build(flared, TODAY).to_json()),
    ]:
        result = cli(*args, "--json", env=WIDE)
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout) == json.loads(json.dumps(expected))
    flares = json.loads(cli("history", "flareups", "--json", env=WIDE).stdout)
    assert [(f["started"], f["days"], f["trigger"]) for f in flares["flareups"]] == [
        ("2026-03-16", 4, "lifting boxes")
    ]


# -- the overview, pain and flare-ups --------------------------------------------------
def test_overview_two_activities(cli: Run, data_dir: Path) -> None:
    save(data_dir, two_activities())
    text = flat(cli("history", env={**WIDE, "NO_COLOR": "1"}).stdout)
    assert "- walking: 11 → 9 → 12 → 12 minutes, 100% of the way." in text
    assert "- sit to stand: - → 5 → 6 → 10 reps, 20% of the way." in text
    assert "Time at each level: 5 for 2 weeks, 6 for 2 weeks (reps)." in text
    pain_line = next(
        line
        for line in cli("history", env={**WIDE, "NO_COLOR": "1"}).stdout.splitlines()
        if line.startswith("02 Mar")
    )
    # scale 0-10 in half points: 4 at cell 8, 6 at cell 12, the mean 5.5 at cell 11
    cells = pain_line[len("02 Mar │") : len("02 Mar │") + charts.SCALE_CELLS]
    assert cells.index("─") == 8 and cells.rindex("─") == 12 and cells.index("●") == 11


def test_goals_in_the_overview(cli: Run, flared: Journal) -> None:
    text = flat(cli("history", env={**WIDE, "NO_COLOR": "1"}).stdout)
    assert "- achieved on 2026-03-22: Swim again" in text
    assert (
        "- active, by 2026-04-11: Walk to the shop (walking at 10 of 12 minutes, 33% of the way)"
        in text
    )


def test_pain_and_flareups_views(cli: Run, flared: Journal) -> None:
    pain = flat(cli("history", "pain", env={**WIDE, "NO_COLOR": "1"}).stdout)
    assert "2 days scored; the mean of those days is 5.5." in pain
    assert "16 Mar │ ───●─── │ mean 5.5 (range 4-7)" in pain
    assert "Flare-ups in these days: 2026-03-16 to 2026-03-19." in pain
    flares = flat(cli("history", "flareups", env={**WIDE, "NO_COLOR": "1"}).stdout)
    assert "lifting boxes" in flares and "backskills flareup history" in flares


def test_empty_journal(cli: Run) -> None:
    result = cli("history", env={**WIDE, "NO_COLOR": "1"})
    assert result.exit_code == 0 and "Nothing recorded yet" in result.stdout
    assert cli("summary", env=WIDE).exit_code == 0


# -- windows and mistakes --------------------------------------------------------------
def test_capped_window_says_how_to_see_more(cli: Run, data_dir: Path) -> None:
    journal = flare_journal()
    journal.pain.append(journal.pain[0].model_copy(update={"date": date(2025, 1, 6)}))
    save(data_dir, journal)
    text = flat(cli("history", env={**WIDE, "NO_COLOR": "1"}).stdout)
    assert "Your history from 2026-01-05 to 2026-03-29." in text
    assert (
        "your entries go back to 2025-01-06. See more with: backskills history --from 2025-01-06"
        in text
    )


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("history", "--from", "2026-03-20", "--to", "2026-03-01"), 2, "--from: 2026-03-20 is after"),
        (("history", "--weeks", "0"), 2, "--weeks: must be a whole number from 1 to 520"),
        (("history", "--weeks", "2", "--from", "2026-03-01", "--to", "2026-03-10"), 2, "--weeks"),
        (("history", "--to", "2026-04-01"), 2, "--to: 2026-04-01 is in the future"),
        (("history", "running"), 1, "running"),
        (("summary", "--weeks", "many"), 2, "--weeks: must be a whole number"),
    ],
)  # fmt: skip
def test_mistakes_are_one_clear_line(
    cli: Run, flared: Journal, args: tuple[str, ...], code: int, message: str
) -> None:
    result = cli(*args, env=WIDE)
    assert result.exit_code == code
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert "Traceback" not in result.stderr


# -- goal list --all, plan show --all, today -------------------------------------------
def test_goal_list_all_shows_end_dates_and_levels(cli: Run, flared: Journal) -> None:
    out = cli("goal", "list", "--all", env={**WIDE, "NO_COLOR": "1"}).stdout
    assert "achieved 2026-03-22" in out
    assert "12 minutes (level now 10)" in out


def test_plan_show_all_shows_the_climb(cli: Run, flared: Journal) -> None:
    text = flat(cli("plan", "show", "walking", "--all", env={**WIDE, "NO_COLOR": "1"}).stdout)
    assert "The climb so far:" in text
    assert "2026-03-16 9 minutes dropped back for a flare-up 7 days" in text
    assert "2026-03-23 10 minutes catching up after a flare-up 7 days so far" in text
    document = json.loads(cli("plan", "show", "walking", "--all", "--json", env=WIDE).stdout)
    assert [(s["to"], s["reason"]) for s in document["climb"]] == [
        (9, "plan_start"),
        (10, "step_up"),
        (9, "flareup_reduce"),
        (10, "catch_up"),
    ]
    plain = json.loads(cli("plan", "show", "walking", "--json", env=WIDE).stdout)
    assert "climb" not in plain


def test_today_points_to_the_summary_on_mondays(cli: Run, flared: Journal) -> None:
    monday = {**WIDE, "NO_COLOR": "1", "BACKSKILLS_TODAY": "2026-03-30"}
    tuesday = {**monday, "BACKSKILLS_TODAY": "2026-03-31"}
    assert "backskills summary" in cli("today", env=monday).stdout
    assert "backskills summary" not in cli("today", env=tuesday).stdout
    assert json.loads(cli("today", "--json", env=monday).stdout)["summary_due"] is True


# -- summary ---------------------------------------------------------------------------
def test_summary_screen(cli: Run, flared: Journal) -> None:
    text = flat(cli("summary", env={**WIDE, "NO_COLOR": "1"}).stdout)
    assert "Your summary: the last 6 weeks (2026-02-26 to 2026-03-29)." in text
    assert "What went well" in text
    assert (
        "- walking: 9 → 10 minutes (target 12), 1 step up and 1 catch-up step after a flare-up."
        in text
    )
    assert "Met on 24 of 24 planned days (100%). 4 flare-up days not counted." in text
    assert "- Flare-ups: 1: 2026-03-16 (4 days; trigger noted: lifting boxes)." in text
    assert "achieved on 2026-03-22: Swim again" in text


# -- the README tour is real output ----------------------------------------------------
def _tour_commands(tmp_path: Path) -> list[tuple[str, list[str]]]:
    """The commands examples/six-weeks.sh runs, recorded by a stand-in for backskills."""
    import os
    import subprocess

    from tests.journals import REPO

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "commands.log"
    stub = bin_dir / "backskills"
    stub.write_text(
        '#!/bin/sh\nprintf "%s\\037" "$BACKSKILLS_TODAY" "$@" >> "$TOUR_LOG"\necho >> "$TOUR_LOG"\n'
    )
    stub.chmod(0o755)
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", TOUR_LOG=str(log))
    env["BACKSKILLS_DATA_DIR"] = str(tmp_path / "empty")
    subprocess.run(["bash", str(REPO / "examples" / "six-weeks.sh")], env=env, check=True,
                   capture_output=True)  # fmt: skip
    commands = []
    for line in log.read_text().splitlines():
        day, *args = line.split("\x1f")[:-1]
        commands.append((day, args))
    return commands


def _readme_screens() -> list[tuple[list[str], list[str]]]:
    """Each command of the README's "Looking back" part with the output it shows."""
    from tests.journals import REPO

    text = (REPO / "README.md").read_text("utf-8")
    part = text.split("### Looking back", 1)[1].split("\n### ", 1)[0]
    screens: list[tuple[list[str], list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", part, re.S):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            first, *rest = chunk.rstrip("\n").split("\n")
            while rest and not rest[-1]:
                rest.pop()
            args = first.split("backskills ", 1)[1].split()
            screens.append((args, rest))
    return screens


def test_readme_looking_back_shows_real_output(cli: Run, tmp_path: Path) -> None:
    for when, args in _tour_commands(tmp_path):
        result = cli(*args, env={"BACKSKILLS_TODAY": when, "NO_COLOR": "1", "COLUMNS": "80"})
        assert result.exit_code == 0, (when, args, result.stderr)
    screens = _readme_screens()
    assert [args for args, _ in screens] == [
        ["history", "walking"],
        ["summary"],
        ["history"],
        ["plan", "show", "walking", "--all"],
    ]
    for args, shown in screens:
        env = {"BACKSKILLS_TODAY": "2026-04-13", "NO_COLOR": "1", "COLUMNS": "80"}
        real = [line.rstrip() for line in cli(*args, env=env).stdout.splitlines()]
        if shown and shown[-1] == "...":  # a shortened screen: the lines shown come first
            shown = shown[:-1]
            real = real[: len(shown)]
        assert real == shown, args
