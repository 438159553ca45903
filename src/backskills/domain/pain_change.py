"""When a change in pain scores is one that matters to patients.

The threshold comes from the one table in ``backskills.domain.thresholds``, so every feature
(summary, check-ins, the report for the physiotherapist) reads a change the same way: on a 0-10 scale a change of **2 points or
30%** of the starting score is the usual line for a change that patients notice as real
(Ostelo et al., Spine 2008, the consensus on interpreting change scores in low back pain;
Farrar et al., Pain 2001, and the IMMPACT recommendations, J Pain 2008).
"""

from __future__ import annotations

from typing import Any, Literal

from backskills.domain.thresholds import threshold
from backskills.plain import plain

# The numbers come from the one thresholds table (backskills.domain.thresholds), which check-ins
# and the README use too.
_RULE = threshold("pain")
MEANINGFUL_POINTS = float(_RULE.points or 0)  # points on the 0-10 scale
MEANINGFUL_FRACTION = (_RULE.percent or 0) / 100  # of the starting score
SOURCE = "; ".join(_RULE.sources)
_EPSILON = 1e-9

Direction = Literal["lower", "higher", "same"]


@plain(frozen=True)
class PainChange:
    """The change from ``before`` to ``after`` (mean scores), read against the threshold."""

    before: float
    after: float
    change: float  # after - before, rounded to 0.1
    percent: int | None  # the change as a whole percent of ``before`` (None when before is 0)
    direction: Direction
    meaningful: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "before": self.before,
            "after": self.after,
            "change": self.change,
            "percent": self.percent,
            "direction": self.direction,
            "meaningful": self.meaningful,
            "threshold": {"points": MEANINGFUL_POINTS, "fraction": MEANINGFUL_FRACTION},
        }

    def words(self) -> str:
        """One plain sentence on the size of the change (no judgement of the person)."""
        size = f"{abs(self.change):.1f} point{'s' if abs(self.change) != 1 else ''}"
        if self.percent is not None:
            size += f" ({abs(self.percent)}%)"
        if self.direction == "same":
            return "About the same: no real change either way."
        if self.meaningful:
            return (
                f"{size} {self.direction}: a change of 2 points or 30% is the size people "
                "usually notice as a real difference."
            )
        return (
            f"{size} {self.direction}: smaller than the 2 points or 30% that people usually "
            "notice as a real difference, so read it as about the same for now."
        )


def compare(before: float, after: float) -> PainChange:
    """Read the change between two mean pain scores (0-10)."""
    before = round(before, 1)
    after = round(after, 1)
    change = round(after - before, 1)
    percent = round(change / before * 100) if before > 0 else None
    meaningful = abs(change) + _EPSILON >= MEANINGFUL_POINTS or (
        before > 0 and abs(change) / before + _EPSILON >= MEANINGFUL_FRACTION
    )
    direction: Direction = "same" if change == 0 else ("lower" if change < 0 else "higher")
    return PainChange(before, after, change, percent, direction, meaningful)
