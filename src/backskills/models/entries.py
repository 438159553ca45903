"""Every kind of dated entry in the journal, in one table (``ENTRY_KINDS``).

Each entry has a short id: its kind's letter and a number, such as ``a12`` (the twelfth
activity record). Numbers count up per kind and are never handed out twice
(``Journal.last_ids`` remembers the highest), so an id names one entry for good, even after
another entry was removed. Thought records keep the number they always had: ``t3`` is
thought record 3; so do check-ins (``c2``, counted in ``last_ids`` too).

The store gives an id to every entry that has none when it loads or saves the journal
(``assign_ids``), so code that creates an entry never has to.

To add a kind of entry: give its model ``id: EntryId | None = None``, add a row here with a
letter not used yet, and write a migration that gives the existing entries their ids.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from backskills.plain import plain

if TYPE_CHECKING:
    from backskills.models.journal import Journal


class Slot(NamedTuple):
    """One entry and where it lives in the journal (a tuple: cheap to make by the thousand)."""

    entry: Any  # the Pydantic model of the entry
    owner: list[Any]  # the list that holds it (removing takes it out of this list)
    activity: str | None = None
    unit: str | None = None
    context: str | None = None  # e.g. "an earlier baseline"


@plain(frozen=True)
class EntryKind:
    key: str  # what --kind takes
    prefix: str  # the letter that starts its ids
    label: str  # in sentences: "activity record"
    locate: Callable[[Journal], Iterator[Slot]]
    date_field: str
    amount_field: str | None = None  # what --amount changes
    score_field: str | None = None  # what --score changes
    note_field: str | None = None  # what --note changes
    aliases: tuple[str, ...] = ()
    derived_id: bool = False  # the id is the entry's own number (thought records)
    kept_on_remove: bool = False  # remove marks it "entered by mistake" instead (red flags)
    # The entries alone, without their slots: what ``assign_ids`` scans on every load and
    # save (a 10-year journal holds ~22,000). Without it, ``locate`` is used.
    entries: Callable[[Journal], Iterable[Any]] | None = None


def _units(journal: Journal) -> dict[str, str]:
    return {a.name.casefold(): a.unit for a in journal.activities}


def _records(journal: Journal) -> Iterator[Slot]:
    units = _units(journal)
    for record in journal.records:
        yield Slot(record, journal.records, record.activity, units.get(record.activity.casefold()))


def _pain(journal: Journal) -> Iterator[Slot]:
    for score in journal.pain:
        yield Slot(score, journal.pain)


def _baseline_days(journal: Journal) -> Iterator[Slot]:
    for activity in journal.activities:
        for past in activity.past_baselines:
            for day in past.days:
                yield Slot(day, past.days, activity.name, activity.unit, "an earlier baseline")
        if activity.baseline is not None:
            for day in activity.baseline.days:
                yield Slot(day, activity.baseline.days, activity.name, activity.unit)


def _spells(journal: Journal) -> Iterator[Slot]:
    units = {a.name.casefold(): a.unit for a in journal.pacing.activities}
    for log in journal.pacing.logs:
        yield Slot(log, journal.pacing.logs, log.activity, units.get(log.activity.casefold()))


def _relaxation(journal: Journal) -> Iterator[Slot]:
    for session in journal.relaxation:
        yield Slot(session, journal.relaxation, unit="minutes")


def _thoughts(journal: Journal) -> Iterator[Slot]:
    for record in journal.thoughts:
        yield Slot(record, journal.thoughts)


def _checks(journal: Journal) -> Iterator[Slot]:
    for check in journal.redflag_checks:
        yield Slot(check, journal.redflag_checks)


def _flareups(journal: Journal) -> Iterator[Slot]:
    for flare in journal.flareups:
        yield Slot(flare, journal.flareups)


def _checkins(journal: Journal) -> Iterator[Slot]:
    for check in journal.outcomes.checkins:
        yield Slot(check, journal.outcomes.checkins)


ENTRY_KINDS: tuple[EntryKind, ...] = (
    EntryKind(
        "record", "a", "activity record", _records, "date", "amount", None, "note",
        aliases=("records", "log", "activity"), entries=lambda j: j.records,
    ),
    EntryKind(
        "pain", "p", "pain score", _pain, "date", None, "score", "note", aliases=("score",),
        entries=lambda j: j.pain,
    ),
    EntryKind(
        "baseline", "b", "baseline day", _baseline_days, "date", "amount", aliases=("baselines",)
    ),
    EntryKind(
        "spell", "s", "pacing spell", _spells, "date", "amount", None, "note",
        aliases=("pace", "pacing", "spells"), entries=lambda j: j.pacing.logs,
    ),
    EntryKind(
        "relax", "r", "relaxation session", _relaxation, "date", "minutes", None, "note",
        aliases=("relaxation",), entries=lambda j: j.relaxation,
    ),
    EntryKind(
        "thought", "t", "thought record", _thoughts, "date", aliases=("thoughts",), derived_id=True
    ),
    EntryKind(
        "redflag", "k", "red-flag check", _checks, "checked_on",
        aliases=("redflags", "red-flag"), kept_on_remove=True,
    ),
    EntryKind(
        "flareup", "f", "flare-up", _flareups, "started", None, "pain", "note",
        aliases=("flareups", "flare-up"),
    ),
    EntryKind(
        "checkin", "c", "check-in", _checkins, "date", None, None, "note",
        aliases=("checkins", "check-in", "check-ins"), derived_id=True,
    ),
)  # fmt: skip

KINDS_BY_PREFIX = {kind.prefix: kind for kind in ENTRY_KINDS}


def kind_named(text: str) -> EntryKind | None:
    wanted = text.strip().casefold()
    for kind in ENTRY_KINDS:
        if wanted == kind.key or wanted in kind.aliases:
            return kind
    return None


def entry_id(kind: EntryKind, entry: Any) -> str:
    if kind.derived_id:
        return f"{kind.prefix}{entry.id}"
    return str(entry.id)


def next_number(journal: Journal, prefix: str, used: Iterable[int]) -> int:
    """The next number of a kind whose id is the entry's own number (thought records,
    check-ins): one more than any number in use or ever handed out, and remembered in
    ``last_ids`` so a removed entry's number is never given again."""
    number = max(max(used, default=0), journal.last_ids.get(prefix, 0)) + 1
    journal.last_ids[prefix] = number
    return number


