"""Advice about a goal, returned as data: a deadline too far off or too near, a vague title
or no number, the same title twice, more than two or three active goals."""

from __future__ import annotations

from datetime import date
from typing import Literal

from backskills.domain.goals.finding import active_goals
from backskills.domain.goals.smart import add_months
from backskills.models import Journal
from backskills.plain import plain

BEST_ACTIVE = 3  # two or three goals at a time work best
LONGEST_MONTHS = 6  # a deadline further away than this earns a warning
SHORTEST_DAYS = 14  # ... and so does one nearer than this
VAGUE_WORDS = 3  # a title of fewer words than this is probably not specific

AdviceLevel = Literal["warning", "hint"]

__all__ = [
    "Advice",
    "AdviceLevel",
    "count_advice",
    "deadline_advice",
    "duplicate_advice",
    "title_advice",
]


@plain(frozen=True)
class Advice:
    """A warning or hint about a goal: what we noticed and what to try instead."""

    level: AdviceLevel
    code: str
    message: str
    suggestion: str

    def to_json(self) -> dict[str, str]:
        return {
            "level": self.level,
            "code": self.code,
            "message": self.message,
            "suggestion": self.suggestion,
        }


def deadline_advice(deadline: date, today: date) -> list[Advice]:
    days = (deadline - today).days
    if deadline > add_months(today, LONGEST_MONTHS):
        return [
            Advice(
                "warning",
                "deadline_far",
                f"The deadline is {days} days away, more than six months.",
                "A goal that far off is easy to put off. Try a nearer goal, within two or "
                "three months, as a stepping stone, and set the next one when you reach it.",
            )
        ]
    if days < SHORTEST_DAYS:
        return [
            Advice(
                "warning",
                "deadline_near",
                f"The deadline is only {days} day(s) away, less than two weeks.",
                "Your body needs time to adapt, so build up over at least two weeks: move the "
                "deadline later (--within 4w), or make this a step of a bigger goal.",
            )
        ]
    return []


def title_advice(title: str, target: float | None) -> list[Advice]:
    words = [word for word in title.split() if any(ch.isalnum() for ch in word)]
    if len(words) < VAGUE_WORDS:
        return [
            Advice(
                "hint",
                "vague_title",
                f"'{title}' is quite short, so it may be hard to tell when it is done.",
                "Say exactly what, where and how often, e.g. "
                "'walk half a mile on flat ground, twice a week'.",
            )
        ]
    if target is None:
        return [
            Advice(
                "hint",
                "no_target",
                "This goal has no number to aim for, so progress is hard to see.",
                "Add something you can count or time with --target N --unit U.",
            )
        ]
    return []


def _title_key(title: str) -> str:
    return " ".join("".join(ch for ch in title.casefold() if ch.isalnum() or ch.isspace()).split())


def duplicate_advice(journal: Journal, title: str, goal_id: int | None = None) -> list[Advice]:
    """A note when an active goal (other than ``goal_id``) already has this title."""
    same = [
        g
        for g in active_goals(journal)
        if g.id != goal_id and _title_key(g.title) == _title_key(title)
    ]
    if not same:
        return []
    other = same[0]
    return [
        Advice(
            "hint",
            "duplicate_title",
            f"You already have an active goal with this title (goal {other.id}).",
            f"If it is the same goal, keep one: 'backskills goal drop {other.id}' or drop the "
            "new one; if it is a new stage, a different title tells them apart.",
        )
    ]


def count_advice(active_including_new: int) -> list[Advice]:
    if active_including_new <= BEST_ACTIVE:
        return []
    return [
        Advice(
            "warning",
            "many_goals",
            f"You now have {active_including_new} active goals.",
            "Two or three at a time work best, so each gets enough attention. Think about "
            "finishing or dropping one first ('backskills goal list').",
        )
    ]
