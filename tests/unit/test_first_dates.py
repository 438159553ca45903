"""The first dates the manifest keeps for each month file (schema 8), and what they let
``history`` and ``summary`` skip.

Each line of ``segments`` in journal.json keeps the first date of each dated list in its
file (records per activity name). They are written with the file, so every kind of save
must leave them true; ``data check`` and every read of a file compare them with it; and a
command that reads only recent months still knows when the journal began.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from backskills.errors import JournalUnreadable
from backskills.models import Journal
from backskills.models.activity import Activity, ActivityRecord, PainScore
from backskills.models.learning import RelaxSession
from backskills.models.pacing import PaceActivity, PaceLog
from backskills.store import Store, serialise
from tests.conftest import Run
from tests.journals import FIXTURES

TODAY = date(2026, 11, 30)  # a Monday
FIRST = date(2023, 3, 14)


def _journal() -> Journal:
    """Three and a half years: walking from the start, cycling from a year ago (its first
    records named with a capital), pain most days, relaxation and pacing spells later."""
    journal = Journal(
        activities=[
            Activity(name="walking", unit="minutes", resolution=1, created=FIRST),
            Activity(name="cycling", unit="minutes", resolution=1, created=FIRST),
        ],
        pacing={"activities": [PaceActivity(name="ironing", tolerance=15, created=FIRST)]},
    )
    day = FIRST
    while day <= TODAY:
        n = day.toordinal()
        if n % 4:
            journal.records.append(ActivityRecord(date=day, activity="walking", amount=n % 30))
        if n % 3 == 0:
            journal.pain.append(PainScore(date=day, score=n % 11))
        if day >= TODAY - timedelta(days=365) and n % 5 == 0:
            name = "Cycling" if day < TODAY - timedelta(days=300) else "cycling"
            journal.records.append(ActivityRecord(date=day, activity=name, amount=20))
        if day >= date(2024, 6, 3) and n % 9 == 0:
            journal.relaxation.append(RelaxSession(date=day, minutes=10))
        if day >= date(2025, 2, 10) and n % 7 == 0:
            journal.pacing.logs.append(PaceLog(date=day, activity="ironing", amount=10))
        day += timedelta(days=1)
    # Typed later, dated earlier in their month: the first date is not the first entry.
    journal.pain.append(PainScore(date=FIRST - timedelta(days=2), score=4))
    return journal


def _expected(journal: Journal) -> dict[str, dict[str, Any]]:
    """Each month's first dates, worked out from the whole journal (independently of the
    store's code): month -> the JSON the manifest should keep."""
    months: dict[str, dict[str, Any]] = {}

    def month(day: date) -> dict[str, Any]:
        key = f"{day.year:04d}-{day.month:02d}"
        return months.setdefault(
            key, {"records": {}, "pain": None, "pacing_logs": None, "relaxation": None}
        )

    def earlier(a: str | None, b: str) -> str:
        return b if a is None or b < a else a

    for record in journal.records:
        found = month(record.date)["records"]
        found[record.activity] = earlier(found.get(record.activity), record.date.isoformat())
    for name, entries in (
        ("pain", journal.pain),
        ("pacing_logs", journal.pacing.logs),
        ("relaxation", journal.relaxation),
    ):
        for entry in entries:
            firsts = month(entry.date)
            firsts[name] = earlier(firsts[name], entry.date.isoformat())
    return months


def assert_first_dates_true(store: Store) -> None:
    """journal.json keeps, for each month, exactly its files' first dates; a read of only
    the last weeks knows the same first dates as the whole journal."""
    whole = store.load()
    manifest = json.loads(store.journal_path.read_text())
    kept = {ref["month"]: ref["first"] for ref in manifest["segments"]}
    assert kept == _expected(whole)
    for ref in manifest["segments"]:  # and each describes the file it names
        segment = json.loads((store.segments_dir / ref["file"]).read_text())
        assert segment["month"] == ref["month"]
    recent = store.load(needs=lambda snapshot: TODAY - timedelta(days=20))
    assert len(recent.pain) < len(whole.pain)
    assert recent.first_dates() == whole.first_dates()
    firsts = whole.first_dates()
    assert firsts.pain == min(p.date for p in whole.pain)
    assert firsts.records == {
        name: min(r.date for r in whole.records if r.activity == name)
        for name in {r.activity for r in whole.records}
    }


