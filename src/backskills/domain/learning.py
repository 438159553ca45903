"""Relaxation practice and thought records: the rules, with no input or output.

- A guided breathing session paces slow tummy breaths: in for ``IN_SECONDS``, out for a
  little longer (``OUT_SECONDS``), for the minutes the patient chose.
- A session is recorded with the minutes actually done (to a tenth of a minute); a session
  stopped before one whole breath is not recorded.
- Thought records are numbered 1, 2, 3 ... in the order they are added.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import get_args

from backskills.domain.validate import printable
from backskills.errors import InvalidInput
from backskills.models import Journal
from backskills.models.entries import next_number
from backskills.models.learning import RelaxSession, ThoughtKind, ThoughtRecord
from backskills.plain import plain

IN_SECONDS = 4
OUT_SECONDS = 6
BREATH_SECONDS = IN_SECONDS + OUT_SECONDS
MAX_GUIDED_MINUTES = 60
MAX_LOGGED_MINUTES = 240

THOUGHT_KINDS: tuple[ThoughtKind, ...] = get_args(ThoughtKind)

# A short name and a one-line description of each thinking trap (see `learn thoughts`).
KIND_NAMES: dict[ThoughtKind, tuple[str, str]] = {
    "black-and-white": ("Black-and-white thinking", "all or nothing, with no middle ground"),
    "catastrophising": ("Catastrophising", "expecting the worst, or that it will be unbearable"),
    "should-must": ("Should and must", "strict rules you set for yourself"),
    "jumping-to-conclusions": (
        "Jumping to conclusions",
        "deciding what is true, or what others think, without the evidence",
    ),
    "mental-filter": ("Mental filter", "seeing only the gloomy part and missing the rest"),
    "critical-self": ("Critical self", "putting yourself down"),
}


# The steps of slow tummy breathing, as the pacer and `relax` without a terminal show them.
BREATHING_STEPS = (
    "Settle into a comfortable position: sitting, standing or lying down.",
    "Rest one hand on your tummy, just below your ribs.",
    f"Breathe in slowly through your nose for about {IN_SECONDS} seconds; "
    "feel your tummy push out under your hand.",
    f"Breathe out gently through your mouth for about {OUT_SECONDS} seconds "
    "and let your tummy fall. A quiet 'relax' as you breathe out can help.",
    "Let your shoulders drop. If they feel tight, lift them to your ears and let them go.",
    "Keep going at this easy pace. If you feel light-headed, breathe normally for a moment, "
    "then start again more gently.",
)


@plain(frozen=True)
class BreathingPlan:
    minutes: int
    in_seconds: int
    out_seconds: int
    breaths: int

    @property
    def total_seconds(self) -> int:
        return self.breaths * (self.in_seconds + self.out_seconds)


def breathing_plan(minutes: int) -> BreathingPlan:
    """How many slow breaths fill ``minutes`` (at least one)."""
    breaths = max(1, (minutes * 60) // BREATH_SECONDS)
    return BreathingPlan(minutes, IN_SECONDS, OUT_SECONDS, breaths)


def minutes_done(seconds: float) -> float:
    """Whole seconds of practice as minutes (75 s is 1.25), never more than was done.

    Stored to a millionth of a minute, so ``duration_words`` gives back the seconds.
    """
    if not math.isfinite(seconds) or seconds <= 0:
        return 0.0
    return math.floor(math.floor(seconds) / 60 * 1_000_000) / 1_000_000


def duration_words(minutes: float) -> str:
    """A relaxation time in words: "20 seconds", "1 minute 15 seconds", "10 minutes"."""
    total = round(minutes * 60) if math.isfinite(minutes) and minutes > 0 else 0
    whole, seconds = divmod(total, 60)
    parts = []
    if whole:
        parts.append(f"{whole:,} minute{'s' if whole != 1 else ''}")
    if seconds or not whole:
        parts.append(f"{seconds} second{'s' if seconds != 1 else ''}")
    return " ".join(parts)


def worth_recording(seconds: float) -> bool:
    """A session counts once at least one whole breath was done."""
    return seconds >= BREATH_SECONDS


def log_relaxation(
    journal: Journal, day: date, minutes: float, *, guided: bool, note: str | None = None
) -> RelaxSession:
    session = RelaxSession(date=day, minutes=minutes, guided=guided, note=note)
    journal.relaxation.append(session)
    return session


def relaxation_minutes(journal: Journal, since: date) -> float:
    """Minutes of relaxation recorded on or after ``since``."""
    return sum(s.minutes for s in journal.relaxation if s.date >= since)


def thought_kind(raw: str, field: str = "--kind") -> ThoughtKind:
    """A thinking trap by its name; ``should/must``, ``Mental Filter``, its number in the
    list (1 to 6) or the start of its name (``catastroph``, at least 3 letters) are fine too."""
    key = "-".join(w for w in re.split(r"[\s_/\-]+", raw.strip().casefold()) if w)
    if key.isdigit() and 1 <= int(key) <= len(THOUGHT_KINDS):
        return THOUGHT_KINDS[int(key) - 1]
    for candidate in (key, key.replace("-and-", "-")):
        if candidate in THOUGHT_KINDS:
            return candidate
    starts = [kind for kind in THOUGHT_KINDS if len(key) >= 3 and kind.startswith(key)]
    if len(starts) == 1:
        return starts[0]
    raise InvalidInput(
        field, f"'{printable(raw)}' is not one of the six kinds: {', '.join(THOUGHT_KINDS)}."
    )


def add_thought(
    journal: Journal,
    day: date,
    *,
    situation: str,
    thought: str,
    feeling: str | None = None,
    action: str | None = None,
    kind: ThoughtKind | None = None,
    alternative: str | None = None,
) -> ThoughtRecord:
    next_id = next_number(journal, "t", (t.id for t in journal.thoughts))
    record = ThoughtRecord(
        id=next_id,
        date=day,
        situation=situation,
        thought=thought,
        feeling=feeling,
        action=action,
        kind=kind,
        alternative=alternative,
    )
    journal.thoughts.append(record)
    return record
