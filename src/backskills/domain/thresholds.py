"""How big a change must be before backskills calls it meaningful: one table, with sources.

Every reading of change in the tool (check-ins, and anything else that reads pain over
time) takes its rule from ``THRESHOLDS``; the README shows the same table. A change below
the threshold is not called "no change": it may be real, or it may be the ordinary
day-to-day wobble of the measure, and the tool says exactly that.
"""

from __future__ import annotations

from typing import Any

from backskills.plain import plain

STRATFORD_1995 = (
    "Stratford P, Gill C, Westaway M, Binkley J. Assessing disability and change on "
    "individual patients: a report of a patient specific measure. Physiotherapy Canada "
    "1995;47(4):258-263."
)
FARRAR_2001 = (
    "Farrar JT, Young JP, LaMoreaux L, Werth JL, Poole RM. Clinical importance of changes in "
    "chronic pain intensity measured on an 11-point numerical pain rating scale. Pain "
    "2001;94(2):149-158."
)
OSTELO_2008 = (
    "Ostelo RW, Deyo RA, Stratford P, et al. Interpreting change scores for pain and "
    "functional status in low back pain: towards international consensus regarding minimal "
    "important change. Spine 2008;33(1):90-94."
)
IMMPACT_2008 = (
    "Dworkin RH, Turk DC, Wyrwich KW, et al. Interpreting the clinical importance of treatment "
    "outcomes in chronic pain clinical trials: IMMPACT recommendations. J Pain 2008;9(2):105-121."
)
KAMPER_2009 = (
    "Kamper SJ, Maher CG, Mackay G. Global rating of change scales: a review of strengths and "
    "weaknesses and considerations for design. J Man Manip Ther 2009;17(3):163-170."
)


@plain(frozen=True)
class Threshold:
    """One measure's rule. ``points`` and ``percent`` are alternatives: either one is enough."""

    key: str
    measure: str
    points: float | None
    percent: float | None
    rule: str
    sources: tuple[str, ...]
    short: str = ""  # the rule in a few words, for sentences

    def is_meaningful(self, before: float, after: float) -> bool:
        """True when the change from ``before`` to ``after`` reaches the threshold."""
        change = round(abs(after - before), 6)  # 5.6 - 3.6 is 1.9999999999999996
        if self.points is not None and change >= self.points:
            return True
        if self.percent is not None and before > 0:
            return round(change / before * 100, 6) >= self.percent
        return False

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "measure": self.measure,
            "points": self.points,
            "percent": self.percent,
            "rule": self.rule,
            "sources": list(self.sources),
        }


THRESHOLDS: tuple[Threshold, ...] = (
    Threshold(
        key="psfs_mean",
        measure="PSFS score (the mean of your activities, 0-10)",
        points=2,
        percent=None,
        rule="a change of 2 points or more; smaller changes may be noise",
        sources=(STRATFORD_1995,),
        short="2 points or more",
    ),
    Threshold(
        key="psfs_item",
        measure="One PSFS activity (0-10)",
        points=3,
        percent=None,
        rule="a change of 3 points or more on a single activity",
        sources=(STRATFORD_1995,),
        short="3 points or more",
    ),
    Threshold(
        key="pain",
        measure="Pain, average or worst in the last week (0-10)",
        points=2,
        percent=30,
        rule="a change of 2 points, or of 30% of the starting score, or more",
        sources=(FARRAR_2001, OSTELO_2008, IMMPACT_2008),
        short="2 points or 30% or more",
    ),
    Threshold(
        key="test",
        measure="Your exercise tests",
        points=None,
        percent=None,
        rule=(
            "no threshold: the change and the percentage are shown, because how much a test "
            "varies from day to day depends on the test and how it is done"
        ),
        sources=(),
    ),
    Threshold(
        key="change",
        measure="Global rating of change (much worse to much better)",
        points=None,
        percent=None,
        rule="your own view, shown as you gave it; it is not scored",
        sources=(KAMPER_2009,),
    ),
)

BY_KEY: dict[str, Threshold] = {t.key: t for t in THRESHOLDS}


def threshold(key: str) -> Threshold:
    return BY_KEY[key]


def pain_change_is_meaningful(before: float, after: float) -> bool:
    """The pain rule (2 points or 30%), for any reading of pain scores over time."""
    return BY_KEY["pain"].is_meaningful(before, after)
