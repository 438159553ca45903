from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.journey import (
    as_json,
    flare_up,
    flat,
    ok,
    planned_walking,
    red_flag,
    refused,
    run,
    walk_days,
)
from tests.conftest import Run
from tests.shapes import RECOMMENDATION_KEYS


def test_hold_then_step_up(cli: Run) -> None:
    planned_walking(cli)
    walk_days(cli, 1, 4)
    doc = as_json(cli, 4, "progress")
    assert list(doc) == ["activities"]
    [rec] = doc["activities"]
    assert set(rec) == RECOMMENDATION_KEYS
    assert (rec["recommendation"], rec["days_at_level"], rec["days_met_last_7"]) == ("hold", 4, 4)
    assert "3 more days at this level" in rec["reason"]
    assert "met on 4 of the last 7 days" in rec["reason"]
    walk_days(cli, 5, 7)
    [rec] = as_json(cli, 7, "progress", "walking")["activities"]
    assert rec["recommendation"] == "step_up"
    assert (rec["level"], rec["next_level"], rec["target"]) == (8, 9, 15)
    human = flat(ok(cli, 7, "progress").stdout)
    assert "8 + 1" in human and "progress step-up walking" in human
    change = as_json(cli, 7, "progress", "step-up", "walking")
    assert (change["from"], change["to"], change["reason"]) == (8, 9, "step_up")
    assert change["date"] == "2026-03-08" and change["plan"]["level"] == 9
    [rec] = as_json(cli, 7, "progress")["activities"]
    assert (rec["level"], rec["days_at_level"], rec["recommendation"]) == (9, 0, "hold")


def test_step_up_refused_when_not_ready(cli: Run, data_dir: Path) -> None:
    planned_walking(cli)
    walk_days(cli, 1, 7, amount="6")
    result = refused(cli, data_dir, 1, 7, "progress", "step-up", "walking")
    assert "met on 0 of the last 7 days" in flat(result.stderr)
    refused(cli, data_dir, 1, 7, "progress", "step-up", "running")


def test_step_up_refused_while_red_flag_open(cli: Run, data_dir: Path) -> None:
    planned_walking(cli)
    walk_days(cli, 1, 7)
    red_flag(data_dir)
    result = refused(cli, data_dir, 1, 7, "progress", "step-up", "walking")
    assert "red-flag" in flat(result.stderr)


def test_paused_during_a_flare_up(cli: Run, data_dir: Path) -> None:
    planned_walking(cli)
    walk_days(cli, 1, 7)
    flare_up(data_dir, "2026-03-07")
    [rec] = as_json(cli, 7, "progress")["activities"]
    assert rec["recommendation"] == "paused"
    assert "flare-up" in rec["reason"]
    assert "backskills learn flareups" in flat(ok(cli, 7, "progress").stdout)
    refused(cli, data_dir, 1, 7, "progress", "step-up", "walking")


def stepped_up(cli: Run) -> None:
    planned_walking(cli)
    walk_days(cli, 1, 7)
    ok(cli, 7, "progress", "step-up", "walking")


def test_ease_back_from_pain_scores(cli: Run) -> None:
    stepped_up(cli)
    for day in range(0, 7):
        ok(cli, day, "pain", "3")
    ok(cli, 8, "pain", "6")
    [rec] = as_json(cli, 8, "progress")["activities"]
    assert rec["recommendation"] == "ease_back"
    assert "6.0" in rec["reason"] and "3.0" in rec["reason"]
    out = flat(ok(cli, 8, "progress", "walking").stdout)
    assert "previous: go back to 8 minutes" in out
    # Half-way between 8 and 9 rounds down to 8, the same as 'previous': say so, and how
    # the two still differ (the hold).
    assert "halfway: go back to 8 minutes too" in out
    assert "rounds down to it" in out and "hold it the usual 7 days" in out
    assert "stay: stay at 9 minutes" in out
    # The hint pastes into a shell as it is: no '|' that a shell would take for a pipe.
    assert "--option previous (or --option halfway, or --option stay)" in out
    assert "|" not in out


def test_pain_up_flag_and_options(cli: Run, data_dir: Path) -> None:
    planned_walking(cli)
    result = refused(cli, data_dir, 1, 1, "progress", "walking", "--pain-up")
    assert "nothing to ease back from" in flat(result.stderr)
    refused(cli, data_dir, 2, 1, "progress", "--pain-up")
    refused(cli, data_dir, 1, 1, "progress", "ease-back", "walking", "--option", "stay")
    walk_days(cli, 1, 7)
    ok(cli, 7, "progress", "step-up", "walking")
    [rec] = as_json(cli, 9, "progress", "walking", "--pain-up")["activities"]
    assert rec["recommendation"] == "ease_back"
    refused(cli, data_dir, 2, 9, "progress", "ease-back", "walking")
    refused(cli, data_dir, 2, 9, "progress", "ease-back", "walking", "--option", "down")
    back = as_json(cli, 9, "progress", "ease-back", "walking", "--option", "previous")
    assert (back["from"], back["to"], back["hold_days"]) == (9, 8, 14)
    assert back["reason"] == "ease_back_previous" and back["next_review_on"] == "2026-03-24"
    walk_days(cli, 10, 23)
    [rec] = as_json(cli, 22, "progress")["activities"]
    assert rec["recommendation"] == "hold" and "1 more day" in rec["reason"]
    [rec] = as_json(cli, 23, "progress")["activities"]
    assert rec["recommendation"] == "step_up"


