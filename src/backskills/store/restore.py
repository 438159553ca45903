"""Restore and repair: putting a whole journal back, and keeping what it replaces.

``data restore`` (``Store.restore``) either repairs a readable ``journal.json`` whose only
trouble is damaged or missing segment files (each put back from its good copy in
``backups/segments/``, the damaged file moved into ``set-aside/``), or goes back to a
backup: the newest good one, or one named. A backup's months are put together one by one
(``_assemble``): a month with no intact copy left is taken from the newest backup holding
an intact older version of it, or reported lost; an intact month is never dropped. Id
counters are raised to the highest any kept manifest remembers, so no id is handed out
twice. Before anything is written the current journal, readable or not, is kept in
``set-aside/`` (``set_aside``).

``check_replaceable``, ``check_folders`` and ``set_aside`` are also the first steps of
undo and ``data import`` (``store.undo.step_back``, ``Store.replace_with``): they replace
the journal whole too. ``older_month`` also names, in the message about a damaged month
file, the backup its newest good copy is in (``Store._copy_hint``).

Why functions taking the ``Store``: restoring has no state of its own (everything it
reads and writes goes through the store's paths, lock and checked reads), so a class would
only wrap the store again; and as a separate module it is imported only by the commands
that replace the journal (``Store.restore`` and the others import it when called), never
at start-up. A mixin would be loaded with ``Store`` by every command. The functions use
the store's private reading and writing helpers (``_decode_file``, ``_check_segment``,
``_write_whole`` ...): this module is part of the store package.
"""

from __future__ import annotations

import errno
import os
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from backskills.errors import JournalSaveFailed, JournalUnreadable, NotFound
from backskills.models import Journal
from backskills.models.entries import assign_ids
from backskills.plain import field, plain
from backskills.store import (
    LINK_HINT,
    Store,
    _linked_folder_unchanged,
    _no_gc,
    _snapshot,
    serialise,
)
from backskills.store import backups as backup_files
from backskills.store import segments as seg
from backskills.store.atomic import write_atomic
from backskills.store.safefile import (
    UnsafeFile,
    check_journal_link,
    describe_kind,
    make_private_dirs,
    read_regular,
    real_subdir,
)

if TYPE_CHECKING:
    from backskills.models.journal import Manifest, Segment, SegmentRef


@plain
class Restored:
    """What ``Store.restore`` did: went back to a backup, or repaired segment files."""

    backup: backup_files.Backup | None  # the backup restored (None: segments repaired)
    set_aside: Path | None  # where the replaced journal is kept
    repaired: list[str] = field(default_factory=list)  # segment files put back from copies
    # Months no intact copy of the restored version was left of: each taken from the newest
    # backup that still holds an intact older version of it (month -> that backup's name) ...
    older: dict[str, str] = field(default_factory=dict)
    # ... or, when no older backup has one, from the oldest newer backup that does (a
    # restore of an older backup only: its entries may be later than that backup) ...
    newer: dict[str, str] = field(default_factory=dict)
    lost: list[str] = field(default_factory=list)  # ... or of which no intact copy was found
    # The journal replaced was kept as a backup too, so 'undo' can take the restore back
    # (False: it could not be read, or there was none).
    undoable: bool = False
    unchanged: bool = False  # the backup held just what the journal holds: nothing was written


