from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.journey import as_json, flat, ok, planned_walking, refused, run
from tests.conftest import Run

LOG_KEYS = {
    "id",
    "activity",
    "unit",
    "date",
    "amount",
    "note",
    "day_total",
    "level",
    "met",
    "over_level",
    "pain",
    "new_activity",
    "repeat",
}


def test_log_any_activity_without_a_plan(cli: Run) -> None:
    first = as_json(cli, 0, "log", "gardening", "20", "--note", "weeding")
    assert set(first) == LOG_KEYS
    assert first["new_activity"] is True and first["unit"] == "minutes"
    assert first["level"] is None and first["met"] is None
    second = as_json(cli, 0, "log", "Gardening", "15")
    assert second["activity"] == "gardening" and second["day_total"] == 35
    assert second["new_activity"] is False
    reps = as_json(cli, 0, "log", "bridge", "10", "--unit", "reps", "--pain", "3")
    assert reps["unit"] == "reps" and reps["pain"] == 3
    assert as_json(cli, 0, "pain", "4")["scores_that_day"] == [3, 4]


def test_day_is_met_when_records_reach_the_level(cli: Run) -> None:
    planned_walking(cli)
    first = as_json(cli, 1, "log", "walking", "5")
    assert (first["level"], first["met"], first["day_total"]) == (8, False, 5)
    out = flat(ok(cli, 1, "log", "walking", "3").stdout)
    assert "5 + 3 = 8 minutes" in out and "met" in out


def test_boom_bust_warning_over_25_percent(cli: Run) -> None:
    planned_walking(cli)
    at_limit = run(cli, 1, "log", "walking", "10")  # exactly 25% over: no warning
    assert at_limit.exit_code == 0 and "over your level" not in flat(at_limit.stderr)
    over = run(cli, 2, "log", "walking", "11", "--json")
    assert over.exit_code == 0
    assert "38% over your level of 8 minutes" in flat(over.stderr)
    assert "backskills learn fluctuations" in flat(over.stderr)
    document = json.loads(over.stdout)
    assert document["met"] is True and document["over_level"] is True


def test_unknown_activity_takes_unit_and_mismatch_is_refused(cli: Run, data_dir: Path) -> None:
    ok(cli, 0, "log", "swim", "400", "--unit", "metres")
    result = refused(cli, data_dir, 2, 0, "log", "swim", "10", "--unit", "minutes")
    assert "metres" in flat(result.stderr)


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("walking", "--", "-5"), "AMOUNT"),
        (("walking", "-5"), "AMOUNT"),  # our own message, not the parser's
        (("walking", "nan"), "AMOUNT"),
        (("walking", "1e308"), "AMOUNT"),  # twice would overflow the day's total
        (("walking", "1000001"), "AMOUNT"),
        (("walking", "5", "--resolution", ""), "--resolution"),
        (("walking", "5", "--pain", "11"), "--pain"),
        (("walking", "5", "--pain", "x"), "--pain"),
        (("walking", "5", "--date", "2099-01-01"), "--date"),
        (("walking", "5", "--note", "x" * 2001), "--note"),
        (("a" * 61, "5"), "ACTIVITY"),
    ],
)
def test_bad_log_input(cli: Run, data_dir: Path, args: tuple[str, ...], field: str) -> None:
    ok(cli, 0, "log", "walking", "5")
    result = refused(cli, data_dir, 2, 0, "log", *args)
    assert field in flat(result.stderr)


def test_pain(cli: Run, data_dir: Path) -> None:
    stored = as_json(cli, 0, "pain", "3", "--date", "yesterday", "--note", "[bold]stiff[/]")
    assert stored == {
        "id": "p1",
        "date": "2026-02-28",
        "score": 3,
        "note": "[bold]stiff[/]",
        "scores_that_day": [3],
    }
    out = flat(ok(cli, 0, "pain", "8").stdout)
    assert "8 out of 10" in out and "redflags" in out and "does not mean damage" in out
    for bad in ("11", "4.5", "high"):
        result = refused(cli, data_dir, 2, 0, "pain", bad)
        assert "SCORE" in flat(result.stderr)
    result = refused(cli, data_dir, 2, 0, "pain", "--", "-1")
    assert "SCORE" in flat(result.stderr)


def test_markup_in_notes_and_names_prints_literally(cli: Run) -> None:
    out = flat(ok(cli, 0, "log", "[bold]x[/]", "5").stdout)
    assert "[bold]x[/]" in out


def test_hints_quote_names_with_spaces_and_one_is_singular(cli: Run, data_dir: Path) -> None:
    out = flat(ok(cli, 0, "log", "sit to stand", "1", "--unit", "reps").stdout)
    assert "Logged: 1 rep of sit to stand" in out
    assert 'backskills baseline log "sit to stand" AMOUNT' in out
    result = refused(cli, data_dir, 1, 0, "plan", "set", "sit to stand", "--target", "5")
    assert 'backskills baseline log "sit to stand" AMOUNT' in flat(result.stderr)
    result = refused(cli, data_dir, 2, 0, "log", "sit to stand", "1", "--resolution", "2")
    assert "steps of 1 rep." in flat(result.stderr)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("log", "walking", "-5"), "AMOUNT: cannot be negative"),
        (("pain", "-1"), "SCORE: must be a whole number from 0 to 10"),
        (("baseline", "log", "walking", "-3"), "AMOUNT: cannot be negative"),
        (("relax", "log", "-2"), "cannot be negative"),
        (("pace", "log", "vacuuming", "-4"), "cannot be negative"),
    ],
)
def test_a_negative_amount_gets_our_message_not_the_parsers(
    cli: Run, data_dir: Path, args: tuple[str, ...], message: str
) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "No such option" not in result.stderr
    assert not (data_dir / "journal.json").exists()


def test_a_mistyped_option_is_still_refused(cli: Run, data_dir: Path) -> None:
    result = cli("log", "walking", "5", "--nte", "x")
    assert result.exit_code == 2
    assert "--nte" in result.stderr
    assert not (data_dir / "journal.json").exists()
