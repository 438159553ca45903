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
from typing import Any

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


def read_journal(data_dir: Path) -> Any:
    """The whole journal as one document, read through the store (what ``data export``
    writes): journal.json alone holds only the snapshot and the list of segment files."""
    from backskills.store import Store, serialise

    return json.loads(serialise(Store(data_dir).load()))


def saved_journal(path: Path, data_dir: Path | None = None) -> Journal:
    """The whole journal a saved file holds (journal.json, a backup, a set-aside copy):
    a journal in one document, or a manifest whose segments are in ``data_dir``."""
    from backskills.store import Store

    folder = data_dir if data_dir is not None else path.parent.parent
    return Store(folder).decode_any(path.read_bytes(), path).journal


def in_month_order(journal: Journal) -> Journal:
    """``journal`` with its dated lists in the order the store keeps them: months in order,
    the order of the entries kept within a month (a stable sort)."""
    copy = journal.model_copy(deep=True)

    def month(entry: Any) -> tuple[int, int]:
        return (entry.date.year, entry.date.month)

    copy.records = sorted(copy.records, key=month)
    copy.pain = sorted(copy.pain, key=month)
    copy.pacing.logs = sorted(copy.pacing.logs, key=month)
    copy.relaxation = sorted(copy.relaxation, key=month)
    return copy


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
