"""The journal on disk from schema 7: journal.json (the manifest) plus monthly segment files.

Layout and permissions, reading only the months a command needs, writing only the months
that changed, damaged and missing segments (check, restore), the move from one file.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from backskills.errors import JournalUnreadable
from backskills.models import SCHEMA_VERSION, Journal
from backskills.models.activity import ActivityRecord, PainScore
from backskills.models.learning import RelaxSession
from backskills.store import Store, serialise
from backskills.store import segments as seg
from tests.conftest import Run
from tests.journals import FIXTURES, in_month_order, read_journal, stray_temp_files


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def months_journal(first: date, months: int, per_month: int = 3) -> Journal:
    """Pain scores and relaxation sessions on the first days of ``months`` months."""
    journal = Journal()
    day = first
    for _ in range(months):
        for i in range(per_month):
            journal.pain.append(PainScore(date=day + timedelta(days=i), score=i % 11))
        journal.relaxation.append(RelaxSession(date=day, minutes=10))
        day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return journal


def saved_store(data_dir: Path, journal: Journal) -> Store:
    store = Store(data_dir)
    with store.transaction() as current:
        for name in Journal.model_fields:
            setattr(current, name, getattr(journal, name))
    return store


def files(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file's inode and modification time: a rewritten file changes one of them."""
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.iterdir()}


def test_first_write_makes_a_manifest_and_private_monthly_segments(data_dir: Path) -> None:
    journal = months_journal(date(2025, 11, 1), 3)
    store = saved_store(data_dir, journal)
    manifest = json.loads(store.journal_path.read_text())
    assert manifest["schema_version"] == SCHEMA_VERSION
    for dated in ("records", "pain", "relaxation"):
        assert dated not in manifest  # the dated lists live in the segments
    assert "logs" not in manifest["pacing"]
    assert [s["month"] for s in manifest["segments"]] == ["2025-11", "2025-12", "2026-01"]
    assert [s["entries"] for s in manifest["segments"]] == [4, 4, 4]
    assert mode(store.segments_dir) == 0o700 and mode(store.copies_dir) == 0o700
    for ref in manifest["segments"]:
        for folder in (store.segments_dir, store.copies_dir):
            path = folder / ref["file"]
            assert mode(path) == 0o600
            document = json.loads(path.read_text())  # plain, readable JSON
            assert document["month"] == ref["month"]
            assert {p["date"][:7] for p in document["pain"]} == {ref["month"]}
    assert store.load() == in_month_order(journal)


def test_a_change_rewrites_only_its_month_and_the_manifest(data_dir: Path, cli: Run) -> None:
    store = saved_store(data_dir, months_journal(date(2024, 1, 1), 26))
    assert cli("pain", "2", env={"BACKSKILLS_TODAY": "2026-02-20"}).exit_code == 0
    segments_before, copies_before = files(store.segments_dir), files(store.copies_dir)
    manifest_before = store.journal_path.read_bytes()
    result = cli("log", "walking", "12", env={"BACKSKILLS_TODAY": "2026-02-21"})
    assert result.exit_code == 0, result.stderr
    segments_after, copies_after = files(store.segments_dir), files(store.copies_dir)
    new = sorted(set(segments_after) - set(segments_before))
    assert [name[:7] for name in new] == ["2026-02"]  # one new file: this month's
    for name, seen in segments_before.items():  # every other file is untouched
        assert segments_after.get(name, seen) == seen
    assert sorted(set(copies_after) - set(copies_before)) == new
    assert store.journal_path.read_bytes() != manifest_before
    assert store.backups()[0].path.read_bytes() == manifest_before  # the backup is small
    assert [p.score for p in store.load().pain][-1] == 2
    assert [(r.date, r.amount) for r in store.load().records] == [(date(2026, 2, 21), 12)]


def test_needs_reads_exactly_the_months_from_its_date(data_dir: Path) -> None:
    whole = months_journal(date(2025, 1, 1), 14)
    store = saved_store(data_dir, whole)
    seen: list[tuple[int, int, int]] = []

    def needs(snapshot: Journal) -> date:
        seen.append((len(snapshot.pain), len(snapshot.relaxation), len(snapshot.records)))
        return date(2025, 11, 17)

    part = store.load(needs)
    assert seen == [(0, 0, 0)]  # called once, with the snapshot (no dated entries)
    expected = [p for p in store.load().pain if p.date >= date(2025, 11, 1)]
    assert part.pain == expected
    assert {p.date.strftime("%Y-%m") for p in part.pain} == {
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
    }
    assert all(r.date >= date(2025, 11, 1) for r in part.relaxation)
    assert store.load(lambda _: None) == store.load()  # None: everything


