"""One vocabulary for "how did it feel", shared by ``baseline log`` and ``pace log``.

Five words, each meaning something in both places:

- ``easy`` / ``too-little``: it felt light; next time a little more (a baseline day) or a
  longer spell (pacing);
- ``ok``: about right;
- ``hard`` / ``too-much``: it was a lot; next time a little less or a shorter spell.

A baseline day is stored as easy, ok or hard and a pacing spell as too-little, ok or
too-much, so either command takes any of the five words (and everyday synonyms such as
"fine" or "too hard") and keeps the one its own record uses.
"""

from __future__ import annotations

from typing import Literal

from backskills.domain.validate import printable
from backskills.errors import InvalidInput
from backskills.models.activity import Felt
from backskills.models.pacing import SpellFelt

Sense = Literal["less", "right", "more"]  # how the amount felt: light, right or a lot

WORDS: tuple[str, ...] = ("easy", "ok", "hard", "too-little", "too-much")
_SENSE: dict[str, Sense] = {
    "easy": "less",
    "too-little": "less",
    "ok": "right",
    "hard": "more",
    "too-much": "more",
}
SYNONYMS: dict[str, str] = {
    # about right
    "okay": "ok",
    "o.k.": "ok",
    "fine": "ok",
    "good": "ok",
    "alright": "ok",
    "all-right": "ok",
    "right": "ok",
    "just-right": "ok",
    "same": "ok",
    "normal": "ok",
    # light
    "light": "easy",
    "easier": "easy",
    "too-easy": "easy",
    "not-enough": "too-little",
    "too-short": "too-little",
    "little": "too-little",
    # a lot
    "tough": "hard",
    "harder": "hard",
    "difficult": "hard",
    "too-hard": "hard",
    "heavy": "hard",
    "too-long": "too-much",
    "much": "too-much",
}
BASELINE: dict[Sense, Felt] = {"less": "easy", "right": "ok", "more": "hard"}
SPELL: dict[Sense, SpellFelt] = {"less": "too-little", "right": "ok", "more": "too-much"}
HELP = "easy, ok or hard (too-little and too-much work too)."


def _sense(raw: str, field: str) -> Sense:
    text = "-".join(raw.strip().casefold().replace("_", " ").replace("-", " ").split())
    word = SYNONYMS.get(text, text)
    if word not in _SENSE:
        raise InvalidInput(
            field,
            f"'{printable(raw)}' is not a word for how it felt; use one of: {', '.join(WORDS)}.",
            hint="easy and too-little mean it felt light, hard and too-much that it was a lot.",
        )
    return _SENSE[word]


def for_baseline(raw: str | None, field: str = "--felt") -> Felt | None:
    """How a baseline day felt, as the record stores it (easy, ok or hard)."""
    return None if raw is None else BASELINE[_sense(raw, field)]


def for_spell(raw: str | None, field: str = "--felt") -> SpellFelt | None:
    """How a pacing spell felt, as the record stores it (too-little, ok or too-much)."""
    return None if raw is None else SPELL[_sense(raw, field)]
