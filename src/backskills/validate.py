"""Checks for everything a patient types. Each failure is ``InvalidInput`` (exit 2).

The CLI passes raw strings here so that every message is ours and names the field.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, timedelta

from backskills.bounds import AMOUNT_MAX, DATE_MAX, DATE_MIN, NAME_MAX, NOTE_MAX, RESOLUTION_MIN
from backskills.errors import InvalidInput

_NUMBER_AND_UNIT = re.compile(r"^(\d+(?:\.\d+)?)\s*([^\W\d_]+\.?)$")
_DURATION = re.compile(r"^\s*(\d+)\s*([dwm])\s*$", re.IGNORECASE)


def amount(value: str | float, field: str = "AMOUNT") -> float:
    """A finite number from 0 to ``AMOUNT_MAX``."""
    if isinstance(value, str):
        text = value.strip()
        try:
            number = float(text)
        except ValueError:
            with_unit = _NUMBER_AND_UNIT.match(text)
            hint = None
            if with_unit:  # "15mins": the unit belongs to the activity, not the amount
                hint = f"Give the number alone ({with_unit.group(1)}): the unit comes with the activity."
            raise InvalidInput(field, f"'{printable(text)}' is not a number.", hint=hint) from None
    else:
        number = float(value)
    if not math.isfinite(number):
        raise InvalidInput(field, "must be an ordinary number (not infinity or NaN).")
    if number < 0:
        raise InvalidInput(field, "cannot be negative.")
    if number > AMOUNT_MAX:
        raise InvalidInput(field, f"is too big: the most backskills takes is {AMOUNT_MAX:,}.")
    return number


def positive_amount(value: str | float, field: str = "AMOUNT") -> float:
    number = amount(value, field)
    if number == 0:
        raise InvalidInput(field, "must be more than zero.")
    return number


def resolution(value: str | float, field: str = "--resolution") -> float:
    """A rounding step: from ``RESOLUTION_MIN`` (0.001) to ``AMOUNT_MAX``."""
    number = positive_amount(value, field)
    if number < RESOLUTION_MIN:
        raise InvalidInput(
            field, f"is too small: the smallest rounding step is {RESOLUTION_MIN:g}."
        )
    return number


def whole_number(value: str | int, field: str, low: int, high: int) -> int:
    text = str(value).strip()
    try:
        number = int(text)
    except ValueError:
        raise InvalidInput(field, f"must be a whole number from {low} to {high}.") from None
    if not low <= number <= high:
        raise InvalidInput(field, f"must be a whole number from {low} to {high}.")
    return number


def pain_score(value: str | int, field: str = "--pain") -> int:
    """A pain score: a whole number from 0 (no pain) to 10 (worst imaginable)."""
    return whole_number(value, field, 0, 10)


def day(
    value: str | date | None, today: date, field: str = "--date", *, future: bool = False
) -> date:
    """A date: ``YYYY-MM-DD``, ``today`` or ``yesterday``. Past or today unless ``future``."""
    if value is None:
        return today
    if isinstance(value, date):
        parsed = value
    else:
        text = value.strip().lower()
        if text == "today":
            parsed = today
        elif text == "yesterday":
            parsed = today - timedelta(days=1)
        elif text == "tomorrow" and future:
            parsed = today + timedelta(days=1)
        else:
            try:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                    raise ValueError
                parsed = date.fromisoformat(text)
            except ValueError:
                raise InvalidInput(
                    field,
                    f"'{printable(value)}' is not a date; use YYYY-MM-DD, today or yesterday.",
                ) from None
    if not DATE_MIN <= parsed <= DATE_MAX:
        raise InvalidInput(
            field,
            f"{parsed.isoformat()} is too far {'back' if parsed < DATE_MIN else 'ahead'}; "
            f"backskills takes dates from {DATE_MIN.year} to {DATE_MAX.year}.",
        )
    if not future and parsed > today:
        raise InvalidInput(
            field, f"{parsed.isoformat()} is in the future; record things once they have happened."
        )
    return parsed


def duration_days(value: str, field: str = "--within") -> int:
    """``8w``, ``2m`` or ``60d`` as a number of days (a month counts as 30 days)."""
    match = _DURATION.match(value)
    if not match:
        raise InvalidInput(
            field, f"'{printable(value)}' is not a duration; use e.g. 60d, 8w or 2m."
        )
    count, unit = int(match.group(1)), match.group(2).lower()
    days = count * {"d": 1, "w": 7, "m": 30}[unit]
    if days < 1:
        raise InvalidInput(field, "must be at least one day.")
    return days


def name(value: str, field: str = "NAME") -> str:
    """A name: 1-60 printable characters, surrounding spaces removed."""
    text = value.strip()
    if not text:
        raise InvalidInput(field, "cannot be empty.")
    if len(text) > NAME_MAX:
        raise InvalidInput(field, f"is {len(text)} characters long; keep it to {NAME_MAX}.")
    if not all(ch.isprintable() for ch in text):
        raise InvalidInput(field, "contains control characters; use plain printable text.")
    return text


def note(value: str | None, field: str = "--note") -> str | None:
    """Free text up to 2,000 characters; line breaks and tabs allowed, other controls not."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if len(text) > NOTE_MAX:
        raise InvalidInput(field, f"is {len(text)} characters long; keep it to {NOTE_MAX}.")
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in text):
        raise InvalidInput(field, "contains control characters; use plain text.")
    return text


def printable(value: str, limit: int = 40) -> str:
    """Echo a bad value back safely: control characters removed, long text shortened."""
    cleaned = "".join(ch for ch in value if ch.isprintable())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def choice(value: str, options: tuple[str, ...], field: str) -> str:
    """One of ``options`` (case does not matter)."""
    text = value.strip().lower()
    if text not in options:
        raise InvalidInput(field, f"'{printable(value)}' is not one of: {', '.join(options)}.")
    return text
