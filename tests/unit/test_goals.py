from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backskills.domain.goals.advice import Advice, deadline_advice, title_advice
from backskills.domain.goals.editing import add_goal, edit_goal
from backskills.domain.goals.ending import complete_goal, drop_goal
from backskills.domain.goals.finding import get_goal
from backskills.domain.goals.plan_tie import tied_level
from backskills.domain.goals.review import record_review, review_facts
from backskills.domain.goals.smart import (
    FURTHEST_DAYS,
    TARGET_MAX,
    GoalDraft,
    add_months,
    check_target,
    missing_parts,
    require_complete,
    resolve_deadline,
)
from backskills.domain.goals.steps import add_step, next_open_step, set_step_done
from backskills.domain.goals.today_view import today_section
from backskills.domain.validate import parse_category, parse_review_choice, parse_title, parse_unit
from backskills.errors import InvalidInput, NotFound, Refused
from backskills.models import Journal
from backskills.render.goals import change_json, goal_json

TODAY = date(2026, 3, 1)


def draft(**changes: object) -> GoalDraft:
    values: dict[str, object] = {
        "title": "walk to the shop and back",
        "target": 0.5,
        "unit": "miles",
        "why": "it gets me to the shop",
        "reward": "a coffee on the way home",
        "deadline": TODAY + timedelta(days=60),
    }
    values.update(changes)
    return GoalDraft(**values)  # type: ignore[arg-type]


def codes(advice: list[Advice]) -> list[str]:
    return [item.code for item in advice]


# -- input checks ---------------------------------------------------------------------


def test_parse_title_tidies_spaces_and_refuses_bad_text() -> None:
    assert parse_title("  walk   to the  shop ") == "walk to the shop"
    with pytest.raises(InvalidInput, match="cannot be empty"):
        parse_title("   ")
    with pytest.raises(InvalidInput, match="keep it to 200"):
        parse_title("x" * 201)
    with pytest.raises(InvalidInput, match="control characters"):
        parse_title("walk\x1b[31m red")


def test_categories_and_review_choices() -> None:
    assert parse_category(" Work ") == "work"
    with pytest.raises(InvalidInput) as caught:
        parse_category("gardening")
    assert caught.value.field == "--category"
    assert parse_review_choice("move-deadline") == "move_deadline"
    assert parse_review_choice("smaller_steps") == "smaller_steps"
    with pytest.raises(InvalidInput, match="keep-going"):
        parse_review_choice("give-up")


def test_unit_is_normalised() -> None:
    assert parse_unit("Mins") == "minutes"
    assert parse_unit("mile") == "miles"
    with pytest.raises(InvalidInput):
        parse_unit("  ")


def test_deadline_must_be_after_today() -> None:
    with pytest.raises(InvalidInput, match="after today") as caught:
        resolve_deadline(TODAY, None, TODAY)
    assert caught.value.field == "--by"
    with pytest.raises(InvalidInput, match="3 day"):
        resolve_deadline(TODAY - timedelta(days=3), None, TODAY)
    assert resolve_deadline(TODAY + timedelta(days=1), None, TODAY) == date(2026, 3, 2)


def test_deadline_and_target_have_a_sensible_limit() -> None:
    furthest = TODAY + timedelta(days=FURTHEST_DAYS)
    assert resolve_deadline(furthest, None, TODAY) == furthest
    with pytest.raises(InvalidInput, match="ten years"):
        resolve_deadline(furthest + timedelta(days=1), None, TODAY)
    with pytest.raises(InvalidInput, match="ten years") as caught:
        resolve_deadline(None, 10**12, TODAY)  # no OverflowError from the date sum
    assert caught.value.field == "--within"
    assert check_target(TARGET_MAX) == TARGET_MAX
    with pytest.raises(InvalidInput, match="more than 1,000,000"):
        add_goal(Journal(), draft(target=TARGET_MAX * 2), TODAY)


def test_within_counts_days_from_today_and_not_with_by() -> None:
    assert resolve_deadline(None, 56, TODAY) == date(2026, 4, 26)
    assert resolve_deadline(None, None, TODAY) is None
    with pytest.raises(InvalidInput, match="not both"):
        resolve_deadline(TODAY + timedelta(days=9), 9, TODAY)


