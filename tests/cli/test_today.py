from __future__ import annotations

import json
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
    assert document["first_steps"][2]["command"].startswith("backskills baseline log")
    assert document["activities"] == [] and document["pain"] == {"recorded": False, "scores": []}


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


def test_today_lists_pacing_spells_and_goals_together(cli: Run) -> None:
    ok(cli, 1, "pace", "add", "vacuuming", "--tolerance", "15", "--position", "standing")
    ok(
        cli,
        1,
        "pace",
        "task",
        "add",
        "vacuum the [bold]house[/]",
        "--activity",
        "vacuuming",
        "--amount",
        "40",
        "--priority",
        "high",
    )
    doc = as_json(cli, 1, "today")
    spells = doc["pacing"]
    assert spells and all(s["amount"] <= 15 for s in spells)
    assert {s["task"] for s in spells} == {"vacuum the [bold]house[/]"}
    out = flat(ok(cli, 1, "today").stdout)
    assert "vacuum the [bold]house[/]" in out
    assert "No plans yet" not in out


def test_an_exercise_from_the_library_keeps_its_own_unit(cli: Run) -> None:
    ok(cli, 1, "baseline", "log", "Knee rolling", "6")
    doc = as_json(cli, 1, "baseline", "show", "knee rolling")
    assert doc["unit"] == "reps"
    ok(cli, 1, "log", "treadmill walking", "12")
    ok(cli, 1, "baseline", "log", "gardening", "20")
    assert as_json(cli, 1, "baseline", "show", "gardening")["unit"] == "minutes"


def test_an_open_red_flag_turns_a_due_step_up_into_hold_with_the_reason(cli: Run) -> None:
    from tests.cli.journey import walk_days

    planned_walking(cli)
    walk_days(cli, 0, 7)
    assert as_json(cli, 7, "progress")["activities"][0]["recommendation"] == "step_up"
    ok(cli, 7, "redflags", "--present", "night_sweats")
    [walking] = as_json(cli, 7, "progress")["activities"]
    assert walking["recommendation"] == "hold"
    assert "red-flag check" in walking["reason"]
    assert "ready to step up" not in flat(ok(cli, 7, "today").stdout)
    # With --json the banner is in the document and, never hidden by the flag, on stderr.
    machine = ok(cli, 7, "today", "--json")
    assert json.loads(machine.stdout)["redflags"]["blocks_exercise"] is True
    assert flat(machine.stderr).startswith("RED FLAGS: Your red-flag check on")
    assert "redflags assessed" in flat(machine.stderr)
    ok(cli, 7, "redflags", "assessed", "--note", "GP saw me")
    assert as_json(cli, 7, "progress")["activities"][0]["recommendation"] == "step_up"
    assert ok(cli, 7, "today", "--json").stderr == ""


def test_today_reminds_to_check_red_flags_and_shows_an_active_flareup(cli: Run) -> None:
    planned_walking(cli)
    doc = as_json(cli, 1, "today")
    assert doc["redflags"]["kind"] == "reminder"
    assert "backskills redflags" in flat(ok(cli, 1, "today").stdout)
    ok(cli, 1, "redflags", "--none")
    quiet = as_json(cli, 1, "today")["redflags"]
    assert (quiet["kind"], quiet["age_days"], quiet["stale"], quiet["lines"]) == (
        "ok",
        0,
        False,
        [],
    )
    ok(cli, 2, "flareup", "start", "--pain", "7")
    doc = as_json(cli, 3, "today")
    assert doc["flareup"] is not None
    assert doc["activities"][0]["recommendation"] == "paused"


def test_today_reads_whole_words_at_40_columns_without_colour(cli: Run) -> None:
    planned_walking(cli)
    ok(cli, 1, "log", "walking", "5")
    result = cli("today", env={"COLUMNS": "40", "NO_COLOR": "1", "BACKSKILLS_TODAY": "2026-03-02"})
    assert result.exit_code == 0
    assert all(len(line) <= 40 for line in result.stdout.splitlines())
    assert "\x1b[" not in result.stdout
    words = result.stdout.split()
    assert "walking:" in words and "minutes" in words and "go." in words
