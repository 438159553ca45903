"""Errors that the domain and the store raise, and the exit code each maps to.

Only ``backskills.cli.main`` turns these into output and exit codes. Domain code raises
them; it never prints or exits.

Exit codes (documented in README.md):
    0  success
    1  a refusal: the request is understood but not allowed (unknown activity, a fourth
       baseline day, a plan while a red flag is open, ...)
    2  usage or invalid input (bad number, bad date, missing option)
    3  the journal cannot be read, cannot be saved, or is busy
    4  an unexpected internal error (a bug: please report it)
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_JOURNAL = 3
EXIT_INTERNAL = 4


class BackskillsError(Exception):
    """Base error: a one-line message and an optional hint for what to do next."""

    exit_code = EXIT_REFUSED

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class Refused(BackskillsError):
    """The request is valid but not allowed right now (exit 1)."""

    exit_code = EXIT_REFUSED


class NotFound(Refused):
    """Something the patient named does not exist (exit 1)."""


class InvalidInput(BackskillsError):
    """A value the patient typed is not acceptable (exit 2). ``field`` names the option."""

    exit_code = EXIT_USAGE

    def __init__(self, field: str, message: str, hint: str | None = None) -> None:
        super().__init__(f"{field}: {message}", hint)
        self.field = field


class JournalError(BackskillsError):
    """The journal cannot be read, saved, or locked (exit 3)."""

    exit_code = EXIT_JOURNAL


class JournalUnreadable(JournalError):
    """The journal exists but cannot be used. It is never overwritten."""


class JournalTooNew(JournalUnreadable):
    """The journal was written by a newer backskills."""


class JournalBusy(JournalError):
    """Another backskills process holds the journal lock."""


class JournalSaveFailed(JournalError):
    """A save failed part-way; the previous journal is intact."""
