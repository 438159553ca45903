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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

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

ENV_LOCK_TIMEOUT = settings.LOCK_TIMEOUT

__all__ = ["Loaded", "Store", "resolve_data_dir", "serialise"]


def serialise(journal: Journal) -> bytes:
    return journal.model_dump_json(indent=1).encode("utf-8") + b"\n"


@dataclass
class Loaded:
    journal: Journal
    version: int  # schema version of the file as read (before migration)


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
        return self.journal_path.exists()

    def read_bytes(self) -> bytes | None:
        """The journal's bytes, or None when there is no journal yet."""
        path = self.journal_path
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            if path.is_symlink():
                raise JournalUnreadable(
                    f"{path} is a link to a file that does not exist.",
                    hint="Point the link at your journal, or remove it to start a new one.",
                ) from None
            return None
        except IsADirectoryError:
            raise JournalUnreadable(f"{path} is a folder, not a journal file.") from None
        except PermissionError:
            raise JournalUnreadable(
                f"{path} cannot be opened: permission denied.",
                hint=f"Check the file's owner and permissions (chmod 600 {path}).",
            ) from None
        except OSError as exc:
            raise JournalUnreadable(f"{path} cannot be read: {exc.strerror}.") from None
        self._check_permissions(path)
        return data

    def load(self) -> Journal:
        """The journal for reading: no lock, no write. A missing journal is empty."""
        return self.load_with_version().journal

    def load_with_version(self) -> Loaded:
        data = self.read_bytes()
        if data is None:
            if backup_files.list_backups(self.backups_dir):
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
                if fast.schema_version == SCHEMA_VERSION:
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
        from pydantic import ValidationError

        try:
            journal = Journal.model_validate(document)
        except ValidationError as exc:
            raise self._unreadable(source, _describe_validation(exc)) from None
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
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise self._unreadable(
                source, f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
            ) from None
        except RecursionError:
            raise self._unreadable(source, "is nested far too deeply to be a journal") from None
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
        if not self.data_dir.exists():
            self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(self.data_dir, 0o700)

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the inter-process lock; stray temporary files are removed under it."""
        from filelock import FileLock, Timeout

        try:
            self.ensure_dir()
            lock = FileLock(str(self.lock_path), timeout=self.lock_timeout, mode=0o600)
            lock.acquire()
        except Timeout:
            raise JournalBusy(
                "the journal is busy: another backskills command is using it.",
                hint=(
                    f"Wait a moment and try again (it waited {self.lock_timeout:g} s; "
                    f"set {ENV_LOCK_TIMEOUT} to wait longer)."
                ),
            ) from None
        except OSError as exc:
            raise _save_failed(exc, f"cannot use the folder {self.data_dir}") from None
        try:
            for directory in self._temp_dirs():
                clean_temp_files(directory)
            yield
        finally:
            lock.release()

    def _temp_dirs(self) -> list[Path]:
        """Every folder the store writes temporary files in (cleaned under the lock)."""
        dirs = [self.data_dir, self.backups_dir, self.set_aside_dir]
        try:
            real = self.journal_path.resolve().parent
        except (OSError, RuntimeError):  # a symlink loop: reading reports it
            return dirs
        if real not in {d.resolve() for d in dirs}:
            dirs.append(real)
        return dirs

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Turn a failed write (full disk, permissions) into exit 3; files are left intact."""
        try:
            yield
        except OSError as exc:
            raise _save_failed(exc, "could not save the journal") from None

    @contextmanager
    def transaction(self) -> Iterator[Journal]:
        """Read, let the caller change, and save the journal under the lock."""
        with self.locked():
            before = self.read_bytes()
            loaded = self.decode(before, self.journal_path) if before is not None else None
            journal = loaded.journal if loaded else Journal()
            yield journal
            self._save(journal, before, loaded.version if loaded else SCHEMA_VERSION)

    def _save(self, journal: Journal, before: bytes | None, version: int) -> None:
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
                backup_files.make_backup(
                    self.backups_dir,
                    before,
                    datetime.now(),
                    premigration_from=version if version < SCHEMA_VERSION else None,
                )
                backup_files.prune(self.backups_dir, datetime.now().date())
            self._replace_journal(data)

    def _replace_journal(self, data: bytes) -> None:
        """Write the journal; Ctrl-C waits until it is written and noted as saved."""
        from backskills import interrupt

        with interrupt.held_back():
            write_atomic(self.journal_path, data)
            interrupt.note_saved()

    # -- backups, restore, import, export -------------------------------------------------
    def backups(self) -> list[backup_files.Backup]:
        return backup_files.list_backups(self.backups_dir)

    def newest_good_backup(self) -> backup_files.Backup | None:
        for backup in self.backups():
            if self._is_good(backup.path):
                return backup
        return None

    def _is_good(self, path: Path) -> bool:
        try:
            self.decode(path.read_bytes(), path)
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
                path = backup_files.make_backup(self.backups_dir, before, datetime.now())
                backup_files.prune(self.backups_dir, datetime.now().date())
            return path

    def restore(self, name: str | None = None) -> tuple[backup_files.Backup, Path | None]:
        """Restore a backup (the newest good one by default).

        The current file, readable or not, is first kept in ``set-aside/``. Returns the
        backup used and where the previous journal was set aside (None if there was none).
        """
        with self.locked():
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
                data = chosen.path.read_bytes()
            except OSError as exc:
                raise JournalUnreadable(f"{chosen.path} cannot be read: {exc.strerror}.") from None
            loaded = self.decode(data, chosen.path)
            with self._writing():
                aside = self._set_aside()
                self._replace_journal(
                    serialise(loaded.journal) if loaded.version < SCHEMA_VERSION else data
                )
            return chosen, aside

    def _set_aside(self) -> Path | None:
        """Keep a copy of the current journal file (even an unreadable one)."""
        try:
            current = self.journal_path.read_bytes()
        except FileNotFoundError:
            return None
        self.set_aside_dir.mkdir(mode=0o700, exist_ok=True)
        now = datetime.now()
        target = self.set_aside_dir / f"journal-{now:%Y%m%dT%H%M%S}-{now:%f}.json"
        write_atomic(target, current)
        return target

    def read_import(self, path: Path) -> Journal:
        """Read and validate a file for ``data import``; refuses anything invalid."""
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise InvalidInput("FILE", f"{path} does not exist.") from None
        except OSError as exc:
            raise InvalidInput("FILE", f"{path} cannot be read: {exc.strerror}.") from None
        try:
            return self.decode(data, path).journal
        except JournalTooNew:
            raise
        except JournalUnreadable as exc:
            raise Refused(f"cannot import: {exc.message}", hint="Nothing was changed.") from None

    def replace_with(self, journal: Journal) -> Path | None:
        """Replace the journal with ``journal`` (``data import``): current file backed up or set aside."""
        with self.locked():
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
                    kept = backup_files.make_backup(self.backups_dir, before, datetime.now())
                    backup_files.prune(self.backups_dir, datetime.now().date())
                elif before is not None:
                    kept = self._set_aside()
                self._replace_journal(serialise(journal))
            return kept

    def write_export(self, path: Path, data: bytes, overwrite: bool) -> None:
        if path.exists() and not overwrite:
            raise Refused(f"{path} already exists.", hint="Choose another name or add --force.")
        try:
            write_atomic(path, data)
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
    where = _field_path(first["loc"])
    more = (
        f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})"
        if len(errors) > 1
        else ""
    )
    return f"does not match the journal format at {where}: {first['msg']}{more}"


def _field_path(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
            continue
        name = "".join(ch for ch in str(part) if ch.isprintable())
        name = name if len(name) <= 40 else name[:39] + "…"
        text += f".{name}" if text else name
    return text or "the top level"
