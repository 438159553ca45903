"""SMART goals: add, edit, steps, done, drop and review, with advice instead of silence.

A goal is SMART: Specific (the title), Measurable (a target and its unit), Applicable
(why it matters), Rewarding (the reward) and Timed (a deadline after today). Two or three
active goals at a time work best; each is broken into small steps; a goal that is not met
is reviewed (smaller steps, a new deadline, a fresh baseline), never just failed.

Pure functions: they take the journal and ``today`` and return results. Advice (warnings
and hints) is returned as data; the CLI decides how to show it.
"""

from __future__ import annotations

import calendar
import re
import shlex
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Literal

from backskills.domain.units import fmt, normalise_unit
from backskills.errors import InvalidInput, NotFound, Refused
from backskills.models import Journal
from backskills.models.goals import Category, Goal, GoalReview, GoalStep, ReviewChoice

if TYPE_CHECKING:
    from backskills.domain.progression.projection import PlanView

CATEGORIES: tuple[Category, ...] = ("fitness", "work", "leisure", "other")
# What the patient types -> what the journal stores.
REVIEW_CHOICES: dict[str, ReviewChoice] = {
    "smaller-steps": "smaller_steps",
    "move-deadline": "move_deadline",
    "redo-baseline": "redo_baseline",
    "keep-going": "keep_going",
}
TITLE_MAX = 200
BEST_ACTIVE = 3  # two or three goals at a time work best
LONGEST_MONTHS = 6  # a deadline further away than this earns a warning
SHORTEST_DAYS = 14  # ... and so does one nearer than this
VAGUE_WORDS = 3  # a title of fewer words than this is probably not specific
FURTHEST_DAYS = 3650  # a deadline more than about ten years away is refused
TARGET_MAX = 1_000_000  # no goal needs a bigger number than this

AdviceLevel = Literal["warning", "hint"]


