from __future__ import annotations

import shlex
from datetime import date

import pytest

from backskills.domain.activities import arg, describe, ensure_activity, find_activity, get_activity
from backskills.errors import InvalidInput, NotFound
from backskills.models import Journal

DAY = date(2026, 3, 1)


def test_new_activity_defaults_to_minutes_and_finds_case_insensitively() -> None:
    journal = Journal()
    walking = ensure_activity(journal, "  Walking ", None, DAY)
    assert (walking.name, walking.unit, walking.resolution, walking.created) == (
        "Walking",
        "minutes",
        1,
        DAY,
    )
    assert find_activity(journal, "WALKING") is walking
    assert get_activity(journal, "walking") is walking
    assert ensure_activity(journal, "walking", None, DAY) is walking
    assert len(journal.activities) == 1


@pytest.mark.parametrize(
    ("unit", "stored", "resolution"),
    [("metres", "metres", 10), ("m", "metres", 10), ("km", "km", 0.1), ("laps", "laps", 1)],
)
def test_unit_sets_resolution(unit: str, stored: str, resolution: float) -> None:
    activity = ensure_activity(Journal(), "swim", unit, DAY)
    assert (activity.unit, activity.resolution) == (stored, resolution)


def test_custom_resolution_for_other_units() -> None:
    activity = ensure_activity(Journal(), "cycling", "laps", DAY, resolution=0.5)
    assert activity.resolution == 0.5


def test_different_unit_for_existing_activity_is_invalid() -> None:
    journal = Journal()
    ensure_activity(journal, "walking", "minutes", DAY)
    with pytest.raises(InvalidInput) as caught:
        ensure_activity(journal, "walking", "km", DAY)
    assert caught.value.field == "--unit"
    assert ensure_activity(journal, "walking", "mins", DAY).unit == "minutes"  # alias is fine
    with pytest.raises(InvalidInput) as caught:
        ensure_activity(journal, "walking", None, DAY, resolution=5)
    assert caught.value.field == "--resolution"


def test_get_activity_names_the_known_ones() -> None:
    journal = Journal()
    with pytest.raises(NotFound) as caught:
        get_activity(journal, "walking")
    assert "baseline log" in (caught.value.hint or "")
    ensure_activity(journal, "bridge", "reps", DAY)
    with pytest.raises(NotFound) as caught:
        get_activity(journal, "walking")
    assert "bridge" in (caught.value.hint or "")


def test_describe_uses_singular_for_one() -> None:
    assert describe(1, "minutes") == "1 minute"
    assert describe(8, "minutes") == "8 minutes"
    assert describe(0.5, "km") == "0.5 km"


@pytest.mark.parametrize("spelling", ["wall squat", "Wall squat with a ball", "WALL_SQUAT"])
def test_a_library_exercise_is_one_activity_however_it_is_written(spelling: str) -> None:
    journal = Journal()
    squat = ensure_activity(journal, "wall-squat", None, DAY)
    assert squat.unit == "reps"
    assert find_activity(journal, spelling) is squat
    assert ensure_activity(journal, spelling, None, DAY) is squat
    assert len(journal.activities) == 1
    assert find_activity(journal, "bridge") is None  # another exercise is another activity
    assert find_activity(journal, "walking") is None


@pytest.mark.parametrize(
    ("name", "typed"),
    [
        ("walking", "walking"),
        ("sit-to-stand", "sit-to-stand"),
        ("sit to stand", '"sit to stand"'),
        ("[bold]x[/]", '"[bold]x[/]"'),
        ("it's $x", "'it'\"'\"'s $x'"),
        ("-x", '"-x"'),
    ],
)
def test_arg_quotes_names_so_commands_can_be_copied(name: str, typed: str) -> None:
    assert arg(name) == typed
    assert shlex.split(arg(name)) == [name]