def test_missing_parts_names_each_letter_and_option() -> None:
    empty = GoalDraft()
    assert [p.letter for p in missing_parts(empty)] == ["S", "M", "A", "R", "T"]
    with pytest.raises(InvalidInput) as caught:
        require_complete(empty)
    message = caught.value.message
    for needed in (
        "S (Specific): TITLE",
        "M (Measurable): --target N --unit U",
        "A (Applicable): --why",
        "R (Rewarding): --reward",
        "T (Timed): --by DATE or --within",
    ):
        assert needed in message
    with pytest.raises(InvalidInput) as caught:
        require_complete(draft(unit=None, reward=None))
    assert "M (Measurable): --unit U" in caught.value.message
    assert "R (Rewarding)" in caught.value.message
    assert "S (" not in caught.value.message and "T (" not in caught.value.message
    require_complete(draft())


# -- advice ---------------------------------------------------------------------------


def test_far_and_near_deadlines_warn_with_a_suggestion() -> None:
    far = deadline_advice(date(2026, 9, 2), TODAY)
    assert codes(far) == ["deadline_far"] and far[0].level == "warning"
    assert "stepping stone" in far[0].suggestion
    assert deadline_advice(date(2026, 9, 1), TODAY) == []  # exactly six months
    near = deadline_advice(TODAY + timedelta(days=13), TODAY)
    assert codes(near) == ["deadline_near"] and "--within" in near[0].suggestion
    assert deadline_advice(TODAY + timedelta(days=14), TODAY) == []


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)),
    st.integers(min_value=1, max_value=400),
)
def test_deadline_advice_matches_the_thresholds(today: date, days: int) -> None:
    deadline = today + timedelta(days=days)
    found = codes(deadline_advice(deadline, today))
    assert ("deadline_near" in found) == (days < 14)
    assert ("deadline_far" in found) == (deadline > add_months(today, 6))
    assert len(found) <= 1


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)), st.integers(0, 30))
def test_add_months_keeps_the_day_or_clamps_it(day: date, months: int) -> None:
    later = add_months(day, months)
    assert (later.year - day.year) * 12 + later.month - day.month == months
    assert later.day == day.day or (later.day < day.day and (later + timedelta(days=1)).day == 1)


def test_vague_title_and_missing_target_earn_a_hint() -> None:
    short = title_advice("get fitter", 10)
    assert codes(short) == ["vague_title"] and short[0].level == "hint"
    assert codes(title_advice("swim - ten", 10)) == ["vague_title"]  # '-' is not a word
    assert codes(title_advice("swim ten lengths", None)) == ["no_target"]
    assert title_advice("swim ten lengths at the pool", 10) == []


def test_fourth_active_goal_is_added_with_a_warning() -> None:
    journal = Journal()
    for n in range(3):
        change = add_goal(journal, draft(title=f"goal number {n} here"), TODAY)
        assert "many_goals" not in codes(change.advice)
    change = add_goal(journal, draft(title="a fourth goal here"), TODAY)
    assert "many_goals" in codes(change.advice)
    assert "4 active goals" in change.advice[-1].message
    assert len(journal.goals) == 4


def test_dropped_goals_do_not_count_towards_the_warning() -> None:
    journal = Journal()
    for _ in range(3):
        add_goal(journal, draft(), TODAY)
    drop_goal(journal, 2, TODAY)
    assert "many_goals" not in codes(add_goal(journal, draft(), TODAY).advice)


# -- add and edit ---------------------------------------------------------------------


def test_add_stores_every_part_and_ids_are_never_reused() -> None:
    journal = Journal()
    first = add_goal(
        journal, draft(activity="walking", times_per_week=2, steps=["a", "b"]), TODAY
    ).goal
    assert first.id == 1 and first.category == "fitness"  # tied to an activity
    assert [s.text for s in first.steps] == ["a", "b"]
    second = add_goal(journal, draft(category="leisure"), TODAY).goal
    assert second.id == 2 and second.category == "leisure"
    drop_goal(journal, 2, TODAY)
    assert add_goal(journal, draft(), TODAY).goal.id == 3
    assert get_goal(journal, 1) is first


