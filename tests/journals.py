"""Helpers for tests that handle journal files and child processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

from backskills.models import Journal
from backskills.models.activity import PainScore

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def journal_with_pain(count: int, note: str | None = None) -> Journal:
    start = date(2020, 1, 1)
    return Journal(
        pain=[
            PainScore(date=start + timedelta(days=i), score=i % 11, note=note) for i in range(count)
        ]
    )


def write_document(data_dir: Path, document: object) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "journal.json"
    path.write_text(json.dumps(document))
    return path


def child_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["BACKSKILLS_DATA_DIR"] = str(data_dir)
    env.pop("BACKSKILLS_DEBUG", None)
    env.update(extra)
    return env


def run_backskills(
    data_dir: Path, *args: str, timeout: float = 60, **extra_env: str
) -> subprocess.CompletedProcess[str]:
    """Run the real ``python -m backskills`` in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "backskills", *args],
        capture_output=True,
        text=True,
        env=child_env(data_dir, **extra_env),
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def stray_temp_files(*directories: Path) -> list[Path]:
    from backskills.store.atomic import TEMP_GLOB

    found: list[Path] = []
    for directory in directories:
        if directory.is_dir():
            found.extend(directory.glob(TEMP_GLOB))
    return found


@contextmanager
def holding_lock(path: Path) -> Iterator[None]:
    """Hold ``path`` the way another backskills process would (an exclusive flock)."""
    import fcntl

    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
