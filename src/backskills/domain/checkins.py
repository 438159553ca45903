"""Outcome check-ins: the week-1 and week-6 review of a back class, for the patient.

A check-in records average and worst pain over the last week (0-10), the Patient-Specific
Functional Scale (PSFS: 3 to 5 activities the patient finds hard, each rated 0 = cannot do
it to 10 = as well as before the problem; the score is their mean), up to three exercise
tests, and from the second check-in on a global rating of change.

Schedule: the first is due in the first week of using backskills (or from the day a class
starts, ``class_start``), the second five weeks after the first (week 6 of a weekly class,
when the class repeats its tests), then every four weeks.

``compare`` is pure and JSON-shaped (``Comparison.to_json``): other views (a report for the
physiotherapist) use it as it is. Every reading of change takes its threshold from
``backskills.domain.thresholds``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any, Literal, get_args

from backskills.domain import safety, validate
from backskills.domain.thresholds import threshold
from backskills.domain.units import fmt
from backskills.errors import InvalidInput, NotFound, Refused
from backskills.models import Journal
from backskills.models.checkin import (
    Better,
    Change,
    CheckIn,
    ExerciseResult,
    ExerciseTest,
    PsfsItem,
    PsfsRating,
)
from backskills.models.entries import next_number
from backskills.plain import field, plain

PSFS_FIRST_MIN = 3
PSFS_MAX = 5
TESTS_MAX = 3
FIRST_WEEK_DAYS = 7
SECOND_AFTER_DAYS = 35  # week 6 of a weekly class: its sixth session
THEN_EVERY_DAYS = 28

CHANGES: tuple[Change, ...] = get_args(Change)
CHANGE_WORDS: dict[str, str] = {key: key.replace("-", " ") for key in CHANGES}


@plain(frozen=True)
class KnownTest:
    key: str
    name: str
    unit: str
    better: Better
    how: str


KNOWN_TESTS: tuple[KnownTest, ...] = (
    KnownTest(
        "sit-to-stand-1min",
        "Sit-to-stand in 1 minute",
        "reps",
        "higher",
        "From the same chair, stand up fully and sit back down as many times as you can in "
        "one minute.",
    ),
    KnownTest(
        "sit-to-stand-5",
        "Five sit-to-stands",
        "seconds",
        "lower",
        "Time how long it takes you to stand up fully and sit down five times.",
    ),
    KnownTest(
        "walk-10m",
        "Timed 10-metre walk",
        "seconds",
        "lower",
        "Time yourself over the same measured 10 metres at your usual pace.",
    ),
    KnownTest(
        "walk-6min",
        "6-minute walk",
        "metres",
        "higher",
        "Walk for six minutes on the same route and note how far you got.",
    ),
    KnownTest(
        "balance",
        "Balance on one leg",
        "seconds",
        "higher",
        "Stand on one leg beside something steady to hold, and time how long you stay up.",
    ),
)


# -- reading what the patient typed ----------------------------------------------------------


def split_pair(raw: str, field: str, right: str) -> tuple[str, str]:
    """``"NAME=VALUE"`` as two stripped parts (split at the last ``=``)."""
    name, sep, value = raw.rpartition("=")
    if not sep or not name.strip():
        raise InvalidInput(field, f"'{validate.printable(raw)}' should look like \"NAME={right}\".")
    return validate.name(name, field), value.strip()


def psfs_score(raw: str, field: str = "--psfs", activity: str | None = None) -> int:
    what = f"'{activity}': " if activity else ""
    try:
        return validate.whole_number(raw, field, 0, 10)
    except InvalidInput:
        raise InvalidInput(
            field,
            f"{what}'{validate.printable(raw)}' is not a score; use a whole number from 0 "
            "(cannot do it) to 10 (as well as before your back problem).",
        ) from None


def change_choice(raw: str, field: str = "--change") -> Change:
    """One of the seven answers, written with hyphens or spaces, or its number (1-7)."""
    text = raw.strip().lower().replace("_", "-").replace(" ", "-")
    if text.isdigit() and 1 <= int(text) <= len(CHANGES):
        return CHANGES[int(text) - 1]
    for key in CHANGES:
        if text == key:
            return key
    raise InvalidInput(field, f"'{validate.printable(raw)}' is not one of: {', '.join(CHANGES)}.")


def test_definition(raw: str, field: str = "--test-new") -> tuple[str, str, Better]:
    """``"NAME=UNIT,higher"`` (or ``lower``): an own test with its unit and which way is better."""
    name, sep, rest = raw.rpartition("=")
    if not sep:
        name, rest = raw, ""
    name = validate.name(name, field)
    parts = [p.strip() for p in rest.replace(";", ",").split(",")]
    unit = parts[0] if parts else ""
    if not unit:
        raise InvalidInput(
            field,
            f"'{name}' needs a unit, so results can be compared: e.g. \"{name}=seconds,lower\".",
        )
    unit = validate.name(unit, field)
    better = parts[1].lower() if len(parts) > 1 else ""
    if better not in ("higher", "lower"):
        raise InvalidInput(
            field,
            f"say whether a higher or a lower result is better for '{name}': e.g. "
            f'"{name}={unit},higher".',
        )
    return name, unit, better  # type: ignore[return-value]


# -- what a check-in needs ------------------------------------------------------------------


@plain
class Answers:
    """Everything a check-in can be given, as typed (the CLI fills it from flags or a wizard)."""

    day: date
    pain_average: int | None = None
    pain_worst: int | None = None
    psfs: list[tuple[str, int]] = field(default_factory=list)  # rate an activity on the list
    psfs_new: list[tuple[str, int]] = field(default_factory=list)  # add one, with its score
    psfs_retire: list[str] = field(default_factory=list)
    tests: list[tuple[str, float]] = field(default_factory=list)
    not_done: list[tuple[str, str]] = field(default_factory=list)  # test, reason
    tests_new: list[tuple[str, str, Better]] = field(default_factory=list)  # name, unit, better
    tests_retire: list[str] = field(default_factory=list)
    change: Change | None = None
    note: str | None = None


def active_items(journal: Journal) -> list[PsfsItem]:
    return [i for i in journal.outcomes.psfs_items if i.retired is None]


def active_tests(journal: Journal) -> list[ExerciseTest]:
    return [t for t in journal.outcomes.tests if t.retired is None]


def ordered(journal: Journal) -> list[CheckIn]:
    """Check-ins oldest first; check-in number N is ``ordered(journal)[N - 1]``."""
    return sorted(journal.outcomes.checkins, key=lambda c: (c.date, c.id))


def _names(items: Iterable[str]) -> str:
    return ", ".join(f"'{n}'" for n in items) or "none"


ID_PREFIX = "c"  # a check-in's entry id is c1, c2, ... (models.entries)


def _next_checkin_id(journal: Journal) -> int:
    """The next check-in number; a number once used is never given again (even if removed)."""
    return next_number(journal, ID_PREFIX, (c.id for c in journal.outcomes.checkins))


def _next_item_id(journal: Journal) -> int:
    return max((i.id for i in journal.outcomes.psfs_items), default=0) + 1


def _find_item(items: Iterable[PsfsItem], name: str) -> PsfsItem | None:
    wanted = name.casefold()
    return next((i for i in items if i.activity.casefold() == wanted), None)


def known_test(name: str) -> KnownTest | None:
    wanted = name.strip().casefold()
    for test in KNOWN_TESTS:
        if wanted in (test.key, test.name.casefold()):
            return test
    return None


def _find_test(tests: Iterable[ExerciseTest], name: str) -> ExerciseTest | None:
    wanted = name.casefold()
    known = known_test(name)
    for test in tests:
        if test.name.casefold() == wanted or (known is not None and test.known == known.key):
            return test
    return None


def _no_duplicates(names: Iterable[str], field: str) -> None:
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            raise InvalidInput(field, f"'{name}' is given twice; give each one once.")
        seen.add(name.casefold())


def missing_answers(journal: Journal, answers: Answers) -> list[str]:
    """The options still needed (used to name every missing one in a single message)."""
    missing = []
    if answers.pain_average is None:
        missing.append("--pain-average")
    if answers.pain_worst is None:
        missing.append("--pain-worst")
    first = not journal.outcomes.checkins
    if first and not (answers.psfs or answers.psfs_new):
        missing.append('--psfs "ACTIVITY=SCORE" (3 to 5 times)')
    if first and not (answers.tests or answers.not_done):
        missing.append('--test "NAME=RESULT" (1 to 3 times)')
    if not first and answers.change is None:
        missing.append("--change")
    return missing


def record(journal: Journal, answers: Answers) -> CheckIn:
    """Check every answer against the journal, then add the check-in (and any new items)."""
    outcomes = journal.outcomes
    done = ordered(journal)
    first = not done
    if done and answers.day <= done[-1].date:
        raise Refused(
            f"your latest check-in is dated {done[-1].date.isoformat()}; a new one must come "
            "after it.",
            "Check-ins are kept in date order, one a day at most.",
        )
    missing = missing_answers(journal, answers)
    if missing:
        raise InvalidInput(missing[0], "is needed: " + "; ".join(missing) + ".")
    assert answers.pain_average is not None and answers.pain_worst is not None
    if answers.pain_worst < answers.pain_average:
        raise InvalidInput(
            "--pain-worst",
            f"your worst pain ({answers.pain_worst}) is lower than your average "
            f"({answers.pain_average}); please check the two numbers.",
        )
    if first and answers.change is not None:
        raise InvalidInput(
            "--change",
            "this is your first check-in, so there is nothing to compare with yet; leave it "
            "out this time.",
        )
    ratings = _psfs(journal, answers, first)
    results = _tests(journal, answers, first)
    check = CheckIn(
        id=_next_checkin_id(journal),
        date=answers.day,
        pain_average=answers.pain_average,
        pain_worst=answers.pain_worst,
        psfs=ratings,
        tests=results,
        change=answers.change,
        note=answers.note,
    )
    outcomes.checkins.append(check)
    return check


def _psfs(journal: Journal, answers: Answers, first: bool) -> list[PsfsRating]:
    outcomes = journal.outcomes
    day = answers.day
    _no_duplicates(
        [n for n, _ in answers.psfs] + [n for n, _ in answers.psfs_new] + answers.psfs_retire,
        "--psfs",
    )
    if first:
        if answers.psfs_retire:
            raise InvalidInput("--psfs-retire", "there is nothing to retire at a first check-in.")
        given = [*answers.psfs, *answers.psfs_new]
        if not PSFS_FIRST_MIN <= len(given) <= PSFS_MAX:
            raise InvalidInput(
                "--psfs",
                f"name {PSFS_FIRST_MIN} to {PSFS_MAX} activities at your first check-in "
                f"(you gave {len(given)}).",
            )
        ratings = []
        for name, score in given:
            item = PsfsItem(id=_next_item_id(journal), activity=name, added=day)
            outcomes.psfs_items.append(item)
            ratings.append(PsfsRating(item=item.id, score=score))
        return ratings

    active = active_items(journal)
    listed = _names(i.activity for i in active)
    rated: dict[int, int] = {}
    for name, score in answers.psfs:
        found = _find_item(active, name)
        if found is None:
            old = _find_item(outcomes.psfs_items, name)
            if old is not None:
                raise NotFound(
                    f"--psfs: '{name}' was retired on {old.retired}; it is not rated any more.",
                    f'To bring it back, use --psfs-new "{old.activity}={score}".',
                )
            raise NotFound(
                f"--psfs: '{name}' is not one of your PSFS activities ({listed}).",
                f'To add it as a new activity, use --psfs-new "{name}={score}".',
            )
        rated[found.id] = score
    retiring = []
    for name in answers.psfs_retire:
        found = _find_item(active, name)
        if found is None:
            raise NotFound(
                f"--psfs-retire: '{name}' is not one of your PSFS activities ({listed})."
            )
        if found.id in rated:
            raise InvalidInput(
                "--psfs-retire", f"'{name}' is rated and retired at once; choose one."
            )
        retiring.append(found)
    adding: list[tuple[PsfsItem | None, str, int]] = []
    for name, score in answers.psfs_new:
        if _find_item(active, name) is not None:
            raise InvalidInput(
                "--psfs-new", f"'{name}' is already on your list; rate it with --psfs."
            )
        adding.append((_find_item(outcomes.psfs_items, name), name, score))
    staying = [i for i in active if i not in retiring]
    unrated = [i.activity for i in staying if i.id not in rated]
    if unrated:
        raise InvalidInput(
            "--psfs",
            f"{_names(unrated)} needs a score this time (0-10); or retire it with "
            f'--psfs-retire "{unrated[0]}".',
        )
    if len(staying) + len(adding) > PSFS_MAX:
        raise InvalidInput(
            "--psfs-new",
            f"the PSFS holds up to {PSFS_MAX} activities at a time; retire one first.",
        )
    if not staying and not adding:
        raise InvalidInput("--psfs", "keep at least one activity on your PSFS list.")
    for item in retiring:
        item.retired = day
    ratings = [PsfsRating(item=i.id, score=rated[i.id]) for i in staying]
    for old, name, score in adding:
        if old is not None:  # an activity retired earlier comes back with its history
            old.retired = None
            item = old
        else:
            item = PsfsItem(id=_next_item_id(journal), activity=name, added=day)
            outcomes.psfs_items.append(item)
        ratings.append(PsfsRating(item=item.id, score=score))
    return ratings


def _tests(journal: Journal, answers: Answers, first: bool) -> list[ExerciseResult]:
    outcomes = journal.outcomes
    day = answers.day
    _no_duplicates(
        [n for n, _ in answers.tests] + [n for n, _ in answers.not_done] + answers.tests_retire,
        "--test",
    )
    _no_duplicates([n for n, _, _ in answers.tests_new], "--test-new")
    active = active_tests(journal)
    new_tests: list[ExerciseTest] = []
    next_id = max((t.id for t in outcomes.tests), default=0) + 1

    def resolve(name: str, field: str) -> ExerciseTest:
        nonlocal next_id
        found = _find_test(active, name) or _find_test(new_tests, name)
        if found is not None:
            return found
        old = _find_test(outcomes.tests, name)
        if old is not None:  # retired earlier: it comes back with its history
            new_tests.append(old)
            return old
        known = known_test(name)
        if known is None:
            raise NotFound(
                f"{field}: '{name}' is not one of your tests ({_names(t.name for t in active)}) "
                "or a well-known one.",
                f'Define your own with --test-new "{name}=UNIT,higher" (or lower: which '
                "result is better), or see 'backskills checkin tests'.",
            )
        test = ExerciseTest(
            id=next_id,
            name=known.name,
            unit=known.unit,
            better=known.better,
            known=known.key,
            added=day,
        )
        next_id += 1
        new_tests.append(test)
        return test

    for name, unit, better in answers.tests_new:
        if _find_test(active, name) is not None or known_test(name) is not None:
            raise InvalidInput(
                "--test-new",
                f"'{name}' is already a test; give its result with --test \"{name}=RESULT\".",
            )
        new_tests.append(ExerciseTest(id=next_id, name=name, unit=unit, better=better, added=day))
        next_id += 1
    retiring = []
    for name in answers.tests_retire:
        test = _find_test(active, name)
        if test is None:
            raise NotFound(
                f"--test-retire: '{name}' is not one of your tests "
                f"({_names(t.name for t in active)})."
            )
        retiring.append(test)
    results: dict[int, ExerciseResult] = {}
    for name, value in answers.tests:
        test = resolve(name, "--test")
        results[test.id] = ExerciseResult(test=test.id, result=value)
    for name, reason in answers.not_done:
        test = resolve(name, "--not-done")
        if test.id in results:
            raise InvalidInput("--not-done", f"'{name}' has a result and 'not done' at once.")
        results[test.id] = ExerciseResult(test=test.id, not_done=reason)
    for test in retiring:
        if test.id in results:
            raise InvalidInput("--test-retire", f"'{test.name}' has a result and is retired.")
    unused = [t.name for t in new_tests if t.id not in results]
    if unused:
        raise InvalidInput(
            "--test", f'{_names(unused)} needs a result (or --not-done "NAME=REASON").'
        )
    order = list(results)
    new_tests.sort(key=lambda t: order.index(t.id) if t.id in order else len(order))
    staying = [t for t in active if t not in retiring] + new_tests
    if len(staying) > TESTS_MAX:
        raise InvalidInput(
            "--test",
            f"keep to {TESTS_MAX} exercise tests, as the class does; retire one with "
            "--test-retire first.",
        )
    missing = [t for t in staying if t.id not in results]
    if missing:
        test = missing[0]
        raise InvalidInput(
            "--test",
            f"'{test.name}' needs a result this time (in {test.unit}), or "
            f'--not-done "{test.name}=REASON", or --test-retire "{test.name}".',
        )
    if first and not staying:
        raise InvalidInput("--test", "choose 1 to 3 exercise tests at your first check-in.")
    for test in retiring:
        test.retired = day
    for test in new_tests:
        if test.retired is not None:
            test.retired = None
        elif test not in outcomes.tests:
            outcomes.tests.append(test)
    return [results[t.id] for t in staying]


# -- when a check-in is removed or moved (``backskills entries``) ---------------------------


def after_removal(journal: Journal, removed: CheckIn) -> list[str]:
    """Undo what the removed check-in did to the PSFS list and the tests; say what changed.

    An activity or test retired at that check-in is rated again from the next one; one that
    was added at it and is rated nowhere else leaves the list.
    """
    outcomes = journal.outcomes
    day = removed.date
    rated = {r.item for c in outcomes.checkins for r in c.psfs}
    done = {r.test for c in outcomes.checkins for r in c.tests}
    lines = []
    for item in list(outcomes.psfs_items):
        if item.retired == day:
            item.retired = None
            lines.append(f"'{item.activity}' is on your PSFS list again.")
        if item.added == day and item.id not in rated:
            outcomes.psfs_items.remove(item)
            lines.append(f"'{item.activity}' leaves your PSFS list (it was rated only then).")
    for test in list(outcomes.tests):
        if test.retired == day:
            test.retired = None
            lines.append(f"'{test.name}' is one of your tests again.")
        if test.added == day and test.id not in done:
            outcomes.tests.remove(test)
            lines.append(f"'{test.name}' leaves your tests (it was done only then).")
    count = len(outcomes.checkins)
    lines.append(
        f"You have {count} check-in{'' if count == 1 else 's'} now; they are numbered in date "
        "order."
    )
    return lines


def check_move(journal: Journal, moving: CheckIn, to: date) -> None:
    """A check-in keeps its place in date order: refuse a new date on or past a neighbour."""
    done = ordered(journal)
    at = [c.id for c in done].index(moving.id)
    before = done[at - 1].date if at > 0 else None
    after = done[at + 1].date if at + 1 < len(done) else None
    if (before is not None and to <= before) or (after is not None and to >= after):
        raise Refused(
            f"check-ins stay in date order, one a day: this one must stay between "
            f"{before.isoformat() if before else 'the start'} and "
            f"{after.isoformat() if after else 'today'}.",
            "To record a check-in on another day, remove this one and check in again with --date.",
        )


def moved(journal: Journal, old: date, new: date) -> None:
    """The PSFS activities and tests added or retired at a moved check-in move with it."""
    things: list[PsfsItem | ExerciseTest] = [*journal.outcomes.psfs_items, *journal.outcomes.tests]
    for thing in things:
        if thing.added == old:
            thing.added = new
        if thing.retired == old:
            thing.retired = new


# -- scores of one check-in -----------------------------------------------------------------


def psfs_mean(check: CheckIn, items: Iterable[int] | None = None) -> float | None:
    """The PSFS score: the mean of the activities rated (only ``items``, when given)."""
    wanted = None if items is None else set(items)
    scores = [r.score for r in check.psfs if wanted is None or r.item in wanted]
    if not scores:
        return None
    return round(sum(scores) / len(scores), 2)


def week_of(journal: Journal, day: date, start: date | None = None) -> int | None:
    """The programme week ``day`` falls in (week 1 starts on the schedule's first day)."""
    start = start or anchor(journal)
    if start is None or day < start:
        return None
    return (day - start).days // 7 + 1


@plain
class Summary:
    """One check-in in a few numbers (for ``checkin list`` and headings)."""

    number: int
    id: int
    date: date
    week: int | None
    pain_average: int
    pain_worst: int
    psfs_mean: float | None
    psfs_items: int
    tests_done: int
    tests_not_done: int
    change: Change | None
    note: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "id": self.id,
            "entry_id": f"{ID_PREFIX}{self.id}",
            "date": self.date.isoformat(),
            "week": self.week,
            "pain_average": self.pain_average,
            "pain_worst": self.pain_worst,
            "psfs_mean": self.psfs_mean,
            "psfs_items": self.psfs_items,
            "tests_done": self.tests_done,
            "tests_not_done": self.tests_not_done,
            "change": self.change,
            "note": self.note,
        }


