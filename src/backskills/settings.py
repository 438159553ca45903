"""Settings read from environment variables, each checked before it is used.

A bad value is input the patient (or a script) gave, so it is exit 2 with one line that
names the variable, never a crash. Unset or empty means "use the default".
"""

from __future__ import annotations

import math
import os
from datetime import date

from backskills.errors import InvalidInput

TODAY = "BACKSKILLS_TODAY"
LOCK_TIMEOUT = "BACKSKILLS_LOCK_TIMEOUT"
DEFAULT_LOCK_TIMEOUT = 10.0
MAX_LOCK_TIMEOUT = 3600.0  # an hour: longer than any command should wait for another


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    return value if value and value.strip() else None


def _shown(value: str) -> str:
    text = "".join(ch for ch in value if ch.isprintable())
    return text if len(text) <= 40 else text[:39] + "…"


def fixed_today() -> date | None:
    """``BACKSKILLS_TODAY=YYYY-MM-DD`` fixes the date (tests and demos); None when unset."""
    raw = _raw(TODAY)
    if raw is None:
        return None
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise InvalidInput(
            TODAY,
            f"'{_shown(raw)}' is not a date; use YYYY-MM-DD, e.g. 2026-03-01.",
            hint=f"Or unset it to use today's date: unset {TODAY}",
        ) from None


def lock_timeout() -> float:
    """Seconds to wait for another backskills command to finish with the journal."""
    raw = _raw(LOCK_TIMEOUT)
    if raw is None:
        return DEFAULT_LOCK_TIMEOUT
    try:
        seconds = float(raw.strip())
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or not 0 <= seconds <= MAX_LOCK_TIMEOUT:
        raise InvalidInput(
            LOCK_TIMEOUT,
            f"'{_shown(raw)}' is not a number of seconds from 0 to {MAX_LOCK_TIMEOUT:g}.",
            hint=f"The default is {DEFAULT_LOCK_TIMEOUT:g}; unset it to use that: "
            f"unset {LOCK_TIMEOUT}",
        )
    return seconds


def check_all() -> None:
    """Check every setting at the start of a run, so a bad one is named whatever the command."""
    fixed_today()
    lock_timeout()
