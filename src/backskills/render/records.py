"""Rendering of daily records (``backskills log`` and ``pain``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from backskills import render
from backskills.domain.activities import arg, describe

if TYPE_CHECKING:
    from backskills.domain.records import LogResult, PainResult

HIGH_PAIN = 7


def boom_warning(result: LogResult) -> None:
    """On stderr, so a --json run sees it too."""
    message = result.status.boom_warning()
    if message:
        render.warn(message)
        render.more("fluctuations", stderr=True)


def repeat_note(result: LogResult) -> None:
    """On stderr: the same record was typed moments ago (a command pasted twice?)."""
    if result.repeat:
        render.warn(
            "that looks like a repeat of a record you logged moments ago; "
            "'backskills undo' takes it back."
        )


def logged(result: LogResult) -> None:
    record = result.record
    render.say(
        ("Logged: ", "bold"),
        f"{describe(record.amount, result.unit)} of {record.activity} on {record.date.isoformat()}"
        f" ({record.id}).",
    )
    if result.new_activity:
        render.say(f"{record.activity} is new; it is measured in {result.unit}.")
    for line in result.explanation:
        render.say(line)
    if result.pain is not None:
        render.say(f"Pain score {result.pain.score} out of 10 recorded for that day too.")
    if result.status.level is None and result.new_activity:
        render.hint(
            f"To find a starting level, log three days with: backskills baseline log "
            f"{arg(record.activity)} AMOUNT"
        )


def pain(result: PainResult) -> None:
    score = result.score
    render.say(
        ("Pain recorded: ", "bold"),
        f"{score.score} out of 10 on {score.date.isoformat()} ({score.id}).",
    )
    if len(result.same_day) > 1:
        render.say(pain_scores_words("Scores that day", result.same_day))
    if score.score >= HIGH_PAIN:
        render.say(
            "A high score is hard going. Pain rising does not mean damage: ease off a little "
            "and keep gently moving. If it comes with any of the warning signs, run "
            "'backskills redflags' now."
        )
        render.more("flareups")


def pain_scores_words(label: str, scores: Sequence[int]) -> str:
    """Several scores on one day as one sentence, in the order they were given.

    "Pain today: 4 out of 10 at first, then 6." rather than "4, 6 out of 10".
    """
    if not scores:
        return f"{label}: none."
    first, *later = scores
    text = f"{label}: {first} out of 10"
    if later:
        text += " at first, then " + ", then ".join(str(s) for s in later)
    return text + "."