def test_add_refuses_past_deadline_and_half_a_measure() -> None:
    journal = Journal()
    with pytest.raises(InvalidInput):
        add_goal(journal, draft(deadline=TODAY), TODAY)
    with pytest.raises(InvalidInput, match="--target"):
        add_goal(journal, draft(target=None), TODAY)
    assert journal.goals == []


def test_edit_changes_only_what_is_given() -> None:
    journal = Journal()
    add_goal(journal, draft(steps=["first"]), TODAY)
    change = edit_goal(journal, 1, GoalDraft(reward="new shoes", steps=["second"]), TODAY)
    assert change.goal.reward == "new shoes"
    assert change.goal.why == "it gets me to the shop"
    assert [s.text for s in change.goal.steps] == ["first", "second"]
    assert change.added_steps == [2]
    assert change.advice == []
    moved = edit_goal(journal, 1, GoalDraft(deadline=TODAY + timedelta(days=5)), TODAY)
    assert codes(moved.advice) == ["deadline_near"]
    assert journal.goals[0].deadline == TODAY + timedelta(days=5)
    vague = edit_goal(journal, 1, GoalDraft(title="walk"), TODAY)
    assert codes(vague.advice) == ["vague_title"]


def test_edit_refuses_a_finished_goal_and_a_past_deadline() -> None:
    journal = Journal()
    add_goal(journal, draft(), TODAY)
    with pytest.raises(InvalidInput):
        edit_goal(journal, 1, GoalDraft(deadline=TODAY), TODAY)
    complete_goal(journal, 1, TODAY)
    with pytest.raises(Refused, match="already achieved"):
        edit_goal(journal, 1, GoalDraft(why="x"), TODAY)


def test_unknown_goal_names_the_known_ones() -> None:
    journal = Journal()
    with pytest.raises(NotFound) as caught:
        get_goal(journal, 4)
    assert "goal add" in (caught.value.hint or "")
    add_goal(journal, draft(), TODAY)
    with pytest.raises(NotFound) as caught:
        get_goal(journal, 4)
    assert "numbered 1" in (caught.value.hint or "")


# -- steps, done, drop ----------------------------------------------------------------


def test_steps_tick_off_and_undo() -> None:
    journal = Journal()
    add_goal(journal, draft(), TODAY)
    with pytest.raises(InvalidInput, match="no steps yet"):
        set_step_done(journal, 1, 1, True, TODAY)
    goal, n = add_step(journal, 1, "walk to the post box")
    assert n == 1
    add_step(journal, 1, "walk to the corner shop")
    assert next_open_step(goal) == (1, "walk to the post box")
    set_step_done(journal, 1, 1, True, TODAY)
    assert goal.steps[0].done and goal.steps[0].done_on == TODAY
    assert next_open_step(goal) == (2, "walk to the corner shop")
    with pytest.raises(Refused, match="already ticked off"):
        set_step_done(journal, 1, 1, True, TODAY)
    with pytest.raises(InvalidInput, match="steps 1 to 2"):
        set_step_done(journal, 1, 3, True, TODAY)
    set_step_done(journal, 1, 1, False, TODAY)
    assert not goal.steps[0].done and goal.steps[0].done_on is None
    with pytest.raises(Refused, match=r"^step 1 of goal 1 is not ticked off, so there is nothing"):
        set_step_done(journal, 1, 1, False, TODAY)


def test_done_suggests_what_next_and_drop_ends_the_goal() -> None:
    journal = Journal()
    add_goal(journal, draft(category="fitness", steps=["one"]), TODAY)
    add_goal(journal, draft(category="work"), TODAY)
    finished = complete_goal(journal, 1, TODAY)
    assert finished.goal.status == "achieved" and finished.goal.ended == TODAY
    assert finished.open_steps == 1
    ideas = " ".join(finished.next_ideas)
    assert "0.5 miles" in ideas  # build on the achieved target
    assert "fitness or leisure" in ideas  # categories with no active goal
    assert "1 active goal" in ideas
    with pytest.raises(Refused):
        complete_goal(journal, 1, TODAY)
    dropped = drop_goal(journal, 2, TODAY)
    assert dropped.status == "dropped"
    with pytest.raises(Refused):
        drop_goal(journal, 2, TODAY)


# -- review ---------------------------------------------------------------------------


