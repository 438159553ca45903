"""The journal store: the only code that opens the journal.

Layout (schema 7; 8 adds each file's first dates). The journal is kept in two kinds of file, so that a command reads and
writes only what it needs, however old the journal is:

- ``journal.json``: the manifest (``models.journal.Manifest``). Every field of the journal
  except the dated lists in ``models.journal.DATED_LISTS`` (activities, plans, levels,
  goals, settings: the snapshot, always read whole), and the list of segment files: month,
  file name, SHA-256, number of entries and the first date of each list in it
  (``models.journal.FirstDates``), in month order.
- ``segments/YYYY-MM-<16 hex>.json``: one file per month with that month's dated entries
  (``store.segments``). Immutable, named by content; each also has an independent copy in
  ``backups/segments/``. ``segments/`` sits beside ``journal.json``, or beside the file a
  ``journal.json`` link leads to, so a journal linked into a synced folder stays whole there.

In memory the dated lists hold the months in order and, within a month, the entries in the
order they were added (a single-file journal is regrouped that way, stably, when it is
first written in this layout).

Reading (``Store.load``, no lock, never writes): validate ``journal.json``; ask the
command's ``needs`` (called with the snapshot, which knows every list's first date from
the manifest) for the first date it uses; read only the segments of that month and
later, checking each one's SHA-256, its format, that every entry's date is in its month
and that the manifest's first dates are its own; leave the first dates of the months not
read on the journal (``Journal.first_dates``). A damaged segment a command needs stops it with exit 3
naming the file and its good copy; segments outside its window are not read (``data
check`` reads them all). Bytes that are not exactly what backskills writes are read again
strictly (duplicate keys, huge numbers, NaN: messages give positions, never content).

Flow of a change (``Store.transaction``):

1. create the data folder (0700) if needed and take the inter-process lock
   (``journal.lock``, waiting up to ``lock_timeout`` seconds, then ``JournalBusy``);
2. remove temporary files a killed run left behind (and, when a save was cut short,
   segment files nothing lists);
3. read as above; anything unreadable raises ``JournalUnreadable`` and is never written;
   an older schema, or a journal still in one file, is migrated in memory;
4. hand the ``Journal`` to the caller, who changes it;
5. group its dated entries by month and compare each loaded month with the bytes read:
   only changed months get new segment files. An entry added to a month that was not
   loaded is merged into that month's segment (read, checked, appended);
6. check the new bytes read back (only the manifest and the changed segments); if nothing
   changed, stop (no write);
7. write the new segments and their copies (fsync'd), copy the previous ``journal.json``
   into ``backups/``, prune old backups (and the segments only they listed);
8. replace ``journal.json`` atomically: the commit point. A crash or SIGKILL at any step
   before leaves the previous manifest in force with all its segments present.

A single-file journal (schema 1-6, or an export of schema 7) is read as a whole and written
in this layout on its first change; the old file is kept as a pre-migration backup.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from backskills import settings
from backskills.errors import (
    InvalidInput,
    JournalBusy,
    JournalSaveFailed,
    JournalTooNew,
    JournalUnreadable,
    NotFound,
    Refused,
)
from backskills.models import SCHEMA_VERSION, Journal
from backskills.models.entries import assign_ids, id_problems, raise_counters
from backskills.plain import field, plain
from backskills.store import backups as backup_files
from backskills.store import segments as seg
from backskills.store.atomic import clean_temp_files, write_atomic
from backskills.store.migrations import migrate
from backskills.store.paths import (
    BACKUP_DIR,
    JOURNAL_NAME,
    LOCK_NAME,
    PENDING_NAME,
    SEGMENTS_DIR,
    SET_ASIDE_DIR,
    resolve_data_dir,
)
from backskills.store.safefile import (
    UnsafeFile,
    check_journal_link,
    describe_kind,
    is_system_path,
    looks_like_journal,
    make_private_dirs,
    read_regular,
    real_subdir,
)

if TYPE_CHECKING:
    from backskills.models.journal import Manifest, Segment, SegmentRef
    from backskills.store.restore import Restored
    from backskills.store.undo import PreviousState

ENV_LOCK_TIMEOUT = settings.LOCK_TIMEOUT
# ``data import`` reads at most this much. A ten-year journal is a few megabytes.
IMPORT_MAX_BYTES = 50 * 1024 * 1024
LINK_HINT = (
    "backskills reads and writes through a journal.json link only when it leads to your "
    "journal in a folder you own (README: Keeping it safe). Remove the link or point it "
    "at your journal."
)

__all__ = [
    "Loaded",
    "Needs",
    "Store",
    "resolve_data_dir",
    "serialise",
]

# What a command reads: called with the journal's snapshot (every field filled except the
# dated lists in ``models.journal.DATED_LISTS``, which are empty), it returns the first date
# whose dated entries the command uses, or None for all of them. The store may hand over
# more than that (whole months), never less.
Needs = Callable[[Journal], date | None]


def serialise(journal: Journal) -> bytes:
    """The whole journal as one document (``data export``): control characters, DEL and
    bidirectional overrides inside strings are written as ``\\uXXXX`` escapes."""
    from backskills.safetext import escape_json

    return escape_json(journal.model_dump_json(indent=1)).encode("utf-8") + b"\n"


@plain
class Loaded:
    journal: Journal
    version: int  # schema version of the file as read (before migration)
    segments: int = 0  # segment files read (0: a journal in one file, or none yet)
    # Second copies in backups/segments/ that are missing or damaged (``Store.check``).
    bad_copies: list[str] = field(default_factory=list)
    # Entry ids that clash, in words (``models.entries.id_problems``; ``Store.check``).
    id_problems: list[str] = field(default_factory=list)


@plain
class _Read:
    """What a read found; a transaction keeps it to save only what changed."""

    raw: bytes | None  # journal.json as read (None: no journal yet)
    version: int  # its schema version (before migration)
    manifest: Manifest | None  # None: no journal yet, or a journal in one file
    start: str | None = None  # first month read ("2026-11"); None: every month
    months: dict[str, bytes] = field(default_factory=dict)  # each month read: its bytes

    def has_month(self, month: str) -> bool:
        return self.manifest is None or self.start is None or month >= self.start


class _SegmentMissing(JournalUnreadable):
    """A segment file is not there (a lock-free read may have raced a prune: read again)."""


@plain
class Store:
    data_dir: Path
    lock_timeout: float = field(default_factory=lambda: _env_lock_timeout())
    warnings: list[str] = field(default_factory=list)
    # Segment files read that other users can read or change (``_segment_bytes``).
    _loose: list[Path] = field(default_factory=list, repr=False)

    # -- paths -------------------------------------------------------------------------
    @property
    def journal_path(self) -> Path:
        return self.data_dir / JOURNAL_NAME

    @property
    def lock_path(self) -> Path:
        return self.data_dir / LOCK_NAME

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / BACKUP_DIR

    @property
    def set_aside_dir(self) -> Path:
        return self.data_dir / SET_ASIDE_DIR

    @property
    def segments_dir(self) -> Path:
        """``segments/`` beside the journal file (beside a journal.json link's target)."""
        path = self.journal_path
        if path.is_symlink():
            with suppress(OSError, RuntimeError):
                path = path.resolve(strict=True)
        return path.parent / SEGMENTS_DIR

    @property
    def copies_dir(self) -> Path:
        """``backups/segments/``: the second copy of every segment."""
        return self.backups_dir / SEGMENTS_DIR

    # -- reading -----------------------------------------------------------------------
    def exists(self) -> bool:
        return self.journal_path.exists() or self.journal_path.is_symlink()

    def read_bytes(self) -> bytes | None:
        """The journal's bytes, or None when there is no journal yet.

        Only a regular file (or a link the rule in ``safefile`` allows) is read; anything
        else is refused at once, before it is opened (exit 3).
        """
        path = self.journal_path
        try:
            check_journal_link(path)
            data = read_regular(path)
        except UnsafeFile as exc:
            if "does not exist" in exc.reason:
                raise JournalUnreadable(
                    f"{path} is a link to a file that does not exist.",
                    hint="Point the link at your journal, or remove it to start a new one.",
                ) from None
            raise JournalUnreadable(
                f"{path} {exc.reason}. Nothing was read or changed.",
                hint=LINK_HINT if path.is_symlink() else None,
            ) from None
        except FileNotFoundError:
            return None
        except PermissionError:
            raise JournalUnreadable(
                f"{path} cannot be opened: permission denied.",
                hint=f"Check the file's owner and permissions (chmod 600 {path}).",
            ) from None
        except OSError as exc:
            raise JournalUnreadable(f"{path} cannot be read: {exc.strerror}.") from None
        self._check_permissions(path)
        return data

    def load(self, needs: Needs | None = None) -> Journal:
        """The journal for reading: no lock, no write. A missing journal is empty.

        ``needs`` (see ``Needs``) lets a command read only the dated entries it uses: the
        months from its date on are read, the others are not (their lists stay shorter).
        """
        for attempt in range(3):
            raw = self.read_bytes()
            try:
                return self._open(raw, needs)[0]
            except _SegmentMissing:
                # Without the lock a save may have replaced the journal and pruned what it
                # listed between our two reads: read again if the journal moved on.
                if attempt == 2 or self.read_bytes() == raw:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def load_with_version(self) -> Loaded:
        """The whole journal (every segment) and the format of its file."""
        raw = self.read_bytes()
        journal, read = self._open(raw, None)
        return Loaded(journal, read.version, len(read.months))

    def _open(self, raw: bytes | None, needs: Needs | None) -> tuple[Journal, _Read]:
        if raw is None:
            self._warn_if_only_backups()
            # The defaults need no validating: model_construct skips running the whole
            # Journal validator (about 5% of ``today`` on a new journal). Saving validates.
            return Journal.model_construct(), _Read(None, SCHEMA_VERSION, None)
        manifest, loaded = self._decode_file(raw, self.journal_path)
        if manifest is None:
            assert loaded is not None
            return loaded.journal, _Read(raw, loaded.version, None)
        journal = _snapshot(manifest)
        first = None
        if needs is not None and manifest.segments:
            # The snapshot holds no dated entry, but knows each list's first date (from the
            # manifest), so a rule can tell when the journal began without reading it.
            journal.leave_out([(ref.month, ref.first) for ref in manifest.segments])
            first = needs(journal)
        start = seg.month_of(first) if first is not None else None
        if start is not None and not journal.last_ids:
            start = None  # no id counters (edited by hand): ids are found by reading all
        months: dict[str, bytes] = {}
        found: list[Segment] = []
        folder = self.segments_dir
        if manifest.segments:
            self._refuse_linked(folder)  # whichever months are read
        skipped: list[SegmentRef] = []
        with _no_gc():
            for ref in manifest.segments:
                if start is not None and ref.month < start:
                    skipped.append(ref)
                    continue
                data = self._segment_bytes(ref, folder)
                segment = self._check_segment(ref, data, folder / ref.file)
                self._check_firsts(ref, segment, folder / ref.file)
                found.append(segment)
                months[ref.month] = data
        if found:
            self._check_segments_private(folder)
        journal.leave_out([(ref.month, ref.first) for ref in skipped])
        seg.join(journal, found)
        assign_ids(journal)
        return journal, _Read(raw, SCHEMA_VERSION, manifest, start, months)

    def _check_firsts(self, ref: SegmentRef, segment: Segment, path: Path) -> None:
        """The first dates the manifest keeps for a segment must be the segment's own: they
        stand for it whenever a command does not read it (history's first entry)."""
        if ref.first != seg.first_dates(segment):
            raise self._unreadable(
                self.journal_path,
                f"keeps first dates for {ref.month} that do not match {path.name} (they "
                "stand for it when it is not read)",
            )

    def _warn_if_only_backups(self) -> None:
        try:
            some = bool(backup_files.list_backups(self.backups_dir))
        except UnsafeFile:
            some = False
        if some:
            self.warnings.append(
                f"There is no journal at {self.journal_path}, but there are backups. "
                "If this is unexpected, run: backskills data restore"
            )

    def _decode_file(self, data: bytes, source: Path) -> tuple[Manifest | None, Loaded | None]:
        """A ``journal.json`` (or a backup of one): a manifest, or a journal in one file."""
        from backskills.models.journal import Manifest

        if b'"segments"' not in data:  # a journal in one file (no need to try a manifest)
            return None, self.decode(data, source)
        with _no_gc():
            try:
                fast = Manifest.model_validate_json(data)
            except ValueError:
                pass
            else:
                if fast.schema_version == SCHEMA_VERSION and seg.manifest_written_as(fast, data):
                    self._check_references(fast, source)
                    return fast, None
        document = self._parse_document(data, source)
        if "segments" not in document:
            return None, self._decode_document(document, source)
        if self._version_of(document, source) < SCHEMA_VERSION:
            return None, self._older_manifest(document, source)
        return self._decode_manifest(document, source), None

    def _older_manifest(self, document: dict[str, Any], source: Path) -> Loaded:
        """A manifest written by an older format (7 on): the whole journal is put together
        as one document and migrated like a journal in one file (its first change writes
        the new format; the old manifest is kept as a pre-migration backup, and with it
        every segment file it lists)."""
        from backskills.models.journal import FirstDates, SegmentRef

        refs = document.get("segments")
        if not isinstance(refs, list):
            raise self._unreadable(source, "does not list its segment files as a list")
        lists: dict[str, list[object]] = {key: [] for key in seg.SEGMENT_LISTS}
        for n, ref in enumerate(refs):
            name = ref.get("file") if isinstance(ref, dict) else None
            digest = ref.get("sha256") if isinstance(ref, dict) else None
            if not isinstance(name, str) or not seg.NAME.match(name) or not isinstance(digest, str):
                raise self._unreadable(source, f"lists a segment file badly at segments[{n}]")
            unknown = FirstDates.model_construct()  # not needed to find the file
            where = self._good_copy(
                SegmentRef.model_construct(
                    month=name[:7], file=name, sha256=digest, entries=0, first=unknown
                )
            )
            if where is None:
                raise self._unreadable(source, f"lists {name}, and no good copy of it was found")
            part = self._parse_document(read_regular(where, follow=False), where, plain=True)
            for key, found in lists.items():
                value = part.get(key, [])
                found.extend(value if isinstance(value, list) else [value])
        whole: dict[str, object] = {k: v for k, v in document.items() if k != "segments"}
        whole["records"], whole["pain"] = lists["records"], lists["pain"]
        whole["relaxation"] = lists["relaxation"]
        pacing = whole.setdefault("pacing", {})
        if isinstance(pacing, dict):
            pacing["logs"] = lists["pacing_logs"]
        return self._decode_document(whole, source)

    def _decode_manifest(self, document: dict[str, object], source: Path) -> Manifest:
        from pydantic import ValidationError

        from backskills.models.journal import Manifest

        version = self._version_of(document, source)
        if version != SCHEMA_VERSION:
            raise self._unreadable(
                source, f"lists segment files but says it is journal format {version}"
            )
        try:
            manifest = Manifest.model_validate(document)
        except ValidationError as exc:
            from backskills.store.strictjson import describe_validation

            raise self._unreadable(source, describe_validation(exc)) from None
        if manifest.records or manifest.pain or manifest.pacing.logs or manifest.relaxation:
            raise self._unreadable(
                source, "holds dated entries outside its segment files (records, pain, ...)"
            )
        self._check_references(manifest, source)
        return manifest

    def _check_references(self, manifest: Manifest, source: Path) -> None:
        previous = ""
        for n, ref in enumerate(manifest.segments):
            if ref.month <= previous or ref.file != seg.file_name(ref.month, ref.sha256):
                raise self._unreadable(
                    source, f"lists its segment files out of order or misnamed at segments[{n}]"
                )
            previous = ref.month

    def _segment_bytes(self, ref: SegmentRef, folder: Path | None = None) -> bytes:
        folder = folder or self.segments_dir
        self._refuse_linked(folder)
        path = folder / ref.file
        modes: list[int] = []
        try:
            data = read_regular(path, limit=IMPORT_MAX_BYTES, follow=False, modes=modes)
            if modes and modes[0] & (stat.S_IRWXG | stat.S_IRWXO):
                self._loose.append(path)
            return data
        except FileNotFoundError:
            raise _SegmentMissing(
                f"cannot read the journal: {path} is missing.", hint=self._copy_hint(ref)
            ) from None
        except UnsafeFile as exc:
            raise JournalUnreadable(
                f"cannot read the journal: {path} {exc.reason}.", hint=self._copy_hint(ref)
            ) from None
        except OSError as exc:
            raise JournalUnreadable(
                f"cannot read the journal: {path} cannot be read: {exc.strerror}.",
                hint=self._copy_hint(ref),
            ) from None

    def _refuse_linked(self, folder: Path) -> None:
        """Month files are read only from a real folder, as they are written (exit 3)."""
        try:
            real_subdir(folder)
        except UnsafeFile as exc:
            raise _linked_folder(exc) from None

    def _check_segments_private(self, folder: Path) -> None:
        """Warn when the month files read, or their folder, can be used by other users."""
        self._check_permissions(folder, "700")
        loose = sorted({path for path in self._loose if path.parent == folder})
        self._loose.clear()
        if loose:
            what = "1 month file" if len(loose) == 1 else f"{len(loose)} month files"
            message = (
                f"{what} in {folder} can be read or changed by other users of this "
                f"computer. To keep them private, run: chmod 600 {folder}/*.json"
            )
            if message not in self.warnings:
                self.warnings.append(message)

    def _check_segment(self, ref: SegmentRef, data: bytes, path: Path) -> Segment:
        """Validate a segment's bytes against the manifest's line for it."""
        from backskills.models.journal import Segment

        def damaged(problem: str) -> JournalUnreadable:
            return JournalUnreadable(
                f"cannot read the journal: {path} {problem}.", hint=self._copy_hint(ref)
            )

        if hashlib.sha256(data).hexdigest() != ref.sha256:
            raise damaged("is damaged: its content is not what the journal saved in it")
        try:
            segment = Segment.model_validate_json(data)
        except ValueError:
            segment = None
        if segment is None or not seg.written_as(segment, data):
            document = self._parse_document(data, path, plain=True)
            from pydantic import ValidationError

            try:
                segment = Segment.model_validate(document)
            except ValidationError as exc:
                from backskills.store.strictjson import describe_validation

                raise damaged(describe_validation(exc)) from None
        if segment.month != ref.month or seg.dated_outside(segment):
            raise damaged(f"holds entries dated outside its month ({ref.month})")
        if segment.count() != ref.entries:
            raise damaged("does not hold the number of entries the journal lists for it")
        return segment

    def _good_copy(self, ref: SegmentRef) -> Path | None:
        """Where an intact copy of a segment is (itself or ``backups/segments/``), if any."""
        for folder in (self.segments_dir, self.copies_dir):
            if not _real(folder):
                continue
            path = folder / ref.file
            with suppress(OSError):
                if hashlib.sha256(read_regular(path, follow=False)).hexdigest() == ref.sha256:
                    return path
        return None

    def _copy_hint(self, ref: SegmentRef) -> str:
        copy = self.copies_dir / ref.file
        with suppress(OSError):
            if (
                _real(self.copies_dir)
                and hashlib.sha256(read_regular(copy, follow=False)).hexdigest() == ref.sha256
            ):
                return (
                    f"Nothing was changed. A good copy is kept at {copy}; run "
                    "'backskills data restore' to put it back."
                )
        from backskills.store.restore import older_month

        earlier = older_month(self, ref)
        if earlier is not None:
            return (
                f"Nothing was changed. No good copy of this file is left; the newest good copy "
                f"of {ref.month} is in the backup {earlier[1]}. Run 'backskills data restore': "
                f"it keeps every intact month and takes {ref.month} from that backup (entries "
                f"added to {ref.month} after it was taken are not in it)."
            )
        return (
            f"Nothing was changed. No good copy of {ref.month} is left, in segments or in any "
            "backup. Run 'backskills data restore': it keeps every intact month; the entries "
            f"of {ref.month} cannot be recovered."
        )

    def _whole(self, manifest: Manifest, source: Path) -> Journal:
        """Every entry of a manifest (a backup's too), taking a good copy of a damaged file."""
        journal = _snapshot(manifest)
        found = []
        with _no_gc():
            for ref in manifest.segments:
                where = self._good_copy(ref)
                if where is None:
                    raise JournalUnreadable(
                        f"{source} lists {ref.file}, and no good copy of it was found."
                    )
                data = read_regular(where, follow=False)
                found.append(self._check_segment(ref, data, where))
        seg.join(journal, found)
        assign_ids(journal)
        return journal

    def decode_any(self, data: bytes, source: Path) -> Loaded:
        """A whole journal from the bytes of a journal.json or a backup of one."""
        manifest, loaded = self._decode_file(data, source)
        if manifest is None:
            assert loaded is not None
            return loaded
        return Loaded(self._whole(manifest, source), SCHEMA_VERSION, len(manifest.segments))

    def decode(self, data: bytes, source: Path) -> Loaded:
        """Validate bytes as a journal in one document (a journal before schema 7, a
        backup of one, an export). Messages name the problem, never the content."""
        with _no_gc():
            try:
                fast = Journal.model_validate_json(data)
            except ValueError:
                pass  # find out exactly what is wrong below (the slow path)
            else:
                # Only the exact bytes backskills writes are taken on trust: pydantic's JSON
                # parser keeps the last of two duplicate keys, so anything else is parsed
                # again strictly below (duplicates, huge integers).
                if fast.schema_version == SCHEMA_VERSION and serialise(fast) == data:
                    assign_ids(fast)
                    return Loaded(fast, SCHEMA_VERSION)
        return self._decode_document(self._parse_document(data, source), source)

    def _version_of(self, document: dict[str, object], source: Path) -> int:
        version = document.get("schema_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise self._unreadable(source, "has no valid schema_version")
        if version > SCHEMA_VERSION:
            raise JournalTooNew(
                f"{source} was written by a newer backskills (journal format {version}; this "
                f"version reads up to {SCHEMA_VERSION}). Nothing was changed.",
                hint="Upgrade backskills (pip install --upgrade backskills) and try again.",
            )
        return version

    def _decode_document(self, document: dict[str, object], source: Path) -> Loaded:
        version = self._version_of(document, source)
        if version < SCHEMA_VERSION:
            try:
                document, _ = migrate(document, SCHEMA_VERSION)
            except ValueError as exc:
                raise self._unreadable(source, f"cannot be brought up to date ({exc})") from None
            except (TypeError, AttributeError, KeyError, IndexError):
                # A part of the file does not have the shape its version wrote (a list
                # where an object belongs, ...): unreadable, never a crash.
                raise self._unreadable(
                    source,
                    f"cannot be brought up to date (it does not have the shape of a version "
                    f"{version} journal)",
                ) from None
        from pydantic import ValidationError

        try:
            journal = Journal.model_validate(document)
        except ValidationError as exc:
            from backskills.store.strictjson import describe_validation

            raise self._unreadable(source, describe_validation(exc)) from None
        assign_ids(journal)
        return Loaded(journal, version)

    def _parse_document(self, data: bytes, source: Path, plain: bool = False) -> dict[str, object]:
        def unreadable(problem: str) -> JournalUnreadable:
            if plain:
                return JournalUnreadable(f"cannot read the journal: {source} {problem}.")
            return self._unreadable(source, problem)

        if not data.strip(b" \t\r\n"):
            raise unreadable("is empty")
        if not data.strip(b"\x00 \t\r\n"):
            raise unreadable(
                "holds only NUL bytes (it was probably cut short by a crash or disk fault)"
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise unreadable(f"is not UTF-8 text (bad byte at offset {exc.start})") from None
        from backskills.store.strictjson import StrictJsonError, parse

        try:
            document = parse(text)
        except json.JSONDecodeError as exc:
            raise unreadable(
                f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
            ) from None
        except RecursionError:
            raise unreadable("is nested far too deeply to be a journal") from None
        except StrictJsonError as exc:
            raise unreadable(exc.problem) from None
        except ValueError:  # anything else json refuses: never a crash
            raise unreadable("is not valid JSON") from None
        if not isinstance(document, dict):
            raise unreadable("does not hold a journal (expected a JSON object at the top)")
        return document

    def _unreadable(self, source: Path, problem: str) -> JournalUnreadable:
        if source != self.journal_path:
            return JournalUnreadable(f"{source} {problem}.")
        good = self.newest_good_backup()
        if good is not None:
            hint = (
                f"The file was left exactly as it is. The newest good backup is {good.path}; "
                f"run 'backskills data restore' to go back to it."
            )
        else:
            hint = "The file was left exactly as it is. No good backup was found."
        return JournalUnreadable(f"cannot read the journal: {source} {problem}.", hint=hint)

    def _check_permissions(self, path: Path, private: str = "600") -> None:
        try:
            mode = path.stat().st_mode
        except OSError:
            return
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            what = "read" if mode & (stat.S_IRGRP | stat.S_IROTH) else "changed"
            self.warnings.append(
                f"{path} can be {what} by other users of this computer. "
                f"To keep it private, run: chmod {private} {path}"
            )

    # -- changing ----------------------------------------------------------------------
    def ensure_dir(self) -> None:
        if self.data_dir.exists() and not self.data_dir.is_dir():
            raise JournalSaveFailed(
                f"{self.data_dir} is a file, not a folder, so the journal cannot go there. "
                "Nothing was changed.",
                hint="Choose a folder with --data-dir or BACKSKILLS_DATA_DIR.",
            )
        real = self.data_dir.resolve()
        if is_system_path(real):
            raise JournalSaveFailed(
                f"{self.data_dir} is a system folder, so the journal does not go there. "
                "Nothing was changed.",
                hint="Choose a folder of your own with --data-dir or BACKSKILLS_DATA_DIR.",
            )
        if not self.data_dir.exists():
            make_private_dirs(self.data_dir)

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the inter-process lock; stray temporary files are removed under it, and
        segment files nothing lists when the last save was cut short."""
        from backskills.store.lock import LockTimeout, hold

        with ExitStack() as held:
            try:
                self.ensure_dir()
                self._check_lock_file()
                held.enter_context(hold(self.lock_path, self.lock_timeout))
            except LockTimeout:
                raise JournalBusy(
                    "the journal is busy: another backskills command is using it.",
                    hint=(
                        f"Wait a moment and try again (it waited {self.lock_timeout:g} s; "
                        f"set {ENV_LOCK_TIMEOUT} to wait longer)."
                    ),
                ) from None
            except OSError as exc:
                raise _save_failed(exc, f"cannot use the folder {self.data_dir}") from None
            for directory in self._temp_dirs():
                clean_temp_files(directory)
            if (self.data_dir / PENDING_NAME).exists():
                self._sweep()
            yield

    def _check_lock_file(self) -> None:
        """The lock file must be an ordinary file of ours (a link is never opened)."""
        try:
            mode = os.lstat(self.lock_path).st_mode
        except FileNotFoundError:
            return
        if stat.S_ISREG(mode):
            return
        what = "is a link" if stat.S_ISLNK(mode) else (describe_kind(mode) or "is not a file")
        raise JournalSaveFailed(
            f"{self.lock_path} {what}, and backskills does not use it. Nothing was changed.",
            hint=f"Remove {self.lock_path}; backskills makes a new one.",
        )

    def _temp_dirs(self) -> list[Path]:
        """The folders cleaned of our stray temporary files under the lock.

        Only the data folder itself and its own sub-folders, and the ``segments/`` folder
        backskills made beside the journal: never the folder a journal.json link leads to,
        never through a link.
        """
        return [
            self.data_dir,
            self.backups_dir,
            self.copies_dir,
            self.set_aside_dir,
            self.segments_dir,
        ]

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Turn a failed write (full disk, permissions) into exit 3; files are left intact."""
        try:
            yield
        except OSError as exc:
            raise _save_failed(exc, "could not save the journal") from None

    @contextmanager
    def transaction(self, needs: Needs | None = None) -> Iterator[Journal]:
        """Read, let the caller change, and save the journal under the lock.

        ``needs`` as in ``load``: the dated entries before its month are not read, and a
        change never touches them (entries the caller adds there are merged into their
        month's segment).
        """
        with self.locked():
            journal, read = self._open(self.read_bytes(), needs)
            yield journal
            self._save(journal, read)

    def _save(self, journal: Journal, read: _Read) -> None:
        assign_ids(journal)  # entries added by this change get their ids
        months = seg.group(journal)
        old = {ref.month: ref for ref in read.manifest.segments} if read.manifest else {}
        refs = dict(old)
        files: dict[str, bytes] = {}
        for month in sorted(set(old) | set(months)):
            segment = months.get(month)
            if read.has_month(month):
                if segment is None:
                    refs.pop(month, None)
                    continue
                before = read.months.get(month)
                if before is not None and seg.written_as(segment, before):
                    continue
                data = seg.encode(segment)
            else:
                if segment is None:
                    continue  # not read, not touched
                if month in old:  # an entry added to a month that was not read
                    ref = old[month]
                    path = self.segments_dir / ref.file
                    base = self._check_segment(ref, self._segment_bytes(ref), path)
                    segment = seg.merged(base, segment)
                data = seg.encode(segment)
            ref = seg.reference(segment, data)
            refs[month] = ref
            files[ref.file] = data
        manifest = _manifest(journal, [refs[m] for m in sorted(refs)])
        data = seg.encode_manifest(manifest)
        if not files and data == read.raw:
            return
        self._check_readback(data, files)
        with self._writing():
            premigration = read.version if read.manifest is None else None
            self._commit(data, files, read.raw, premigration)

    def _check_readback(self, manifest: bytes, files: dict[str, bytes]) -> None:
        """The new bytes must read back as a valid manifest and valid segments."""
        from backskills.models.journal import Manifest, Segment

        try:
            with _no_gc():  # as in reading: the same validation, without GC passes
                Manifest.model_validate_json(manifest)
                for data in files.values():
                    Segment.model_validate_json(data)
        except ValueError:
            raise JournalSaveFailed(
                "this change would make the journal unreadable, so it was not saved. "
                "Nothing was changed.",
                hint="This is a bug in backskills; please report it.",
            ) from None

    def _commit(
        self,
        manifest: bytes,
        files: dict[str, bytes],
        before: bytes | None,
        premigration_from: int | None,
        keep_before: bool = True,
        prerestore: bool = False,
    ) -> Path | None:
        """Write new segments (and copies), back up ``before``, then replace journal.json.

        Returns the backup made of ``before`` (None when there was nothing to keep or
        ``keep_before`` is False: the caller set it aside instead).
        """
        pending = self.data_dir / PENDING_NAME
        pending.touch(mode=0o600)  # a killed save leaves it: the next locked run tidies up
        created: list[Path] = []
        committed = False
        try:
            try:
                if files:
                    seg.ensure_dir(self.backups_dir)  # a link there is refused (exit 3)
            except UnsafeFile as exc:
                raise self._unsafe_backups(exc) from None
            try:
                seg.write_all(self.segments_dir, files, created)
                seg.write_all(self.copies_dir, files, created)
            except UnsafeFile as exc:
                raise _linked_folder_unchanged(exc) from None
            kept = None
            if before is not None and keep_before:
                kept = self._backup(before, premigration_from, also=manifest, prerestore=prerestore)
            self._replace_journal(manifest)
            committed = True
        finally:
            if not committed:  # a failed save (full disk, Ctrl-C) leaves nothing new behind
                for path in created:
                    with suppress(OSError):
                        path.unlink()
            with suppress(OSError):
                pending.unlink()
        return kept

    def _replace_journal(self, data: bytes) -> None:
        """Write the journal; Ctrl-C waits until it is written and noted as saved."""
        from backskills import interrupt

        with interrupt.held_back():
            write_atomic(self.journal_path, data)
            interrupt.note_saved()

    def _write_whole(
        self,
        journal: Journal,
        before: bytes | None,
        premigration_from: int | None = None,
        prerestore: bool = False,
    ) -> Path | None:
        """Save ``journal`` whole (restore, undo, import): every month's segment is
        written unless an intact file with its name is already there. Each id counter is
        first raised to the highest id in use, whatever the journal came with."""
        raise_counters(journal)
        assign_ids(journal)
        files: dict[str, bytes] = {}
        refs = []
        for _month, segment in sorted(seg.group(journal).items()):
            data = seg.encode(segment)
            ref = seg.reference(segment, data)
            refs.append(ref)
            files[ref.file] = data
        manifest = seg.encode_manifest(_manifest(journal, refs))
        self._check_readback(manifest, files)
        return self._commit(manifest, files, before, premigration_from, prerestore=prerestore)

    # -- unused segment files ------------------------------------------------------------
    def _referenced(self, candidates: set[str], also: bytes = b"") -> set[str]:
        """Which of ``candidates`` a kept manifest names: journal.json, ``also`` (about to
        be written), a backup, or a file in ``set-aside/``. Unsure counts as named."""
        left = candidates - seg.names_in(also)
        sources: list[Path] = [self.journal_path]
        with suppress(OSError):
            sources += [b.path for b in backup_files.list_backups(self.backups_dir)]
        with suppress(OSError):
            if real_subdir(self.set_aside_dir):
                sources += sorted(self.set_aside_dir.iterdir())
        for path in sources:
            if not left:
                break
            try:
                data = read_regular(path, follow=path == self.journal_path)
            except FileNotFoundError:
                continue
            except OSError:
                return set(candidates)  # cannot tell: keep everything
            left = {name for name in left if name.encode("ascii") not in data}
        return candidates - left

    def _collect(self, candidates: set[str], also: bytes = b"") -> None:
        """Delete the candidate segment files no kept manifest names (under the lock)."""
        unused = candidates - self._referenced(candidates, also)
        if unused:
            seg.delete(self.segments_dir, unused)
            seg.delete(self.copies_dir, unused)

    def _sweep(self) -> None:
        """After a cut-short save: delete segment files that no kept manifest names."""
        self._collect(seg.listed(self.segments_dir) | seg.listed(self.copies_dir))
        with suppress(OSError):
            (self.data_dir / PENDING_NAME).unlink()

    # -- backups, restore, import, export -------------------------------------------------
    def _backup(
        self,
        data: bytes,
        premigration_from: int | None = None,
        also: bytes = b"",
        prerestore: bool = False,
    ) -> Path:
        """Keep ``data`` as the newest backup and prune old ones (under the lock). Segment
        files only the pruned backups named are deleted (``also``: a manifest about to be
        written, whose files are kept). The journal a restore replaces (``prerestore``)
        prunes nothing: trying a backup and undoing that costs no older one."""
        try:
            path = backup_files.make_backup(
                self.backups_dir, data, premigration_from=premigration_from, prerestore=prerestore
            )
            gone = {} if prerestore else backup_files.prune_read(self.backups_dir)
        except UnsafeFile as exc:
            raise self._unsafe_backups(exc) from None
        named: set[str] = set()
        for text in gone.values():
            named |= seg.names_in(text)
        if named:
            self._collect(named, also)
        return path

    def _unsafe_backups(self, exc: UnsafeFile) -> JournalSaveFailed:
        return _linked_folder_unchanged(exc, ", so no backup can be kept")

    def backups(self) -> list[backup_files.Backup]:
        """Our backups, newest first (the order is by sequence number, never by clock)."""
        try:
            return backup_files.list_backups(self.backups_dir)
        except UnsafeFile as exc:
            raise _linked_folder(exc) from None

    def newest_good_backup(self) -> backup_files.Backup | None:
        """The backup ``data restore`` with no name goes back to: the newest that reads,
        passing over the journals earlier restores replaced (``-prerestore``)."""
        for backup in self.backups():
            if not backup.prerestore and self._is_good(backup.path):
                return backup
        return None

    def _is_good(self, path: Path) -> bool:
        try:
            self.decode_any(read_regular(path, follow=False), path)
        except (OSError, JournalUnreadable):
            return False
        return True

    def check(self) -> Loaded:
        """``data check``: read everything and check every segment file, reporting every
        damaged or missing one (by name, with its good copy) before stopping (exit 3)."""
        raw = self.read_bytes()
        if raw is None:
            return self.load_with_version()
        manifest, loaded = self._decode_file(raw, self.journal_path)
        if manifest is None:
            assert loaded is not None
            return loaded
        problems: list[JournalUnreadable] = []
        found = []
        unlike: list[str] = []  # months whose first dates in journal.json are not the file's
        folder = self.segments_dir
        with _no_gc():
            for ref in manifest.segments:
                try:
                    data = self._segment_bytes(ref, folder)
                    segment = self._check_segment(ref, data, folder / ref.file)
                except JournalUnreadable as exc:
                    problems.append(exc)
                    continue
                found.append(segment)
                if ref.first != seg.first_dates(segment):
                    unlike.append(ref.month)
        if problems:
            first = problems[0]
            more = len(problems) - 1
            extra = f" (and {more} more damaged or missing segment file{'s' * (more > 1)})"
            raise JournalUnreadable(
                first.message.rstrip(".") + (extra if more else "") + ".", hint=first.hint
            )
        if unlike:
            months = ", ".join(unlike[:3]) + (f" and {len(unlike) - 3} more" if unlike[3:] else "")
            raise self._unreadable(
                self.journal_path,
                f"keeps first dates for {months} that do not match their segment files",
            )
        if found:
            self._check_segments_private(folder)
        journal = _snapshot(manifest)
        seg.join(journal, found)
        clashes = id_problems(journal, manifest.last_ids)
        assign_ids(journal)
        return Loaded(journal, SCHEMA_VERSION, len(found), self._bad_copies(manifest), clashes)

    def _bad_copies(self, manifest: Manifest) -> list[str]:
        """The second copies in ``backups/segments/`` that are missing or not intact."""
        self._refuse_linked(self.copies_dir)
        bad = []
        for ref in manifest.segments:
            try:
                data = read_regular(self.copies_dir / ref.file, IMPORT_MAX_BYTES, follow=False)
                intact = hashlib.sha256(data).hexdigest() == ref.sha256
            except OSError:
                intact = False
            if not intact:
                bad.append(ref.file)
        return bad

    def backup_problems(self) -> dict[str, str]:
        """``data check``: what is wrong with each backup that could not be restored (by
        name): an unreadable manifest, or one listing a segment file of which no intact
        copy is left (each file checked once, however many backups list it). A backup of a
        one-file journal is only checked to start like one."""
        problems: dict[str, str] = {}
        whole: dict[str, bool] = {}
        for backup in self.backups():
            try:
                data = read_regular(backup.path, follow=False)
                if b'"segments"' not in data:
                    # A whole journal in one file (from before format 7): only its start is
                    # checked here, so that 'data check' stays as quick as one full read;
                    # 'data restore' reads it fully before it uses it.
                    if not looks_like_journal(data):
                        problems[backup.name] = "cannot be read"
                    continue
                manifest = self._decode_file(data, backup.path)[0]
            except (OSError, JournalUnreadable):
                problems[backup.name] = "cannot be read"
                continue
            for ref in manifest.segments if manifest is not None else []:
                key = f"{ref.file} {ref.sha256}"
                if key not in whole:
                    whole[key] = self._good_copy(ref) is not None
                if not whole[key]:
                    problems[backup.name] = f"lists {ref.file}, and no good copy of it is left"
                    break
        return problems

    def backup_now(self) -> Path:
        with self.locked():
            before = self.read_bytes()
            if before is None:
                raise NotFound("there is no journal yet, so there is nothing to back up.")
            manifest, _ = self._decode_file(before, self.journal_path)
            with self._writing():
                if manifest is not None:  # every segment whole, with its copy
                    whole = {}
                    for ref in manifest.segments:
                        data = self._segment_bytes(ref)
                        self._check_segment(ref, data, self.segments_dir / ref.file)
                        whole[ref.file] = data
                    try:
                        seg.write_all(self.copies_dir, whole, [])
                    except UnsafeFile as exc:
                        raise self._unsafe_backups(exc) from None
                return self._backup(before)

    def restore(self, name: str | backup_files.Backup | None = None) -> Restored:
        """``data restore``: go back to a backup, or repair segment files
        (``backskills/store/restore.py``)."""
        from backskills.store.restore import restore

        return restore(self, name)

    # -- undo -------------------------------------------------------------------------------
    def previous_state(self) -> PreviousState | None:
        """The journal as it was before the last change (``backskills/store/undo.py``)."""
        from backskills.store.undo import previous_state

        return previous_state(self)

    def step_back(self, state: PreviousState) -> Path | None:
        """Go back to ``state`` from ``previous_state`` (``backskills/store/undo.py``)."""
        from backskills.store.undo import step_back

        return step_back(self, state)

    def read_import(self, path: Path) -> Journal:
        """Read and validate a file for ``data import``; refuses anything invalid (exit 3).

        Only a regular file of at most ``IMPORT_MAX_BYTES`` is read.
        """
        try:
            data = read_regular(path, limit=IMPORT_MAX_BYTES)
        except FileNotFoundError:
            raise InvalidInput("FILE", f"{path} does not exist.") from None
        except UnsafeFile as exc:
            raise JournalUnreadable(
                f"cannot import: {path} {exc.reason}.", hint="Nothing was changed."
            ) from None
        except OSError as exc:
            raise InvalidInput("FILE", f"{path} cannot be read: {exc.strerror}.") from None
        try:
            if b'"segments"' in data and "segments" in self._parse_document(data, path):
                # A journal.json (one in set-aside/, say): whole when every segment file it
                # lists is here, intact.
                try:
                    journal = self.decode_any(data, path).journal
                except JournalUnreadable as exc:
                    raise JournalUnreadable(
                        f"{path} is the index of a journal kept in segment files (a "
                        f"journal.json), and it cannot be put together here: {exc.message}"
                    ) from None
            else:
                journal = self.decode(data, path).journal
        except JournalTooNew:
            raise
        except JournalUnreadable as exc:
            raise JournalUnreadable(
                f"cannot import: {exc.message}",
                hint="Nothing was changed. Import a file made with 'backskills data export'.",
            ) from None
        # Ids that clash cannot be put right here; counters that are too low are raised
        # when it is written (``_write_whole``).
        clashes = id_problems(journal, {})
        if clashes:
            raise JournalUnreadable(
                f"cannot import: {path} has entry ids that clash: " + "; ".join(clashes) + ".",
                hint="Nothing was changed. Import a file made with 'backskills data export' "
                "and not edited since.",
            )
        return journal

    def replace_with(self, journal: Journal) -> Path | None:
        """Replace the journal with ``journal`` (``data import``): current file backed up or set aside."""
        from backskills.store.restore import check_replaceable, keep_highest_ids, set_aside

        with self.locked():
            check_replaceable(self)
            keep_highest_ids(self, journal)  # an older export never brings back used ids
            before = self.read_bytes()
            readable = True
            if before is not None:
                try:
                    self._open(before, None)
                except JournalUnreadable:
                    readable = False
            with self._writing():
                kept = None if before is None or readable else set_aside(self)
                backup = self._write_whole(journal, before if readable else None)
            return backup if readable else kept

    def write_export(self, path: Path, data: bytes, overwrite: bool) -> None:
        """Write an export file: replaced atomically (never written through a link), 0600."""
        exists = path.exists() or path.is_symlink()
        if is_system_path(path.absolute().parent):
            raise Refused(
                f"{path} is in a system folder, so no export was written there.",
                hint="Choose a file in a folder of your own.",
            )
        if exists and not overwrite:
            raise Refused(f"{path} already exists.", hint="Choose another name or add --force.")
        if exists:
            kind = describe_kind(os.lstat(path).st_mode)
            if kind and not path.is_symlink():
                raise Refused(f"{path} {kind}, so no export was written there.")
        try:
            write_atomic(path, data, follow_link=False)
        except OSError as exc:
            raise JournalSaveFailed(f"could not write {path} ({exc.strerror}).") from None


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a journal is built.

    Validation creates tens of thousands of small objects and no reference cycles; the
    collector would otherwise run hundreds of times for nothing (a 10-year journal loads
    noticeably faster without it). Reference counting still frees memory as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _real(folder: Path) -> bool:
    """True for a real folder; False when it is missing or a link (never followed)."""
    try:
        return real_subdir(folder)
    except UnsafeFile:
        return False


def _snapshot(manifest: Manifest) -> Journal:
    """The journal a manifest describes, its dated lists still empty (no validation again:
    the manifest was just validated)."""
    return Journal.model_construct(
        **{name: getattr(manifest, name) for name in Journal.model_fields}
    )


def _manifest(journal: Journal, refs: list[SegmentRef]) -> Manifest:
    from backskills.models.journal import Manifest

    values = {name: getattr(journal, name) for name in Journal.model_fields}
    return Manifest.model_construct(**values, segments=refs)


FOLDER_HINT = "Make {} an ordinary folder again (move the link away)."


def _linked_folder(exc: UnsafeFile) -> JournalUnreadable:
    """A folder of ours that is a link (or not ours), found while reading (exit 3)."""
    return JournalUnreadable(
        f"{exc.path} {exc.reason}. Nothing was read or changed.",
        hint=FOLDER_HINT.format(exc.path),
    )


def _linked_folder_unchanged(exc: UnsafeFile, why: str = "") -> JournalSaveFailed:
    """The same, found before a change was written (exit 3, nothing written)."""
    return JournalSaveFailed(
        f"{exc.path} {exc.reason}{why}. Nothing was changed.", hint=FOLDER_HINT.format(exc.path)
    )


def _save_failed(exc: OSError, what: str) -> JournalSaveFailed:
    reason = exc.strerror or type(exc).__name__
    return JournalSaveFailed(
        f"{what} ({reason}). The previous journal is unchanged.",
        hint="Free some disk space or check the folder's permissions, then try again.",
    )


def _env_lock_timeout() -> float:
    from backskills.settings import lock_timeout

    return lock_timeout()
