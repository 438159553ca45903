"""`backskills activity list|rename|merge|remove`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.cli.journey import as_json, flat, ok, planned_walking, refused
from tests.conftest import Run
from tests.journals import read_journal


def document(data_dir: Path) -> Any:
    return read_journal(data_dir)


def goal_on(cli: Run, name: str) -> None:
    ok(cli, 1, "goal", "add", f"{name} to the shop", "--target", "20", "--unit", "minutes",
       "--activity", name, "--why", "the shop", "--reward", "tea", "--within", "8w",
       "--no-input")  # fmt: skip


def test_list(cli: Run) -> None:
    planned_walking(cli)
    ok(cli, 1, "log", "walking", "8")
    ok(cli, 1, "log", "bridge", "10")
    found = as_json(cli, 1, "activity", "list")["activities"]
    walking = next(a for a in found if a["name"] == "walking")
    assert walking["records"] == 1 and walking["level"] == 8 and walking["target"] == 15
    assert walking["baseline_days"] == 3 and walking["last_logged"] == "2026-03-02"
    bridge = next(a for a in found if a["name"] == "bridge")
    assert bridge["unit"] == "reps" and bridge["level"] is None
    out = flat(ok(cli, 1, "activity", "list").stdout)
    assert "level 8 of 15 minutes" in out


def test_rename_carries_everything(cli: Run, data_dir: Path) -> None:
    ok(cli, 0, "log", "Walkies", "5")
    ok(cli, 0, "log", "walkies", "6")
    ok(cli, 0, "baseline", "log", "walkies", "9")
    goal_on(cli, "walkies")
    ok(cli, 1, "pace", "add", "walkies", "--tolerance", "10")
    ok(cli, 1, "pace", "task", "add", "post", "--activity", "walkies", "--amount", "20")
    ok(cli, 1, "pace", "log", "walkies", "10", "--task", "1")
    change = as_json(cli, 1, "activity", "rename", "walkies", "walking")
    assert change["action"] == "renamed" and change["into"] == "walking"
    assert change["counts"]["records"] == 2 and change["counts"]["goals"] == 1
    saved = document(data_dir)
    assert [a["name"] for a in saved["activities"]] == ["walking"]
    assert {r["activity"] for r in saved["records"]} == {"walking"}
    assert saved["goals"][0]["activity"] == "walking"
    assert saved["activities"][0]["baseline"]["days"][0]["amount"] == 9
    assert saved["pacing"]["activities"][0]["name"] == "walking"
    assert saved["pacing"]["tasks"][0]["activity"] == "walking"
    assert saved["pacing"]["logs"][0]["activity"] == "walking"
    assert as_json(cli, 1, "log", "walking", "3")["day_total"] == 3


def test_rename_refuses_a_name_in_use_and_unknown_names(cli: Run, data_dir: Path) -> None:
    ok(cli, 0, "log", "walking", "5")
    ok(cli, 0, "log", "cycling", "5")
    result = refused(cli, data_dir, 1, 0, "activity", "rename", "cycling", "Walking")
    assert "already an activity called 'walking'" in result.stderr
    assert "activity merge cycling walking" in result.stderr
    assert (
        "Did you mean 'walking'"
        in refused(cli, data_dir, 1, 0, "activity", "rename", "walkng", "strolling").stderr
    )
    refused(cli, data_dir, 2, 0, "activity", "rename", "walking", "")
    library = refused(cli, data_dir, 1, 0, "activity", "rename", "cycling", "bridge")
    assert "exercise from the library, counted in reps" in library.stderr


def test_merge_moves_records_and_goals(cli: Run, data_dir: Path) -> None:
    planned_walking(cli)
    ok(cli, 1, "log", "walking", "8")
    ok(cli, 1, "log", "walkng", "4", "--new")
    goal_on(cli, "walkng")
    change = as_json(cli, 1, "activity", "merge", "walkng", "walking")
    assert change["counts"]["records"] == 1 and change["counts"]["goals"] == 1
    saved = document(data_dir)
    assert [a["name"] for a in saved["activities"]] == ["walking"]
    assert saved["goals"][0]["activity"] == "walking"
    assert (
        as_json(cli, 1, "entries", "--activity", "walking", "--kind", "record")["entries"][0][
            "amount"
        ]
        == 4
    )
    today = as_json(cli, 1, "log", "walking", "1")
    assert today["day_total"] == 13


def test_merge_with_different_units(cli: Run, data_dir: Path) -> None:
    ok(cli, 0, "log", "bridge", "10")  # reps, from the library
    ok(cli, 0, "log", "bridging", "12", "--new")  # minutes by mistake
    result = refused(cli, data_dir, 1, 0, "activity", "merge", "bridging", "bridge")
    assert "measured in minutes" in result.stderr and "--unit-of" in result.stderr
    bad = refused(cli, data_dir, 2, 0, "activity", "merge", "bridging", "bridge", "--unit-of", "x")
    assert "--unit-of" in bad.stderr
    ok(cli, 0, "activity", "merge", "bridging", "bridge", "--unit-of", "bridge")
    saved = document(data_dir)
    assert [(a["name"], a["unit"]) for a in saved["activities"]] == [("bridge", "reps")]
    assert sorted(r["amount"] for r in saved["records"]) == [10, 12]


def test_merge_keeps_a_plan(cli: Run, data_dir: Path) -> None:
    planned_walking(cli)
    ok(cli, 1, "log", "strolling", "5")
    ok(cli, 1, "activity", "merge", "walking", "strolling")
    (activity,) = document(data_dir)["activities"]
    assert activity["name"] == "strolling" and activity["plan"]["target"] == 15
    assert len(activity["baseline"]["days"]) == 3


def test_remove_refuses_while_entries_exist(cli: Run, data_dir: Path) -> None:
    ok(cli, 0, "log", "walkng", "4", "--new")
    ok(cli, 0, "log", "walkng", "5")
    result = refused(cli, data_dir, 1, 0, "activity", "remove", "walkng")
    assert "2 records" in result.stderr and "--with-entries" in result.stderr
    removed = as_json(cli, 0, "activity", "remove", "walkng", "--with-entries")
    assert removed["counts"]["records"] == 2
    assert "Removed 'walkng', with 2 records" in removed["lines"][0]
    assert document(data_dir)["activities"] == [] and document(data_dir)["records"] == []


def test_remove_an_activity_without_entries_unties_goals(cli: Run, data_dir: Path) -> None:
    goal_on(cli, "swimming")  # the goal creates the activity, with no entries yet
    out = flat(ok(cli, 1, "activity", "remove", "swimming").stdout)
    assert "1 goal is no longer tied to it" in out
    assert document(data_dir)["goals"][0]["activity"] is None


@pytest.mark.parametrize(
    "args",
    [
        ("activity", "rename", "walking", "strolling"),
        ("activity", "merge", "walkng", "walking"),
        ("activity", "remove", "walkng", "--with-entries"),
    ],
)
def test_undo_after_each_activity_change(cli: Run, data_dir: Path, args: tuple[str, ...]) -> None:
    ok(cli, 0, "log", "walking", "5")
    ok(cli, 0, "log", "walkng", "4", "--new")
    before = document(data_dir)
    ok(cli, 0, *args)
    assert document(data_dir) != before
    ok(cli, 0, "undo", "--yes")
    assert document(data_dir) == before
