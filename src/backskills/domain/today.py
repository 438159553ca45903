"""The home screen: what today asks of each planned activity.

``build`` returns a ``TodayView``. Other features add their own section: a builder in
their domain module, one call and one field here, and their rendering in
``render/today.py``.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from backskills.domain.baseline import BASELINE_DAYS, summarise
from backskills.domain.progression.review import Recommendation, evaluate
from backskills.domain.records import DayStatus, day_status
from backskills.models import Journal
from backskills.plain import field, plain

if TYPE_CHECKING:  # the sections' modules are loaded by ``build``, past the empty journal
    from backskills.domain import checkins, flareups, redflags
    from backskills.domain.goals.today_view import TodayGoal
    from backskills.domain.pacing.plan import Spell

# The short welcome on an empty journal: the first three commands to run.
FIRST_STEPS = (
    ("backskills learn programme", "what the programme is and how this tool helps"),
    ("backskills redflags", "check the warning signs that need a doctor first"),
    ("backskills baseline log walking 10 --felt ok", "log day 1 of a baseline"),
)
# On Mondays ``today`` points to the summary once the journal is at least this many days old.
SUMMARY_AFTER_DAYS = 7


@plain
class TodayActivity:
    status: DayStatus
    recommendation: Recommendation

    def to_json(self) -> dict[str, Any]:
        rec = self.recommendation
        return {
            "activity": self.status.activity,
            "unit": self.status.unit,
            "level": self.status.level,
            "done": self.status.total,
            "remaining": self.status.remaining,
            "met": self.status.met,
            "over_level": self.status.over_level,
            "next_level": rec.next_level,
            "target": rec.target,
            "recommendation": rec.recommendation,
            "reason": rec.reason,
        }


@plain
class TodayBaseline:
    activity: str
    unit: str
    days_logged: int
    logged_today: bool
    next_suggestion: float | None
    explanation: list[str]

    def to_json(self) -> dict[str, Any]:
        return {
            "activity": self.activity,
            "unit": self.unit,
            "days_logged": self.days_logged,
            "logged_today": self.logged_today,
            "next_suggestion": self.next_suggestion,
        }


@plain
class TodayView:
    date: date
    empty: bool
    activities: list[TodayActivity] = field(default_factory=list)
    baselines: list[TodayBaseline] = field(default_factory=list)
    other: list[DayStatus] = field(default_factory=list)  # logged today, no plan
    pain_scores: list[int] = field(default_factory=list)
    goals: list[TodayGoal] = field(default_factory=list)  # active goals (issue 4)
    pacing: list[Spell] = field(default_factory=list)  # today's pacing spells
    pacing_bad_day: bool = False  # the spells are bad-day ones (a flare-up is on)
    red_flags: redflags.TodayNotice | None = None  # reminder or banner (issue 5)
    flareup: flareups.TodaySection | None = None  # the active flare-up (issue 5)
    checkin: checkins.Reminder | None = None  # a check-in is due (issue 13)
    summary_due: bool = False  # once a week (Mondays): point to `backskills summary`

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "empty": self.empty,
            "activities": [a.to_json() for a in self.activities],
            "baselines": [b.to_json() for b in self.baselines],
            "logged": [
                {"activity": s.activity, "unit": s.unit, "done": s.total} for s in self.other
            ],
            "pain": {"recorded": bool(self.pain_scores), "scores": list(self.pain_scores)},
            "first_steps": (
                [{"command": c, "why": why} for c, why in FIRST_STEPS] if self.empty else []
            ),
            "goals": [g.to_json() for g in self.goals],
            "pacing": [s.to_json() for s in self.pacing],
            "pacing_bad_day": self.pacing_bad_day,
            "redflags": self.red_flags.to_json() if self.red_flags else None,
            "flareup": self.flareup.to_json() if self.flareup else None,
            "checkin_due": self.checkin.to_json() if self.checkin else None,
            "summary_due": self.summary_due,
        }


def is_empty(journal: Journal) -> bool:
    """Nothing recorded at all: the first run."""
    return journal.has_only_defaults()


def build(journal: Journal, today: date, *, normal_day: bool = False) -> TodayView:
    """The home screen. While a flare-up is active, pacing spells are bad-day ones unless
    ``normal_day``."""
    view = TodayView(date=today, empty=is_empty(journal))
    if view.empty:
        return view
    from backskills.domain import checkins, flareups, redflags
    from backskills.domain.goals.today_view import today_section
    from backskills.domain.pacing.planner import today_spells

    view.red_flags = redflags.today_notice(journal, today)
    view.flareup = flareups.today_section(journal, today)
    recommendations = {r.activity: r for r in evaluate(journal, today)}
    todays = [r for r in journal.records if r.date == today]
    logged_today = {r.activity.casefold() for r in todays}
    for activity in journal.activities:
        status = day_status(journal, activity.name, today, todays)
        if status is None:
            continue
        rec = recommendations.get(activity.name)
        if rec is not None:
            view.activities.append(TodayActivity(status, rec))
        elif activity.name.casefold() in logged_today:
            view.other.append(status)
        if activity.baseline is not None and activity.baseline.days:
            summary = summarise(activity)
            if not summary.complete:
                view.baselines.append(
                    TodayBaseline(
                        activity=activity.name,
                        unit=activity.unit,
                        days_logged=len(summary.days),
                        logged_today=any(d.date == today for d in summary.days),
                        next_suggestion=summary.next_suggestion,
                        explanation=summary.explanation,
                    )
                )
    view.pain_scores = [p.score for p in journal.pain if p.date == today]
    view.goals = today_section(journal, today)
    view.pacing = today_spells(journal, today, normal_day=normal_day)
    view.pacing_bad_day = bool(view.pacing) and view.flareup is not None and not normal_day
    view.checkin = checkins.reminder(journal, today)
    view.summary_due = summary_due(journal, today)
    return view


def summary_due(journal: Journal, today: date) -> bool:
    """``today`` points to the summary once a week: on Mondays, once a week has been kept
    (an activity or goal made, or anything recorded, at least a week ago).

    An activity or goal that old decides it at once; otherwise the history module (and its
    many result types) is loaded to find the first entry, only on a Monday.
    """
    if today.weekday() != 0:
        return False
    if any(
        (today - made).days >= SUMMARY_AFTER_DAYS
        for made in [*(a.created for a in journal.activities), *(g.created for g in journal.goals)]
    ):
        return True
    from backskills.domain.history import earliest_entry

    earliest = earliest_entry(journal)
    return earliest is not None and (today - earliest).days >= SUMMARY_AFTER_DAYS


__all__ = [
    "BASELINE_DAYS",
    "FIRST_STEPS",
    "SUMMARY_AFTER_DAYS",
    "TodayActivity",
    "TodayBaseline",
    "TodayView",
    "build",
    "is_empty",
    "summary_due",
]
