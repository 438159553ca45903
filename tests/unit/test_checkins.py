"""Check-ins in the domain: PSFS scoring, tests, comparison, thresholds and the schedule."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from backskills.domain import checkins
from backskills.domain.checkins import Answers
from backskills.domain.thresholds import THRESHOLDS, pain_change_is_meaningful, threshold
from backskills.errors import InvalidInput, NotFound, Refused
from backskills.models import Journal
from backskills.models.activity import PainScore

DAY1 = date(2026, 1, 5)
WEEK6 = DAY1 + timedelta(days=35)


def first(journal: Journal, **extra: object) -> checkins.CheckIn:
    answers = Answers(
        day=DAY1,
        pain_average=6,
        pain_worst=8,
        psfs=[("Putting on socks", 3), ("Lifting shopping", 2), ("Walking the dog", 4)],
        tests=[("sit-to-stand-1min", 11)],
    )
    for key, value in extra.items():
        setattr(answers, key, value)
    return checkins.record(journal, answers)


def later(journal: Journal, day: date = WEEK6, **extra: object) -> checkins.CheckIn:
    answers = Answers(
        day=day,
        pain_average=4,
        pain_worst=7,
        psfs=[("putting on socks", 6), ("Lifting shopping", 5), ("Walking the dog", 6)],
        tests=[("Sit-to-stand in 1 minute", 15)],
        change="a-little-better",
    )
    for key, value in extra.items():
        setattr(answers, key, value)
    return checkins.record(journal, answers)


# -- PSFS -----------------------------------------------------------------------------------


def test_psfs_with_three_items_is_their_mean() -> None:
    journal = Journal()
    check = first(journal)
    assert [i.activity for i in journal.outcomes.psfs_items] == [
        "Putting on socks",
        "Lifting shopping",
        "Walking the dog",
    ]
    assert checkins.psfs_mean(check) == 3.0
    assert checkins.summaries(journal)[0].psfs_mean == 3.0


def test_psfs_with_five_items_is_their_mean() -> None:
    journal = Journal()
    five = [("a", 0), ("b", 10), ("c", 3), ("d", 4), ("e", 6)]
    check = first(journal, psfs=five[:3], psfs_new=five[3:])
    assert len(check.psfs) == 5
    assert checkins.psfs_mean(check) == 4.6


@pytest.mark.parametrize("count", [2, 6])
def test_first_checkin_needs_three_to_five_items(count: int) -> None:
    journal = Journal()
    items = [(f"activity {n}", 5) for n in range(count)]
    with pytest.raises(InvalidInput, match="3 to 5 activities"):
        first(journal, psfs=items)
    assert journal == Journal()


def test_same_activity_twice_is_refused() -> None:
    with pytest.raises(InvalidInput, match="given twice"):
        first(Journal(), psfs=[("Socks", 1), ("socks", 2), ("Bending", 3)])


def test_later_checkin_rates_the_same_items_by_id() -> None:
    journal = Journal()
    one = first(journal)
    two = later(journal)
    assert [r.item for r in one.psfs] == [r.item for r in two.psfs] == [1, 2, 3]
    assert len(journal.outcomes.psfs_items) == 3


def test_an_item_that_does_not_exist_is_refused_and_nothing_changes() -> None:
    journal = Journal()
    first(journal)
    before = journal.model_copy(deep=True)
    with pytest.raises(NotFound, match="'Gardening' is not one of your PSFS activities"):
        later(journal, psfs=[*later_scores(), ("Gardening", 5)])
    assert journal == before


def later_scores() -> list[tuple[str, int]]:
    return [("Putting on socks", 6), ("Lifting shopping", 5), ("Walking the dog", 6)]


def test_every_active_item_needs_a_score() -> None:
    journal = Journal()
    first(journal)
    with pytest.raises(InvalidInput, match="'Walking the dog' needs a score"):
        later(journal, psfs=later_scores()[:2])


def test_retired_and_added_items_keep_the_history_comparable() -> None:
    journal = Journal()
    first(journal)
    two = later(
        journal,
        psfs=[("Putting on socks", 6), ("Walking the dog", 8)],
        psfs_retire=["Lifting shopping"],
        psfs_new=[("Gardening", 4)],
    )
    items = {i.activity: i for i in journal.outcomes.psfs_items}
    assert items["Lifting shopping"].retired == WEEK6
    assert items["Gardening"].added == WEEK6 and items["Gardening"].id == 4
    assert checkins.psfs_mean(two) == 6.0  # (6 + 8 + 4) / 3: the check-in's own score
    comparison = checkins.compare(journal)
    assert comparison is not None and comparison.psfs is not None
    # only the two activities rated both times: (3 + 4) / 2 -> (6 + 8) / 2
    assert (comparison.psfs.before, comparison.psfs.after) == (3.5, 7.0)
    assert [line.activity for line in comparison.psfs_items] == [
        "Putting on socks",
        "Walking the dog",
    ]
    assert {(n.name, n.why) for n in comparison.psfs_not_compared} == {
        ("Lifting shopping", "rated at check-in 1 only"),
        ("Gardening", "rated at check-in 2 only"),
    }
    # a retired activity cannot be rated, and comes back with its id through --psfs-new
    with pytest.raises(NotFound, match="was retired"):
        later(
            journal,
            day=WEEK6 + timedelta(days=28),
            psfs=[*later_scores()[::2], ("Gardening", 4), ("Lifting shopping", 5)],
        )
    three = later(
        journal,
        day=WEEK6 + timedelta(days=28),
        psfs=[("Putting on socks", 7), ("Walking the dog", 8), ("Gardening", 5)],
        psfs_new=[("lifting shopping", 6)],
    )
    assert items["Lifting shopping"].retired is None
    assert {r.item for r in three.psfs} == {1, 2, 3, 4}
    back = checkins.compare(journal, 1, 3)
    assert back is not None and back.psfs is not None
    assert back.psfs.before == 3.0  # items 1-3 rated at both check-ins 1 and 3


def test_no_more_than_five_active_items() -> None:
    journal = Journal()
    first(journal, psfs_new=[("d", 1), ("e", 1)])
    with pytest.raises(InvalidInput, match="up to 5"):
        later(
            journal,
            psfs=[*later_scores(), ("d", 2), ("e", 2)],
            psfs_new=[("f", 1)],
        )


# -- exercise tests -------------------------------------------------------------------------


def test_known_own_and_not_done_tests() -> None:
    journal = Journal()
    first(
        journal,
        tests=[("sit-to-stand-1min", 11), ("Stairs", 21.5)],
        tests_new=[("Stairs", "seconds", "lower")],
        not_done=[("balance", "dizzy this morning")],
    )
    tests = {t.name: t for t in journal.outcomes.tests}
    assert tests["Sit-to-stand in 1 minute"].known == "sit-to-stand-1min"
    assert (tests["Stairs"].unit, tests["Stairs"].better) == ("seconds", "lower")
    assert tests["Balance on one leg"].better == "higher"
    later(journal, tests=[("sit-to-stand-1min", 15), ("stairs", 18), ("Balance on one leg", 12)])
    comparison = checkins.compare(journal)
    assert comparison is not None
    lines = {line.name: line for line in comparison.tests}
    assert lines["Stairs"].change == -3.5 and lines["Stairs"].direction == "better"
    assert lines["Stairs"].percent == -16.3
    assert lines["Sit-to-stand in 1 minute"].direction == "better"
    assert lines["Sit-to-stand in 1 minute"].percent == 36.4
    assert [(n.name, n.why) for n in comparison.tests_not_compared] == [
        ("Balance on one leg", "not done at check-in 1")
    ]


def test_every_test_needs_a_result_or_a_reason() -> None:
    journal = Journal()
    first(journal, tests=[("sit-to-stand-1min", 11), ("balance", 20)])
    with pytest.raises(InvalidInput, match="'Balance on one leg' needs a result"):
        later(journal)


def test_an_unknown_test_is_refused_with_the_way_to_define_it() -> None:
    with pytest.raises(NotFound) as caught:
        first(Journal(), tests=[("stairs", 12)])
    assert caught.value.hint is not None and "--test-new" in caught.value.hint


def test_at_most_three_tests() -> None:
    four = [("sit-to-stand-1min", 1), ("sit-to-stand-5", 9), ("walk-10m", 8), ("balance", 5)]
    with pytest.raises(InvalidInput, match="keep to 3"):
        first(Journal(), tests=four)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("stairs", "needs a unit"),
        ("stairs=", "needs a unit"),
        ("stairs=,lower", "needs a unit"),
        ("stairs=seconds", "higher or a lower"),
        ("stairs=seconds,faster", "higher or a lower"),
    ],
)
def test_an_own_test_needs_a_unit_and_a_direction(raw: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        checkins.test_definition(raw)


def test_own_test_definition() -> None:
    assert checkins.test_definition("Stairs = flights , Higher") == ("Stairs", "flights", "higher")


# -- pain, change and order -----------------------------------------------------------------


def test_change_is_refused_at_the_first_and_needed_later() -> None:
    journal = Journal()
    with pytest.raises(InvalidInput, match="nothing to compare"):
        first(journal, change="better")
    first(journal)
    with pytest.raises(InvalidInput, match="--change"):
        later(journal, change=None)


def test_worst_pain_below_average_is_refused() -> None:
    with pytest.raises(InvalidInput, match="lower than your average"):
        first(Journal(), pain_average=5, pain_worst=3)


def test_checkins_go_in_date_order() -> None:
    journal = Journal()
    first(journal)
    with pytest.raises(Refused, match="must come after it"):
        later(journal, day=DAY1)


def test_change_choice_spellings() -> None:
    assert checkins.change_choice("A little better") == "a-little-better"
    assert checkins.change_choice("7") == "much-worse"
    with pytest.raises(InvalidInput, match="--change"):
        checkins.change_choice("fine")


# -- thresholds and readings ------------------------------------------------------------------


def test_thresholds_table_has_one_rule_per_measure_with_sources() -> None:
    keys = [t.key for t in THRESHOLDS]
    assert len(keys) == len(set(keys))
    assert threshold("psfs_mean").points == 2 and "Stratford" in threshold("psfs_mean").sources[0]
    assert (threshold("pain").points, threshold("pain").percent) == (2, 30)
    for rule in THRESHOLDS:
        if rule.points is not None or rule.percent is not None:
            assert rule.sources


@pytest.mark.parametrize(
    ("before", "after", "meaningful"),
    [
        (3.6, 5.6, True),  # 1.9999999999999996 in floating point: still 2 points
        (3.0, 4.9, False),
        (6.0, 4.0, True),
        (2.0, 0.0, True),
    ],
)
def test_psfs_mean_threshold(before: float, after: float, meaningful: bool) -> None:
    assert threshold("psfs_mean").is_meaningful(before, after) is meaningful


@pytest.mark.parametrize(
    ("before", "after", "meaningful"),
    [
        (8, 6, True),  # 2 points
        (7, 6, False),  # 1 point, 14%
        (3, 2, True),  # 1 point but 33%
        (10, 8, True),
        (0, 1, False),  # no percentage from 0
        (4, 5, False),  # 25%
        (4, 6, True),  # worse, and meaningful
    ],
)
def test_pain_threshold_two_points_or_thirty_percent(
    before: int, after: int, meaningful: bool
) -> None:
    assert pain_change_is_meaningful(before, after) is meaningful


def test_readings_say_what_the_measure_can_show() -> None:
    journal = Journal()
    first(journal)
    later(journal, pain_average=5, pain_worst=8, psfs=[("Putting on socks", 4),
          ("Lifting shopping", 3), ("Walking the dog", 5)])  # fmt: skip
    comparison = checkins.compare(journal)
    assert comparison is not None and comparison.psfs is not None
    assert comparison.pain_average.direction == "better"
    assert not comparison.pain_average.meaningful
    assert "smaller than a meaningful change" in comparison.pain_average.reading
    assert "stayed at 8" in comparison.pain_worst.reading
    assert comparison.psfs.change == 1.0 and not comparison.psfs.meaningful
    assert "may be ordinary ups and downs" in comparison.psfs.reading
    document = comparison.to_json()
    assert document["psfs"]["threshold"] == "psfs_mean"
    assert document["change"] == "a-little-better"


def test_a_worse_pain_is_read_as_worse() -> None:
    journal = Journal()
    first(journal)
    later(journal, pain_average=8, pain_worst=9)
    comparison = checkins.compare(journal)
    assert comparison is not None
    assert comparison.pain_average.direction == "worse" and comparison.pain_average.meaningful
    assert "for the worse" in comparison.pain_average.reading
    assert comparison.advice is not None and "backskills redflags" in comparison.advice


@pytest.mark.parametrize(
    ("change", "pain_average", "advice"),
    [
        ("a-little-worse", 6, True),  # the patient's own view is enough
        ("same", 6, False),
        ("better", 4, False),
        ("better", 9, True),  # pain 6 -> 9 is meaningfully worse, whatever was said
    ],
)
def test_advice_to_tell_a_professional_when_things_look_worse(
    change: str, pain_average: int, advice: bool
) -> None:
    journal = Journal()
    first(journal)
    later(journal, change=change, pain_average=pain_average, pain_worst=9)
    comparison = checkins.compare(journal)
    assert comparison is not None
    assert (comparison.advice is not None) is advice


def test_compare_needs_two_and_real_numbers() -> None:
    journal = Journal()
    assert checkins.compare(journal) is None
    first(journal)
    assert checkins.compare(journal) is None
    later(journal)
    with pytest.raises(NotFound, match="no check-in 3"):
        checkins.compare(journal, 1, 3)
    with pytest.raises(InvalidInput, match="two different"):
        checkins.compare(journal, 2, 2)
    swapped = checkins.compare(journal, 2, 1)
    assert swapped is not None and (swapped.before.number, swapped.after.number) == (1, 2)


# -- the schedule ---------------------------------------------------------------------------


def test_first_checkin_is_due_in_the_first_week_of_use() -> None:
    journal = Journal(pain=[PainScore(date=DAY1 + timedelta(days=2), score=4)])
    plan = checkins.schedule(journal, DAY1 + timedelta(days=2))
    assert plan.start == DAY1 + timedelta(days=2) and plan.start_kind == "first_use"
    assert plan.next_due == plan.start and plan.due and plan.next_week == 1
    assert checkins.reminder(journal, DAY1 + timedelta(days=2)) is not None


def test_nothing_is_due_on_an_empty_journal() -> None:
    assert checkins.reminder(Journal(), DAY1) is None
    assert checkins.schedule(Journal(), DAY1).next_due is None


def test_class_start_moves_the_first_checkin() -> None:
    journal = Journal(pain=[PainScore(date=DAY1, score=4)])
    checkins.set_class_start(journal, DAY1 + timedelta(days=14))
    assert checkins.reminder(journal, DAY1 + timedelta(days=13)) is None
    due = checkins.reminder(journal, DAY1 + timedelta(days=14))
    assert due is not None and due.number == 1 and due.week == 1


def test_week_six_then_every_four_weeks() -> None:
    journal = Journal()
    first(journal)
    plan = checkins.schedule(journal, DAY1)
    assert plan.next_due == DAY1 + timedelta(days=35) and plan.next_week == 6
    assert checkins.reminder(journal, DAY1 + timedelta(days=34)) is None
    later(journal, day=DAY1 + timedelta(days=37))  # two days late
    plan = checkins.schedule(journal, DAY1 + timedelta(days=37))
    assert plan.next_due == DAY1 + timedelta(days=37 + 28)
    assert not plan.due


def test_the_reminder_is_one_however_many_were_missed() -> None:
    journal = Journal()
    first(journal)
    long_after = DAY1 + timedelta(days=200)
    due = checkins.reminder(journal, long_after)
    assert due is not None
    assert (due.number, due.due_since, due.days_overdue) == (2, WEEK6, 165)


def test_suggestions_come_from_goals_and_activities() -> None:
    from backskills.models.activity import Activity

    journal = Journal(
        activities=[
            Activity(name="walking", unit="minutes", resolution=1, created=DAY1),
            Activity(name="Walking", unit="minutes", resolution=1, created=DAY1),
        ]
    )
    assert checkins.suggestions(journal) == ["walking"]


def test_first_use_is_the_earliest_first_entry_of_any_kind() -> None:
    from backskills.models.activity import Activity

    journal = Journal(
        activities=[Activity(name="walking", unit="minutes", resolution=1, created=WEEK6)],
        pain=[PainScore(date=DAY1 + timedelta(days=3), score=4), PainScore(date=WEEK6, score=2)],
    )
    assert checkins.first_use(journal) == DAY1 + timedelta(days=3)
    assert checkins.schedule(journal, WEEK6).start_kind == "first_use"


def test_without_a_class_date_weeks_count_from_the_first_checkin() -> None:
    journal = Journal(pain=[PainScore(date=DAY1 - timedelta(days=20), score=4)])
    first(journal)  # done three weeks after starting to use backskills
    later(journal)
    assert [s.week for s in checkins.summaries(journal)] == [1, 6]
    plan = checkins.schedule(journal, WEEK6)
    assert plan.start == DAY1 and plan.start_kind == "first_checkin"


def test_removing_a_checkin_undoes_what_it_did_to_the_lists() -> None:
    journal = Journal()
    first(journal)
    two = later(
        journal,
        psfs=[("Putting on socks", 6), ("Walking the dog", 8)],
        psfs_retire=["Lifting shopping"],
        psfs_new=[("Gardening", 4)],
        tests=[("sit-to-stand-1min", 15), ("Stairs", 20)],
        tests_new=[("Stairs", "seconds", "lower")],
    )
    journal.outcomes.checkins.remove(two)
    lines = checkins.after_removal(journal, two)
    assert [i.activity for i in checkins.active_items(journal)] == [
        "Putting on socks",
        "Lifting shopping",
        "Walking the dog",
    ]
    assert [t.name for t in journal.outcomes.tests] == ["Sit-to-stand in 1 minute"]
    assert "'Gardening' leaves your PSFS list (it was rated only then)." in lines
    later(journal)  # the same three activities and one test as at the first check-in


def test_a_moved_checkin_takes_its_list_changes_along_and_keeps_its_place() -> None:
    journal = Journal()
    one = first(journal)
    later(journal, psfs=later_scores()[:2], psfs_retire=["Walking the dog"])
    with pytest.raises(Refused, match="date order"):
        checkins.check_move(journal, one, WEEK6)
    checkins.check_move(journal, one, DAY1 + timedelta(days=1))
    checkins.moved(journal, WEEK6, WEEK6 - timedelta(days=1))
    items = {i.activity: i for i in journal.outcomes.psfs_items}
    assert items["Walking the dog"].retired == WEEK6 - timedelta(days=1)


def test_tests_caution_during_a_flareup() -> None:
    from backskills.models.safety import FlareUp

    journal = Journal()
    assert checkins.tests_caution(journal) is None
    journal.flareups.append(FlareUp(started=DAY1))
    caution = checkins.tests_caution(journal)
    assert caution is not None and "flare-up" in caution
