"""The journal store: the only code that opens the journal.

Flow of a change (``Store.transaction``), in the spirit of jrnl's controller:

1. create the data directory (0700) if needed and take the inter-process lock
   (``journal.lock``, waiting up to ``lock_timeout`` seconds, then ``JournalBusy``);
2. remove temporary files a killed run left behind;
3. read the journal bytes; a missing file is a new, empty journal; anything unreadable
   raises ``JournalUnreadable`` and is never written;
4. migrate an older schema in memory; refuse a newer one;
5. hand the ``Journal`` to the caller, who changes it;
6. serialise it; if nothing changed, stop (no write); check the bytes read back;
7. copy the previous file into ``backups/`` and prune old backups;
8. replace the journal atomically (``atomic.write_atomic``); release the lock.

Reading (``Store.load``) takes no lock and never writes.
"""

from __future__ import annotations

import gc
import json
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

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
from backskills.models.entries import assign_ids
from backskills.store import backups as backup_files
from backskills.store.atomic import clean_temp_files, write_atomic
from backskills.store.migrations import migrate
from backskills.store.paths import (
    BACKUP_DIR,
    JOURNAL_NAME,
    LOCK_NAME,
    SET_ASIDE_DIR,
    resolve_data_dir,
)
from backskills.store.safefile import (
    UnsafeFile,
    check_journal_link,
    describe_kind,
    is_system_path,
    make_private_dirs,
    read_regular,
    real_subdir,
)

ENV_LOCK_TIMEOUT = settings.LOCK_TIMEOUT
# ``data import`` reads at most this much. A ten-year journal is a few megabytes.
IMPORT_MAX_BYTES = 50 * 1024 * 1024
# Integers longer than this are no journal number (ids, positions, counts); Python would
# refuse to convert the biggest ones anyway.
INT_MAX_DIGITS = 20
LINK_HINT = (
    "backskills reads and writes through a journal.json link only when it leads to your "
    "journal in a folder you own (README: Keeping it safe). Remove the link or point it "
    "at your journal."
)

__all__ = ["Loaded", "Needs", "PreviousState", "Store", "resolve_data_dir", "serialise"]

# What a command reads: called with the journal's snapshot (every field filled except the
# dated lists in ``models.journal.DATED_LISTS``, which are empty), it returns the first date
# whose dated entries the command uses, or None for all of them. The store may hand over
# more than that (whole months), never less.
Needs = Callable[[Journal], date | None]


def serialise(journal: Journal) -> bytes:
    """The journal file's bytes (also ``data export``): control characters, DEL and
    bidirectional overrides inside strings are written as ``\\uXXXX`` escapes."""
    from backskills.safetext import escape_json

    return escape_json(journal.model_dump_json(indent=1)).encode("utf-8") + b"\n"


@dataclass
class Loaded:
    journal: Journal
    version: int  # schema version of the file as read (before migration)


@dataclass
class PreviousState:
    """What ``Store.previous_state`` found: the journal before the last change, and now."""

    journal: Journal  # the state undo goes back to
    current: Journal  # the journal as it is now
    changed_at: datetime  # when the change that undo takes back was saved
    _current_bytes: bytes = field(repr=False, default=b"")
    _used: tuple[backup_files.Backup, ...] = field(repr=False, default=())


