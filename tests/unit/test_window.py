"""``domain/window.py``: each everyday command gives the same answer on a whole journal of
years and on the journal cut at the date its needs function gives, and that date is no
later than it must be."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from backskills.domain import (
    baseline,
    checkins,
    entries,
    flareups,
    history,
    learning,
    records,
    summary,
    today,
    window,
)
from backskills.domain.pacing.planner import build_plan
from backskills.domain.pacing.review import review as pace_review
from backskills.domain.pacing.spell_log import log_spell
from backskills.domain.pacing.tasks import add_task, remove_task
from backskills.domain.progression import changes, review
from backskills.errors import BackskillsError
from backskills.models import Journal
from backskills.models.entries import PACE_TASK_COUNTER, assign_ids
from backskills.render import pacing as render_pacing
from tests.window_journals import (
    CASES,
    DAYS,
    TYPED_AT,
    comparable,
    cut,
    fresh,
    journal_for,
    put_back,
    snapshot,
    years_of_records,
)

Run = Callable[[Journal, date], Any]


def _log(on_days_back: int) -> Run:
    def run(journal: Journal, now: date) -> Any:
        on = now - timedelta(days=on_days_back)
        return records.log_activity(
            journal, "walking", 3, today=now, day=on, at=TYPED_AT, pain=4
        ).to_json()

    return run


def _pain(on_days_back: int) -> Run:
    def run(journal: Journal, now: date) -> Any:
        return records.record_pain(journal, 6, day=now - timedelta(days=on_days_back)).to_json()

    return run


def _step_up(on_days_back: int) -> Run:
    def run(journal: Journal, now: date) -> Any:
        on = now - timedelta(days=on_days_back)
        return changes.step_up(journal, "walking", day=on, today=now).to_json()

    return run


def _task_add(journal: Journal, now: date) -> Any:
    task = add_task(
        journal, "curtains", activity_name="ironing", amount=30, priority="high",
        deadline=None, today=now,
    )  # fmt: skip
    return render_pacing.task_json(task, "minutes")


def _pace_log(journal: Journal, now: date) -> Any:
    result = log_spell(journal, "vacuuming", 10, on=now, felt="ok", task_id=None, note=None)
    return render_pacing.log_json(result.log, result.activity.unit)


def _flareup_start(journal: Journal, now: date) -> Any:
    flare = flareups.start(journal, now, pain=6, reduce="previous")
    return [flare.model_dump(mode="json"), flareups.status(journal, now).to_json()]


def _flareup_end(journal: Journal, now: date) -> Any:
    flare = flareups.require_active(journal)
    plans = flareups.comeback_plans(journal, flare, now, "catch_up")
    flare = flareups.end(journal, now, comeback="catch_up", pain=3)
    levels = flareups.levels_in_force(journal, flare, now)
    return [p.to_json() for p in plans] + [item.to_json() for item in levels]


def _history(
    what: str | None,
    *,
    weeks: int | None = None,
    start_back: int | None = None,
    end_back: int | None = None,
) -> tuple[Callable[[date], window.Needs], Run, bool]:
    """``history [what]`` with its options (days counted back from today)."""

    def days(now: date) -> tuple[date | None, date | None]:
        start = now - timedelta(days=start_back) if start_back is not None else None
        end = now - timedelta(days=end_back) if end_back is not None else None
        return start, end

    def needs(now: date) -> window.Needs:
        start, end = days(now)
        return window.bind(window.history, now, what, weeks=weeks, start=start, end=end)

    def run(journal: Journal, now: date) -> Any:
        start, end = days(now)
        options: dict[str, Any] = {"weeks": weeks, "start": start, "end": end}
        if what is None:
            return history.overview(journal, now, **options).to_json()
        if what == "pain":
            return history.pain_history(journal, now, **options).to_json()
        if what == "flareups":
            return history.flareup_history(journal, now, **options).to_json()
        return history.activity_history(journal, what, now, **options).to_json()

    return needs, run, False


def _summary(weeks: int) -> tuple[Callable[[date], window.Needs], Run, bool]:
    return (
        lambda now: window.bind(window.summary, now, weeks),
        lambda j, now: summary.build(j, now, weeks).to_json(),
        False,
    )


# command -> (the needs function for a run on ``now``, the run, whether it writes)
def _entries_recent(
    kind: str | None = None, activity: str | None = None
) -> tuple[Callable[[date], window.Needs], Run, bool]:
    """``entries`` by default: the last four weeks, and how far back the rest goes."""

    def needs_for(now: date) -> window.Needs:
        return window.bind(window.entries, entries.recent_from(now), activity, True)

    def run(j: Journal, now: date) -> Any:
        chosen = entries.kind_or_error(kind) if kind is not None else None
        since = entries.recent_from(now)
        found = entries.list_entries(j, kind=chosen, activity=activity, since=since)
        first = entries.first_entry(j, kind=chosen, activity=activity)
        return [[e.to_json() for e in found], str(first)]

    return needs_for, run, False


COMMANDS: dict[str, tuple[Callable[[date], window.Needs], Run, bool]] = {
    "today": (
        lambda now: window.bind(window.today, now),
        lambda j, now: today.build(j, now).to_json(),
        False,
    ),
    "today --normal-day": (
        lambda now: window.bind(window.today, now),
        lambda j, now: today.build(j, now, normal_day=True).to_json(),
        False,
    ),
    "log": (lambda now: window.bind(window.log, now), _log(0), True),
    "log --date (back-dated)": (
        lambda now: window.bind(window.log, now - timedelta(days=3)),
        _log(3),
        True,
    ),
    "log --date (two years back)": (
        lambda now: window.bind(window.log, now - timedelta(days=730)),
        _log(730),
        True,
    ),
    "pain": (lambda now: window.bind(window.pain, now), _pain(0), True),
    "pain --date": (
        lambda now: window.bind(window.pain, now - timedelta(days=1)),
        _pain(1),
        True,
    ),
    "progress": (
        lambda now: window.bind(window.progress, now),
        lambda j, now: [r.to_json() for r in review.evaluate(j, now)],
        False,
    ),
    "progress walking --pain-up": (
        lambda now: window.bind(window.progress, now),
        lambda j, now: [r.to_json() for r in review.evaluate(j, now, "walking", pain_up=True)],
        False,
    ),
    "progress step-up": (lambda now: window.bind(window.step_up, now), _step_up(0), True),
    "progress step-up --date": (
        lambda now: window.bind(window.step_up, now - timedelta(days=2)),
        _step_up(2),
        True,
    ),
    "progress ease-back": (
        lambda now: window.snapshot_only,
        lambda j, now: changes.ease_back(j, "walking", "halfway", day=now, today=now).to_json(),
        True,
    ),
    "baseline log": (
        lambda now: window.snapshot_only,
        lambda j, now: baseline.log_day(j, "cycling", 12, today=now).to_json(),
        True,
    ),
    "relax log": (
        lambda now: window.snapshot_only,
        lambda j, now: learning.log_relaxation(j, now, 10, guided=False).model_dump(mode="json"),
        True,
    ),
    "flareup": (
        lambda now: window.flareup_status,
        lambda j, now: flareups.status(j, now).to_json(),
        False,
    ),
    "flareup start": (lambda now: window.snapshot_only, _flareup_start, True),
    "flareup end": (lambda now: window.snapshot_only, _flareup_end, True),
    "flareup history": (
        lambda now: window.snapshot_only,
        lambda j, now: [e.to_json() for e in flareups.episodes(j, now)],
        False,
    ),
    "entries --from": (
        lambda now: window.bind(window.entries, now - timedelta(days=3)),
        lambda j, now: [
            e.to_json() for e in entries.list_entries(j, since=now - timedelta(days=3))
        ],
        False,
    ),
    "entries (the last 4 weeks)": _entries_recent(),
    "entries --kind pain": _entries_recent(kind="pain"),
    "entries --kind record --activity walking": _entries_recent(kind="record", activity="walking"),
    "pace plan": (
        lambda now: window.bind(window.pace_plan, now),
        lambda j, now: build_plan(j, start=now, today=now, days=3).to_json(),
        False,
    ),
    "pace review": (
        lambda now: window.bind(window.pace_review, now, 5),
        lambda j, now: [r.to_json() for r in pace_review(j, now, None, 5)],
        False,
    ),
    "pace review --days 14": (
        lambda now: window.bind(window.pace_review, now, 14),
        lambda j, now: [r.to_json() for r in pace_review(j, now, None, 14)],
        False,
    ),
    "history": _history(None),
    "history walking": _history("walking"),
    "history cycling": _history("cycling"),
    "history pain": _history("pain"),
    "history flareups": _history("flareups"),
    "history --weeks 30": _history(None, weeks=30),
    "history walking --weeks 3": _history("walking", weeks=3),
    "history --from (500 days back) --to (400 days back)": _history(
        None, start_back=500, end_back=400
    ),
    "history pain --from (300 days back)": _history("pain", start_back=300),
    "history cycling --from (100 days back) --weeks 20": _history(
        "cycling", start_back=100, weeks=20
    ),
    "summary": _summary(6),
    "summary --weeks 1": _summary(1),
    "summary --weeks 60": _summary(60),
    "pace task add": (lambda now: window.pace_task_add, _task_add, True),
    "pace log": (lambda now: window.snapshot_only, _pace_log, True),
}


def outcome(run: Run, journal: Journal, now: date) -> str:
    """What the command shows (its JSON, or its one-line refusal), after the store's save
    gave new entries their ids."""
    try:
        result = run(journal, now)
    except BackskillsError as exc:
        return f"{type(exc).__name__}: {exc}"
    assign_ids(journal)
    return json.dumps(result, sort_keys=True, default=str)


RUNS = [
    pytest.param(command, case, now, id=f"{command}-{case}-{now:%a}")
    for command in COMMANDS
    for case in CASES
    for now in DAYS
]


@pytest.mark.parametrize(("command", "case", "now"), RUNS)
def test_same_answer_on_the_whole_and_the_cut_journal(command: str, case: str, now: date) -> None:
    needs_for, run, writes = COMMANDS[command]
    whole = journal_for(case, now)
    try:
        first = needs_for(now)(snapshot(whole))
    except BackskillsError as exc:  # the store stops before reading: the same refusal
        assert outcome(run, whole, now) == f"{type(exc).__name__}: {exc}"
        return
    part, left_out = cut(whole, first)

    shown_whole = outcome(run, whole, now)
    shown_part = outcome(run, part, now)

    assert shown_part == shown_whole
    if writes:  # what is saved: the cut journal after the write, with the entries left out
        assert comparable(put_back(part, left_out)) == comparable(whole)


def _first_needed(command: str, case: str, now: date) -> tuple[Journal, date | None]:
    needs_for = COMMANDS[command][0]
    whole = journal_for(case, now)
    try:
        return whole, needs_for(now)(snapshot(whole))
    except BackskillsError:  # refused before anything is read (an unknown activity)
        return whole, window.NOTHING


@pytest.mark.parametrize("command", [c for c in COMMANDS if "ease-back" not in c])
def test_a_day_later_would_change_the_answer(command: str) -> None:
    """The tests above could not fail if every needs function said "read everything" or
    "read nothing": for each command that reads dated entries, some journal's answer
    changes when one more day is cut. (Commands that only write read none.)"""
    run = COMMANDS[command][1]
    changed = []
    for case in CASES:
        for now in DAYS:
            whole, first = _first_needed(command, case, now)
            if first is None or first == window.NOTHING:
                continue
            later, _ = cut(whole, first + timedelta(days=1))
            if outcome(run, later, now) != outcome(run, fresh(whole), now):
                changed.append((case, now))
    reads_nothing = all(
        _first_needed(command, case, now)[1] in (window.NOTHING, None)
        for case in CASES
        for now in DAYS
    )
    assert changed or reads_nothing, f"{command}: its date could be later in every journal"


def test_commands_that_write_only_read_nothing_and_others_read_a_bounded_window() -> None:
    """On a journal of years, the everyday commands read weeks, not years (where the rules
    allow: the exceptions are named in window.py and here)."""
    now = DAYS[1]
    view = snapshot(journal_for("recent step up", now))
    assert window.progress(view, now) == now - timedelta(days=17)  # a step up 10 days ago - 7
    view = snapshot(journal_for("class start", now))
    assert window.today(view, now) == now - timedelta(days=27)  # a step up 20 days ago - 7
    assert window.log(view, now) == now
    assert window.snapshot_only(view) == window.NOTHING
    # A flare-up's advice reads back to its start.
    assert window.flareup_status(snapshot(journal_for("flare-up", now))) == now - timedelta(90)
    # A level kept a year: its step up is too old to explain a rise in pain; 7 days back.
    assert window.progress(snapshot(journal_for("steady", now)), now) == now - timedelta(7)
    assert window.progress(snapshot(journal_for("step up 7 weeks ago", now)), now) == now - (
        timedelta(49 + 7)
    )
    # With no class start and no check-in, the reminder is timed from the first use: the
    # first dates the store hands over tell it, even in a journal of pain scores alone.
    assert window.today(snapshot(journal_for("young", now)), now) == now
    assert window.today(snapshot(journal_for("pain only", now)), now) == now


def test_the_pace_task_counter_ends_the_scan_of_spells() -> None:
    now = DAYS[0]
    old = journal_for("pacing", now)
    assert window.pace_task_add(snapshot(old)) is None  # from before the counter: read all
    task = add_task(
        old, "rugs", activity_name="vacuuming", amount=20, priority="low", deadline=None,
        today=now,
    )  # fmt: skip
    assert task.id == 8  # after the 7 a removed task's spells still name
    assert old.last_ids[PACE_TASK_COUNTER] == 8
    assert window.pace_task_add(snapshot(old)) == window.NOTHING
    remove_task(old, task.id)
    again = add_task(
        old, "mats", activity_name="vacuuming", amount=20, priority="low", deadline=None,
        today=now,
    )  # fmt: skip
    assert again.id == 9  # a removed task's number is not handed out again


def test_earliest_lets_everything_win() -> None:
    day = date(2026, 1, 5)
    assert window.earliest(day, day - timedelta(days=1)) == day - timedelta(days=1)
    assert window.earliest(day, None) is None
    assert window.earliest() == window.NOTHING


@pytest.mark.parametrize(("days_ago", "eases_back"), [(50, True), (55, True), (56, False)])
def test_a_rise_in_pain_is_put_down_to_a_step_up_only_in_the_weeks_after_it(
    days_ago: int, eases_back: bool
) -> None:
    """So a review never reads back years to a step up made long ago (``PAIN_RISE_DAYS``)."""
    now = DAYS[1]
    journal = years_of_records(now, last_step=days_ago)  # pain 2 before the step up, 5 after
    advice = review.evaluate(journal, now)[0]
    assert (advice.recommendation == "ease_back") is eases_back
    assert ("Your pain has gone up since the step up" in advice.reason) is eases_back


def test_on_mondays_the_summary_pointer_and_the_first_check_in_need_no_daily_log() -> None:
    """Both are timed from the first entry; with only today's entries read, the first dates
    of the months left out still tell when the journal began."""
    monday = DAYS[0]
    journal = journal_for("young", monday)  # five days old: not yet
    assert today.summary_due(journal, monday) is False
    assert window.summary_due(snapshot(journal), monday) == window.NOTHING
    assert window.checkin_anchor(snapshot(journal), monday) == window.NOTHING
    journal.activities[0].created = monday - timedelta(days=7)
    assert today.summary_due(journal, monday) is True
    logs = journal_for("pain only", monday)  # nothing but pain scores, for years
    part, left_out = cut(logs, monday)
    assert left_out["pain"] and len(part.pain) == 1
    assert today.summary_due(part, monday) is today.summary_due(logs, monday) is True
    assert checkins.first_use(part) == checkins.first_use(logs) == logs.pain[0].date
    assert part.first_dated() == logs.first_dated() == logs.pain[0].date
    assert snapshot(logs).first_dated() == logs.pain[0].date


def test_history_and_summary_read_their_window_and_no_more() -> None:
    """From the first entry when the journal (or the activity) is younger than the window,
    else from the window's first day, whatever the journal's age; from --from when given."""
    now = DAYS[1]  # a Wednesday
    cap = history.monday(now) - timedelta(weeks=history.DEFAULT_WEEKS - 1)
    old = snapshot(journal_for("second activity", now))
    assert window.history(old, now) == cap
    assert window.history(old, now, "pain") == cap
    assert window.history(old, now, "walking") == cap
    assert window.history(old, now, "cycling") == now - timedelta(days=40)  # its own start
    assert window.history(old, now, "flareups") == window.NOTHING
    assert window.history(old, now, weeks=30) == history.monday(now) - timedelta(weeks=29)
    back = now - timedelta(days=700)
    assert window.history(old, now, start=back, end=back + timedelta(days=9)) == back
    assert window.summary(old, now, 6) == now - timedelta(days=41)
    assert window.summary(old, now, 60) == now - timedelta(days=419)
    young = snapshot(journal_for("young", now))  # five days old
    assert window.history(young, now) == now - timedelta(days=5)
    assert window.summary(young, now, 6) == now - timedelta(days=5)


def test_the_window_json_names_the_first_entry_from_the_months_not_read() -> None:
    """``earliest_entry`` in the window's JSON is the journal's (or the activity's) first
    entry, also when the lists hold only the last weeks."""
    now = DAYS[0]
    whole = journal_for("second activity", now)
    part, left_out = cut(whole, now - timedelta(days=10))
    assert left_out["records"] and left_out["pain"]
    first = whole.activities[0].baseline.days[0].date  # type: ignore[union-attr]
    assert history.earliest_entry(part) == history.earliest_entry(whole) == first
    cycling = whole.activities[1]
    assert history.earliest_entry(part, cycling) == now - timedelta(days=40)
    assert part.first_dates() == whole.first_dates()
    assert min(part.first_dates().records.values()) < min(r.date for r in part.records)
