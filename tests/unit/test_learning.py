"""Relaxation and thought-record rules."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backskills.domain import learning
from backskills.errors import InvalidInput
from backskills.models import Journal


@given(st.integers(min_value=1, max_value=learning.MAX_GUIDED_MINUTES))
def test_plan_fills_the_minutes_without_running_over(minutes: int) -> None:
    plan = learning.breathing_plan(minutes)
    assert plan.total_seconds <= minutes * 60 < plan.total_seconds + learning.BREATH_SECONDS
    assert plan.out_seconds > plan.in_seconds  # the out-breath is the longer one


@given(st.floats(min_value=0, max_value=10_000, allow_nan=False))
def test_minutes_done_never_claims_more_than_was_done(seconds: float) -> None:
    done = learning.minutes_done(seconds)
    assert done * 60 <= seconds + 1e-9
    assert seconds - done * 60 < 1  # the whole seconds done
    assert learning.duration_words(done).endswith(("second", "seconds", "minute", "minutes"))
    assert round(done * 60) == int(seconds)


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        (20 / 60, "20 seconds"),
        (1, "1 minute"),
        (1.25, "1 minute 15 seconds"),
        (10, "10 minutes"),
        (0, "0 seconds"),
        (1 / 60, "1 second"),
    ],
)
def test_duration_words(minutes: float, words: str) -> None:
    assert learning.duration_words(minutes) == words


def test_minutes_done_odd_values() -> None:
    assert learning.minutes_done(float("nan")) == 0
    assert learning.minutes_done(-5) == 0
    assert not learning.worth_recording(learning.BREATH_SECONDS - 1)
    assert learning.worth_recording(learning.BREATH_SECONDS)


def test_thought_ids_count_up_after_the_highest() -> None:
    journal = Journal()
    first = learning.add_thought(journal, date(2026, 1, 1), situation="s", thought="t")
    second = learning.add_thought(journal, date(2026, 1, 2), situation="s", thought="t")
    assert (first.id, second.id) == (1, 2)
    journal.thoughts.pop(0)
    assert learning.add_thought(journal, date(2026, 1, 3), situation="s", thought="t").id == 3


def test_every_kind_has_a_name_and_unknown_kinds_are_refused() -> None:
    assert tuple(learning.KIND_NAMES) == learning.THOUGHT_KINDS  # the wizard numbers them
    for kind in learning.THOUGHT_KINDS:
        assert learning.thought_kind(kind.upper().replace("-", " ")) == kind
    with pytest.raises(InvalidInput) as caught:
        learning.thought_kind("sad")
    assert caught.value.field == "--kind"


def test_relaxation_minutes_counts_from_a_day() -> None:
    journal = Journal()
    learning.log_relaxation(journal, date(2026, 1, 1), 5, guided=False)
    learning.log_relaxation(journal, date(2026, 1, 8), 2.5, guided=True)
    assert learning.relaxation_minutes(journal, date(2026, 1, 2)) == 2.5
    assert learning.relaxation_minutes(journal, date(2026, 1, 1)) == 7.5
