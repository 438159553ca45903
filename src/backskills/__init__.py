"""backskills: a command-line companion for self-managing non-specific low back pain."""

__version__ = "0.1.0"

# The very first thing the program does: from here on Ctrl-C never shows a traceback.
from backskills import interrupt as _interrupt

if _interrupt.started_as_program():
    _interrupt.install()
