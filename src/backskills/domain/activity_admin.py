"""Looking after activities: list, rename, merge and remove.

An activity's name appears in many places: its records, its baselines, plan and levels
(inside the activity), the goals tied to it, the flare-ups that lowered it, and the pacing
activity of the same name with its tasks and spells. Renaming or merging carries all of
them; removing refuses while entries exist unless the patient says to remove those too.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from backskills.domain.activities import arg, find_activity, get_activity
from backskills.errors import InvalidInput, Refused
from backskills.models import Journal
from backskills.models.activity import Activity
from backskills.plain import field, plain


@plain(frozen=True)
class ActivitySummary:
    name: str
    unit: str
    created: date
    records: int
    last_logged: date | None
    baseline_days: int
    level: float | None
    target: float | None
    goals: list[int]
    pacing: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "unit": self.unit,
            "created": self.created.isoformat(),
            "records": self.records,
            "last_logged": None if self.last_logged is None else self.last_logged.isoformat(),
            "baseline_days": self.baseline_days,
            "level": self.level,
            "target": self.target,
            "goals": list(self.goals),
            "pacing": self.pacing,
        }


def _same(a: str | None, b: str) -> bool:
    return a is not None and a.casefold() == b.casefold()


def _pace_activity(journal: Journal, name: str) -> Any:
    return next((p for p in journal.pacing.activities if _same(p.name, name)), None)


def summaries(journal: Journal, today: date) -> list[ActivitySummary]:
    from backskills.domain.progression.levels import current_level

    found = []
    for activity in journal.activities:
        records = [r for r in journal.records if _same(r.activity, activity.name)]
        found.append(
            ActivitySummary(
                name=activity.name,
                unit=activity.unit,
                created=activity.created,
                records=len(records),
                last_logged=max((r.date for r in records), default=None),
                baseline_days=len(activity.baseline.days) if activity.baseline else 0,
                level=current_level(activity, today) if activity.plan else None,
                target=activity.plan.target if activity.plan else None,
                goals=[g.id for g in journal.goals if _same(g.activity, activity.name)],
                pacing=_pace_activity(journal, activity.name) is not None,
            )
        )
    return found


@plain
class ActivityChange:
    action: str  # renamed, merged, removed
    name: str
    into: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "activity": self.name,
            "into": self.into,
            "counts": dict(self.counts),
            "lines": list(self.lines),
        }


def _counted(counts: dict[str, int]) -> str:
    words = {
        "records": ("record", "records"),
        "goals": ("goal", "goals"),
        "flareups": ("flare-up", "flare-ups"),
        "pacing tasks": ("pacing task", "pacing tasks"),
        "pacing spells": ("pacing spell", "pacing spells"),
        "baselines": ("baseline", "baselines"),
        "plans": ("plan", "plans"),
    }
    parts = [f"{n} {words[key][0] if n == 1 else words[key][1]}" for key, n in counts.items() if n]
    return ", ".join(parts) if parts else "nothing else"


def _move_links(journal: Journal, old: str, new: str) -> dict[str, int]:
    """Point everything that names ``old`` at ``new``; how many of each were moved."""
    counts = {"records": 0, "goals": 0, "flareups": 0, "pacing tasks": 0, "pacing spells": 0}
    for record in journal.records:
        if _same(record.activity, old):
            record.activity = new
            counts["records"] += 1
    for goal in journal.goals:
        if _same(goal.activity, old):
            goal.activity = new
            counts["goals"] += 1
    for flare in journal.flareups:
        moved = False
        for change in flare.reductions:
            if _same(change.activity, old):
                change.activity = new
                moved = True
        counts["flareups"] += moved
    for task in journal.pacing.tasks:
        if _same(task.activity, old):
            task.activity = new
            counts["pacing tasks"] += 1
    for log in journal.pacing.logs:
        if _same(log.activity, old):
            log.activity = new
            counts["pacing spells"] += 1
    return counts


def _check_free(journal: Journal, name: str, moving: Activity) -> None:
    other = find_activity(journal, name)
    if other is not None and other is not moving:
        raise Refused(
            f"there is already an activity called '{other.name}'.",
            hint=(
                f"To put the two together, run 'backskills activity merge "
                f"{arg(moving.name)} {arg(other.name)}'."
            ),
        )


def rename(journal: Journal, old: str, new: str) -> ActivityChange:
    activity = get_activity(journal, old)
    before = activity.name
    if before == new:
        raise Refused(f"'{before}' is already called that; nothing was changed.")
    _check_free(journal, new, activity)
    from backskills.domain import catalogue

    library_unit = catalogue.default_unit(new)
    if library_unit is not None and library_unit != activity.unit:
        raise Refused(
            f"'{new}' is an exercise from the library, counted in {library_unit}, but "
            f"'{before}' is measured in {activity.unit}.",
            hint="Choose a name of your own, so the amounts keep their meaning.",
        )
    pace = _pace_activity(journal, before)
    pace_other = _pace_activity(journal, new)
    if pace is not None and pace_other is not None and pace_other is not pace:
        raise Refused(
            f"there is already a pacing activity called '{pace_other.name}'.",
            hint="Rename or remove that pacing activity first ('backskills pace remove').",
        )
    activity.name = new
    if pace is not None:
        pace.name = new
    counts = _move_links(journal, before, new)
    lines = [f"'{before}' is now called '{new}'. Moved with it: {_counted(counts)}."]
    lines.append("Its baseline, plan and levels stay with it.")
    if pace is not None:
        lines.append("Its pacing activity has the new name too.")
    return ActivityChange("renamed", before, new, counts, lines)


def merge(journal: Journal, source: str, target: str, unit_of: str | None = None) -> ActivityChange:
    """Put ``source``'s entries into ``target`` and remove ``source``."""
    moving = get_activity(journal, source)
    keeping = get_activity(journal, target)
    if moving is keeping:
        raise Refused(f"'{moving.name}' and '{target}' are the same activity.")
    if moving.unit != keeping.unit:
        if unit_of is None:
            raise Refused(
                f"'{moving.name}' is measured in {moving.unit} and '{keeping.name}' in "
                f"{keeping.unit}, so their amounts do not add up.",
                hint=(
                    "If the amounts were really all in one unit (the other was a slip), add "
                    f"--unit-of {arg(keeping.name)} or --unit-of {arg(moving.name)} to keep "
                    "that one's unit."
                ),
            )
        chosen = find_activity(journal, unit_of)
        if chosen is not moving and chosen is not keeping:
            raise InvalidInput(
                "--unit-of", f"name one of the two: '{moving.name}' or '{keeping.name}'."
            )
        assert chosen is not None
        keeping.unit, keeping.resolution = chosen.unit, chosen.resolution
    lines: list[str] = []
    archived = {"baselines": 0, "plans": 0}
    if moving.baseline is not None and moving.baseline.days:
        if keeping.baseline is None or not keeping.baseline.days:
            keeping.baseline = moving.baseline
            lines.append(
                f"The baseline of '{moving.name}' becomes the baseline of '{keeping.name}'."
            )
        else:
            keeping.past_baselines.append(moving.baseline)
            archived["baselines"] += 1
    keeping.past_baselines.extend(moving.past_baselines)
    archived["baselines"] += len(moving.past_baselines)
    if moving.plan is not None and keeping.plan is None:
        keeping.plan, keeping.levels = moving.plan, moving.levels
        lines.append(f"The plan and levels of '{moving.name}' now belong to '{keeping.name}'.")
    elif moving.plan is not None:
        keeping.past_plans.append(moving.plan)
        archived["plans"] += 1
        lines.append(
            f"'{keeping.name}' keeps its own plan and levels; the plan of '{moving.name}' is "
            "kept in its past plans."
        )
    keeping.past_plans.extend(moving.past_plans)
    counts = _move_links(journal, moving.name, keeping.name)
    pace = _pace_activity(journal, moving.name)
    if pace is not None and _pace_activity(journal, keeping.name) is None:
        pace.name = keeping.name
    elif pace is not None:
        journal.pacing.activities.remove(pace)
        lines.append(f"The pacing activity '{moving.name}' is merged into '{keeping.name}'.")
    journal.activities.remove(moving)
    counts.update({k: v for k, v in archived.items() if v})
    lines.insert(0, f"'{moving.name}' is merged into '{keeping.name}'. Moved: {_counted(counts)}.")
    return ActivityChange("merged", moving.name, keeping.name, counts, lines)


