"""Issue 10 through the CLI: gating by tier, staying current, flare-ups without promises."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from backskills.domain import flareups, redflags
from tests.cli.journey import as_json, baseline_walking, flat, ok, planned_walking, run
from tests.cli.safety_helpers import fresh_consoles  # noqa: F401 (autouse fixture)
from tests.conftest import Run

REPO = Path(__file__).resolve().parents[2]

# One sign for each tier, and whether that tier stops exercise being started or increased.
TIERS = [
    (["ces_saddle_numbness"], "emergency", True),
    (["chest_pain"], "emergency", True),
    (["cancer_history", "foot_drop"], "emergency", True),
    (["upper_back"], "urgent", True),
    (["trauma", "osteoporosis"], "urgent", True),
    (["cancer_history"], "see_professional", True),
    (["night_sweats"], "see_professional", True),
    (["osteoporosis"], "routine", False),
    (["not_improving"], "routine", False),
    (["not_coping"], "routine", False),
    ([], "clear", False),
]


def _check(cli: Run, day: int, ids: list[str]) -> None:
    flags = [part for i in ids for part in ("--present", i)] or ["--none"]
    assert as_json(cli, day, "redflags", *flags)["outcome"] in {t for _, t, _ in TIERS}


GOAL = ("goal", "add", "walk to the shop", "--activity", "walking", "--unit", "minutes",
        "--target", "15", "--why", "the shop", "--reward", "a coffee", "--within", "8w")  # fmt: skip


@pytest.mark.parametrize(("ids", "outcome", "gates"), TIERS)
def test_gating_for_each_tier(cli: Run, ids: list[str], outcome: str, gates: bool) -> None:
    baseline_walking(cli)
    _check(cli, 0, ids)
    goal = run(cli, 0, *GOAL)  # a goal tied to an activity sets that activity's plan
    assert goal.exit_code == (1 if gates else 0), goal.stderr
    if gates:
        assert "red-flag check" in goal.stderr
    else:
        ok(cli, 0, "goal", "drop", "1")
    result = run(cli, 0, "plan", "set", "walking", "--target", "15")
    if gates:
        assert result.exit_code == 1, result.stdout
        assert "red-flag check" in result.stderr and "redflags assessed" in result.stderr
        ok(cli, 1, "redflags", "assessed", "--note", "GP: fine to exercise")
        ok(cli, 1, "plan", "set", "walking", "--target", "15")
    else:
        assert result.exit_code == 0, result.stderr
        refused = run(cli, 1, "redflags", "assessed")
        assert refused.exit_code == 1 and "nothing to mark as assessed" in refused.stderr


def test_step_up_is_gated_by_a_later_check_and_not_by_a_routine_one(cli: Run) -> None:
    planned_walking(cli)
    for day in range(0, 8):
        ok(cli, day, "log", "walking", "8")
    ok(cli, 7, "redflags", "--present", "worse_straining")
    assert run(cli, 7, "progress", "step-up", "walking").exit_code == 1
    ok(cli, 7, "redflags", "--present", "not_improving")
    ok(cli, 7, "progress", "step-up", "walking")


# --- staying current ------------------------------------------------------------------------


@pytest.mark.parametrize(("day", "stale"), [(42, False), (43, True)])
def test_today_asks_for_a_fresh_check_after_six_weeks(cli: Run, day: int, stale: bool) -> None:
    planned_walking(cli)
    ok(cli, 0, "redflags", "--none")
    document = as_json(cli, day, "today")["redflags"]
    assert (document["age_days"], document["stale"]) == (day, stale)
    text = flat(ok(cli, day, "today").stdout)
    assert ("Please do a fresh one: backskills redflags" in text) is stale
    if stale:  # a reminder, never a gate
        ok(cli, day, "log", "walking", "8")
        assert document["blocks_exercise"] is False


# --- flare-ups ------------------------------------------------------------------------------


def test_no_screen_promises_that_the_pain_will_go(cli: Run) -> None:
    planned_walking(cli)
    screens = [
        ok(cli, 1, "flareup", "start", "--pain", "6").stdout,
        ok(cli, 3, "flareup").stdout,
        ok(cli, 91, "today").stdout,
        ok(cli, 91, "flareup").stdout,
        ok(cli, 1, "learn", "flareups", "--no-pager").stdout,
    ]
    for text in screens:
        assert not FORBIDDEN.search(flat(text)), text


FORBIDDEN = re.compile(
    r"\b(will|is going to) (settle|pass|go away)\b|this one will too"
    # A promise of no harm is a promise too: say what is true (harm is very unlikely).
    r"|\b(will not|will never|won't|cannot|can't|can not) (damage|harm|injure)\b",
    re.IGNORECASE,
)


def test_src_and_content_hold_no_promise_that_pain_will_go() -> None:
    """The same pattern the project's checks grep for, over every file under src/ and content/."""
    found = []
    for folder in ("src", "content"):
        for path in (REPO / folder).rglob("*"):
            if path.is_file() and path.suffix in {".py", ".md"}:
                for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
                    if FORBIDDEN.search(line):
                        found.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert found == []
    assert FORBIDDEN.search("Flare-ups settle. This one will too.")  # the pattern bites
    assert FORBIDDEN.search("Moving gently will not damage your back.")
    assert not FORBIDDEN.search("Moving gently is very unlikely to harm your back.")