@pytest.fixture
def journal_dir(data_dir: Path) -> Iterator[Store]:
    store = Store(data_dir)
    with store.transaction() as current:
        for name in Journal.model_fields:
            setattr(current, name, getattr(_journal(), name))
    yield store


def _ok(result: Any) -> None:
    assert result.exit_code == 0, result.output


def _entry_id(cli: Run, env: dict[str, str], *args: str) -> str:
    result = cli("entries", "--all", "--json", *args, env=env)
    _ok(result)
    entries = json.loads(result.stdout)["entries"]
    assert entries, result.stdout
    return str(min(entries, key=lambda e: e["date"])["id"])  # the oldest


def test_every_kind_of_save_keeps_the_first_dates_true(journal_dir: Store, cli: Run) -> None:
    store = journal_dir
    env = {"BACKSKILLS_TODAY": TODAY.isoformat()}
    assert_first_dates_true(store)
    steps: list[tuple[str, ...]] = [
        ("log", "walking", "5"),
        # Into a month the command does not read: merged into that month's file.
        ("log", "walking", "5", "--date", (FIRST - timedelta(days=1)).isoformat()),
        ("pain", "3", "--date", (FIRST - timedelta(days=3)).isoformat()),
        ("log", "cycling", "7", "--date", "2025-06-02"),
        ("relax", "log", "10"),
        ("pace", "log", "ironing", "5"),
    ]
    for argv in steps:
        _ok(cli(*argv, env=env))
        assert_first_dates_true(store)
    # Edit the journal's first record to a later day, then remove the first pain score.
    first_record = _entry_id(cli, env, "--kind", "record", "--activity", "walking")
    _ok(cli("entries", "edit", first_record, "--date", "2023-04-02", env=env))
    assert_first_dates_true(store)
    _ok(cli("entries", "remove", _entry_id(cli, env, "--kind", "pain"), env=env))
    assert_first_dates_true(store)
    _ok(cli("undo", "--yes", env=env))
    assert_first_dates_true(store)
    _ok(cli("activity", "rename", "cycling", "biking", env=env))
    assert "biking" in store.load().first_dates().records
    assert_first_dates_true(store)
    _ok(cli("data", "backup", env=env))
    _ok(cli("log", "walking", "9", "--date", "2023-03-01", env=env))
    _ok(cli("data", "restore", env=env))
    assert_first_dates_true(store)
    export = store.data_dir.parent / "export.json"
    _ok(cli("data", "export", "-o", str(export), env=env))
    _ok(cli("data", "import", str(export), env=env))
    assert_first_dates_true(store)
    _ok(cli("data", "check", env=env))


@pytest.mark.parametrize("old", ["journal-v6.json", "segmented-v7"])
def test_an_older_journal_gets_its_first_dates_on_its_first_change(
    data_dir: Path, cli: Run, old: str
) -> None:
    """Format 8 adds them: a journal in one file (6) or a manifest of format 7 without them
    is read whole, and its first change writes every month with its first dates."""
    source = FIXTURES / old
    if source.is_dir():
        shutil.copytree(source, data_dir)
    else:
        data_dir.mkdir(mode=0o700)
        shutil.copy(source, data_dir / "journal.json")
    for path in [data_dir, *data_dir.rglob("*")]:
        path.chmod(0o700 if path.is_dir() else 0o600)
    store = Store(data_dir)
    before = serialise(store.load())
    _ok(cli("pain", "4", env={"BACKSKILLS_TODAY": TODAY.isoformat()}))
    manifest = json.loads(store.journal_path.read_text())
    assert manifest["schema_version"] == 8
    assert all("first" in ref for ref in manifest["segments"])
    after = store.load()
    assert {ref["month"]: ref["first"] for ref in manifest["segments"]} == _expected(after)
    assert len(after.pain) == len(Journal.model_validate_json(before).pain) + 1
    assert any(p.name.endswith(f"-v{7 if source.is_dir() else 6}-premigration.json")
               for p in store.backups_dir.iterdir())  # fmt: skip


def _edit_first(store: Store, month: str, change: dict[str, Any]) -> None:
    """Change what journal.json keeps for ``month``, by hand (the bytes stay tidy)."""
    manifest = json.loads(store.journal_path.read_text())
    ref = next(r for r in manifest["segments"] if r["month"] == month)
    ref["first"].update(change)
    store.journal_path.write_text(json.dumps(manifest, indent=1) + "\n")