def test_a_back_dated_entry_in_a_month_not_read_keeps_that_months_entries(
    data_dir: Path,
) -> None:
    store = saved_store(data_dir, months_journal(date(2025, 1, 1), 14))
    march = [p for p in store.load().pain if p.date.month == 3 and p.date.year == 2025]
    before = {p.name: p.stat().st_ino for p in store.segments_dir.iterdir()}
    with store.transaction(lambda _: date(2026, 2, 1)) as journal:
        assert all(p.date >= date(2026, 2, 1) for p in journal.pain)
        journal.pain.append(PainScore(date=date(2025, 3, 20), score=9, note="late"))
        journal.pain.append(PainScore(date=date(2026, 2, 20), score=1))
    after = store.load()
    march_now = [p for p in after.pain if p.date.month == 3 and p.date.year == 2025]
    assert march_now[: len(march)] == march  # kept, in their order, the new one after them
    assert [(p.score, p.note) for p in march_now[len(march) :]] == [(9, "late")]
    assert len(after.pain) == 14 * 3 + 2
    changed = {p.name for p in store.segments_dir.iterdir()} - set(before)
    assert sorted(name[:7] for name in changed) == ["2025-03", "2026-02"]
    ids = [p.id for p in after.pain]
    assert len(set(ids)) == len(ids)  # the new entries got ids never used before


def test_removing_every_entry_of_a_read_month_drops_its_segment(data_dir: Path) -> None:
    store = saved_store(data_dir, months_journal(date(2025, 1, 1), 3))
    with store.transaction(lambda _: date(2025, 3, 1)) as journal:
        journal.pain = [p for p in journal.pain if p.date.month != 3]
        journal.relaxation = [r for r in journal.relaxation if r.date.month != 3]
    manifest = json.loads(store.journal_path.read_text())
    assert [s["month"] for s in manifest["segments"]] == ["2025-01", "2025-02"]
    assert len(store.load().pain) == 6


def test_nothing_changed_writes_nothing(data_dir: Path) -> None:
    store = saved_store(data_dir, months_journal(date(2025, 1, 1), 3))
    before = files(store.segments_dir), store.journal_path.read_bytes(), store.backups()
    with store.transaction(lambda _: date(2025, 2, 1)):
        pass
    assert (files(store.segments_dir), store.journal_path.read_bytes(), store.backups()) == before


# -- damaged, missing and changed segment files ------------------------------------------------
def damage(store: Store, month: str, how: str) -> Path:
    manifest = json.loads(store.journal_path.read_text())
    (ref,) = [s for s in manifest["segments"] if s["month"] == month]
    path = store.segments_dir / ref["file"]
    if how == "missing":
        path.unlink()
    elif how == "cut":
        path.write_bytes(path.read_bytes()[:40])
    elif how == "changed":  # still valid JSON and a valid segment, but not what was saved
        document = json.loads(path.read_text())
        document["pain"][0]["score"] = 10 - document["pain"][0]["score"]
        path.write_text(json.dumps(document, indent=1) + "\n")
    elif how == "moved":  # a valid segment of another month under this name
        other = sorted(store.segments_dir.iterdir())[0]
        path.write_bytes(other.read_bytes())
    return path


@pytest.mark.parametrize("how", ["missing", "cut", "changed", "moved"])
def test_damaged_segment_is_named_with_its_copy_and_restore_repairs_it(
    data_dir: Path, cli: Run, how: str
) -> None:
    store = saved_store(data_dir, months_journal(date(2025, 1, 1), 6))
    whole = store.load()
    path = damage(store, "2025-03", how)
    manifest = store.journal_path.read_bytes()
    check = cli("data", "check")
    assert check.exit_code == 3
    assert str(path) in check.stderr
    assert str(store.copies_dir / path.name) in check.stderr and "data restore" in check.stderr
    assert "Traceback" not in check.stderr
    # A command that does not read that month runs; one that does stops, naming it.
    assert store.load(lambda _: date(2025, 5, 1)).pain == [
        p for p in whole.pain if p.date >= date(2025, 5, 1)
    ]
    with pytest.raises(JournalUnreadable, match=path.name):
        store.load(lambda _: date(2025, 2, 1))
    write = cli("pain", "3", env={"BACKSKILLS_TODAY": "2025-03-28"})
    assert write.exit_code == 3 and path.name in write.stderr
    assert store.journal_path.read_bytes() == manifest  # nothing was written
    restored = cli("data", "restore", "--json")
    assert restored.exit_code == 0, restored.stderr
    assert json.loads(restored.stdout)["repaired"] == [path.name]
    assert store.journal_path.read_bytes() == manifest
    assert cli("data", "check").exit_code == 0
    assert store.load() == whole
    if how != "missing":  # the damaged file is kept, not deleted
        assert any(p.name.endswith(path.name) for p in store.set_aside_dir.iterdir())


