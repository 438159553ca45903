"""What ``backskills undo`` would take back, in words.

The store finds the journal as it was before the last change (``Store.previous_state``);
this module compares it with the journal now and says what going back would do: entries
taken away, brought back or put back as they were (by id), and changes to activities,
plans, goals, pacing and the personal plans.
"""

from __future__ import annotations

from typing import Any

from backskills.domain.entries import EntryView, view
from backskills.errors import Refused
from backskills.models import Journal
from backskills.models.entries import ENTRY_KINDS


def _entries(journal: Journal) -> dict[str, EntryView]:
    return {
        shown.id: shown
        for kind in ENTRY_KINDS
        for shown in (view(kind, slot) for slot in kind.locate(journal))
    }


def _said(entry: EntryView) -> str:
    return f"{entry.id} ({entry.date.isoformat()}): {entry.summary}"


def _keyed(items: list[Any], key: str) -> dict[Any, Any]:
    found = {}
    for item in items:
        value = getattr(item, key)
        found[value.casefold() if isinstance(value, str) else value] = item
    return found


def _compare(now: list[Any], then: list[Any], key: str, what: str, name: str = "name") -> list[str]:
    """Lines for things with a key (activities by name, goals by id)."""
    lines = []
    current, earlier = _keyed(now, key), _keyed(then, key)
    for found, item in current.items():
        label = f"{what} '{getattr(item, name)}'"
        if found not in earlier:
            lines.append(f"takes away the {label}")
        elif item != earlier[found]:
            lines.append(f"puts the {label} back as it was")
    for found, item in earlier.items():
        if found not in current:
            lines.append(f"brings back the {what} '{getattr(item, name)}'")
    return lines


def _without_baseline_days(journal: Journal) -> list[Any]:
    """Activities with their baseline days left out (those are entries, said by id)."""
    return [
        activity.model_copy(
            update={
                "baseline": None
                if activity.baseline is None
                else activity.baseline.model_copy(update={"days": []}),
                "past_baselines": [
                    b.model_copy(update={"days": []}) for b in activity.past_baselines
                ],
            }
        )
        for activity in journal.activities
    ]


def differences(now: Journal, earlier: Journal) -> list[str]:
    """What going back from ``now`` to ``earlier`` changes, one line each."""
    lines: list[str] = []
    current, before = _entries(now), _entries(earlier)
    for entry_id, entry in current.items():
        if entry_id not in before:
            lines.append(f"takes away {_said(entry)}")
        elif entry != before[entry_id]:
            was = before[entry_id]
            lines.append(f"puts {entry_id} back as it was: {was.date.isoformat()}, {was.summary}")
    for entry_id, entry in before.items():
        if entry_id not in current:
            lines.append(f"brings back {_said(entry)}")
    lines += _compare(
        _without_baseline_days(now), _without_baseline_days(earlier), "name", "activity"
    )
    lines += _compare(now.goals, earlier.goals, "id", "goal", "title")
    lines += _compare(now.pacing.activities, earlier.pacing.activities, "name", "pacing activity")
    lines += _compare(now.pacing.tasks, earlier.pacing.tasks, "id", "pacing task", "title")
    for label, mine, theirs in (
        ("your flare-up plan", now.flareup_plan, earlier.flareup_plan),
        ("your good-spell plan", now.goodspell_plan, earlier.goodspell_plan),
        ("the professional assessments you recorded", now.assessments, earlier.assessments),
    ):
        if mine != theirs:
            lines.append(f"puts {label} back as it was")
    settings = ("class_start", "psfs_items", "tests")
    if now.outcomes.model_dump(include=set(settings)) != earlier.outcomes.model_dump(
        include=set(settings)
    ):
        lines.append(
            "puts your check-in lists (class start, PSFS activities, tests) back as they were"
        )
    if not lines:
        lines.append("changes nothing you can see in the lists (only internal details)")
    return lines


def refuse_losing_redflag_checks(now: Journal, earlier: Journal) -> None:
    """A red-flag check is never deleted, not even by undo (``Refused``, exit 1).

    Going back to a state without a check that exists now would make its advice vanish;
    the patient can mark it as entered by mistake instead, which keeps it in the history.
    """
    kept = {check.id for check in earlier.redflag_checks}
    lost = [check for check in now.redflag_checks if check.id not in kept]
    if lost:
        check = lost[0]
        raise Refused(
            f"undo would delete the red-flag check {check.id} of "
            f"{check.checked_on.isoformat()}, and a red-flag check is never deleted.",
            hint=(
                f"If it was entered by mistake, run 'backskills entries remove {check.id}': it "
                "stays in the history and no longer counts."
            ),
        )
