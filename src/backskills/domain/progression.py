"""Stepwise progression: the staircase to a target, the level in force, and reviews.

- The staircase goes from a starting level to the target. Each step adds ``units.small_step``
  of the level (10% rounded down to the resolution, at least one resolution step) and the
  last step lands exactly on the target. Each level is held ``hold_days`` days.
- The staircase is only a projection. The real level changes only through ``LevelEvent``s
  (plan start, step up, ease back, flare-up reduction) in ``Activity.levels``.
- ``evaluate`` reviews each planned activity: step up, hold, ease back, at target, or
  paused while a flare-up is active.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from backskills.domain import safety, units
from backskills.domain.activities import arg, clean_number, describe, ensure_activity, find_activity
from backskills.domain.activities import get_activity as _get_activity
from backskills.domain.baseline import summarise
from backskills.errors import InvalidInput, Refused
from backskills.models import Journal
from backskills.models.activity import Activity, LevelEvent, LevelReason, Plan

HOLD_MIN = 7
HOLD_MAX = 28
DEFAULT_HOLD = 7
WINDOW_DAYS = 7  # "most days": met on at least MET_NEEDED of the last WINDOW_DAYS days
# Today joins the window only once it is met: in the morning the day is not over, so the
# window is the WINDOW_DAYS days up to yesterday.
MET_NEEDED = 5
PAIN_RISE = 2.0  # mean pain since a step up this much above the week before: ease back
BOOM_FACTOR = 1.25  # a day more than 25% over the level: a gentle boom-bust warning
MAX_PLAN_DAYS = 3650  # a staircase longer than about ten years is refused
MAX_START_AHEAD = 365  # --from may be up to a year ahead

Advice = Literal["step_up", "hold", "ease_back", "at_target", "paused"]
EaseOption = Literal["previous", "halfway", "stay"]
_EASE_REASONS: dict[EaseOption, LevelReason] = {
    "previous": "ease_back_previous",
    "halfway": "ease_back_halfway",
    "stay": "ease_back_stay",
}

__all__ = [
    "BOOM_FACTOR",
    "EaseChoice",
    "LevelChange",
    "PlanStep",
    "PlanView",
    "Recommendation",
    "current_level",
    "day_totals",
    "ease_back",
    "evaluate",
    "level_event_on",
    "met",
    "next_level",
    "plan_view",
    "plan_views",
    "previous_level",
    "record_level",
    "set_plan",
    "staircase",
    "step_up",
]


# -- the staircase ---------------------------------------------------------------------
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


# -- levels in force -------------------------------------------------------------------
def level_event_on(activity: Activity, on: date) -> LevelEvent | None:
    """The level change in force on ``on``: the latest one dated on or before it."""
    found: LevelEvent | None = None
    for event in activity.levels:
        if event.date <= on and (found is None or event.date >= found.date):
            found = event
    return found


def current_level(activity: Activity, on: date) -> float | None:
    """The level in force on ``on`` (None before any plan started)."""
    event = level_event_on(activity, on)
    return event.to_level if event is not None else None


def previous_level(activity: Activity, on: date) -> float | None:
    """The level in force before the current one (None when there was none)."""
    event = level_event_on(activity, on)
    return event.from_level if event is not None else None


def _check_not_before_last_change(activity: Activity, on: date, field: str = "--date") -> None:
    if not activity.levels:
        return
    latest = max(e.date for e in activity.levels)
    if on < latest:
        raise InvalidInput(
            field,
            f"the level of '{activity.name}' last changed on {latest.isoformat()}; "
            "a new change must be on or after that day.",
        )


def record_level(
    activity: Activity,
    on: date,
    to_level: float,
    reason: LevelReason,
    hold_days: int,
    note: str | None = None,
    *,
    catch_up_to: float | None = None,
) -> LevelEvent:
    """Append a change of level from ``on``. Changes are kept in date order."""
    _check_not_before_last_change(activity, on)
    event = LevelEvent(
        date=on,
        from_level=current_level(activity, on),
        to_level=to_level,
        reason=reason,
        hold_days=hold_days,
        note=note,
        catch_up_to=catch_up_to,
    )
    activity.levels.append(event)
    return event


# -- daily amounts and pain ------------------------------------------------------------
def day_totals(journal: Journal, activity: Activity) -> dict[date, float]:
    """The amount done each day (the sum of that day's records)."""
    wanted = activity.name.casefold()
    totals: dict[date, float] = defaultdict(float)
    for record in journal.records:
        if record.activity.casefold() == wanted:
            totals[record.date] += record.amount
    return {day: clean_number(total) for day, total in totals.items()}


def _window_totals(journal: Journal, today: date) -> dict[str, dict[date, float]]:
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


def catch_up_next(activity: Activity, event: LevelEvent) -> float | None:
    """During a catch-up after a flare-up, the next level to climb to (a level held before
    the flare-up, up to the one held just before it); None when not catching up."""
    ceiling = event.catch_up_to
    if event.reason != "catch_up" or ceiling is None or event.to_level >= ceiling - units.EPSILON:
        return None
    held = [
        e.to_level
        for e in activity.levels
        if e.date < event.date
        and e.reason not in ("catch_up", "flareup_reduce")
        and event.to_level + units.EPSILON < e.to_level <= ceiling + units.EPSILON
    ]
    return min([*held, ceiling])


def met_days_words(met_days: int, today_counted: bool, needed_days: int = MET_NEEDED) -> str:
    """How many of the review window's days were met, saying whether today is one of them."""
    needed = "which is enough" if met_days >= needed_days else f"{needed_days} needed"
    if today_counted:
        return f"met on {met_days} of the last {WINDOW_DAYS} days, today included ({needed})"
    return (
        f"met on {met_days} of the last {WINDOW_DAYS} days up to yesterday ({needed}; "
        "today counts once you have met it)"
    )


def _mean_pain(journal: Journal, first: date, last: date) -> float | None:
    scores = [p.score for p in journal.pain if first <= p.date <= last]
    return sum(scores) / len(scores) if scores else None


# -- the plan view ---------------------------------------------------------------------
@dataclass
class PlanStep:
    level: float
    start: date
    until: date | None  # None for the target: keep it up

    def to_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "from": self.start.isoformat(),
            "until": self.until.isoformat() if self.until else None,
        }