def restore(store: Store, name: str | backup_files.Backup | None = None) -> Restored:
    """Restore a backup (the newest good one by default, or one from ``Store.backups()``).

    With no name, a readable journal.json whose only trouble is damaged or missing
    segment files is repaired from their good copies instead. Otherwise the current
    file, readable or not, is first kept in ``set-aside/``.
    """
    if isinstance(name, backup_files.Backup):
        name = name.name
    with store.locked():
        check_replaceable(store)
        check_folders(store)
        chosen: backup_files.Backup | None = None
        manifest: Manifest | None = None
        if name is None:
            repaired, manifest = _repair(store)
            if repaired:
                return Restored(None, None, repaired)
            if manifest is None:
                chosen = _newest_restorable(store)
                if chosen is None:
                    raise NotFound("there is no good backup to restore.")
        else:
            matches = [b for b in store.backups() if b.name == name or b.path.stem == name]
            if not matches:
                raise NotFound(
                    f"there is no backup called '{name}'.",
                    hint="See the list with: backskills data check",
                )
            chosen = matches[0]
        older: dict[str, str] = {}
        newer: dict[str, str] = {}
        lost: list[str] = []
        journal = Journal()
        if chosen is not None:
            try:
                data = read_regular(chosen.path, follow=False)
            except UnsafeFile as exc:
                raise JournalUnreadable(f"{chosen.path} {exc.reason}.") from None
            except OSError as exc:
                raise JournalUnreadable(f"{chosen.path} cannot be read: {exc.strerror}.") from None
            manifest, loaded = store._decode_file(data, chosen.path)
            if manifest is None:
                assert loaded is not None
                journal = loaded.journal
        if manifest is not None:
            journal, older, newer, lost = _assemble(store, manifest, chosen)
        keep_highest_ids(store, journal)
        before, current = _whole(store)
        repaired_months = older or newer or lost
        if current is not None and not repaired_months and _same_entries(current, journal):
            # Nothing to change (the backup is the journal as it is): nothing is written,
            # so there is nothing for 'undo' to take back either.
            return Restored(chosen, None, [], unchanged=True)
        with store._writing():
            aside = set_aside(store, current)
            # The journal replaced is also kept as a backup (a "prerestore" one, which a
            # restore with no name passes over), so 'undo' can take the restore back.
            store._write_whole(journal, before, prerestore=True)
        return Restored(chosen, aside, [], older, newer, lost, undoable=before is not None)


def _whole(store: Store) -> tuple[bytes | None, Journal | None]:
    """journal.json as it is and the whole journal it makes, when it and every month it
    lists can be read (it can then be a backup like any other); else (None, None): it is
    only set aside."""
    try:
        current = store.read_bytes()
        if current is not None:
            return current, store._open(current, None)[0]
    except (OSError, JournalUnreadable):
        pass
    return None, None


def _same_entries(one: Journal, other: Journal) -> bool:
    """Whether two journals hold the same, their id counters aside (a restore raises those)."""

    def content(journal: Journal) -> bytes:
        return serialise(journal.model_copy(update={"last_ids": {}}))

    return content(one) == content(other)


def _newest_restorable(store: Store) -> backup_files.Backup | None:
    """The newest backup whose file can be read (its months are checked one by one
    when it is put together: ``_assemble``), passing over the journals earlier restores
    replaced: running ``data restore`` twice restores the same backup twice."""
    for backup in store.backups():
        if backup.prerestore:
            continue
        try:
            store._decode_file(read_regular(backup.path, follow=False), backup.path)
        except (OSError, JournalUnreadable):
            continue
        return backup
    return None


def _assemble(
    store: Store, manifest: Manifest, restoring: backup_files.Backup | None = None
) -> tuple[Journal, dict[str, str], dict[str, str], list[str]]:
    """The whole journal a manifest lists, never dropping an intact month.

    ``manifest`` is journal.json's, or that of the backup ``restoring``. A month with no
    intact copy left (in ``segments/`` or ``backups/segments/``) is taken from the newest
    backup older than that one which holds an intact version of it (returned as month ->
    backup name); failing that, from the oldest newer backup that does (second mapping);
    or it is left out (returned as lost).
    """
    journal = _snapshot(manifest)
    journal.last_ids = dict(manifest.last_ids)
    found: list[Segment] = []
    older: dict[str, str] = {}
    newer: dict[str, str] = {}
    lost: list[str] = []
    with _no_gc():
        for ref in manifest.segments:
            segment = _intact(store, ref)
            if segment is None:
                other = other_month(store, ref, restoring)
                if other is None:
                    lost.append(ref.month)
                    continue
                segment, name, is_older = other
                (older if is_older else newer)[ref.month] = name
            found.append(segment)
    seg.join(journal, found)
    assign_ids(journal)
    return journal, older, newer, lost


