"""Atomic, durable file replacement.

Write to a temporary file in the same directory (``mkstemp`` makes it 0600), flush and
fsync it, ``os.replace`` it over the target's real path (so a symlinked journal stays a
symlink), then fsync the directory. A crash at any instant leaves the old file or the new
one, never a mixture. Temporary files left by a killed run match ``TEMP_GLOB`` and are
removed by ``clean_temp_files`` while the journal lock is held.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

TEMP_PREFIX = ".backskills-"
TEMP_SUFFIX = ".tmp"
TEMP_GLOB = f"{TEMP_PREFIX}*{TEMP_SUFFIX}"


def fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some filesystems refuse fsync on directories
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, mode: int = 0o600, follow_link: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically; on any failure the old file is untouched.

    A symbolic link at ``path`` is written through (the journal's own rule) unless
    ``follow_link`` is False: then the link itself is replaced by the new file.
    """
    target = path.resolve() if follow_link and path.is_symlink() else path
    replace_file(target, data, mode)
    fsync_dir(target.parent)


def replace_file(target: Path, data: bytes, mode: int = 0o600) -> None:
    """Write ``data`` to a temporary file beside ``target``, fsync it and rename it over
    ``target``; on any failure the old file is untouched and the temporary one is gone.
    The folder itself is not fsynced: ``write_atomic`` does that, and a caller writing
    several files into one folder does it once at the end."""
    fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def clean_temp_files(directory: Path) -> int:
    """Remove temporary files a killed run left behind. Call only while holding the lock.

    Only our own: regular files (never links) named like ours and owned by this user, in
    a real folder (a link to a folder is not followed).
    """
    removed = 0
    try:
        if not stat.S_ISDIR(os.lstat(directory).st_mode):
            return 0
    except OSError:
        return 0
    for stray in directory.glob(TEMP_GLOB):
        with contextlib.suppress(OSError):
            st = os.lstat(stray)
            if not stat.S_ISREG(st.st_mode) or st.st_uid != os.geteuid():
                continue
            stray.unlink()
            removed += 1
    return removed