def test_damaged_segment_and_copy_takes_that_month_from_the_newest_backup(
    data_dir: Path, cli: Run
) -> None:
    store = saved_store(data_dir, months_journal(date(2025, 1, 1), 3))
    before = store.load()
    with store.transaction() as journal:
        journal.pain.append(PainScore(date=date(2025, 3, 25), score=7))
    path = damage(store, "2025-03", "cut")
    (store.copies_dir / path.name).write_bytes(b"{}")
    check = cli("data", "check")
    assert check.exit_code == 3 and "No good copy" in check.stderr
    done = cli("data", "restore")
    assert done.exit_code == 0, done.stderr
    assert "2025-03: no good copy of this month was left" in " ".join(done.stdout.split())
    after = store.load()
    assert after.pain == before.pain  # the March before the damaged change
    assert after.last_ids["p"] == before.last_ids["p"] + 1  # its id is not given again
    assert cli("data", "check").exit_code == 0


def test_data_check_reports_every_segment(data_dir: Path, cli: Run) -> None:
    saved_store(data_dir, months_journal(date(2025, 1, 1), 5))
    report = json.loads(cli("data", "check", "--json").stdout)
    assert report["segments"] == 5
    assert report["counts"]["pain_scores"] == 15
    store = Store(data_dir)
    damage(store, "2025-01", "cut")
    damage(store, "2025-04", "missing")
    check = cli("data", "check")
    assert check.exit_code == 3 and "(and 1 more damaged or missing segment file)" in check.stderr


def test_strict_reading_of_a_segment_names_positions_not_content(data_dir: Path) -> None:
    store = saved_store(data_dir, months_journal(date(2025, 1, 1), 1))
    manifest = json.loads(store.journal_path.read_text())
    ref = manifest["segments"][0]
    path = store.segments_dir / ref["file"]
    text = path.read_text().replace('"score": 0,', '"score": 0, "score": 5,', 1)
    data = text.encode()
    path.write_bytes(data)
    ref["sha256"] = hashlib.sha256(data).hexdigest()  # as if edited by hand
    ref["file"] = seg.file_name(ref["month"], ref["sha256"])
    os.replace(path, store.segments_dir / ref["file"])
    store.journal_path.write_text(json.dumps(manifest, indent=1))
    with pytest.raises(JournalUnreadable, match=r"same field twice \(score\) in pain\[0\]"):
        store.load()


# -- from one file to segments -----------------------------------------------------------------
def test_a_v6_journal_moves_to_segments_on_its_first_change_keeping_the_old_file(
    data_dir: Path, cli: Run
) -> None:
    data_dir.mkdir(mode=0o700)
    path = data_dir / "journal.json"
    shutil.copy(FIXTURES / "journal-v6.json", path)
    path.chmod(0o600)
    original = path.read_bytes()
    exported = cli("data", "export")
    assert exported.exit_code == 0
    assert not Store(data_dir).segments_dir.exists()  # reading changes nothing
    assert cli("pain", "3", env={"BACKSKILLS_TODAY": "2026-04-02"}).exit_code == 0
    store = Store(data_dir)
    assert "segments" in json.loads(path.read_text())
    (old,) = [b for b in store.backups() if b.premigration]
    assert "-v6-premigration" in old.name and old.path.read_bytes() == original
    before = Journal.model_validate_json(exported.stdout)
    after = store.load()
    after.pain = [p for p in after.pain if p.date != date(2026, 4, 2)]
    after.last_ids.update(before.last_ids)
    assert serialise(after) == serialise(in_month_order(before))  # every entry kept
    # The old single-file backup is listed and still restores.
    assert old.name in cli("data", "check").stdout
    assert cli("data", "restore", old.name).exit_code == 0
    restored = store.load()
    # Every entry of the old file; the id counters stay at their highest (the newer pain
    # score's id is never handed out again).
    assert restored.last_ids["p"] > before.last_ids["p"]
    restored.last_ids = before.last_ids
    assert serialise(restored) == serialise(in_month_order(before))


