"""Backups of the journal in ``backups/``.

A backup is a byte-for-byte copy of the journal as it was just before a change replaced it.
Kept: the newest 10; the first backup of each of the last 30 days (a patient who notices a
mistake a fortnight later can still go back to how that day began); and every
pre-migration backup (the only copy in the old format). Everything else is pruned.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from backskills.store.atomic import write_atomic

KEEP_NEWEST = 10
KEEP_DAILY_DAYS = 30
_NAME = re.compile(r"^journal-(\d{8}T\d{6})-(\d{6})(-v\d+-premigration)?(?:-\d+)?\.json$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    premigration: bool

    @property
    def name(self) -> str:
        return self.path.name


def parse_name(path: Path) -> Backup | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    taken = datetime.strptime(match.group(1) + match.group(2), "%Y%m%dT%H%M%S%f")
    return Backup(path=path, taken=taken, premigration=bool(match.group(3)))


def list_backups(directory: Path) -> list[Backup]:
    """Backups, newest first."""
    if not directory.is_dir():
        return []
    found = [b for p in directory.iterdir() if (b := parse_name(p)) is not None]
    return sorted(found, key=lambda b: (b.taken, b.name), reverse=True)


def make_backup(
    directory: Path, data: bytes, now: datetime, premigration_from: int | None = None
) -> Path:
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    stem = f"journal-{now:%Y%m%dT%H%M%S}-{now:%f}"
    if premigration_from is not None:
        stem += f"-v{premigration_from}-premigration"
    path = directory / f"{stem}.json"
    counter = 1
    while path.exists():
        path = directory / f"{stem}-{counter}.json"
        counter += 1
    write_atomic(path, data)
    return path


def to_prune(backups: list[Backup], today: date) -> list[Backup]:
    """The backups the retention rule lets go (``backups`` newest first)."""
    keep: set[Path] = {b.path for b in backups[:KEEP_NEWEST]}
    keep |= {b.path for b in backups if b.premigration}
    first_of_day: dict[date, Backup] = {}
    for backup in backups:  # newest first, so the last one seen for a day is its first
        first_of_day[backup.taken.date()] = backup
    oldest_day = today - timedelta(days=KEEP_DAILY_DAYS - 1)
    keep |= {b.path for d, b in first_of_day.items() if d >= oldest_day}
    return [b for b in backups if b.path not in keep]


def prune(directory: Path, today: date) -> None:
    for backup in to_prune(list_backups(directory), today):
        with contextlib.suppress(OSError):
            backup.path.unlink()
