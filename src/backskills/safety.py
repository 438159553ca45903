"""Safety gates shared by every feature that starts or increases exercise.

- While the latest red-flag check is not ``clear`` and no professional assessment of that
  check has been recorded, starting or increasing exercise is refused (``Refused``, exit 1).
  Recording (log, pain, baseline days) is never blocked.
- While a flare-up is active, progression is paused.
"""

from __future__ import annotations

from backskills.errors import Refused
from backskills.models import Journal
from backskills.models.safety import FlareUp, RedFlagCheck

OUTCOME_WORDS = {
    "emergency": "emergency: get help now",
    "urgent": "urgent: contact your GP today",
    "see_professional": "have it checked by your GP or physiotherapist",
    "clear": "clear",
}


def counted_checks(journal: Journal) -> list[tuple[int, RedFlagCheck]]:
    """The red-flag checks that count, with their index, oldest first.

    A check the patient marked "entered by mistake" (``entries remove``) stays in the
    journal and the history but never counts for gating.
    """
    return [
        (index, check)
        for index, check in enumerate(journal.redflag_checks)
        if check.entered_by_mistake is None
    ]


def latest_counted_check(journal: Journal) -> tuple[int, RedFlagCheck] | None:
    """The newest check that counts, and its index in ``Journal.redflag_checks``."""
    for index in range(len(journal.redflag_checks) - 1, -1, -1):
        check = journal.redflag_checks[index]
        if check.entered_by_mistake is None:
            return index, check
    return None


def latest_check(journal: Journal) -> RedFlagCheck | None:
    counted = latest_counted_check(journal)
    return None if counted is None else counted[1]


def latest_check_assessed(journal: Journal) -> bool:
    counted = latest_counted_check(journal)
    return counted is not None and any(a.check == counted[0] for a in journal.assessments)


def exercise_block_reason(journal: Journal) -> str | None:
    """Why exercise may not be started or increased now, or None when it may."""
    check = latest_check(journal)
    if check is None or check.outcome == "clear" or latest_check_assessed(journal):
        return None
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
