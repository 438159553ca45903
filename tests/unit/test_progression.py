from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backskills.domain import units
from backskills.domain.activities import ensure_activity
from backskills.domain.baseline import log_day
from backskills.domain.progression.changes import ease_back, step_up
from backskills.domain.progression.levels import current_level, previous_level, record_level
from backskills.domain.progression.met_days import WINDOW_DAYS, met
from backskills.domain.progression.planning import set_plan
from backskills.domain.progression.projection import plan_view
from backskills.domain.progression.review import evaluate
from backskills.domain.progression.staircase import staircase
from backskills.errors import InvalidInput, Refused
from backskills.models import Journal
from backskills.models.activity import ActivityRecord, PainScore
from backskills.models.safety import Assessment, FlareUp, RedFlagCheck
from tests.shapes import PLAN_KEYS, RECOMMENDATION_KEYS

START = date(2026, 3, 1)
RESOLUTIONS = st.sampled_from([1.0, 5.0, 100.0, 10.0, 0.1, 0.5])


def days(n: int, first: date = START) -> list[date]:
    return [first + timedelta(days=i) for i in range(n)]


def planned(start: float = 8, target: float = 15, hold: int = 7) -> Journal:
    journal = Journal()
    set_plan(journal, "walking", target=target, start=start, hold_days=hold, today=START)
    return journal


def do(journal: Journal, on: date, amount: float, name: str = "walking") -> None:
    journal.records.append(ActivityRecord(date=on, activity=name, amount=amount))


# -- the staircase ---------------------------------------------------------------------
def test_worked_example_start_8_target_15_hold_7() -> None:
    assert staircase(8, 15, 1) == [8, 9, 10, 11, 12, 13, 14, 15]
    view = plan_view(planned(), planned().activities[0], START)
    journal = planned()
    view = plan_view(journal, journal.activities[0], START)
    assert [s.level for s in view.steps] == [8, 9, 10, 11, 12, 13, 14, 15]
    assert view.reaches_target_on == START + timedelta(days=49)
    assert view.steps[0].start == START and view.steps[0].until == START + timedelta(days=6)
    assert view.steps[1].start == START + timedelta(days=7)
    assert view.steps[-1].until is None
    assert "49 days" in " ".join(view.explanation)


def test_staircase_uses_ten_percent_once_it_is_more_than_one_step() -> None:
    assert staircase(20, 30, 1) == [20, 22, 24, 26, 28, 30]
    assert staircase(1000, 1500, 100) == [1000, 1100, 1200, 1300, 1400, 1500]
    assert staircase(0.5, 0.8, 0.1) == [0.5, 0.6, 0.7, 0.8]
    assert staircase(15, 15, 1) == [15]


@given(
    start_steps=st.integers(min_value=1, max_value=400),
    extra=st.floats(min_value=0, max_value=5000, allow_nan=False),
    resolution=RESOLUTIONS,
)
def test_staircase_properties(start_steps: int, extra: float, resolution: float) -> None:
    start = units.tidy(start_steps * resolution, resolution)
    target = start + extra
    levels = staircase(start, target, resolution)
    assert levels[0] == start
    assert levels[-1] == target  # the last step lands exactly on the target
    for low, high in pairwise(levels):
        assert high > low  # strictly increasing
        # never more than 10% of the level plus one resolution step
        assert high - low <= low * 0.10 + resolution + units.EPSILON


# -- levels in force -------------------------------------------------------------------
def test_levels_in_force_and_previous() -> None:
    journal = planned()
    walking = journal.activities[0]
    assert current_level(walking, START - timedelta(days=1)) is None
    assert current_level(walking, START) == 8
    assert previous_level(walking, START) is None
    event = record_level(walking, START + timedelta(days=7), 9, "step_up", 7)
    assert (event.from_level, event.to_level, event.reason) == (8, 9, "step_up")
    assert current_level(walking, START + timedelta(days=6)) == 8
    assert current_level(walking, START + timedelta(days=7)) == 9
    assert previous_level(walking, START + timedelta(days=8)) == 8
    with pytest.raises(InvalidInput):
        record_level(walking, START + timedelta(days=3), 7, "flareup_reduce", 7)