@dataclass(frozen=True)
class Advice:
    """A warning or hint about a goal: what we noticed and what to try instead."""

    level: AdviceLevel
    code: str
    message: str
    suggestion: str

    def to_json(self) -> dict[str, str]:
        return {
            "level": self.level,
            "code": self.code,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
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


@dataclass
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


# -- checking what the patient typed -----------------------------------------------------


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
        "--category", f"'{_short(value)}' is not a category; use {', '.join(CATEGORIES)}."
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
    raise InvalidInput("--choice", f"'{_short(value)}' is not a choice; {how} {', '.join(names)}.")


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


def _short(value: str, limit: int = 40) -> str:
    cleaned = "".join(ch for ch in value if ch.isprintable())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


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


def _check_measure(target: float | None, unit: str | None) -> None:
    if target is not None:
        check_target(target)
    if target is not None and not unit:
        raise InvalidInput("--unit", "is needed with --target: say what the number counts.")
    if unit and target is None:
        raise InvalidInput("--target", "is needed with --unit: give the number to reach.")


# -- advice ---------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` later (clamped to the month's last day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def deadline_advice(deadline: date, today: date) -> list[Advice]:
    days = (deadline - today).days
    if deadline > add_months(today, LONGEST_MONTHS):
        return [
            Advice(
                "warning",
                "deadline_far",
                f"The deadline is {days} days away, more than six months.",
                "A goal that far off is easy to put off. Try a nearer goal, within two or "
                "three months, as a stepping stone, and set the next one when you reach it.",
            )
        ]
    if days < SHORTEST_DAYS:
        return [
            Advice(
                "warning",
                "deadline_near",
                f"The deadline is only {days} day(s) away, less than two weeks.",
                "Your body needs time to adapt, so build up over at least two weeks: move the "
                "deadline later (--within 4w), or make this a step of a bigger goal.",
            )
        ]
    return []


def title_advice(title: str, target: float | None) -> list[Advice]:
    words = [word for word in title.split() if any(ch.isalnum() for ch in word)]
    if len(words) < VAGUE_WORDS:
        return [
            Advice(
                "hint",
                "vague_title",
                f"'{title}' is quite short, so it may be hard to tell when it is done.",
                "Say exactly what, where and how often, e.g. "
                "'walk half a mile on flat ground, twice a week'.",
            )
        ]
    if target is None:
        return [
            Advice(
                "hint",
                "no_target",
                "This goal has no number to aim for, so progress is hard to see.",
                "Add something you can count or time with --target N --unit U.",
            )
        ]
    return []


def _title_key(title: str) -> str:
    return " ".join("".join(ch for ch in title.casefold() if ch.isalnum() or ch.isspace()).split())


def duplicate_advice(journal: Journal, title: str, goal_id: int | None = None) -> list[Advice]:
    """A note when an active goal (other than ``goal_id``) already has this title."""
    same = [
        g
        for g in active_goals(journal)
        if g.id != goal_id and _title_key(g.title) == _title_key(title)
    ]
    if not same:
        return []
    other = same[0]
    return [
        Advice(
            "hint",
            "duplicate_title",
            f"You already have an active goal with this title (goal {other.id}).",
            f"If it is the same goal, keep one: 'backskills goal drop {other.id}' or drop the "
            "new one; if it is a new stage, a different title tells them apart.",
        )
    ]


def count_advice(active_including_new: int) -> list[Advice]:
    if active_including_new <= BEST_ACTIVE:
        return []
    return [
        Advice(
            "warning",
            "many_goals",
            f"You now have {active_including_new} active goals.",
            "Two or three at a time work best, so each gets enough attention. Think about "
            "finishing or dropping one first ('backskills goal list').",
        )
    ]


# -- finding and changing goals -------------------------------------------------------


def active_goals(journal: Journal) -> list[Goal]:
    return [goal for goal in journal.goals if goal.status == "active"]


def goals_tied_to(journal: Journal, activity: str) -> list[Goal]:
    """Active goals tied to ``activity`` (case does not matter)."""
    wanted = activity.casefold()
    return [g for g in active_goals(journal) if g.activity and g.activity.casefold() == wanted]


def get_goal(journal: Journal, goal_id: int) -> Goal:
    for goal in journal.goals:
        if goal.id == goal_id:
            return goal
    known = ", ".join(str(goal.id) for goal in journal.goals)
    raise NotFound(
        f"there is no goal {goal_id}.",
        hint=(f"Your goals are numbered {known}; see 'backskills goal list --all'.")
        if known
        else "Add one with 'backskills goal add'.",
    )


def _active_goal(journal: Journal, goal_id: int, doing: str) -> Goal:
    """The goal, if it is still active; ``doing`` ends the refusal ("you cannot drop it")."""
    goal = get_goal(journal, goal_id)
    if goal.status != "active":
        raise Refused(
            f"goal {goal.id} is already {goal.status}, so you cannot {doing}.",
            hint="Add a new goal with 'backskills goal add'.",
        )
    return goal


def next_id(journal: Journal) -> int:
    """Ids count up from 1 and are never reused (dropped goals stay in the journal)."""
    return max((goal.id for goal in journal.goals), default=0) + 1


@dataclass
class GoalChange:
    """What ``add_goal`` or ``edit_goal`` stored, and the advice about it."""

    goal: Goal
    advice: list[Advice]
    added_steps: list[int] = field(default_factory=list)
    tie: PlanTie | None = None


# -- the tie to the progression plan ---------------------------------------------------


@dataclass
class PlanTie:
    """What tying a goal to an activity did: a plan made or updated, or the baseline to do.

    ``plan`` is the progression plan to the goal's target by its deadline (with
    ``plan.feasible`` and the honest alternatives when the deadline is too soon); without a
    complete baseline there is no plan and ``baseline_command`` says how to start one.
    """

    goal_id: int
    activity: str
    unit: str
    plan: PlanView | None = None
    baseline_days: int = 0
    baseline_command: str | None = None
    retie_command: str | None = None
    replaced_goal: int | None = None  # an active goal whose plan this one replaced

    def to_json(self) -> dict[str, Any]:
        return {
            "activity": self.activity,
            "unit": self.unit,
            "plan_set": self.plan is not None,
            "baseline_days": self.baseline_days,
            "baseline_command": self.baseline_command,
            "retie_command": self.retie_command,
            "replaced_plan_of_goal": self.replaced_goal,
        }


def check_activity_name(journal: Journal, activity: str | None, new: bool) -> None:
    """A goal tied to a name close to an existing activity or a library exercise is
    refused ("Did you mean ...?") unless ``new``: a slip would start a second activity."""
    if activity is None or new:
        return
    from backskills.domain import catalogue
    from backskills.domain.activities import check_new_name, find_activity

    if find_activity(journal, activity) is None and catalogue.find_exercise(activity) is None:
        check_new_name(journal, activity)


def check_activity_unit(journal: Journal, activity: str | None, unit: str | None) -> None:
    """A goal tied to an activity counts in the activity's unit, so the target and the
    levels of its plan mean the same thing."""
    if activity is None or not unit:
        return
    from backskills.domain.activities import find_activity

    existing = find_activity(journal, activity)
    if existing is not None and normalise_unit(unit) != existing.unit:
        raise InvalidInput(
            "--unit",
            f"'{existing.name}' is measured in {existing.unit}, so a goal tied to it needs "
            f"its target in {existing.unit} too (--unit {existing.unit}).",
            hint="Or leave out --activity to keep the goal separate from that activity.",
        )


def tie_to_plan(journal: Journal, goal: Goal, today: date) -> PlanTie | None:
    """Create or update the activity's progression plan to the goal's target by its deadline.

    Refused (exit 1) while a red-flag check stops exercise being started or increased;
    the caller's transaction then saves nothing.
    """
    if goal.activity is None or goal.target is None or goal.status != "active":
        return None
    from backskills.domain.activities import ensure_activity
    from backskills.domain.baseline import summarise
    from backskills.domain.progression.planning import set_plan

    check_activity_unit(journal, goal.activity, goal.unit)
    # the goal's own wording names the activity; tying it is how a new one is started
    activity = ensure_activity(journal, goal.activity, goal.unit, today, new=True)
    summary = summarise(activity)
    tie = PlanTie(goal.id, activity.name, activity.unit, baseline_days=len(summary.days))
    if not summary.complete and activity.plan is None:
        name = shlex.quote(activity.name)
        tie.baseline_command = f"backskills baseline log {name} AMOUNT"
        tie.retie_command = f"backskills goal edit {goal.id} --activity {name}"
        return tie
    owner = activity.plan.goal_id if activity.plan is not None else None
    if owner is not None and owner != goal.id:
        other = next((g for g in journal.goals if g.id == owner), None)
        tie.replaced_goal = owner if other is not None and other.status == "active" else None
    tie.plan = set_plan(
        journal,
        activity.name,
        target=goal.target,
        deadline=goal.deadline,
        today=today,
        goal_id=goal.id,
    )
    return tie


def tied_level(journal: Journal, goal: Goal, today: date) -> float | None:
    """The level in force today for the goal's activity (None without a plan)."""
    if goal.activity is None:
        return None
    from backskills.domain.activities import find_activity
    from backskills.domain.progression.levels import current_level

    activity = find_activity(journal, goal.activity)
    return current_level(activity, today) if activity is not None else None


def tied_baseline_days(journal: Journal, goal: Goal) -> int:
    """Days logged on the tied activity's baseline while it has no plan yet (0 otherwise)."""
    if goal.activity is None:
        return 0
    from backskills.domain.activities import find_activity
    from backskills.domain.baseline import summarise

    activity = find_activity(journal, goal.activity)
    if activity is None or activity.plan is not None:
        return 0
    summary = summarise(activity)
    return 0 if summary.complete else len(summary.days)


def tied_target_date(journal: Journal, goal: Goal, today: date) -> date | None:
    """When the tied activity's plan reaches its target at the safe pace (None without one)."""
    if goal.activity is None:
        return None
    from backskills.domain.activities import find_activity
    from backskills.domain.progression.projection import plan_view

    activity = find_activity(journal, goal.activity)
    if activity is None or activity.plan is None:
        return None
    return plan_view(journal, activity, today).reaches_target_on


def add_goal(journal: Journal, draft: GoalDraft, today: date) -> GoalChange:
    require_complete(draft)
    _check_measure(draft.target, draft.unit)
    assert draft.title and draft.why and draft.reward and draft.deadline  # require_complete
    check_deadline(draft.deadline, today)
    check_activity_name(journal, draft.activity, draft.new_activity)
    check_activity_unit(journal, draft.activity, draft.unit)
    goal = Goal(
        id=next_id(journal),
        title=draft.title,
        category=draft.category or ("fitness" if draft.activity else "other"),
        target=draft.target,
        unit=draft.unit,
        times_per_week=draft.times_per_week,
        activity=draft.activity,
        why=draft.why,
        reward=draft.reward,
        deadline=draft.deadline,
        steps=[GoalStep(text=text) for text in draft.steps],
        created=today,
    )
    advice = [
        *deadline_advice(goal.deadline, today),
        *title_advice(goal.title, goal.target),
        *duplicate_advice(journal, goal.title),
        *count_advice(len(active_goals(journal)) + 1),
    ]
    journal.goals.append(goal)
    tie = tie_to_plan(journal, goal, today)
    return GoalChange(goal, advice, list(range(1, len(goal.steps) + 1)), tie)


_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.]|\.\d)")


