"""The patient's "today".

``BACKSKILLS_TODAY=YYYY-MM-DD`` fixes the date (used by tests and demos, like faketime).
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def today() -> date:
    fixed = os.environ.get("BACKSKILLS_TODAY")
    if fixed:
        return date.fromisoformat(fixed)
    return date.today()


def now_utc() -> datetime:
    """The current time in UTC (stored with a record, to spot a command pasted twice)."""
    return datetime.now(UTC)
