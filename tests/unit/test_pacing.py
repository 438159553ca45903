"""The pacing domain: tolerance midpoint, splitting, day limits, deadlines, bad days, review."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backskills.domain import units
from backskills.domain.pacing.activities import add_activity, edit_activity, remove_activity
from backskills.domain.pacing.amounts import steps_of
from backskills.domain.pacing.plan import PacePlan
from backskills.domain.pacing.planner import build_plan, today_spells
from backskills.domain.pacing.review import Review, accept_review, review
from backskills.domain.pacing.spell_log import log_spell
from backskills.domain.pacing.spells import split as _split
from backskills.domain.pacing.tasks import (
    add_task,
    ordered_tasks,
    remaining,
    remove_task,
    task_done,
)
from backskills.domain.pacing.tolerance import (
    ToleranceInput,
    bad_day_rest,
    bad_day_spell,
    midpoint,
    resolve_tolerance,
    tolerance_explanation,
)
from backskills.domain.validate import POSITIONS, PRIORITIES
from backskills.errors import InvalidInput, NotFound, Refused
from backskills.models import Journal
from backskills.models.pacing import PaceActivity, PaceLog, PaceTask
from backskills.models.safety import FlareUp

DAY = date(2026, 3, 4)


def activity(
    name: str = "vacuuming",
    tolerance: float = 15,
    *,
    unit: str = "minutes",
    rest: float = 10,
    position: str = "standing",
) -> PaceActivity:
    return PaceActivity.model_validate(
        {
            "name": name,
            "unit": unit,
            "resolution": units.resolution_for(unit),
            "tolerance": tolerance,
            "rest": rest,
            "position": position,
            "created": DAY,
        }
    )


def task(
    task_id: int,
    amount: float,
    activity_name: str = "vacuuming",
    *,
    priority: str = "medium",
    deadline: date | None = None,
    title: str | None = None,
) -> PaceTask:
    return PaceTask.model_validate(
        {
            "id": task_id,
            "title": title or f"task {task_id}",
            "activity": activity_name,
            "amount": amount,
            "priority": priority,
            "deadline": deadline,
            "created": DAY,
        }
    )


def journal_with(activities: list[PaceActivity], tasks: list[PaceTask]) -> Journal:
    journal = Journal()
    journal.pacing.activities.extend(activities)
    journal.pacing.tasks.extend(tasks)
    return journal


def spells_by_task(plan: PacePlan, window_only: bool = False) -> dict[int, list[float]]:
    found: dict[int, list[float]] = {}
    for day in plan.days if window_only else plan.all_days:
        for spell in day.spells:
            found.setdefault(spell.task_id, []).append(spell.amount)
    return found


# -- tolerance level ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("good", "bad", "resolution", "expected"),
    [
        (20, 10, 1, 15),
        (20, 11, 1, 15),  # 15.5 rounds down
        (25, 0, 1, 12),
        (1.5, 0.2, 0.1, 0.8),  # 0.85 km rounds down to 0.8
        (1000, 450, 100, 700),  # 725 steps rounds down to 700
    ],
)
def test_midpoint_examples(good: float, bad: float, resolution: float, expected: float) -> None:
    assert midpoint(good, bad, resolution) == expected


@given(
    st.integers(min_value=0, max_value=400),
    st.integers(min_value=0, max_value=400),
    st.sampled_from(["minutes", "km", "steps", "metres", "seconds"]),
)
def test_midpoint_is_the_middle_rounded_down(a: int, b: int, unit: str) -> None:
    resolution = units.resolution_for(unit)
    good, bad = max(a, b) * resolution * 0.7, min(a, b) * resolution * 0.7
    value = midpoint(good, bad, resolution)
    middle = (good + bad) / 2
    assert value <= middle + 1e-9
    assert value > middle - resolution - 1e-9
    assert abs(value / resolution - round(value / resolution)) < 1e-6  # on the unit's grid


def test_resolve_tolerance_from_good_and_bad_and_refusals() -> None:
    given_ = ToleranceInput(good=20, bad=11)
    assert resolve_tolerance(given_, "minutes", 1) == 15
    assert resolve_tolerance(ToleranceInput(tolerance=12), "minutes", 1) == 12
    with pytest.raises(InvalidInput, match="not both"):
        resolve_tolerance(ToleranceInput(tolerance=12, good=20), "minutes", 1)
    with pytest.raises(InvalidInput, match="--bad"):
        resolve_tolerance(ToleranceInput(good=20), "minutes", 1)
    with pytest.raises(InvalidInput, match="--good"):
        resolve_tolerance(ToleranceInput(good=5, bad=10), "minutes", 1)
    with pytest.raises(InvalidInput, match="less than"):
        resolve_tolerance(ToleranceInput(good=0.1, bad=0), "minutes", 1)
    with pytest.raises(InvalidInput, match=r"steps of 0\.1 km"):
        resolve_tolerance(ToleranceInput(tolerance=0.25), "km", 0.1)


def test_add_activity_records_midpoint_and_refuses_duplicates() -> None:
    journal = Journal()
    saved = add_activity(
        journal,
        "Vacuuming",
        given=ToleranceInput(good=20, bad=10),
        unit="mins",
        rest=None,
        position=None,
        today=DAY,
    )
    assert (saved.tolerance, saved.unit, saved.rest, saved.position) == (15, "minutes", 10, "mixed")
    assert "middle of 20" in tolerance_explanation(saved)
    with pytest.raises(Refused):
        add_activity(
            journal,
            "vacuuming",
            given=ToleranceInput(tolerance=5),
            unit=None,
            rest=None,
            position=None,
            today=DAY,
        )
    with pytest.raises(InvalidInput, match="required"):
        add_activity(
            journal,
            "ironing",
            given=ToleranceInput(),
            unit=None,
            rest=None,
            position=None,
            today=DAY,
        )


def test_edit_records_a_tolerance_change() -> None:
    journal = journal_with([activity()], [])
    edited, change = edit_activity(
        journal,
        "VACUUMING",
        given=ToleranceInput(tolerance=12),
        rest=5,
        position="mixed",
        today=DAY,
    )
    assert edited.tolerance == 12 and edited.rest == 5 and edited.position == "mixed"
    assert change is not None and (change.from_tolerance, change.to_tolerance) == (15, 12)
    assert edited.changes == [change]
    with pytest.raises(InvalidInput, match="nothing to change"):
        edit_activity(
            journal, "vacuuming", given=ToleranceInput(), rest=None, position=None, today=DAY
        )
    with pytest.raises(NotFound):
        edit_activity(
            journal, "gardening", given=ToleranceInput(), rest=1, position=None, today=DAY
        )


def test_remove_activity_refuses_while_tasks_are_open() -> None:
    journal = journal_with([activity()], [task(1, 30)])
    with pytest.raises(Refused, match="open tasks"):
        remove_activity(journal, "vacuuming")
    task_done(journal, 1, DAY)
    assert remove_activity(journal, "vacuuming").name == "vacuuming"
    assert journal.pacing.activities == []


# -- bad days -----------------------------------------------------------------------------------


@given(st.integers(min_value=1, max_value=500), st.sampled_from(["minutes", "km", "steps"]))
def test_bad_day_spell_is_three_quarters_rounded_down_at_least_one_step(
    steps: int, unit: str
) -> None:
    resolution = units.resolution_for(unit)
    tolerance = units.tidy(steps * resolution, resolution)
    spell = bad_day_spell(tolerance, resolution)
    assert resolution - 1e-9 <= spell <= tolerance + 1e-9
    expected = max(math.floor(steps * 0.75 + 1e-9), 1)
    assert steps_of(spell, resolution) == expected


@given(st.integers(min_value=0, max_value=120))
def test_bad_day_rest_is_longer(rest: int) -> None:
    longer = bad_day_rest(rest)
    assert longer >= rest + 5
    assert longer >= rest * 1.5


def test_bad_day_applies_to_the_first_day_only() -> None:
    journal = journal_with([activity(tolerance=16)], [task(1, 200)])
    plan = build_plan(journal, start=DAY, today=DAY, days=2, bad_day=True)
    first, second = plan.days
    assert first.bad_day and not second.bad_day
    assert max(s.amount for s in first.spells) <= 12  # 3/4 of 16
    assert {s.rest_after for s in first.spells} == {15}
    assert max(s.amount for s in second.spells) == 16
    assert {s.rest_after for s in second.spells} == {10}
    assert any("bad day" in line for line in plan.explanation)


# -- splitting ----------------------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=2000), st.integers(min_value=1, max_value=60))
def test_split_adds_up_never_above_cap_and_even(total: int, cap: int) -> None:
    pieces = _split(total, cap)
    assert sum(pieces) == total
    assert all(1 <= piece <= cap for piece in pieces)
    assert len(pieces) == math.ceil(total / cap)
    if pieces:
        assert max(pieces) - min(pieces) <= 1


def test_house_cleaning_example() -> None:
    """40 minutes of vacuuming with a 15-minute tolerance: three spells that add up to 40."""
    journal = journal_with([activity(tolerance=15)], [task(1, 40, title="vacuum the house")])
    plan = build_plan(journal, start=DAY, today=DAY, days=3)
    assert [s.amount for s in plan.days[0].spells] == [14, 13, 13]
    assert all(s.rest_after == 10 for s in plan.days[0].spells)
    assert plan.days[1].spells == [] and plan.unscheduled == [] and plan.warnings == []


def test_day_limit_carries_over_to_the_next_day() -> None:
    journal = journal_with([activity(tolerance=15)], [task(1, 40)])
    plan = build_plan(journal, start=DAY, today=DAY, days=3, sessions=2)
    # full spells while the task runs over; the rest the next day
    assert [s.amount for s in plan.days[0].spells] == [15, 15]
    assert [s.amount for s in plan.days[1].spells] == [10]
    plan = build_plan(journal, start=DAY, today=DAY, days=1, sessions=1)
    assert [s.amount for s in plan.days[0].spells] == [15]
    assert [(u.task_id, u.amount) for u in plan.unscheduled] == [(1, 25)]


def test_spells_logged_today_count_towards_todays_limit() -> None:
    journal = journal_with([activity(tolerance=15)], [task(1, 40)])
    journal.pacing.logs.append(PaceLog(date=DAY, activity="vacuuming", amount=15))
    journal.pacing.logs.append(PaceLog(date=DAY, activity="vacuuming", amount=15))
    assert len(today_spells(journal, DAY)) == 1
    plan = build_plan(journal, start=DAY + timedelta(days=1), today=DAY, days=1)
    assert len(plan.days[0].spells) == 3  # tomorrow starts afresh


def test_done_tasks_and_progress_are_respected() -> None:
    journal = journal_with([activity(tolerance=15)], [task(1, 40), task(2, 30)])
    result = log_spell(journal, "vacuuming", 14, on=DAY, felt="ok", task_id=1, note=None)
    assert result.task is not None and remaining(result.task) == 26
    task_done(journal, 2, DAY)
    plan = build_plan(journal, start=DAY + timedelta(days=1), today=DAY, days=1)
    assert {s.task_id for s in plan.days[0].spells} == {1}
    assert sum(s.amount for s in plan.days[0].spells) == 26


def test_log_spell_finishes_a_task_and_checks_the_task() -> None:
    journal = journal_with([activity(), activity("ironing")], [task(1, 20)])
    with pytest.raises(InvalidInput, match="--task"):
        log_spell(journal, "ironing", 5, on=DAY, felt=None, task_id=1, note=None)
    with pytest.raises(NotFound):
        log_spell(journal, "vacuuming", 5, on=DAY, felt=None, task_id=9, note=None)
    with pytest.raises(InvalidInput, match=r"steps of 1 minute"):
        log_spell(journal, "vacuuming", 2.5, on=DAY, felt=None, task_id=1, note=None)
    result = log_spell(journal, "vacuuming", 25, on=DAY, felt="ok", task_id=1, note=None)
    assert result.over_tolerance
    assert result.task is not None and result.task.done_on == DAY
    assert result.task.done_amount == 20 and result.log.amount == 25  # the log keeps the truth
    with pytest.raises(Refused, match="already done"):
        log_spell(journal, "vacuuming", 5, on=DAY, felt=None, task_id=1, note=None)


def test_task_order_is_priority_then_deadline() -> None:
    tasks = [
        task(1, 10, priority="low"),
        task(2, 10, priority="high", deadline=DAY + timedelta(days=5)),
        task(3, 10, priority="high", deadline=DAY + timedelta(days=1)),
        task(4, 10, priority="medium"),
        task(5, 10, priority="high"),
    ]
    assert [t.id for t in ordered_tasks(tasks)] == [3, 2, 5, 4, 1]


def test_same_activity_spread_and_positions_alternated() -> None:
    journal = journal_with(
        [
            activity("vacuuming", 15, position="standing"),
            activity("paperwork", 20, position="sitting"),
        ],
        [task(1, 45, priority="high"), task(2, 40, "paperwork", priority="low")],
    )
    spells = build_plan(journal, start=DAY, today=DAY, days=1).days[0].spells
    assert [s.activity for s in spells] == [
        "vacuuming",
        "paperwork",
        "vacuuming",
        "paperwork",
        "vacuuming",
    ]
    assert all(a.position != b.position for a, b in itertools.pairwise(spells))


def test_positions_alternate_between_different_activities() -> None:
    journal = journal_with(
        [
            activity("ironing", 20, position="standing"),
            activity("cooking", 20, position="standing"),
            activity("reading", 20, position="sitting"),
        ],
        [task(1, 20, "ironing"), task(2, 20, "cooking"), task(3, 20, "reading")],
    )
    spells = build_plan(journal, start=DAY, today=DAY, days=1).days[0].spells
    assert [s.position for s in spells] == ["standing", "sitting", "standing"]


# -- deadlines ----------------------------------------------------------------------------------


def test_deadline_that_cannot_be_met_is_flagged_with_the_questions() -> None:
    journal = journal_with(
        [activity(tolerance=15)],
        [task(1, 100, deadline=DAY + timedelta(days=1), title="windows")],
    )
    plan = build_plan(journal, start=DAY, today=DAY, days=3)
    (warning,) = plan.warnings
    assert warning.kind == "deadline" and warning.task_id == 1
    assert warning.left == 100 - 6 * 15  # two days of three full 15-minute spells
    assert any("someone help" in q for q in warning.questions)
    assert any("another way" in q for q in warning.questions)
    assert any("wait" in q for q in warning.questions)


def test_deadline_beyond_the_window_is_still_judged() -> None:
    journal = journal_with(
        [activity(tolerance=10)],
        [task(1, 200, deadline=DAY + timedelta(days=5))],
    )
    plan = build_plan(journal, start=DAY, today=DAY, days=2)
    assert [w.kind for w in plan.warnings] == ["deadline"]
    assert plan.warnings[0].left == 200 - 6 * 30
    assert plan.unscheduled[0].amount == 200 - 2 * 30


def test_overdue_task_is_flagged_and_still_planned() -> None:
    journal = journal_with([activity()], [task(1, 10, deadline=DAY - timedelta(days=1))])
    plan = build_plan(journal, start=DAY, today=DAY, days=1)
    assert [w.kind for w in plan.warnings] == ["overdue"]
    assert [s.amount for s in plan.days[0].spells] == [10]


def test_task_for_a_missing_activity_is_left_out_with_a_warning() -> None:
    journal = journal_with([], [task(1, 10, "gardening")])
    plan = build_plan(journal, start=DAY, today=DAY, days=1)
    assert [w.kind for w in plan.warnings] == ["no_activity"]
    assert plan.days[0].spells == [] and plan.unscheduled == []


# -- plan properties ----------------------------------------------------------------------------

UNITS = ["minutes", "km", "steps", "metres"]


@st.composite
def journals(draw: st.DrawFn) -> Journal:
    count = draw(st.integers(min_value=1, max_value=3))
    acts = []
    for index in range(count):
        unit = draw(st.sampled_from(UNITS))
        resolution = units.resolution_for(unit)
        steps = draw(st.integers(min_value=1, max_value=30))
        acts.append(
            activity(
                f"act{index}",
                units.tidy(steps * resolution, resolution),
                unit=unit,
                rest=draw(st.integers(min_value=0, max_value=30)),
                position=draw(st.sampled_from(POSITIONS)),
            )
        )
    tasks = []
    for task_id in range(1, draw(st.integers(min_value=0, max_value=6)) + 1):
        owner = draw(st.sampled_from(acts))
        steps = draw(st.integers(min_value=1, max_value=150))
        deadline = draw(st.none() | st.integers(min_value=-2, max_value=12))
        tasks.append(
            task(
                task_id,
                units.tidy(steps * owner.resolution, owner.resolution),
                owner.name,
                priority=draw(st.sampled_from(PRIORITIES)),
                deadline=None if deadline is None else DAY + timedelta(days=deadline),
            )
        )
    journal = journal_with(acts, tasks)
    for task_ in tasks:
        if draw(st.booleans()):
            owner = next(a for a in acts if a.name == task_.activity)
            done = draw(
                st.integers(min_value=0, max_value=steps_of(task_.amount, owner.resolution))
            )
            task_.done_amount = units.tidy(done * owner.resolution, owner.resolution)
    return journal


@settings(max_examples=150, deadline=None)
@given(
    journals(),
    st.integers(min_value=1, max_value=7),
    st.integers(min_value=1, max_value=5),
    st.booleans(),
)
def test_plan_properties(journal: Journal, days: int, sessions: int, bad_day: bool) -> None:
    plan = build_plan(journal, start=DAY, today=DAY, days=days, sessions=sessions, bad_day=bad_day)
    acts = {a.name: a for a in journal.pacing.activities}
    tasks = {t.id: t for t in journal.pacing.tasks}
    order = [t.id for t in ordered_tasks(list(tasks.values()))]

    # the window: one entry per day, consecutive
    assert [d.date for d in plan.days] == [DAY + timedelta(days=i) for i in range(days)]

    left = {t.id: steps_of(remaining(t), acts[t.activity].resolution) for t in tasks.values()}
    for day in plan.all_days:
        per_activity = Counter(s.activity for s in day.spells)
        assert all(n <= sessions for n in per_activity.values())  # the day limit
        for spell in day.spells:
            owner = acts[spell.activity]
            cap = (
                bad_day_spell(owner.tolerance, owner.resolution)
                if bad_day and day.date == DAY
                else owner.tolerance
            )
            assert 0 < spell.amount <= cap + 1e-9  # never above the tolerance
            assert spell.amount <= owner.tolerance + 1e-9
            assert spell.rest_after >= owner.rest
            left[spell.task_id] -= steps_of(spell.amount, owner.resolution)
        # priority: a later task of an activity gets a spell on a day only if every earlier
        # task of that activity is finished by the end of that day
        for spell in day.spells:
            for earlier in order[: order.index(spell.task_id)]:
                if tasks[earlier].activity == spell.activity:
                    assert left[earlier] == 0
    # no amount invented; what is left after the horizon is reported as unscheduled
    carried_ids = {u.task_id for u in plan.unscheduled}
    assert all(value == 0 or task_id in carried_ids for task_id, value in left.items())
    assert all(value >= 0 for value in left.values())

    # window + unscheduled add up to what remains, task by task
    window = Counter[int]()
    for day in plan.days:
        for spell in day.spells:
            window[spell.task_id] += steps_of(spell.amount, acts[spell.activity].resolution)
    carried = {u.task_id: steps_of(u.amount, acts[u.activity].resolution) for u in plan.unscheduled}
    for t in tasks.values():
        total = steps_of(remaining(t), acts[t.activity].resolution)
        assert window[t.id] + carried.get(t.id, 0) == total

    # deadlines: flagged exactly when the spells up to the deadline fall short
    flagged = {w.task_id for w in plan.warnings if w.kind == "deadline"}
    overdue = {w.task_id for w in plan.warnings if w.kind == "overdue"}
    for t in tasks.values():
        if t.deadline is None or remaining(t) == 0:
            assert t.id not in flagged | overdue
            continue
        if t.deadline < DAY:
            assert t.id in overdue
            continue
        by_deadline = sum(
            steps_of(s.amount, acts[s.activity].resolution)
            for d in plan.all_days
            if d.date <= t.deadline
            for s in d.spells
            if s.task_id == t.id
        )
        total = steps_of(remaining(t), acts[t.activity].resolution)
        assert (t.id in flagged) == (by_deadline < total)


@settings(max_examples=60, deadline=None)
@given(journals())
def test_today_spells_are_the_first_day_of_the_plan(journal: Journal) -> None:
    plan = build_plan(journal, start=DAY, today=DAY, days=3)
    assert today_spells(journal, DAY) == plan.days[0].spells


def test_plan_json_has_exactly_the_documented_keys() -> None:
    journal = journal_with([activity()], [task(1, 100, deadline=DAY + timedelta(days=1))])
    document = build_plan(journal, start=DAY, today=DAY, days=1).to_json()
    assert set(document) == {"days", "unscheduled", "warnings", "flareup_since"}
    assert set(document["days"][0]) == {"date", "spells"}
    assert set(document["days"][0]["spells"][0]) == {
        "task",
        "activity",
        "amount",
        "rest_after",
        "position",
    }
    assert document["unscheduled"][0]["amount"] == 55  # three full spells of 15 done
    assert document["warnings"][0]["questions"]


# -- evaluate -----------------------------------------------------------------------------------


def logs(
    journal: Journal, felts: list[str | None], amount: float = 15, name: str = "vacuuming"
) -> None:
    """One spell a day, ending today, with the given feelings (oldest first)."""
    for back, felt in enumerate(reversed(felts)):
        journal.pacing.logs.append(
            PaceLog.model_validate(
                {
                    "date": DAY - timedelta(days=back),
                    "activity": name,
                    "amount": amount,
                    "felt": felt,
                }
            )
        )


def review_of(journal: Journal, days: int = 5) -> Review:
    (found,) = review(journal, DAY, "vacuuming", days)
    return found


def test_review_ok_on_most_days_suggests_one_small_step_more() -> None:
    journal = journal_with([activity(tolerance=15)], [])
    logs(journal, ["ok", None, "ok", "ok"])
    found = review_of(journal)
    assert (found.suggestion, found.suggested_tolerance, found.days_reviewed) == ("more", 16, 4)
    journal = journal_with([activity(tolerance=50)], [])
    logs(journal, ["ok", "ok", "ok"])
    assert review_of(journal).suggested_tolerance == 55  # about 10%


def test_review_too_much_suggests_shorter_too_little_longer() -> None:
    journal = journal_with([activity(tolerance=30)], [])
    logs(journal, ["ok", "too-much", "ok", "too-much", "ok"])
    found = review_of(journal)
    assert (found.suggestion, found.suggested_tolerance) == ("shorter", 27)
    journal = journal_with([activity(tolerance=30)], [])
    logs(journal, ["too-little", "too-little", "ok", "too-little"])
    found = review_of(journal)
    assert (found.suggestion, found.suggested_tolerance) == ("longer", 33)


def test_review_keeps_without_a_pattern_or_logs() -> None:
    journal = journal_with([activity()], [])
    assert review_of(journal).suggestion == "keep"
    assert review_of(journal).days_reviewed == 0
    logs(journal, ["ok", "too-little"])
    found = review_of(journal)
    assert (found.suggestion, found.suggested_tolerance) == ("keep", None)


def test_review_spells_above_the_tolerance_are_not_as_planned() -> None:
    journal = journal_with([activity(tolerance=15)], [])
    logs(journal, ["ok", "ok", "ok"], amount=20)
    assert review_of(journal).suggestion == "keep"


def test_review_ignores_older_days_and_smallest_step() -> None:
    journal = journal_with([activity(tolerance=15)], [])
    logs(journal, ["ok", "ok", "ok", None, None, None])  # the oks are 4-6 days ago
    assert review_of(journal).suggestion == "keep"
    journal = journal_with([activity(tolerance=1)], [])
    logs(journal, ["too-much", "too-much"], amount=1)
    found = review_of(journal)
    assert found.suggestion == "keep" and "smallest" in found.reason


def test_review_never_suggests_more_during_a_flare_up() -> None:
    journal = journal_with([activity()], [])
    logs(journal, ["ok", "ok", "ok"])
    journal.flareups.append(FlareUp(started=DAY - timedelta(days=1)))
    found = review_of(journal)
    assert found.suggestion == "keep" and "flare-up" in found.reason


def test_accept_records_a_tolerance_change_and_restarts_the_review() -> None:
    journal = journal_with([activity(tolerance=15)], [])
    logs(journal, ["ok", "ok", "ok"])
    found, change = accept_review(journal, "vacuuming", DAY)
    assert found.suggestion == "more"
    act = journal.pacing.activities[0]
    assert act.tolerance == 16 and act.changes == [change]
    assert (change.from_tolerance, change.to_tolerance, change.date) == (15, 16, DAY)
    with pytest.raises(Refused, match="no change to accept"):
        accept_review(journal, "vacuuming", DAY)
    assert act.tolerance == 16


@settings(max_examples=150)
@given(
    st.lists(st.sampled_from([None, "ok", "too-much", "too-little"]), max_size=8),
    st.integers(min_value=1, max_value=60),
    st.integers(min_value=2, max_value=10),
)
def test_review_suggestions_are_one_small_step(
    felts: list[str | None], tolerance: int, days: int
) -> None:
    journal = journal_with([activity(tolerance=tolerance)], [])
    logs(journal, felts, amount=tolerance)
    found = review_of(journal, days)
    recent = felts[-days:] if felts else []
    step = units.small_step(tolerance, 1)
    assert found.days_reviewed == len(recent)
    if found.suggestion in ("more", "longer"):
        assert found.suggested_tolerance == tolerance + step
        assert recent.count("too-much") < 2
    elif found.suggestion == "shorter":
        assert found.suggested_tolerance == tolerance - step >= 1
        assert recent.count("too-much") >= 1
    else:
        assert found.suggestion == "keep" and found.suggested_tolerance is None
    if recent.count("too-much") >= 2 and tolerance > 1:
        assert found.suggestion == "shorter"


def test_a_huge_stored_task_is_planned_without_building_every_spell() -> None:
    # a journal may hold the largest amount the model allows; the plan and today must not fail
    from backskills.models.base import AMOUNT_MAX

    journal = journal_with([activity(tolerance=1)], [task(1, AMOUNT_MAX)])
    plan = build_plan(journal, start=DAY, today=DAY, days=2)
    assert [s.amount for s in plan.days[0].spells] == [1, 1, 1]
    (carried,) = plan.unscheduled
    assert carried.amount == AMOUNT_MAX - 6  # three spells on each of the two days
    assert len(today_spells(journal, DAY)) == 3


def test_a_removed_tasks_number_is_never_given_again() -> None:
    journal = journal_with([activity()], [])
    first = add_task(
        journal,
        "a",
        activity_name="vacuuming",
        amount=30,
        priority="medium",
        deadline=None,
        today=DAY,
    )
    log_spell(journal, "vacuuming", 10, on=DAY, felt="ok", task_id=first.id, note=None)
    remove_task(journal, first.id)
    second = add_task(
        journal,
        "b",
        activity_name="vacuuming",
        amount=30,
        priority="medium",
        deadline=None,
        today=DAY,
    )
    assert second.id == 2  # the logged spell still says task 1, which was "a"


def test_review_after_a_change_today_names_the_change_not_a_future_day() -> None:
    journal = journal_with([activity(tolerance=15)], [])
    logs(journal, ["ok", "ok", "ok"])
    accept_review(journal, "vacuuming", DAY)
    found = review_of(journal)
    assert f"since the change on {DAY.isoformat()}" in found.reason
    assert (DAY + timedelta(days=1)).isoformat() not in found.reason


def test_review_without_a_pattern_says_what_each_day_was_in_plain_words() -> None:
    journal = journal_with([activity(tolerance=15)], [])
    logs(journal, ["ok", None, "too-little"])
    found = review_of(journal)
    assert found.suggestion == "keep"
    assert "of 3 days with spells, 1 went as planned" in found.reason
    assert "1 felt too little" in found.reason and "1 had no --felt answer" in found.reason
    assert "unrated" not in found.reason
