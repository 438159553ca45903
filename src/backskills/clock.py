"""The patient's "today".

``BACKSKILLS_TODAY=YYYY-MM-DD`` fixes the date (used by tests and demos, like faketime);
``backskills.settings`` checks it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from backskills.settings import fixed_today


def today() -> date:
    return fixed_today() or date.today()


def now_utc() -> datetime:
    """The current time in UTC (stored with a record, to spot a command pasted twice)."""
    return datetime.now(UTC)
