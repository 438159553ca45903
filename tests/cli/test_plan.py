from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.journey import (
    as_json,
    baseline_walking,
    flat,
    ok,
    planned_walking,
    red_flag,
    refused,
    run,
)
from tests.conftest import Run
from tests.shapes import PLAN_KEYS


def test_plan_worked_example_8_to_15_in_49_days(cli: Run) -> None:
    baseline_walking(cli)
    plan = as_json(cli, 0, "plan", "set", "walking", "--target", "15")
    assert set(plan) >= PLAN_KEYS
    assert [s["level"] for s in plan["steps"]] == [8, 9, 10, 11, 12, 13, 14, 15]
    assert (plan["start"], plan["target"], plan["hold_days"], plan["level"]) == (8, 15, 7, 8)
    assert plan["steps"][0] == {"level": 8, "from": "2026-03-01", "until": "2026-03-07"}
    assert plan["steps"][1]["from"] == "2026-03-08"
    assert plan["steps"][-1] == {"level": 15, "from": "2026-04-19", "until": None}
    assert plan["reaches_target_on"] == "2026-04-19"  # 49 days after 2026-03-01
    assert plan["deadline"] is None and plan["feasible"] is None
    shown = as_json(cli, 0, "plan", "show", "walking")
    assert shown["steps"] == plan["steps"]
    assert as_json(cli, 0, "plan", "show") == {"plans": [shown]}


def test_human_plan_explains_every_number(cli: Run) -> None:
    baseline_walking(cli)
    out = flat(ok(cli, 0, "plan", "set", "walking", "--target", "15").stdout)
    assert "average of 10 minutes × 0.8" in out
    assert "10% of the level" in out
    assert "49 days after 2026-03-01" in out
    assert "5 of the last 7 days" in out
    assert "more: backskills learn progression" in out


def test_deadline_feasible_and_not(cli: Run) -> None:
    baseline_walking(cli)
    plan = as_json(cli, 0, "plan", "set", "walking", "--target", "15", "--by", "2026-05-01")
    assert plan["feasible"] is True and plan["deadline"] == "2026-05-01"
    result = run(cli, 0, "plan", "set", "walking", "--target", "15", "--by", "2026-03-31")
    assert result.exit_code == 0
    assert "too soon" in flat(result.stdout)
    assert "2026-04-19" in flat(result.stdout)  # the date it can be reached
    assert "12 minutes by then" in flat(result.stdout)  # the level reachable by the deadline
    plan = as_json(cli, 0, "plan", "show", "walking")
    assert plan["feasible"] is False
    assert [s["level"] for s in plan["steps"]] == [8, 9, 10, 11, 12, 13, 14, 15]  # not bigger


def test_hold_days_and_from(cli: Run) -> None:
    baseline_walking(cli)
    plan = as_json(
        cli,
        0,
        "plan",
        "set",
        "walking",
        "--target",
        "10",
        "--hold-days",
        "14",
        "--from",
        "2026-03-03",
    )
    assert plan["steps"] == [
        {"level": 8, "from": "2026-03-03", "until": "2026-03-16"},
        {"level": 9, "from": "2026-03-17", "until": "2026-03-30"},
        {"level": 10, "from": "2026-03-31", "until": None},
    ]
    assert plan["level"] is None  # it has not started yet


def test_plan_without_baseline_is_refused_with_the_command(cli: Run, data_dir: Path) -> None:
    result = refused(cli, data_dir, 1, 0, "plan", "set", "walking", "--target", "15")
    assert "backskills baseline log walking" in flat(result.stderr)
    ok(cli, 0, "baseline", "log", "walking", "10")
    result = refused(cli, data_dir, 1, 0, "plan", "set", "walking", "--target", "15")
    assert "1 of 3" in flat(result.stderr)


def test_plan_with_start_and_unit_needs_no_baseline(cli: Run) -> None:
    plan = as_json(
        cli, 0, "plan", "set", "bridge", "--target", "12", "--start", "6", "--unit", "reps"
    )
    assert (plan["unit"], plan["start"], plan["steps"][1]["level"]) == ("reps", 6, 7)


def test_plan_refused_while_red_flag_open(cli: Run, data_dir: Path) -> None:
    baseline_walking(cli)
    red_flag(data_dir)
    result = refused(cli, data_dir, 1, 0, "plan", "set", "walking", "--target", "15")
    assert "red-flag" in flat(result.stderr)
    assert "redflags assessed" in flat(result.stderr)


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ((), "--target"),
        (("--target", "0"), "--target"),
        (("--target", "abc"), "--target"),
        (("--target", "5"), "--target"),  # below the starting level
        (("--target", "15", "--hold-days", "6"), "--hold-days"),
        (("--target", "15", "--hold-days", "29"), "--hold-days"),
        (("--target", "15", "--hold-days", "1.5"), "--hold-days"),
        (("--target", "15", "--by", "2026-03-01"), "--by"),
        (("--target", "15", "--by", "soon"), "--by"),
        (("--target", "15", "--start", "-3"), "--start"),
        (("--target", "15", "--unit", "km"), "--unit"),
        (("--target", "1e9"), "--target"),
        # an empty value is a mistake, never silently the default
        (("--target", "15", "--start", ""), "--start"),
        (("--target", "15", "--by", ""), "--by"),
        (("--target", "15", "--from", ""), "--from"),
    ],
)
def test_bad_plan_input(cli: Run, data_dir: Path, args: tuple[str, ...], field: str) -> None:
    baseline_walking(cli)
    result = refused(cli, data_dir, 2, 0, "plan", "set", "walking", *args)
    assert field in flat(result.stderr)


def test_show_without_plans_and_unknown(cli: Run, data_dir: Path) -> None:
    assert as_json(cli, 0, "plan", "show") == {"plans": []}
    assert "No plans yet" in flat(ok(cli, 0, "plan", "show").stdout)
    refused(cli, data_dir, 1, 0, "plan", "show", "walking")
    ok(cli, 0, "log", "walking", "5")
    result = refused(cli, data_dir, 1, 0, "plan", "show", "walking")
    assert "plan set walking" in flat(result.stderr)


def test_setting_again_keeps_the_level_reached(cli: Run) -> None:
    planned_walking(cli)
    plan = as_json(cli, 3, "plan", "set", "walking", "--target", "20")
    assert plan["start"] == 8 and plan["steps"][-1]["level"] == 20


def test_target_is_asked_for_on_a_terminal(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import backskills.cli.plan as plan_cli

    baseline_walking(cli)
    monkeypatch.setattr(plan_cli, "interactive", lambda no_input=False: not no_input)
    result = cli("plan", "set", "walking", input="12\n", env={"BACKSKILLS_TODAY": "2026-03-01"})
    assert result.exit_code == 0, result.stderr
    assert as_json(cli, 0, "plan", "show", "walking")["target"] == 12
    result = run(cli, 0, "plan", "set", "walking", "--no-input")
    assert result.exit_code == 2 and "--target" in result.stderr


def test_a_deadline_on_the_day_itself_says_nothing_to_spare(cli: Run) -> None:
    baseline_walking(cli)
    out = flat(run(cli, 0, "plan", "set", "walking", "--target", "15", "--by", "2026-04-19").stdout)
    assert "on the day itself, with nothing to spare" in out
    assert "0 days" not in out
