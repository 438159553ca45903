"""The folders that hold month files (``segments/``, ``backups/segments/``): never followed
when they are links, checked before anything is set aside (audit, issue 16)."""

from __future__ import annotations

import os
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
    assert "is a link" in result.stderr and "Nothing was changed" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (data_dir / "set-aside").exists()  # no copy left behind
    assert (data_dir / "journal.json").read_bytes() == before
