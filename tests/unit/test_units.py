from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backskills.domain import units


@pytest.mark.parametrize(
    ("unit", "resolution"),
    [
        ("minutes", 1),
        ("seconds", 5),
        ("reps", 1),
        ("times", 1),
        ("steps", 100),
        ("metres", 10),
        ("km", 0.1),
        ("miles", 0.1),
        ("laps", 1),
        ("mins", 1),
    ],
)
def test_resolutions(unit: str, resolution: float) -> None:
    assert units.resolution_for(unit) == resolution


def test_round_down_and_small_step() -> None:
    assert units.round_down(9.99, 1) == 9
    assert units.round_down(0.37, 0.1) == 0.3
    assert units.round_down(0.3, 0.1) == 0.3
    assert units.round_down(1234, 100) == 1200
    assert units.small_step(9, 1) == 1  # 10% of 9 rounds down to 0: at least one step
    assert units.small_step(50, 1) == 5
    assert units.small_step(2.5, 0.1) == 0.2


@given(
    st.floats(min_value=0, max_value=100000, allow_nan=False),
    st.sampled_from([1.0, 5.0, 100.0, 10.0, 0.1]),
)
def test_round_down_never_exceeds_value_and_is_a_whole_step(
    value: float, resolution: float
) -> None:
    rounded = units.round_down(value, resolution)
    assert rounded <= value + 1e-9
    assert value - rounded < resolution + 1e-9
    assert abs(rounded / resolution - round(rounded / resolution)) < 1e-6