@dataclass
class PlanView:
    activity: str
    unit: str
    resolution: float
    start: float
    target: float
    hold_days: int
    starts_on: date
    level: float | None
    steps: list[PlanStep]
    reaches_target_on: date
    deadline: date | None
    feasible: bool | None
    reachable_by_deadline_level: float | None
    explanation: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "activity": self.activity,
            "unit": self.unit,
            "start": self.start,
            "target": self.target,
            "hold_days": self.hold_days,
            "level": self.level,
            "steps": [step.to_json() for step in self.steps],
            "reaches_target_on": self.reaches_target_on.isoformat(),
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "feasible": self.feasible,
            "reachable_by_deadline_level": self.reachable_by_deadline_level,
            "starts_on": self.starts_on.isoformat(),
            "explanation": list(self.explanation),
        }


def _require_plan(activity: Activity) -> Plan:
    if activity.plan is None:
        raise Refused(
            f"'{activity.name}' has no progression plan yet.",
            hint=f"Set one with 'backskills plan set {arg(activity.name)} --target N'.",
        )
    return activity.plan


def plan_view(journal: Journal, activity: Activity, today: date) -> PlanView:
    """The plan of ``activity`` projected from the level in force today."""
    plan = _require_plan(activity)
    unit, res = activity.unit, activity.resolution
    event = level_event_on(activity, today)
    if event is None:  # the plan starts later: project from its first level
        event = min(activity.levels, key=lambda e: e.date) if activity.levels else None
    level_now = current_level(activity, today)
    base_level = event.to_level if event is not None else plan.start
    since = event.date if event is not None else plan.starts_on
    first_hold = event.hold_days if event is not None else plan.hold_days
    levels = staircase(base_level, plan.target, res, max_levels=MAX_PLAN_DAYS)
    steps: list[PlanStep] = []
    begin = since
    for index, level in enumerate(levels):
        if index == len(levels) - 1:
            steps.append(PlanStep(level, begin, None))
            break
        hold = first_hold if index == 0 else plan.hold_days
        following = begin + timedelta(days=hold)
        if index == 0 and following < today:
            following = today  # overdue: the earliest next step is today
        steps.append(PlanStep(level, begin, following - timedelta(days=1)))
        begin = following
    reaches = steps[-1].start
    feasible: bool | None = None
    reachable: float | None = None
    if plan.deadline is not None:
        feasible = reaches <= plan.deadline
        reachable = max((s.level for s in steps if s.start <= plan.deadline), default=None)
    view = PlanView(
        activity=activity.name,
        unit=unit,
        resolution=res,
        start=plan.start,
        target=plan.target,
        hold_days=plan.hold_days,
        starts_on=plan.starts_on,
        level=level_now,
        steps=steps,
        reaches_target_on=reaches,
        deadline=plan.deadline,
        feasible=feasible,
        reachable_by_deadline_level=reachable,
    )
    view.explanation = _plan_explanation(view, activity, base_level, since, today)
    return view