def title_with_target(title: str, old: float | None, new: float | None) -> str | None:
    """The title with its number for the old target changed to the new one ("walk 30
    minutes" -> "walk 20 minutes"); None unless the old number appears exactly once."""
    if old is None or new is None or old == new:
        return None
    matches = [m for m in _NUMBER.finditer(title) if float(m.group()) == old]
    if len(matches) != 1:
        return None
    found = matches[0]
    return title[: found.start()] + fmt(new) + title[found.end() :]


def edit_goal(journal: Journal, goal_id: int, changes: GoalDraft, today: date) -> GoalChange:
    """Change the parts given in ``changes``; new steps are added after the existing ones."""
    goal = _active_goal(journal, goal_id, "edit it")
    target = changes.target if changes.target is not None else goal.target
    unit = changes.unit or goal.unit
    _check_measure(target, unit)
    if changes.deadline is not None:
        check_deadline(changes.deadline, today)
    check_activity_name(journal, changes.activity, changes.new_activity)
    check_activity_unit(journal, changes.activity or goal.activity, unit)
    updated = goal.model_copy(
        update={
            "title": changes.title or goal.title,
            "target": target,
            "unit": unit,
            "times_per_week": changes.times_per_week
            if changes.times_per_week is not None
            else goal.times_per_week,
            "activity": changes.activity or goal.activity,
            "why": changes.why or goal.why,
            "reward": changes.reward or goal.reward,
            "deadline": changes.deadline or goal.deadline,
            "category": changes.category or goal.category,
            "steps": [*goal.steps, *(GoalStep(text=text) for text in changes.steps)],
        }
    )
    updated = Goal.model_validate(updated.model_dump())
    advice: list[Advice] = []
    if changes.deadline is not None:
        advice += deadline_advice(updated.deadline, today)
    if changes.title or changes.target is not None:
        advice += title_advice(updated.title, updated.target)
    if changes.title:
        advice += duplicate_advice(journal, updated.title, goal.id)
    renamed = None if changes.title else title_with_target(goal.title, goal.target, target)
    if renamed is not None:
        advice.append(
            Advice(
                "hint",
                "title_number",
                f"The title still says {fmt(goal.target or 0)}: '{goal.title}'.",
                f"To match the new target: backskills goal edit {goal.id} --title "
                f"{shlex.quote(renamed)}",
            )
        )
    journal.goals[journal.goals.index(goal)] = updated
    first_new = len(goal.steps) + 1
    tie = None
    if changes.activity or changes.target is not None or changes.deadline or changes.unit:
        tie = tie_to_plan(journal, updated, today)
    return GoalChange(updated, advice, list(range(first_new, len(updated.steps) + 1)), tie)


