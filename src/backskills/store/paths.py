"""Where the journal lives: ``--data-dir``, else ``BACKSKILLS_DATA_DIR``, else platformdirs."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "BACKSKILLS_DATA_DIR"
JOURNAL_NAME = "journal.json"
LOCK_NAME = "journal.lock"
BACKUP_DIR = "backups"
SET_ASIDE_DIR = "set-aside"
# Beside journal.json (beside the file a journal.json link leads to): the month files.
SEGMENTS_DIR = "segments"
# In the data folder while a save is under way: the next locked run looks for unused files.
PENDING_NAME = "journal.pending"


def resolve_data_dir(option: str | Path | None = None) -> Path:
    if option:
        return Path(option).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("backskills", appauthor=False))
