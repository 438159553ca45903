"""Hostile files: clocks and zones, links, special files, sizes, duplicate keys, bounds."""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backskills import clock
from backskills.store import IMPORT_MAX_BYTES, Store, atomic, backups, serialise
from tests.conftest import Run
from tests.journals import journal_with_pain, run_backskills, saved_journal

SECRET = "SECRET-hip-diary-9931"


def pain_scores(data_dir: Path) -> list[int]:
    return [p.score for p in Store(data_dir).load().pain]


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Change the process's local time zone (TZ) in the middle of a test."""

    def move(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield move
    monkeypatch.undo()
    time.tzset()


# -- backups survive clocks and zones ----------------------------------------------------
@pytest.mark.parametrize("first,then", [("UTC-14", "UTC+12"), ("UTC+12", "UTC-14")])
def test_time_zone_moves_never_reorder_backups(
    cli: Run, data_dir: Path, zone: object, first: str, then: str
) -> None:
    move = zone
    assert callable(move)
    move(first)  # POSIX: UTC-14 is fourteen hours AHEAD of UTC
    for score in range(3):
        assert cli("pain", str(score)).exit_code == 0
    move(then)  # the local clock jumps a day (back or forward)
    for score in range(3, 10):
        assert cli("pain", str(score % 11)).exit_code == 0
    move(first)
    for score in range(10, 15):
        assert cli("pain", str(score % 11)).exit_code == 0
    store = Store(data_dir)
    sequences = [b.sequence for b in store.backups()]
    assert sequences == sorted(sequences, reverse=True)
    assert len(sequences) >= backups.KEEP_NEWEST
    # The newest backup is the journal just before the last change, whatever the zone did.
    # Each change adds one score, so backup k holds k scores: the newest holds 14.
    held = [len(saved_journal(b.path).pain) for b in store.backups()]
    assert held[: backups.KEEP_NEWEST] == list(range(14, 14 - backups.KEEP_NEWEST, -1))
    result = cli("data", "restore", "--json")
    assert result.exit_code == 0, result.stderr
    assert len(pain_scores(data_dir)) == 14


def test_clock_going_back_keeps_the_order(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    clock = [datetime(2026, 6, 1, 12, tzinfo=UTC)]
    monkeypatch.setattr(backups, "utc_now", lambda: clock[0])
    store = Store(data_dir)
    for score in range(14):
        with store.transaction() as journal:
            journal.pain = journal_with_pain(1).pain
            journal.pain[0].score = score % 11
        clock[0] -= timedelta(hours=5)  # the clock keeps going backwards
    kept = [saved_journal(b.path).pain[0].score for b in store.backups()]
    # Backup k holds the journal of change k - 1: newest first, whatever the clock said.
    assert kept[: backups.KEEP_NEWEST] == [1, 0, 10, 9, 8, 7, 6, 5, 4, 3]


def test_old_names_are_migrated_in_their_order(data_dir: Path) -> None:
    folder = data_dir / "backups"
    folder.mkdir(parents=True)
    old = []
    for n, stamp in enumerate(["20260301T091500-000123", "20260301T101500-000001"]):
        path = folder / f"journal-{stamp}.json"
        path.write_bytes(serialise(journal_with_pain(n + 1)))
        old.append(path)
    stranger = folder / "journal-20260302T101500-000001.json"
    stranger.write_text("a file of mine that only looks like a backup")
    store = Store(data_dir)
    with store.transaction() as journal:
        journal.pain = journal_with_pain(5).pain
    with store.transaction() as journal:
        journal.pain = journal_with_pain(6).pain
    found = store.backups()
    counts = [len(saved_journal(b.path).pain) for b in found]
    assert counts == [5, 2, 1]  # newest first: the new backup, then the old ones in order
    assert not any(p.exists() for p in old)
    assert stranger.read_text().startswith("a file of mine")  # not ours: left alone


def test_pruning_deletes_only_our_own_files(data_dir: Path) -> None:
    store = Store(data_dir)
    folder = data_dir / "backups"
    folder.mkdir(parents=True)
    impostor = folder / backups.backup_name(1, datetime(2020, 1, 1, tzinfo=UTC))
    impostor.write_text("my own notes, named like a backup")
    outside = data_dir.parent / "precious.json"
    outside.write_bytes(serialise(journal_with_pain(1)))
    link = folder / backups.backup_name(2, datetime(2020, 1, 2, tzinfo=UTC))
    link.symlink_to(outside)
    for score in range(25):
        with store.transaction() as journal:
            journal.pain = journal_with_pain(1).pain
            journal.pain[0].score = score % 11
    assert impostor.read_text().startswith("my own notes")
    assert link.is_symlink() and outside.exists()
    assert len(store.backups()) >= backups.KEEP_NEWEST


def test_backups_folder_that_is_a_link_is_not_followed(cli: Run, data_dir: Path) -> None:
    assert cli("pain", "3").exit_code == 0
    assert cli("pain", "2").exit_code == 0
    elsewhere = data_dir.parent / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("mine")
    real = data_dir / "backups"
    shutil.rmtree(real)
    real.symlink_to(elsewhere)
    before = (data_dir / "journal.json").read_bytes()
    result = cli("pain", "4")
    assert result.exit_code == 3
    assert "backups is a link" in result.stderr and len(result.stderr.splitlines()) <= 2
    assert (data_dir / "journal.json").read_bytes() == before
    assert sorted(p.name for p in elsewhere.iterdir()) == ["keep.txt"]
    assert cli("data", "check").exit_code == 3


def test_temp_clean_up_stays_in_the_data_folder(cli: Run, data_dir: Path) -> None:
    assert cli("pain", "3").exit_code == 0
    elsewhere = data_dir.parent / "synced"
    elsewhere.mkdir()
    real = elsewhere / "journal.json"
    os.replace(data_dir / "journal.json", real)
    os.replace(data_dir / "segments", elsewhere / "segments")  # the journal is both
    (data_dir / "journal.json").symlink_to(real)
    theirs = elsewhere / f"{atomic.TEMP_PREFIX}someone-else{atomic.TEMP_SUFFIX}"
    theirs.write_text("not ours")
    mine = data_dir / f"{atomic.TEMP_PREFIX}left{atomic.TEMP_SUFFIX}"
    mine.write_text("stray")
    assert cli("pain", "5").exit_code == 0
    assert theirs.read_text() == "not ours"
    assert not mine.exists()
    assert (data_dir / "journal.json").is_symlink()
    assert [p.score for p in Store(data_dir).load().pain] == [3, 5]


# -- journal.json links ------------------------------------------------------------------
@pytest.mark.parametrize("command", [("pain", "4"), ("data", "restore"), ("data", "check")])
def test_link_to_a_file_that_is_not_a_journal_is_refused(
    cli: Run, data_dir: Path, command: tuple[str, ...]
) -> None:
    assert cli("pain", "3").exit_code == 0
    assert cli("pain", "2").exit_code == 0
    other = data_dir.parent / "other-folder"
    other.mkdir()
    target = other / "shopping.txt"
    target.write_text(f"eggs {SECRET}\n")
    neighbour = other / "neighbour.txt"
    neighbour.write_text("untouched")
    (data_dir / "journal.json").unlink()
    (data_dir / "journal.json").symlink_to(target)
    result = cli(*command)
    assert result.exit_code == 3
    assert "not a backskills journal" in result.stderr
    assert SECRET not in result.stderr + result.stdout
    assert target.read_text() == f"eggs {SECRET}\n"
    assert neighbour.read_text() == "untouched"
    assert sorted(p.name for p in other.iterdir()) == ["neighbour.txt", "shopping.txt"]


def test_link_into_a_system_folder_is_refused(cli: Run, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    system_file = Path("/etc/hostname") if Path("/etc/hostname").exists() else Path("/etc/passwd")
    before = system_file.read_bytes()
    (data_dir / "journal.json").symlink_to(system_file)
    for command in (("pain", "4"), ("data", "restore"), ("data", "check"), ("today",)):
        result = cli(*command)
        assert result.exit_code == 3, command
        assert "system folder" in result.stderr
    assert system_file.read_bytes() == before


def test_import_through_a_link_to_a_non_journal_is_refused(
    cli: Run, data_dir: Path, tmp_path: Path
) -> None:
    data_dir.mkdir(parents=True)
    target = tmp_path / "notes.txt"
    target.write_text("my notes")
    (data_dir / "journal.json").symlink_to(target)
    export = tmp_path / "export.json"
    export.write_bytes(serialise(journal_with_pain(2)))
    result = cli("data", "import", str(export))
    assert result.exit_code == 3
    assert target.read_text() == "my notes"


def test_link_made_on_purpose_to_a_journal_is_followed(cli: Run, data_dir: Path) -> None:
    synced = data_dir.parent / "synced"
    synced.mkdir()
    real = synced / "back.json"
    real.write_bytes(serialise(journal_with_pain(1)))
    (synced / "photo.jpg").write_bytes(b"\xff\xd8 not touched")
    data_dir.mkdir()
    (data_dir / "journal.json").symlink_to(real)
    assert cli("pain", "6").exit_code == 0
    assert (data_dir / "journal.json").is_symlink()
    assert [p.score for p in Store(data_dir).load().pain] == [0, 6]
    # A stray temporary file in the segments/ folder backskills made there is cleaned up;
    # one of the same name in the synced folder itself is not ours to touch.
    (synced / "segments" / f"{atomic.TEMP_PREFIX}left{atomic.TEMP_SUFFIX}").write_text("x")
    (synced / f"{atomic.TEMP_PREFIX}theirs{atomic.TEMP_SUFFIX}").write_text("theirs")
    assert cli("pain", "6").exit_code == 0
    assert [p.score for p in Store(data_dir).load().pain] == [0, 6, 6]
    assert not (synced / "segments" / f"{atomic.TEMP_PREFIX}left{atomic.TEMP_SUFFIX}").exists()
    (synced / f"{atomic.TEMP_PREFIX}theirs{atomic.TEMP_SUFFIX}").unlink()
    assert (synced / "photo.jpg").read_bytes() == b"\xff\xd8 not touched"
    # The journal stays whole in the synced folder: its segments are beside the real file.
    assert sorted(p.name for p in synced.iterdir()) == ["back.json", "photo.jpg", "segments"]
    assert stat.S_IMODE((synced / "segments").stat().st_mode) == 0o700
    months = sorted({p.name[:7] for p in (synced / "segments").iterdir()})
    assert months == ["2020-01", f"{clock.today():%Y-%m}"]  # one file per month
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in (synced / "segments").iterdir())
    assert not (data_dir / "segments").exists()
    # Moved elsewhere with its segments, the synced journal reads the same.
    moved = data_dir.parent / "moved"
    shutil.copytree(synced, moved)
    assert [p.score for p in Store(moved).load().pain] == []  # no journal.json there
    (moved / "journal.json").symlink_to(moved / "back.json")
    assert [p.score for p in Store(moved).load().pain] == [0, 6, 6]


# -- special files: refused at once, never a blocking read --------------------------------
def test_fifo_journal_is_refused_at_once(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    os.mkfifo(data_dir / "journal.json")
    for args in (("today",), ("pain", "3"), ("data", "check"), ("data", "restore")):
        # A child process: a blocking read would hang until the timeout and fail the test.
        result = run_backskills(data_dir, *args, timeout=30)
        assert result.returncode == 3, (args, result.stderr)
        assert "named pipe" in result.stderr
    assert stat.S_ISFIFO(os.lstat(data_dir / "journal.json").st_mode)


def test_socket_journal_is_refused(cli: Run, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(data_dir / "journal.json"))
        result = cli("today")
        assert result.exit_code == 3
        assert "socket" in result.stderr
    finally:
        sock.close()


def test_fifo_import_and_fifo_backup_are_refused(data_dir: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "import.json"
    os.mkfifo(fifo)
    result = run_backskills(data_dir, "data", "import", str(fifo), timeout=30)
    assert result.returncode == 3 and "named pipe" in result.stderr
    assert run_backskills(data_dir, "pain", "3").returncode == 0
    assert run_backskills(data_dir, "pain", "4").returncode == 0
    os.mkfifo(data_dir / "backups" / backups.backup_name(999, datetime.now(UTC)))
    for args in (("data", "check"), ("pain", "2"), ("data", "restore")):
        assert run_backskills(data_dir, *args, timeout=30).returncode == 0, args


def test_import_size_is_capped(cli: Run, tmp_path: Path, data_dir: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as handle:  # sparse: no real disk used
        handle.truncate(IMPORT_MAX_BYTES + 1)
    result = cli("data", "import", str(big))
    assert result.exit_code == 3
    assert "larger than 50 MB" in result.stderr
    assert not (data_dir / "journal.json").exists()


# -- strict, bounded parsing -------------------------------------------------------------
def dup_key_journal() -> bytes:
    return (
        b'{"schema_version": 1, "pain": [{"date": "2026-01-01", "score": 3, '
        b'"note": "' + SECRET.encode() + b'", "score": 9}]}'
    )


def test_duplicate_keys_are_an_unreadable_journal(cli: Run, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "journal.json").write_bytes(dup_key_journal())
    result = cli("today")
    assert result.exit_code == 3
    assert "same field twice (score) in pain[0]" in result.stderr
    assert SECRET not in result.stderr


def test_duplicate_keys_in_an_import_are_refused(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "import.json"
    path.write_bytes(b'{"schema_version": 1, "schema_version": 1}')
    result = cli("data", "import", str(path))
    assert result.exit_code == 3
    assert "same field twice" in result.stderr


def _with_activity(**changes: object) -> dict[str, object]:
    activity: dict[str, object] = {
        "name": "walking",
        "unit": "minutes",
        "resolution": 1,
        "created": "2026-01-01",
    }
    activity.update(changes)
    return {"schema_version": 1, "activities": [activity]}


HOSTILE: dict[str, tuple[bytes, str]] = {
    "huge-integer": (
        b'{"schema_version": 1, "goals": [{"id": ' + b"9" * 5000 + b"}]}",
        "5,000 digits long at goals[0].id",
    ),
    "huge-id": (
        json.dumps(
            {"schema_version": 1, "thoughts": [{"id": 10**15, "date": "2026-01-01"}]}
        ).encode(),
        "thoughts[0].id",
    ),
    "year-1": (
        json.dumps({"schema_version": 1, "pain": [{"date": "0001-01-01", "score": 1}]}).encode(),
        "pain[0].date",
    ),
    "year-9999": (
        json.dumps(_with_activity(created="9999-12-31")).encode(),
        "activities[0].created",
    ),
    "tiny-resolution": (json.dumps(_with_activity(resolution=5e-324)).encode(), "resolution"),
    "billion-day-hold": (
        json.dumps(
            _with_activity(
                levels=[
                    {
                        "date": "2026-01-02",
                        "to_level": 5,
                        "reason": "plan_start",
                        "hold_days": 10**9,
                    }
                ]
            )
        ).encode(),
        "activities[0].levels[0].hold_days",
    ),
    "naive-moment": (
        json.dumps(
            {
                "schema_version": 1,
                "records": [
                    {
                        "date": "2026-01-01",
                        "activity": "x",
                        "amount": 1,
                        "logged_at": "2026-01-01T10:00:00",
                    }
                ],
            }
        ).encode(),
        "records[0].logged_at",
    ),
    "infinity": (
        b'{"schema_version": 1, "pain": [{"date": "2026-01-01", "score": Infinity}]}',
        "pain[0].score",
    ),
    "float-overflow": (
        b'{"schema_version": 1, "records": [{"date": "2026-01-01", "activity": "x", '
        b'"amount": 1e400}]}',
        "records[0].amount",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_out_of_bounds_values_are_refused_on_import_and_load(
    cli: Run, data_dir: Path, tmp_path: Path, name: str
) -> None:
    content, where = HOSTILE[name]
    path = tmp_path / "import.json"
    path.write_bytes(content)
    result = cli("data", "import", str(path))
    assert result.exit_code == 3, result.stderr
    assert where in result.stderr
    assert len(result.stderr.splitlines()) <= 2
    data_dir.mkdir(parents=True)
    (data_dir / "journal.json").write_bytes(content)
    for command in (("today",), ("data", "check"), ("progress",)):
        loaded = cli(*command)
        assert loaded.exit_code == 3, (command, loaded.stderr)
        assert where in loaded.stderr


def test_unknown_keys_are_never_quoted(cli: Run, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    document = {"schema_version": 1, "records": [], SECRET: 1}
    (data_dir / "journal.json").write_text(json.dumps(document))
    result = cli("data", "check")
    assert result.exit_code == 3
    assert SECRET not in result.stderr
    assert "does not know at the top level" in result.stderr


def test_typed_dates_and_steps_obey_the_same_bounds(cli: Run) -> None:
    result = cli("log", "walking", "10", "--date", "1800-01-01")
    assert result.exit_code == 2 and "--date" in result.stderr
    result = cli("log", "walking", "10", "--unit", "furlongs", "--resolution", "1e-300")
    assert result.exit_code == 2 and "--resolution" in result.stderr


# -- privacy ------------------------------------------------------------------------------
def test_parent_folders_are_private_whatever_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "data"
    old = os.umask(0)
    try:
        result = run_backskills(target, "pain", "3")
    finally:
        os.umask(old)
    assert result.returncode == 0, result.stderr
    for folder in (tmp_path / "a", tmp_path / "a" / "b", target, target / "backups"):
        if folder.exists():
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE((target / "journal.json").stat().st_mode) == 0o600


def test_export_replaces_atomically_and_ends_private(cli: Run, tmp_path: Path) -> None:
    assert cli("pain", "3").exit_code == 0
    out = tmp_path / "export.json"
    out.write_text("old export")
    os.chmod(out, 0o644)
    hard = tmp_path / "hard-link.json"
    os.link(out, hard)  # another name for the old file keeps the old bytes: a new inode
    result = cli("data", "export", "-o", str(out), "--force")
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert hard.read_text() == "old export"
    assert json.loads(out.read_text())["pain"][0]["score"] == 3


def test_export_never_writes_through_a_link(cli: Run, tmp_path: Path) -> None:
    assert cli("pain", "3").exit_code == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("someone else's file")
    link = tmp_path / "export.csv"
    link.symlink_to(victim)
    assert cli("data", "export", "-f", "csv", "-o", str(link)).exit_code == 1  # exists
    result = cli("data", "export", "-f", "csv", "-o", str(link), "--force")
    assert result.exit_code == 0, result.stderr
    assert victim.read_text() == "someone else's file"
    assert not link.is_symlink()
    assert stat.S_IMODE(link.stat().st_mode) == 0o600
    assert link.read_text().startswith("date,kind")


@pytest.mark.parametrize("kind", ["link", "fifo"])
def test_lock_file_that_is_not_ours_is_refused(cli: Run, data_dir: Path, kind: str) -> None:
    data_dir.mkdir(parents=True)
    victim = data_dir.parent / "victim.txt"
    victim.write_text("precious")
    lock = data_dir / "journal.lock"
    if kind == "link":
        lock.symlink_to(victim)
    else:
        os.mkfifo(lock)
    result = cli("pain", "3")
    assert result.exit_code == 3
    assert "journal.lock" in result.stderr and "Remove" in result.stderr
    assert victim.read_text() == "precious"
    assert not (data_dir / "journal.json").exists()


def test_store_lists_backups_newest_first_and_restores_one(data_dir: Path) -> None:
    """The API other commands (undo) build on: no file names are parsed outside the store."""
    store = Store(data_dir)
    for score in range(4):
        with store.transaction() as journal:
            journal.pain = journal_with_pain(1).pain
            journal.pain[0].score = score
    found = store.backups()
    held = [saved_journal(b.path).pain[0].score for b in found]
    assert held == [2, 1, 0]
    done = store.restore(found[1])
    chosen, aside = done.backup, done.set_aside
    assert chosen == found[1] and aside is not None
    assert pain_scores(data_dir) == [1]
    assert saved_journal(aside).pain[0].score == 3


def test_no_journal_or_export_goes_into_a_system_folder(cli: Run, tmp_path: Path) -> None:
    for folder in ("/etc", "/usr/lib", "/"):
        result = cli("--data-dir", folder, "pain", "3")
        assert result.exit_code == 3 and "system folder" in result.stderr, folder
    assert not Path("/etc/journal.json").exists()
    result = cli("data", "export", "-o", "/dev/stdout", "--force")
    assert result.exit_code == 1 and "system folder" in result.stderr
    assert Path("/dev/stdout").is_symlink() or not Path("/dev/stdout").exists()


@pytest.mark.parametrize(
    "document",
    [
        {"schema_version": 3, "activities": 5},
        {"schema_version": 3, "activities": [{"past_baselines": 7}]},
        {"schema_version": 1, "redflag_checks": "x", "outcomes": 3},
    ],
)
def test_an_old_journal_of_the_wrong_shape_is_unreadable(
    cli: Run, data_dir: Path, document: dict[str, object]
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "journal.json").write_text(json.dumps(document))
    result = cli("today")
    assert result.exit_code == 3, result.stderr
    assert "Error: cannot read the journal" in result.stderr