# -- setting a plan --------------------------------------------------------------------
def baseline_journal(amounts: tuple[float, float, float] = (9, 12, 9)) -> Journal:
    journal = Journal()
    for on, amount in zip(days(3, START - timedelta(days=3)), amounts, strict=True):
        log_day(journal, "walking", amount, today=START, day=on)
    return journal


def test_plan_from_a_completed_baseline() -> None:
    journal = baseline_journal()
    view = set_plan(journal, "walking", target=15, today=START)
    assert view.start == 8 and view.level == 8
    assert "average of 10 minutes × 0.8" in view.explanation[0]
    assert journal.activities[0].levels[0].reason == "plan_start"


def test_plan_without_baseline_or_start_is_refused_with_the_command() -> None:
    journal = Journal()
    with pytest.raises(Refused) as caught:
        set_plan(journal, "walking", target=15, today=START)
    assert "backskills baseline log walking" in (caught.value.hint or "")
    log_day(journal, "walking", 10, today=START)
    with pytest.raises(Refused) as caught:
        set_plan(journal, "walking", target=15, today=START)
    assert "1 of 3" in caught.value.message


def test_plan_is_refused_while_a_red_flag_is_open() -> None:
    journal = baseline_journal()
    journal.redflag_checks.append(RedFlagCheck(checked_on=START, outcome="urgent"))
    with pytest.raises(Refused):
        set_plan(journal, "walking", target=15, today=START)
    assert journal.activities[0].plan is None
    journal.assessments.append(Assessment(date=START, check=0))
    assert set_plan(journal, "walking", target=15, today=START).start == 8


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"hold_days": 6}, "--hold-days"),
        ({"hold_days": 29}, "--hold-days"),
        ({"target": 5}, "--target"),
        ({"deadline": START}, "--by"),
        ({"starts_on": START + timedelta(days=400)}, "--from"),
        ({"target": 1e30, "start": 1}, "--target"),
    ],
)
def test_plan_bad_values(kwargs: dict[str, object], field: str) -> None:
    journal = baseline_journal()
    arguments: dict[str, object] = {"target": 15, "today": START, **kwargs}
    with pytest.raises(InvalidInput) as caught:
        set_plan(journal, "walking", **arguments)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert journal.activities[0].plan is None


def test_deadline_feasible_and_honest_alternatives() -> None:
    journal = baseline_journal()
    view = set_plan(journal, "walking", target=15, today=START, deadline=START + timedelta(days=60))
    assert view.feasible is True
    view = set_plan(journal, "walking", target=15, today=START, deadline=START + timedelta(days=30))
    assert view.feasible is False
    # levels from: 8 d0, 9 d7, 10 d14, 11 d21, 12 d28, 13 d35: by day 30 the level is 12
    assert view.reachable_by_deadline_level == 12
    assert view.reaches_target_on == START + timedelta(days=49)  # steps not made bigger
    text = " ".join(view.explanation)
    assert "2026-04-19" in text and "12 minutes" in text
    assert set(view.to_json()) >= PLAN_KEYS


def test_replacing_a_plan_keeps_the_level_reached() -> None:
    journal = planned()
    walking = journal.activities[0]
    record_level(walking, START + timedelta(days=7), 9, "step_up", 7)
    later = START + timedelta(days=10)
    view = set_plan(journal, "walking", target=20, today=later)
    assert view.start == 9
    assert len(walking.levels) == 2  # same level: the days already done at 9 still count
    assert evaluate(journal, later)[0].days_at_level == 3
    assert "still count" in view.explanation[0]
    view = set_plan(journal, "walking", target=20, start=10, today=later)
    assert walking.levels[-1].reason == "plan_update" and walking.levels[-1].from_level == 9
    assert len(walking.past_plans) == 2 and walking.past_plans[0].ended_on == later
    with pytest.raises(InvalidInput) as caught:
        set_plan(journal, "walking", target=20, today=later, starts_on=START)
    assert caught.value.field == "--from"


def test_plan_for_new_activity_with_start() -> None:
    journal = Journal()
    view = set_plan(journal, "bridge", target=12, start=6, today=START)
    assert view.unit == "reps"  # bridge is a library exercise counted in reps
    assert [s.level for s in view.steps][:2] == [6, 7]