def test_a_hand_edited_first_date_is_damage_data_check_reports(
    journal_dir: Store, cli: Run
) -> None:
    store = journal_dir
    env = {"BACKSKILLS_TODAY": TODAY.isoformat()}
    _ok(cli("log", "walking", "2", env=env))  # so there is a backup
    _edit_first(store, "2023-03", {"pain": "2023-03-20"})  # it is the 12th
    result = cli("data", "check", env=env)
    assert result.exit_code == 3
    message = " ".join(result.stderr.split())
    assert "keeps first dates for 2023-03 that do not match their segment files" in message
    assert "data restore" in message
    # A command that reads that month says so too; one that does not read it is not misled
    # about the month it reads.
    whole = cli("history", "--from", "2023-03-01", "--json", env=env)
    assert whole.exit_code == 3 and "2023-03" in whole.stderr
    _ok(cli("today", env=env))
    _ok(cli("data", "restore", env=env))  # the newest backup, first dates true
    _ok(cli("data", "check", env=env))
    assert_first_dates_true(store)


@pytest.mark.parametrize(
    ("month", "change", "argv"),
    [
        ("2023-03", {"relaxation": "2022-01-01"}, ("history", "--json")),  # the first month
        ("2023-03", {"pain": "2023-02-27"}, ("today",)),  # timed from the first use
        ("2024-07", {"pain": "2022-01-01"}, ("history", "pain")),  # every month's pain
        ("2024-07", {"records": {"walking": "2024-08-01"}}, ("history", "walking")),
    ],
)
def test_a_first_date_outside_its_month_stops_a_command_that_would_use_it(
    journal_dir: Store, cli: Run, month: str, change: dict[str, Any], argv: tuple[str, ...]
) -> None:
    store = journal_dir
    _edit_first(store, month, change)
    result = cli(*argv, env={"BACKSKILLS_TODAY": TODAY.isoformat()})
    assert result.exit_code == 3
    assert f"the first dates it keeps for {month} are not in that month" in " ".join(
        result.stderr.split()
    )
    with pytest.raises(JournalUnreadable):
        store.check()


HISTORY_AND_SUMMARY = [
    ("history",),
    ("history", "--json"),
    ("history", "walking", "--json"),
    ("history", "cycling", "--no-chart"),
    ("history", "pain", "--json"),
    ("history", "--weeks", "5", "--json"),
    ("history", "--from", "2024-01-10", "--to", "2024-02-20", "--json"),
    ("history", "pain", "--from", "2025-12-29", "--json"),
    ("summary",),
    ("summary", "--json"),
    ("summary", "--weeks", "20", "--json"),
]


@pytest.mark.parametrize("argv", HISTORY_AND_SUMMARY, ids=" ".join)
def test_history_and_summary_read_only_their_months_and_show_the_same(
    journal_dir: Store, cli: Run, monkeypatch: pytest.MonkeyPatch, argv: tuple[str, ...]
) -> None:
    """Through the real store: the months read are those of the window (from --from when
    given), and the output is what a read of the whole journal shows."""
    env = {"BACKSKILLS_TODAY": TODAY.isoformat()}
    read: list[str] = []
    segment_bytes = Store._segment_bytes

    def counting(self: Store, ref: Any, folder: Path | None = None) -> bytes:
        read.append(ref.month)
        return segment_bytes(self, ref, folder)

    monkeypatch.setattr(Store, "_segment_bytes", counting)
    part = cli(*argv, env=env)
    _ok(part)
    months = sorted(read)
    load = Store.load
    monkeypatch.setattr(Store, "load", lambda self, needs=None: load(self))
    whole = cli(*argv, env=env)
    assert (part.stdout, part.stderr) == (whole.stdout, whole.stderr)
    starts = {"2024-01-10": "2024-01", "2025-12-29": "2025-12"}
    first = next((starts[a] for a in argv if a in starts), None)
    if first is not None:  # from --from on (and up to the last month: see window.py)
        assert months[0] == first
    elif "20" in argv:  # 20 weeks back from 2026-11-30
        assert months[0] == "2026-07"
    else:  # at most 12 weeks
        assert months[0] >= "2026-09"
    assert months == sorted(set(months)) and months[-1] == "2026-11"
