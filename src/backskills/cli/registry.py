"""Every top-level command: its module and its one-line help.

Commands are imported only when run, so ``backskills --help`` and ``backskills
--version`` stay fast (see ``python -X importtime -m backskills --help``). Each module
``backskills.cli.<module>`` exposes a Typer ``app``.
"""

from __future__ import annotations

# name -> (module, short help). Order is the order shown in --help.
COMMANDS: dict[str, tuple[str, str]] = {
    "pace": ("pace", "Pace everyday activities: tolerance, tasks, a day plan and a review."),
    "learn": ("learn", "Read the leaflets: how pain works, pacing, goals, flare-ups and more."),
    "exercises": ("exercises", "The home exercises, with easy, medium and hard options."),
    "relax": ("relax", "A guided deep-breathing session; record relaxation practice."),
    "thoughts": ("thoughts", "Thought records: catch an unhelpful thought and find a kinder one."),
    "data": ("data", "Where your journal lives; check, back up, restore, export and import it."),
}
