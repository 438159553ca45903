"""Seeing, correcting and removing any dated entry by its short id.

The kinds of entry and their ids are defined in one table, ``models.entries.ENTRY_KINDS``.
This module lists entries (newest first), edits one (amount, date, note, score) and removes
one, and says what the change does: whether the day is met, what the level's review says
now, how a pacing task or a baseline stands. A red-flag check is never deleted: removing one
marks it "entered by mistake", so it stays in the history and no longer counts for the
safety gates.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Literal

from backskills.domain import units
from backskills.domain.activities import (
    arg,
    check_amount,
    clean_number,
    describe,
    find_activity,
    get_activity,
)
from backskills.errors import InvalidInput, NotFound, Refused
from backskills.models import Journal
from backskills.models.entries import (
    ENTRY_KINDS,
    KINDS_BY_PREFIX,
    EntryKind,
    Slot,
    entry_id,
    kind_named,
    note_removed,
)
from backskills.plain import field, plain

SUMMARY_NOTE = 40  # characters of a note shown in a listing

__all__ = [
    "EntryChange",
    "EntryView",
    "edit",
    "find",
    "kind_or_error",
    "list_entries",
    "remove",
    "view",
]


@plain(frozen=True)
class EntryView:
    """One entry as the patient sees it."""

    id: str
    kind: str
    label: str
    date: date
    summary: str
    activity: str | None = None
    amount: float | None = None
    unit: str | None = None
    score: int | None = None
    note: str | None = None
    counts: bool = True  # False for a red-flag check entered by mistake

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "date": self.date.isoformat(),
            "activity": self.activity,
            "amount": self.amount,
            "unit": self.unit,
            "score": self.score,
            "note": self.note,
            "summary": self.summary,
            "counts": self.counts,
        }


def _summary(kind: EntryKind, slot: Slot) -> str:
    entry = slot.entry
    key = kind.key
    if key == "record":
        return f"{describe(entry.amount, slot.unit or 'minutes')} of {entry.activity}"
    if key == "pain":
        return f"pain {entry.score} out of 10"
    if key == "baseline":
        text = f"baseline: {describe(entry.amount, slot.unit or 'minutes')} of {slot.activity}"
        if entry.felt:
            text += f" (felt {entry.felt})"
        return text + (f", {slot.context}" if slot.context else "")
    if key == "spell":
        text = f"pacing: {describe(entry.amount, slot.unit or 'minutes')} of {entry.activity}"
        return text + (f" (felt {entry.felt})" if entry.felt else "")
    if key == "relax":
        return f"relaxation: {describe(entry.minutes, 'minutes')}" + (
            " (guided)" if entry.guided else ""
        )
    if key == "thought":
        return f"thought record: {_short(entry.situation)}"
    if key == "redflag":
        from backskills.domain.safety import OUTCOME_WORDS

        text = f"red-flag check: {OUTCOME_WORDS[entry.outcome]}"
        if entry.entered_by_mistake is not None:
            text += f" (entered by mistake, marked {entry.entered_by_mistake.isoformat()})"
        return text
    if key == "checkin":
        from backskills.domain.checkins import psfs_mean

        mean = psfs_mean(entry)
        text = f"check-in: pain {entry.pain_average} (worst {entry.pain_worst})"
        if mean is not None:
            text += f", PSFS {mean:.1f}"
        done = sum(r.result is not None for r in entry.tests)
        return text + f", tests {done} of {len(entry.tests)} done"
    if key == "flareup":
        text = "flare-up" + (f", pain {entry.pain}" if entry.pain is not None else "")
        if entry.ended is not None:
            return text + f", ended {entry.ended.isoformat()}"
        return text + ", still going"
    return kind.label  # a kind added later without its own words


def _short(text: str, limit: int = SUMMARY_NOTE) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def view(kind: EntryKind, slot: Slot) -> EntryView:
    entry = slot.entry
    amount = getattr(entry, kind.amount_field) if kind.amount_field else None
    score = getattr(entry, kind.score_field) if kind.score_field else None
    note = getattr(entry, kind.note_field) if kind.note_field else None
    return EntryView(
        id=entry_id(kind, entry),
        kind=kind.key,
        label=kind.label,
        date=getattr(entry, kind.date_field),
        summary=_summary(kind, slot),
        activity=slot.activity,
        amount=amount,
        unit=slot.unit if kind.amount_field else None,
        score=score,
        note=note,
        counts=getattr(entry, "entered_by_mistake", None) is None,
    )


def kind_or_error(text: str) -> EntryKind:
    kind = kind_named(text)
    if kind is None:
        names = ", ".join(k.key for k in ENTRY_KINDS)
        raise InvalidInput(
            "--kind", f"'{text.strip()}' is not a kind of entry; use one of: {names}."
        )
    return kind


def wanted_name(journal: Journal, activity: str) -> str:
    """The name ``--activity`` picks out, folded for comparing: one of your activities as
    it is spelled in the journal (found the forgiving way, e.g. a library exercise written
    with a hyphen), or the name as typed (a pacing activity)."""
    found = find_activity(journal, activity)
    return (found.name if found is not None else activity.strip()).casefold()


def is_pacing(journal: Journal, name: str) -> bool:
    """Whether ``name`` (folded, as ``wanted_name`` gives it) is a pacing activity."""
    return any(p.name.casefold() == name for p in journal.pacing.activities)


def list_entries(
    journal: Journal,
    *,
    kind: EntryKind | None = None,
    activity: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[EntryView]:
    """Entries newest first (same day: the one added last first)."""
    wanted: str | None = None
    if activity is not None:
        wanted = wanted_name(journal, activity)
        if find_activity(journal, activity) is None and not is_pacing(journal, wanted):
            get_activity(journal, activity)  # NotFound, with "Did you mean ...?"
    rows: list[tuple[date, int, EntryView]] = []
    position = 0
    for each in ENTRY_KINDS if kind is None else (kind,):
        for slot in each.locate(journal):
            position += 1
            shown = view(each, slot)
            if wanted is not None and (slot.activity or "").casefold() != wanted:
                continue
            if since is not None and shown.date < since:
                continue
            if until is not None and shown.date > until:
                continue
            rows.append((shown.date, position, shown))
    rows.sort(key=lambda row: (row[0], row[1]), reverse=True)
    return [row[2] for row in rows]


RECENT_DAYS = 28  # ``entries`` without --from, --to or --all: the last four weeks


def recent_from(today: date) -> date:
    """The first day ``backskills entries`` shows by default: four weeks up to today."""
    return today - timedelta(days=RECENT_DAYS - 1)


# Which of the first dates the store keeps for months it did not read (``FirstDates``)
# belong to each kind kept in the daily logs.
_DAILY_FIRSTS = {"record": "records", "pain": "pain", "spell": "pacing_logs", "relax": "relaxation"}


def first_entry(
    journal: Journal, *, kind: EntryKind | None = None, activity: str | None = None
) -> date | None:
    """The day of the first entry ``list_entries`` would list with these filters, counting
    the months of daily logs the store did not read (their first dates). Exact, except for
    pacing spells of one activity: only the first spell of any is kept for those months, so
    a command that asks for them reads every month (``window.entries``)."""
    days = [e.date for e in list_entries(journal, kind=kind, activity=activity)]
    firsts = journal.first_dates()
    wanted = None
    if activity is not None:
        wanted = wanted_name(journal, activity)
    for each in ENTRY_KINDS if kind is None else (kind,):
        field = _DAILY_FIRSTS.get(each.key)
        if field is None:
            continue  # kept whole in the journal file: already in ``days``
        if field == "records":
            days += [
                day
                for name, day in firsts.records.items()
                if wanted is None or name.casefold() == wanted
            ]
        elif wanted is None:
            # With an activity: pain and relaxation have none, and the spells of a pacing
            # activity were all read (``window.entries``), so ``days`` has the first.
            day = getattr(firsts, field)
            if day is not None:
                days.append(day)
    return min(days, default=None)


def earlier_from(
    journal: Journal, since: date, *, kind: EntryKind | None = None, activity: str | None = None
) -> date | None:
    """The day of the first entry (with these filters) when it is before ``since``: how far
    back the entries a list from ``since`` leaves out go. None when it leaves none out."""
    first = first_entry(journal, kind=kind, activity=activity)
    return first if first is not None and first < since else None


def find(journal: Journal, text: str) -> tuple[EntryKind, Slot]:
    """The entry with id ``text`` (``a12``; case and a leading ``#`` do not matter)."""
    wanted = text.strip().lstrip("#").casefold()
    kind = KINDS_BY_PREFIX.get(wanted[:1])
    if kind is None or not wanted[1:].isdigit():
        letters = ", ".join(f"{k.prefix} ({k.label})" for k in ENTRY_KINDS)
        raise InvalidInput(
            "ID",
            f"'{text.strip()}' is not an entry id. An id is a letter and a number, like a12; "
            f"the letters are {letters}.",
            hint="See the ids with: backskills entries",
        )
    for slot in kind.locate(journal):
        if entry_id(kind, slot.entry) == wanted:
            return kind, slot
    raise NotFound(
        f"there is no entry {wanted}.",
        hint=f"See the ids with: backskills entries --kind {kind.key}",
    )


# -- changing one entry ------------------------------------------------------------------


@plain
class EntryChange:
    action: Literal["edited", "removed", "marked"]
    entry: EntryView  # after an edit; as it was for a removal
    before: EntryView
    changes: list[str] = field(default_factory=list)
    effects: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "id": self.entry.id,
            "kind": self.entry.kind,
            "entry": self.entry.to_json(),
            "before": self.before.to_json(),
            "changes": list(self.changes),
            "effects": list(self.effects),
        }