def remove(journal: Journal, name: str, *, with_entries: bool = False) -> ActivityChange:
    activity = get_activity(journal, name)
    records = [r for r in journal.records if _same(r.activity, activity.name)]
    days = len(activity.baseline.days) if activity.baseline else 0
    days += sum(len(b.days) for b in activity.past_baselines)
    if (records or days) and not with_entries:
        raise Refused(
            f"'{activity.name}' has {len(records)} record{'s' if len(records) != 1 else ''} "
            f"and {days} baseline day{'s' if days != 1 else ''}, so it was not removed.",
            hint=(
                f"To remove it with all of them, add --with-entries. To keep them under another "
                f"name, use 'backskills activity merge {arg(activity.name)} OTHER'."
            ),
        )
    journal.records = [r for r in journal.records if not _same(r.activity, activity.name)]
    untied = 0
    for goal in journal.goals:
        if _same(goal.activity, activity.name):
            goal.activity = None
            untied += 1
    journal.activities.remove(activity)
    counts = {"records": len(records), "baseline days": days, "goals untied": untied}
    lines = [
        f"Removed '{activity.name}', with {len(records)} record"
        f"{'s' if len(records) != 1 else ''} and {days} baseline day{'s' if days != 1 else ''}."
    ]
    if untied:
        lines.append(
            f"{untied} goal{'s are' if untied != 1 else ' is'} no longer tied to it (the goal "
            "itself is kept)."
        )
    if _pace_activity(journal, activity.name) is not None:
        lines.append(
            "Its pacing activity is kept; remove it with 'backskills pace remove' if you wish."
        )
    return ActivityChange("removed", activity.name, None, counts, lines)


__all__ = ["ActivityChange", "ActivitySummary", "merge", "remove", "rename", "summaries"]