def summaries(journal: Journal) -> list[Summary]:
    start = anchor(journal)
    return [
        Summary(
            number=n,
            id=c.id,
            date=c.date,
            week=week_of(journal, c.date, start),
            pain_average=c.pain_average,
            pain_worst=c.pain_worst,
            psfs_mean=psfs_mean(c),
            psfs_items=len(c.psfs),
            tests_done=sum(r.result is not None for r in c.tests),
            tests_not_done=sum(r.result is None for r in c.tests),
            change=c.change,
            note=c.note,
        )
        for n, c in enumerate(ordered(journal), start=1)
    ]


def detail(journal: Journal, check: CheckIn) -> dict[str, Any]:
    """A check-in with names instead of ids (what ``checkin --json`` prints)."""
    items = {i.id: i for i in journal.outcomes.psfs_items}
    tests = {t.id: t for t in journal.outcomes.tests}
    number = [c.id for c in ordered(journal)].index(check.id) + 1
    return {
        "number": number,
        "id": check.id,
        "entry_id": f"{ID_PREFIX}{check.id}",
        "date": check.date.isoformat(),
        "week": week_of(journal, check.date),
        "pain_average": check.pain_average,
        "pain_worst": check.pain_worst,
        "psfs": [
            {"item": r.item, "activity": items[r.item].activity, "score": r.score}
            for r in check.psfs
        ],
        "psfs_mean": psfs_mean(check),
        "tests": [
            {
                "test": r.test,
                "name": tests[r.test].name,
                "unit": tests[r.test].unit,
                "better": tests[r.test].better,
                "result": r.result,
                "not_done": r.not_done,
            }
            for r in check.tests
        ],
        "change": check.change,
        "note": check.note,
    }


