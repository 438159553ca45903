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


def latest_check(journal: Journal) -> RedFlagCheck | None:
    return journal.redflag_checks[-1] if journal.redflag_checks else None


def latest_check_assessed(journal: Journal) -> bool:
    index = len(journal.redflag_checks) - 1
    return index >= 0 and any(a.check == index for a in journal.assessments)


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