def test_overdue_projection_starts_next_step_today() -> None:
    journal = planned()
    today = START + timedelta(days=12)
    view = plan_view(journal, journal.activities[0], today)
    assert view.steps[1].start == today
    assert view.steps[0].until == today - timedelta(days=1)


# -- reviewing -------------------------------------------------------------------------
def met_days_journal(met: int, total_days: int = 8) -> tuple[Journal, date]:
    """A plan started on START; ``met`` of the last 7 days (up to 'today') done at 8."""
    journal = planned()
    today = START + timedelta(days=total_days - 1)
    window = days(7, today - timedelta(days=6))
    for on in window[:met]:
        do(journal, on, 8)
    for on in window[met:]:
        do(journal, on, 7)
    return journal, today


def test_step_up_after_hold_and_five_of_seven() -> None:
    journal, today = met_days_journal(5)
    [rec] = evaluate(journal, today)
    assert rec.recommendation == "step_up"
    assert (rec.level, rec.next_level, rec.days_at_level, rec.days_met_last_7) == (8, 9, 7, 5)
    assert "9 minutes" in rec.reason and "5 of the last 7" in rec.reason
    change = step_up(journal, "walking", day=today, today=today)
    assert (change.event.from_level, change.event.to_level) == (8, 9)
    assert current_level(journal.activities[0], today) == 9


def test_hold_says_what_is_missing() -> None:
    journal, today = met_days_journal(4)
    [rec] = evaluate(journal, today)
    assert rec.recommendation == "hold"
    assert "met on 4 of the last 7 days" in rec.reason
    with pytest.raises(Refused):
        step_up(journal, "walking", day=today, today=today)
    journal, today = met_days_journal(7, total_days=5)
    [rec] = evaluate(journal, today)
    assert rec.recommendation == "hold"
    assert "3 more days at this level" in rec.reason


def test_several_records_a_day_add_up() -> None:
    journal, today = met_days_journal(4)
    do(journal, today - timedelta(days=1), 1)  # 7 + 1 = 8: now met
    [rec] = evaluate(journal, today)
    assert rec.days_met_last_7 == 5 and rec.recommendation == "step_up"


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=-20, max_value=3),
            st.sampled_from(["walking", "Walking", "stairs"]),
            st.floats(min_value=0, max_value=20, allow_nan=False),
        ),
        max_size=40,
    )
)
def test_days_met_counts_only_the_window_and_matches_a_full_recount(
    entries: list[tuple[int, str, float]],
) -> None:
    journal = planned(start=8, target=15)
    today = START + timedelta(days=14)
    for offset, name, amount in entries:
        do(journal, today + timedelta(days=offset), amount, name)
    activity = journal.activities[0]

    def met_on(day: date) -> bool:
        total = 0.0
        for record in journal.records:
            if record.date == day and record.activity.casefold() == "walking":
                total += record.amount
        level = current_level(activity, day)
        return level is not None and met(total, level)

    # Today counts only once it is met; otherwise the seven days up to yesterday.
    newest = today if met_on(today) else today - timedelta(days=1)
    expected = sum(met_on(newest - timedelta(days=back)) for back in range(WINDOW_DAYS))
    [rec] = evaluate(journal, today)
    assert rec.days_met_last_7 == expected
    assert rec.today_counted == met_on(today)


def test_paused_during_a_flare_up() -> None:
    journal, today = met_days_journal(7)
    journal.flareups.append(FlareUp(started=today - timedelta(days=1)))
    [rec] = evaluate(journal, today)
    assert rec.recommendation == "paused"
    journal.flareups[0].ended = today
    assert evaluate(journal, today)[0].recommendation == "step_up"


def test_step_up_refused_while_red_flag_open() -> None:
    journal, today = met_days_journal(7)
    journal.redflag_checks.append(RedFlagCheck(checked_on=today, outcome="see_professional"))
    with pytest.raises(Refused):
        step_up(journal, "walking", day=today, today=today)
    assert current_level(journal.activities[0], today) == 8


def stepped_up() -> tuple[Journal, date]:
    journal, today = met_days_journal(7)
    step_up(journal, "walking", day=today, today=today)
    return journal, today


