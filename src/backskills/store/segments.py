"""Segment files: one month of dated entries each, immutable and named by their content.

A segment holds one month's entries of every list in ``models.journal.DATED_LISTS``
(``models.journal.Segment``), as indented JSON a person can read. Its name is the month
and the first 16 hex digits of the SHA-256 of its bytes (``2026-11-3f2a9c0d4e5b6a71.json``),
so a file is never changed once written: a change to a month writes a new file, and the
old one stays for as long as a kept backup of ``journal.json`` lists it.

Each segment lives twice: in ``segments/`` beside the journal (the one commands read) and,
as an independent copy, in ``backups/segments/`` (what ``data restore`` repairs a damaged
or missing segment from). Both are written, flushed to disk and renamed into place before
``journal.json`` lists them, so a crash leaves at worst a file nothing lists yet.

Unused files are deleted only under the journal lock, only when no kept manifest
(``journal.json``, a backup, a file in ``set-aside/``) names them, and only our own: a
regular file we own with a segment's name and a segment's first bytes (``is_ours``).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import stat
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from backskills.store.atomic import fsync_dir, replace_file
from backskills.store.safefile import HEADER_BYTES, make_private_dirs, read_head, real_subdir

if TYPE_CHECKING:
    from backskills.models.journal import FirstDates, Journal, Segment, SegmentRef

NAME = re.compile(r"^([0-9]{4}-[0-9]{2})-([0-9a-f]{16})\.json$")
# Any segment name in a manifest's bytes (a manifest a person edited still counts).
NAME_IN_TEXT = re.compile(rb'"([0-9]{4}-[0-9]{2}-[0-9a-f]{16}\.json)"')
_HEADER = re.compile(rb'\A\s*\{\s*"month"\s*:\s*"[0-9]{4}-[0-9]{2}"')
# What a segment file holds besides its month (``models.journal.Segment``).
SEGMENT_LISTS = ("records", "pain", "pacing_logs", "relaxation")
# journal.json fields left out of the manifest: they live in the segments.
MANIFEST_EXCLUDE: dict[str, Any] = {
    "records": True,
    "pain": True,
    "relaxation": True,
    "pacing": {"logs": True},
}


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def file_name(month: str, digest: str) -> str:
    return f"{month}-{digest[:16]}.json"


def encode(segment: Segment) -> bytes:
    """A segment file's bytes (control characters escaped, as in ``store.serialise``)."""
    return _escaped(segment.model_dump_json(indent=1)).encode("utf-8") + b"\n"


def encode_manifest(manifest: Journal) -> bytes:
    """``journal.json``'s bytes: the manifest without the dated lists."""
    text = manifest.model_dump_json(indent=1, exclude=MANIFEST_EXCLUDE)
    return _escaped(text).encode("utf-8") + b"\n"


@functools.cache
def _ascii_unsafe() -> re.Pattern[str]:
    """The ASCII characters ``safetext.UNSAFE`` matches, as one small class (quick to scan)."""
    from backskills.safetext import UNSAFE

    found = "".join(re.escape(chr(c)) for c in range(128) if UNSAFE.match(chr(c)))
    return re.compile(f"[{found}]")


def _escaped(text: str) -> str:
    """``safetext.escape_json(text)``; an ASCII text with nothing to escape is returned at
    once (the full pattern is slow to scan over a large text)."""
    if text.isascii() and not _ascii_unsafe().search(text):
        return text
    from backskills.safetext import escape_json

    return escape_json(text)


def reference(segment: Segment, data: bytes) -> SegmentRef:
    """The manifest's line for ``segment`` written as ``data``: its name, hash, number of
    entries and first dates (written together, so they always describe the same file)."""
    from backskills.models.journal import SegmentRef

    digest = hashlib.sha256(data).hexdigest()
    month = segment.month
    return SegmentRef.model_construct(
        month=month,
        file=file_name(month, digest),
        sha256=digest,
        entries=segment.count(),
        first=first_dates(segment),
    )


def first_dates(segment: Segment) -> FirstDates:
    """The first date of each list in ``segment``."""
    from backskills.models.journal import FirstDates

    return FirstDates.of(segment.records, segment.pain, segment.pacing_logs, segment.relaxation)


