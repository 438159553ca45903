"""Rendering of plans and progress reviews (``backskills plan`` and ``progress``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backskills import render
from backskills.domain.activities import arg, describe
from backskills.domain.units import fmt

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from backskills.domain.history import LevelStep
    from backskills.domain.progression.changes import LevelChange
    from backskills.domain.progression.projection import PlanView
    from backskills.domain.progression.review import Recommendation

WORDS = {
    "step_up": "ready to step up",
    "hold": "hold",
    "ease_back": "ease back?",
    "at_target": "at target",
    "paused": "paused",
}


def plan(view: PlanView) -> None:
    unit = view.unit
    render.say(
        (f"Plan for {view.activity}: ", "bold"),
        f"{fmt(view.start)} to {fmt(view.target)} {unit}, each level held "
        f"{view.hold_days} days or more.",
    )
    if view.level is not None:
        render.say(f"Your level now: {describe(view.level, unit)}.")
    render.table(
        ["level", "from", "until"],
        [
            (
                describe(s.level, unit),
                s.start.isoformat(),
                s.until.isoformat() if s.until else "target: keep it up",
            )
            for s in view.steps
        ],
    )
    for line in view.explanation:
        render.say(line)
    if view.feasible is False:
        render.warn(
            f"The deadline {view.deadline.isoformat() if view.deadline else ''} comes "
            "before the target can be reached safely."
        )


def climb(steps: Sequence[LevelStep], unit: str) -> None:
    """The climb so far: every level change with its reason and how long it was held."""
    render.say(("The climb so far:", "bold"))
    render.table(
        ["from", "level", "why", "held"],
        [
            (
                step.date.isoformat(),
                describe(step.to_level, unit),
                step.words,
                f"{step.days} day{'s' if step.days != 1 else ''}"
                + (" so far" if step.current else ""),
            )
            for step in steps
        ],
    )


def plans(views: list[PlanView], climbs: Mapping[str, Sequence[LevelStep]] | None = None) -> None:
    if not views:
        render.say("No plans yet.")
        render.hint("Log a three-day baseline, then: backskills plan set ACTIVITY --target N")
        return
    for index, view in enumerate(views):
        if index:
            render.say("")
        steps = (climbs or {}).get(view.activity)
        if steps:
            climb(steps, view.unit)
            render.say(("The steps ahead:", "bold"))
        plan(view)
    render.more("progression")


def recommendations(recs: list[Recommendation]) -> None:
    if not recs:
        render.say("No plans to review yet.")
        render.hint("Set one with: backskills plan set ACTIVITY --target N")
        return
    for index, rec in enumerate(recs):
        if index:
            render.say("")
        level = "-" if rec.level is None else describe(rec.level, rec.unit)
        render.say(
            (f"{rec.activity}: {WORDS[rec.recommendation]}", "bold"),
            f" (level {level}, target {describe(rec.target, rec.unit)})",
        )
        render.say(rec.reason)
        if rec.recommendation == "step_up":
            render.hint(f"Accept it with: backskills progress step-up {arg(rec.activity)}")
        elif rec.recommendation == "ease_back":
            for choice in rec.choices:
                render.say(f"- {choice.option}: {choice.text}")
            render.hint(
                f"Choose with: backskills progress ease-back {arg(rec.activity)} "
                "--option previous (or --option halfway, or --option stay)"
            )
            render.more("progression")
        elif rec.recommendation == "paused":
            render.more("flareups")
        elif rec.recommendation == "at_target":
            render.more("goals")
    if any(rec.recommendation == "hold" for rec in recs):
        render.more("progression")  # why a level is held before the next step


def level_change(change: LevelChange) -> None:
    event = change.event
    before = "-" if event.from_level is None else fmt(event.from_level)
    render.say(
        (f"{change.activity}: ", "bold"),
        f"{before} to {fmt(event.to_level)} {change.unit} from {event.date.isoformat()}.",
    )
    for line in change.explanation:
        render.say(line)
