"""During a flare-up: bad-day pacing in today and pace plan; the history's starting pain."""

from __future__ import annotations

import json

from tests.cli.journey import as_json, flat, ok
from tests.conftest import Run


def house(cli: Run) -> None:
    ok(cli, 0, "pace", "add", "ironing", "--tolerance", "20", "--rest", "10")
    ok(cli, 0, "pace", "task", "add", "the ironing", "--activity", "ironing", "--amount", "200")


def spells(doc: dict) -> list[float]:  # type: ignore[type-arg]
    return [s["amount"] for s in doc["spells"]]


def test_a_flare_up_makes_every_planned_day_a_bad_day(cli: Run) -> None:
    house(cli)
    normal = as_json(cli, 0, "pace", "plan", "--days", "2")
    assert max(spells(normal["days"][0])) == 20 and normal["flareup_since"] is None
    ok(cli, 0, "flareup", "start", "--pain", "7", "--no-input")
    plan = as_json(cli, 0, "pace", "plan", "--days", "2")
    assert plan["flareup_since"] == "2026-03-01"
    assert all(max(spells(day)) == 15 for day in plan["days"])  # three quarters of 20
    human = flat(ok(cli, 0, "pace", "plan").stdout)
    assert "A flare-up is on (since 2026-03-01)" in human and "--normal-day" in human
    usual = as_json(cli, 0, "pace", "plan", "--days", "2", "--normal-day")
    assert usual["flareup_since"] is None and max(spells(usual["days"][0])) == 20
    ok(cli, 2, "flareup", "end", "--no-input")
    after = as_json(cli, 2, "pace", "plan")
    assert after["flareup_since"] is None and max(spells(after["days"][0])) == 20


def test_today_shows_bad_day_spells_during_a_flare_up(cli: Run) -> None:
    house(cli)
    ok(cli, 0, "flareup", "start", "--pain", "7", "--no-input")
    doc = as_json(cli, 0, "today")
    assert doc["pacing_bad_day"] is True
    assert max(s["amount"] for s in doc["pacing"]) == 15
    human = flat(ok(cli, 0, "today").stdout + ok(cli, 0, "today").stderr)
    assert "bad-day spells for the flare-up" in human and "today --normal-day" in human
    usual = as_json(cli, 0, "today", "--normal-day")
    assert usual["pacing_bad_day"] is False
    assert max(s["amount"] for s in usual["pacing"]) == 20
    assert json.loads(ok(cli, 0, "today", "--json", "--normal-day").stdout) == usual


def test_history_shows_the_starting_pain_score(cli: Run) -> None:
    ok(cli, 0, "flareup", "start", "--pain", "7", "--no-input")
    ok(cli, 3, "flareup", "end", "--no-input")
    ok(cli, 5, "flareup", "start", "--no-input")
    wide = ok(cli, 6, "flareup", "history").stdout
    assert "pain at start" in wide and "7/10" in wide
    narrow = flat(
        cli("flareup", "history", env={"BACKSKILLS_TODAY": "2026-03-07", "COLUMNS": "40"}).stdout
    )
    assert "(4 days) pain at the start: 7/10" in narrow
    assert "still active (2 days)" in narrow
    [first, second] = as_json(cli, 6, "flareup", "history")
    assert (first["pain"], second["pain"]) == (7, None)
