from __future__ import annotations

from pathlib import Path

from tests.cli.journey import as_json, flat, ok, planned_walking, walk_days
from tests.conftest import Run


def test_no_arguments_on_an_empty_journal_shows_the_welcome(cli: Run, data_dir: Path) -> None:
    result = cli()
    assert result.exit_code == 0, result.stderr
    assert "Welcome to backskills" in flat(result.stdout)
    commands = [line for line in result.stdout.splitlines() if line[:2] in ("1.", "2.", "3.")]
    assert len(commands) == 3
    assert "backskills baseline log" in flat(result.stdout)
    assert not data_dir.exists(), "looking must not create a journal"
    document = as_json(cli, 0, "today")
    assert document["empty"] is True and len(document["first_steps"]) == 3


def test_no_arguments_shows_today(cli: Run) -> None:
    planned_walking(cli)
    ok(cli, 1, "log", "walking", "5")
    out = flat(ok(cli, 1).stdout)
    assert "Welcome" not in out
    assert "walking" in out and "8 minutes" in out and "3 minutes to go" in out
    assert "No pain score yet today" in out


def test_today_json(cli: Run) -> None:
    planned_walking(cli)
    ok(cli, 1, "log", "walking", "5")
    ok(cli, 1, "log", "gardening", "20")
    ok(cli, 1, "baseline", "log", "bridge", "10", "--unit", "reps", "--felt", "easy")
    ok(cli, 1, "pain", "4")
    doc = as_json(cli, 1, "today")
    assert doc["date"] == "2026-03-02" and doc["empty"] is False
    [walking] = doc["activities"]
    assert walking == {
        "activity": "walking",
        "unit": "minutes",
        "level": 8,
        "done": 5,
        "remaining": 3,
        "met": False,
        "over_level": False,
        "next_level": 9,
        "target": 15,
        "recommendation": "hold",
        "reason": walking["reason"],
    }
    assert doc["logged"] == [{"activity": "gardening", "unit": "minutes", "done": 20}]
    assert doc["baselines"] == [
        {
            "activity": "bridge",
            "unit": "reps",
            "days_logged": 1,
            "logged_today": True,
            "next_suggestion": 11,
        }
    ]
    assert doc["pain"] == {"recorded": True, "scores": [4]}


def test_today_shows_a_waiting_step_up_and_boom_warning(cli: Run) -> None:
    planned_walking(cli)
    walk_days(cli, 1, 6)
    ok(cli, 7, "log", "walking", "12")
    result = ok(cli, 7, "today")
    assert "ready to step up" in flat(result.stdout)
    assert "50% over your level" in flat(result.stderr)


def test_baseline_in_progress_shows_the_suggestion(cli: Run) -> None:
    ok(cli, 0, "baseline", "log", "walking", "10", "--felt", "easy")
    out = flat(ok(cli, 1).stdout)
    assert "Baseline walking: 1 of 3 days" in out and "try 11 minutes" in out