def add_step(journal: Journal, goal_id: int, text: str) -> tuple[Goal, int]:
    """Add a step at the end; returns the goal and the new step's number."""
    goal = _active_goal(journal, goal_id, "add steps to it")
    goal.steps.append(GoalStep(text=parse_title(text, "TEXT")))
    return goal, len(goal.steps)


def _step(goal: Goal, n: int) -> GoalStep:
    if not 1 <= n <= len(goal.steps):
        if not goal.steps:
            raise InvalidInput(
                "N",
                f"goal {goal.id} has no steps yet.",
                hint=f"Add one with 'backskills goal step add {goal.id} TEXT'.",
            )
        raise InvalidInput(
            "N", f"goal {goal.id} has steps 1 to {len(goal.steps)}; there is no {n}."
        )
    return goal.steps[n - 1]


def set_step_done(journal: Journal, goal_id: int, n: int, done: bool, today: date) -> Goal:
    """Tick a step off (``done=True``) or untick it (``done=False``)."""
    goal = _active_goal(journal, goal_id, "change its steps")
    step = _step(goal, n)
    if step.done and done:
        raise Refused(f"step {n} of goal {goal.id} is already ticked off.")
    if not step.done and not done:
        raise Refused(f"step {n} of goal {goal.id} is not ticked off, so there is nothing to undo.")
    step.done = done
    step.done_on = today if done else None
    return goal