@plain(frozen=True)
class _Day:
    """What a record touches: one activity on one day."""

    activity: str
    day: date


def edit(
    journal: Journal,
    entry: str,
    *,
    today: date,
    amount: float | None = None,
    on: date | None = None,
    note: str | None = None,
    score: int | None = None,
) -> EntryChange:
    """Change one entry. Options a kind does not have are ``InvalidInput`` (exit 2)."""
    kind, slot = find(journal, entry)
    before = view(kind, slot)
    if amount is None and on is None and note is None and score is None:
        raise InvalidInput(
            "--amount", "say what to change: --amount, --date, --note or --score.",
            hint=f"For example: backskills entries edit {before.id} --date yesterday",
        )  # fmt: skip
    if kind.kept_on_remove:
        raise Refused(
            f"a {kind.label} cannot be edited: it records what you answered that day.",
            hint=(
                "Take the check again with 'backskills redflags'. If this one was entered by "
                f"mistake, run 'backskills entries remove {before.id}'."
            ),
        )
    for value, option, attribute in (
        (amount, "--amount", kind.amount_field),
        (score, "--score", kind.score_field),
        (note, "--note", kind.note_field),
    ):
        if value is not None and attribute is None:
            raise InvalidInput(option, f"a {kind.label} has no {option.lstrip('-')} to change.")
    touched = _touched(kind, slot)
    status_before = _day_states(journal, touched)
    target = slot.entry
    changes: list[str] = []
    if amount is not None and kind.amount_field:
        if amount == 0:
            raise InvalidInput(
                "--amount", "cannot be 0.",
                hint=f"To take the entry out, run: backskills entries remove {before.id}",
            )  # fmt: skip
        old = getattr(target, kind.amount_field)
        if abs(old - amount) > units.EPSILON:
            setattr(target, kind.amount_field, amount)
            unit = slot.unit or "minutes"
            changes.append(f"amount {describe(old, unit)} -> {describe(amount, unit)}")
            _move_task(journal, kind, target, amount - old)
    if score is not None and kind.score_field:
        old_score = getattr(target, kind.score_field)
        if old_score != score:
            setattr(target, kind.score_field, score)
            changes.append(f"score {'none' if old_score is None else old_score} -> {score}")
    if on is not None:
        old_day = getattr(target, kind.date_field)
        if old_day != on:
            _check_new_date(kind, slot, on)
            if kind.key == "checkin":
                from backskills.domain import checkins

                checkins.check_move(journal, target, on)
                checkins.moved(journal, old_day, on)
            setattr(target, kind.date_field, on)
            changes.append(f"date {old_day.isoformat()} -> {on.isoformat()}")
    if note is not None and kind.note_field:  # an empty note takes the note away
        old_note = getattr(target, kind.note_field)
        if (old_note or "") != note:
            setattr(target, kind.note_field, note or None)
            changes.append(
                "note removed" if not note else "note changed" if old_note else "note added"
            )
    after = view(kind, slot)
    if not changes:
        raise Refused(
            f"{before.id} already says that; nothing was changed.",
            hint="See the entry with: backskills entries --kind " + kind.key,
        )
    _check_plausible(journal, kind, slot)
    touched |= _touched(kind, slot)
    effects = _effects(journal, kind, slot, touched, status_before, today)
    return EntryChange("edited", after, before, changes, effects)


