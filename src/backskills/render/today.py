"""Rendering of the home screen (``backskills today``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backskills import render
from backskills.domain.activities import describe
from backskills.domain.units import fmt

if TYPE_CHECKING:
    from backskills.domain.today import TodayView

ADVICE = {
    "step_up": "ready to step up: run 'backskills progress'",
    "ease_back": "pain rose after the last step: see 'backskills progress'",
    "at_target": "at your target: well done",
    "paused": "paused during the flare-up",
}


def welcome(steps: tuple[tuple[str, str], ...]) -> None:
    render.say(("Welcome to backskills.", "bold"))
    render.say("Your journal is empty. It stays on this computer. Three commands to start with:")
    for number, (command, why) in enumerate(steps, 1):
        render.say(f"{number}. {command}", ("  " + why, "dim"))
    render.say("Run 'backskills --help' to see everything it can do.")


def home(view: TodayView) -> None:
    from backskills.render import safety

    render.say((f"Today, {view.date:%A %d %B %Y}", "bold"))
    safety.today_notice(view.red_flags)
    safety.flareup_today(view.flareup)
    if not (view.activities or view.baselines or view.other or view.goals or view.pacing):
        render.say("No plans yet.")
        render.hint(
            "Log a three-day baseline with 'backskills baseline log ACTIVITY AMOUNT', "
            "then 'backskills plan set'."
        )
    if view.activities:
        # A list, not a table: it reads the same on a 40-column screen as on a wide one.
        render.say(("Your levels today:", "bold"))
        for item in view.activities:
            s, rec = item.status, item.recommendation
            if s.level is None:
                render.say(f"- {s.activity}: {fmt(s.total)} done; the plan has not started yet.")
                continue
            left = "met" if s.met else f"{describe(s.remaining or 0, s.unit)} to go"
            advice = ADVICE.get(rec.recommendation, "hold this level")
            render.say(
                f"- {s.activity}: {fmt(s.total)} of {describe(s.level, s.unit)} done, {left}. "
                f"Progress: {advice}."
            )
        for item in view.activities:
            message = item.status.boom_warning()
            if message:
                render.warn(message)
                render.more("fluctuations", stderr=True)
    for base in view.baselines:
        state = "logged today" if base.logged_today else "not logged today"
        render.say(f"Baseline {base.activity}: {base.days_logged} of 3 days ({state}).")
        for line in base.explanation:
            render.say("  " + line)
    for other in view.other:
        render.say(f"Also logged today: {describe(other.total, other.unit)} of {other.activity}.")
    if view.goals:
        from backskills.render.goals import today_goals

        today_goals(view.goals)
    if view.pacing:
        from backskills.render.pacing import today_section as pacing_section

        pacing_section(view.pacing, view.pacing_bad_day)
    if view.checkin is not None:
        from backskills.render.checkin import reminder

        reminder(view.checkin)
    if view.summary_due:
        render.hint("A new week. See how the last six weeks went: backskills summary")
    if view.pain_scores:
        from backskills.render.records import pain_scores_words

        render.say(pain_scores_words("Pain today", view.pain_scores))
    else:
        render.say(
            "No pain score yet today. Add one, from 0 (none) to 10 (worst): backskills pain 4"
        )