def test_review_facts_and_choices() -> None:
    journal = Journal()
    add_goal(journal, draft(deadline=TODAY + timedelta(days=20), steps=["a", "b"]), TODAY)
    later = TODAY + timedelta(days=25)
    set_step_done(journal, 1, 1, True, later)
    facts = review_facts(journal, 1, later)
    assert facts.overdue and facts.days_left == -5
    assert (facts.steps_done, facts.steps_total) == (1, 2)
    with pytest.raises(InvalidInput, match="needs the new date"):
        record_review(journal, 1, "move_deadline", later)
    with pytest.raises(InvalidInput, match="after today"):
        record_review(journal, 1, "move_deadline", later, new_deadline=later)
    with pytest.raises(InvalidInput, match="only with --choice move-deadline"):
        record_review(journal, 1, "keep_going", later, new_deadline=later + timedelta(30))
    with pytest.raises(InvalidInput, match="only with --choice smaller-steps"):
        record_review(journal, 1, "keep_going", later, steps=["c"])
    assert journal.goals[0].reviews == []
    moved = record_review(
        journal, 1, "move_deadline", later, new_deadline=later + timedelta(days=5), note="flu"
    )
    assert moved.goal.deadline == later + timedelta(days=5)
    assert codes(moved.advice) == ["deadline_near"]
    smaller = record_review(journal, 1, "smaller_steps", later, steps=["c", "d"])
    assert smaller.added_steps == [3, 4]
    record_review(journal, 1, "redo_baseline", later)
    reviews = journal.goals[0].reviews
    assert [r.choice for r in reviews] == ["move_deadline", "smaller_steps", "redo_baseline"]
    assert reviews[0].what_happened == "flu" and reviews[0].new_deadline is not None


# -- views ----------------------------------------------------------------------------


def test_goal_json_has_the_agreed_shape() -> None:
    journal = Journal()
    goal = add_goal(journal, draft(steps=["a"]), TODAY).goal
    document = goal_json(goal, TODAY)
    required = {
        "id", "title", "category", "target", "unit", "times_per_week", "activity",
        "why", "reward", "deadline", "status", "steps", "created",
    }  # fmt: skip
    assert required <= set(document)
    assert document["steps"] == [{"n": 1, "text": "a", "done": False}]
    assert document["deadline"] == "2026-04-30" and document["days_left"] == 60
    assert document["times_per_week"] is None and document["activity"] is None


def test_today_section_lists_active_goals_nearest_first() -> None:
    journal = Journal()
    add_goal(journal, draft(title="later goal here", steps=["x"]), TODAY)
    add_goal(journal, draft(title="sooner goal here", deadline=TODAY + timedelta(20)), TODAY)
    add_goal(journal, draft(title="dropped goal here"), TODAY)
    drop_goal(journal, 3, TODAY)
    section = today_section(journal, TODAY)
    assert [item.id for item in section] == [2, 1]
    assert section[0].days_left == 20 and section[0].next_step is None
    assert section[1].next_step == (1, "x")
    assert section[1].to_json()["next_step"] == {"n": 1, "text": "x"}
    set_step_done(journal, 1, 1, True, TODAY)
    assert today_section(journal, TODAY)[1].next_step is None


# -- the tie to the progression plan --------------------------------------------------


def with_baseline(amounts: tuple[float, ...] = (10, 12, 11), name: str = "walking") -> Journal:
    from backskills.domain.baseline import log_day

    journal = Journal()
    for offset, amount in enumerate(amounts):
        log_day(journal, name, amount, today=TODAY - timedelta(days=3 - offset))
    return journal


def tied(target: float, days: int = 56, **changes: object) -> GoalDraft:
    values: dict[str, object] = {
        "activity": "walking",
        "unit": "minutes",
        "target": target,
        "deadline": TODAY + timedelta(days=days),
    }
    values.update(changes)
    return draft(**values)


def test_tie_with_a_baseline_makes_a_feasible_plan() -> None:
    journal = with_baseline()  # average 11, start 8 minutes
    change = add_goal(journal, tied(16), TODAY)
    assert change.tie is not None and change.tie.plan is not None
    plan = change.tie.plan
    assert plan.start == 8 and plan.target == 16
    assert plan.feasible is True and plan.reaches_target_on <= change.goal.deadline
    activity = journal.activities[0]
    assert activity.plan is not None
    assert activity.plan.goal_id == change.goal.id and activity.plan.deadline == TODAY + timedelta(
        56
    )
    assert tied_level(journal, change.goal, TODAY) == 8
    assert change_json(change.goal, TODAY, advice=[], tie=change.tie)["plan"]["feasible"]