# -- scheduling -----------------------------------------------------------------------------


def first_use(journal: Journal) -> date | None:
    """Roughly when the patient started using backskills: the first day they recorded.

    The daily logs' first date comes from ``Journal.first_dated`` (exact when the store read
    only recent months, and as cheap on a journal of many years: the home screen asks
    every time); the other lists keep entries in the order they were made, so their first
    entry stands for them; activities and goals say when they were created.
    """
    days: list[date] = [a.created for a in journal.activities]
    days.extend(g.created for g in journal.goals)
    first = journal.first_dated()
    if first is not None:
        days.append(first)
    for entries, field_name in (
        (journal.redflag_checks, "checked_on"),
        (journal.flareups, "started"),
        (journal.thoughts, "date"),
    ):
        if entries:
            days.append(getattr(entries[0], field_name))
    return min(days, default=None)


def anchor(journal: Journal) -> date | None:
    """Where week 1 starts: the class start, else the first check-in, else the first use."""
    if journal.outcomes.class_start is not None:
        return journal.outcomes.class_start
    if journal.outcomes.checkins:
        return min(c.date for c in journal.outcomes.checkins)
    return first_use(journal)


@plain
class Schedule:
    start: date | None  # week 1 starts here
    start_kind: Literal["class_start", "first_checkin", "first_use"] | None
    done: int  # check-ins so far
    next_number: int
    next_due: date | None
    next_week: int | None
    due: bool  # today is on or after next_due
    today: date

    @property
    def days_overdue(self) -> int:
        if not self.due or self.next_due is None:
            return 0
        return (self.today - self.next_due).days

    def rule(self) -> str:
        if self.done == 0:
            return "the first check-in is due in week 1"
        if self.done == 1:
            return "the second comes 5 weeks after the first (week 6 of a weekly class)"
        return "after that, one every 4 weeks"

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "start_kind": self.start_kind,
            "done": self.done,
            "next_number": self.next_number,
            "next_due": self.next_due.isoformat() if self.next_due else None,
            "next_week": self.next_week,
            "due": self.due,
            "days_overdue": self.days_overdue,
            "rule": self.rule(),
        }


