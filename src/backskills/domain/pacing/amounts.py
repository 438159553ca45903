"""Pacing amounts as whole numbers of the unit's resolution step, and how they read."""

from __future__ import annotations

from backskills.domain import units
from backskills.errors import InvalidInput

__all__ = ["amount_text", "from_steps", "on_grid", "steps_of"]


def steps_of(amount: float, resolution: float) -> int:
    """How many resolution steps ``amount`` holds (amounts are stored on the grid)."""
    return round(amount / resolution)


def from_steps(steps: int, resolution: float) -> float:
    return units.tidy(steps * resolution, resolution)


def on_grid(value: float, resolution: float, field_name: str, unit: str) -> float:
    """Refuse an amount that is not a whole number of resolution steps."""
    steps = value / resolution
    if abs(steps - round(steps)) > 1e-6:
        raise InvalidInput(
            field_name,
            f"use steps of {units.fmt(resolution)} {unit} (for example "
            f"{units.fmt(units.round_down(value, resolution) or resolution)}).",
        )
    return from_steps(round(steps), resolution)


def amount_text(value: float, unit: str) -> str:
    """``15 minutes``, ``1 minute``, ``0.5 km``."""
    if value == 1 and unit.endswith("s"):
        return f"1 {unit[:-1]}"
    return f"{units.fmt(value)} {unit}"