def test_ease_back_stay_and_halfway(cli: Run) -> None:
    stepped_up(cli)
    stay = as_json(cli, 9, "progress", "ease-back", "walking", "--option", "stay")
    assert (stay["from"], stay["to"], stay["hold_days"], stay["date"]) == (9, 9, 7, "2026-03-10")
    out = flat(ok(cli, 10, "progress", "ease-back", "walking", "--option", "halfway").stdout)
    assert "9 to 8 minutes" in out  # half-way between 8 and 9 is 8.5, rounded down


def test_at_target(cli: Run) -> None:
    ok(cli, 0, "plan", "set", "walking", "--target", "9", "--start", "8")
    walk_days(cli, 1, 7)
    ok(cli, 7, "progress", "step-up", "walking")
    walk_days(cli, 8, 14, amount="9")
    [rec] = as_json(cli, 14, "progress")["activities"]
    assert rec["recommendation"] == "at_target" and rec["next_level"] is None
    assert "new goal" in rec["reason"]
    result = run(cli, 14, "progress", "step-up", "walking")
    assert result.exit_code == 1 and "already at its target" in flat(result.stderr)


def test_no_plans(cli: Run, data_dir: Path) -> None:
    assert as_json(cli, 0, "progress") == {"activities": []}
    assert "No plans to review" in flat(ok(cli, 0, "progress").stdout)
    ok(cli, 0, "log", "walking", "5")
    result = refused(cli, data_dir, 1, 0, "progress", "walking")
    assert "plan set walking" in flat(result.stderr)


def test_dates_before_the_last_change_are_refused(cli: Run, data_dir: Path) -> None:
    stepped_up(cli)
    result = refused(
        cli,
        data_dir,
        2,
        9,
        "progress",
        "ease-back",
        "walking",
        "--option",
        "stay",
        "--date",
        "2026-03-05",
    )
    assert "--date" in flat(result.stderr)


def test_progress_help_lists_subcommands(cli: Run) -> None:
    result = cli("progress", "--help")
    assert result.exit_code == 0
    for name in ("evaluate", "step-up", "ease-back"):
        assert name in result.stdout
    assert json.loads(cli("progress", "--json").stdout) == {"activities": []}


def test_ease_back_option_is_asked_for_on_a_terminal(
    cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    import backskills.cli.progress as progress_cli

    stepped_up(cli)
    monkeypatch.setattr(progress_cli, "interactive", lambda no_input=False: not no_input)
    result = cli(
        "progress",
        "ease-back",
        "walking",
        input="halfway\n",
        env={"BACKSKILLS_TODAY": "2026-03-10"},
    )
    assert result.exit_code == 0, result.stderr
    [rec] = as_json(cli, 9, "progress")["activities"]
    assert rec["level"] == 8


def test_after_a_long_break_progress_suggests_a_fresh_baseline(cli: Run) -> None:
    from tests.cli.journey import as_json, planned_walking, walk_days

    planned_walking(cli)
    walk_days(cli, 0, 3)
    [quiet_week] = as_json(cli, 10, "progress")["activities"]
    assert "fresh baseline" not in quiet_week["reason"]  # a week off is not a long break yet
    [long_break] = as_json(cli, 20, "progress")["activities"]
    assert long_break["recommendation"] == "hold"
    assert "backskills baseline redo walking" in long_break["reason"]


def test_an_unmet_morning_is_not_a_missed_day(cli: Run) -> None:
    # Met on days 1-5; on the morning of day 6 nothing is logged yet: the window is the
    # seven days up to yesterday, so five days are met and today is not a missed day.
    planned_walking(cli)
    walk_days(cli, 1, 5)
    [rec] = as_json(cli, 6, "progress")["activities"]
    assert (rec["days_met_last_7"], rec["today_counted"]) == (5, False)
    assert "up to yesterday" in rec["reason"] and "today counts once" in rec["reason"]
    # A part of today's amount does not count either, and does not push a met day out.
    ok(cli, 6, "log", "walking", "3")
    [rec] = as_json(cli, 6, "progress")["activities"]
    assert (rec["days_met_last_7"], rec["today_counted"]) == (5, False)
    # Once today is met it joins the window, and the words say so.
    ok(cli, 6, "log", "walking", "5")
    [rec] = as_json(cli, 6, "progress")["activities"]
    assert (rec["days_met_last_7"], rec["today_counted"]) == (6, True)
    assert "today included" in rec["reason"]


def test_the_window_drops_its_oldest_day_when_today_is_met(cli: Run) -> None:
    # Days 1-7 met; day 8: unmet today means days 1-7 (7 met); met today means days 2-8.
    planned_walking(cli)
    walk_days(cli, 1, 7)
    [rec] = as_json(cli, 8, "progress")["activities"]
    assert (rec["days_met_last_7"], rec["today_counted"]) == (7, False)
    ok(cli, 8, "log", "walking", "8")
    [rec] = as_json(cli, 8, "progress")["activities"]
    assert (rec["days_met_last_7"], rec["today_counted"]) == (7, True)
    human = flat(ok(cli, 8, "progress").stdout)
    assert "today included" in human
