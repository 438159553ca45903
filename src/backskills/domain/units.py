"""Units and their rounding resolution, and the rounding rules every calculation uses."""

from __future__ import annotations

import math

RESOLUTIONS: dict[str, float] = {
    "minutes": 1,
    "seconds": 5,
    "reps": 1,
    "times": 1,
    "steps": 100,
    "metres": 10,
    "km": 0.1,
    "miles": 0.1,
}

ALIASES: dict[str, str] = {
    "min": "minutes",
    "mins": "minutes",
    "minute": "minutes",
    "sec": "seconds",
    "secs": "seconds",
    "second": "seconds",
    "rep": "reps",
    "repetitions": "reps",
    "time": "times",
    "step": "steps",
    "m": "metres",
    "meters": "metres",
    "metre": "metres",
    "meter": "metres",
    "kilometres": "km",
    "kilometers": "km",
    "mile": "miles",
}

DEFAULT_UNIT = "minutes"
DEFAULT_RESOLUTION = 1.0

# Floating point tolerance for comparisons of amounts built from resolution steps.
EPSILON = 1e-9


def normalise_unit(unit: str) -> str:
    text = unit.strip().lower()
    return ALIASES.get(text, text)


def resolution_for(unit: str) -> float:
    return float(RESOLUTIONS.get(normalise_unit(unit), DEFAULT_RESOLUTION))


def _decimals(resolution: float) -> int:
    text = f"{resolution:.10f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def tidy(value: float, resolution: float) -> float:
    """Remove floating point noise (0.30000000000000004 -> 0.3) at the resolution's precision."""
    return round(value, max(_decimals(resolution), 0) + 0)


def round_down(value: float, resolution: float) -> float:
    """Round down to a whole number of resolution steps (9.99 min -> 9; 0.37 km -> 0.3)."""
    steps = math.floor(value / resolution + EPSILON)
    return tidy(steps * resolution, resolution)


def small_step(value: float, resolution: float, fraction: float = 0.10) -> float:
    """ "A little": ``fraction`` of ``value`` rounded down, and at least one resolution step."""
    return max(round_down(value * fraction, resolution), tidy(resolution, resolution))


def fmt(value: float) -> str:
    """Format an amount without a trailing .0 (8.0 -> '8', 0.5 -> '0.5')."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.6g}"
