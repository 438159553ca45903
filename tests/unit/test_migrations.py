"""The migration mechanism, proven with a synthetic next version of the journal, and the
real migrations (each one has its own test below)."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Literal

import pytest

import backskills.store as store_module
from backskills.errors import JournalUnreadable
from backskills.models import SCHEMA_VERSION, Journal
from backskills.models.activity import PainScore
from backskills.store import Store, backups, migrations
from tests.conftest import Run
from tests.journals import FIXTURES, read_journal

NEXT = SCHEMA_VERSION + 1


class JournalNext(Journal):
    schema_version: Literal[NEXT] = NEXT  # type: ignore[assignment,valid-type]


def to_next(document: dict[str, Any]) -> dict[str, Any]:
    """Synthetic step: every pain note gets a suffix (proves the step ran on the data)."""
    document["pain"] = [
        {**pain, "note": f"{pain.get('note') or ''}|next"} for pain in document.get("pain", [])
    ]
    return document


@pytest.fixture
def version_2(monkeypatch: pytest.MonkeyPatch) -> None:
    """A synthetic version after the current one, reached from v1 through every real step."""
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", NEXT)
    monkeypatch.setattr(store_module, "Journal", JournalNext)
    monkeypatch.setitem(migrations.MIGRATIONS, SCHEMA_VERSION, to_next)


@pytest.fixture
def v1_journal(data_dir: Path) -> Path:
    data_dir.mkdir(mode=0o700)
    path = data_dir / "journal.json"
    shutil.copy(FIXTURES / "journal-v1.json", path)
    path.chmod(0o600)
    return path


def test_migrate_runs_every_step_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    order: list[int] = []
    for version in (1, 2, 3):
        monkeypatch.setitem(
            migrations.MIGRATIONS,
            version,
            lambda doc, v=version: (order.append(v), {**doc, f"step{v}": True})[1],
        )
    document, start = migrations.migrate({"schema_version": 1}, 4)
    assert start == 1
    assert order == [1, 2, 3]
    assert document == {"schema_version": 4, "step1": True, "step2": True, "step3": True}


def test_migrate_refuses_a_gap() -> None:
    with pytest.raises(ValueError, match=f"no migration from schema version {SCHEMA_VERSION}"):
        migrations.migrate({"schema_version": SCHEMA_VERSION}, NEXT)


def test_reading_an_old_journal_migrates_in_memory_only(
    version_2: None, v1_journal: Path, cli: Run
) -> None:
    before = v1_journal.read_bytes()
    store = Store(v1_journal.parent)
    loaded = store.load_with_version()
    assert loaded.version == 1
    assert isinstance(loaded.journal, JournalNext)
    assert all(p.note and p.note.endswith("|next") for p in loaded.journal.pain)
    result = cli("data", "check", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["file_schema_version"], report["schema_version"]) == (1, NEXT)
    assert "older format" in cli("data", "check").stdout
    assert v1_journal.read_bytes() == before
    assert not (v1_journal.parent / "backups").exists()


def test_first_change_keeps_a_premigration_backup_for_good(
    version_2: None, v1_journal: Path
) -> None:
    original = v1_journal.read_bytes()
    store = Store(v1_journal.parent)
    with store.transaction() as journal:
        journal.pain.append(PainScore.model_validate({"date": "2026-03-01", "score": 2}))
    saved = read_journal(v1_journal.parent)
    assert saved["schema_version"] == NEXT
    assert saved["pain"][0]["note"].endswith("|next")
    assert saved["pain"][-1]["score"] == 2
    (premigration,) = [b for b in store.backups() if b.premigration]
    assert "-v1-premigration" in premigration.name
    assert premigration.path.read_bytes() == original
    for n in range(backups.KEEP_NEWEST + 5):  # many later saves do not prune it
        with store.transaction() as journal:
            journal.pain.append(PainScore.model_validate({"date": "2026-03-02", "score": n % 11}))
    assert premigration.path.exists()
    assert store.newest_good_backup() is not None


def test_missing_migration_step_is_unreadable_and_untouched(
    monkeypatch: pytest.MonkeyPatch, v1_journal: Path, cli: Run
) -> None:
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", NEXT)
    before = v1_journal.read_bytes()
    with pytest.raises(JournalUnreadable, match="cannot be brought up to date"):
        Store(v1_journal.parent).load()
    result = cli("data", "check")
    assert result.exit_code == 3
    assert v1_journal.read_bytes() == before


def test_premigration_backups_survive_the_retention_rule() -> None:
    now = datetime(2026, 3, 1, 12)
    old = backups.Backup(Path("journal-old-v1-premigration.json"), now - timedelta(days=400), True)
    recent = [
        backups.Backup(Path(f"journal-{n}.json"), now - timedelta(minutes=n), False)
        for n in range(20)
    ]
    pruned = backups.to_prune([*recent, old], now.date())
    assert old not in pruned


# -- the real migrations ----------------------------------------------------------------------


def test_v1_to_v2_keeps_every_redflag_check_exactly_and_marks_the_old_table(
    v1_journal: Path, cli: Run
) -> None:
    original = json.loads(v1_journal.read_text())
    assert original["schema_version"] == 1
    document, start = migrations.migrate(json.loads(v1_journal.read_text()), 2)
    assert start == 1 and document["schema_version"] == 2
    checks = document["redflag_checks"]
    assert [{k: v for k, v in c.items() if k != "rules"} for c in checks] == original[
        "redflag_checks"
    ]
    assert [c["rules"] for c in checks] == [1] * len(original["redflag_checks"])
    for key in original:
        if key not in ("schema_version", "redflag_checks"):
            assert document[key] == original[key], key
    # Through the CLI: the history shows each check with the outcome it got on the day.
    rows = json.loads(cli("redflags", "history", "--json").stdout)
    assert [(r["checked_on"], r["outcome"], r["rules"]) for r in rows] == [
        (c["checked_on"], c["outcome"], 1) for c in original["redflag_checks"]
    ]
    assert rows[0]["assessed"] is not None
    # A change keeps a copy of the v1 file and saves the checks as they were.
    assert cli("pain", "3").exit_code == 0
    saved = read_journal(v1_journal.parent)
    assert saved["schema_version"] == SCHEMA_VERSION  # v2, and any later step
    later = ("id", "entered_by_mistake")  # added by later versions
    assert [{k: v for k, v in c.items() if k not in later} for c in saved["redflag_checks"]] == (
        checks
    )


def test_v2_to_v3_adds_empty_outcomes_and_keeps_every_entry() -> None:
    document = json.loads((FIXTURES / "journal-v2.json").read_text("utf-8"))
    migrated, start = migrations.migrate(json.loads(json.dumps(document)), 3)
    assert start == 2 and migrated["schema_version"] == 3
    assert migrated["outcomes"] == {"psfs_items": [], "tests": [], "checkins": []}
    for key, value in document.items():
        if key != "schema_version":
            assert migrated[key] == value, key
    latest, _ = migrations.migrate(migrated, SCHEMA_VERSION)  # and on through later steps
    journal = Journal.model_validate(latest)
    assert journal.outcomes.checkins == []


def test_v3_to_v4_gives_every_entry_an_id_and_changes_nothing_else() -> None:
    document = json.loads((FIXTURES / "journal-v3.json").read_text("utf-8"))
    migrated, start = migrations.migrate(json.loads(json.dumps(document)), 4)
    assert start == 3 and migrated["schema_version"] == 4
    assert [r["id"] for r in migrated["records"]] == [
        f"a{n}" for n in range(1, len(document["records"]) + 1)
    ]
    assert [c["id"] for c in migrated["redflag_checks"]] == [
        f"k{n}" for n in range(1, len(document["redflag_checks"]) + 1)
    ]

    def without_ids(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: without_ids(v) for k, v in value.items() if k != "id" or isinstance(v, int)}
        if isinstance(value, list):
            return [without_ids(v) for v in value]
        return value

    for key, value in document.items():
        if key != "schema_version":
            assert without_ids(migrated[key]) == value, key
    assert migrated["last_ids"]["a"] == len(document["records"])


def test_a_v1_journal_reaches_v3_through_both_steps(v1_journal: Path, cli: Run) -> None:
    original = json.loads(v1_journal.read_text())
    assert cli("pain", "3").exit_code == 0
    saved = read_journal(v1_journal.parent)
    assert saved["schema_version"] == SCHEMA_VERSION
    assert saved["outcomes"]["checkins"] == []
    assert [c["rules"] for c in saved["redflag_checks"]] == [1] * len(original["redflag_checks"])
    kept = [{k: v for k, v in p.items() if k != "id"} for p in saved["pain"]]  # ids: v4
    assert kept[: len(original["pain"])] == original["pain"]


def test_a_v4_journal_opens_as_v5_and_keeps_every_entry(data_dir: Path, cli: Run) -> None:
    # Version 5 only adds values (flare-up comebacks, catch-up levels, two positions).
    data_dir.mkdir(mode=0o700)
    path = data_dir / "journal.json"
    shutil.copy(FIXTURES / "journal-v4.json", path)
    path.chmod(0o600)
    original = json.loads(path.read_text())
    migrated, start = migrations.migrate(json.loads(json.dumps(original)), 5)
    assert start == 4 and migrated == {**original, "schema_version": 5}
    assert cli("pain", "3", env={"BACKSKILLS_TODAY": "2026-03-01"}).exit_code == 0
    saved = read_journal(data_dir)
    assert saved["schema_version"] == SCHEMA_VERSION
    # Every entry is kept as it was (new optional fields only appear as their defaults).
    latest, _ = migrations.migrate({**original}, SCHEMA_VERSION)  # and on through later steps
    before = Journal.model_validate(latest).model_dump(mode="json")
    after = Journal.model_validate(saved).model_dump(mode="json")
    for key in before:
        if key not in ("pain", "last_ids"):
            assert after[key] == before[key], key
    assert after["pain"][: len(before["pain"])] == before["pain"]
    assert len(after["pain"]) == len(before["pain"]) + 1
    backups = list((data_dir / "backups").glob("*.json"))
    assert any(json.loads(b.read_text())["schema_version"] == 4 for b in backups)


def test_v5_to_v6_adds_no_questions_and_keeps_every_entry(data_dir: Path, cli: Run) -> None:
    document = json.loads((FIXTURES / "journal-v5.json").read_text("utf-8"))
    migrated, start = migrations.migrate(json.loads(json.dumps(document)), 6)
    assert start == 5 and migrated["schema_version"] == 6
    assert migrated["questions"] == []
    for key, value in document.items():
        if key != "schema_version":
            assert migrated[key] == value, key
    # Through the store: the v5 file opens, a question is added, a copy of v5 is kept.
    data_dir.mkdir(mode=0o700)
    path = data_dir / "journal.json"
    shutil.copy(FIXTURES / "journal-v5.json", path)
    path.chmod(0o600)
    added = cli("report", "--question", "Can I swim?", env={"BACKSKILLS_TODAY": "2026-04-01"})
    assert added.exit_code == 0, added.stderr
    saved = read_journal(data_dir)
    assert saved["schema_version"] == SCHEMA_VERSION
    assert [q["text"] for q in saved["questions"]] == ["Can I swim?"]
    for key, value in document.items():
        if key != "schema_version":
            assert saved[key] == value, key
    assert any("-v5-premigration" in p.name for p in (data_dir / "backups").iterdir())


@pytest.mark.parametrize(
    "odd",
    [
        {"activities": 5, "records": "x", "pacing": []},
        {"activities": [{"baseline": 3, "past_baselines": [None, {"days": 7}]}]},
        {"activities": [{"past_baselines": 7}, "walking", None]},
        {"records": [1, None, {"date": "2026-01-01"}], "flareups": {"a": 1}},
    ],
)
def test_v3_to_v4_never_crashes_on_an_odd_document(odd: dict[str, Any]) -> None:
    migrated, _ = migrations.migrate({"schema_version": 3, **odd}, 4)
    assert migrated["schema_version"] == 4  # validation, later, says what is wrong


def test_v6_to_v7_keeps_the_document_as_it_is() -> None:
    # Version 7 changes where entries are kept on disk (tests/unit/test_segments.py), not
    # what a journal holds.
    document = json.loads((FIXTURES / "journal-v6.json").read_text("utf-8"))
    migrated, start = migrations.migrate(json.loads(json.dumps(document)), 7)
    assert start == 6 and migrated == {**document, "schema_version": 7}
