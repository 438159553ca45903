"""Rendering of ``backskills report`` and ``report questions`` on the terminal."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from backskills import render

if TYPE_CHECKING:
    from backskills.domain.report import QuestionLine, Report
    from backskills.models.report import Question


def to_stdout(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def health_note(path: Path | None) -> None:
    """On stderr: the report holds health information."""
    where = f"{path} holds" if path is not None else "This report holds"
    render.info(
        f"{where} health information. "
        + ("Only you can read the file. " if path is not None else "")
        + "Share it only with the people you choose; email and messages are not private."
    )


def written(report: Report, path: Path, kind: str) -> None:
    render.say(("Report written: ", "bold"), str(path), wrap=False)
    render.say(
        f"{report.period}: {len(report.activities)} activit"
        f"{'y' if len(report.activities) == 1 else 'ies'}, {len(report.pain.days)} pain "
        f"score{'s' if len(report.pain.days) != 1 else ''}, {len(report.questions)} "
        f"question{'s' if len(report.questions) != 1 else ''}."
    )
    if report.alerts:
        render.say(
            ("Note: ", "bold"),
            "a red-flag check that is not clear is at the top of the report.",
        )
    render.say(
        f"{path} holds health information. Only you can read the file; share it only with "
        "the people you choose (email and messages are not private)."
    )
    if kind == "html":
        render.say(
            "Open it in a web browser to read or print it (A4 or Letter). It loads nothing "
            "from the internet."
        )


def questions_added(added: list[Question], count: int) -> None:
    for question in added:
        render.say(("Noted question ", "bold"), f"{question.id}: {question.text}")
    render.say(
        f"You have {count} question{'s' if count != 1 else ''} for your next appointment; "
        "'backskills report' puts them in your report."
    )


def questions_list(listed: list[QuestionLine]) -> None:
    if not listed:
        render.say(
            'No questions noted. Add one with: backskills report --question "Can I start swimming?"'
        )
        return
    render.heading("Your questions for the next appointment")
    for q in listed:
        render.say(f"{q.number}. {q.text}  ({q.added.isoformat()})")
    render.say("After your appointment: backskills report questions --clear")


def questions_removed(gone: list[QuestionLine], left: list[QuestionLine]) -> None:
    if not gone:
        render.say("There were no questions to clear.")
        return
    for q in gone:
        render.say(("Removed ", "bold"), f"question {q.number}: {q.text}")
    render.say(
        f"{len(left)} question{'s' if len(left) != 1 else ''} left for your next appointment."
    )