def _intact(store: Store, ref: SegmentRef) -> Segment | None:
    """The segment from a good copy of it, or None when no intact copy is left."""
    where = store._good_copy(ref)
    if where is None:
        return None
    try:
        return store._check_segment(ref, read_regular(where, follow=False), where)
    except (OSError, JournalUnreadable):
        return None


def older_month(store: Store, ref: SegmentRef) -> tuple[Segment, str] | None:
    """An intact older version of ``ref``'s month (``ref`` is journal.json's) from the
    newest backup that has one, and that backup's name."""
    other = other_month(store, ref, None)
    return None if other is None else (other[0], other[1])


def other_month(
    store: Store, ref: SegmentRef, restoring: backup_files.Backup | None
) -> tuple[Segment, str, bool] | None:
    """Another intact version of ``ref``'s month, with the name of the backup it is from
    and whether that backup is older than ``restoring`` (None: journal.json, newer than
    every backup). Older ones are looked at first, newest first, so what is put back is
    as close as can be to the state restored; then the newer ones, oldest first."""
    try:
        kept = store.backups()  # newest first
    except JournalUnreadable:
        return None
    if restoring is None:
        older, newer = kept, []
    else:
        older = [b for b in kept if b.sequence < restoring.sequence]
        newer = [b for b in reversed(kept) if b.sequence > restoring.sequence]
    for backups, is_older in ((older, True), (newer, False)):
        found = _month_in(store, ref, backups)
        if found is not None:
            return found[0], found[1], is_older
    return None


def _month_in(
    store: Store, ref: SegmentRef, kept: list[backup_files.Backup]
) -> tuple[Segment, str] | None:
    """An intact version of ``ref``'s month other than ``ref`` itself, from the first of
    ``kept`` that holds one."""
    for backup in kept:
        try:
            data = read_regular(backup.path, follow=False)
            manifest, loaded = store._decode_file(data, backup.path)
        except (OSError, JournalUnreadable):
            continue
        if manifest is not None:
            other = next((r for r in manifest.segments if r.month == ref.month), None)
            if other is None or other.sha256 == ref.sha256:
                continue
            segment = _intact(store, other)
            if segment is not None:
                return segment, backup.name
        elif loaded is not None:
            part = seg.group(loaded.journal).get(ref.month)
            if part is not None:
                return part, backup.name
    return None


def keep_highest_ids(store: Store, journal: Journal) -> None:
    """Raise each id counter to the highest any kept journal file remembers (journal.json
    and every backup), so a restore, an undo or an import never hands out an id that was
    given before. Only files that read as a journal count (their counters are then within
    bounds); a damaged one is passed over, as ``data check`` reports it anyway."""
    sources: list[tuple[bytes, Path]] = []
    with suppress(JournalUnreadable, OSError):
        current = store.read_bytes()
        if current is not None:
            sources.append((current, store.journal_path))
    with suppress(JournalUnreadable):
        for backup in store.backups():
            with suppress(OSError):
                sources.append((read_regular(backup.path, follow=False), backup.path))
    for data, path in sources:
        try:
            manifest, loaded = store._decode_file(data, path)
        except JournalUnreadable:
            continue
        found = manifest if manifest is not None else loaded.journal if loaded else None
        if found is None:
            continue
        for prefix, number in found.last_ids.items():
            journal.last_ids[prefix] = max(journal.last_ids.get(prefix, 0), number)


def check_folders(store: Store) -> None:
    """Before anything is set aside or written: every folder a restore or undo writes
    into must be a real folder, never a link (exit 3, nothing changed)."""
    for folder in (store.backups_dir, store.copies_dir, store.segments_dir, store.set_aside_dir):
        try:
            real_subdir(folder)
        except UnsafeFile as exc:
            raise _linked_folder_unchanged(exc) from None