def test_what_a_flareup_says_is_true_without_promising() -> None:
    words = " ".join(flareups.OPENING)
    assert "Most" in words and "few weeks" in words and "Serious damage is rare" in words
    assert "new sharp pain" in words.lower()  # hurt-not-harm is about long-standing pain


@pytest.mark.parametrize(("day", "see_gp"), [(41, False), (42, True)])
def test_a_flareup_longer_than_six_weeks_suggests_a_routine_appointment(
    cli: Run, day: int, see_gp: bool
) -> None:
    planned_walking(cli)
    ok(cli, 0, "redflags", "--none")
    ok(cli, 0, "flareup", "start")
    # Started on day 0, so on day 42 it is on its 43rd day: more than six weeks.
    for text in (ok(cli, day, "today").stdout, ok(cli, day, "flareup").stdout):
        said = flat(text)
        assert ("more than six weeks, book a routine appointment" in said) is see_gp
        assert "999" not in said and "URGENT" not in said and "EMERGENCY" not in said
    document = as_json(cli, day, "flareup")
    assert any("routine appointment" in line for line in document["advice"]) is see_gp


@pytest.mark.parametrize(
    ("scores", "rising"),
    [
        ({2: "6"}, True),  # 4 at the start, 6 on day 2
        ({2: "3"}, False),
        ({2: "6", 9: "4"}, False),  # up, then down again: last is not above the first
        ({20: "9"}, False),  # after the first two weeks
        ({13: "5"}, True),  # the last day of the first two weeks
    ],
)
def test_pain_rising_over_the_first_two_weeks_suggests_a_routine_appointment(
    cli: Run, scores: dict[int, str], rising: bool
) -> None:
    planned_walking(cli)
    ok(cli, 0, "redflags", "--none")
    ok(cli, 0, "flareup", "start", "--pain", "4")
    for day, score in scores.items():
        ok(cli, day, "pain", score)
    last = max(scores) + 1
    for text in (ok(cli, last, "today").stdout, ok(cli, last, "flareup").stdout):
        assert ("Your pain scores went up over the first two weeks" in flat(text)) is rising


def test_while_a_check_is_open_flareup_screens_point_to_its_advice(cli: Run) -> None:
    planned_walking(cli)
    ok(cli, 0, "redflags", "--present", "lumps")
    started = flat(ok(cli, 1, "flareup", "start").stdout)
    assert flareups.KEEP_MOVING not in started
    assert "Your red-flag check on 2026-03-01 said: URGENT" in started
    assert "Follow that advice before any exercise." in started
    assert "do what you can manage, gently" not in started
    for text in (ok(cli, 2, "today").stdout, ok(cli, 2, "flareup").stdout):
        said = flat(text)
        assert "keep gently active" not in said.lower() and "Follow that advice" in said
    progress = flat(ok(cli, 2, "progress").stdout)
    assert "gently active" not in progress and "Follow the advice of your red-flag" in progress
    # The flare-up plan's ideas (carry on, build up again, a short walk) come after the check.
    ideas = flat(ok(cli, 2, "flareup", "plan", "suggest").stdout)
    assert ideas.index("Follow that advice before any exercise.") < ideas.index("Carry on")
    assert as_json(cli, 2, "flareup", "plan", "suggest")["redflag_check"].startswith(
        "Your red-flag check on 2026-03-01 said: URGENT"
    )
    # Once assessed, the usual words come back.
    ok(cli, 2, "redflags", "assessed")
    assert as_json(cli, 2, "flareup", "plan", "suggest")["redflag_check"] is None
    assert "keep gently active" in flat(ok(cli, 3, "today").stdout)


# --- 40 columns, no colour ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ids", "first"),
    [
        (["major_trauma"], "EMERGENCY: call 999 or go to A&E now."),
        (["cancer_history", "weight_loss"], "URGENT: contact your GP practice today"),
        (["cancer_history", "coordination"], "EMERGENCY: call 999 or go to A&E now."),
    ],
)
def test_today_banner_reads_in_full_at_40_columns(cli: Run, ids: list[str], first: str) -> None:
    planned_walking(cli)
    _check(cli, 1, ids)
    result = cli("today", env={"COLUMNS": "40", "NO_COLOR": "1", "BACKSKILLS_TODAY": "2026-03-02"})
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    assert all(len(line) <= 40 for line in result.stdout.splitlines())
    notice = as_json(cli, 1, "today")["redflags"]
    text = flat(result.stdout)
    assert first in text
    for line in notice["lines"]:
        assert line in text
    if "cancer_history" in ids:
        cancer = redflags.CANCER_EMERGENCY if "EMERGENCY" in first else redflags.CANCER_TEAM
        assert cancer in text
