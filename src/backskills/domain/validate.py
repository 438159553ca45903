"""Checks for everything a patient types. Each failure is ``InvalidInput`` (exit 2).

The CLI passes raw strings here so that every message is ours and names the field.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, time, timedelta
from typing import TYPE_CHECKING, cast

from backskills.bounds import AMOUNT_MAX, DATE_MAX, DATE_MIN, NAME_MAX, NOTE_MAX, RESOLUTION_MIN
from backskills.domain.units import fmt, normalise_unit
from backskills.errors import InvalidInput

if TYPE_CHECKING:
    from backskills.models.goals import Category, ReviewChoice
    from backskills.models.pacing import Position, Priority

_NUMBER_AND_UNIT = re.compile(r"^(\d+(?:\.\d+)?)\s*([^\W\d_]+\.?)$")
_DURATION = re.compile(r"^\s*(\d+)\s*(d|days?|w|wks?|weeks?|m|mths?|months?)\s*$", re.IGNORECASE)
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
DEADLINE_FORMS = (
    "a date (2026-06-30), a month (june, end of april, 15 june) or a time from today (8w, 2m, 60d)"
)


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
            field, f"'{printable(value)}' is not a time from today; use e.g. 60d, 8w or 2m."
        )
    count, unit = int(match.group(1)), match.group(2).lower()[0]
    days = count * {"d": 1, "w": 7, "m": 30}[unit]
    if days < 1:
        raise InvalidInput(field, "must be at least one day.")
    return days


def _month(word: str) -> int | None:
    """A month's number from its name or its first three letters (``apr``, ``sept``)."""
    word = word.strip(".,").lower()
    for number, month in enumerate(MONTHS, start=1):
        if len(word) >= 3 and month.startswith(word):
            return number
    return None


def _month_end(year: int, month: int) -> date:
    following = date(year + (month == 12), month % 12 + 1, 1)
    return following - timedelta(days=1)


def month_day(text: str, today: date) -> date | None:
    """A deadline written with a month name: ``june`` and ``end of april`` are that month's
    last day, ``15 june`` / ``june 15`` that day; an optional year (``june 2027``). Without a
    year it is the next such day after today. None when ``text`` names no month."""
    words = text.lower().replace(",", " ").split()
    if words[:2] == ["end", "of"]:
        words = words[2:]
    if words[:1] == ["the"]:
        words = words[1:]
    numbers = [w.rstrip("stndrh") for w in words if w[:1].isdigit()]
    names = [w for w in words if not w[:1].isdigit()]
    if len(names) != 1 or len(numbers) > 2 or len(words) != len(names) + len(numbers):
        return None
    month = _month(names[0])
    if month is None or not all(n.isdigit() for n in numbers):
        return None
    year = next((int(n) for n in numbers if len(n) == 4), None)
    days = [int(n) for n in numbers if len(n) <= 2]
    if len(days) > 1 or (year is None and len(numbers) != len(days)):
        return None
    try:
        for candidate_year in [year] if year is not None else [today.year, today.year + 1]:
            found = (
                date(candidate_year, month, days[0]) if days else _month_end(candidate_year, month)
            )
            if year is not None or found > today:
                return found
    except ValueError:
        return None
    return None


def deadline(value: str, today: date, field: str = "--by") -> date:
    """A goal deadline in any of the forms people use: ``DEADLINE_FORMS``.

    The date is returned as given (the goal rules check that it is after today)."""
    text = value.strip()
    if _DURATION.match(text):
        return today + timedelta(days=duration_days(text, field))
    named = month_day(text, today) if any(ch.isalpha() for ch in text) else None
    if named is not None:
        return named
    if text.lower() in ("today", "tomorrow") or re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return day(text, today, field, future=True)
    raise InvalidInput(field, f"'{printable(value)}' is not a deadline; use {DEADLINE_FORMS}.")


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
    if any(unicodedata.category(ch) == "Cs" for ch in text):
        # Bytes the terminal sent that are not UTF-8: they could never be saved.
        raise InvalidInput(field, "contains characters that are not valid text; type it again.")
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


_CLOCK = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")


def clock_time(value: str, field: str = "--at") -> time:
    """A time of day, ``HH:MM`` on the 24-hour clock (``07:30``, ``18:00``)."""
    match = _CLOCK.match(value)
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise InvalidInput(
            field,
            f"'{printable(value)}' is not a time; use HH:MM on the 24-hour clock, e.g. 07:30.",
        )
    return time(int(match.group(1)), int(match.group(2)))


