"""A journal the tool cannot read is never touched, and never echoed back."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest

from backskills.errors import JournalUnreadable
from backskills.store import Store, atomic, serialise
from tests.conftest import Run
from tests.journals import journal_with_pain, stray_temp_files

SECRET = "SECRET-sciatica-diary-4471"
GOOD = serialise(journal_with_pain(3, note=SECRET))
DEEP = 100_000


def _deep(depth: int) -> bytes:
    return (
        b'{"schema_version": 1, "pain": [], "x": "'
        + SECRET.encode()
        + b'", "y": '
        + b"[" * depth
        + b"]" * depth
        + b"}"
    )


# name -> (file bytes, words the message must contain)
BROKEN: dict[str, tuple[bytes, str]] = {
    "invalid-json": (
        b'{"schema_version": 1, "pain": [' + SECRET.encode(),
        "not valid JSON (line 1",
    ),
    "truncated": (GOOD[: len(GOOD) // 2], "not valid JSON (line"),
    "empty": (b"", "is empty"),
    "whitespace": (b"\n   \n", "is empty"),
    "nul-filled": (b"\x00" * 4096, "only NUL bytes"),
    "not-utf8": (
        b'{"schema_version": 1, "pain": [], "note": "' + SECRET.encode() + b'\xe9\xff\xfe"}',
        "not UTF-8",
    ),
    "deeply-nested": (_deep(DEEP), "nested"),
    "nested-500": (_deep(500), "does not know at the top level"),
    "unknown-field": (
        json.dumps(
            {"schema_version": 1, "pain": [{"date": "2026-01-01", "score": 2, "mood": SECRET}]}
        ).encode(),
        "does not know in pain[0]",
    ),
    "wrong-type": (
        json.dumps(
            {"schema_version": 1, "pain": [{"date": "2026-01-01", "score": SECRET}]}
        ).encode(),
        "pain[0].score",
    ),
    "out-of-range": (
        json.dumps({"schema_version": 1, "pain": [{"date": "2026-01-01", "score": 11}]}).encode(),
        "pain[0].score",
    ),
    "nan": (
        b'{"schema_version": 1, "records": [{"date": "2026-01-01", "activity": "'
        + SECRET.encode()
        + b'", "amount": NaN}]}',
        "records[0].amount",
    ),
    "bad-date": (
        json.dumps(
            {"schema_version": 1, "pain": [{"date": "2026-02-30", "score": 1, "note": SECRET}]}
        ).encode(),
        "pain[0].date",
    ),
    "top-level-list": (json.dumps([SECRET]).encode(), "expected a JSON object"),
    "no-version": (json.dumps({"pain": [], "note": SECRET}).encode(), "schema_version"),
    "bool-version": (json.dumps({"schema_version": True, "n": SECRET}).encode(), "schema_version"),
    "future-version": (
        json.dumps({"schema_version": 99, "brand_new": SECRET}).encode(),
        "newer backskills",
    ),
}

COMMANDS = [
    ("data", "check"),
    ("data", "check", "--json"),
    ("data", "export"),
    ("data", "export", "--format", "csv"),
    ("data", "backup"),
    ("data", "backup", "--json"),
]


def plant(data_dir: Path, content: bytes) -> tuple[Path, str]:
    """A good journal with one backup, then the journal replaced by ``content``."""
    store = Store(data_dir)
    with store.transaction() as journal:
        journal.pain.extend(journal_with_pain(2).pain)
    with store.transaction() as journal:
        journal.pain.pop()
    backup = store.backups()[0].name
    store.journal_path.write_bytes(content)
    store.journal_path.chmod(0o600)
    return store.journal_path, backup


def snapshot(directory: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(directory)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(directory.rglob("*"))
        if p.is_file() and p.name != "journal.lock"
    }


@pytest.mark.parametrize("kind", list(BROKEN))
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_unreadable_journal_is_untouched_and_never_echoed(
    cli: Run, data_dir: Path, kind: str, command: tuple[str, ...]
) -> None:
    content, words = BROKEN[kind]
    path, backup = plant(data_dir, content)
    before = snapshot(data_dir)
    result = cli(*command)
    assert result.exit_code == 3, result.stderr
    assert snapshot(data_dir) == before
    assert path.read_bytes() == content
    assert SECRET not in result.stdout + result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Error: ")
    assert len(lines) <= 2
    assert str(path) in lines[0]
    assert words in lines[0]
    if kind != "future-version":
        assert backup in result.stderr  # names the newest good backup
        assert "left exactly as it is" in result.stderr
    else:
        assert "Upgrade" in result.stderr


@pytest.mark.parametrize("kind", list(BROKEN))
def test_unreadable_journal_refuses_every_change(data_dir: Path, kind: str) -> None:
    content, _ = BROKEN[kind]
    path, _ = plant(data_dir, content)
    store = Store(data_dir)
    with pytest.raises(JournalUnreadable) as caught, store.transaction() as journal:
        journal.pain.clear()
    assert SECRET not in caught.value.message + (caught.value.hint or "")
    assert path.read_bytes() == content


def test_unreadable_without_backup_says_so(cli: Run, data_dir: Path) -> None:
    data_dir.mkdir()
    path = data_dir / "journal.json"
    path.write_bytes(b"{")
    result = cli("data", "check")
    assert result.exit_code == 3
    assert "No good backup was found" in result.stderr


def test_restore_is_the_way_out(cli: Run, data_dir: Path) -> None:
    content, _ = BROKEN["nul-filled"]
    path, backup = plant(data_dir, content)
    result = cli("data", "restore", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["restored"] == backup
    assert Path(report["set_aside"]).read_bytes() == content
    assert cli("data", "check").exit_code == 0
    assert path.read_bytes() != content


def test_missing_journal_with_backups_warns(cli: Run, data_dir: Path) -> None:
    path, _ = plant(data_dir, b"")
    path.unlink()
    result = cli("data", "check")
    assert result.exit_code == 0
    assert "there are backups" in result.stderr
    assert "backskills data restore" in result.stderr


# -- permissions through the CLI ---------------------------------------------------------------


def test_loose_permissions_are_warned_about(cli: Run, data_dir: Path) -> None:
    store = Store(data_dir)
    with store.transaction() as journal:
        journal.pain.extend(journal_with_pain(1).pain)
    store.journal_path.chmod(0o644)
    result = cli("data", "check", "--json")
    assert result.exit_code == 0
    json.loads(result.stdout)  # the warning stays off stdout
    assert "can be read by other users" in result.stderr
    assert f"chmod 600 {store.journal_path}" in result.stderr
    assert stat.S_IMODE(store.journal_path.stat().st_mode) == 0o644  # reading changes nothing


# -- a save that fails part-way, through the CLI --------------------------------------------------


@pytest.mark.parametrize("command", ["backup", "import"])
def test_full_disk_is_exit_3_and_journal_intact(
    cli: Run, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    store = Store(data_dir)
    with store.transaction() as journal:
        journal.pain.extend(journal_with_pain(2).pain)
    before = snapshot(data_dir)
    export = tmp_path / "export.json"
    export.write_bytes(serialise(journal_with_pain(5)))

    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    args = ["data", "backup"] if command == "backup" else ["data", "import", str(export)]
    result = cli(*args)
    assert result.exit_code == 3, result.stderr
    assert "No space left on device" in result.stderr
    assert "previous journal is unchanged" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(data_dir) == before
    assert stray_temp_files(data_dir, store.backups_dir) == []
