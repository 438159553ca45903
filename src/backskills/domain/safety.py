"""Safety gates shared by every feature that starts or increases exercise.

- While the latest red-flag check gates (``see_professional``, ``urgent`` or
  ``emergency``) and no professional assessment of that check has been recorded, starting
  or increasing exercise is refused (``Refused``, exit 1). ``routine`` and ``clear`` never
  gate. Recording (log, pain, baseline days) is never blocked. ``open_check`` is the one
  place that decides this.
- While a flare-up is active, progression is paused.
"""

from __future__ import annotations

from backskills.errors import Refused
from backskills.models import Journal
from backskills.models.safety import Assessment, FlareUp, Outcome, RedFlagCheck

# The outcomes that stop backskills starting or increasing exercise until assessed.
GATING: frozenset[Outcome] = frozenset({"emergency", "urgent", "see_professional"})

OUTCOME_WORDS: dict[Outcome, str] = {
    "emergency": "emergency: call 999 or go to A&E",
    "urgent": "urgent: contact your GP today",
    "see_professional": "have it checked by your GP or physiotherapist",
    "routine": "mention it at your next appointment",
    "clear": "clear",
}


def counted_checks(journal: Journal) -> list[tuple[int, RedFlagCheck]]:
    """The red-flag checks that count, oldest first, with their index in the journal.

    A check the patient marked as entered by mistake (``entries remove``) stays in the
    journal and the history but is left out here, and so out of the gate, the reminders
    and ``redflags assessed``."""
    return [
        (index, check)
        for index, check in enumerate(journal.redflag_checks)
        if check.entered_by_mistake is None
    ]


def latest_counted(journal: Journal) -> tuple[int, RedFlagCheck] | None:
    checks = counted_checks(journal)
    return checks[-1] if checks else None


def latest_check(journal: Journal) -> RedFlagCheck | None:
    latest = latest_counted(journal)
    return None if latest is None else latest[1]


def assessment_of(journal: Journal, index: int) -> Assessment | None:
    """The (last) assessment recorded for the check at ``index``, if any."""
    found = [a for a in journal.assessments if a.check == index]
    return found[-1] if found else None


def latest_check_assessed(journal: Journal) -> bool:
    latest = latest_counted(journal)
    return latest is not None and assessment_of(journal, latest[0]) is not None


def open_check(journal: Journal) -> tuple[int, RedFlagCheck] | None:
    """The check that stops exercise being started or increased, or None.

    It is the latest counted check, when its outcome gates and no assessment of it has
    been recorded. A newer clear or routine check lifts the gate; so does an assessment."""
    latest = latest_counted(journal)
    if latest is None:
        return None
    index, check = latest
    if check.outcome not in GATING or assessment_of(journal, index) is not None:
        return None
    return latest


def exercise_block_reason(journal: Journal) -> str | None:
    """Why exercise may not be started or increased now, or None when it may."""
    found = open_check(journal)
    if found is None:
        return None
    check = found[1]
    return (
        f"your last red-flag check ({check.checked_on.isoformat()}) said "
        f"'{OUTCOME_WORDS[check.outcome]}', so backskills will not start or increase "
        "exercise until that has been looked at."
    )


def require_exercise_allowed(journal: Journal) -> None:
    """Raise ``Refused`` when exercise may not be started or increased."""
    reason = exercise_block_reason(journal)
    if reason is not None:
        raise Refused(
            reason,
            hint=(
                "Once a GP or physiotherapist has assessed you, record it with "
                "'backskills redflags assessed'. If things have changed, run "
                "'backskills redflags' again."
            ),
        )


def active_flareup(journal: Journal) -> FlareUp | None:
    """The flare-up in progress (started, not yet ended), if any."""
    for flare in reversed(journal.flareups):
        if flare.ended is None:
            return flare
    return None