def _plan_explanation(
    view: PlanView, activity: Activity, base_level: float, since: date, today: date
) -> list[str]:
    unit = view.unit
    lines = []
    if len(view.steps) == 1:
        lines.append(f"{describe(base_level, unit)} is your target level: keep it up most days.")
    else:
        lines.append(
            f"Each step adds 10% of the level you are at, rounded down to steps of "
            f"{describe(view.resolution, unit)} and never less than one step; the last "
            f"step lands exactly on your target of {describe(view.target, unit)}."
        )
        lines.append(
            f"Each level is held at least {view.hold_days} days, and you step up only "
            f"after meeting it on {MET_NEEDED} of the last {WINDOW_DAYS} days."
        )
        count = len(view.steps) - 1
        days = (view.reaches_target_on - since).days
        lines.append(
            f"From {describe(base_level, unit)} (since {since.isoformat()}) that is "
            f"{count} step{'s' if count != 1 else ''}: at this pace the target is reached on "
            f"{view.reaches_target_on.isoformat()}, {days} days after {since.isoformat()}."
        )
    if view.deadline is not None:
        if view.feasible:
            spare = (view.deadline - view.reaches_target_on).days
            margin = (
                f"with {spare} day{'s' if spare != 1 else ''} to spare"
                if spare
                else "on the day itself, with nothing to spare"
            )
            lines.append(
                f"Your deadline {view.deadline.isoformat()} is reachable at this safe pace, "
                f"{margin}."
            )
        else:
            late = (view.reaches_target_on - view.deadline).days
            within = view.reachable_by_deadline_level
            lines.append(
                f"Your deadline {view.deadline.isoformat()} is {late} day"
                f"{'s' if late != 1 else ''} too soon to reach {describe(view.target, unit)} "
                "safely. backskills will not make the steps bigger to fit."
            )
            options = [f"keep the target and aim for {view.reaches_target_on.isoformat()} instead"]
            if within is not None:
                options.append(f"keep the deadline and aim for {describe(within, unit)} by then")
            lines.append("Honest choices: " + "; or ".join(options) + ".")
    if view.level is None:
        lines.append(f"The plan starts on {view.starts_on.isoformat()}.")
    return lines


# -- setting a plan --------------------------------------------------------------------
def _choose_start(activity: Activity, start: float | None, today: date) -> tuple[float, str]:
    unit = activity.unit
    if start is not None:
        return start, f"Starting level {describe(start, unit)}: the level you chose."
    summary = summarise(activity)
    level_now = current_level(activity, today) if activity.plan is not None else None
    last_level_change = max((e.date for e in activity.levels), default=None)
    baseline_done_on = summary.days[-1].date if summary.complete and summary.days else None
    if level_now is not None and (
        baseline_done_on is None
        or (last_level_change is not None and baseline_done_on <= last_level_change)
    ):
        return level_now, (
            f"Starting level {describe(level_now, unit)}: the level you have reached, so "
            "a new plan never sets you back."
        )
    if summary.complete and summary.start is not None:
        return summary.start, (
            f"Starting level {describe(summary.start, unit)}, from your baseline: an average "
            f"of {describe(summary.average or 0, unit)} × {units.fmt(summary.start_factor)}, "
            f"rounded down to steps of {describe(activity.resolution, unit)}."
        )
    if summary.complete:
        raise Refused(
            f"the baseline for '{activity.name}' averages less than one step of "
            f"{describe(activity.resolution, unit)}, so it gives no starting level.",
            hint=f"Choose one: 'backskills plan set {arg(activity.name)} --target N --start N'.",
        )
    logged = len(summary.days)
    raise Refused(
        f"'{activity.name}' has no complete baseline yet ({logged} of 3 days logged), so "
        "there is no starting level.",
        hint=(
            f"Log the baseline days with 'backskills baseline log {arg(activity.name)} AMOUNT', "
            "or give a starting level with --start N."
        ),
    )


