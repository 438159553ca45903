"""The breathing pacer: a calm live display for ``backskills relax`` on a terminal."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from backskills.domain.activities import describe
from backskills.render import out, say, text

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from backskills.domain.learning import BreathingPlan

# The pacer waits one second per tick; tests replace this with a function that does not wait.
sleep: Callable[[float], None] = time.sleep

BAR_WIDTH = 40

PHASES = ("Breathe in slowly through your nose", "Breathe out gently through your mouth")


def _frame(
    plan: BreathingPlan, breath: int, words: str, count: int, done: int, width: int = 80
) -> RenderableType:
    """One tick of the pacer for a screen ``width`` columns wide (the bar sits on its own line)."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.progress_bar import ProgressBar

    left = plan.total_seconds - done
    return Group(
        text(""),
        text((f"  {words}", "bold"), f"   {count}"),
        text(""),
        Padding(
            ProgressBar(
                total=plan.total_seconds,
                completed=done,
                width=max(10, min(BAR_WIDTH, width - 4)),
                style="dim",
                complete_style="cyan",
                finished_style="cyan",
            ),
            (0, 0, 0, 2),
        ),
        text((f"  breath {breath} of {plan.breaths}, {left // 60}:{left % 60:02d} to go", "dim")),
        text(("  Ctrl-C stops at any time; the minutes you did are kept.", "dim")),
    )


def pace_breathing(plan: BreathingPlan, console: Console | None = None) -> int:
    """Show the pacer for the whole plan. Returns the seconds done; Ctrl-C ends it early."""
    from rich.live import Live

    screen = console or out()
    done = 0
    live = Live(console=screen, auto_refresh=False, transient=True)
    try:
        with live:
            for breath in range(1, plan.breaths + 1):
                lengths = (plan.in_seconds, plan.out_seconds)
                for words, seconds in zip(PHASES, lengths, strict=True):
                    for count in range(seconds, 0, -1):
                        frame = _frame(plan, breath, words, count, done, screen.width)
                        live.update(frame, refresh=True)
                        sleep(1)
                        done += 1
    except KeyboardInterrupt:
        pass
    return done


def breathing_steps(plan: BreathingPlan, steps: Sequence[str]) -> None:
    """The steps as plain text, for when there is no terminal to pace on."""
    say(
        (f"Deep breathing for {describe(plan.minutes, 'minutes')}", "bold"),
        f": about {plan.breaths} slow breaths, in for {plan.in_seconds} seconds and out "
        f"for {plan.out_seconds}.",
    )
    for number, step in enumerate(steps, start=1):
        say(f"{number}. {step}")
