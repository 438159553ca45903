"""Flare-ups, their level reductions, and the two personal plans (issue 5)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backskills.domain import flareups
from backskills.domain.progression.levels import current_level, record_level
from backskills.domain.progression.review import evaluate
from backskills.domain.safety import active_flareup
from backskills.errors import InvalidInput, NotFound, Refused
from backskills.models import Journal
from backskills.models.activity import Activity, Plan

DAY = dt.date(2026, 3, 1)


def planned(
    journal: Journal, name: str, levels: list[float], start: float | None = None
) -> Activity:
    """An activity with a plan whose level changed through ``levels`` (a week apart)."""
    first = DAY - dt.timedelta(days=7 * len(levels))
    activity = Activity(name=name, unit="minutes", resolution=1, created=first)
    activity.plan = Plan(
        start=start if start is not None else levels[0],
        target=30,
        hold_days=7,
        starts_on=first,
        created=first,
    )
    for number, level in enumerate(levels):
        reason = "plan_start" if number == 0 else "step_up"
        record_level(activity, first + dt.timedelta(days=7 * number), level, reason, 7)
    journal.activities.append(activity)
    return activity


# --- flare-ups ------------------------------------------------------------------------------


def test_start_and_end_pause_then_resume() -> None:
    journal = Journal()
    flare = flareups.start(journal, DAY, pain=7, note="lifting")
    assert active_flareup(journal) is flare
    assert flareups.status(journal, DAY).to_json() == {
        "active": True,
        "started": "2026-03-01",
        "days": 1,
        "plan": [],
        "advice": [],
    }
    later = DAY + dt.timedelta(days=4)
    assert flareups.status(journal, later).days == 5
    ended = flareups.end(journal, later, trigger="long drive", helped="heat")
    assert (ended.ended, ended.trigger, ended.helped) == (later, "long drive", "heat")
    assert active_flareup(journal) is None
    assert flareups.status(journal, later).to_json() == {
        "active": False,
        "started": None,
        "days": None,
        "plan": [],
        "advice": [],
    }


def test_start_refused_while_active_and_end_refused_when_none() -> None:
    journal = Journal()
    with pytest.raises(Refused, match="nothing to end"):
        flareups.end(journal, DAY)
    flareups.start(journal, DAY)
    with pytest.raises(Refused, match="already active"):
        flareups.start(journal, DAY)
    assert len(journal.flareups) == 1


def test_a_new_flare_up_can_start_the_day_the_last_one_ended() -> None:
    journal = Journal()
    flareups.start(journal, DAY)
    flareups.end(journal, DAY + dt.timedelta(days=2))
    flareups.start(journal, DAY + dt.timedelta(days=2))
    assert [e.days for e in flareups.episodes(journal, DAY + dt.timedelta(days=3))] == [3, 2]


@given(st.integers(min_value=0, max_value=400))
def test_days_count_the_first_day_as_day_one(extra: int) -> None:
    journal = Journal()
    flare = flareups.start(journal, DAY)
    assert flareups.days_lasted(flare, DAY + dt.timedelta(days=extra)) == extra + 1
    flareups.end(journal, DAY + dt.timedelta(days=extra))
    assert flareups.days_lasted(flare, DAY + dt.timedelta(days=999)) == extra + 1


def test_reduce_previous_drops_each_planned_activity_one_level() -> None:
    journal = Journal()
    walking = planned(journal, "walking", [8, 9, 10])
    cycling = planned(journal, "cycling", [5])  # still on its first level: nothing lower
    flare = flareups.start(journal, DAY, reduce="previous")
    assert current_level(walking, DAY) == 9
    assert walking.levels[-1].reason == "flareup_reduce"
    assert walking.levels[-1].hold_days == 7
    assert current_level(cycling, DAY) == 5
    assert [(r.activity, r.from_level, r.to_level) for r in flare.reductions] == [
        ("walking", 10, 9)
    ]


def test_reduce_start_drops_to_the_plans_starting_level() -> None:
    journal = Journal()
    walking = planned(journal, "walking", [8, 9, 10])
    flare = flareups.start(journal, DAY, reduce="start")
    assert current_level(walking, DAY) == 8
    assert flare.reductions[0].to_level == 8


def test_reduce_none_changes_no_level() -> None:
    journal = Journal()
    walking = planned(journal, "walking", [8, 9, 10])
    before = list(walking.levels)
    flare = flareups.start(journal, DAY)
    assert walking.levels == before and flare.reductions == []


def test_reduce_per_activity_choices_by_name_ignoring_case() -> None:
    journal = Journal()
    walking = planned(journal, "walking", [8, 9, 10])
    stairs = planned(journal, "Stairs", [4, 5, 6])
    flareups.start(journal, DAY, reduce={"WALKING": "start", "stairs": "previous"})
    assert current_level(walking, DAY) == 8
    assert current_level(stairs, DAY) == 5


def test_reductions_stay_after_the_end_and_build_up_through_the_usual_rule() -> None:
    journal = Journal()
    walking = planned(journal, "walking", [8, 9, 10])
    flareups.start(journal, DAY, reduce="previous")
    later = DAY + dt.timedelta(days=3)
    flare = flareups.end(journal, later)
    assert current_level(walking, later) == 9
    (level,) = flareups.levels_in_force(journal, flare, later)
    assert (level.activity, level.level, level.reduced_from) == ("walking", 9, 10)
    (review,) = evaluate(journal, later)
    assert review.recommendation != "paused"
    assert review.next_level == 10


def test_progression_is_paused_while_active() -> None:
    journal = Journal()
    planned(journal, "walking", [8, 9, 10])
    flareups.start(journal, DAY)
    (review,) = evaluate(journal, DAY)
    assert review.recommendation == "paused"


def test_reduction_options_skip_plans_not_started_and_ended_plans() -> None:
    journal = Journal()
    planned(journal, "walking", [8, 9, 10])
    later = Activity(name="swim", unit="minutes", resolution=1, created=DAY)
    later.plan = Plan(start=5, target=20, starts_on=DAY + dt.timedelta(days=3), created=DAY)
    record_level(later, DAY + dt.timedelta(days=3), 5, "plan_start", 7)
    journal.activities.append(later)
    done = planned(journal, "bike", [5, 6])
    assert done.plan is not None
    done.plan.ended_on = DAY
    options = flareups.reduction_options(journal, DAY)
    assert [(o.activity, o.current, o.previous, o.start) for o in options] == [
        ("walking", 10, 9, 8)
    ]
    flareups.start(journal, DAY, reduce="start")
    assert len(later.levels) == 1 and len(done.levels) == 2


def test_previous_higher_than_current_is_not_offered() -> None:
    journal = Journal()
    walking = planned(journal, "walking", [8, 10])
    record_level(walking, DAY - dt.timedelta(days=1), 9, "ease_back_halfway", 7)
    (option,) = flareups.reduction_options(journal, DAY)
    assert (option.current, option.previous, option.start) == (9, None, 8)


def test_history_json_and_today_section() -> None:
    journal = Journal()
    assert flareups.today_section(journal, DAY) is None
    planned(journal, "walking", [8, 9, 10])
    flareups.add_step(journal, "flareup", "Heat pack", DAY)
    flareups.start(journal, DAY, pain=6, reduce="previous")
    section = flareups.today_section(journal, DAY + dt.timedelta(days=1))
    assert section is not None
    assert section.days == 2 and section.plan == ["Heat pack"]
    assert "day 2" in section.lines[0] and "paused" in section.lines[0]
    (episode,) = flareups.episodes(journal, DAY + dt.timedelta(days=1))
    assert episode.to_json() == {
        "number": 1,
        "started": "2026-03-01",
        "ended": None,
        "active": True,
        "days": 2,
        "pain": 6,
        "note": None,
        "trigger": None,
        "helped": None,
        "reductions": [{"activity": "walking", "from": 10, "to": 9}],
        "comeback": None,
    }


# --- plans -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["flareup", "goodspell"])
def test_plan_holds_at_most_ten_steps(kind: flareups.PlanKind) -> None:
    journal = Journal()
    for number in range(1, 11):
        flareups.add_step(journal, kind, f"step {number}", DAY)
    with pytest.raises(Refused, match="at most 10"):
        flareups.add_step(journal, kind, "step 11", DAY)
    assert len(flareups.plan_steps(journal, kind)) == 10
    other = "goodspell" if kind == "flareup" else "flareup"
    assert flareups.plan_steps(journal, other) == []


@pytest.mark.parametrize("kind", ["flareup", "goodspell"])
def test_plan_add_remove_and_refusals(kind: flareups.PlanKind) -> None:
    journal = Journal()
    with pytest.raises(NotFound, match="no steps"):
        flareups.remove_step(journal, kind, 1)
    flareups.add_step(journal, kind, "  Walk  ", DAY)
    flareups.add_step(journal, kind, "Relax", DAY)
    with pytest.raises(Refused, match="step 1"):
        flareups.add_step(journal, kind, "walk", DAY)
    with pytest.raises(InvalidInput):
        flareups.add_step(journal, kind, "   ", DAY)
    with pytest.raises(NotFound, match="steps 1 to 2"):
        flareups.remove_step(journal, kind, 3)
    assert flareups.remove_step(journal, kind, 1).text == "Walk"
    assert [s.text for s in flareups.plan_steps(journal, kind)] == ["Relax"]


@pytest.mark.parametrize("kind", ["flareup", "goodspell"])
def test_suggestions_are_added_once_and_all_or_nothing(kind: flareups.PlanKind) -> None:
    journal = Journal()
    ideas = flareups.SUGGESTIONS[kind]
    assert len(ideas) == 7
    added = flareups.add_suggestions(journal, kind, [2, 1, 2], DAY)
    assert [s.text for s in added] == [ideas[1], ideas[0]]
    assert [s.in_plan for s in flareups.suggestions(journal, kind)][:3] == [True, True, False]
    assert flareups.add_suggestions(journal, kind, [1], DAY) == []
    with pytest.raises(InvalidInput):
        flareups.add_suggestions(journal, kind, [3, 8], DAY)
    assert len(flareups.plan_steps(journal, kind)) == 2
    for number in range(6):
        flareups.add_step(journal, kind, f"mine {number}", DAY)
    with pytest.raises(Refused, match="room for 2"):
        flareups.add_suggestions(journal, kind, [3, 4, 5], DAY)
    assert len(flareups.plan_steps(journal, kind)) == 8


def test_suggestions_cover_the_handbook_ideas() -> None:
    flare = " ".join(flareups.SUGGESTIONS["flareup"]).lower()
    for idea in ("carry on", "baseline", "medicines", "goals", "relaxation", "personal time"):
        assert idea in flare
    assert "set it off" in flare
    good = " ".join(flareups.SUGGESTIONS["goodspell"]).lower()
    for idea in ("step up", "new goal", "doctor", "enjoy", "plan ahead", "active", "relaxation"):
        assert idea in good
    assert "boom" in flareups.GOODSPELL_REMINDER


def test_first_steps_never_suggest_bed_rest() -> None:
    words = " ".join(flareups.OPENING + flareups.FIRST_STEPS).lower()
    assert "bed" not in words and "rest" not in words.replace("restrict", "")
    assert "gp or pharmacist" in words and "heat" in words and "moving" in words