def remove(journal: Journal, entry: str, *, today: date) -> EntryChange:
    """Take one entry out of the journal; a red-flag check is only marked, never deleted."""
    kind, slot = find(journal, entry)
    before = view(kind, slot)
    target = slot.entry
    if kind.kept_on_remove:
        if target.entered_by_mistake is not None:
            raise Refused(
                f"{before.id} is already marked as entered by mistake "
                f"(on {target.entered_by_mistake.isoformat()}).",
            )
        target.entered_by_mistake = today
        return EntryChange(
            "marked",
            view(kind, slot),
            before,
            ["marked as entered by mistake: it stays in the history but no longer counts"],
            _redflag_effects(journal),
        )
    touched = _touched(kind, slot)
    status_before = _day_states(journal, touched)
    if kind.amount_field:
        _move_task(journal, kind, target, -getattr(target, kind.amount_field))
    slot.owner.remove(target)
    note_removed(journal, kind, target)
    effects = _effects(journal, kind, slot, touched, status_before, today)
    if kind.key == "checkin":
        from backskills.domain import checkins

        effects += checkins.after_removal(journal, target)
    return EntryChange("removed", before, before, [f"removed {before.label}"], effects)


# -- rules for particular kinds ------------------------------------------------------------


def _check_new_date(kind: EntryKind, slot: Slot, on: date) -> None:
    entry = slot.entry
    if kind.key == "baseline" and any(o is not entry and o.date == on for o in slot.owner):
        raise Refused(
            f"that baseline already has a day on {on.isoformat()}.",
            hint="Change or remove that day first; a baseline has one amount per day.",
        )
    if kind.key == "flareup" and entry.ended is not None and on > entry.ended:
        raise InvalidInput(
            "--date", f"a flare-up cannot start after it ended ({entry.ended.isoformat()})."
        )


