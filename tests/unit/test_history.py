"""History on known journals: every number of the JSON checked by hand.

The journals are built from the models so each day is known: which level was in force,
what was logged, which days had a flare-up and which pain scores.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import get_args

import pytest

from backskills.domain import history
from backskills.errors import InvalidInput
from backskills.models import Journal
from backskills.models.activity import (
    LEVEL_REASON_WORDS,
    Activity,
    ActivityRecord,
    Baseline,
    BaselineDay,
    LevelEvent,
    LevelReason,
    PainScore,
    Plan,
    reason_words,
)
from backskills.models.goals import Goal, GoalStep
from backskills.models.safety import FlareUp

MON = date(2026, 3, 2)  # a Monday
TODAY = date(2026, 3, 29)  # the Sunday four weeks later


def day(n: int) -> date:
    """Day ``n`` of the plan: day 0 is MON."""
    return MON + timedelta(days=n)


def event(
    n: int, before: float | None, to: float, reason: LevelReason, hold: int = 7
) -> LevelEvent:
    return LevelEvent(date=day(n), from_level=before, to_level=to, reason=reason, hold_days=hold)


def walking(levels: list[LevelEvent], *, target: float = 12, unit: str = "minutes") -> Activity:
    return Activity(
        name="walking",
        unit=unit,
        resolution=1,
        created=day(-4),
        baseline=Baseline(
            days=[
                BaselineDay(date=day(-4), amount=10),
                BaselineDay(date=day(-3), amount=11),
                BaselineDay(date=day(-2), amount=12),
            ]
        ),
        plan=Plan(start=9, target=target, starts_on=MON, created=MON),
        levels=levels,
    )


def climb() -> Journal:
    """9 → 10 → 11 → 12 minutes, a week each; day 2 not logged, day 16 only 5 minutes."""
    levels = [
        event(0, None, 9, "plan_start"),
        event(7, 9, 10, "step_up"),
        event(14, 10, 11, "step_up"),
        event(21, 11, 12, "step_up"),
    ]
    journal = Journal(activities=[walking(levels)])
    for n in range(28):
        if n == 2:
            continue
        amount = 5 if n == 16 else 9 + n // 7
        journal.records.append(ActivityRecord(date=day(n), activity="walking", amount=amount))
    for n, score in [(0, 6), (0, 4), (3, 6), (22, 3), (24, 2)]:
        journal.pain.append(PainScore(date=day(n), score=score))
    return journal


def weeks_json(result: history.ActivityHistory) -> list[dict[str, object]]:
    return result.to_json()["weeks"]  # type: ignore[no-any-return]


# -- a plain climb ---------------------------------------------------------------------
def test_plain_climb_every_number() -> None:
    result = history.activity_history(climb(), "walking", TODAY)
    document = result.to_json()
    assert document["window"] == {
        "from": "2026-02-26",  # the first baseline day
        "to": "2026-03-29",
        "days": 32,
        "capped": False,
        "earliest_entry": "2026-02-26",
    }
    assert document["baseline_average"] == 11
    assert (document["start_level"], document["level_now"], document["target"]) == (9, 12, 12)
    assert document["percent_of_way"] == 100
    assert (document["days_logged"], document["days_planned"], document["days_met"]) == (
        27,
        28,
        26,
    )
    assert document["total"] == 9 * 6 + 10 * 7 + 11 * 6 + 5 + 12 * 7
    assert document["earlier_changes"] == 0
    assert [
        (t["date"], t["from"], t["to"], t["reason"], t["days"], t["current"])
        for t in document["timeline"]
    ] == [
        ("2026-03-02", None, 9, "plan_start", 7, False),
        ("2026-03-09", 9, 10, "step_up", 7, False),
        ("2026-03-16", 10, 11, "step_up", 7, False),
        ("2026-03-23", 11, 12, "step_up", 7, True),
    ]
    assert [t["reason_words"] for t in document["timeline"]] == [
        "plan started",
        "stepped up",
        "stepped up",
        "stepped up",
    ]
    assert document["levels"] == [
        {"level": 9, "days": 7},
        {"level": 10, "days": 7},
        {"level": 11, "days": 7},
        {"level": 12, "days": 7},
    ]
    rows = [
        (
            w["week_start"], w["from"], w["to"], w["days"], w["level"], w["levels"],
            w["days_logged"], w["days_planned"], w["days_met"], w["total"], w["flareup_days"],
            w["pain_mean"], w["pain_min"], w["pain_max"], w["pain_days"],
        )
        for w in document["weeks"]
    ]  # fmt: skip
    assert rows == [
        ("2026-02-23", "2026-02-26", "2026-03-01", 4, None, [], 0, 0, 0, 0, 0, None, None, None, 0),
        # day 2 not logged; pain: day 0 mean 5 (6 and 4), day 3 six: (5 + 6) / 2
        ("2026-03-02", "2026-03-02", "2026-03-08", 7, 9, [9], 6, 7, 6, 54, 0, 5.5, 4, 6, 2),
        ("2026-03-09", "2026-03-09", "2026-03-15", 7, 10, [10], 7, 7, 7, 70, 0, None, None, None, 0),
        # day 16: 5 of 11 minutes, not met
        ("2026-03-16", "2026-03-16", "2026-03-22", 7, 11, [11], 7, 7, 6, 71, 0, None, None, None, 0),
        ("2026-03-23", "2026-03-23", "2026-03-29", 7, 12, [12], 7, 7, 7, 84, 0, 2.5, 2, 3, 2),
    ]  # fmt: skip
    chart = document["chart"]
    assert (chart["unit"], chart["from"], chart["to"], chart["top"]) == (
        "minutes",
        "2026-02-26",
        "2026-03-29",
        12,
    )
    assert chart["steps"] == [
        {"from": "2026-03-02", "to": "2026-03-08", "level": 9},
        {"from": "2026-03-09", "to": "2026-03-15", "level": 10},
        {"from": "2026-03-16", "to": "2026-03-22", "level": 11},
        {"from": "2026-03-23", "to": "2026-03-29", "level": 12},
    ]
    assert chart["flareups"] == []
    assert len(chart["days"]) == 32
    assert chart["days"][4] == {  # day 0
        "date": "2026-03-02",
        "amount": 9,
        "logged": True,
        "level": 9,
        "met": True,
        "flareup": False,
        "pain": 5,
    }
    assert chart["days"][6] == {  # day 2: nothing logged
        "date": "2026-03-04",
        "amount": 0,
        "logged": False,
        "level": 9,
        "met": False,
        "flareup": False,
        "pain": None,
    }
    assert chart["days"][0]["level"] is None and chart["days"][0]["met"] is None


# -- an ease-back ----------------------------------------------------------------------
def test_ease_back_shows_both_levels_of_the_week_and_the_choice_in_words() -> None:
    levels = [
        event(0, None, 9, "plan_start"),
        event(7, 9, 10, "step_up"),
        event(10, 10, 9, "ease_back_previous", hold=14),
    ]
    journal = Journal(activities=[walking(levels)])
    for n in range(14):
        journal.records.append(ActivityRecord(date=day(n), activity="walking", amount=9))
    result = history.activity_history(journal, "walking", day(13), start=MON)
    document = result.to_json()
    assert [(t["to"], t["reason"], t["days"]) for t in document["timeline"]] == [
        (9, "plan_start", 7),
        (10, "step_up", 3),
        (9, "ease_back_previous", 4),
    ]
    assert document["timeline"][2]["reason_words"] == (
        "eased back to the previous level (pain rose after a step up)"
    )
    assert document["timeline"][2]["hold_days"] == 14
    second = document["weeks"][1]
    assert second["levels"] == [10, 9] and second["level"] == 9
    # 9 minutes a day: not met on the three days at 10, met on the four at 9
    assert (second["days_planned"], second["days_met"], second["total"]) == (7, 4, 63)
    assert document["levels"] == [{"level": 9, "days": 11}, {"level": 10, "days": 3}]
    assert document["percent_of_way"] == 0  # back at the starting level
    assert [s["level"] for s in document["chart"]["steps"]] == [9, 10, 9]


# -- a flare-up and the climb back ----------------------------------------------------
def flare_journal() -> Journal:
    levels = [
        event(0, None, 9, "plan_start"),
        event(7, 9, 10, "step_up"),
        event(14, 10, 9, "flareup_reduce"),
        event(21, 9, 10, "catch_up"),  # back to the level held before the flare-up
    ]
    journal = Journal(activities=[walking(levels)])
    journal.flareups.append(
        FlareUp(started=day(14), ended=day(17), pain=7, trigger="lifting boxes")
    )
    for n in range(28):
        amount = 4 if 14 <= n <= 17 else 9 + (n >= 7 and not 14 <= n <= 20)
        journal.records.append(ActivityRecord(date=day(n), activity="walking", amount=amount))
    journal.pain.append(PainScore(date=day(14), score=7))
    journal.pain.append(PainScore(date=day(18), score=4))
    return journal


def test_flareup_days_are_marked_and_the_drop_named() -> None:
    document = history.activity_history(flare_journal(), "walking", TODAY, start=MON).to_json()
    assert [(t["to"], t["reason_words"]) for t in document["timeline"]] == [
        (9, "plan started"),
        (10, "stepped up"),
        (9, "dropped back for a flare-up"),
        (10, "catching up after a flare-up"),
    ]
    chart = document["chart"]
    assert chart["flareups"] == [{"from": "2026-03-16", "to": "2026-03-19"}]
    assert [d["flareup"] for d in chart["days"]].count(True) == 4
    third = document["weeks"][2]
    # four flare-up days at 4 minutes (level 9: not met), then three days of 9 (met)
    assert (third["flareup_days"], third["days_met"], third["total"]) == (4, 3, 4 * 4 + 27)
    assert (third["pain_mean"], third["pain_min"], third["pain_max"], third["pain_days"]) == (
        5.5,
        4,
        7,
        2,
    )
    assert [(w["level"], w["days_met"]) for w in document["weeks"]] == [
        (9, 7),
        (10, 7),
        (9, 3),
        (10, 7),
    ]


def test_an_active_flareup_runs_to_today() -> None:
    journal = flare_journal()
    journal.flareups[0] = FlareUp(started=day(25))
    document = history.activity_history(journal, "walking", TODAY, start=MON).to_json()
    assert document["chart"]["flareups"] == [{"from": "2026-03-27", "to": "2026-03-29"}]


# -- missing weeks ---------------------------------------------------------------------
def test_missing_weeks_count_zero_and_stay_in_the_table() -> None:
    journal = Journal(activities=[walking([event(0, None, 9, "plan_start")])])
    for n in [0, 1, 2, 21, 22]:
        journal.records.append(ActivityRecord(date=day(n), activity="walking", amount=9))
    document = history.activity_history(journal, "walking", TODAY, start=MON).to_json()
    assert [(w["week_start"], w["days_logged"], w["days_met"], w["total"]) for w in document["weeks"]] == [
        ("2026-03-02", 3, 3, 27),
        ("2026-03-09", 0, 0, 0),
        ("2026-03-16", 0, 0, 0),
        ("2026-03-23", 2, 2, 18),
    ]  # fmt: skip
    assert all(w["days_planned"] == 7 and w["pain_mean"] is None for w in document["weeks"])
    # the level held all four weeks, not only on logged days
    assert document["levels"] == [{"level": 9, "days": 28}]
    assert document["timeline"][0]["days"] == 28


# -- two activities in different units -------------------------------------------------
def two_activities() -> Journal:
    journal = climb()
    journal.activities.append(
        Activity(
            name="sit to stand",
            unit="reps",
            resolution=1,
            created=day(0),
            plan=Plan(start=5, target=10, starts_on=day(0), created=day(0)),
            levels=[event(0, None, 5, "plan_start"), event(14, 5, 6, "step_up")],
        )
    )
    for n in range(0, 28, 2):
        journal.records.append(ActivityRecord(date=day(n), activity="Sit to stand", amount=6))
    journal.records.append(ActivityRecord(date=day(5), activity="swimming", amount=20))
    return journal


def test_two_activities_keep_their_own_units_and_numbers() -> None:
    document = history.overview(two_activities(), TODAY).to_json()
    lines = {a["activity"]: a for a in document["activities"]}
    assert set(lines) == {"walking", "sit to stand"}  # swimming is not an activity yet
    reps = lines["sit to stand"]
    assert (reps["unit"], reps["baseline_average"], reps["start_level"]) == ("reps", None, 5)
    assert (reps["level_now"], reps["target"], reps["percent_of_way"]) == (6, 10, 20)
    assert reps["levels"] == [{"level": 5, "days": 14}, {"level": 6, "days": 14}]
    assert (reps["days_logged"], reps["total"]) == (14, 84)
    walk = lines["walking"]
    assert (walk["unit"], walk["days_logged"], walk["total"], walk["percent_of_way"]) == (
        "minutes",
        27,
        279,
        100,
    )
    detail = history.activity_history(two_activities(), "SIT TO STAND", TODAY).to_json()
    assert detail["unit"] == "reps"
    assert [w["total"] for w in detail["weeks"]] == [24, 18, 24, 18]
    assert [w["days_met"] for w in detail["weeks"]] == [4, 3, 4, 3]


def test_overview_pain_weeks_and_goals() -> None:
    journal = two_activities()
    journal.goals = [
        Goal(
            id=1,
            title="Walk to the shop",
            target=12,
            unit="minutes",
            activity="walking",
            why="w",
            reward="r",
            deadline=day(40),
            status="achieved",
            created=day(0),
            ended=day(25),
        ),
        Goal(
            id=2,
            title="Garden for 30 minutes",
            target=10,
            unit="reps",
            activity="sit to stand",
            why="w",
            reward="r",
            deadline=day(60),
            created=day(1),
            steps=[GoalStep(text="a", done=True), GoalStep(text="b")],
        ),
        Goal(id=3, title="Dropped", why="w", reward="r", deadline=day(60), created=day(1),
             status="dropped", ended=day(5)),
    ]  # fmt: skip
    document = history.overview(journal, TODAY).to_json()
    assert [(w["week_start"], w["mean"], w["min"], w["max"], w["days_scored"]) for w in document["pain_weeks"]] == [
        ("2026-02-23", None, None, None, 0),
        ("2026-03-02", 5.5, 4, 6, 2),
        ("2026-03-09", None, None, None, 0),
        ("2026-03-16", None, None, None, 0),
        ("2026-03-23", 2.5, 2, 3, 2),
    ]  # fmt: skip
    goals = document["goals"]
    assert [(g["id"], g["status"], g["ended"]) for g in goals] == [
        (1, "achieved", "2026-03-27"),
        (2, "active", None),
    ]
    assert (goals[1]["steps_done"], goals[1]["steps_total"]) == (1, 2)
    assert (goals[1]["level"], goals[1]["target"], goals[1]["percent_of_way"]) == (6, 10, 20)
    assert (goals[0]["level"], goals[0]["percent_of_way"]) == (12, 100)


# -- pain ------------------------------------------------------------------------------
def test_pain_history_days_weeks_and_mean() -> None:
    journal = flare_journal()
    journal.pain.append(PainScore(date=day(18), score=2))
    document = history.pain_history(journal, TODAY).to_json()
    assert document["window"]["from"] == "2026-03-16"  # the first pain score
    assert document["days"] == [
        {"date": "2026-03-16", "mean": 7, "scores": [7]},
        {"date": "2026-03-20", "mean": 3, "scores": [4, 2]},
    ]
    assert document["mean"] == 5
    assert [(w["mean"], w["min"], w["max"], w["days_scored"]) for w in document["weeks"]] == [
        (5, 2, 7, 2),
        (None, None, None, 0),
    ]
    assert document["flareups"] == [{"from": "2026-03-16", "to": "2026-03-19"}]


# -- windows ---------------------------------------------------------------------------
def test_default_window_is_capped_at_twelve_weeks() -> None:
    window = history.resolve_window(date(2025, 1, 1), TODAY)
    assert (window.first, window.last, window.capped) == (date(2026, 1, 5), TODAY, True)
    assert window.first.weekday() == 0 and len(window.weeks()) == 12


def test_weeks_from_and_to() -> None:
    earliest = date(2025, 1, 1)
    two = history.resolve_window(earliest, TODAY, weeks=2)
    assert (two.first, two.last) == (date(2026, 3, 16), TODAY)
    ending = history.resolve_window(earliest, TODAY, weeks=1, end=date(2026, 3, 4))
    assert (ending.first, ending.last) == (date(2026, 3, 2), date(2026, 3, 4))
    starting = history.resolve_window(earliest, TODAY, weeks=1, start=date(2026, 3, 4))
    assert (starting.first, starting.last) == (date(2026, 3, 4), date(2026, 3, 10))
    span = history.resolve_window(earliest, TODAY, start=date(2025, 6, 1), end=date(2025, 6, 30))
    assert (span.first, span.last, span.days, span.capped) == (
        date(2025, 6, 1),
        date(2025, 6, 30),
        30,
        False,
    )
    # Sunday 1 June is the last day of the week of 26 May; Monday 30 June starts a sixth
    assert len(span.weeks()) == 6


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"start": date(2026, 3, 10), "end": date(2026, 3, 1)}, "--from"),
        ({"weeks": 2, "start": date(2026, 3, 1), "end": date(2026, 3, 20)}, "--weeks"),
        ({"weeks": 0}, "--weeks"),
        ({"weeks": 521}, "--weeks"),
    ],
)
def test_bad_windows_name_the_option(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        history.resolve_window(None, TODAY, **kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_an_empty_journal_has_a_one_day_window_and_no_rows() -> None:
    document = history.overview(Journal(), TODAY).to_json()
    assert document["window"]["from"] == document["window"]["to"] == "2026-03-29"
    assert document["activities"] == [] and document["goals"] == []


def test_timeline_outside_the_window_keeps_the_level_in_force() -> None:
    result = history.activity_history(climb(), "walking", TODAY, start=day(17))
    assert [(s.to_level, s.date) for s in result.timeline] == [(11, day(14)), (12, day(21))]
    assert result.earlier_changes == 2


# -- reasons in words ------------------------------------------------------------------
def test_every_level_reason_has_words() -> None:
    assert set(get_args(LevelReason)) <= set(LEVEL_REASON_WORDS)
    assert reason_words("catch_up") == "catching up after a flare-up"
    assert reason_words("something_new") == "something new"


def test_percent_of_way() -> None:
    assert history.percent_of_way(9, 10, 14) == 20
    assert history.percent_of_way(9, 8, 14) == 0
    assert history.percent_of_way(9, 20, 14) == 100
    assert history.percent_of_way(10, 10, 10) == 100
    assert history.percent_of_way(None, 10, 14) is None
