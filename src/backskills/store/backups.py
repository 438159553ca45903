"""Backups of the journal in ``backups/``.

A backup is a byte-for-byte copy of ``journal.json`` as it was just before a change replaced
it. From schema 7 that file is the manifest: the monthly segment files it lists are shared
with the journal and the other backups, kept while any of them lists them, each with a
second copy in ``backups/segments/`` (``store.segments``). Older backups are whole journals
in one file and still restore.

Names and order. A backup is called ``journal-SEQUENCE-UTCTIME[-vN-premigration].json``,
for example ``journal-000042-20260301T091500Z.json``; the journal a restore replaced is
kept as ``journal-SEQUENCE-UTCTIME-prerestore.json`` (so ``undo`` can take the restore back,
while ``data restore`` with no name passes over it). The sequence number goes up by one
with every backup and alone decides the order (newest first); the time is in UTC and
only tells the patient when it was taken. Moving the clock or the time zone (travel,
the end of summer time) can never make a new backup look old. Backups named the old way
(local time, ``journal-20260301T091500-000123.json``) are renamed the new way, in their old
order, the next time a backup is made.

Kept: the newest 10; the first backup of each of the last 30 days (UTC); and every
pre-migration backup (the only copy in the old format). Everything else is pruned, but
only files backskills itself made: a regular file (not a link) in ``backups/`` whose name
has our form AND whose first bytes are a backskills journal (``safefile.has_journal_header``).
Anything else in the folder is left alone.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from backskills.plain import plain
from backskills.store.atomic import write_atomic
from backskills.store.safefile import (
    has_journal_header,
    make_private_dirs,
    read_regular,
    real_subdir,
)

KEEP_NEWEST = 10
KEEP_DAILY_DAYS = 30
_NAME = re.compile(
    r"^journal-(\d{6,})-(\d{8}T\d{6})Z(?:-v(\d+)-premigration|(-prerestore))?\.json$"
)
# Names written before version 0.2: local time, no sequence.
_LEGACY = re.compile(r"^journal-(\d{8}T\d{6})-(\d{6})(-v(\d+)-premigration)?(?:-(\d+))?\.json$")


@plain(frozen=True)
class Backup:
    path: Path
    taken: datetime  # when it was taken (UTC; only for showing and the daily rule)
    premigration: bool
    sequence: int = 0  # decides the order: a higher number is newer
    prerestore: bool = False  # the journal a restore replaced

    @property
    def name(self) -> str:
        return self.path.name


def utc_now() -> datetime:
    """The current time in UTC (the only clock backups use)."""
    return datetime.now(UTC)


def parse_name(path: Path) -> Backup | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    try:
        taken = datetime.strptime(match.group(2), "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None
    return Backup(
        path=path,
        taken=taken,
        premigration=match.group(3) is not None,
        sequence=int(match.group(1)),
        prerestore=match.group(4) is not None,
    )


def backup_name(
    sequence: int, taken: datetime, premigration_from: int | None = None, prerestore: bool = False
) -> str:
    stem = f"journal-{sequence:06d}-{taken.astimezone(UTC):%Y%m%dT%H%M%S}Z"
    if premigration_from is not None:
        stem += f"-v{premigration_from}-premigration"
    elif prerestore:
        stem += "-prerestore"
    return f"{stem}.json"


def _entries(directory: Path) -> list[Path]:
    """Regular files (not links) in ``directory``; [] when it does not exist.

    Raises ``safefile.UnsafeFile`` when ``backups/`` is a link or not a folder.
    """
    if not real_subdir(directory):
        return []
    found = []
    for path in directory.iterdir():
        with contextlib.suppress(OSError):
            if stat.S_ISREG(os.lstat(path).st_mode):
                found.append(path)
    return found


def list_backups(directory: Path) -> list[Backup]:
    """Backups, newest first (by sequence number only)."""
    found = [b for p in _entries(directory) if (b := parse_name(p)) is not None]
    return sorted(found, key=lambda b: b.sequence, reverse=True)


def next_sequence(directory: Path) -> int:
    return max((b.sequence for b in list_backups(directory)), default=0) + 1


def migrate_names(directory: Path) -> int:
    """Rename old local-time backups the new way, oldest first, after every numbered one.

    Called under the journal lock. A run stopped half-way resumes correctly: the ones
    already renamed keep their numbers and the rest follow them. Returns how many.
    """
    legacy: list[tuple[datetime, str, Path, int | None]] = []
    for path in _entries(directory):
        match = _LEGACY.match(path.name)
        if not match or not has_journal_header(path):
            continue
        try:
            local = datetime.strptime(match.group(1) + match.group(2), "%Y%m%dT%H%M%S%f")
        except ValueError:
            continue
        premigration = int(match.group(4)) if match.group(4) else None
        # The old names were local time: read them in the zone in force now (best effort).
        legacy.append((local.astimezone(UTC), path.name, path, premigration))
    if not legacy:
        return 0
    sequence = next_sequence(directory)
    for taken, _, path, premigration in sorted(legacy, key=lambda item: (item[0], item[1])):
        target = directory / backup_name(sequence, taken, premigration)
        while target.exists():
            sequence += 1
            target = directory / backup_name(sequence, taken, premigration)
        os.rename(path, target)
        sequence += 1
    return len(legacy)


def make_backup(
    directory: Path,
    data: bytes,
    now: datetime | None = None,
    premigration_from: int | None = None,
    prerestore: bool = False,
) -> Path:
    """Copy ``data`` into a new backup and return its path. Call under the journal lock."""
    if not real_subdir(directory):
        make_private_dirs(directory)
    migrate_names(directory)
    taken = now if now is not None else utc_now()
    if taken.tzinfo is None:
        taken = taken.astimezone()  # a naive time is local time
    sequence = next_sequence(directory)
    path = directory / backup_name(sequence, taken, premigration_from, prerestore)
    while path.exists() or path.is_symlink():
        sequence += 1
        path = directory / backup_name(sequence, taken, premigration_from, prerestore)
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


def is_ours(path: Path) -> bool:
    """A backup backskills made: our name, a regular file we own, a journal's first bytes."""
    if parse_name(path) is None:
        return False
    try:
        st = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode) or st.st_uid != os.geteuid():
        return False
    return has_journal_header(path)


def prune(directory: Path, today: date | None = None) -> list[Path]:
    """Delete the backups the rule lets go (only our own files); returns what was deleted."""
    return list(prune_read(directory, today))


def prune_read(directory: Path, today: date | None = None) -> dict[Path, bytes]:
    """``prune``, returning each deleted backup's bytes (the segment files it listed may
    be unused now: ``Store`` checks)."""
    day = today if today is not None else utc_now().date()
    removed: dict[Path, bytes] = {}
    for backup in to_prune(list_backups(directory), day):
        if not is_ours(backup.path):
            continue
        with contextlib.suppress(OSError):
            data = read_regular(backup.path, follow=False)
            backup.path.unlink()
            removed[backup.path] = data
    return removed
