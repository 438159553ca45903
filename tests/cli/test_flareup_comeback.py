"""Coming back after a flare-up: catch-up (the default), back to before, or a fresh baseline."""

from __future__ import annotations

from pathlib import Path

from tests.cli.journey import as_json, flat, ok, planned_walking, refused, walk_days
from tests.conftest import Run


def climbed_then_flared(cli: Run) -> None:
    """8 minutes from day 0, 9 from day 7, 10 from day 14; a flare-up on day 15 drops it
    back to the plan's start (8)."""
    planned_walking(cli)
    walk_days(cli, 1, 7)
    ok(cli, 7, "progress", "step-up", "walking")
    walk_days(cli, 8, 14, amount="9")
    ok(cli, 14, "progress", "step-up", "walking")
    ok(cli, 15, "flareup", "start", "--pain", "7", "--reduce", "start", "--no-input")


def level(cli: Run, day: int) -> float:
    [rec] = as_json(cli, day, "progress")["activities"]
    return float(rec["level"])


def test_catch_up_is_the_default_and_explains_its_numbers(cli: Run) -> None:
    climbed_then_flared(cli)
    doc = as_json(cli, 18, "flareup", "end", "--no-input")
    assert doc["comeback"] == "catch_up"
    [plan] = doc["comeback_plans"]
    assert (plan["level"], plan["before"], plan["path"]) == (8, 10, [9, 10])
    assert (plan["hold_days"], plan["usual_hold_days"]) == (3, 7)
    assert "2 steps x 3 days = about 6 days back to 10 minutes" in plan["text"]
    # Three days at 8 (met on each), then 9: a level held before needs only 3 days.
    walk_days(cli, 18, 20)
    [rec] = as_json(cli, 21, "progress")["activities"]
    assert rec["recommendation"] == "step_up" and rec["next_level"] == 9
    assert "catching up after a flare-up" in rec["reason"]
    change = as_json(cli, 21, "progress", "step-up", "walking")
    assert (change["to"], change["reason"], change["hold_days"]) == (9, "catch_up", 3)
    walk_days(cli, 21, 23, amount="9")
    change = as_json(cli, 24, "progress", "step-up", "walking")
    assert (change["to"], change["reason"], change["hold_days"]) == (10, "catch_up", 3)
    # Back at the level held before: the next, new level needs the usual 7 days.
    walk_days(cli, 24, 26, amount="10")
    change = as_json(cli, 27, "progress", "step-up", "walking")
    assert (change["to"], change["reason"], change["hold_days"]) == (11, "step_up", 7)


def test_catch_up_days_must_be_met_after_the_flare_up(cli: Run) -> None:
    climbed_then_flared(cli)
    ok(cli, 18, "flareup", "end", "--no-input")
    walk_days(cli, 18, 19)  # two of the three days
    [rec] = as_json(cli, 21, "progress")["activities"]
    assert rec["recommendation"] == "hold" and rec["days_met_last_7"] == 2


def test_back_needs_a_settled_pain_score(cli: Run, data_dir: Path) -> None:
    climbed_then_flared(cli)
    no_pain = refused(cli, data_dir, 2, 18, "flareup", "end", "--comeback", "back", "--no-input")
    assert "--pain" in no_pain.stderr
    high = refused(cli, data_dir, 1, 18, "flareup", "end", "--comeback", "back", "--pain", "5")
    assert "pain is 5 out of 10 now (it was 7 at the start)" in flat(high.stderr)
    assert "--comeback catch-up" in high.stderr
    doc = as_json(cli, 18, "flareup", "end", "--comeback", "back", "--pain", "3")
    assert (doc["comeback"], doc["pain"]) == ("back", 3)
    assert level(cli, 18) == 10
    history = as_json(cli, 18, "progress", "evaluate", "walking")["activities"][0]
    assert history["days_at_level"] == 0
    assert as_json(cli, 18, "today")["pain"]["scores"] == [3]


def test_a_fresh_baseline_sets_the_old_one_aside(cli: Run) -> None:
    climbed_then_flared(cli)
    human = flat(ok(cli, 18, "flareup", "end", "--comeback", "baseline", "--no-input").stdout)
    assert "a fresh baseline" in human and "baseline log walking AMOUNT" in human
    shown = as_json(cli, 18, "baseline", "show", "walking")
    assert shown["days"] == [] and shown["complete"] is False
    assert level(cli, 18) == 8


def test_an_unknown_way_back_lists_the_three(cli: Run, data_dir: Path) -> None:
    climbed_then_flared(cli)
    result = refused(cli, data_dir, 2, 18, "flareup", "end", "--comeback", "sideways")
    assert "catch-up, back, baseline" in result.stderr


def test_the_history_names_the_catch_up_in_words(cli: Run) -> None:
    climbed_then_flared(cli)
    ok(cli, 18, "flareup", "end", "--no-input")
    [episode] = as_json(cli, 18, "flareup", "history")
    assert episode["comeback"] == "catch_up"


def test_pain_up_after_a_catch_up_step_offers_the_ease_back_choices(cli: Run) -> None:
    climbed_then_flared(cli)
    ok(cli, 18, "flareup", "end", "--no-input")
    walk_days(cli, 18, 20)
    ok(cli, 21, "progress", "step-up", "walking")  # 8 -> 9, a catch-up step
    [rec] = as_json(cli, 22, "progress", "walking", "--pain-up")["activities"]
    assert rec["recommendation"] == "ease_back"
    change = as_json(cli, 22, "progress", "ease-back", "walking", "--option", "previous")
    assert (change["from"], change["to"]) == (9, 8)


def test_back_without_a_dropped_level_needs_no_pain_check(cli: Run) -> None:
    planned_walking(cli)
    ok(cli, 2, "flareup", "start", "--no-input")
    doc = as_json(cli, 4, "flareup", "end", "--comeback", "back", "--no-input")
    assert (doc["comeback"], doc["comeback_plans"]) == ("back", [])
