"""The one definition of characters that must never reach a terminal raw.

Text from the journal can hold anything a file can (the patient's own notes, or a file
edited by hand or crafted). Printed raw, control characters can move the cursor, clear
the screen, rewrite earlier lines or retitle the window; bidirectional overrides can
make a line read differently from what it holds. So every output path uses this module:

- human output removes them (``scrub``), keeping line breaks and tabs;
- JSON output writes them as ``\\uXXXX`` escapes (``escape_json``): the data is intact,
  the bytes are harmless;
- CSV output removes them from cells (``csv_cell``), keeps line breaks inside quoted
  cells and defuses spreadsheet formula starts.

"Unsafe" is every character of the Unicode categories Cc (C0 controls, DEL, C1
controls), Cf (format characters: bidirectional overrides and isolates, zero-width
characters, the byte order mark...), Zl and Zp (line and paragraph separators), except
tab, line feed and the zero-width joiner that emoji sequences need. A unit test checks
this list against ``unicodedata``.
"""

from __future__ import annotations

import re

_RANGES = (
    (0x0000, 0x0008),
    (0x000B, 0x001F),  # keeps \t (09) and \n (0A); removes \r, ESC and the rest
    (0x007F, 0x009F),  # DEL and the C1 controls
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),  # Arabic letter mark (bidirectional)
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200C),  # zero-width space and non-joiner (200D, the joiner, is kept)
    (0x200E, 0x200F),  # left-to-right and right-to-left marks
    (0x2028, 0x202E),  # line/paragraph separators, bidirectional embeddings and overrides
    (0x2060, 0x2064),
    (0x2066, 0x206F),  # bidirectional isolates and deprecated format characters
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
)


def _char_class() -> str:
    parts = []
    for low, high in _RANGES:
        parts.append(
            re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        )
    return "[" + "".join(parts) + "]"


UNSAFE = re.compile(_char_class())
# Styling that Rich writes on a terminal: kept by the stream guard, never taken from text.
_SGR = r"\x1b\[[0-9;]*m"
_TERMINAL_CONTROL = r"\x1b\[[0-9;?]*[A-Za-z]|\r"
_KEEP_STYLE = re.compile(f"({_SGR})|{UNSAFE.pattern}")
_KEEP_CONTROL = re.compile(f"({_TERMINAL_CONTROL})|{UNSAFE.pattern}")


def is_unsafe(ch: str) -> bool:
    return UNSAFE.match(ch) is not None


def scrub(text: str) -> str:
    """``text`` with every unsafe character removed (line breaks and tabs kept)."""
    return UNSAFE.sub("", text)


def scrub_output(text: str, keep_controls: bool = False) -> str:
    """What a stream guard writes: ``scrub``, but colour codes (and, for the consoles that
    draw live screens, cursor controls) that backskills itself produced are kept."""
    pattern = _KEEP_CONTROL if keep_controls else _KEEP_STYLE
    if not UNSAFE.search(text):
        return text
    return pattern.sub(lambda m: m.group(1) or "", text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code > 0xFFFF:  # a surrogate pair, as JSON writes characters beyond the BMP
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def escape_json(text: str, ascii_only: bool = False) -> str:
    """JSON text with every unsafe character written as a ``\\uXXXX`` escape.

    Only valid for the output of a JSON encoder: outside strings such text holds nothing
    but structure, spaces and line breaks, so every unsafe character is inside a string,
    where an escape means the same character. ``ascii_only`` escapes every non-ASCII
    character too (for an output that cannot encode them: the data stays exact).
    """
    if ascii_only:
        text = _NON_ASCII.sub(_escape, text)
    return UNSAFE.sub(_escape, text) if UNSAFE.search(text) else text


# A spreadsheet treats a cell starting with one of these as a formula (a leading tab or
# carriage return is skipped by some, so the formula after it would still run).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A CSV cell: unsafe characters removed (line breaks kept: the writer quotes them)
    and a formula start defused with a leading apostrophe."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS):
        value = "'" + value
    return UNSAFE.sub(lambda m: m.group(0) if m.group(0) == "\r" else "", value)