def set_plan(
    journal: Journal,
    name: str,
    *,
    target: float,
    today: date,
    deadline: date | None = None,
    hold_days: int = DEFAULT_HOLD,
    start: float | None = None,
    starts_on: date | None = None,
    goal_id: int | None = None,
    new: bool = False,
) -> PlanView:
    """Create or replace the plan of ``name``; records the starting level as a level change."""
    safety.require_exercise_allowed(journal)
    if not HOLD_MIN <= hold_days <= HOLD_MAX:
        raise InvalidInput(
            "--hold-days",
            f"must be from {HOLD_MIN} to {HOLD_MAX} days (one to four weeks at each level).",
        )
    if not target > 0:
        raise InvalidInput("--target", "must be more than zero.")
    if start is not None and not start > 0:
        raise InvalidInput("--start", "must be more than zero.")
    begin = starts_on or today
    if (begin - today).days > MAX_START_AHEAD:
        raise InvalidInput("--from", "can be at most a year ahead.")
    if deadline is not None and deadline <= begin:
        raise InvalidInput("--by", f"must be after the day the plan starts ({begin.isoformat()}).")
    activity = find_activity(journal, name)
    if activity is None:
        if start is None:
            raise Refused(
                f"there is no baseline for '{name.strip()}' yet, so there is no starting level.",
                hint=(
                    f"Start one with 'backskills baseline log {arg(name.strip())} AMOUNT' "
                    "(three days), or give a starting level with --start N."
                ),
            )
        activity = ensure_activity(journal, name, None, today, new=new)
    level, why = _choose_start(activity, start, begin)
    unit = activity.unit
    if target < level:
        raise InvalidInput(
            "--target",
            f"{describe(target, unit)} is below the starting level of "
            f"{describe(level, unit)}; a plan builds up from where you start.",
        )
    levels = staircase(level, target, activity.resolution, MAX_PLAN_DAYS // hold_days + 2)
    if (len(levels) - 1) * hold_days > MAX_PLAN_DAYS:
        raise InvalidInput(
            "--target",
            f"{describe(target, unit)} is more than ten years of small steps away from "
            f"{describe(level, unit)}. Choose a nearer target, and set a new one when you "
            "get there.",
        )
    _check_not_before_last_change(activity, begin, "--from")
    reason: LevelReason = "plan_start"
    if activity.plan is not None:
        activity.past_plans.append(activity.plan.model_copy(update={"ended_on": today}))
        reason = "plan_update"
    activity.plan = Plan(
        start=level,
        target=target,
        hold_days=hold_days,
        starts_on=begin,
        deadline=deadline,
        created=today,
        goal_id=goal_id,
    )
    in_force = level_event_on(activity, begin)
    if starts_on is None and in_force is not None and in_force.to_level == level:
        why += " The days you have already done at this level still count."
    else:
        record_level(activity, begin, level, reason, hold_days)
    view = plan_view(journal, activity, today)
    view.explanation.insert(0, why)
    return view


def plan_views(journal: Journal, today: date, name: str | None = None) -> list[PlanView]:
    """Every plan (or the one of ``name``), projected from today."""
    if name is not None:
        return [plan_view(journal, _get_activity(journal, name), today)]
    return [plan_view(journal, a, today) for a in journal.activities if a.plan is not None]


# -- reviewing progress ----------------------------------------------------------------
@dataclass
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


@dataclass
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


def _last_step_up(activity: Activity, on: date) -> LevelEvent | None:
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


def _ease_choices(activity: Activity, plan: Plan, step: LevelEvent) -> list[EaseChoice]:
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


def _review(
    journal: Journal,
    activity: Activity,
    today: date,
    totals: dict[date, float],
    *,
    pain_up: bool = False,
) -> Recommendation:
    plan = _require_plan(activity)
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
    step = _last_step_up(activity, today)
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
        elif event.reason == "step_up":
            after = _mean_pain(journal, step.date, today)
            before = _mean_pain(journal, step.date - timedelta(days=7), step.date - timedelta(1))
            if after is not None and before is not None and after >= before + PAIN_RISE:
                rose = (
                    f"Your pain has gone up since the step up to {describe(step.to_level, unit)} "
                    f"on {step.date.isoformat()}: an average score of {after:.1f} since then, "
                    f"against {before:.1f} in the week before (a rise of {PAIN_RISE:.0f} or more)."
                )
        if rose:
            rec.recommendation = "ease_back"
            rec.choices = _ease_choices(activity, plan, step)
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
    totals = _window_totals(journal, today)
    if name is not None:
        activity = _get_activity(journal, name)
        _require_plan(activity)
        chosen = [activity]
    else:
        if pain_up:
            raise InvalidInput("--pain-up", "name the activity whose step up raised the pain.")
        chosen = [a for a in journal.activities if a.plan is not None]
    return [
        _review(journal, a, today, totals.get(a.name.casefold(), {}), pain_up=pain_up)
        for a in chosen
    ]


# -- applying a recommendation ---------------------------------------------------------
@dataclass
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
    plan = _require_plan(activity)
    _check_not_before_last_change(activity, day)
    # The same window as ``progress`` reviews (the days before ``day``), not every record.
    totals = _window_totals(journal, day).get(activity.name.casefold(), {})
    review = _review(journal, activity, day, totals)
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
    plan = _require_plan(activity)
    _check_not_before_last_change(activity, day)
    step = _last_step_up(activity, day)
    if step is None:
        raise Refused(
            f"'{activity.name}' has not been stepped up since its last change, so there is "
            "nothing to ease back from.",
            hint="Pain goes up and down; see 'backskills learn fluctuations'.",
        )
    choice = next(c for c in _ease_choices(activity, plan, step) if c.option == option)
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
