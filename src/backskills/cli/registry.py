"""Every top-level command: its module and its one-line help.

Commands are imported only when run, so ``backskills --help`` and ``backskills
--version`` stay fast (see ``python -X importtime -m backskills --help``). Each module
``backskills.cli.<module>`` exposes a Typer ``app``.
"""

from __future__ import annotations

# name -> (module, short help). Order is the order shown in --help.
COMMANDS: dict[str, tuple[str, str]] = {
    "today": ("today", "Your day at a glance: levels, what is done and left, what is next."),
    "redflags": ("redflags", "Check the warning signs that need a doctor, and what to do."),
    "goal": ("goals", "SMART goals: set them, break them into steps, review them."),
    "baseline": ("baseline", "Find where to start: three days of an activity give a level."),
    "plan": ("plan", "Build up slowly: small steps from your starting level to a target."),
    "log": ("log", "Record what you did: any activity, any amount."),
    "pain": ("pain", "Record a pain score (0 to 10) for the day."),
    "progress": ("progress", "Review your plans: step up, hold or ease back, with reasons."),
    "history": ("history", "See your progress: level changes, weekly tables, charts, pain."),
    "summary": ("summary", "The last six weeks at a glance: what went well, pain, goals."),
    "flareup": ("flareup", "Get through a flare-up: first steps, your plan, pausing progress."),
    "goodspell": ("goodspell", "Your plan for good spells, without a boom before the bust."),
    "pace": ("pace", "Pace everyday activities: tolerance, tasks, a day plan and a review."),
    "checkin": (
        "checkin",
        "Check in at week 1 and week 6: pain, hard activities (PSFS), tests; see what changed.",
    ),
    "learn": ("learn", "Read the leaflets: how pain works, pacing, goals, flare-ups and more."),
    "exercises": ("exercises", "The home exercises, with easy, medium and hard options."),
    "relax": ("relax", "A guided deep-breathing session; record relaxation practice."),
    "thoughts": ("thoughts", "Thought records: catch an unhelpful thought and find a kinder one."),
    "activity": ("activity", "Your activities: list them; rename, merge or remove one."),
    "undo": ("undo", "Take back the last change, after saying what it will undo."),
    "entries": ("entries", "See, correct or remove any entry by its id (a12, p3, ...)."),
    "report": ("report", "A report for your physiotherapist: levels, charts, pain, questions."),
    "calendar": (
        "calendar",
        "Your plan in your calendar app: an iCalendar file of levels and dates.",
    ),
    "data": ("data", "Where your journal lives; check, back up, restore, export and import it."),
}
