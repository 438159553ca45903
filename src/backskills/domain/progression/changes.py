"""Accepting a review: the step up, or one of the three choices after pain rose."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from backskills.domain import safety, units
from backskills.domain.activities import arg, describe
from backskills.domain.activities import get_activity as _get_activity
from backskills.domain.progression.levels import (
    catch_up_next,
    check_not_before_last_change,
    level_event_on,
    record_level,
)
from backskills.domain.progression.met_days import window_totals
from backskills.domain.progression.projection import PlanView, plan_view, require_plan
from backskills.domain.progression.review import (
    EaseOption,
    ease_choices,
    last_step_up,
    review_activity,
)
from backskills.errors import Refused
from backskills.models import Journal
from backskills.models.activity import LevelEvent, LevelReason
from backskills.plain import plain

_EASE_REASONS: dict[EaseOption, LevelReason] = {
    "previous": "ease_back_previous",
    "halfway": "ease_back_halfway",
    "stay": "ease_back_stay",
}

__all__ = ["LevelChange", "ease_back", "step_up"]


@plain
class LevelChange:
    activity: str
    unit: str
    event: LevelEvent
    explanation: list[str]
    plan: PlanView

    def to_json(self) -> dict[str, Any]:
        return {
            "activity": self.activity,
            "unit": self.unit,
            "date": self.event.date.isoformat(),
            "from": self.event.from_level,
            "to": self.event.to_level,
            "reason": self.event.reason,
            "hold_days": self.event.hold_days,
            "next_review_on": (self.event.date + timedelta(days=self.event.hold_days)).isoformat(),
            "explanation": list(self.explanation),
            "plan": self.plan.to_json(),
        }


def step_up(journal: Journal, name: str, *, day: date, today: date) -> LevelChange:
    """Accept a step up on ``day``, when the review recommends one."""
    safety.require_exercise_allowed(journal)
    activity = _get_activity(journal, name)
    plan = require_plan(activity)
    check_not_before_last_change(activity, day)
    # The same window as ``progress`` reviews (the days before ``day``), not every record.
    totals = window_totals(journal, day).get(activity.name.casefold(), {})
    review = review_activity(journal, activity, day, totals)
    if review.recommendation != "step_up" or review.next_level is None:
        if review.recommendation == "at_target" or review.next_level is None:
            message = f"'{activity.name}' is already at its target."
        else:
            message = f"not yet for '{activity.name}'. {review.reason}"
        raise Refused(message, hint="See 'backskills progress' for where you are.")
    in_force = level_event_on(activity, day)
    ceiling = in_force.catch_up_to if in_force is not None else None
    if (
        in_force is not None
        and catch_up_next(activity, in_force) is not None
        and ceiling is not None
        and review.next_level <= ceiling + units.EPSILON
    ):
        # Still catching up after a flare-up: a level held before needs only a short hold.
        event = record_level(
            activity, day, review.next_level, "catch_up", in_force.hold_days, catch_up_to=ceiling
        )
    else:
        event = record_level(activity, day, review.next_level, "step_up", plan.hold_days)
    explanation = [
        review.reason,
        f"From {day.isoformat()} your level is {describe(event.to_level, activity.unit)}. "
        f"Hold it at least {event.hold_days} days. If your pain goes up after this step, "
        f"run 'backskills progress {arg(activity.name)} --pain-up' for the choices.",
    ]
    return LevelChange(
        activity.name, activity.unit, event, explanation, plan_view(journal, activity, today)
    )


def ease_back(
    journal: Journal, name: str, option: EaseOption, *, day: date, today: date
) -> LevelChange:
    """Apply one of the three choices after pain rose following a step up."""
    activity = _get_activity(journal, name)
    plan = require_plan(activity)
    check_not_before_last_change(activity, day)
    step = last_step_up(activity, day)
    if step is None:
        raise Refused(
            f"'{activity.name}' has not been stepped up since its last change, so there is "
            "nothing to ease back from.",
            hint="Pain goes up and down; see 'backskills learn fluctuations'.",
        )
    choice = next(c for c in ease_choices(activity, plan, step) if c.option == option)
    reason = _EASE_REASONS[option]
    event = record_level(activity, day, choice.level, reason, choice.hold_days)
    explanation = [
        f"You chose to {choice.text}.",
        f"From {day.isoformat()} your level is {describe(choice.level, activity.unit)}; "
        f"the next step up can come after {choice.hold_days} days, on "
        f"{(day + timedelta(days=choice.hold_days)).isoformat()}, if you meet it on most days.",
    ]
    return LevelChange(
        activity.name, activity.unit, event, explanation, plan_view(journal, activity, today)
    )
