"""The journal store in-process: saving, permissions, symlinks, failures, reading."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from backskills.errors import InvalidInput, JournalBusy, JournalSaveFailed, JournalUnreadable
from backskills.models import Journal
from backskills.models.activity import PainScore
from backskills.store import Store, atomic, serialise
from tests.journals import holding_lock, journal_with_pain, stray_temp_files


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def add_pain(store: Store, score: int, day: str = "2026-01-01") -> None:
    with store.transaction() as journal:
        journal.pain.append(PainScore.model_validate({"date": day, "score": score}))


@pytest.fixture(params=[0o000, 0o022, 0o077])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def test_missing_journal_is_empty_and_first_save_creates_private_files(
    data_dir: Path, umask: int
) -> None:
    store = Store(data_dir)
    assert store.load() == Journal()
    # The new journal is built without validation: it must be the validated one exactly.
    assert serialise(store.load()) == serialise(Journal())
    assert Journal.model_validate_json(serialise(store.load())) == store.load()
    assert not data_dir.exists()
    add_pain(store, 3)
    add_pain(store, 4)
    assert mode(data_dir) == 0o700
    assert mode(store.journal_path) == 0o600
    backups = store.backups()
    assert len(backups) == 1
    assert mode(store.backups_dir) == 0o700
    assert mode(backups[0].path) == 0o600
    assert mode(store.lock_path) & 0o077 == 0
    assert [p.score for p in store.load().pain] == [3, 4]


def test_backup_holds_the_previous_bytes(data_dir: Path) -> None:
    store = Store(data_dir)
    add_pain(store, 3)
    first = store.journal_path.read_bytes()
    add_pain(store, 5)
    assert store.backups()[0].path.read_bytes() == first


def test_unchanged_transaction_writes_nothing(data_dir: Path) -> None:
    store = Store(data_dir)
    add_pain(store, 3)
    before = store.journal_path.stat()
    with store.transaction():
        pass
    after = store.journal_path.stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    assert len(store.backups()) == 0


def test_exception_inside_transaction_saves_nothing(data_dir: Path) -> None:
    store = Store(data_dir)
    add_pain(store, 3)
    before = store.journal_path.read_bytes()
    with pytest.raises(RuntimeError), store.transaction() as journal:
        journal.pain.clear()
        raise RuntimeError("refused half-way")
    assert store.journal_path.read_bytes() == before


def test_change_that_would_not_load_back_is_refused(data_dir: Path) -> None:
    store = Store(data_dir)
    add_pain(store, 3)
    before = store.journal_path.read_bytes()
    with pytest.raises(JournalSaveFailed), store.transaction() as journal:
        journal.pain[0].score = 99  # models do not validate on assignment
    assert store.journal_path.read_bytes() == before


def test_existing_readable_journal_gets_a_warning(data_dir: Path) -> None:
    store = Store(data_dir)
    add_pain(store, 3)
    store.journal_path.chmod(0o644)
    store.load()
    assert any("can be read by other users" in w and "chmod 600" in w for w in store.warnings)
    quiet = Store(data_dir)
    store.journal_path.chmod(0o600)
    quiet.load()
    assert quiet.warnings == []


def test_symlinked_journal_stays_a_symlink(data_dir: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "synced"
    elsewhere.mkdir()
    real = elsewhere / "my-journal.json"
    real.write_bytes(serialise(journal_with_pain(1)))
    data_dir.mkdir(mode=0o700)
    link = data_dir / "journal.json"
    link.symlink_to(real)
    (elsewhere / f"{atomic.TEMP_PREFIX}left{atomic.TEMP_SUFFIX}").write_text("x")
    store = Store(data_dir)
    add_pain(store, 7)
    assert link.is_symlink()
    assert link.resolve() == real
    assert [p.score for p in Store(data_dir).load().pain] == [0, 7]
    assert (elsewhere / "segments").is_dir()  # beside the real file
    assert stray_temp_files(data_dir) == []
    # Clean-up stays inside the data folder: a file named like ours elsewhere is not ours.
    assert (elsewhere / f"{atomic.TEMP_PREFIX}left{atomic.TEMP_SUFFIX}").read_text() == "x"


def test_dangling_symlink_is_unreadable_not_new(data_dir: Path, tmp_path: Path) -> None:
    data_dir.mkdir()
    (data_dir / "journal.json").symlink_to(tmp_path / "gone.json")
    store = Store(data_dir)
    with pytest.raises(JournalUnreadable, match="link"):
        store.load()
    with pytest.raises(JournalUnreadable), store.transaction():
        pass
    assert not (tmp_path / "gone.json").exists()


def test_stray_temp_files_are_removed_under_the_lock(data_dir: Path) -> None:
    store = Store(data_dir)
    add_pain(store, 1)
    add_pain(store, 2)
    strays = [
        data_dir / f"{atomic.TEMP_PREFIX}abc{atomic.TEMP_SUFFIX}",
        store.backups_dir / f"{atomic.TEMP_PREFIX}def{atomic.TEMP_SUFFIX}",
    ]
    for stray in strays:
        stray.write_bytes(b'{"schema_version": 1, "pa')
    other = data_dir / "notes.txt"
    other.write_text("mine")
    store.load()  # reading never cleans (it takes no lock)
    assert all(s.exists() for s in strays)
    add_pain(store, 3)
    assert stray_temp_files(data_dir, store.backups_dir) == []
    assert other.read_text() == "mine"


def test_busy_lock_times_out(data_dir: Path) -> None:
    store = Store(data_dir, lock_timeout=0.2)
    add_pain(store, 1)
    before = store.journal_path.read_bytes()
    with holding_lock(store.lock_path):
        with pytest.raises(JournalBusy, match="busy"), store.transaction() as journal:
            journal.pain.clear()
        assert store.load().pain  # reading does not need the lock
    assert store.journal_path.read_bytes() == before
    add_pain(store, 2)  # free again


def test_lock_timeout_from_environment(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    monkeypatch.setenv("BACKSKILLS_LOCK_TIMEOUT", "0.5")
    assert Store(data_dir).lock_timeout == 0.5
    monkeypatch.setenv("BACKSKILLS_LOCK_TIMEOUT", "")
    assert Store(data_dir).lock_timeout == 10.0
    for bad in ("soon", "-3", "nan", "inf"):
        monkeypatch.setenv("BACKSKILLS_LOCK_TIMEOUT", bad)
        with pytest.raises(InvalidInput, match="BACKSKILLS_LOCK_TIMEOUT"):
            Store(data_dir)


def test_data_dir_that_cannot_be_created_is_exit_3(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = Store(blocker / "data")
    with pytest.raises(JournalSaveFailed, match="cannot use the folder"):
        add_pain(store, 1)


# -- a save that fails part-way -----------------------------------------------------------


def _fail_fsync_after(monkeypatch: pytest.MonkeyPatch, ok_calls: int) -> list[int]:
    calls: list[int] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) > ok_calls:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    return calls


class _ShortWriter:
    """A file handle that writes half of what it is given, then reports a full disk."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def write(self, data: bytes) -> int:
        self._handle.write(data[: len(data) // 2])
        self._handle.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _ShortWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


@pytest.mark.parametrize(
    "failure", ["fsync-backup", "fsync-journal", "short-write", "replace", "mkstemp"]
)
def test_failed_save_leaves_old_journal_and_no_temp_file(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    store = Store(data_dir)
    add_pain(store, 1)
    add_pain(store, 2)
    before = store.journal_path.read_bytes()
    backups_before = store.backups()
    if failure == "fsync-backup":
        _fail_fsync_after(monkeypatch, 0)
    elif failure == "fsync-journal":
        _fail_fsync_after(monkeypatch, 1)  # the backup is written, the journal is not
    elif failure == "short-write":
        real_fdopen = os.fdopen
        monkeypatch.setattr(atomic.os, "fdopen", lambda *a, **k: _ShortWriter(real_fdopen(*a, **k)))
    elif failure == "replace":

        def no_replace(*args: object) -> None:
            raise OSError(errno.EIO, os.strerror(errno.EIO))

        monkeypatch.setattr(atomic.os, "replace", no_replace)
    else:

        def no_space(*args: object, **kwargs: object) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(atomic.tempfile, "mkstemp", no_space)
    with pytest.raises(JournalSaveFailed, match="previous journal is unchanged"):
        add_pain(store, 3)
    monkeypatch.undo()
    assert store.journal_path.read_bytes() == before
    assert stray_temp_files(data_dir, store.backups_dir) == []
    assert len(store.backups()) <= len(backups_before) + 1
    add_pain(store, 3)  # works again once the disk has room
    assert [p.score for p in store.load().pain] == [1, 2, 3]


# -- restore, import -------------------------------------------------------------------------


def test_restore_keeps_the_unreadable_file_and_uses_newest_good_backup(data_dir: Path) -> None:
    store = Store(data_dir)
    add_pain(store, 1)
    add_pain(store, 2)
    add_pain(store, 3)
    # the newest backup is damaged too: restore skips it
    newest = store.backups()[0].path
    newest.write_bytes(b"\x00" * 10)
    store.journal_path.write_bytes(b"{ broken")
    done = store.restore()
    chosen, aside = done.backup, done.set_aside
    assert chosen.path != newest
    assert aside is not None and aside.read_bytes() == b"{ broken"
    assert [p.score for p in store.load().pain] == [1]
    assert mode(store.journal_path) == 0o600


def test_lock_is_private_and_free_again_after_a_write(data_dir: Path) -> None:
    import fcntl

    store = Store(data_dir, lock_timeout=0)
    add_pain(store, 1)
    assert mode(store.lock_path) & 0o077 == 0
    fd = os.open(store.lock_path, os.O_RDWR)
    try:  # raises BlockingIOError if the write had kept the lock
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        os.close(fd)
