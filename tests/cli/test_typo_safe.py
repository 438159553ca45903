"""Typo-safe activity names, plausible amounts and the repeat note (issue 11)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from backskills.domain.records import REPEAT_WINDOW, log_activity
from backskills.models import Journal
from tests.cli.journey import as_json, flat, ok, refused, run
from tests.conftest import Run


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("walkng", "walking"),
        ("Walkin", "walking"),
        ("walk", "walking"),
        ("bridges", "bridge"),
        ("wall sqat", "wall-squat"),
        ("sit to stnd", "sit-to-stand"),
    ],
)
def test_a_name_close_to_an_activity_or_exercise_is_refused(
    cli: Run, data_dir: Path, typed: str, meant: str
) -> None:
    ok(cli, 0, "log", "walking", "10")
    for command in (("log", typed, "5"), ("baseline", "log", typed, "5")):
        result = refused(cli, data_dir, 1, 0, *command)
        assert f"No activity '{typed}'. Did you mean '{meant}'" in result.stderr
        assert "To start a new one, add --new." in result.stderr


def test_new_starts_it_anyway_and_far_names_need_nothing(cli: Run) -> None:
    ok(cli, 0, "log", "walking", "10")
    made = as_json(cli, 0, "log", "walkng", "5", "--new")
    assert made["new_activity"] is True and made["activity"] == "walkng"
    assert as_json(cli, 0, "log", "swimming", "20")["new_activity"] is True
    assert as_json(cli, 0, "baseline", "log", "gardening", "20", "--new")["activity"] == "gardening"


def test_plan_set_and_existing_commands_suggest_the_name(cli: Run, data_dir: Path) -> None:
    ok(cli, 0, "log", "walking", "10")
    result = refused(cli, data_dir, 1, 0, "plan", "set", "walkng", "--target", "20", "--start", "8")
    assert "Did you mean 'walking'" in result.stderr
    shown = refused(cli, data_dir, 1, 0, "baseline", "show", "walkng")
    assert "Did you mean 'walking'?" in shown.stderr


@pytest.mark.parametrize(
    ("spelling", "unit"),
    [("Sit to stand", "reps"), ("sit-to-stand", "reps"), ("BALANCE", "seconds")],
)
def test_a_library_exercise_keeps_its_own_unit(
    cli: Run, data_dir: Path, spelling: str, unit: str
) -> None:
    assert as_json(cli, 0, "log", spelling, "5")["unit"] == unit
    other = "minutes" if unit != "minutes" else "reps"
    result = refused(cli, data_dir, 2, 0, "log", "bridge", "5", "--unit", other)
    assert "exercise from the library, counted in reps" in result.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("log", "walking", "0"), "0 records nothing"),
        (("log", "walking", "1441"), "a day has only 1,440 minutes"),
        (("log", "plank", "86401", "--unit", "seconds"), "a day has only 86,400 seconds"),
        (("log", "bridge", "10.5"), "bridge is counted in whole reps"),
        (("log", "hops", "2.5", "--unit", "times"), "counted in whole times"),
        (("log", "walking", "15mins"), "Give the number alone (15)"),
        (("baseline", "log", "bridge", "7.5"), "counted in whole reps"),
        (("baseline", "log", "cycling", "1500"), "a day has only 1,440 minutes"),
    ],
)
def test_implausible_amounts_are_exit_2_and_change_nothing(
    cli: Run, data_dir: Path, args: tuple[str, ...], words: str
) -> None:
    ok(cli, 0, "log", "walking", "10")
    result = refused(cli, data_dir, 2, 0, *args)
    assert words in flat(result.stderr)


def test_the_day_total_counts_towards_the_limit(cli: Run, data_dir: Path) -> None:
    ok(cli, 0, "log", "walking", "1000")
    result = refused(cli, data_dir, 2, 0, "log", "walking", "500")
    assert "would come to 1,500 minutes" in flat(result.stderr)
    ok(cli, 0, "log", "walking", "440")  # exactly a day is possible
    assert "entries remove" in refused(cli, data_dir, 2, 0, "log", "walking", "0").stderr
    edited = refused(cli, data_dir, 2, 0, "entries", "edit", "a1", "--amount", "1001")
    assert "a day has only 1,440 minutes" in flat(edited.stderr)


def test_a_record_pasted_twice_gets_a_note(cli: Run) -> None:
    ok(cli, 0, "log", "walking", "12")
    again = run(cli, 0, "log", "walking", "12", "--json")
    assert again.exit_code == 0
    assert "looks like a repeat" in flat(again.stderr) and "backskills undo" in flat(again.stderr)
    assert '"repeat": true' in again.stdout
    different = run(cli, 0, "log", "walking", "13")
    assert "repeat" not in different.stderr


def test_the_repeat_window_is_two_minutes() -> None:
    journal = Journal()
    day = date(2026, 3, 1)
    first = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    log_activity(journal, "walking", 12, today=day, at=first)
    near = log_activity(journal, "walking", 12, today=day, at=first + REPEAT_WINDOW)
    assert near.repeat is True
    later = log_activity(
        journal, "walking", 12, today=day, at=first + 2 * REPEAT_WINDOW + timedelta(seconds=1)
    )
    assert later.repeat is False
    other_day = log_activity(journal, "walking", 12, today=day, day=date(2026, 2, 28), at=first)
    assert other_day.repeat is False
    assert timedelta(minutes=2) == REPEAT_WINDOW


def test_a_goal_tied_to_a_close_name_is_refused_unless_new(cli: Run, data_dir: Path) -> None:
    ok(cli, 0, "log", "walking", "10")
    goal = ("goal", "add", "Walk to the shop", "--target", "20", "--unit", "minutes",
            "--why", "the shop", "--reward", "tea", "--within", "8w", "--no-input")  # fmt: skip
    result = refused(cli, data_dir, 1, 0, *goal, "--activity", "walkng")
    assert "Did you mean 'walking'? To start a new one, add --new." in result.stderr
    made = as_json(cli, 0, *goal, "--activity", "walkng", "--new")
    assert made["activity"] == "walkng"
    as_json(cli, 0, *goal, "--activity", "Walking")  # the activity itself, any case
    edited = refused(cli, data_dir, 1, 0, "goal", "edit", "1", "--activity", "walkin")
    assert "Did you mean 'walking'" in edited.stderr
    refused(cli, data_dir, 2, 0, "goal", "edit", "1", "--new")  # nothing to change