def schedule(journal: Journal, today: date) -> Schedule:
    start = anchor(journal)
    kind: Literal["class_start", "first_checkin", "first_use"] | None = None
    if journal.outcomes.class_start is not None:
        kind = "class_start"
    elif journal.outcomes.checkins:
        kind = "first_checkin"
    elif start is not None:
        kind = "first_use"
    done = ordered(journal)
    if done:
        gap = SECOND_AFTER_DAYS if len(done) == 1 else THEN_EVERY_DAYS
        due_on: date | None = done[-1].date + timedelta(days=gap)
    else:
        due_on = start
    week = week_of(journal, due_on, start) if due_on else None
    return Schedule(
        start=start,
        start_kind=kind,
        done=len(done),
        next_number=len(done) + 1,
        next_due=due_on,
        next_week=week,
        due=due_on is not None and today >= due_on,
        today=today,
    )


def set_class_start(journal: Journal, day: date) -> None:
    journal.outcomes.class_start = day


def tests_caution(journal: Journal) -> str | None:
    """Why the exercise tests should wait (an open red-flag check) or be gentle (a flare-up)."""
    if safety.exercise_block_reason(journal) is not None:
        return (
            "Your last red-flag check has not been looked at yet, so leave the exercise tests "
            "for now: answer 'not done' for each. Pain and the activities still count."
        )
    if safety.active_flareup(journal) is not None:
        return (
            "You are in a flare-up: do only the tests that feel manageable today, and answer "
            "'not done' for the others."
        )
    return None


