"""The folders that hold month files (``segments/``, ``backups/segments/``): never followed
when they are links, checked before anything is set aside (audit, issue 16)."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import Run

TODAY = {"BACKSKILLS_TODAY": "2026-05-20"}


def three_months(cli: Run) -> None:
    for day in ("2026-03-10", "2026-04-10", "2026-05-10"):
        assert cli("log", "walking", "10", "--date", day, env=TODAY).exit_code == 0


def make_link(folder: Path) -> None:
    """Move ``folder`` elsewhere and leave a symbolic link to it in its place."""
    moved = folder.parent.parent / f"moved-{folder.parent.name}-{folder.name}"
    shutil.move(str(folder), moved)
    os.symlink(moved, folder)


@pytest.mark.parametrize("which", ["segments", "backups/segments"])
@pytest.mark.parametrize("command", [("data", "restore"), ("undo", "--yes")])
def test_restore_and_undo_set_nothing_aside_when_a_folder_is_a_link(
    data_dir: Path, cli: Run, which: str, command: tuple[str, ...]
) -> None:
    three_months(cli)
    make_link(data_dir / which)
    before = (data_dir / "journal.json").read_bytes()
    result = cli(*command, env=TODAY)
    assert result.exit_code == 3
    assert "is a link" in result.stderr and "Nothing was" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (data_dir / "set-aside").exists()  # no copy left behind
    assert (data_dir / "journal.json").read_bytes() == before


def test_month_files_others_can_read_are_pointed_out_with_the_fix(data_dir: Path, cli: Run) -> None:
    three_months(cli)
    segments = data_dir / "segments"
    for path in segments.iterdir():
        path.chmod(0o644)
    segments.chmod(0o755)
    for command in (("today",), ("data", "check"), ("data", "export")):
        result = cli(*command, env=TODAY)
        assert result.exit_code == 0, result.stderr
        said = " ".join(result.stderr.split())
        # Only the months a command reads are looked at (today reads the recent ones).
        assert re.search(rf"[0-9]+ month files? in {re.escape(str(segments))} can be read", said)
        assert f"chmod 600 {segments}/*.json" in said
        assert f"chmod 700 {segments}" in said
    # The commands they give make the warnings go.
    for path in segments.iterdir():
        path.chmod(0o600)
    segments.chmod(0o700)
    assert "other users" not in cli("today", env=TODAY).stderr


@pytest.mark.parametrize(
    "command", [("today",), ("data", "check"), ("data", "export"), ("history",)]
)
def test_reading_refuses_a_linked_segments_folder(
    data_dir: Path, cli: Run, command: tuple[str, ...]
) -> None:
    three_months(cli)
    make_link(data_dir / "segments")
    result = cli(*command, env=TODAY)
    assert result.exit_code == 3
    assert f"{data_dir / 'segments'} is a link to another folder" in result.stderr
    assert "every one was checked" not in result.stdout
    assert len(result.stderr.strip().splitlines()) <= 2 and "Traceback" not in result.stderr


def test_data_check_refuses_a_linked_backups_segments_folder(data_dir: Path, cli: Run) -> None:
    three_months(cli)
    make_link(data_dir / "backups" / "segments")
    result = cli("data", "check")
    assert result.exit_code == 3
    assert "is a link to another folder" in result.stderr


def test_data_check_names_a_damaged_second_copy_and_data_backup_rewrites_it(
    data_dir: Path, cli: Run
) -> None:
    three_months(cli)
    copies = data_dir / "backups" / "segments"
    (garbage,) = sorted(copies.glob("2026-04-*.json"))
    garbage.write_bytes(b"{ not a month")
    (gone,) = sorted(copies.glob("2026-03-*.json"))
    gone.unlink()
    report = json.loads(cli("data", "check", "--json").stdout)
    assert sorted(report["damaged_copies"]) == sorted([garbage.name, gone.name])
    text = " ".join(cli("data", "check").stdout.split())
    assert garbage.name in text and gone.name in text and "data backup" in text
    assert cli("data", "backup").exit_code == 0
    assert json.loads(cli("data", "check", "--json").stdout)["damaged_copies"] == []


def test_data_backup_says_a_linked_backups_segments_folder_is_the_problem(
    data_dir: Path, cli: Run
) -> None:
    three_months(cli)
    make_link(data_dir / "backups" / "segments")
    result = cli("data", "backup")
    assert result.exit_code == 3
    said = " ".join(result.stderr.split())
    assert "is a link to another folder" in said and "UnsafeFile" not in said
    assert "disk space" not in said
