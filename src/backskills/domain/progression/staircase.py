"""The staircase: the levels from a start to a target, and how long each is held.

Each step adds ``units.small_step`` of the level (10% rounded down to the resolution, at
least one resolution step) and the last step lands exactly on the target. Each level is
held ``hold_days`` days (one to four weeks).
"""

from __future__ import annotations

from backskills.domain import units
from backskills.domain.activities import clean_number

HOLD_MIN = 7
HOLD_MAX = 28
DEFAULT_HOLD = 7
MAX_PLAN_DAYS = 3650  # a staircase longer than about ten years is refused

__all__ = ["DEFAULT_HOLD", "HOLD_MAX", "HOLD_MIN", "MAX_PLAN_DAYS", "next_level", "staircase"]


def next_level(level: float, target: float, resolution: float) -> float | None:
    """The next step from ``level`` towards ``target``, or None when already there."""
    if level >= target:
        return None
    following = min(clean_number(level + units.small_step(level, resolution)), target)
    return following if following > level else target


def staircase(
    start: float, target: float, resolution: float, max_levels: int | None = None
) -> list[float]:
    """Levels from ``start`` to ``target`` inclusive (strictly increasing, last == target).

    With ``max_levels`` the list stops early; the caller checks whether it reached the target.
    """
    levels = [start]
    while True:
        following = next_level(levels[-1], target, resolution)
        if following is None:
            return levels
        if max_levels is not None and len(levels) >= max_levels:
            return levels
        levels.append(following)