@plain
class Reminder:
    """The one line ``today`` shows while a check-in is due."""

    number: int
    week: int | None
    # None while the schedule is timed from the first use (no class start, no check-in yet):
    # the home screen then says only that it is due, without looking up the first entry
    # ever made (which would mean reading the whole journal every day).
    due_since: date | None
    days_overdue: int | None
    tests_on_hold: bool  # an open red-flag check: the questions only, not the tests

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "week": self.week,
            "due_since": self.due_since.isoformat() if self.due_since else None,
            "days_overdue": self.days_overdue,
            "tests_on_hold": self.tests_on_hold,
            "command": "backskills checkin",
        }


def reminder(journal: Journal, today: date) -> Reminder | None:
    """A check-in that is due today (one, however many dates were missed), or None."""
    on_hold = safety.exercise_block_reason(journal) is not None
    if journal.outcomes.class_start is None and not journal.outcomes.checkins:
        # Timed from the first use: check-in 1 (week 1) is due once anything at all is
        # recorded on or before today. Since when is left out (see ``Reminder``).
        started = first_use(journal)
        if started is None or started > today:
            return None
        return Reminder(1, 1, None, None, tests_on_hold=on_hold)
    plan = schedule(journal, today)
    if not plan.due or plan.next_due is None:
        return None
    return Reminder(
        plan.next_number,
        plan.next_week,
        plan.next_due,
        plan.days_overdue,
        tests_on_hold=on_hold,
    )


