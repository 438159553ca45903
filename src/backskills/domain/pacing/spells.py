"""Splitting a task into spells no longer than the tolerance, and ordering a day's spells
(the same activity spaced out, positions alternated)."""

from __future__ import annotations

import math
from collections import Counter

from backskills.domain.pacing.plan import Spell
from backskills.models.pacing import Position

__all__ = ["pieces_for_day", "same_position", "sequence", "split"]


def split(total_steps: int, cap_steps: int) -> list[int]:
    """Split ``total_steps`` into as few spells as the cap allows, as even as possible."""
    if total_steps <= 0:
        return []
    count = math.ceil(total_steps / cap_steps)
    base, extra = divmod(total_steps, count)
    return [base + 1] * extra + [base] * (count - extra)


def pieces_for_day(left_steps: int, cap_steps: int, room: int) -> list[int]:
    """Today's spells of a task: even spells when it finishes today, else full spells."""
    if -(-left_steps // cap_steps) > room:  # more spells than the day has room for
        return [cap_steps] * room
    return split(left_steps, cap_steps)


def same_position(a: Position, b: Position) -> bool:
    return a == b and a != "mixed"


def sequence(spells: list[Spell]) -> list[Spell]:
    """Order a day's spells: the same activity not back to back and positions alternated
    where possible; the activity with the most spells left goes first so it is spread out;
    otherwise keep priority order."""
    pool = list(spells)
    ordered: list[Spell] = []
    while pool:
        left = Counter(s.activity for s in pool)
        last = ordered[-1] if ordered else None
        scores = [
            (
                int(last is not None and spell.activity == last.activity),
                int(last is not None and same_position(spell.position, last.position)),
                -left[spell.activity],
                index,
            )
            for index, spell in enumerate(pool)
        ]
        ordered.append(pool.pop(min(scores)[3]))
    return ordered
