"""Amounts done each day and "met on most days": the window a review counts.

A level is met on a day when the day's total reaches it. A review counts the last
``WINDOW_DAYS`` days and needs ``MET_NEEDED`` of them met. Today joins the window only
once it is met: in the morning the day is not over, so the window is the ``WINDOW_DAYS``
days up to yesterday.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from backskills.domain import units
from backskills.domain.progression.levels import current_level
from backskills.models import Journal
from backskills.models.activity import Activity, LevelEvent

WINDOW_DAYS = 7  # "most days": met on at least MET_NEEDED of the last WINDOW_DAYS days
MET_NEEDED = 5
BOOM_FACTOR = 1.25  # a day more than 25% over the level: a gentle boom-bust warning

__all__ = [
    "BOOM_FACTOR",
    "MET_NEEDED",
    "WINDOW_DAYS",
    "met",
    "met_days_words",
    "met_needed",
    "review_window",
    "window_totals",
]


def window_totals(journal: Journal, today: date) -> dict[str, dict[date, float]]:
    """Day totals of every activity over the review window (``WINDOW_DAYS`` before ``today``
    and today itself: ``review_window`` picks which seven count).

    One pass over the records that sums only the days a review reads, so a long journal
    costs a date comparison per record.
    """
    first = today - timedelta(days=WINDOW_DAYS)
    totals: dict[str, dict[date, float]] = defaultdict(lambda: defaultdict(float))
    for record in journal.records:
        if first <= record.date <= today:
            totals[record.activity.casefold()][record.date] += record.amount
    return totals


def met(amount: float, level: float) -> bool:
    return amount + units.EPSILON >= level


def review_window(
    activity: Activity, today: date, totals: dict[date, float]
) -> tuple[list[date], bool]:
    """The ``WINDOW_DAYS`` days a review counts, newest first, and whether today is one.

    Today counts only once it is met; before that the day is not over, so the window is
    the seven days up to yesterday and an unmet morning is never a missed day.
    """
    level = current_level(activity, today)
    today_met = level is not None and met(totals.get(today, 0.0), level)
    newest = today if today_met else today - timedelta(days=1)
    return [newest - timedelta(days=back) for back in range(WINDOW_DAYS)], today_met


def met_needed(event: LevelEvent) -> int:
    """Days in the window the level must be met: MET_NEEDED, or every day of a shorter hold
    (a catch-up level after a flare-up is held 3 days, met on all 3)."""
    return min(MET_NEEDED, event.hold_days)


def met_days_words(met_days: int, today_counted: bool, needed_days: int = MET_NEEDED) -> str:
    """How many of the review window's days were met, saying whether today is one of them."""
    needed = "which is enough" if met_days >= needed_days else f"{needed_days} needed"
    if today_counted:
        return f"met on {met_days} of the last {WINDOW_DAYS} days, today included ({needed})"
    return (
        f"met on {met_days} of the last {WINDOW_DAYS} days up to yesterday ({needed}; "
        "today counts once you have met it)"
    )