def test_export_of_a_segmented_journal_is_the_export_before(data_dir: Path, cli: Run) -> None:
    journal = months_journal(date(2025, 1, 1), 4)
    data_dir.mkdir(mode=0o700)
    (data_dir / "journal.json").write_bytes(serialise(journal))  # one file, in month order
    (data_dir / "journal.json").chmod(0o600)
    one_file = cli("data", "export").stdout
    with Store(data_dir).transaction() as current:
        current.relaxation[-1].minutes = 11
    with Store(data_dir).transaction() as current:
        current.relaxation[-1].minutes = 10
    assert "segments" in (data_dir / "journal.json").read_text()
    assert cli("data", "export").stdout == one_file  # byte for byte
    # And the export imports into an empty folder as the same journal.
    other = data_dir.parent / "other"
    exported = data_dir.parent / "export.json"
    exported.write_text(one_file)
    assert cli("--data-dir", str(other), "data", "import", str(exported)).exit_code == 0
    assert read_journal(other) == json.loads(one_file)


def test_a_manifest_is_not_an_export(data_dir: Path, cli: Run) -> None:
    saved_store(data_dir, months_journal(date(2025, 1, 1), 1))
    copy = data_dir.parent / "copy.json"
    shutil.copy(data_dir / "journal.json", copy)
    result = cli("--data-dir", str(data_dir.parent / "new"), "data", "import", str(copy))
    assert result.exit_code == 3
    assert "cannot be put together here" in result.stderr  # its segments are elsewhere


def test_undo_and_restore_work_on_segments(data_dir: Path, cli: Run) -> None:
    store = saved_store(data_dir, months_journal(date(2025, 1, 1), 2))
    first = store.load()
    records = [ActivityRecord(date=date(2025, 1, 9), activity="walking", amount=5)]
    with store.transaction() as journal:
        journal.records.extend(records)
    assert cli("undo", "--yes").exit_code == 0
    now = store.load()
    # The undone record's id stays used: the counter stays where the change left it.
    assert now.last_ids["a"] == len(first.records) + 1
    now.last_ids = first.last_ids
    assert now == first
    assert cli("data", "check").exit_code == 0
    aside = sorted(store.set_aside_dir.glob("journal-*.json"))
    assert aside and "segments" not in aside[-1].read_text()  # a whole journal, importable


def test_unused_segments_go_with_their_last_backup(data_dir: Path) -> None:
    from backskills.store import backups

    store = saved_store(data_dir, months_journal(date(2025, 1, 1), 2))
    for n in range(backups.KEEP_NEWEST + 5):
        with store.transaction() as journal:
            journal.pain.append(PainScore(date=date(2025, 2, 20), score=n % 11))
    named: set[str] = set(seg.names_in(store.journal_path.read_bytes()))
    for backup in store.backups():
        named |= seg.names_in(backup.path.read_bytes())
    on_disk = {p.name for p in store.segments_dir.iterdir()}
    assert on_disk == named  # nothing unused is kept, nothing listed is missing
    assert {p.name for p in store.copies_dir.iterdir()} == named
    assert stray_temp_files(data_dir, store.segments_dir, store.copies_dir) == []


def test_data_check_says_which_backups_could_not_be_restored(data_dir: Path, cli: Run) -> None:
    store = saved_store(data_dir, months_journal(date(2025, 1, 1), 2))
    for score in (1, 2, 3):
        with store.transaction() as journal:
            journal.pain.append(PainScore(date=date(2025, 2, 20), score=score))
    newest, middle, oldest = store.backups()
    middle.path.write_bytes(b"{ cut")
    # The oldest lists a February file that no longer exists anywhere else.
    (gone,) = seg.names_in(oldest.path.read_bytes()) - seg.names_in(newest.path.read_bytes())
    (store.segments_dir / gone).unlink()
    (store.copies_dir / gone).unlink()
    report = json.loads(cli("data", "check", "--json").stdout)
    assert [(b["name"], b["good"]) for b in report["backups"]] == [
        (newest.name, True),
        (middle.name, False),
        (oldest.name, False),
    ]
    text = cli("data", "check").stdout
    assert f"{middle.name}" in text and "DAMAGED: it cannot be read" in text
    assert f"lists {gone}, and no good copy of it is left" in " ".join(text.split())