def group(journal: Journal) -> dict[str, Segment]:
    """The journal's dated entries by month (each list keeps its order within a month)."""
    from backskills.models.journal import Segment

    months: dict[str, Segment] = {}

    def add(entries: Iterable[Any], attribute: str) -> None:
        for entry in entries:
            key = month_of(entry.date)
            segment = months.get(key)
            if segment is None:
                segment = months[key] = Segment.model_construct(
                    month=key, records=[], pain=[], pacing_logs=[], relaxation=[]
                )
            getattr(segment, attribute).append(entry)

    add(journal.records, "records")
    add(journal.pain, "pain")
    add(journal.pacing.logs, "pacing_logs")
    add(journal.relaxation, "relaxation")
    return months


def join(journal: Journal, segments: Iterable[Segment]) -> None:
    """Add the segments' entries to the journal's lists, in the order given (months)."""
    for segment in segments:
        journal.records.extend(segment.records)
        journal.pain.extend(segment.pain)
        journal.pacing.logs.extend(segment.pacing_logs)
        journal.relaxation.extend(segment.relaxation)


def merged(old: Segment, new: Segment) -> Segment:
    """``old``'s entries, then ``new``'s (an entry added to a month that was not loaded)."""
    from backskills.models.journal import Segment

    return Segment.model_construct(
        month=old.month,
        records=[*old.records, *new.records],
        pain=[*old.pain, *new.pain],
        pacing_logs=[*old.pacing_logs, *new.pacing_logs],
        relaxation=[*old.relaxation, *new.relaxation],
    )


def dated_outside(segment: Segment) -> bool:
    """True when an entry's date is not in the segment's month."""
    year, month = int(segment.month[:4]), int(segment.month[5:])
    for entries in (segment.records, segment.pain, segment.pacing_logs, segment.relaxation):
        for entry in entries:
            day = entry.date
            if day.month != month or day.year != year:
                return True
    return False


def written_as(segment: Segment, data: bytes) -> bool:
    """True when ``data`` is exactly what ``encode`` writes for ``segment``."""
    return _same(segment.model_dump_json(indent=1), data)


def manifest_written_as(manifest: Journal, data: bytes) -> bool:
    """True when ``data`` is exactly what ``encode_manifest`` writes for ``manifest``."""
    return _same(manifest.model_dump_json(indent=1, exclude=MANIFEST_EXCLUDE), data)


def _same(text: str, data: bytes) -> bool:
    """``text`` with its escapes, then a line break, is ``data``. The escape pass (a regular
    expression over the whole text) runs only when the plain text differs."""
    if len(text) + 1 == len(data) and (text.encode("utf-8") + b"\n") == data:
        return True
    return _escaped(text).encode("utf-8") + b"\n" == data


def names_in(data: bytes) -> set[str]:
    return {match.decode("ascii") for match in NAME_IN_TEXT.findall(data)}


def ensure_dir(directory: Path) -> None:
    """Make ``directory`` (0700) unless it is already a real folder; a link is refused."""
    if not real_subdir(directory):
        make_private_dirs(directory)


def write_all(directory: Path, files: dict[str, bytes], created: list[Path]) -> None:
    """Write each file durably (temporary file, fsync, rename), then flush the folder once.

    A file already there with the same bytes is left as it is; one with other bytes (a
    damaged copy: names are content hashes) is replaced. Each file that was not there
    before is added to ``created`` as soon as it exists (a failed save removes them).
    """
    if not files:
        return
    ensure_dir(directory)
    for name, data in files.items():
        target = directory / name
        existed = False
        with contextlib.suppress(OSError):
            st = os.lstat(target)
            existed = True
            same_size = stat.S_ISREG(st.st_mode) and st.st_size == len(data)
            if same_size and _read_plain(target) == data:
                continue
        replace_file(target, data)
        if not existed:
            created.append(target)
    fsync_dir(directory)


def _read_plain(path: Path) -> bytes:
    from backskills.store.safefile import read_regular

    return read_regular(path, follow=False)


def is_ours(path: Path) -> bool:
    """A segment backskills wrote: its name, a regular file we own, a segment's first bytes."""
    if NAME.match(path.name) is None:
        return False
    try:
        st = os.lstat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_uid != os.geteuid():
            return False
        return bool(_HEADER.match(read_head(path)[:HEADER_BYTES]))
    except OSError:
        return False


def listed(directory: Path) -> set[str]:
    """Names of our segment files in ``directory`` (none when it is missing or a link)."""
    try:
        if not real_subdir(directory):
            return set()
    except OSError:
        return set()
    return {p.name for p in directory.iterdir() if NAME.match(p.name) and is_ours(p)}


def delete(directory: Path, names: Iterable[str]) -> None:
    for name in names:
        path = directory / name
        if is_ours(path):
            with contextlib.suppress(OSError):
                path.unlink()
