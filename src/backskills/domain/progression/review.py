"""The review of a plan: step up, hold, ease back, at target, or paused.

Step up after holding the level ``hold_days`` days and meeting it on most days
(``met_days``); ease back when pain rose after a step up (the mean since the step is
``PAIN_RISE`` above the week before, or the patient says so), offering three choices;
a rise is put down to a step up only in the ``PAIN_RISE_DAYS`` after it; paused while a flare-up is active; a red-flag check or flare-up holds the step.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Literal

from backskills.domain import safety, units
from backskills.domain.activities import clean_number, describe
from backskills.domain.activities import get_activity as _get_activity
from backskills.domain.progression.levels import catch_up_next, current_level, level_event_on
from backskills.domain.progression.met_days import (
    WINDOW_DAYS,
    met,
    met_days_words,
    met_needed,
    review_window,
    window_totals,
)
from backskills.domain.progression.projection import require_plan
from backskills.domain.progression.staircase import DEFAULT_HOLD, next_level
from backskills.errors import InvalidInput, Refused
from backskills.models import Journal
from backskills.models.activity import Activity, LevelEvent, Plan
from backskills.plain import field, plain

PAIN_RISE = 2.0  # mean pain since a step up this much above the week before: ease back
PAIN_BEFORE_DAYS = 7  # "the week before" the step up
# A rise in pain is put down to a step up only in the weeks after it: twice the longest
# hold. Pain that rises later is a fluctuation or a flare-up, not that step (and a review
# then never reads back to a step up of years ago).
PAIN_RISE_DAYS = 56

Advice = Literal["step_up", "hold", "ease_back", "at_target", "paused"]
EaseOption = Literal["previous", "halfway", "stay"]

__all__ = [
    "PAIN_BEFORE_DAYS",
    "PAIN_RISE",
    "PAIN_RISE_DAYS",
    "Advice",
    "EaseChoice",
    "EaseOption",
    "Recommendation",
    "ease_choices",
    "evaluate",
    "last_step_up",
    "review_activity",
]


def _mean_pain(journal: Journal, first: date, last: date) -> float | None:
    scores = [p.score for p in journal.pain if first <= p.date <= last]
    return sum(scores) / len(scores) if scores else None


@plain
class EaseChoice:
    option: EaseOption
    level: float
    hold_days: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {
            "option": self.option,
            "level": self.level,
            "hold_days": self.hold_days,
            "text": self.text,
        }


@plain
class Recommendation:
    activity: str
    unit: str
    level: float | None
    next_level: float | None
    target: float
    days_at_level: int
    days_met_last_7: int
    recommendation: Advice
    reason: str
    since: date | None = None
    hold_days: int = DEFAULT_HOLD
    choices: list[EaseChoice] = field(default_factory=list)
    today_counted: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "activity": self.activity,
            "unit": self.unit,
            "level": self.level,
            "next_level": self.next_level,
            "target": self.target,
            "days_at_level": self.days_at_level,
            "days_met_last_7": self.days_met_last_7,
            "today_counted": self.today_counted,
            "recommendation": self.recommendation,
            "reason": self.reason,
        }


def last_step_up(activity: Activity, on: date) -> LevelEvent | None:
    """The step up that can still be eased back from (only 'stay' may follow it)."""
    events = sorted(
        (e for e in activity.levels if e.date <= on),
        key=lambda e: e.date,
    )
    for event in reversed(events):
        if event.reason == "ease_back_stay":
            continue
        climbed = event.reason == "catch_up" and (event.from_level or 0) < event.to_level
        return event if event.reason == "step_up" or climbed else None
    return None


def ease_choices(activity: Activity, plan: Plan, step: LevelEvent) -> list[EaseChoice]:
    unit, res = activity.unit, activity.resolution
    before = step.from_level if step.from_level is not None else step.to_level
    now = step.to_level
    halfway = max(units.round_down((before + now) / 2, res), before)
    halfway_text = (
        f"go back a little, to {describe(halfway, unit)} (half-way between "
        f"{units.fmt(before)} and {units.fmt(now)}, rounded down to steps of "
        f"{describe(res, unit)})"
    )
    if halfway == before:
        halfway_text = (
            f"go back to {describe(halfway, unit)} too (half-way between {units.fmt(before)} "
            f"and {units.fmt(now)} rounds down to it, in steps of {describe(res, unit)}), "
            f"but hold it the usual {plan.hold_days} days"
        )
    return [
        EaseChoice(
            "previous",
            before,
            plan.hold_days * 2,
            f"go back to {describe(before, unit)} and stay there longer "
            f"({plan.hold_days * 2} days, twice the usual) before trying again",
        ),
        EaseChoice(
            "halfway",
            halfway,
            plan.hold_days,
            halfway_text,
        ),
        EaseChoice(
            "stay",
            now,
            plan.hold_days,
            f"stay at {describe(now, unit)} a while longer ({plan.hold_days} more days) to "
            "see whether the pain settles, if you think the pain was not caused by the step",
        ),
    ]


def review_activity(
    journal: Journal,
    activity: Activity,
    today: date,
    totals: dict[date, float],
    *,
    pain_up: bool = False,
) -> Recommendation:
    plan = require_plan(activity)
    unit = activity.unit
    event = level_event_on(activity, today)
    if event is None:
        return Recommendation(
            activity.name,
            unit,
            None,
            plan.start,
            plan.target,
            0,
            0,
            "hold",
            f"Your plan starts on {plan.starts_on.isoformat()} at {describe(plan.start, unit)}.",
            hold_days=plan.hold_days,
        )
    level = event.to_level
    catching_up = catch_up_next(activity, event)
    following = catching_up or next_level(level, plan.target, activity.resolution)
    days_at = (today - event.date).days
    needed_days = met_needed(event)
    window, today_counted = review_window(activity, today, totals)
    if event.reason == "catch_up":
        window = [day for day in window if day >= event.date]  # only this short hold counts
    met_days = 0
    for day in window:
        in_force = current_level(activity, day)
        if in_force is not None and met(totals.get(day, 0.0), in_force):
            met_days += 1
    rec = Recommendation(
        activity.name,
        unit,
        level,
        following,
        plan.target,
        days_at,
        met_days,
        "hold",
        "",
        since=event.date,
        hold_days=event.hold_days,
        today_counted=today_counted,
    )
    met_words = met_days_words(met_days, today_counted, needed_days)
    flare = safety.active_flareup(journal)
    if flare is not None:
        rec.recommendation = "paused"
        # While a red-flag check gates exercise, point to it instead of saying keep active.
        then = (
            "Follow the advice of your red-flag check before any exercise."
            if safety.open_check(journal) is not None
            else "Keep gently active at a level you can manage; stepping up waits until it "
            "has settled."
        )
        rec.reason = (
            f"Progress is paused during the flare-up that started on "
            f"{flare.started.isoformat()}. {then}"
        )
        return rec
    step = last_step_up(activity, today)
    if pain_up and step is None:
        raise Refused(
            f"'{activity.name}' has not been stepped up, so there is nothing to ease back from.",
            hint="Pain goes up and down; see 'backskills learn fluctuations'.",
        )
    if step is not None:
        rose = ""
        if pain_up:
            rose = (
                f"You said your pain went up after the step up to "
                f"{describe(step.to_level, unit)} on {step.date.isoformat()}."
            )
        elif event.reason == "step_up" and (today - step.date).days < PAIN_RISE_DAYS:
            after = _mean_pain(journal, step.date, today)
            before = _mean_pain(
                journal, step.date - timedelta(days=PAIN_BEFORE_DAYS), step.date - timedelta(1)
            )
            if after is not None and before is not None and after >= before + PAIN_RISE:
                rose = (
                    f"Your pain has gone up since the step up to {describe(step.to_level, unit)} "
                    f"on {step.date.isoformat()}: an average score of {after:.1f} since then, "
                    f"against {before:.1f} in the week before (a rise of {PAIN_RISE:.0f} or more)."
                )
        if rose:
            rec.recommendation = "ease_back"
            rec.choices = ease_choices(activity, plan, step)
            rec.reason = rose + " More pain does not mean harm, but you have three choices."
            return rec
    if following is None:
        if met_days >= needed_days:
            rec.recommendation = "at_target"
            rec.reason = (
                f"You have reached your target of {describe(plan.target, unit)} and "
                f"{met_words}. Keep it up, and think about setting a new goal."
            )
        else:
            rec.reason = (
                f"You are at your target of {describe(plan.target, unit)}; {met_words}. "
                "Keep going at this level."
            )
        return rec
    step_size = clean_number(following - level)
    if days_at >= event.hold_days and met_days >= needed_days:
        blocked = safety.exercise_block_reason(journal)
        if blocked is not None:
            rec.reason = (
                f"You have been at {describe(level, unit)} for {days_at} days and {met_words}, "
                f"but stay at this level for now: {blocked}"
            )
            return rec
        rec.recommendation = "step_up"
        if catching_up is not None:
            rec.reason = (
                f"You are catching up after a flare-up: you have been at {describe(level, unit)} "
                f"for {days_at} days (at least {event.hold_days} needed) and {met_words}. You "
                f"can step up to {describe(following, unit)}, a level you held before the "
                "flare-up."
            )
            return rec
        rec.reason = (
            f"You have been at {describe(level, unit)} for {days_at} days (at least "
            f"{event.hold_days} needed) and {met_words}. You can step up to "
            f"{describe(following, unit)}: {units.fmt(level)} + {units.fmt(step_size)} "
            f"(10% rounded down to steps of {describe(activity.resolution, unit)}, at least one "
            "step)."
        )
        return rec
    missing = []
    if days_at < event.hold_days:
        more = event.hold_days - days_at
        missing.append(
            f"{more} more day{'s' if more != 1 else ''} at this level "
            f"({days_at} of {event.hold_days} so far)"
        )
    missing.append(met_words)
    rec.reason = (
        f"Stay at {describe(level, unit)} for now: " + ", and ".join(missing) + ". "
        f"Then the next step is {describe(following, unit)}."
    )
    if not any(totals.values()) and days_at >= 2 * WINDOW_DAYS:
        from backskills.domain.activities import arg

        rec.reason += (
            f" Nothing has been logged for {activity.name} in the last {WINDOW_DAYS} days. "
            "After a break, a fresh baseline shows where you are now: "
            f"backskills baseline redo {arg(activity.name)}"
        )
    return rec


def evaluate(
    journal: Journal, today: date, name: str | None = None, *, pain_up: bool = False
) -> list[Recommendation]:
    """A recommendation for every planned activity (or just ``name``) as of ``today``."""
    totals = window_totals(journal, today)
    if name is not None:
        activity = _get_activity(journal, name)
        require_plan(activity)
        chosen = [activity]
    else:
        if pain_up:
            raise InvalidInput("--pain-up", "name the activity whose step up raised the pain.")
        chosen = [a for a in journal.activities if a.plan is not None]
    return [
        review_activity(journal, a, today, totals.get(a.name.casefold(), {}), pain_up=pain_up)
        for a in chosen
    ]
