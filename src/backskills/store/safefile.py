"""The one place that opens files the store reads, and decides which links it may follow.

Rules (documented in README "Keeping it safe"):

- Only regular files are read. A named pipe (FIFO), socket, device or folder where a
  journal, a backup or an import file should be is refused at once, before it is opened, so
  nothing ever blocks on a read. The file is then opened without blocking and checked again
  (``fstat``), so a swap between the check and the open is caught too.
- A read can be capped (``limit``): a bigger file is refused without being read.
- ``journal.json`` may be a symbolic link that the patient made on purpose (for example
  into a synced folder). backskills reads and writes through it only when the link leads to
  a regular file that holds a backskills journal, in a folder owned by the patient that is
  not a system folder (``SYSTEM_DIRS``). Anything else is refused with exit 3 and nothing
  is read or written through the link.
- Folders the store writes into (``backups/``, ``set-aside/``) must be real folders inside
  the data folder, never links (``real_subdir``).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

# The first bytes of every journal backskills writes (and so of every backup, which is a
# byte copy): a JSON object whose first key is the schema version.
_HEADER = re.compile(rb'\A\s*\{\s*"schema_version"\s*:\s*\d')
HEADER_BYTES = 64

# Folders that belong to the operating system. A journal link that leads into one of them
# is refused, whoever owns the file.
SYSTEM_DIRS = (
    "/bin",
    "/boot",
    "/dev",
    "/etc",
    "/lib",
    "/lib32",
    "/lib64",
    "/libx32",
    "/proc",
    "/run",
    "/sbin",
    "/sys",
    "/usr",
    "/var/lib",
    "/var/log",
    "/var/spool",
    "/var/run",
    "/System",
    "/Library",
    "/private/etc",
    "/private/var/db",
)


class UnsafeFile(OSError):
    """A path the store will not read or write; ``reason`` completes 'PATH ...'."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(reason)
        self.path = path
        self.reason = reason


def describe_kind(mode: int) -> str | None:
    """What a non-regular file is, in plain words (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file"
    return "is not an ordinary file"


def read_regular(
    path: Path, limit: int | None = None, follow: bool = True, modes: list[int] | None = None
) -> bytes:
    """The bytes of a regular file; raises ``UnsafeFile`` or ``OSError`` (never blocks).

    ``follow=False`` refuses a symbolic link. ``limit`` caps the size in bytes. ``modes``
    (when given) receives the opened file's mode (its permissions, from ``fstat``).
    """
    st = os.stat(path, follow_symlinks=follow)
    if not follow and stat.S_ISLNK(st.st_mode):
        raise UnsafeFile(path, "is a link, and backskills does not follow it")
    kind = describe_kind(st.st_mode)
    if kind:
        raise UnsafeFile(path, kind)
    if limit is not None and st.st_size > limit:
        raise UnsafeFile(path, f"is larger than {_size(limit)}, the most backskills reads")
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        opened = os.fstat(fd)
        kind = describe_kind(opened.st_mode)
        if kind:  # swapped between the check and the open
            raise UnsafeFile(path, kind)
        if modes is not None:
            modes.append(opened.st_mode)
        chunks = []
        remaining = (limit + 1) if limit is not None else None
        while True:
            chunk = os.read(fd, 1 << 20 if remaining is None else min(1 << 20, remaining))
            if not chunk:
                break
            chunks.append(chunk)
            if remaining is not None:
                remaining -= len(chunk)
                if remaining <= 0:
                    raise UnsafeFile(
                        path, f"is larger than {_size(limit or 0)}, the most backskills reads"
                    )
        return b"".join(chunks)
    finally:
        os.close(fd)


def has_journal_header(path: Path) -> bool:
    """True for a regular file (not a link) whose first bytes are a backskills journal's."""
    try:
        head = read_head(path)
    except OSError:
        return False
    return bool(_HEADER.match(head))


def looks_like_journal(data: bytes) -> bool:
    return bool(_HEADER.match(data[:HEADER_BYTES]))


def read_head(path: Path) -> bytes:
    """The first bytes of a regular file that is not a link (nothing else is opened)."""
    st = os.lstat(path)
    if not stat.S_ISREG(st.st_mode):
        raise UnsafeFile(path, describe_kind(st.st_mode) or "is a link")
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnsafeFile(path, "is not an ordinary file")
        return os.read(fd, HEADER_BYTES)
    finally:
        os.close(fd)


def is_system_path(path: Path) -> bool:
    text = str(path)
    if text == "/":
        return True
    return any(text == d or text.startswith(d + "/") for d in SYSTEM_DIRS)


def check_journal_link(link: Path) -> None:
    """Refuse a ``journal.json`` link backskills must not act through (``UnsafeFile``).

    Does nothing when ``link`` is not a symbolic link.
    """
    try:
        if not stat.S_ISLNK(os.lstat(link).st_mode):
            return
    except FileNotFoundError:
        return
    try:
        target = link.resolve(strict=True)
    except FileNotFoundError:
        raise UnsafeFile(link, "is a link to a file that does not exist") from None
    except (OSError, RuntimeError):
        raise UnsafeFile(link, "is a link that leads round in a loop") from None
    if is_system_path(target) or is_system_path(target.parent):
        raise UnsafeFile(link, "is a link into a system folder; backskills will not use it")
    st = os.stat(target)
    kind = describe_kind(st.st_mode)
    if kind:
        raise UnsafeFile(link, f"is a link to something that {kind}")
    owner = os.stat(target.parent).st_uid
    if owner != os.geteuid() or st.st_uid != os.geteuid():
        raise UnsafeFile(
            link, "is a link into a folder or to a file you do not own; backskills will not use it"
        )
    if not has_journal_header(target):
        raise UnsafeFile(
            link, "is a link to a file that is not a backskills journal; backskills will not use it"
        )


def real_subdir(directory: Path) -> bool:
    """True when ``directory`` exists as a real folder (not a link); False when absent.

    Raises ``UnsafeFile`` for a link or anything that is not a folder.
    """
    try:
        st = os.lstat(directory)
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(st.st_mode):
        raise UnsafeFile(directory, "is a link to another folder; backskills does not follow it")
    if not stat.S_ISDIR(st.st_mode):
        raise UnsafeFile(directory, describe_kind(st.st_mode) or "is not a folder")
    return True


def make_private_dirs(directory: Path) -> None:
    """Create ``directory`` and any missing parents, each 0700 whatever the umask."""
    missing: list[Path] = []
    current = directory
    while not current.exists() and not current.is_symlink():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue  # made by a concurrent run
        os.chmod(folder, 0o700)


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit} bytes"
