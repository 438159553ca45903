"""The five SMART parts, what a draft still lacks, and the checks on target and deadline."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from backskills.errors import InvalidInput
from backskills.models.goals import Category
from backskills.plain import field, plain

FURTHEST_DAYS = 3650  # a deadline more than about ten years away is refused
TARGET_MAX = 1_000_000  # no goal needs a bigger number than this

__all__ = [
    "FURTHEST_DAYS",
    "SMART_PARTS",
    "TARGET_MAX",
    "GoalDraft",
    "SmartPart",
    "add_months",
    "check_deadline",
    "check_measure",
    "check_target",
    "missing_parts",
    "require_complete",
    "resolve_deadline",
    "smart_part",
]


@plain(frozen=True)
class SmartPart:
    """One letter of SMART, the option that supplies it and a one-line explanation."""

    letter: str
    word: str
    option: str
    explain: str
    example: str


SMART_PARTS: tuple[SmartPart, ...] = (
    SmartPart(
        "S",
        "Specific",
        "TITLE",
        "Say exactly what you want to be able to do.",
        "walk half a mile on flat ground, twice a week",
    ),
    SmartPart(
        "M",
        "Measurable",
        "--target N --unit U",
        "Give a number you can count or time, so you can see yourself getting closer.",
        "0.5 miles (time yourself as you go)",
    ),
    SmartPart(
        "A",
        "Applicable",
        "--why TEXT",
        "Say how it fits your own life: what it lets you do.",
        "it gets me to the shop",
    ),
    SmartPart(
        "R",
        "Rewarding",
        "--reward TEXT",
        "Say what you gain, or how you will treat yourself, when you get there.",
        "I can buy what I wanted",
    ),
    SmartPart(
        "T",
        "Timed",
        "--by DATE or --within DURATION",
        "Pick a date to aim for, or how long from today.",
        "within 2 months: 2m (or 8w, 60d, or a date like 2026-06-30)",
    ),
)


def smart_part(letter: str) -> SmartPart:
    return next(part for part in SMART_PARTS if part.letter == letter)


@plain
class GoalDraft:
    """The parts of a goal as given (all validated); ``None`` means not given."""

    title: str | None = None
    target: float | None = None
    unit: str | None = None
    times_per_week: int | None = None
    activity: str | None = None
    why: str | None = None
    reward: str | None = None
    deadline: date | None = None
    category: Category | None = None
    steps: list[str] = field(default_factory=list)
    new_activity: bool = False  # --new: the activity is meant to be new, however close


def check_target(target: float, field_name: str = "--target") -> float:
    """A goal's target: a positive number no bigger than any goal needs."""
    if target > TARGET_MAX:
        raise InvalidInput(
            field_name,
            f"is more than {TARGET_MAX:,}; choose a number you could reach in the coming months.",
        )
    return target


def check_deadline(deadline: date, today: date, field_name: str = "--by") -> None:
    """A goal's deadline must be after today, and within about ten years."""
    if (deadline - today).days > FURTHEST_DAYS:
        raise InvalidInput(
            field_name,
            "is more than ten years away; choose a date in the coming months.",
            hint=f"For example --within 2m, or a date such as {add_months(today, 2).isoformat()}.",
        )
    if deadline <= today:
        when = "today" if deadline == today else f"{(today - deadline).days} day(s) ago"
        raise InvalidInput(
            field_name,
            f"{deadline.isoformat()} is {when}; a goal needs a deadline after today.",
            hint="Give a later date, or a length of time such as --within 8w.",
        )


def resolve_deadline(
    by: date | None, within_days: int | None, today: date, *, by_field: str = "--by"
) -> date | None:
    """The deadline from ``--by`` (a date) or ``--within`` (days from today)."""
    if by is not None and within_days is not None:
        raise InvalidInput("--within", "give either --by or --within, not both.")
    if within_days is not None:
        if within_days > FURTHEST_DAYS:  # also keeps the date sum in range
            within_days = FURTHEST_DAYS + 1
        deadline = today + timedelta(days=within_days)
        check_deadline(deadline, today, "--within")
        return deadline
    if by is not None:
        check_deadline(by, today, by_field)
    return by


def missing_parts(draft: GoalDraft) -> list[SmartPart]:
    """The SMART parts the draft still lacks, in S-M-A-R-T order."""
    missing = []
    if not draft.title:
        missing.append(smart_part("S"))
    if draft.target is None or not draft.unit:
        missing.append(smart_part("M"))
    if not draft.why:
        missing.append(smart_part("A"))
    if not draft.reward:
        missing.append(smart_part("R"))
    if draft.deadline is None:
        missing.append(smart_part("T"))
    return missing


def require_complete(draft: GoalDraft) -> None:
    """One exit-2 message naming every missing SMART letter and the option that fills it."""
    missing = missing_parts(draft)
    if not missing:
        return
    named = []
    for part in missing:
        option = part.option
        if part.letter == "M" and draft.target is not None:
            option = "--unit U"
        elif part.letter == "M" and draft.unit:
            option = "--target N"
        named.append(f"{part.letter} ({part.word}): {option}")
    raise InvalidInput(
        "goal add",
        "a SMART goal needs every part; missing " + "; ".join(named) + ".",
        hint=(
            "Run it in a terminal to be asked for each part, e.g. backskills goal add "
            "'walk half a mile on flat ground' --target 0.5 --unit miles "
            "--why 'it gets me to the shop' --reward 'buy what I wanted' --within 2m"
        ),
    )


def check_measure(target: float | None, unit: str | None) -> None:
    if target is not None:
        check_target(target)
    if target is not None and not unit:
        raise InvalidInput("--unit", "is needed with --target: say what the number counts.")
    if unit and target is None:
        raise InvalidInput("--target", "is needed with --unit: give the number to reach.")


def add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` later (clamped to the month's last day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
