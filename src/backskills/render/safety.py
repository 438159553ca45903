"""Rendering for red-flag checks, flare-ups and the personal plans.

Safety rule: the advice words carry the meaning ("EMERGENCY: ...", "URGENT: ..."). Colour
and bold are extras. Advice is printed in full as plain wrapped paragraphs (no panels, no
paging, no truncation), so it reads the same with NO_COLOR and on a narrow screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from backskills.render import bullet_list, heading, hint, more, say, table

if TYPE_CHECKING:
    from backskills.domain.flareups import (
        ComebackPlan,
        Episode,
        FlareUpStatus,
        LevelInForce,
        Suggestion,
        TodaySection,
    )
    from backskills.domain.redflags import CheckResult, HistoryRow, Sign, TodayNotice
    from backskills.models.safety import LevelChange, Outcome

OUTCOME_STYLES = {
    "emergency": "bold red",
    "urgent": "bold red",
    "see_professional": "bold yellow",
    "routine": "bold cyan",
    "clear": "bold green",
}


# A sign that has a leaflet of its own: after the advice, the leaflet is named too.
SIGN_LEAFLETS = {"leg_pain_below_knee": "sciatica", "not_improving": "how-long"}


def _blank(stderr: bool = False) -> None:
    say("", stderr=stderr)


def advice(result: CheckResult, stderr: bool = False) -> None:
    """The outcome and what to do, in full; then why; then the safety net."""
    style = OUTCOME_STYLES[result.outcome]
    *todo, safety_net = result.advice
    say((todo[0], style), stderr=stderr)
    for line in todo[1:]:
        say(line, stderr=stderr)
    if result.reasons:
        _blank(stderr)
        say(("Why: ", "bold"), " ".join(result.reasons), stderr=stderr)
    _blank(stderr)
    say(safety_net, stderr=stderr)
    more("redflags", stderr=stderr)
    for sign, leaflet in SIGN_LEAFLETS.items():
        if sign in result.present:
            more(leaflet, stderr=stderr)


def catalogue(groups: Sequence[tuple[str, Sequence[Sign]]]) -> None:
    """Every ID with its question, group by group."""
    for number, (title, signs) in enumerate(groups):
        if number:
            _blank()
        heading(title)
        for item in signs:
            say((item.id, "bold"), f": {item.question}")


def question_group(title: str) -> None:
    _blank()
    heading(title)


def question(number: int, total: int, text: str) -> None:
    """One question of the walk-through with its counter, wrapped at word boundaries."""
    say((f"Question {number} of {total}: ", "bold"), text)


# Below this width a table's columns fold mid-word, so histories are listed line by line.
NARROW = 60


def _narrow() -> bool:
    from backskills.render import out

    return out().width < NARROW


def check_history(rows: Sequence[HistoryRow]) -> None:
    """Each check in words: date, outcome, what applied and the advice of its tier."""
    from backskills.domain.redflags import OUTCOME_NAMES

    if not rows:
        say("No red-flag checks yet. Run 'backskills redflags' to do one.")
        return
    for row in rows:
        check = row.check
        say(
            f"{row.number}. {check.checked_on.isoformat()}: ",
            (OUTCOME_NAMES[check.outcome], OUTCOME_STYLES[check.outcome]),
        )
        if row.signs:
            say("   What applied:")
            for item in row.signs:
                say(f"   - {item}")
        else:
            say("   What applied: nothing")
        say("   Advice: ", row.advice)
        if check.entered_by_mistake is not None:
            say(
                f"   Entered by mistake (marked {check.entered_by_mistake.isoformat()}): "
                "kept here, but it does not count."
            )
        if row.assessment is not None:
            note = f": {row.assessment.note}" if row.assessment.note else ""
            say(f"   Assessed on {row.assessment.date.isoformat()}", note)
        if row.earlier_rules:
            say(("   Judged by the earlier red-flag questions.", "dim"))


def assessment_recorded(checked_on: str, outcome: Outcome, note: str | None) -> None:
    from backskills.domain.redflags import OUTCOME_NAMES

    say(
        f"Recorded: a professional has assessed your check of {checked_on} "
        f"({OUTCOME_NAMES[outcome]})."
    )
    if note:
        say(("Note: ", "bold"), note)
    say(
        "backskills will let you start or step up exercise again. Follow the advice you "
        "were given, and run 'backskills redflags' again if anything changes."
    )


def today_notice(notice: TodayNotice | None, stderr: bool = False) -> None:
    """The `today` reminder (one line), banner or note (words first), then any reminders
    (a stale check, an updated table)."""
    if notice is None:
        return
    if notice.kind == "reminder":
        say(("Reminder: ", "bold"), notice.lines[0], stderr=stderr)
        return
    if notice.lines:
        style = OUTCOME_STYLES.get(notice.outcome or "", "bold")
        title = "RED FLAGS: " if notice.kind == "banner" else "Red flags: "
        say((title, style), notice.lines[0], stderr=stderr)
        for line in notice.lines[1:]:
            say(line, stderr=stderr)
    for line in notice.reminders:
        say(("Reminder: ", "bold"), line, stderr=stderr)


def warning_signs(
    groups: Sequence[tuple[str, Sequence[str], Sequence[str]]], stderr: bool = False
) -> None:
    """For a flare-up without a terminal: each list of signs, then what to do, in full.

    ``groups`` holds (title, labels, advice lines); the first advice line is the headline."""
    heading("First, check the warning signs", stderr=stderr)
    for title, labels, advice_lines in groups:
        _blank(stderr)
        say((title, "bold"), stderr=stderr)
        bullet_list(labels, stderr=stderr)
        say("If any of these is new for you:", stderr=stderr)
        say((advice_lines[0], "bold red"), stderr=stderr)
        for line in advice_lines[1:]:
            say(line, stderr=stderr)


def anything_new(labels: Sequence[str]) -> None:
    """The urgent signs, numbered, before asking whether any is new."""
    _blank()
    heading("Anything new from this list?")
    for number, item in enumerate(labels, start=1):
        say(f"{number}. {item}")


# --- flare-ups and plans -------------------------------------------------------------------


def flareup_opening(
    opening: Sequence[str], first_steps: Sequence[str], stderr: bool = False
) -> None:
    for line in opening:
        say(line, stderr=stderr)
    _blank(stderr)
    heading("First steps", stderr=stderr)
    for number, step in enumerate(first_steps, start=1):
        say(f"{number}. {step}", stderr=stderr)


def plan(title: str, steps: Sequence[str], empty: str, stderr: bool = False) -> None:
    """A personal plan, numbered (numbers are what 'remove N' takes)."""
    heading(title, stderr=stderr)
    if not steps:
        say(empty, stderr=stderr)
        return
    for number, step in enumerate(steps, start=1):
        say(f"{number}. ", step, stderr=stderr)


def suggestions(items: Sequence[Suggestion], command: str, check_line: str | None = None) -> None:
    heading("Ideas from the back class")
    if check_line is not None:  # an open red-flag check comes before any idea to keep active
        say(check_line)
    for item in items:
        mark = " (already in your plan)" if item.in_plan else ""
        say(f"{item.number}. ", item.text, (mark, "dim"))
    hint(f"Add ideas with '{command} suggest --add N', or your own with '{command} add TEXT'.")


def flareup_status(current: FlareUpStatus, unit_of: dict[str, str]) -> None:
    if not current.active or current.started is None:
        say("No flare-up is active.")
        return
    say(
        ("Flare-up: ", "bold"),
        f"day {current.days} (it started on {current.started.isoformat()}; the first day "
        "counts as day 1).",
    )
    if current.pain is not None:
        say(f"Pain when it started: {current.pain} out of 10.")
    if current.note:
        say(("Note: ", "bold"), current.note)
    say("Step-ups are paused until you end it with 'backskills flareup end'.")
    for line in current.advice:
        say(line)
    reductions(current.reductions, unit_of)


def reductions(changes: Sequence[LevelChange], unit_of: dict[str, str]) -> None:
    from backskills.domain.units import fmt

    for change in changes:
        unit = unit_of.get(change.activity.casefold(), "")
        say(
            f"Dropped back for this flare-up: {change.activity} from "
            f"{fmt(change.from_level)} to {fmt(change.to_level)} {unit}."
        )


def flareup_history(rows: Sequence[Episode]) -> None:
    if not rows:
        say("No flare-ups recorded.")
        return
    cells = [
        (
            row.number,
            row.flare.started.isoformat(),
            "still active" if row.flare.ended is None else row.flare.ended.isoformat(),
            row.days,
            "-" if row.flare.pain is None else f"{row.flare.pain}/10",
            row.flare.trigger or "",
            row.flare.helped or "",
        )
        for row in rows
    ]
    if not _narrow():
        table(["#", "started", "ended", "days", "pain at start", "trigger", "what helped"], cells)
        return
    for number, started, ended, days, pain, trigger, helped in cells:
        until = "still active" if ended == "still active" else f"to {ended}"
        say(f"{number}. {started} {until} ({days} day{'s' if days != 1 else ''})")
        if pain != "-":
            say(f"   pain at the start: {pain}")
        if trigger:
            say("   trigger: ", trigger)
        if helped:
            say("   what helped: ", helped)


def flareup_today(section: TodaySection | None) -> None:
    """The `today` section while a flare-up is active."""
    if section is None:
        return
    say(("Flare-up: ", "bold"), section.lines[0].removeprefix("Flare-up: "))
    for line in section.lines[1:]:
        say(line)
    for number, step in enumerate(section.plan, start=1):
        say(f"  {number}. ", step)


def flareup_started(
    started: str,
    changes: Sequence[LevelChange],
    unit_of: dict[str, str],
    emergency: bool = False,
    asked_to_reduce: bool = False,
    kept: Sequence[tuple[str, float, str]] = (),
    check_line: str | None = None,
) -> None:
    """The flare-up is recorded. After a warning sign, or while a red-flag check gates
    exercise, nothing here invites exercise: it points to that advice instead."""
    _blank()
    say(
        ("Flare-up recorded ", "bold"),
        f"from {started}. Step-ups are paused until you end it with 'backskills flareup end'.",
    )
    reductions(changes, unit_of)
    if changes:
        from backskills.domain.activities import describe

        for name, level, unit in kept:
            say(f"{name} stays at {describe(level, unit)}: it is not above the level you chose.")
    if emergency:
        say(("Get help first, as above. ", "bold"), "Your exercises can wait.")
        return
    if check_line is not None:
        say(check_line)
        more("flareups")
        return
    if not changes:
        why = " (none was above the level you chose to drop back to)" if asked_to_reduce else ""
        say(f"Your planned levels stay as they are{why}; do what you can manage, gently.")
    more("flareups")


def flareup_ended(
    started: str,
    ended: str,
    days: int,
    levels: Sequence[LevelInForce],
    noted: Sequence[str],
    plans: Sequence[ComebackPlan] = (),
) -> None:
    from backskills.domain.units import fmt

    say(
        ("Flare-up ended: ", "bold"),
        f"it lasted {days} day{'s' if days != 1 else ''} ({started} to {ended}, counting "
        "both days).",
    )
    for line in noted:
        say(line)
    if not levels:
        say("Step-ups are no longer paused.")
    else:
        say("Step-ups can start again, from the levels in force now:")
        by_name = {plan.activity: plan for plan in plans}
        for item in levels:
            line = f"- {item.activity}: {fmt(item.level)} {item.unit}"
            plan = by_name.get(item.activity)
            if plan is not None:
                line += f"; {plan.text}"
            elif item.reduced_from is not None:
                line += (
                    f" (dropped back from {fmt(item.reduced_from)} for the flare-up; it builds "
                    "up again through the usual step-up rule)"
                )
            say(line)
        from backskills.domain.activities import arg

        name = arg(levels[0].activity) if len(levels) == 1 else "ACTIVITY"
        say(
            "If a level feels too much now, measure where you are with a fresh baseline: "
            f"backskills baseline redo {name}"
        )
    hint("If something helped, add it to your plan: backskills flareup plan add TEXT")