# -- goals: titles and steps, categories, review choices, units ---------------------------

# What the patient types -> what the journal stores.
CATEGORIES: tuple[Category, ...] = ("fitness", "work", "leisure", "other")
REVIEW_CHOICES: dict[str, ReviewChoice] = {
    "smaller-steps": "smaller_steps",
    "move-deadline": "move_deadline",
    "redo-baseline": "redo_baseline",
    "keep-going": "keep_going",
}
TITLE_MAX = 200


def parse_title(value: str, field_name: str = "TITLE") -> str:
    """A goal title or step: one line of 1-200 printable characters."""
    text = " ".join(value.split())
    if not text:
        raise InvalidInput(field_name, "cannot be empty.")
    if len(text) > TITLE_MAX:
        raise InvalidInput(field_name, f"is {len(text)} characters long; keep it to {TITLE_MAX}.")
    if not text.isprintable():
        raise InvalidInput(field_name, "contains control characters; use plain printable text.")
    return text


def parse_category(value: str) -> Category:
    text = value.strip().lower()
    for category in CATEGORIES:
        if text == category:
            return category
    raise InvalidInput(
        "--category", f"'{printable(value)}' is not a category; use {', '.join(CATEGORIES)}."
    )


def parse_review_choice(value: str, *, numbers: bool = False) -> ReviewChoice:
    """A review choice by name (``move-deadline``, ``move deadline``, ``move_deadline``);
    with ``numbers`` also by its number in the listed order (1 to 4), as the wizard shows."""
    text = "-".join(value.strip().lower().replace("_", " ").replace("-", " ").split())
    if text in REVIEW_CHOICES:
        return REVIEW_CHOICES[text]
    names = list(REVIEW_CHOICES)
    if numbers and text.isdigit() and 1 <= int(text) <= len(names):
        return REVIEW_CHOICES[names[int(text) - 1]]
    how = f"a number from 1 to {len(names)} or one of" if numbers else "use"
    raise InvalidInput(
        "--choice", f"'{printable(value)}' is not a choice; {how} {', '.join(names)}."
    )


def choice_name(choice: ReviewChoice) -> str:
    """The spelling the patient types for a stored review choice."""
    return choice.replace("_", "-")


def parse_unit(value: str) -> str:
    text = normalise_unit(" ".join(value.split()))
    if not text:
        raise InvalidInput("--unit", "cannot be empty; say what the target counts, e.g. minutes.")
    if len(text) > 60 or not text.isprintable():
        raise InvalidInput(
            "--unit", "should be a short plain word such as minutes, miles or times."
        )
    return text


# -- pacing: amounts, rest, position, priority -------------------------------------------

POSITIONS: tuple[Position, ...] = (
    "standing",
    "sitting",
    "lying",
    "walking",
    "kneeling",
    "bending",
    "mixed",
)
PRIORITIES: tuple[Priority, ...] = ("high", "medium", "low")

PACE_AMOUNT_MAX = 100_000.0  # the most any one amount can be (a tolerance, a task, a spell)
PACE_REST_MAX = 240.0  # the most rest after one spell, in minutes


def choose(raw: str | None, options: tuple[str, ...], field_name: str) -> str | None:
    """A value from a fixed list, case-insensitive; None stays None."""
    return None if raw is None else choice(raw, options, field_name)


def checked_amount(raw: str, field_name: str, *, zero_ok: bool = False) -> float:
    """An amount the patient typed: a finite number above zero and at most PACE_AMOUNT_MAX."""
    value = amount(raw, field_name) if zero_ok else positive_amount(raw, field_name)
    if value > PACE_AMOUNT_MAX:
        raise InvalidInput(field_name, f"is too large; use at most {fmt(PACE_AMOUNT_MAX)}.")
    return value


def checked_rest(raw: str) -> float:
    """Minutes of rest after each spell: from 0 to PACE_REST_MAX."""
    value = amount(raw, "--rest")
    if value > PACE_REST_MAX:
        raise InvalidInput("--rest", f"is too long; use at most {fmt(PACE_REST_MAX)} minutes.")
    return value


def parse_position(raw: str | None) -> Position | None:
    return cast("Position | None", choose(raw, POSITIONS, "--position"))


def parse_priority(raw: str | None) -> Priority | None:
    return cast("Priority | None", choose(raw, PRIORITIES, "--priority"))
