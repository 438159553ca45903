"""Flare-ups and the two personal plans (flare-up plan and good-spell plan).

Pure domain code. A flare-up is active from ``started`` until ``ended`` is set; while one is
active, progression is paused (``safety.active_flareup``). Days are counted with the first
day as day 1, so a flare-up that started today is on day 1.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from backskills.domain import redflags
from backskills.domain.activities import arg, find_activity
from backskills.domain.progression.levels import current_level, previous_level, record_level
from backskills.domain.safety import active_flareup, open_check
from backskills.domain.units import fmt as units_fmt
from backskills.domain.validate import note
from backskills.errors import InvalidInput, NotFound, Refused
from backskills.models import Journal
from backskills.models.activity import Activity, PainScore, Plan
from backskills.models.safety import Comeback, FlareUp, LevelChange, PlanStep
from backskills.plain import field, plain

PlanKind = Literal["flareup", "goodspell"]
ReduceChoice = Literal["none", "previous", "start"]
REDUCE_CHOICES: tuple[ReduceChoice, ...] = ("none", "previous", "start")
MAX_STEPS = 10

# No promise that pain will go: what is true is that most flare-ups ease, often within
# days to a few weeks, and that serious damage is rare (nhs.uk back pain, NICE NG59).
OPENING: tuple[str, ...] = (
    "Flare-ups are common. Most ease off, often within a few days to a few weeks.",
    "Serious damage is rare. With long-standing back pain, hurt does not mean harm. A new "
    "sharp pain is different: check the warning signs above.",
)

KEEP_MOVING = (
    "Keep moving gently. Carry on with your day and gentle exercise as far as you can; "
    "gentle movement usually helps your back more than staying still."
)

FIRST_STEPS: tuple[str, ...] = (
    "Stay calm. Worry and tension turn pain up; a few slow breaths from the tummy help.",
    "Ease the pain. Take your painkillers as agreed with your GP or pharmacist, and try a "
    "heat pack or a cold pack.",
    KEEP_MOVING,
    "Make time to relax: a few minutes of slow breathing or a relaxation session.",
)

# A flare-up longer than this, or pain rising over its first two weeks: see a GP or
# physiotherapist (a routine appointment, not an alarm).
REVIEW_AFTER_DAYS = 42
RISING_WINDOW_DAYS = 14

SUGGESTIONS: dict[PlanKind, tuple[str, ...]] = {
    "flareup": (
        "Carry on with my normal day as far as I can, even if some things take longer.",
        "Look at my baseline: drop back for a few days if I need to, then build up again "
        "in small steps.",
        "Check I take my medicines as agreed, and ask my GP or pharmacist if they are not helping.",
        "Set one or two small goals for the next few days, like a short walk twice a day.",
        "Do a relaxation or breathing session every day.",
        "Give myself some personal time for things I enjoy, and accept help when offered.",
        "Once it settles, think about what might have set it off and plan for next time "
        "(often there is no clear cause).",
    ),
    "goodspell": (
        "Step up my exercises and goals a little, as my plan says.",
        "Add a new goal for something I have stopped doing.",
        "Talk to my doctor before I cut down or stop any medicine.",
        "Enjoy myself: make time for people and things I like.",
        "Plan ahead: spread bigger jobs out over the coming weeks.",
        "Stay active and keep up my exercise programme.",
        "Practise relaxation while the pain is low, so it comes easily later.",
    ),
}

GOODSPELL_REMINDER = (
    "On good days the plan still holds: keep to your planned amounts and breaks, and stop "
    "where you planned to stop. No boom before the bust."
)

PLAN_COMMANDS: dict[PlanKind, str] = {
    "flareup": "backskills flareup plan",
    "goodspell": "backskills goodspell",
}

PLAN_NAMES: dict[PlanKind, str] = {
    "flareup": "flare-up plan",
    "goodspell": "good-spell plan",
}


# --- the personal plans -------------------------------------------------------------------


def plan_steps(journal: Journal, kind: PlanKind) -> list[PlanStep]:
    return journal.flareup_plan if kind == "flareup" else journal.goodspell_plan


def _check_room(journal: Journal, kind: PlanKind, adding: int) -> None:
    steps = plan_steps(journal, kind)
    if len(steps) + adding > MAX_STEPS:
        room = MAX_STEPS - len(steps)
        raise Refused(
            f"your {PLAN_NAMES[kind]} has {len(steps)} steps and holds at most {MAX_STEPS}"
            + (f"; there is room for {room} more." if room else "."),
            hint=f"Keep it short so it is easy to follow. Remove a step first: "
            f"'{PLAN_COMMANDS[kind]} remove N'.",
        )


def _clean_step(text: str, field: str) -> str:
    """Plain text on one line: control characters are refused, line breaks become spaces."""
    cleaned = note(text, field)
    if cleaned is None:
        raise InvalidInput(field, "cannot be empty.")
    return " ".join(cleaned.split())


def _already(journal: Journal, kind: PlanKind, text: str) -> int | None:
    """The 1-based number of a step with the same text (ignoring case), if any."""
    key = " ".join(text.split()).casefold()
    for number, step in enumerate(plan_steps(journal, kind), start=1):
        if " ".join(step.text.split()).casefold() == key:
            return number
    return None


def add_step(
    journal: Journal, kind: PlanKind, text: str, today: dt.date, field: str = "TEXT"
) -> PlanStep:
    """Add one step at the end of the plan (at most ``MAX_STEPS``; no repeats)."""
    cleaned = _clean_step(text, field)
    same = _already(journal, kind, cleaned)
    if same is not None:
        raise Refused(f"step {same} of your {PLAN_NAMES[kind]} already says that.")
    _check_room(journal, kind, 1)
    step = PlanStep(text=cleaned, added=today)
    plan_steps(journal, kind).append(step)
    return step


def remove_step(journal: Journal, kind: PlanKind, number: int) -> PlanStep:
    """Remove step ``number`` (1-based)."""
    steps = plan_steps(journal, kind)
    if not steps:
        raise NotFound(
            f"your {PLAN_NAMES[kind]} has no steps yet.",
            hint=f"Add one with '{PLAN_COMMANDS[kind]} add TEXT', or see ideas with "
            f"'{PLAN_COMMANDS[kind]} suggest'.",
        )
    if not 1 <= number <= len(steps):
        raise NotFound(
            f"there is no step {number}; your {PLAN_NAMES[kind]} has steps 1 to {len(steps)}.",
            hint=f"See them with '{PLAN_COMMANDS[kind]}'.",
        )
    return steps.pop(number - 1)


@plain(frozen=True)
class Suggestion:
    number: int
    text: str
    in_plan: bool

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "text": self.text, "in_plan": self.in_plan}


def suggestions(journal: Journal, kind: PlanKind) -> list[Suggestion]:
    """The ideas from the class handbook, numbered, marking those already in the plan."""
    return [
        Suggestion(number, text, _already(journal, kind, text) is not None)
        for number, text in enumerate(SUGGESTIONS[kind], start=1)
    ]


def add_suggestions(
    journal: Journal, kind: PlanKind, numbers: Iterable[int], today: dt.date
) -> list[PlanStep]:
    """Add the chosen suggestions (1-based numbers) that are not in the plan yet.

    All or nothing: an unknown number or too little room refuses before anything changes.
    """
    ideas = SUGGESTIONS[kind]
    chosen: list[int] = []
    for number in numbers:
        if not 1 <= number <= len(ideas):
            raise InvalidInput("--add", f"must be a suggestion number from 1 to {len(ideas)}.")
        if number not in chosen:
            chosen.append(number)
    new = [ideas[n - 1] for n in chosen if _already(journal, kind, ideas[n - 1]) is None]
    _check_room(journal, kind, len(new))
    added = [PlanStep(text=text, added=today) for text in new]
    plan_steps(journal, kind).extend(added)
    return added


# --- flare-ups ----------------------------------------------------------------------------


def days_lasted(flare: FlareUp, today: dt.date) -> int:
    """Days from start to end (or today), counting the first day as day 1."""
    last = flare.ended or today
    return max(1, (last - flare.started).days + 1)


@plain(frozen=True)
class FlareUpStatus:
    """What ``flareup`` shows: the active flare-up (if any) and the personal plan."""

    active: bool
    started: dt.date | None
    days: int | None
    plan: list[str]
    pain: int | None = None
    note: str | None = None
    reductions: list[LevelChange] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)  # an open red-flag check; see a GP

    def to_json(self) -> dict[str, Any]:
        return {
            "active": self.active,
            "started": None if self.started is None else self.started.isoformat(),
            "days": self.days,
            "plan": list(self.plan),
            "advice": list(self.advice),
        }


def status(journal: Journal, today: dt.date) -> FlareUpStatus:
    flare = active_flareup(journal)
    plan = [step.text for step in journal.flareup_plan]
    if flare is None:
        return FlareUpStatus(active=False, started=None, days=None, plan=plan)
    return FlareUpStatus(
        active=True,
        started=flare.started,
        days=days_lasted(flare, today),
        plan=plan,
        pain=flare.pain,
        note=flare.note,
        reductions=list(flare.reductions),
        advice=flare_advice(journal, flare, today),
    )


# --- what to say while a flare-up lasts ---------------------------------------------------


def check_line(journal: Journal) -> str | None:
    """While a red-flag check gates exercise: follow its advice (instead of keep moving)."""
    found = open_check(journal)
    if found is None:
        return None
    check = found[1]
    return (
        f"Your red-flag check on {check.checked_on.isoformat()} said: "
        f"{redflags.HEADLINES[check.outcome]} Follow that advice before any exercise."
    )


def first_steps(journal: Journal) -> list[str]:
    """The first steps of a flare-up; while a check gates exercise, its advice replaces
    the step that says to keep moving."""
    line = check_line(journal)
    if line is None:
        return list(FIRST_STEPS)
    return [line if step == KEEP_MOVING else step for step in FIRST_STEPS]


def pain_rise(journal: Journal, flare: FlareUp, today: dt.date) -> tuple[int, int] | None:
    """(first, last) pain score over the flare-up's first two weeks, when it went up.

    Each day counts once, with its last score; at least two days are needed."""
    last_day = min(today, flare.started + dt.timedelta(days=RISING_WINDOW_DAYS - 1))
    if flare.ended is not None:
        last_day = min(last_day, flare.ended)
    by_day: dict[dt.date, int] = {}
    for score in journal.pain:
        if flare.started <= score.date <= last_day:
            by_day[score.date] = score.score
    if len(by_day) < 2:
        return None
    days = sorted(by_day)
    first, last = by_day[days[0]], by_day[days[-1]]
    return (first, last) if last > first else None


def review_lines(journal: Journal, flare: FlareUp, today: dt.date) -> list[str]:
    """A calm suggestion to see a GP or physiotherapist when the flare-up is long (over six
    weeks) or the pain rose over its first two weeks."""
    lines = []
    days = days_lasted(flare, today)
    if days > REVIEW_AFTER_DAYS:
        lines.append(
            f"This flare-up has lasted {redflags.weeks_and_days(days)}. When one lasts more "
            "than six weeks, book a routine appointment with your GP or physiotherapist to "
            "talk over what might help."
        )
    rise = pain_rise(journal, flare, today)
    if rise is not None:
        lines.append(
            f"Your pain scores went up over the first two weeks of this flare-up (from "
            f"{rise[0]} to {rise[1]} out of 10). Book a routine appointment with your GP or "
            "physiotherapist to talk it over."
        )
    return lines


def flare_advice(journal: Journal, flare: FlareUp, today: dt.date) -> list[str]:
    line = check_line(journal)
    return [*([line] if line else []), *review_lines(journal, flare, today)]


def require_no_active(journal: Journal) -> None:
    flare = active_flareup(journal)
    if flare is not None:
        raise Refused(
            f"a flare-up is already active (since {flare.started.isoformat()}).",
            hint="See it with 'backskills flareup'; when it settles, 'backskills flareup end'.",
        )


def require_can_start(journal: Journal, today: dt.date) -> None:
    """Refuse a new flare-up while one is active or the last one ended after ``today``."""
    require_no_active(journal)
    last = journal.flareups[-1] if journal.flareups else None
    if last is not None and last.ended is not None and last.ended > today:
        raise Refused(f"your last flare-up ended on {last.ended.isoformat()}, after today.")


def require_active(journal: Journal) -> FlareUp:
    flare = active_flareup(journal)
    if flare is None:
        raise Refused(
            "no flare-up is active, so there is nothing to end.",
            hint="'backskills flareup history' lists past flare-ups.",
        )
    return flare


@plain(frozen=True)
class ReductionOption:
    """A planned activity at the start of a flare-up: its level now and the lower levels
    it could drop back to (None when that level is not lower than the current one)."""

    activity: str
    unit: str
    current: float
    previous: float | None
    start: float | None
    hold_days: int

    def level_for(self, choice: ReduceChoice) -> float | None:
        if choice == "previous":
            return self.previous
        if choice == "start":
            return self.start
        return None


def _planned(journal: Journal, today: dt.date) -> list[tuple[Activity, Plan, float]]:
    """Activities with a plan and a level in force today (and no level change after today)."""
    found = []
    for activity in journal.activities:
        plan = activity.plan
        if plan is None or plan.ended_on is not None:
            continue
        level = current_level(activity, today)
        if level is None or any(event.date > today for event in activity.levels):
            continue
        found.append((activity, plan, level))
    return found


def reduction_options(journal: Journal, today: dt.date) -> list[ReductionOption]:
    """For each planned activity, the levels a flare-up could drop it back to."""
    options = []
    for activity, plan, level in _planned(journal, today):
        previous = previous_level(activity, today)
        start_level = plan.start
        options.append(
            ReductionOption(
                activity=activity.name,
                unit=activity.unit,
                current=level,
                previous=previous if previous is not None and previous < level else None,
                start=start_level if start_level < level else None,
                hold_days=plan.hold_days,
            )
        )
    return options


def kept_levels(
    journal: Journal,
    today: dt.date,
    flare: FlareUp,
    reduce: ReduceChoice | Mapping[str, ReduceChoice],
) -> tuple[bool, list[ReductionOption]]:
    """Whether a drop-back was asked for, and the planned activities it left where they are
    (their level was not above the one chosen). Empty when no drop-back was asked for."""
    choices = [reduce] if isinstance(reduce, str) else list(reduce.values())
    asked = any(choice != "none" for choice in choices)
    if not asked:
        return False, []
    dropped = {r.activity.casefold() for r in flare.reductions}
    kept = [o for o in reduction_options(journal, today) if o.activity.casefold() not in dropped]
    return True, kept


def _choice_for(choices: ReduceChoice | Mapping[str, ReduceChoice], activity: str) -> ReduceChoice:
    if isinstance(choices, str):
        return choices
    folded = {name.casefold(): choice for name, choice in choices.items()}
    return folded.get(activity.casefold(), "none")


def start(
    journal: Journal,
    today: dt.date,
    pain: int | None = None,
    note: str | None = None,
    reduce: ReduceChoice | Mapping[str, ReduceChoice] = "none",
) -> FlareUp:
    """Record the start of a flare-up (refused while one is active). Pauses progression.

    ``reduce`` is one choice for every planned activity, or a choice per activity name:
    ``previous`` drops to the level in force before the current one, ``start`` to the
    plan's starting level; either only when that level is lower. Each drop is a level
    change with reason ``flareup_reduce`` and is listed in ``FlareUp.reductions``.
    """
    require_can_start(journal, today)
    flare = FlareUp(started=today, pain=pain, note=note)
    if pain is not None:  # the day's pain score too, so today and the pain history show it
        journal.pain.append(PainScore(date=today, score=pain, note="at the start of a flare-up"))
    by_name = {a.name.casefold(): a for a in journal.activities}
    for option in reduction_options(journal, today):
        level = option.level_for(_choice_for(reduce, option.activity))
        if level is None:
            continue
        record_level(
            by_name[option.activity.casefold()],
            today,
            level,
            "flareup_reduce",
            option.hold_days,
            note=f"dropped back for the flare-up that started on {today.isoformat()}",
        )
        flare.reductions.append(
            LevelChange(activity=option.activity, from_level=option.current, to_level=level)
        )
    journal.flareups.append(flare)
    return flare


@plain(frozen=True)
class LevelInForce:
    activity: str
    unit: str
    level: float
    reduced_from: float | None  # set when this flare-up dropped it back

    def to_json(self) -> dict[str, Any]:
        return {
            "activity": self.activity,
            "unit": self.unit,
            "level": self.level,
            "reduced_from": self.reduced_from,
        }


def levels_in_force(journal: Journal, flare: FlareUp, today: dt.date) -> list[LevelInForce]:
    """The level of each planned activity today, marking those this flare-up reduced."""
    reduced = {r.activity.casefold(): r.from_level for r in flare.reductions}
    return [
        LevelInForce(activity.name, activity.unit, level, reduced.get(activity.name.casefold()))
        for activity, _plan, level in _planned(journal, today)
    ]


# -- coming back after a flare-up -----------------------------------------------------------

COMEBACK_WORDS: dict[str, Comeback] = {
    "catch-up": "catch_up",
    "back": "back",
    "baseline": "baseline",
}
CATCH_UP_HOLD = 3  # days at each level already held before the flare-up
PAIN_SETTLED = 4  # "back to before" needs the pain at or below this (and below its start)


@plain(frozen=True)
class ComebackPlan:
    """What one dropped-back activity does when the flare-up ends, with the numbers."""

    activity: str
    unit: str
    level: float  # the level in force from the end of the flare-up
    before: float  # the level held before the flare-up
    path: tuple[float, ...]  # catch-up: the levels climbed, each held CATCH_UP_HOLD days
    hold_days: int  # days at each level of this plan
    usual_hold: int  # the plan's usual hold, for new levels after the catch-up
    text: str

    def to_json(self) -> dict[str, Any]:
        return {
            "activity": self.activity,
            "unit": self.unit,
            "level": self.level,
            "before": self.before,
            "path": list(self.path),
            "hold_days": self.hold_days,
            "usual_hold_days": self.usual_hold,
            "text": self.text,
        }


def _amount(value: float, unit: str) -> str:
    from backskills.domain.activities import describe

    return describe(value, unit)


def catch_up_path(activity: Activity, now: float, before: float, since: dt.date) -> list[float]:
    """The levels from ``now`` (exclusive) up to ``before`` that a catch-up climbs: the ones
    held before the flare-up that started on ``since``, and ``before`` itself."""
    held = {
        e.to_level
        for e in activity.levels
        if e.date < since and now + 1e-9 < e.to_level <= before + 1e-9
    }
    return sorted(held | {before})


def _dropped(
    journal: Journal, flare: FlareUp, today: dt.date
) -> list[tuple[Activity, float, float, int]]:
    """Planned activities this flare-up dropped back and still below their level before it:
    (activity, level now, level before, usual hold)."""
    found = []
    for change in flare.reductions:
        activity = find_activity(journal, change.activity)
        if activity is None or activity.plan is None or activity.plan.ended_on is not None:
            continue
        level = current_level(activity, today)
        if level is None or level >= change.from_level - 1e-9:
            continue
        found.append((activity, level, change.from_level, activity.plan.hold_days))
    return found


def comeback_plans(
    journal: Journal, flare: FlareUp, today: dt.date, comeback: Comeback
) -> list[ComebackPlan]:
    """What each choice would do, in numbers (nothing is changed)."""
    plans = []
    for activity, level, before, usual in _dropped(journal, flare, today):
        unit = activity.unit
        if comeback == "catch_up":
            path = catch_up_path(activity, level, before, flare.started)
            steps = " -> ".join(units_fmt(v) for v in (level, *path))
            days = CATCH_UP_HOLD * len(path)
            held = "these levels" if len(path) > 1 else "this level"
            each = "each needs" if len(path) > 1 else "it needs"
            text = (
                f"catch-up from {_amount(level, unit)}: {steps} {unit}. You held {held} "
                f"before the flare-up, so {each} only {CATCH_UP_HOLD} days (met on all "
                f"{CATCH_UP_HOLD}) instead of the usual {usual}: {len(path)} step"
                f"{'s' if len(path) != 1 else ''} x {CATCH_UP_HOLD} days = about {days} days "
                f"back to {_amount(before, unit)}. Levels above it need the usual {usual} days."
            )
            plans.append(
                ComebackPlan(
                    activity.name, unit, level, before, tuple(path), CATCH_UP_HOLD, usual, text
                )
            )
        elif comeback == "back":
            text = (
                f"back to {_amount(before, unit)}, the level you held before the flare-up, "
                f"from today; hold it the usual {usual} days before the next step up."
            )
            plans.append(ComebackPlan(activity.name, unit, before, before, (), usual, usual, text))
        else:
            text = (
                f"a fresh baseline: stay at {_amount(level, unit)} for now, log three days "
                f"(backskills baseline log {arg(activity.name)} AMOUNT), then set the plan again "
                f"from where you are (backskills plan set {arg(activity.name)} --target N)."
            )
            plans.append(ComebackPlan(activity.name, unit, level, before, (), usual, usual, text))
    return plans


def check_comeback_pain(flare: FlareUp, comeback: Comeback, pain: int | None) -> None:
    """ "Back to before" needs a pain check: settled (4 or less) and lower than at the start."""
    if comeback != "back":
        return
    if pain is None:
        raise InvalidInput(
            "--pain",
            "going straight back to the level you held before needs a pain check: add "
            "--pain N (0 to 10, how it is now).",
        )
    start = flare.pain
    if pain > PAIN_SETTLED or (start is not None and pain >= start):
        since = f" (it was {start} at the start)" if start is not None else ""
        raise Refused(
            f"your pain is {pain} out of 10 now{since}, so going straight back to the level "
            f"you held before is not advised yet (it needs {PAIN_SETTLED} or less, and lower "
            "than at the start). Nothing was changed.",
            hint="The catch-up climb gets you there in a few days per level: "
            "backskills flareup end --comeback catch-up",
        )


def end(
    journal: Journal,
    today: dt.date,
    trigger: str | None = None,
    helped: str | None = None,
    comeback: Comeback = "catch_up",
    pain: int | None = None,
) -> FlareUp:
    """Record the end of the active flare-up and how to come back.

    Activities the flare-up dropped back: ``catch_up`` (the default) climbs back through
    the levels held before it, ``CATCH_UP_HOLD`` days each; ``back`` returns to the level
    held before at once (only with a settled pain score); ``baseline`` starts a fresh
    baseline. Activities it did not drop back carry on from the levels in force.
    """
    flare = require_active(journal)
    if today < flare.started:
        raise Refused(f"the flare-up started on {flare.started.isoformat()}, after today.")
    if _dropped(journal, flare, today):
        check_comeback_pain(flare, comeback, pain)
    note_text = f"after the flare-up that started on {flare.started.isoformat()}"
    for activity, level, before, usual in _dropped(journal, flare, today):
        if comeback == "catch_up":
            path = catch_up_path(activity, level, before, flare.started)
            if path:
                record_level(
                    activity,
                    today,
                    level,
                    "catch_up",
                    CATCH_UP_HOLD,
                    note=f"catching up {note_text}",
                    catch_up_to=before,
                )
        elif comeback == "back":
            record_level(activity, today, before, "flareup_return", usual, note=f"back {note_text}")
        elif activity.baseline is not None and activity.baseline.days:
            from backskills.domain.baseline import redo

            redo(journal, activity.name, today=today, note=f"fresh baseline {note_text}")
    if pain is not None:
        journal.pain.append(PainScore(date=today, score=pain, note="at the end of a flare-up"))
    flare.ended = today
    flare.trigger = trigger
    flare.helped = helped
    flare.comeback = comeback
    return flare


@plain(frozen=True)
class Episode:
    number: int
    flare: FlareUp
    days: int

    def to_json(self) -> dict[str, Any]:
        flare = self.flare
        return {
            "number": self.number,
            "started": flare.started.isoformat(),
            "ended": None if flare.ended is None else flare.ended.isoformat(),
            "active": flare.ended is None,
            "days": self.days,
            "pain": flare.pain,
            "note": flare.note,
            "trigger": flare.trigger,
            "helped": flare.helped,
            "reductions": [
                {"activity": r.activity, "from": r.from_level, "to": r.to_level}
                for r in flare.reductions
            ],
            "comeback": flare.comeback,
        }


def episodes(journal: Journal, today: dt.date) -> list[Episode]:
    """Every flare-up, oldest first, with how many days it lasted (or has lasted so far)."""
    return [
        Episode(number, flare, days_lasted(flare, today))
        for number, flare in enumerate(journal.flareups, start=1)
    ]


# --- the section for `today` --------------------------------------------------------------


@plain(frozen=True)
class TodaySection:
    started: dt.date
    days: int
    plan: list[str]
    lines: list[str]

    def to_json(self) -> dict[str, Any]:
        return {
            "started": self.started.isoformat(),
            "days": self.days,
            "plan": list(self.plan),
            "lines": list(self.lines),
        }


def today_section(journal: Journal, today: dt.date) -> TodaySection | None:
    """While a flare-up is active: which day it is, that progression is paused, the plan."""
    flare = active_flareup(journal)
    if flare is None:
        return None
    days = days_lasted(flare, today)
    plan = [step.text for step in journal.flareup_plan]
    gated = check_line(journal) is not None
    lines = [
        f"Flare-up: day {days} (since {flare.started.isoformat()}). Step-ups are paused"
        + ("." if gated else "; keep gently active. Most flare-ups ease within days to weeks."),
        *flare_advice(journal, flare, today),
    ]
    if not plan:
        lines.append("No personal plan yet: 'backskills flareup plan suggest' has ideas.")
    return TodaySection(started=flare.started, days=days, plan=plan, lines=lines)
