"""Undo: the journal as it was before the last change, and going back to it.

The one place that knows how earlier states are kept: today, the newest backup whose
content differs from the journal (``previous_state``; a backup with the same content, such
as one ``data backup`` made, is skipped). ``step_back`` replaces the journal with it under
the lock, after checking that the journal did not change meanwhile; the journal undone is
kept in ``set-aside/`` (``store.restore.set_aside``) and the backups used are moved there
too, so the next undo steps back one change further and nothing is deleted. What undo
takes back, in words, is ``backskills/domain/undo.py``.

Functions taking the ``Store``, as in ``store.restore`` (why: see there): imported only by
``backskills undo``.
"""

from __future__ import annotations

import os
from contextlib import suppress
from datetime import datetime
from pathlib import Path

from backskills.errors import JournalUnreadable, Refused
from backskills.models import Journal
from backskills.plain import field, plain
from backskills.store import Store, serialise
from backskills.store import backups as backup_files
from backskills.store.restore import (
    check_folders,
    check_replaceable,
    keep_highest_ids,
    set_aside,
)
from backskills.store.safefile import read_regular


@plain
class PreviousState:
    """What ``Store.previous_state`` found: the journal before the last change, and now."""

    journal: Journal  # the state undo goes back to
    current: Journal  # the journal as it is now
    changed_at: datetime  # when the change that undo takes back was saved
    _current_bytes: bytes = field(repr=False, default=b"")
    _used: tuple[backup_files.Backup, ...] = field(repr=False, default=())


def previous_state(store: Store) -> PreviousState | None:
    """The journal as it was before the last change, or None when none is kept.

    The one place that knows how earlier states are kept (today: the newest backup whose
    content differs from the journal). ``step_back`` goes back to it.
    """
    current = store.read_bytes()
    if current is None:
        return None
    now = store._open(current, None)[0]
    now_bytes = serialise(now)
    same: list[backup_files.Backup] = []
    for backup in store.backups():
        try:
            data = read_regular(backup.path, follow=False)
            earlier = store.decode_any(data, backup.path).journal
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


def step_back(store: Store, state: PreviousState) -> Path | None:
    """Go back to ``state`` (from ``previous_state``). The journal being undone is kept in
    ``set-aside/``, and the backups used are moved there too, so a second undo steps back
    one change further and nothing is ever deleted. Returns where the undone journal is.
    """
    with store.locked():
        check_replaceable(store)
        check_folders(store)
        if store.read_bytes() != state._current_bytes:
            raise Refused(
                "the journal changed while undo was waiting, so nothing was undone.",
                hint="Run 'backskills undo' again to see what it would take back now.",
            )
        # Ids handed out since are never given again (the counters only go up).
        keep_highest_ids(store, state.journal)
        with store._writing():
            aside = set_aside(store, state.current)  # read whole by previous_state
            store._write_whole(state.journal, None)
            for used in state._used:  # set_aside made the folder
                with suppress(FileNotFoundError):
                    os.replace(used.path, store.set_aside_dir / f"undone-{used.name}")
        return aside
