"""Ctrl-C at any moment: a newline, one calm sentence, exit 130, never a traceback.

A run goes through four phases, each with its own SIGINT handling:

1. start-up (``install``, called from ``backskills/__init__`` when the program starts):
   nothing has been read or written yet, so stop at once with "Nothing was changed.";
2. running (``running``, inside the error boundary): Ctrl-C raises ``KeyboardInterrupt``
   so the code unwinds (the journal lock is released, temporary files are removed) and
   the boundary says what happened;
3. saving (``held_back``, around the one call that replaces a file): Ctrl-C waits until the
   file is replaced and noted, so the closing sentence is always true;
4. finishing (``finishing``): the command's work is done; Ctrl-C is ignored while it exits.

Only the program itself switches phases (``install`` turns it on); code that imports
backskills as a library (the tests) keeps Python's usual Ctrl-C.
"""

from __future__ import annotations

# Only modules Python has already loaded or that cost nothing: this runs first of all,
# and every millisecond before ``install`` is a millisecond of Python's own Ctrl-C.
import os
import signal
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import FrameType, TracebackType

EXIT_STOPPED = 130  # 128 + SIGINT, what shells report for a run stopped with Ctrl-C
NOTHING_CHANGED = "Stopped. Nothing was changed."
SOME_KEPT = "Stopped. What was saved before you stopped is kept; nothing else was changed."
PROGRAM_NAMES = ("backskills", "backskills.exe", "backskills-script.py")

_active = False
_saves = 0


def started_as_program() -> bool:
    """True when this process is the backskills program (not a library import).

    The console script runs as ``backskills``; ``python -m backskills`` imports this package
    while ``sys.argv[0]`` is still ``-m`` (then runs ``backskills/__main__.py``). Another
    program's ``__main__.py`` (``python -m pytest``) is not us.
    """
    if not sys.argv:
        return False
    first = sys.argv[0]
    if first == "-m":
        return True
    parts = first.replace("\\", "/").split("/")
    return parts[-1] in PROGRAM_NAMES or parts[-2:] == ["backskills", "__main__.py"]


def install() -> None:
    """Phase 1: from now on Ctrl-C stops the program at once, with the calm sentence."""
    global _active
    _active = True
    signal.signal(signal.SIGINT, _stop_now)


def _stop_now(signum: int, frame: FrameType | None) -> None:
    write_stop_message(newline=True)
    os._exit(EXIT_STOPPED)


def running() -> None:
    """Phase 2: Ctrl-C raises ``KeyboardInterrupt`` for the boundary to turn into words."""
    if _active:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def finishing() -> None:
    """Phase 4: the work is done (or being reported); a late Ctrl-C changes nothing."""
    if _active:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


class held_back:  # used like a function: ``with held_back():``
    """Phase 3: hold Ctrl-C back while a file is replaced; it arrives right after."""

    def __enter__(self) -> None:
        self._previous: set[signal.Signals] | None = None
        block = getattr(signal, "pthread_sigmask", None)
        if block is not None:  # Windows has no signal masks
            self._previous = block(signal.SIG_BLOCK, {signal.SIGINT})

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._previous is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, self._previous)


def note_saved() -> None:
    """The journal was replaced in this run: a later Ctrl-C must not say nothing changed."""
    global _saves
    _saves += 1


def stop_message() -> str:
    return SOME_KEPT if _saves else NOTHING_CHANGED


def write_stop_message(newline: bool) -> None:
    """Write the closing sentence straight to stderr (no Rich, no "Error:").

    Nothing is imported here: this runs inside the Ctrl-C handler, which can interrupt the
    program half-way through importing any module (``contextlib`` included); importing
    that module again would hand back its half-built copy and fail."""
    text = ("\n" if newline else "") + stop_message() + "\n"
    try:
        os.write(2, text.encode("utf-8", "replace"))
    except OSError:
        return  # no stderr to write to: the exit code still says it