@dataclass
class Store:
    data_dir: Path
    lock_timeout: float = field(default_factory=lambda: _env_lock_timeout())
    warnings: list[str] = field(default_factory=list)

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

        ``needs`` (see ``Needs``) lets a command read only the dated entries it uses.
        """
        return self.load_with_version().journal

    def load_with_version(self) -> Loaded:
        data = self.read_bytes()
        if data is None:
            try:
                some = bool(backup_files.list_backups(self.backups_dir))
            except UnsafeFile:
                some = False
            if some:
                self.warnings.append(
                    f"There is no journal at {self.journal_path}, but there are backups. "
                    "If this is unexpected, run: backskills data restore"
                )
            return Loaded(Journal(), SCHEMA_VERSION)
        return self.decode(data, self.journal_path)

    def decode(self, data: bytes, source: Path) -> Loaded:
        """Validate bytes as a journal. Messages name the problem, never the content."""
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
        document = self._parse_document(data, source)
        version = document.get("schema_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise self._unreadable(source, "has no valid schema_version")
        if version > SCHEMA_VERSION:
            raise JournalTooNew(
                f"{source} was written by a newer backskills (journal format {version}; this "
                f"version reads up to {SCHEMA_VERSION}). Nothing was changed.",
                hint="Upgrade backskills (pip install --upgrade backskills) and try again.",
            )
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
            raise self._unreadable(source, _describe_validation(exc)) from None
        assign_ids(journal)
        return Loaded(journal, version)

    def _parse_document(self, data: bytes, source: Path) -> dict[str, object]:
        if not data.strip(b" \t\r\n"):
            raise self._unreadable(source, "is empty")
        if not data.strip(b"\x00 \t\r\n"):
            raise self._unreadable(
                source, "holds only NUL bytes (it was probably cut short by a crash or disk fault)"
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise self._unreadable(
                source, f"is not UTF-8 text (bad byte at offset {exc.start})"
            ) from None
        try:
            document = json.loads(
                text, object_pairs_hook=_object, parse_int=_parse_int, parse_constant=_Constant
            )
            _check_tree(document)
        except json.JSONDecodeError as exc:
            raise self._unreadable(
                source, f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
            ) from None
        except RecursionError:
            raise self._unreadable(source, "is nested far too deeply to be a journal") from None
        except _StrictJsonError as exc:
            raise self._unreadable(source, exc.problem) from None
        except ValueError:  # anything else json refuses: never a crash
            raise self._unreadable(source, "is not valid JSON") from None
        if not isinstance(document, dict):
            raise self._unreadable(
                source, "does not hold a journal (expected a JSON object at the top)"
            )
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

    def _check_permissions(self, path: Path) -> None:
        try:
            mode = path.stat().st_mode
        except OSError:
            return
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            what = "read" if mode & (stat.S_IRGRP | stat.S_IROTH) else "changed"
            self.warnings.append(
                f"{path} can be {what} by other users of this computer. "
                f"To keep it private, run: chmod 600 {path}"
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
        """Hold the inter-process lock; stray temporary files are removed under it."""
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

        Only the data folder itself and its own sub-folders: never the folder a
        journal.json link leads to, never through a backups/ link.
        """
        return [self.data_dir, self.backups_dir, self.set_aside_dir]

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

        ``needs`` as in ``load``: the dated entries before its date are not read, and a
        change never touches them (entries the caller adds before it are still saved).
        """
        with self.locked():
            before = self.read_bytes()
            loaded = self.decode(before, self.journal_path) if before is not None else None
            journal = loaded.journal if loaded else Journal()
            yield journal
            self._save(journal, before, loaded.version if loaded else SCHEMA_VERSION)

    def _save(self, journal: Journal, before: bytes | None, version: int) -> None:
        assign_ids(journal)  # entries added by this change get their ids
        data = serialise(journal)
        if data == before:
            return
        try:
            with _no_gc():  # as in decode: the same full validation, without GC passes
                Journal.model_validate_json(data)
        except ValueError:
            raise JournalSaveFailed(
                "this change would make the journal unreadable, so it was not saved. "
                "Nothing was changed.",
                hint="This is a bug in backskills; please report it.",
            ) from None
        with self._writing():
            if before is not None:
                self._backup(
                    before, premigration_from=version if version < SCHEMA_VERSION else None
                )
            self._replace_journal(data)

    def _replace_journal(self, data: bytes) -> None:
        """Write the journal; Ctrl-C waits until it is written and noted as saved."""
        from backskills import interrupt

        with interrupt.held_back():
            write_atomic(self.journal_path, data)
            interrupt.note_saved()

    # -- backups, restore, import, export -------------------------------------------------
    def _backup(self, data: bytes, premigration_from: int | None = None) -> Path:
        """Keep ``data`` as the newest backup and prune old ones (under the lock)."""
        try:
            path = backup_files.make_backup(
                self.backups_dir, data, premigration_from=premigration_from
            )
            backup_files.prune(self.backups_dir)
        except UnsafeFile as exc:
            raise self._unsafe_backups(exc) from None
        return path

    def _unsafe_backups(self, exc: UnsafeFile) -> JournalSaveFailed:
        return JournalSaveFailed(
            f"{exc.path} {exc.reason}, so no backup can be kept. Nothing was changed.",
            hint=f"Make {exc.path} an ordinary folder again (move the link away).",
        )

    def backups(self) -> list[backup_files.Backup]:
        """Our backups, newest first (the order is by sequence number, never by clock)."""
        try:
            return backup_files.list_backups(self.backups_dir)
        except UnsafeFile as exc:
            raise JournalUnreadable(
                f"{exc.path} {exc.reason}. Nothing was read or changed.",
                hint=f"Make {exc.path} an ordinary folder again (move the link away).",
            ) from None

    def newest_good_backup(self) -> backup_files.Backup | None:
        for backup in self.backups():
            if self._is_good(backup.path):
                return backup
        return None

    def _is_good(self, path: Path) -> bool:
        try:
            self.decode(read_regular(path, follow=False), path)
        except (OSError, JournalUnreadable):
            return False
        return True

    def backup_now(self) -> Path:
        with self.locked():
            before = self.read_bytes()
            if before is None:
                raise NotFound("there is no journal yet, so there is nothing to back up.")
            self.decode(before, self.journal_path)
            with self._writing():
                return self._backup(before)

    def restore(
        self, name: str | backup_files.Backup | None = None
    ) -> tuple[backup_files.Backup, Path | None]:
        """Restore a backup (the newest good one by default, or one from ``backups()``).

        The current file, readable or not, is first kept in ``set-aside/``. Returns the
        backup used and where the previous journal was set aside (None if there was none).
        """
        if isinstance(name, backup_files.Backup):
            name = name.name
        with self.locked():
            self._check_replaceable()
            if name is None:
                chosen = self.newest_good_backup()
                if chosen is None:
                    raise NotFound("there is no good backup to restore.")
            else:
                matches = [b for b in self.backups() if b.name == name or b.path.stem == name]
                if not matches:
                    raise NotFound(
                        f"there is no backup called '{name}'.",
                        hint="See the list with: backskills data check",
                    )
                chosen = matches[0]
            try:
                data = read_regular(chosen.path, follow=False)
            except UnsafeFile as exc:
                raise JournalUnreadable(f"{chosen.path} {exc.reason}.") from None
            except OSError as exc:
                raise JournalUnreadable(f"{chosen.path} cannot be read: {exc.strerror}.") from None
            loaded = self.decode(data, chosen.path)
            with self._writing():
                aside = self._set_aside()
                self._replace_journal(
                    serialise(loaded.journal) if loaded.version < SCHEMA_VERSION else data
                )
            return chosen, aside

    def _check_replaceable(self) -> None:
        """Refuse to replace a journal.json that is not ours to replace (exit 3).

        A FIFO, socket, device or folder, or a link the rule does not allow. A regular
        file that cannot be read as a journal is fine: it is set aside first.
        """
        path = self.journal_path
        try:
            check_journal_link(path)
            st = os.stat(path)
        except FileNotFoundError:
            return
        except UnsafeFile as exc:
            raise JournalUnreadable(
                f"{path} {exc.reason}. Nothing was changed.", hint=LINK_HINT
            ) from None
        kind = describe_kind(st.st_mode)
        if kind:
            raise JournalUnreadable(f"{path} {kind}. Nothing was changed.")

    def _set_aside(self) -> Path | None:
        """Keep a copy of the current journal file (even an unreadable one)."""
        try:
            current = read_regular(self.journal_path)
        except FileNotFoundError:
            return None
        except UnsafeFile as exc:
            raise JournalUnreadable(
                f"{self.journal_path} {exc.reason}. Nothing was changed."
            ) from None
        try:
            if not real_subdir(self.set_aside_dir):
                make_private_dirs(self.set_aside_dir)
        except UnsafeFile as exc:
            raise JournalSaveFailed(
                f"{exc.path} {exc.reason}. Nothing was changed.",
                hint=f"Make {exc.path} an ordinary folder again (move the link away).",
            ) from None
        now = backup_files.utc_now()
        target = self.set_aside_dir / f"journal-{now:%Y%m%dT%H%M%S}-{now:%f}Z.json"
        write_atomic(target, current)
        return target

    # -- undo -------------------------------------------------------------------------------
    def previous_state(self) -> PreviousState | None:
        """The journal as it was before the last change, or None when none is kept.

        The one place that knows how earlier states are kept (today: the newest backup whose
        content differs from the journal). ``step_back`` goes back to it.
        """
        current = self.read_bytes()
        if current is None:
            return None
        now = self.decode(current, self.journal_path).journal
        now_bytes = serialise(now)
        same: list[backup_files.Backup] = []
        for backup in self.backups():
            try:
                data = read_regular(backup.path, follow=False)
                earlier = self.decode(data, backup.path).journal
            except (OSError, JournalUnreadable):  # UnsafeFile is an OSError
                continue  # a damaged backup is left alone for 'data check' to report
            if data == current or serialise(earlier) == now_bytes:
                same.append(backup)  # e.g. 'data backup': no change since it was taken
                continue
            return PreviousState(
                journal=earlier,
                current=now,
                changed_at=backup.taken,
                _current_bytes=current,
                _used=(*same, backup),
            )
        return None

    def step_back(self, state: PreviousState) -> Path | None:
        """Go back to ``state`` (from ``previous_state``). The journal being undone is kept in
        ``set-aside/``, and the backups used are moved there too, so a second undo steps back
        one change further and nothing is ever deleted. Returns where the undone journal is.
        """
        with self.locked():
            self._check_replaceable()
            if self.read_bytes() != state._current_bytes:
                raise Refused(
                    "the journal changed while undo was waiting, so nothing was undone.",
                    hint="Run 'backskills undo' again to see what it would take back now.",
                )
            with self._writing():
                aside = self._set_aside()
                self._replace_journal(serialise(state.journal))
                for used in state._used:  # _set_aside made the folder
                    with suppress(FileNotFoundError):
                        os.replace(used.path, self.set_aside_dir / f"undone-{used.name}")
            return aside

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
            return self.decode(data, path).journal
        except JournalTooNew:
            raise
        except JournalUnreadable as exc:
            raise JournalUnreadable(
                f"cannot import: {exc.message}", hint="Nothing was changed."
            ) from None

    def replace_with(self, journal: Journal) -> Path | None:
        """Replace the journal with ``journal`` (``data import``): current file backed up or set aside."""
        with self.locked():
            self._check_replaceable()
            before = self.read_bytes()
            kept: Path | None = None
            readable = True
            if before is not None:
                try:
                    self.decode(before, self.journal_path)
                except JournalUnreadable:
                    readable = False
            with self._writing():
                if before is not None and readable:
                    kept = self._backup(before)
                elif before is not None:
                    kept = self._set_aside()
                assign_ids(journal)
                self._replace_journal(serialise(journal))
            return kept

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


def _save_failed(exc: OSError, what: str) -> JournalSaveFailed:
    reason = exc.strerror or type(exc).__name__
    return JournalSaveFailed(
        f"{what} ({reason}). The previous journal is unchanged.",
        hint="Free some disk space or check the folder's permissions, then try again.",
    )


def _env_lock_timeout() -> float:
    from backskills.settings import lock_timeout

    return lock_timeout()


def _describe_validation(exc: object) -> str:
    from pydantic import ValidationError

    assert isinstance(exc, ValidationError)
    errors = exc.errors(include_url=False, include_context=False, include_input=False)
    first = errors[0]
    loc = tuple(first["loc"])
    more = (
        f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})"
        if len(errors) > 1
        else ""
    )
    if first["type"] == "extra_forbidden":
        # The unknown key is not ours: it may be the patient's own text. Name where it is.
        where = _field_path(loc[:-1])
        where = "at the top level" if where == "the top level" else f"in {where}"
        return f"has a field backskills does not know {where}{more}"
    return f"does not match the journal format at {_field_path(loc)}: {first['msg']}{more}"


def _field_path(loc: tuple[Any, ...]) -> str:
    """A position in the schema (``records[41].amount``); only our own field names appear."""
    known = _schema_field_names()
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part in known:
            text += f".{part}" if text else part
    return text or "the top level"


def _schema_field_names() -> frozenset[str]:
    from backskills.models.base import StrictModel

    names: set[str] = set()
    pending: list[type[StrictModel]] = [StrictModel]
    while pending:
        model = pending.pop()
        names.update(model.model_fields)
        pending.extend(model.__subclasses__())
    return frozenset(names)


# -- strict JSON: duplicate keys, huge integers and NaN are refused with their position ----
class _StrictJsonError(ValueError):
    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class _Object(dict[str, Any]):
    """A JSON object as parsed; remembers a key that came twice (json keeps the last)."""

    twice: str | None = None


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    result = _Object()
    for key, value in pairs:
        if key in result and result.twice is None:
            result.twice = key
        result[key] = value
    return result


class _HugeInt:
    def __init__(self, digits: int) -> None:
        self.digits = digits


class _Constant:
    def __init__(self, name: str) -> None:
        self.name = name


def _parse_int(text: str) -> int | _HugeInt:
    digits = len(text.lstrip("-"))
    return _HugeInt(digits) if digits > INT_MAX_DIGITS else int(text)


def _check_tree(root: Any) -> None:
    """Refuse what json.loads lets through: a key twice, a huge integer, NaN (no recursion)."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(root, ())]
    while stack:
        node, loc = stack.pop()
        if isinstance(node, _Object):
            if node.twice is not None:
                named = f" ({node.twice})" if node.twice in _schema_field_names() else ""
                raise _StrictJsonError(f"has the same field twice{named} in {_field_path(loc)}")
            stack.extend((value, (*loc, key)) for key, value in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((item, (*loc, i)) for i, item in reversed(list(enumerate(node))))
        elif isinstance(node, _HugeInt):
            _refuse_number(loc, f"a number {node.digits:,} digits long")
        elif isinstance(node, _Constant):
            _refuse_number(loc, "NaN or Infinity, which is not a number")


def _refuse_number(loc: tuple[Any, ...], what: str) -> None:
    raise _StrictJsonError(f"holds {what} at {_field_path(loc)}")
