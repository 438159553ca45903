from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.journey import as_json, baseline_walking, flat, ok, refused, run
from tests.conftest import Run
from tests.shapes import BASELINE_KEYS


def test_three_days_worked_example(cli: Run) -> None:
    day1 = as_json(cli, -2, "baseline", "log", "walking", "9", "--felt", "hard")
    assert set(day1) >= BASELINE_KEYS
    assert day1["next_suggestion"] == 8  # 9 felt hard -> 8
    assert day1["complete"] is False and day1["start"] is None and day1["total"] is None
    assert day1["days"] == [{"day": 1, "date": "2026-02-27", "amount": 9, "felt": "hard"}]
    day2 = as_json(cli, -1, "baseline", "log", "walking", "10", "--felt", "easy")
    assert day2["next_suggestion"] == 11  # 10 felt easy -> 11
    result = ok(cli, 0, "baseline", "log", "walking", "11")
    out = flat(result.stdout)
    assert "9 + 10 + 11 = 30 minutes" in out
    assert "30 ÷ 3 = 10 minutes" in out
    assert "10 × 0.8 = 8" in out and "8 minutes" in out
    assert "plan set walking" in out
    shown = as_json(cli, 0, "baseline", "show", "walking")
    assert (shown["total"], shown["average"], shown["start"], shown["start_factor"]) == (
        30,
        10,
        8,
        0.8,
    )
    assert shown["complete"] is True and shown["next_suggestion"] is None
    assert [d["day"] for d in shown["days"]] == [1, 2, 3]


def test_human_output_explains_the_suggestion(cli: Run) -> None:
    out = flat(ok(cli, 0, "baseline", "log", "walking", "9", "--felt", "hard").stdout)
    assert "Day 2 of 3: try 8 minutes" in out
    assert "10% of 9 minutes (0.9)" in out
    assert "more: backskills learn baseline" in out


def test_fourth_day_refused_then_redo(cli: Run, data_dir: Path) -> None:
    baseline_walking(cli)
    result = refused(cli, data_dir, 1, 1, "baseline", "log", "walking", "10")
    assert "baseline redo walking" in flat(result.stderr)
    redo = as_json(cli, 1, "baseline", "redo", "walking", "--note", "after a flare-up")
    assert redo["days"] == [] and redo["past_baselines"] == 1
    fresh = as_json(cli, 1, "baseline", "log", "walking", "6")
    assert fresh["days"][0]["amount"] == 6
    listed = as_json(cli, 1, "baseline", "list")
    assert [b["activity"] for b in listed["baselines"]] == ["walking"]
    assert listed["baselines"][0]["past_baselines"] == 1


def test_same_date_replaces_or_adds_and_says_so(cli: Run) -> None:
    ok(cli, 0, "baseline", "log", "walking", "9")
    result = ok(cli, 0, "baseline", "log", "walking", "10")
    assert "Replaced" in flat(result.stdout) and "was 9 minutes, now 10 minutes" in flat(
        result.stdout
    )
    added = as_json(cli, 0, "baseline", "log", "walking", "2", "--add")
    assert added["action"] == "added_to" and added["days"][0]["amount"] == 12
    assert len(added["days"]) == 1


def test_days_spread_over_a_week_warn(cli: Run) -> None:
    ok(cli, 0, "baseline", "log", "walking", "9")
    result = run(cli, 9, "baseline", "log", "walking", "9", "--json")
    assert result.exit_code == 0
    assert "10 days" in flat(result.stderr)  # the warning goes to stderr, JSON stays clean
    assert set(json.loads(result.stdout)) >= BASELINE_KEYS


def test_start_factor(cli: Run, data_dir: Path) -> None:
    baseline_walking(cli)
    refused(cli, data_dir, 2, 0, "baseline", "show", "walking", "--start-factor", "0.96")
    refused(cli, data_dir, 2, 0, "baseline", "show", "walking", "--start-factor", "0.4")
    shown = as_json(cli, 0, "baseline", "show", "walking", "--start-factor", "0.7")
    assert shown["start"] == 7 and shown["start_factor"] == 0.7
    assert as_json(cli, 0, "baseline", "show", "walking")["start_factor"] == 0.7
    first = as_json(cli, 0, "baseline", "log", "bridge", "10", "--start-factor", "0.95")
    assert first["start_factor"] == 0.95


def test_units_and_resolution(cli: Run, data_dir: Path) -> None:
    steps = as_json(cli, 0, "baseline", "log", "steps walked", "1234", "--unit", "steps")
    assert (steps["unit"], steps["resolution"]) == ("steps", 100)
    laps = as_json(cli, 0, "baseline", "log", "swim", "4", "--unit", "laps", "--resolution", "2")
    assert laps["resolution"] == 2
    result = refused(cli, data_dir, 2, 0, "baseline", "log", "swim", "4", "--unit", "minutes")
    assert "--unit" in flat(result.stderr)


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("walking", "--", "-1"), "AMOUNT"),
        (
            ("walking", "-1"),
            "AMOUNT",
        ),  # our own message, not the parser's  # the parser takes it for an option: still exit 2
        (("walking", "nan"), "AMOUNT"),
        (("walking", "inf"), "AMOUNT"),
        (("walking", "ten"), "AMOUNT"),
        (("walking", "9", "--felt", "great"), "--felt"),
        (("walking", "9", "--date", "2026-03-02"), "--date"),
        (("walking", "9", "--date", "March"), "--date"),
        (("", "9"), "ACTIVITY"),
        (("walking", "9", "--resolution", "0"), "--resolution"),
        (("walking", "1e9"), "AMOUNT"),
        # an empty value is a mistake, never silently the default
        (("walking", "9", "--felt", ""), "--felt"),
        (("walking", "9", "--start-factor", ""), "--start-factor"),
        (("walking", "9", "--resolution", ""), "--resolution"),
    ],
)
def test_bad_input_is_exit_2_and_untouched(
    cli: Run, data_dir: Path, args: tuple[str, ...], field: str
) -> None:
    ok(cli, -1, "baseline", "log", "walking", "9")
    result = refused(cli, data_dir, 2, 0, "baseline", "log", *args)
    assert field in flat(result.stderr)


def test_show_unknown_and_empty_list(cli: Run, data_dir: Path) -> None:
    result = refused(cli, data_dir, 1, 0, "baseline", "show", "walking")
    assert "walking" in flat(result.stderr)
    assert as_json(cli, 0, "baseline", "list") == {"baselines": []}
    assert "No baselines yet" in flat(ok(cli, 0, "baseline", "list").stdout)
    refused(cli, data_dir, 1, 0, "baseline", "redo", "walking")


def test_names_with_markup_print_literally(cli: Run) -> None:
    name = "[bold]x[/] :pill:"
    out = flat(ok(cli, 0, "baseline", "log", name, "5").stdout)
    assert name in out
    assert name in flat(ok(cli, 0, "baseline", "list").stdout)


def test_recording_is_never_blocked_by_a_red_flag(cli: Run, data_dir: Path) -> None:
    from tests.cli.journey import red_flag

    ok(cli, -1, "baseline", "log", "walking", "9")
    red_flag(data_dir)
    ok(cli, 0, "baseline", "log", "walking", "9")
    ok(cli, 0, "log", "walking", "9")
    ok(cli, 0, "pain", "5")