def test_ease_back_when_pain_rises_two_points() -> None:
    journal, step_day = stepped_up()
    for on in days(7, step_day - timedelta(days=7)):
        journal.pain.append(PainScore(date=on, score=3))
    later = step_day + timedelta(days=2)
    journal.pain.append(PainScore(date=step_day + timedelta(days=1), score=4))
    assert evaluate(journal, later)[0].recommendation != "ease_back"
    journal.pain.append(PainScore(date=later, score=6))  # mean since step up: 5 >= 3 + 2
    [rec] = evaluate(journal, later)
    assert rec.recommendation == "ease_back"
    assert [c.option for c in rec.choices] == ["previous", "halfway", "stay"]
    assert "5.0" in rec.reason and "3.0" in rec.reason


def test_pain_up_flag_and_refusal_without_step_up() -> None:
    journal, today = met_days_journal(3)
    with pytest.raises(Refused):
        evaluate(journal, today, "walking", pain_up=True)
    with pytest.raises(InvalidInput):
        evaluate(journal, today, pain_up=True)
    journal, today = stepped_up()
    [rec] = evaluate(journal, today, "walking", pain_up=True)
    assert rec.recommendation == "ease_back"


def test_ease_back_previous_doubles_the_hold() -> None:
    journal, today = stepped_up()
    change = ease_back(journal, "walking", "previous", day=today, today=today)
    assert (change.event.to_level, change.event.hold_days) == (8, 14)
    assert change.event.reason == "ease_back_previous"
    # Fourteen days at 8, all met: 7 days is no longer enough.
    for on in days(14, today + timedelta(days=1)):
        do(journal, on, 8)
    assert evaluate(journal, today + timedelta(days=10))[0].recommendation == "hold"
    assert evaluate(journal, today + timedelta(days=14))[0].recommendation == "step_up"
    with pytest.raises(Refused):  # nothing left to ease back from
        ease_back(journal, "walking", "stay", day=today, today=today)


def test_ease_back_halfway_rounds_down() -> None:
    journal = planned(start=20, target=40)
    walking = journal.activities[0]
    record_level(walking, START + timedelta(days=7), 22, "step_up", 7)
    change = ease_back(journal, "walking", "halfway", day=START + timedelta(days=8), today=START)
    assert change.event.to_level == 21
    journal = planned(start=0.5, target=2)
    journal.activities[0].resolution = 0.1
    record_level(journal.activities[0], START + timedelta(days=7), 0.6, "step_up", 7)
    change = ease_back(journal, "walking", "halfway", day=START + timedelta(days=8), today=START)
    assert change.event.to_level == 0.5  # half-way 0.55 rounds down to 0.5


def test_ease_back_stay_restarts_the_hold() -> None:
    journal, today = stepped_up()
    later = today + timedelta(days=3)
    change = ease_back(journal, "walking", "stay", day=later, today=later)
    assert (change.event.to_level, change.event.hold_days, change.event.date) == (9, 7, later)
    [rec] = evaluate(journal, later + timedelta(days=5))
    assert rec.days_at_level == 5 and rec.recommendation == "hold"


def test_at_target() -> None:
    journal = planned(start=14, target=15)
    walking = journal.activities[0]
    record_level(walking, START + timedelta(days=7), 15, "step_up", 7)
    today = START + timedelta(days=14)
    for on in days(7, today - timedelta(days=6)):
        do(journal, on, 15)
    [rec] = evaluate(journal, today)
    assert rec.recommendation == "at_target" and rec.next_level is None
    with pytest.raises(Refused):
        step_up(journal, "walking", day=today, today=today)


def test_evaluate_json_shape_and_unplanned_activity() -> None:
    journal, today = met_days_journal(5)
    ensure_activity(journal, "bridge", "reps", START)
    recs = evaluate(journal, today)
    assert [r.activity for r in recs] == ["walking"]
    assert set(recs[0].to_json()) == RECOMMENDATION_KEYS
    with pytest.raises(Refused):
        evaluate(journal, today, "bridge")


def test_plan_not_started_yet() -> None:
    journal = Journal()
    set_plan(
        journal, "walking", target=10, start=8, today=START, starts_on=START + timedelta(days=3)
    )
    [rec] = evaluate(journal, START)
    assert rec.recommendation == "hold" and rec.level is None
    view = plan_view(journal, journal.activities[0], START)
    assert view.level is None and view.steps[0].start == START + timedelta(days=3)
