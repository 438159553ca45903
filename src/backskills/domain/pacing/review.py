"""The pacing review: look back over recent days and suggest a small change (about 10%,
at least one step), or keep the tolerance; nothing goes up during a flare-up or an
unreviewed red-flag check."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from backskills.domain import safety, units
from backskills.domain.pacing.activities import get_activity
from backskills.domain.pacing.amounts import amount_text
from backskills.errors import Refused
from backskills.models import Journal
from backskills.models.pacing import PaceActivity, PaceLog, ToleranceChange
from backskills.plain import plain

DEFAULT_REVIEW_DAYS = 5

__all__ = [
    "DAY_WORDS",
    "DEFAULT_REVIEW_DAYS",
    "Review",
    "accept_review",
    "review",
    "review_activity",
]


@plain(frozen=True)
class Review:
    activity: str
    unit: str
    tolerance: float
    days_reviewed: int
    suggestion: str  # "more", "shorter", "longer" or "keep"
    suggested_tolerance: float | None
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "activity": self.activity,
            "tolerance": self.tolerance,
            "days_reviewed": self.days_reviewed,
            "suggestion": self.suggestion,
            "suggested_tolerance": self.suggested_tolerance,
            "reason": self.reason,
        }


def _day_verdict(logs: list[PaceLog], tolerance: float) -> str:
    """One word for a day: too-much, too-little, ok (as planned) or unrated."""
    felt = {log.felt for log in logs}
    if "too-much" in felt:
        return "too-much"
    if "too-little" in felt:
        return "too-little"
    if "ok" in felt:
        over = any(log.amount > tolerance + 1e-9 for log in logs)
        return "over" if over else "ok"
    return "unrated"


def review_activity(
    journal: Journal, activity: PaceActivity, today: date, days: int = DEFAULT_REVIEW_DAYS
) -> Review:
    """Look back over the last ``days`` days (since the last tolerance change)."""
    first = today - timedelta(days=days - 1)
    since = f"in the last {days} days"
    if activity.changes and activity.changes[-1].date >= first:
        changed = activity.changes[-1].date
        first = changed + timedelta(days=1)
        since = f"since the change on {changed.isoformat()}"
    by_day: dict[date, list[PaceLog]] = {}
    for log in journal.pacing.logs:
        if log.activity == activity.name and first <= log.date <= today:
            by_day.setdefault(log.date, []).append(log)
    verdicts = Counter(_day_verdict(logs, activity.tolerance) for logs in by_day.values())
    reviewed = len(by_day)
    most = days // 2 + 1
    step = units.small_step(activity.tolerance, activity.resolution)
    unit = activity.unit

    def result(suggestion: str, to: float | None, reason: str) -> Review:
        return Review(
            activity=activity.name,
            unit=unit,
            tolerance=activity.tolerance,
            days_reviewed=reviewed,
            suggestion=suggestion,
            suggested_tolerance=to,
            reason=reason,
        )

    if reviewed == 0:
        return result(
            "keep", None, f"No spells logged {since}. Log them with 'backskills pace log'."
        )
    if verdicts["too-much"] >= 2 or verdicts["too-much"] * 2 > reviewed:
        lower = units.tidy(activity.tolerance - step, activity.resolution)
        if lower < activity.resolution - 1e-9:
            return result(
                "keep",
                None,
                f"Spells felt too much on {verdicts['too-much']} of {reviewed} days, but "
                f"{amount_text(activity.tolerance, unit)} is already the smallest step. It may "
                "help to talk it over with your physiotherapist.",
            )
        return result(
            "shorter",
            lower,
            f"Spells felt too much on {verdicts['too-much']} of {reviewed} days {since}: try "
            f"{amount_text(step, unit)} less (about 10%, at least one step).",
        )
    increase_blocked = _increase_blocked(journal)
    upper = units.tidy(activity.tolerance + step, activity.resolution)
    for kind, label, suggestion in (
        ("ok", "went as planned and felt ok", "more"),
        ("too-little", "felt too little", "longer"),
    ):
        if verdicts[kind] >= most:
            if increase_blocked:
                return result(
                    "keep", None, f"Spells {label} on {verdicts[kind]} days, {increase_blocked}"
                )
            return result(
                suggestion,
                upper,
                f"Spells {label} on {verdicts[kind]} of {reviewed} days {since}: try "
                f"{amount_text(step, unit)} more (about 10%, at least one step).",
            )
    parts = [f"{verdicts[word]} {label}" for word, label in DAY_WORDS.items() if verdicts[word]]
    return result(
        "keep",
        None,
        f"Not enough of a pattern yet: of {reviewed} day{'s' if reviewed != 1 else ''} with "
        f"spells, {', '.join(parts)}. A change needs most of the last {days} days to agree, "
        "so keep to the plan for now.",
    )


# how a reviewed day is described when there is no clear pattern
DAY_WORDS = {
    "ok": "went as planned",
    "over": "went past the planned spell",
    "too-much": "felt too much",
    "too-little": "felt too little",
    "unrated": "had no --felt answer",
}


def _increase_blocked(journal: Journal) -> str | None:
    if safety.active_flareup(journal) is not None:
        return "but you are in a flare-up: keep to your plan until it settles."
    if safety.exercise_block_reason(journal) is not None:
        return (
            "but your last red-flag check has not been looked at yet, so nothing goes up for now."
        )
    return None


def review(
    journal: Journal, today: date, name: str | None = None, days: int = DEFAULT_REVIEW_DAYS
) -> list[Review]:
    chosen = [get_activity(journal, name)] if name else list(journal.pacing.activities)
    return [review_activity(journal, activity, today, days) for activity in chosen]


def accept_review(
    journal: Journal, name: str, today: date, days: int = DEFAULT_REVIEW_DAYS
) -> tuple[Review, ToleranceChange]:
    """Apply the review's suggestion to one activity, recorded as a ToleranceChange."""
    activity = get_activity(journal, name)
    found = review_activity(journal, activity, today, days)
    if found.suggested_tolerance is None:
        raise Refused(
            f"there is no change to accept for '{activity.name}': {found.reason}",
        )
    change = ToleranceChange(
        date=today,
        from_tolerance=activity.tolerance,
        to_tolerance=found.suggested_tolerance,
        reason=f"review: {found.suggestion} ({found.days_reviewed} days reviewed)",
    )
    activity.changes.append(change)
    activity.tolerance = found.suggested_tolerance
    return found, change
