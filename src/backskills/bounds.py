"""Every bound that arithmetic relies on, declared once (the models enforce them).

A journal or an import that breaks one is refused on load with the field's position,
never a crash later in some command. ``validate`` checks typed input against the same
numbers. No imports here: ``validate`` stays light.
"""

from __future__ import annotations

import datetime as dt

NAME_MAX = 60
NOTE_MAX = 2000
# No real day holds more than a million of anything (minutes, steps, metres); bigger
# numbers are typing slips, and sums of them could overflow to infinity.
AMOUNT_MAX = 1_000_000
# Rounding steps: amount / resolution stays finite and small (5e-324 would overflow).
RESOLUTION_MIN = 0.001
# Dates: far enough from year 1 and year 9999 that no date arithmetic (ten-year plans,
# hold periods, look-backs) can leave the calendar.
DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2199, 12, 31)
# Moments (when something was typed): always with a time zone, within the same years.
MOMENT_MIN = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
MOMENT_MAX = dt.datetime(2200, 1, 1, tzinfo=dt.UTC)
# Numbers used as ids and list positions.
ID_MAX = 1_000_000_000
# Days a level is held: a plan's 7-28 days, doubled after an ease-back.
HOLD_DAYS_MAX = 56