# ``last_ids`` also counts pacing task numbers under this key (tasks are no dated entry;
# their numbers are plain 1, 2, 3): a removed task's number, which logged spells may still
# name, is never handed out again, without reading every spell (``domain.pacing.add_task``).
PACE_TASK_COUNTER = "pace-task"


def note_removed(journal: Journal, kind: EntryKind, entry: Any) -> None:
    """Remember a removed entry's own number so ``next_number`` never hands it out again."""
    if kind.derived_id:
        journal.last_ids[kind.prefix] = max(journal.last_ids.get(kind.prefix, 0), entry.id)


def _entries_of(kind: EntryKind, journal: Journal) -> Iterable[Any]:
    """The entries of ``kind``, without their slots when it can."""
    if kind.entries is not None:
        return kind.entries(journal)
    return [slot.entry for slot in kind.locate(journal)]


def _shown_ids(kind: EntryKind, journal: Journal) -> Iterator[str]:
    """The ids of ``kind``'s entries as a patient sees them (``a12``, ``t3``)."""
    for entry in _entries_of(kind, journal):
        if entry.id is not None:
            yield f"{kind.prefix}{entry.id}" if kind.derived_id else entry.id


def _highest(kind: EntryKind, ids: Iterable[str]) -> int:
    """The highest number among ``ids`` that are ``kind``'s own (its letter, digits)."""
    return max((int(i[1:]) for i in ids if i[:1] == kind.prefix and i[1:].isdigit()), default=0)


def id_problems(journal: Journal, counters: Mapping[str, int]) -> list[str]:
    """What is wrong with the entries' ids, in words (only a journal whose files were edited
    by hand has any): an id used by two entries (of one kind or of two), an id with another
    kind's letter, or a counter (as ``counters`` holds it) below the highest number in use,
    so that the next entry would get an id already given.
    """
    problems = []
    owners: dict[str, list[str]] = {}
    for kind in ENTRY_KINDS:
        ids = list(_shown_ids(kind, journal))
        for ident in ids:
            owners.setdefault(ident, []).append(kind.label)
            if ident[:1] != kind.prefix:
                problems.append(f"{_a(kind.label)} has the id {ident}, not {_a(kind.label)}'s id")
        highest = _highest(kind, ids)
        stored = counters.get(kind.prefix)
        if not kind.derived_id and stored is not None and stored < highest:
            problems.append(
                f"the counter of {kind.label} ids is {stored}, below the highest in use "
                f"({kind.prefix}{highest}): the next one would get an id already given"
            )
    for ident, labels in owners.items():
        if len(labels) > 1:
            if len(set(labels)) == 1:
                problems.append(f"{len(labels)} {labels[0]}s have the same id, {ident}")
            else:
                kinds = " and ".join(_a(label) for label in sorted(set(labels)))
                problems.append(f"{len(labels)} entries have the same id, {ident} ({kinds})")
    return problems


def _a(label: str) -> str:
    """``label`` with its article: "an activity record", "a pain score"."""
    return f"{'an' if label[:1] in 'aeiou' else 'a'} {label}"


def raise_counters(journal: Journal) -> None:
    """Raise each kind's counter to the highest id of that kind in use (a journal whose
    counters were lowered, by hand or in an old export, then never hands out an id twice)."""
    for kind in ENTRY_KINDS:
        highest = _highest(kind, _shown_ids(kind, journal))
        if highest > journal.last_ids.get(kind.prefix, 0):
            journal.last_ids[kind.prefix] = highest


def assign_ids(journal: Journal) -> None:
    """Give every entry without an id the next number of its kind."""
    for kind in ENTRY_KINDS:
        if kind.derived_id:
            continue
        found = _entries_of(kind, journal)
        highest = journal.last_ids.get(kind.prefix)
        missing = []
        if highest is None:  # no counter yet (a new journal, or one edited by hand)
            highest = 0
            for entry in found:
                current = entry.id
                if current is None:
                    missing.append(entry)
                elif current[0] == kind.prefix:
                    highest = max(highest, int(current[1:]))
        else:
            missing = [entry for entry in found if entry.id is None]
        for entry in missing:
            highest += 1
            entry.id = f"{kind.prefix}{highest}"
        if highest:
            journal.last_ids[kind.prefix] = highest