# -- suggestions for the PSFS ---------------------------------------------------------------


def suggestions(journal: Journal, limit: int = 8) -> list[str]:
    """Activities the patient already named: active goals first, then activities they track."""
    found: list[str] = []

    def add(text: str | None) -> None:
        if text and len(text) <= 60 and text.casefold() not in {f.casefold() for f in found}:
            found.append(text)

    for goal in journal.goals:
        if goal.status == "active":
            add(goal.title)
    for activity in journal.activities:
        add(activity.name)
    for pace in journal.pacing.activities:
        add(pace.name)
    return found[:limit]


# -- comparing two check-ins ----------------------------------------------------------------


def _direction(change: float, better: Better) -> Literal["better", "worse", "same"]:
    if round(change, 6) == 0:
        return "same"
    improved = change > 0 if better == "higher" else change < 0
    return "better" if improved else "worse"


def _percent(before: float, after: float) -> float | None:
    if before == 0:
        return None
    return round((after - before) / before * 100, 1)


def whole_percent(percent: float) -> int:
    """The size of a percentage, rounded half up (12.5 -> 13), for sentences."""
    return int(abs(percent) + 0.5)


def _one_decimal(value: float) -> str:
    return f"{value:.1f}"


def _points(value: float) -> str:
    shown = fmt(round(abs(value), 1))
    return f"{shown} point" if shown == "1" else f"{shown} points"


