"""End to end: the red-flag gate on exercise commands, and a flare-up pausing progress."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import Result

from tests.cli.safety_helpers import (  # noqa: F401 (autouse fixtures)
    fixed_day,
    fresh_consoles,
    journal_bytes,
)
from tests.conftest import Run


def on(day: str) -> dict[str, str]:
    return {"BACKSKILLS_TODAY": day}


def ok(result: Result) -> None:
    assert result.exit_code == 0, (result.stdout, result.stderr)


def walking_baseline(cli: Run) -> None:
    """Three baseline days of 10 minutes: the starting level is 8."""
    for day in ("2026-03-01", "2026-03-02", "2026-03-03"):
        ok(cli("baseline", "log", "walking", "10", env=on(day)))


def walking_review(cli: Run, day: str) -> dict[str, object]:
    result = cli("progress", "--json", env=on(day))
    ok(result)
    (review,) = json.loads(result.stdout)["activities"]
    return review  # type: ignore[no-any-return]


def log_days(cli: Run, amount: str, first: int, last: int, today: str) -> None:
    for day in range(first, last + 1):
        ok(cli("log", "walking", amount, "--date", f"2026-03-{day:02d}", env=on(today)))


def test_flareup_pauses_reduces_and_resumes_from_the_reduced_level(cli: Run) -> None:
    walking_baseline(cli)
    ok(cli("redflags", "--none", env=on("2026-03-03")))
    ok(cli("plan", "set", "walking", "--target", "20", env=on("2026-03-03")))
    log_days(cli, "8", 3, 10, today="2026-03-10")
    assert walking_review(cli, "2026-03-10")["recommendation"] == "step_up"
    ok(cli("progress", "step-up", "walking", env=on("2026-03-10")))
    assert walking_review(cli, "2026-03-10")["level"] == 9

    started = cli("flareup", "start", "--reduce", "previous", "--json", env=on("2026-03-11"))
    ok(started)
    assert json.loads(started.stdout)["reductions"] == [{"activity": "walking", "from": 9, "to": 8}]
    paused = walking_review(cli, "2026-03-12")
    assert paused["recommendation"] == "paused" and paused["level"] == 8
    human = cli("progress", env=on("2026-03-12"))
    assert "paused" in human.stdout
    refused = cli("progress", "step-up", "walking", env=on("2026-03-12"))
    assert refused.exit_code == 1
    # Recording is never blocked during a flare-up.
    ok(cli("log", "walking", "5", env=on("2026-03-12")))
    ok(cli("pain", "7", env=on("2026-03-12")))

    ended = cli("flareup", "end", "--json", env=on("2026-03-14"))
    ok(ended)
    assert json.loads(ended.stdout)["levels"] == [
        {"activity": "walking", "unit": "minutes", "level": 8, "reduced_from": 9}
    ]
    resumed = walking_review(cli, "2026-03-14")
    assert resumed["recommendation"] == "hold"
    assert resumed["level"] == 8 and resumed["next_level"] == 9

    # The reduced level builds up again through the usual rule: a week at 8, met most days.
    log_days(cli, "8", 11, 18, today="2026-03-18")
    again = walking_review(cli, "2026-03-18")
    assert again["recommendation"] == "step_up" and again["next_level"] == 9
    ok(cli("progress", "step-up", "walking", env=on("2026-03-18")))
    assert walking_review(cli, "2026-03-18")["level"] == 9


def test_flareup_reduce_start_and_none(cli: Run) -> None:
    walking_baseline(cli)
    ok(cli("plan", "set", "walking", "--target", "20", env=on("2026-03-03")))
    log_days(cli, "8", 3, 10, today="2026-03-10")
    ok(cli("progress", "step-up", "walking", env=on("2026-03-10")))
    ok(cli("flareup", "start", env=on("2026-03-11")))
    assert walking_review(cli, "2026-03-11")["level"] == 9
    ended = cli("flareup", "end", env=on("2026-03-12"))
    ok(ended)
    # the handbook: review the baseline after a flare-up; point to the command that does it
    assert "backskills baseline redo walking" in " ".join(ended.stdout.split())
    ok(cli("flareup", "start", "--reduce", "start", env=on("2026-03-13")))
    assert walking_review(cli, "2026-03-13")["level"] == 8
    shown = cli("flareup", env=on("2026-03-13"))
    assert "walking from 9 to 8 minutes" in " ".join(shown.stdout.split())


@pytest.mark.parametrize("signs", [["ces_bladder_bowel"], ["foot_drop"], ["trauma"], ["lumps"]])
def test_a_red_flag_blocks_plan_set_and_step_up_but_never_recording(
    cli: Run, data_dir: Path, signs: list[str]
) -> None:
    walking_baseline(cli)
    ok(cli("plan", "set", "walking", "--target", "20", env=on("2026-03-03")))
    log_days(cli, "8", 3, 10, today="2026-03-10")
    args = [item for sign in signs for item in ("--present", sign)]
    ok(cli("redflags", *args, env=on("2026-03-10")))

    before = journal_bytes(data_dir)
    for command in (
        ["plan", "set", "walking", "--target", "25"],
        ["progress", "step-up", "walking"],
    ):
        refused = cli(*command, env=on("2026-03-10"))
        assert refused.exit_code == 1, (command, refused.stdout)
        assert "red-flag check" in refused.stderr and "redflags assessed" in refused.stderr
        assert journal_bytes(data_dir) == before

    ok(cli("log", "walking", "8", env=on("2026-03-10")))
    ok(cli("pain", "4", env=on("2026-03-10")))
    ok(cli("baseline", "log", "cycling", "5", env=on("2026-03-10")))

    ok(cli("redflags", "assessed", "--note", "GP: fine to exercise", env=on("2026-03-10")))
    ok(cli("progress", "step-up", "walking", env=on("2026-03-10")))


def test_a_later_clear_check_lifts_the_block_and_a_new_flag_sets_it_again(cli: Run) -> None:
    walking_baseline(cli)
    ok(cli("redflags", "--present", "night_pain", env=on("2026-03-03")))
    assert cli("plan", "set", "walking", "--target", "20", env=on("2026-03-03")).exit_code == 1
    ok(cli("redflags", "--none", env=on("2026-03-04")))
    ok(cli("plan", "set", "walking", "--target", "20", env=on("2026-03-04")))
    ok(
        cli(
            "redflags",
            "--present",
            "weight_loss",
            "--present",
            "cancer_history",
            env=on("2026-03-05"),
        )
    )
    assert cli("plan", "set", "walking", "--target", "22", env=on("2026-03-05")).exit_code == 1


def test_on_a_terminal_each_planned_activity_is_offered_a_drop_back(
    cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.cli.safety_helpers import pretend_terminal

    walking_baseline(cli)
    ok(cli("plan", "set", "walking", "--target", "20", env=on("2026-03-03")))
    log_days(cli, "8", 3, 10, today="2026-03-10")
    ok(cli("progress", "step-up", "walking", env=on("2026-03-10")))
    pretend_terminal(monkeypatch, "backskills.cli.flareup")
    # Each emergency question (no), nothing new on the urgent list, pain 6, then for
    # walking: x (not a choice), s (start).
    from backskills.domain import redflags

    answers = "n\n" * len(redflags.signs_in("emergency")) + "n\n6\nx\ns\n"
    result = cli("flareup", "start", input=answers, env=on("2026-03-11"))
    ok(result)
    text = " ".join(result.stdout.split())
    assert "walking is at 9 minutes" in text and "starting level 8 (s)" in text
    assert "previous level 8 (p)" in text
    assert walking_review(cli, "2026-03-11")["level"] == 8
    assert "please answer" in result.stderr