@dataclass
class Finished:
    """A goal marked achieved, with ideas for what comes next."""

    goal: Goal
    open_steps: int
    next_ideas: list[str]


def complete_goal(journal: Journal, goal_id: int, today: date) -> Finished:
    goal = _active_goal(journal, goal_id, "mark it as achieved")
    goal.status = "achieved"
    goal.ended = today
    return Finished(goal, sum(not step.done for step in goal.steps), next_goal_ideas(journal, goal))


def next_goal_ideas(journal: Journal, achieved: Goal) -> list[str]:
    ideas = []
    if achieved.target is not None and achieved.unit:
        ideas.append(
            f"Build on it: a little more than {fmt(achieved.target)} {achieved.unit}, "
            "or doing it more often, by a new date."
        )
    else:
        ideas.append("Build on it: the same thing a little further, longer or more often.")
    covered = {goal.category for goal in active_goals(journal)}
    missing = [c for c in ("fitness", "work", "leisure") if c not in covered]
    if missing:
        ideas.append(
            f"None of your active goals is about {' or '.join(missing)}: is there something "
            "there you have stopped doing and miss?"
        )
    active = len(active_goals(journal))
    if active < 2:
        ideas.append(f"You have {active} active goal(s) now; two or three at a time work well.")
    return ideas


def drop_goal(journal: Journal, goal_id: int, today: date) -> Goal:
    goal = _active_goal(journal, goal_id, "drop it")
    goal.status = "dropped"
    goal.ended = today
    return goal


# -- review ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewFacts:
    """What has happened with a goal so far: the basis of a review."""

    goal: Goal
    days_left: int
    steps_done: int
    steps_total: int

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def review_facts(journal: Journal, goal_id: int, today: date) -> ReviewFacts:
    goal = _active_goal(journal, goal_id, "review it")
    return ReviewFacts(
        goal,
        (goal.deadline - today).days,
        sum(step.done for step in goal.steps),
        len(goal.steps),
    )


@dataclass
class ReviewOutcome:
    goal: Goal
    review: GoalReview
    advice: list[Advice]
    added_steps: list[int]
    tie: PlanTie | None = None


