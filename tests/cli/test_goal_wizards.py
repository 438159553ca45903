"""Goal wizards and forms: deadlines in everyday words, category and activity questions,
a duplicate title, a target change that offers a new title, review by name or number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_goals import FULL, add, assert_refused_unchanged, flat, stored_goals, tty
from tests.conftest import Run

__all__ = ["tty"]  # the fixture, used by name below

WHY = ("--why", "it gets me to the shop", "--reward", "a coffee")


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKSKILLS_TODAY", "2026-03-01")
    monkeypatch.setenv("COLUMNS", "80")


@pytest.mark.parametrize(
    ("said", "deadline"),
    [
        ("8w", "2026-04-26"),
        ("2m", "2026-04-30"),
        ("60d", "2026-04-30"),
        ("8 weeks", "2026-04-26"),
        ("2026-06-30", "2026-06-30"),
        ("june", "2026-06-30"),
        ("June", "2026-06-30"),
        ("end of april", "2026-04-30"),
        ("15 june", "2026-06-15"),
        ("june 15", "2026-06-15"),
        ("feb", "2027-02-28"),  # February has passed this year: next year's
        ("march 2027", "2027-03-31"),
    ],
)
def test_deadline_in_everyday_words(cli: Run, said: str, deadline: str) -> None:
    result = cli("goal", "add", "walk to the shop and back", "--target", "1", "--unit",
                 "miles", *WHY, "--by", said, "--json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["deadline"] == deadline


def test_a_deadline_that_is_no_deadline_lists_the_forms(cli: Run, data_dir: Path) -> None:
    err = flat(
        assert_refused_unchanged(
            cli, data_dir, 2, "goal", "add", "walk to the shop", "--target", "1", "--unit",
            "miles", *WHY, "--by", "someday",
        )
    )  # fmt: skip
    assert "'someday' is not a deadline" in err
    for form in ("2026-06-30", "june", "end of april", "8w", "2m", "60d"):
        assert form in err


def test_the_wizard_takes_a_month_name(cli: Run, data_dir: Path, tty: None) -> None:
    result = cli(
        "goal", "add", "walk to the shop and back", "--target", "1", "--unit", "miles", *WHY,
        "--category", "leisure", "--step", "to the gate",
        input="whenever\nend of may\n\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "a month such as june" in result.stdout
    assert "'whenever' is not a deadline" in flat(result.stdout)
    assert stored_goals(data_dir)[0]["deadline"] == "2026-05-31"


def test_the_wizard_asks_category_and_offers_activities(
    cli: Run, data_dir: Path, tty: None
) -> None:
    assert cli("log", "walking", "10").exit_code == 0
    result = cli(
        "goal", "add", "walk to the shop and back", "--target", "20", "--unit", "minutes",
        "--within", "8w", "--step", "to the gate",
        input="it gets me to the shop\na coffee\nhobbies\nwork\nwalking\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert "Category (fitness, work, leisure or other" in out
    assert "'hobbies'" in out  # asked again
    assert "Your activities: walking" in out
    assert "From the exercise library:" in out and "bridge" in out
    [goal] = stored_goals(data_dir)
    assert (goal["category"], goal["activity"]) == ("work", "walking")


def test_the_wizard_can_skip_the_tie(cli: Run, data_dir: Path, tty: None) -> None:
    result = cli(
        "goal", "add", "sit through a film", "--target", "2", "--unit", "hours",
        "--why", "films with my daughter", "--within", "8w", "--step", "a short one",
        input="popcorn\n\n\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "Tie it to an activity?" in result.stdout
    [goal] = stored_goals(data_dir)
    assert (goal["category"], goal["activity"]) == ("other", None)


def test_a_duplicate_active_title_gets_a_note(cli: Run) -> None:
    add(cli, "Walk to the shop and back")
    second = cli("goal", "add", "walk to the shop, and back", *FULL)
    assert second.exit_code == 0, second.stderr
    notes = flat(second.stdout + second.stderr)
    assert "already have an active goal with this title (goal 1)" in notes
    third = cli("goal", "add", "walk to the park and back", *FULL, "--json")
    assert "duplicate_title" not in third.stdout


def test_edit_target_offers_to_update_the_title(cli: Run, data_dir: Path, tty: None) -> None:
    add(cli, "walk 30 minutes without stopping", "--target", "30", "--unit", "minutes")
    result = cli("goal", "edit", "1", "--target", "20", input="y\n")
    assert result.exit_code == 0, result.stderr
    assert "Change it to 'walk 20 minutes without stopping'?" in flat(result.stdout)
    [goal] = stored_goals(data_dir)
    assert (goal["title"], goal["target"]) == ("walk 20 minutes without stopping", 20)
    kept = cli("goal", "edit", "1", "--target", "25", input="n\n")
    assert kept.exit_code == 0, kept.stderr
    assert stored_goals(data_dir)[0]["title"] == "walk 20 minutes without stopping"
    assert "goal edit 1 --title 'walk 25 minutes without stopping'" in flat(
        kept.stdout + kept.stderr
    )


def test_edit_target_without_a_terminal_says_how_to_update_the_title(
    cli: Run, data_dir: Path
) -> None:
    add(cli, "walk 30 minutes without stopping", "--target", "30", "--unit", "minutes")
    doc = json.loads(cli("goal", "edit", "1", "--target", "20", "--json").stdout)
    [hint] = [a for a in doc["advice"] if a["code"] == "title_number"]
    assert "--title 'walk 20 minutes without stopping'" in hint["suggestion"]
    assert stored_goals(data_dir)[0]["title"] == "walk 30 minutes without stopping"


@pytest.mark.parametrize("answer", ["2", "move-deadline", "move deadline", "Move_Deadline"])
def test_review_wizard_takes_a_name_or_a_number(
    cli: Run, data_dir: Path, tty: None, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    add(cli)
    monkeypatch.setenv("BACKSKILLS_TODAY", "2026-05-06")
    result = cli("goal", "review", "1", input=f"\n{answer}\nend of june\n")
    assert result.exit_code == 0, result.stderr
    [goal] = stored_goals(data_dir)
    assert goal["deadline"] == "2026-06-30"
    assert goal["reviews"][0]["choice"] == "move_deadline"  # type: ignore[index]


def test_review_wizard_names_both_forms_when_an_answer_is_neither(
    cli: Run, tty: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(cli)
    monkeypatch.setenv("BACKSKILLS_TODAY", "2026-05-06")
    result = cli("goal", "review", "1", input="\nsideways\nkeep-going\n")
    assert result.exit_code == 0, result.stderr
    assert "a number from 1 to 4 or one of smaller-steps" in flat(result.stdout)