def test_tie_reports_an_unrealistic_deadline_with_alternatives() -> None:
    journal = with_baseline()
    change = add_goal(journal, tied(20), TODAY)
    assert change.tie is not None and change.tie.plan is not None
    plan = change.tie.plan
    assert plan.feasible is False
    assert plan.reaches_target_on > change.goal.deadline
    assert plan.reachable_by_deadline_level is not None
    assert 8 <= plan.reachable_by_deadline_level < 20
    # the goal is still stored: the patient chooses what to change
    assert journal.goals == [change.goal]
    # taking the first honest choice makes the plan realistic
    later = edit_goal(journal, 1, GoalDraft(deadline=plan.reaches_target_on), TODAY)
    assert later.tie is not None and later.tie.plan is not None and later.tie.plan.feasible
    # ... and so does the second
    nearer = edit_goal(
        journal,
        1,
        GoalDraft(target=plan.reachable_by_deadline_level, deadline=change.goal.deadline),
        TODAY,
    )
    assert nearer.tie is not None and nearer.tie.plan is not None and nearer.tie.plan.feasible


def test_tie_without_a_baseline_names_the_command() -> None:
    journal = Journal()
    change = add_goal(journal, tied(20, activity="garden work"), TODAY)
    assert change.tie is not None and change.tie.plan is None
    assert change.tie.baseline_command == "backskills baseline log 'garden work' AMOUNT"
    assert change.tie.retie_command == "backskills goal edit 1 --activity 'garden work'"
    # the activity now exists in the goal's unit, so the baseline counts the same thing
    assert [(a.name, a.unit) for a in journal.activities] == [("garden work", "minutes")]
    partial = with_baseline((10,))
    change = add_goal(partial, tied(20), TODAY)
    assert change.tie is not None and change.tie.plan is None and change.tie.baseline_days == 1


def test_tie_refused_while_a_red_flag_is_open() -> None:
    from backskills.models.safety import RedFlagCheck

    journal = with_baseline()
    journal.redflag_checks.append(RedFlagCheck(checked_on=TODAY, outcome="urgent"))
    with pytest.raises(Refused, match="red-flag"):
        add_goal(journal, tied(16), TODAY)
    # no exercise is started without a baseline, so such a goal is not blocked
    other = add_goal(Journal(redflag_checks=journal.redflag_checks), tied(16), TODAY)
    assert other.tie is not None and other.tie.plan is None


def test_tie_refuses_a_unit_the_activity_does_not_use() -> None:
    journal = with_baseline()
    with pytest.raises(InvalidInput, match="measured in minutes") as caught:
        add_goal(journal, tied(1, unit="miles"), TODAY)
    assert caught.value.field == "--unit"
    assert journal.goals == []
    add_goal(journal, tied(16), TODAY)
    with pytest.raises(InvalidInput, match="measured in minutes"):
        edit_goal(journal, 1, GoalDraft(unit="miles", target=1), TODAY)


def test_a_second_goal_on_the_same_activity_says_it_replaces_the_plan() -> None:
    journal = with_baseline()
    add_goal(journal, tied(16), TODAY)
    second = add_goal(journal, tied(18, days=120), TODAY)
    assert second.tie is not None and second.tie.replaced_goal == 1
    assert journal.activities[0].plan is not None and journal.activities[0].plan.goal_id == 2


def test_moving_the_deadline_in_a_review_moves_the_plan() -> None:
    journal = with_baseline()
    add_goal(journal, tied(20), TODAY)
    new = TODAY + timedelta(days=120)
    outcome = record_review(journal, 1, "move_deadline", TODAY, new_deadline=new)
    assert outcome.tie is not None and outcome.tie.plan is not None
    assert outcome.tie.plan.deadline == new and outcome.tie.plan.feasible is True
    kept = record_review(journal, 1, "keep_going", TODAY)
    assert kept.tie is None