def record_review(
    journal: Journal,
    goal_id: int,
    choice: ReviewChoice,
    today: date,
    *,
    new_deadline: date | None = None,
    note: str | None = None,
    steps: list[str] | None = None,
) -> ReviewOutcome:
    """Record the patient's choice; a new deadline is needed for, and only for, move_deadline."""
    goal = _active_goal(journal, goal_id, "review it")
    steps = steps or []
    if choice == "move_deadline":
        if new_deadline is None:
            raise InvalidInput(
                "--by", "moving the deadline needs the new date (--by DATE or --within 4w)."
            )
        check_deadline(new_deadline, today)
    elif new_deadline is not None:
        raise InvalidInput("--by", "a new date goes only with --choice move-deadline.")
    if steps and choice != "smaller_steps":
        raise InvalidInput("--step", "new steps go only with --choice smaller-steps.")
    review = GoalReview(date=today, choice=choice, what_happened=note, new_deadline=new_deadline)
    goal.reviews.append(review)
    advice: list[Advice] = []
    if new_deadline is not None:
        goal.deadline = new_deadline
        advice = deadline_advice(new_deadline, today)
    first_new = len(goal.steps) + 1
    goal.steps.extend(GoalStep(text=text) for text in steps)
    # A new deadline moves the plan's deadline too (from the level reached, never back).
    tie = tie_to_plan(journal, goal, today) if new_deadline is not None else None
    return ReviewOutcome(goal, review, advice, list(range(first_new, len(goal.steps) + 1)), tie)


# -- views ----------------------------------------------------------------------------


def days_left(goal: Goal, today: date) -> int:
    return (goal.deadline - today).days


def next_open_step(goal: Goal) -> tuple[int, str] | None:
    for n, step in enumerate(goal.steps, start=1):
        if not step.done:
            return n, step.text
    return None


def change_json(
    goal: Goal,
    today: date,
    *,
    advice: list[Advice],
    tie: PlanTie | None,
    level: float | None = None,
) -> dict[str, Any]:
    """What a write command stored: the goal, the advice about it and, when the goal made
    or updated a progression plan, the plan (else how to start the baseline)."""
    document = goal_json(goal, today, level)
    document["advice"] = [item.to_json() for item in advice]
    if tie is not None:
        document["tie"] = tie.to_json()
        if tie.plan is not None:
            document["plan"] = tie.plan.to_json()
    return document


def goal_json(goal: Goal, today: date, level: float | None = None) -> dict[str, Any]:
    """The goal as the CLI prints it with ``--json``."""
    return {
        "id": goal.id,
        "title": goal.title,
        "category": goal.category,
        "target": goal.target,
        "unit": goal.unit,
        "times_per_week": goal.times_per_week,
        "activity": goal.activity,
        "why": goal.why,
        "reward": goal.reward,
        "deadline": goal.deadline.isoformat(),
        "status": goal.status,
        "steps": [
            {"n": n, "text": step.text, "done": step.done}
            for n, step in enumerate(goal.steps, start=1)
        ],
        "created": goal.created.isoformat(),
        "ended": goal.ended.isoformat() if goal.ended else None,
        "days_left": days_left(goal, today) if goal.status == "active" else None,
        "level": level,
        "reviews": [
            {
                "date": review.date.isoformat(),
                "choice": choice_name(review.choice),
                "note": review.what_happened,
                "new_deadline": review.new_deadline.isoformat() if review.new_deadline else None,
            }
            for review in goal.reviews
        ],
    }


@dataclass(frozen=True)
class TodayGoal:
    """One active goal as ``backskills today`` shows it."""

    id: int
    title: str
    deadline: date
    days_left: int
    next_step: tuple[int, str] | None
    steps_done: int
    steps_total: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "deadline": self.deadline.isoformat(),
            "days_left": self.days_left,
            "next_step": {"n": self.next_step[0], "text": self.next_step[1]}
            if self.next_step
            else None,
            "steps_done": self.steps_done,
            "steps_total": self.steps_total,
        }


def today_section(journal: Journal, today: date) -> list[TodayGoal]:
    """Active goals, nearest deadline first, with days left and the next open step."""
    return [
        TodayGoal(
            goal.id,
            goal.title,
            goal.deadline,
            days_left(goal, today),
            next_open_step(goal),
            sum(step.done for step in goal.steps),
            len(goal.steps),
        )
        for goal in sorted(active_goals(journal), key=lambda g: (g.deadline, g.id))
    ]