@plain
class MeasureChange:
    """Pain or the PSFS score from one check-in to another, with an honest reading."""

    measure: str
    before: float
    after: float
    change: float
    percent: float | None
    direction: Literal["better", "worse", "same"]
    meaningful: bool
    threshold: str  # key in backskills.domain.thresholds
    reading: str

    def to_json(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "before": self.before,
            "after": self.after,
            "change": self.change,
            "percent": self.percent,
            "direction": self.direction,
            "meaningful": self.meaningful,
            "threshold": self.threshold,
            "reading": self.reading,
        }


def _measure(
    measure: str, label: str, before: float, after: float, key: str, better: Better
) -> MeasureChange:
    rule = threshold(key)
    change = round(after - before, 2)
    direction = _direction(change, better)
    meaningful = direction != "same" and rule.is_meaningful(before, after)
    percent = _percent(before, after)
    shown = fmt if key == "pain" else _one_decimal
    if direction == "same":
        reading = f"{label} stayed at {shown(after)}."
    else:
        way = "up" if change > 0 else "down"
        size = _points(change)
        if key == "pain" and percent is not None:
            size += f", {whole_percent(percent)}%"
        reading = f"{label} went from {shown(before)} to {shown(after)}: {way} {size}."
        if meaningful:
            reading += f" That is a meaningful change for the {direction} ({rule.short})."
        else:
            reading += (
                f" That is smaller than a meaningful change ({rule.short}), so it may be "
                "ordinary ups and downs rather than a real change."
            )
    return MeasureChange(
        measure=measure,
        before=before,
        after=after,
        change=change,
        percent=percent,
        direction=direction,
        meaningful=meaningful,
        threshold=key,
        reading=reading,
    )


@plain
class PsfsLine:
    item: int
    activity: str
    before: int
    after: int
    change: int
    direction: Literal["better", "worse", "same"]
    meaningful: bool  # 3 points or more on one activity

    def to_json(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "activity": self.activity,
            "before": self.before,
            "after": self.after,
            "change": self.change,
            "direction": self.direction,
            "meaningful": self.meaningful,
        }


@plain
class TestLine:
    test: int
    name: str
    unit: str
    better: Better
    before: float
    after: float
    change: float
    percent: float | None
    direction: Literal["better", "worse", "same"]
    reading: str

    def to_json(self) -> dict[str, Any]:
        return {
            "test": self.test,
            "name": self.name,
            "unit": self.unit,
            "better": self.better,
            "before": self.before,
            "after": self.after,
            "change": self.change,
            "percent": self.percent,
            "direction": self.direction,
            "reading": self.reading,
        }


@plain
class NotCompared:
    name: str
    why: str

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "why": self.why}


@plain
class Comparison:
    before: Summary
    after: Summary
    days_apart: int
    pain_average: MeasureChange
    pain_worst: MeasureChange
    psfs: MeasureChange | None  # the mean over the activities rated both times
    psfs_items: list[PsfsLine]
    psfs_not_compared: list[NotCompared]
    tests: list[TestLine]
    tests_not_compared: list[NotCompared]
    change: Change | None  # the patient's own rating at the later check-in
    change_reading: str | None
    caution: str
    advice: str | None  # when things look worse: who to tell, and the warning signs

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.before.to_json(),
            "to": self.after.to_json(),
            "days_apart": self.days_apart,
            "pain_average": self.pain_average.to_json(),
            "pain_worst": self.pain_worst.to_json(),
            "psfs": self.psfs.to_json() if self.psfs else None,
            "psfs_items": [line.to_json() for line in self.psfs_items],
            "psfs_not_compared": [n.to_json() for n in self.psfs_not_compared],
            "tests": [line.to_json() for line in self.tests],
            "tests_not_compared": [n.to_json() for n in self.tests_not_compared],
            "change": self.change,
            "change_reading": self.change_reading,
            "caution": self.caution,
            "advice": self.advice,
        }


WORSE_CHANGES = ("a-little-worse", "worse", "much-worse")
WORSE_ADVICE = (
    "Things look worse than at check-in {n}. Tell your GP or physiotherapist at your next "
    "appointment (sooner if it keeps getting worse), and run 'backskills redflags' to check "
    "the warning signs."
)

CAUTION = (
    "These numbers show what changed between two days, not why. Pain and ability go up "
    "and down; a physiotherapist can help you read them alongside how you have been."
)


def pick(journal: Journal, number: int, field: str) -> tuple[int, CheckIn]:
    """Check-in ``number`` (1 is the first), or a refusal naming the option."""
    done = ordered(journal)
    if not 1 <= number <= len(done):
        raise NotFound(
            f"{field}: there is no check-in {number}; you have {len(done)}.",
            "'backskills checkin list' shows them with their numbers.",
        )
    return number, done[number - 1]