def _repair(store: Store) -> tuple[list[str], Manifest | None]:
    """Put back damaged or missing segment files of a readable journal.json from their
    good copies. Returns the files put back ([] when none needed it or could be), and
    journal.json's manifest when a file it lists has no good copy left."""
    try:
        raw = store.read_bytes()
        manifest = store._decode_file(raw, store.journal_path)[0] if raw else None
    except JournalUnreadable:
        return [], None
    if manifest is None:
        return [], None
    broken: dict[str, bytes] = {}
    for ref in manifest.segments:
        try:
            store._check_segment(ref, store._segment_bytes(ref), store.segments_dir / ref.file)
        except JournalUnreadable:
            copy = store._good_copy(ref)
            if copy is None or copy.parent != store.copies_dir:
                # No good copy of this one: the journal is put together again, every
                # intact month kept (``_assemble``).
                return [], manifest
            data = read_regular(copy, follow=False)
            store._check_segment(ref, data, copy)
            broken[ref.file] = data
    if broken:
        with store._writing():
            _keep_damaged(store, list(broken))
            seg.write_all(store.segments_dir, broken, [])
    return sorted(broken), None


def _keep_damaged(store: Store, names: list[str]) -> None:
    """Move damaged segment files into ``set-aside/`` before they are replaced."""
    try:
        if not real_subdir(store.set_aside_dir):
            make_private_dirs(store.set_aside_dir)
    except UnsafeFile as exc:
        raise JournalSaveFailed(f"{exc.path} {exc.reason}. Nothing was changed.") from None
    now = backup_files.utc_now()
    for name in names:
        source = store.segments_dir / name
        target = store.set_aside_dir / f"damaged-{now:%Y%m%dT%H%M%S}Z-{name}"
        try:
            os.replace(source, target)
        except FileNotFoundError:
            continue
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
            # segments/ on another file system (a journal.json that is a link): copy the
            # damaged bytes across, then take the original away.
            write_atomic(target, read_regular(source, follow=False), follow_link=False)
            with suppress(FileNotFoundError):
                source.unlink()


def check_replaceable(store: Store) -> None:
    """Refuse to replace a journal.json that is not ours to replace (exit 3).

    A FIFO, socket, device or folder, or a link the rule does not allow. A regular
    file that cannot be read as a journal is fine: it is set aside first.
    """
    path = store.journal_path
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


def set_aside(store: Store, whole: Journal | None = None) -> Path | None:
    """Keep a copy of the current journal (even an unreadable one): the whole journal
    in one file when it can be read, else the file's bytes as they are. A journal.json
    whose segment files are not all intact is kept as it is (it still lists them, so
    they are kept too) and, beside it, as the whole journal its intact months make
    (``_assemble``): that one is returned, and ``data import`` reads it back.

    ``whole``: the current journal, when the caller has already read all of it (it is
    not read again)."""
    try:
        current = read_regular(store.journal_path)
    except FileNotFoundError:
        return None
    except UnsafeFile as exc:
        raise JournalUnreadable(
            f"{store.journal_path} {exc.reason}. Nothing was changed."
        ) from None
    index: bytes | None = None
    try:
        current = serialise(whole if whole is not None else store._open(current, None)[0])
    except JournalUnreadable:
        with suppress(JournalUnreadable, OSError):
            manifest = store._decode_file(current, store.journal_path)[0]
            if manifest is not None:
                assembled = serialise(_assemble(store, manifest)[0])
                index, current = current, assembled
    try:
        if not real_subdir(store.set_aside_dir):
            make_private_dirs(store.set_aside_dir)
    except UnsafeFile as exc:
        raise _linked_folder_unchanged(exc) from None
    now = backup_files.utc_now()
    stem = f"journal-{now:%Y%m%dT%H%M%S}-{now:%f}Z"
    if index is not None:
        write_atomic(store.set_aside_dir / f"{stem}-index.json", index)
    target = store.set_aside_dir / f"{stem}.json"
    write_atomic(target, current)
    return target
