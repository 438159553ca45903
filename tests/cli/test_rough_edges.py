"""Rough edges a new patient hit: stale tips, pain scores read aloud, the README tour."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli.journey import as_json, baseline_walking, flat, ok, planned_walking
from tests.conftest import Run

README = Path(__file__).resolve().parents[2] / "README.md"


def test_two_pain_scores_on_one_day_read_as_one_sentence(cli: Run) -> None:
    ok(cli, 0, "pain", "4")
    second = flat(ok(cli, 0, "pain", "6").stdout)
    assert "Scores that day: 4 out of 10 at first, then 6." in second
    ok(cli, 0, "pain", "3")
    today = flat(ok(cli, 0, "today").stdout)
    assert "Pain today: 4 out of 10 at first, then 6, then 3." in today
    assert "4, 6" not in today
    ok(cli, 1, "pain", "5")
    assert "Pain today: 5 out of 10." in flat(ok(cli, 1, "today").stdout)


def test_baseline_show_does_not_suggest_plan_set_when_a_plan_exists(cli: Run) -> None:
    baseline_walking(cli)
    before = flat(ok(cli, 0, "baseline", "show", "walking").stdout)
    assert "plan set walking --target" in before
    ok(cli, 0, "plan", "set", "walking", "--target", "15")
    after = flat(ok(cli, 1, "baseline", "show", "walking").stdout)
    assert "plan set" not in after
    assert "already has a plan" in after and "backskills progress walking" in after
    # A redone baseline needs a new plan once its three days are in.
    ok(cli, 2, "baseline", "redo", "walking")
    for day in (2, 3, 4):
        ok(cli, day, "baseline", "log", "walking", "12", "--felt", "ok")
    redone = flat(ok(cli, 4, "baseline", "show", "walking").stdout)
    assert "plan set walking --target" in redone


def test_a_goal_tied_to_a_half_done_baseline_says_continue(cli: Run) -> None:
    goal = [
        "goal", "add", "walk 30 minutes", "--target", "30", "--unit", "minutes",
        "--times-per-week", "3", "--why", "the shop", "--reward", "a treat", "--within", "8w",
        "--category", "fitness", "--activity", "walking",
    ]  # fmt: skip
    ok(cli, -2, "baseline", "log", "walking", "9", "--felt", "hard")
    added = flat(ok(cli, -1, *goal).stdout)
    assert "Continue the baseline with: backskills baseline log walking AMOUNT" in added
    assert "Start the baseline" not in added
    shown = flat(ok(cli, -1, "goal", "show", "1").stdout)
    assert "under way (1 of 3 days)" in shown and "Continue the baseline" in shown
    # With no baseline day yet, the goal says to start one.
    fresh = [*goal[:-1], "stairs"]
    fresh[fresh.index("--unit") + 1] = "times"
    started = flat(ok(cli, -1, *fresh).stdout)
    assert "Start the baseline with: backskills baseline log stairs AMOUNT" in started
    assert "no level yet" in flat(ok(cli, -1, "goal", "show", "2").stdout)


def test_planned_goal_shows_its_level_not_the_baseline(cli: Run) -> None:
    planned_walking(cli)
    doc = as_json(cli, 1, "plan", "show", "walking")
    assert doc  # a plan exists
    assert "Continue the baseline" not in flat(ok(cli, 1, "baseline", "show", "walking").stdout)


def test_the_readme_tour_uses_a_throw_away_data_folder() -> None:
    text = README.read_text()
    tour = text[text.index("## A short tour") :]
    head = tour[:1500]
    assert "BACKSKILLS_DATA_DIR" in head and "mktemp -d" in head
    assert re.search(r"throw-?away", head)


@pytest.mark.parametrize("columns", [20, 30, 40, 80, 200])
def test_wizard_questions_wrap_at_word_boundaries(
    monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    from backskills.cli._common import PROMPT_SUFFIX_ROOM, wrapped

    monkeypatch.setenv("COLUMNS", str(columns))
    question = (
        "What helped, or what would you do next time? Write it in your own words (Enter to skip)"
    )
    lines = wrapped(question).split("\n")
    assert " ".join(lines) == question  # only spaces became line breaks: no word is cut
    assert all(len(line) <= max(columns - 1, 20) for line in lines)
    assert len(lines[-1]) <= max(columns - 1 - PROMPT_SUFFIX_ROOM, 10)


def test_a_wizard_on_a_narrow_terminal_keeps_words_whole(
    cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    import backskills.cli.flareup as command

    ok(cli, 0, "flareup", "start", "--pain", "6", "--no-input")
    monkeypatch.setattr(command, "interactive", lambda no_input=False: True)
    result = cli(
        "flareup", "end", input="\n\n", env={"BACKSKILLS_TODAY": "2026-03-03", "COLUMNS": "30"}
    )
    assert result.exit_code == 0, result.stderr
    prompts = [line for line in result.stdout.splitlines() if "?" in line or "skip" in line]
    assert prompts and all(len(line) <= 30 for line in prompts)
    text = " ".join(result.stdout.split())
    assert "What may have set it off? Often nothing clear does. (Enter to skip)" in text