def _check_plausible(journal: Journal, kind: EntryKind, slot: Slot) -> None:
    """An edited record or baseline day obeys the same rules as a new one (exit 2)."""
    if kind.key not in ("record", "baseline") or slot.activity is None:
        return
    activity = find_activity(journal, slot.activity)
    if activity is None:
        return
    entry = slot.entry
    if kind.key == "record":
        wanted = activity.name.casefold()
        total = sum(
            r.amount
            for r in journal.records
            if r.date == entry.date and r.activity.casefold() == wanted
        )
    else:
        total = entry.amount
    check_amount(activity, entry.amount, total, entry.date, "--amount")


def _move_task(journal: Journal, kind: EntryKind, entry: Any, delta: float) -> None:
    """A pacing spell done for a task counts towards it: keep the task's total true."""
    if kind.key != "spell" or entry.task_id is None or not delta:
        return
    task = next((t for t in journal.pacing.tasks if t.id == entry.task_id), None)
    if task is None:
        return
    task.done_amount = clean_number(min(max(task.done_amount + delta, 0.0), task.amount))
    if task.done_amount >= task.amount:
        task.done_on = task.done_on or entry.date
    else:
        task.done_on = None


def _touched(kind: EntryKind, slot: Slot) -> set[_Day]:
    if kind.key == "record":
        return {_Day(slot.entry.activity, slot.entry.date)}
    return set()


def _day_states(journal: Journal, days: set[_Day]) -> dict[_Day, tuple[float, bool | None]]:
    from backskills.domain.records import day_status

    states = {}
    for each in days:
        status = day_status(journal, each.activity, each.day)
        if status is not None:
            states[each] = (status.total, status.met)
    return states


def _effects(
    journal: Journal,
    kind: EntryKind,
    slot: Slot,
    touched: set[_Day],
    before: dict[_Day, tuple[float, bool | None]],
    today: date,
) -> list[str]:
    if kind.key == "record":
        return _record_effects(journal, touched, before, today)
    if kind.key == "baseline":
        return _baseline_effects(journal, slot)
    if kind.key == "spell":
        return _task_effects(journal, slot.entry)
    if kind.key == "pain":
        return _pain_effects(journal, slot.entry.date)
    if kind.key == "flareup":
        return _flareup_effects(journal, slot.entry)
    return []


