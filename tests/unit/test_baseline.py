from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backskills.domain import baseline as bl
from backskills.domain import units
from backskills.errors import InvalidInput, NotFound, Refused
from backskills.models import Journal
from tests.shapes import BASELINE_KEYS

TODAY = date(2026, 3, 1)
D1, D2, D3 = (TODAY - timedelta(days=2), TODAY - timedelta(days=1), TODAY)


def test_suggestions_worked_examples() -> None:
    assert bl.suggest_next(9, "hard", 1) == 8  # 10% of 9 rounds to 0: at least one step
    assert bl.suggest_next(10, "easy", 1) == 11
    assert bl.suggest_next(10, "ok", 1) == 10
    assert bl.suggest_next(10, None, 1) == 10
    assert bl.suggest_next(50, "easy", 1) == 55
    assert bl.suggest_next(1000, "hard", 100) == 900
    assert bl.suggest_next(1, "hard", 1) == 1  # never below one step
    assert bl.suggest_next(0.5, "easy", 0.1) == 0.6


def test_average_ten_starts_at_eight() -> None:
    assert bl.starting_level(30, 0.8, 1) == 8
    assert bl.starting_level(30, 0.5, 1) == 5
    assert bl.starting_level(3, 0.8, 1) == 1  # at least one step
    assert bl.starting_level(1, 0.8, 1) is None  # average below one step: nothing to round


@given(
    amounts=st.lists(
        st.floats(min_value=0, max_value=100000, allow_nan=False), min_size=3, max_size=3
    ),
    factor=st.floats(min_value=0.5, max_value=0.95),
    resolution=st.sampled_from([1.0, 5.0, 10.0, 100.0, 0.1]),
)
def test_start_is_never_above_the_average(
    amounts: list[float], factor: float, resolution: float
) -> None:
    total = sum(amounts)
    start = bl.starting_level(total, factor, resolution)
    average = total / 3
    if start is None:
        assert average < resolution
    else:
        assert start <= average + units.EPSILON
        assert start >= resolution - units.EPSILON
        steps = start / resolution
        assert abs(steps - round(steps)) < 1e-6  # a whole number of resolution steps


@given(
    amount=st.floats(min_value=1, max_value=100000, allow_nan=False),
    resolution=st.sampled_from([1.0, 5.0, 0.1]),
)
def test_suggestions_move_by_a_little(amount: float, resolution: float) -> None:
    more = bl.suggest_next(amount, "easy", resolution)
    assert amount < more <= amount + amount * 0.1 + resolution + units.EPSILON
    less = bl.suggest_next(amount, "hard", resolution)
    assert less <= amount and less >= min(amount, resolution)


def three_days(journal: Journal) -> bl.BaselineResult:
    bl.log_day(journal, "walking", 9, today=TODAY, day=D1, felt="hard")
    bl.log_day(journal, "walking", 12, today=TODAY, day=D2, felt="ok")
    return bl.log_day(journal, "walking", 9, today=TODAY, day=D3)


def test_three_days_give_total_average_and_start() -> None:
    journal = Journal()
    first = bl.log_day(journal, "walking", 9, today=TODAY, day=D1, felt="hard")
    assert first.summary.next_suggestion == 8 and not first.summary.complete
    assert "felt hard" in first.summary.explanation[0]
    result = three_days(journal)
    summary = result.summary
    assert (summary.total, summary.average, summary.start) == (30, 10, 8)
    assert summary.complete and summary.next_suggestion is None
    text = " ".join(summary.explanation)
    assert "9 + 12 + 9 = 30" in text and "30 ÷ 3 = 10" in text and "10 × 0.8 = 8" in text
    document = result.to_json()
    assert set(document) >= BASELINE_KEYS
    assert [d["day"] for d in document["days"]] == [1, 2, 3]
    assert document["days"][0] == {"day": 1, "date": D1.isoformat(), "amount": 9, "felt": "hard"}


def test_fourth_day_is_refused_and_redo_archives() -> None:
    journal = Journal()
    three_days(journal)
    with pytest.raises(Refused) as caught:
        bl.log_day(journal, "walking", 10, today=TODAY + timedelta(days=1), day=None)
    assert "baseline redo walking" in (caught.value.hint or "")
    result = bl.redo(journal, "walking", today=TODAY, note="after a flare-up")
    assert result.summary.days == [] and result.archived == 1
    past = journal.activities[0].past_baselines[0]
    assert past.archived_on == TODAY and len(past.days) == 3
    assert past.archive_reason == "after a flare-up"
    with pytest.raises(Refused):
        bl.redo(journal, "walking", today=TODAY)
    with pytest.raises(NotFound):
        bl.redo(journal, "running", today=TODAY)


def test_logging_a_date_again_replaces_or_adds() -> None:
    journal = Journal()
    bl.log_day(journal, "walking", 9, today=TODAY, day=D1, felt="ok")
    again = bl.log_day(journal, "walking", 10, today=TODAY, day=D1)
    assert again.action == "replaced" and again.previous_amount == 9
    assert again.summary.days[0].amount == 10 and again.summary.days[0].felt == "ok"
    added = bl.log_day(journal, "walking", 2.5, today=TODAY, day=D1, add=True)
    assert added.action == "added_to" and added.summary.days[0].amount == 12.5
    assert len(added.summary.days) == 1


def test_days_spread_over_more_than_a_week_warn() -> None:
    journal = Journal()
    bl.log_day(journal, "walking", 9, today=TODAY, day=TODAY - timedelta(days=6))
    result = bl.log_day(journal, "walking", 9, today=TODAY, day=TODAY)
    assert result.summary.warnings == []  # 7 days from first to last: fine
    result = bl.log_day(journal, "walking", 9, today=TODAY, day=TODAY - timedelta(days=7))
    assert "8 days" in result.summary.warnings[0]


def test_start_factor_range_and_setting() -> None:
    journal = Journal()
    for bad in (0.49, 0.96, 1.0):
        with pytest.raises(InvalidInput) as caught:
            bl.log_day(journal, "walking", 9, today=TODAY, start_factor=bad)
        assert caught.value.field == "--start-factor"
    assert journal.activities == []
    three_days(journal)
    shown = bl.show(journal, "walking", start_factor=0.7)
    assert shown.summary.start == 7 and shown.summary.start_factor == 0.7
    assert journal.activities[0].start_factor == 0.7
    assert bl.show(journal, "walking").summary.start == 7


def test_unit_mismatch_and_list() -> None:
    journal = Journal()
    bl.log_day(journal, "bridge", 8, today=TODAY, unit="reps")
    with pytest.raises(InvalidInput):
        bl.log_day(journal, "bridge", 8, today=TODAY, unit="minutes", day=D1)
    three_days(journal)
    assert [r.activity for r in bl.list_all(journal)] == ["bridge", "walking"]


def test_the_worked_sums_check_by_hand_when_the_average_is_rounded() -> None:
    from datetime import date, timedelta

    from backskills.domain import baseline
    from backskills.models import Journal

    journal = Journal()
    for n, amount in enumerate((12, 13, 12)):
        baseline.log_day(journal, "walking", amount, today=date(2026, 3, 3),
                         day=date(2026, 3, 1) + timedelta(days=n))  # fmt: skip
    text = " ".join(baseline.summarise(journal.activities[0]).explanation)
    assert "Average: 37 ÷ 3 = about 12.33 minutes." in text
    assert "Starting level: 37 ÷ 3 × 0.8 = about 9.87," in text
    assert text.endswith("guessed high on a good day.")
    assert ": 9 minutes." in text
