from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backskills.domain import validate
from backskills.errors import InvalidInput

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "raw", ["nan", "inf", "-inf", "-1", "abc", "", "1e400", "1000001", "1e308"]
)
def test_amount_rejects_non_finite_negative_and_text(raw: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate.amount(raw)
    assert caught.value.field == "AMOUNT"


@given(st.floats(min_value=0, max_value=validate.AMOUNT_MAX, allow_nan=False, allow_infinity=False))
def test_amount_accepts_finite_non_negative(value: float) -> None:
    assert validate.amount(repr(value)) == value


@pytest.mark.parametrize("raw", ["-1", "11", "5.5", "x"])
def test_pain_score_is_whole_number_0_to_10(raw: str) -> None:
    with pytest.raises(InvalidInput, match="--pain"):
        validate.pain_score(raw)


def test_pain_score_bounds() -> None:
    assert validate.pain_score("0") == 0
    assert validate.pain_score("10") == 10


def test_dates() -> None:
    assert validate.day("today", TODAY) == TODAY
    assert validate.day("yesterday", TODAY) == date(2026, 11, 20)
    assert validate.day("2026-01-31", TODAY) == date(2026, 1, 31)
    assert validate.day(None, TODAY) == TODAY
    for bad in ["2026-02-30", "31/01/2026", "2026-1-5", "soon"]:
        with pytest.raises(InvalidInput, match="--date"):
            validate.day(bad, TODAY)
    with pytest.raises(InvalidInput, match="future"):
        validate.day("2026-11-22", TODAY)
    assert validate.day("2026-12-01", TODAY, future=True) == date(2026, 12, 1)


def test_names_and_notes() -> None:
    assert validate.name("  walking ") == "walking"
    for bad in ["", "   ", "x" * 61, "walk\x1b[31m"]:
        with pytest.raises(InvalidInput):
            validate.name(bad)
    assert validate.note("line one\nline two") == "line one\nline two"
    with pytest.raises(InvalidInput):
        validate.note("x" * 2001)
    with pytest.raises(InvalidInput):
        validate.note("bell\x07")


def test_durations() -> None:
    assert validate.duration_days("8w") == 56
    assert validate.duration_days("2m") == 60
    assert validate.duration_days("60d") == 60
    with pytest.raises(InvalidInput, match="--within"):
        validate.duration_days("soon")