def compare(
    journal: Journal, from_number: int | None = None, to_number: int | None = None
) -> Comparison | None:
    """Compare two check-ins (default: the first and the latest). None with fewer than two."""
    done = ordered(journal)
    if len(done) < 2 and from_number is None and to_number is None:
        return None
    first_n, first = pick(journal, 1 if from_number is None else from_number, "--from")
    last_n, last = pick(journal, len(done) if to_number is None else to_number, "--to")
    if first_n == last_n:
        raise InvalidInput("--to", "choose two different check-ins to compare.")
    if first_n > last_n:
        first_n, first, last_n, last = last_n, last, first_n, first
    by_number = {s.number: s for s in summaries(journal)}
    items = {i.id: i for i in journal.outcomes.psfs_items}
    tests = {t.id: t for t in journal.outcomes.tests}

    before_scores = {r.item: r.score for r in first.psfs}
    after_scores = {r.item: r.score for r in last.psfs}
    both = [i for i in before_scores if i in after_scores]
    psfs_lines = [
        PsfsLine(
            item=i,
            activity=items[i].activity,
            before=before_scores[i],
            after=after_scores[i],
            change=after_scores[i] - before_scores[i],
            direction=_direction(after_scores[i] - before_scores[i], "higher"),
            meaningful=threshold("psfs_item").is_meaningful(before_scores[i], after_scores[i]),
        )
        for i in both
    ]
    psfs_skipped = [
        NotCompared(items[i].activity, f"rated at check-in {first_n} only")
        for i in before_scores
        if i not in after_scores
    ] + [
        NotCompared(items[i].activity, f"rated at check-in {last_n} only")
        for i in after_scores
        if i not in before_scores
    ]
    psfs: MeasureChange | None = None
    if both:
        before_mean = psfs_mean(first, both)
        after_mean = psfs_mean(last, both)
        assert before_mean is not None and after_mean is not None
        count = len(both)
        label = (
            f"Your PSFS score (the mean of the {count} activities rated both times)"
            if count > 1
            else "Your PSFS score (one activity rated both times)"
        )
        psfs = _measure("psfs", label, before_mean, after_mean, "psfs_mean", "higher")

    before_results = {r.test: r for r in first.tests}
    after_results = {r.test: r for r in last.tests}
    test_lines: list[TestLine] = []
    tests_skipped: list[NotCompared] = []
    for test_id in [*before_results, *(t for t in after_results if t not in before_results)]:
        test = tests[test_id]
        a, b = before_results.get(test_id), after_results.get(test_id)
        if a is None or b is None:
            which = first_n if b is None else last_n
            tests_skipped.append(NotCompared(test.name, f"recorded at check-in {which} only"))
            continue
        if a.result is None or b.result is None:
            which = first_n if a.result is None else last_n
            tests_skipped.append(NotCompared(test.name, f"not done at check-in {which}"))
            continue
        test_lines.append(_test_line(test, a.result, b.result))

    change_reading = None
    if last.change is not None:
        change_reading = (
            f"At check-in {last_n} you rated your back {CHANGE_WORDS[last.change]} compared "
            "with your first check-in."
        )
    pain_average = _measure(
        "pain_average", "Average pain", first.pain_average, last.pain_average, "pain", "lower"
    )
    pain_worst = _measure(
        "pain_worst", "Worst pain", first.pain_worst, last.pain_worst, "pain", "lower"
    )
    worse = (
        last.change in WORSE_CHANGES
        or any(m.meaningful and m.direction == "worse" for m in (pain_average, pain_worst))
        or (psfs is not None and psfs.meaningful and psfs.direction == "worse")
    )
    return Comparison(
        before=by_number[first_n],
        after=by_number[last_n],
        days_apart=(last.date - first.date).days,
        pain_average=pain_average,
        pain_worst=pain_worst,
        psfs=psfs,
        psfs_items=psfs_lines,
        psfs_not_compared=psfs_skipped,
        tests=test_lines,
        tests_not_compared=tests_skipped,
        change=last.change,
        change_reading=change_reading,
        caution=CAUTION,
        advice=WORSE_ADVICE.format(n=first_n) if worse else None,
    )


def _test_line(test: ExerciseTest, before: float, after: float) -> TestLine:
    change = round(after - before, 6)
    percent = _percent(before, after)
    direction = _direction(change, test.better)
    unit = test.unit
    if direction == "same":
        reading = f"{test.name}: {fmt(after)} {unit} both times."
    else:
        way = "up" if change > 0 else "down"
        pct = f" ({whole_percent(percent)}%)" if percent is not None else ""
        reading = (
            f"{test.name}: {fmt(before)} to {fmt(after)} {unit}, {way} {fmt(abs(change))}{pct}; "
            f"{test.better} is better, so this is {direction}."
        )
    return TestLine(
        test=test.id,
        name=test.name,
        unit=unit,
        better=test.better,
        before=before,
        after=after,
        change=change,
        percent=percent,
        direction=direction,
        reading=reading,
    )
