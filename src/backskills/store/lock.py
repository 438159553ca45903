"""The inter-process lock on the journal: an exclusive ``flock`` on ``journal.lock``.

The standard library's ``fcntl.flock`` is all a POSIX system needs (the same kind of lock
``filelock`` takes there, so an older backskills running at the same moment still sees
it). Waiting polls every 50 ms until ``timeout`` seconds have passed, then raises
``LockTimeout``; a timeout of 0 tries once. The lock file is created 0600 and never
followed through a link. Where ``fcntl`` does not exist (Windows), ``filelock`` does
the same job.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

POLL_SECONDS = 0.05


class LockTimeout(Exception):
    """Another process held the lock for the whole timeout."""


@contextmanager
def hold(path: Path, timeout: float) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if missing) for the ``with`` block."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        with _hold_portable(path, timeout):
            yield
        return
    deadline = time.monotonic() + timeout
    while True:
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | os.O_CLOEXEC
        fd = os.open(path, flags, 0o600)
        try:
            with suppress(PermissionError):
                os.fchmod(fd, 0o600)
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise LockTimeout(str(path)) from None
                    time.sleep(min(POLL_SECONDS, left))
            if os.fstat(fd).st_nlink == 0:
                # The file was removed while we waited: lock the one now at ``path``.
                continue
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
            return
        finally:
            os.close(fd)


@contextmanager
def _hold_portable(path: Path, timeout: float) -> Iterator[None]:  # pragma: no cover
    # Installed only on Windows (see pyproject), so a POSIX type check finds no module.
    from filelock import FileLock, Timeout  # type: ignore[import-not-found, unused-ignore]

    lock = FileLock(str(path), timeout=timeout, mode=0o600)
    try:
        lock.acquire()
    except Timeout:
        raise LockTimeout(str(path)) from None
    try:
        yield
    finally:
        lock.release()