def test_a_segmented_journal_of_an_older_format_is_migrated_whole(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, cli: Run
) -> None:
    """The next format (a synthetic one, as in test_migrations) reads a format-7 manifest and
    its segments as one journal, migrates it, and keeps the old manifest and its files."""
    import backskills.store as store_module
    from backskills.store import migrations
    from tests.unit.test_migrations import NEXT, JournalNext, to_next

    store = saved_store(data_dir, months_journal(date(2025, 1, 1), 3))
    old_manifest = store.journal_path.read_bytes()
    old_files = {p.name for p in store.segments_dir.iterdir()}
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", NEXT)
    monkeypatch.setattr(store_module, "Journal", JournalNext)
    monkeypatch.setitem(migrations.MIGRATIONS, SCHEMA_VERSION, to_next)
    loaded = Store(data_dir).load_with_version()
    assert loaded.version == SCHEMA_VERSION and loaded.journal.schema_version == NEXT
    assert len(loaded.journal.pain) == 9
    assert all(p.note and p.note.endswith("|next") for p in loaded.journal.pain)
    assert store.journal_path.read_bytes() == old_manifest  # reading changes nothing
    with Store(data_dir).transaction() as journal:
        journal.pain.append(PainScore(date=date(2025, 3, 9), score=1))
    assert json.loads(store.journal_path.read_text())["schema_version"] == NEXT
    (kept,) = [b for b in store.backups() if b.premigration]
    assert f"-v{SCHEMA_VERSION}-premigration" in kept.name
    assert kept.path.read_bytes() == old_manifest
    assert old_files <= {p.name for p in store.segments_dir.iterdir()}  # still listed
    assert cli("data", "check").exit_code == 0
    assert len(Store(data_dir).load().pain) == 10


@pytest.mark.parametrize("note", ["plain", "caf\u00e9", "tab\there", "del\x7fhere", "bidi\u202eo"])
def test_segment_and_manifest_bytes_escape_what_export_escapes(data_dir: Path, note: str) -> None:
    from backskills.models.safety import PlanStep
    from backskills.safetext import escape_json

    journal = Journal(
        pain=[PainScore(date=date(2025, 1, 1), score=1, note=note)],
        flareup_plan=[PlanStep(text=note, added=date(2025, 1, 1))],
    )
    store = saved_store(data_dir, journal)
    (segment,) = store.segments_dir.iterdir()
    for path in (segment, store.journal_path):
        text = path.read_text("utf-8")
        assert escape_json(text) == text  # nothing left unescaped
    assert store.load().pain[0].note == note and store.load().flareup_plan[0].text == note


def test_a_read_without_the_lock_that_races_a_prune_reads_again(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = saved_store(data_dir, months_journal(date(2025, 1, 1), 2))
    old_manifest = store.journal_path.read_bytes()
    old_files = {p.name for p in store.segments_dir.iterdir()}
    with store.transaction() as journal:
        journal.pain.append(PainScore(date=date(2025, 2, 21), score=6))
    for name in old_files - seg.names_in(store.journal_path.read_bytes()):
        (store.segments_dir / name).unlink()  # as a save's prune may do meanwhile
    answers = [old_manifest]
    real = Store.read_bytes

    def racing(self: Store) -> bytes | None:
        return answers.pop() if answers else real(self)

    monkeypatch.setattr(Store, "read_bytes", racing)
    assert [p.score for p in Store(data_dir).load().pain][-1] == 6  # the newer journal
    answers.append(old_manifest)
    monkeypatch.setattr(Store, "read_bytes", lambda self: old_manifest)
    with pytest.raises(JournalUnreadable, match="is missing"):  # still gone: say so
        Store(data_dir).load()


def test_a_segments_folder_others_can_read_is_pointed_out(data_dir: Path, cli: Run) -> None:
    store = saved_store(data_dir, months_journal(date(2025, 1, 1), 1))
    store.segments_dir.chmod(0o755)
    result = cli("data", "check")
    assert result.exit_code == 0
    assert f"{store.segments_dir} can be read by other users" in " ".join(result.stderr.split())
    assert f"chmod 700 {store.segments_dir}" in " ".join(result.stderr.split())
    store.segments_dir.chmod(0o700)
    assert "other users" not in cli("data", "check").stderr


def test_the_shipped_segmented_fixture_reads_as_the_one_file_fixture(
    data_dir: Path, cli: Run
) -> None:
    """tests/fixtures/segmented-v7 is journal-v7.json in the layout of format 7 (a manifest
    and its month files): a later format must go on reading it."""
    shutil.copytree(FIXTURES / "segmented-v7", data_dir)
    for path in [data_dir, data_dir / "segments", *data_dir.rglob("*")]:
        path.chmod(0o700 if path.is_dir() else 0o600)
    path = FIXTURES / "journal-v7.json"
    one_file = Store(data_dir).decode(path.read_bytes(), path).journal  # migrated alike
    assert serialise(Store(data_dir).load()) == serialise(in_month_order(one_file))
    assert cli("data", "check").exit_code == 0
