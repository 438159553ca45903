"""``backskills exercises``: the list, its filters, and one exercise."""

from __future__ import annotations

import json

import pytest

from backskills.domain import catalogue
from tests.conftest import Run


def test_list_human(cli: Run) -> None:
    result = cli("exercises")
    assert result.exit_code == 0, result.stderr
    for item in catalogue.exercises():
        assert item.slug in result.stdout
    assert "more: backskills learn exercise" in result.stdout


def test_list_json_shape(cli: Run) -> None:
    listing = json.loads(cli("exercises", "--json").stdout)
    assert [e["slug"] for e in listing] == [e.slug for e in catalogue.exercises()]
    knee = next(e for e in listing if e["slug"] == "knee-rolling")
    assert knee == {
        "slug": "knee-rolling",
        "title": "Knee rolling",
        "summary": catalogue.exercise("knee-rolling").summary,
        "areas": ["mobility"],
        "equipment": list(catalogue.exercise("knee-rolling").equipment),
        "unit": "reps",
    }


@pytest.mark.parametrize("area", catalogue.AREAS)
def test_area_filter(cli: Run, area: str) -> None:
    listing = json.loads(cli("exercises", "--area", area, "--json").stdout)
    assert listing, f"no {area} exercise"
    assert all(area in e["areas"] for e in listing)
    expected = [e.slug for e in catalogue.exercises() if area in e.areas]
    assert [e["slug"] for e in listing] == expected


@pytest.mark.parametrize("level", catalogue.LEVELS)
def test_level_shows_that_option(cli: Run, level: str) -> None:
    listing = json.loads(cli("exercises", "--level", level, "--json").stdout)
    for row in listing:
        assert row["level"] == level
        assert row["option"] == catalogue.exercise(row["slug"]).option(level)  # type: ignore[arg-type]
        assert row["option"]
    human = cli("exercises", "--level", level.upper(), "--area", "balance")
    assert human.exit_code == 0
    assert f"The {level} option" in human.stdout
    balance = catalogue.exercise("balance").option(level)  # type: ignore[arg-type]
    assert balance.split()[0] in human.stdout


@pytest.mark.parametrize(
    ("args", "option"),
    [(["--level", "extreme"], "--level"), (["--area", "legs"], "--area")],
)
def test_bad_filter_is_exit_2_naming_the_option(cli: Run, args: list[str], option: str) -> None:
    result = cli("exercises", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {option}:")
    assert result.stdout == ""


def test_show_human(cli: Run) -> None:
    result = cli("exercises", "show", "Wall", "squat", "with", "a", "ball")
    assert result.exit_code == 0
    item = catalogue.exercise("wall-squat")
    flat = " ".join(result.stdout.split())
    assert item.title in flat and item.position in flat
    assert "Safety" in result.stdout and "Counted in: reps" in flat
    assert "more: backskills learn exercise" in flat


def test_show_json(cli: Run) -> None:
    document = json.loads(cli("exercises", "show", "balance", "--json").stdout)
    item = catalogue.exercise("balance")
    assert document["unit"] == "seconds"
    assert document["options"] == {lvl: item.option(lvl) for lvl in catalogue.LEVELS}
    assert document["safety"] == item.section("Safety") != ""
    assert document["how_to"].startswith(item.section("How to do it")[:20])
    assert document["position"] == item.position
    assert document["markdown"] == item.markdown


def test_show_unknown_is_exit_1_with_closest(cli: Run) -> None:
    result = cli("exercises", "show", "brige")
    assert result.exit_code == 1
    assert "no exercise called 'brige'" in result.stderr
    assert "bridge" in result.stderr


def test_exercise_names_written_differently_are_one_baseline(cli: Run) -> None:
    assert cli("baseline", "log", "knee-rolling", "5", "--date", "2026-02-27").exit_code == 0
    assert cli("baseline", "log", "Knee rolling", "6", "--date", "2026-02-28").exit_code == 0
    result = cli("baseline", "log", "knee rolling", "7")
    assert result.exit_code == 0, result.stderr
    assert "day 3 of 3 for knee-rolling" in result.stdout
    assert "Average: 18 ÷ 3 = 6 reps" in result.stdout