def _record_effects(
    journal: Journal,
    touched: set[_Day],
    before: dict[_Day, tuple[float, bool | None]],
    today: date,
) -> list[str]:
    from backskills.domain.progression.review import evaluate
    from backskills.domain.records import day_status

    lines: list[str] = []
    reviewed: set[str] = set()
    for each in sorted(touched, key=lambda d: (d.day, d.activity)):
        status = day_status(journal, each.activity, each.day)
        if status is None:
            continue
        old_total, old_met = before.get(each, (0.0, None))
        total = describe(status.total, status.unit)
        line = (
            f"{status.activity} on {each.day.isoformat()}: the day's total is now {total} "
            f"(it was {describe(old_total, status.unit)})."
        )
        if status.level is not None:
            level = describe(status.level, status.unit)
            if status.met and old_met:
                line += f" Your level that day is {level}: still met."
            elif status.met:
                line += f" Your level that day is {level}: now met."
            elif old_met:
                line += f" Your level that day is {level}: no longer met."
            else:
                line += f" Your level that day is {level}: not met."
        lines.append(line)
        activity = find_activity(journal, each.activity)
        if activity is not None and activity.plan is not None and activity.name not in reviewed:
            reviewed.add(activity.name)
            (review,) = evaluate(journal, today, activity.name)
            lines.append(f"Review of {activity.name}: {review.reason}")
    return lines


def _baseline_effects(journal: Journal, slot: Slot) -> list[str]:
    from backskills.domain.baseline import BASELINE_DAYS

    days = list(slot.owner)
    name = slot.activity or ""
    where = "That earlier baseline" if slot.context else f"The baseline for {name}"
    lines = [f"{where} now has {len(days)} of {BASELINE_DAYS} days."]
    if days and len(days) >= BASELINE_DAYS and slot.unit:
        average = clean_number(sum(d.amount for d in days) / len(days))
        lines[0] = (
            f"{where} now has its {len(days)} days; the average is {describe(average, slot.unit)}."
        )
    activity = find_activity(journal, name)
    if slot.context is None and activity is not None and activity.plan is not None:
        lines.append(
            f"The plan for {name} keeps the level it has; to start again from this baseline, "
            f"run 'backskills plan set {arg(name)}'."
        )
    return lines


def _task_effects(journal: Journal, entry: Any) -> list[str]:
    if entry.task_id is None:
        return []
    task = next((t for t in journal.pacing.tasks if t.id == entry.task_id), None)
    if task is None:
        return []
    state = "done" if task.done_on is not None else "not done yet"
    return [
        f"Task {task.id} ({task.title}): {units.fmt(task.done_amount)} of "
        f"{units.fmt(task.amount)} done, {state}."
    ]


def _pain_effects(journal: Journal, day: date) -> list[str]:
    scores = [str(p.score) for p in journal.pain if p.date == day]
    if not scores:
        return [f"No pain score is left for {day.isoformat()}."]
    return [f"Pain scores for {day.isoformat()}: {', '.join(scores)}."]


def _flareup_effects(journal: Journal, flare: Any) -> list[str]:
    from backskills.domain.safety import active_flareup

    lines = []
    if flare not in journal.flareups and flare.ended is None and active_flareup(journal) is None:
        lines.append("No flare-up is active now, so stepping up is no longer paused.")
    if flare not in journal.flareups and flare.reductions:
        names = ", ".join(change.activity for change in flare.reductions)
        lines.append(
            f"Levels lowered when it started ({names}) stay where they are; "
            "see them with 'backskills plan show'."
        )
    return lines


def _redflag_effects(journal: Journal) -> list[str]:
    from backskills.domain.safety import exercise_block_reason, latest_counted

    counted = latest_counted(journal)
    if counted is None:
        return [
            "No red-flag check counts now. Run 'backskills redflags' to check the warning signs."
        ]
    _, check = counted
    lines = [f"The check that counts now is the one on {check.checked_on.isoformat()}."]
    blocked = exercise_block_reason(journal)
    if blocked is not None:
        lines.append(f"Exercise still waits: {blocked}")
    return lines
