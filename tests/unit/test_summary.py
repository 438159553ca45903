"""The summary on known journals: every number checked, the pain threshold, the praise."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from backskills.domain import pain_change, summary
from backskills.domain import today as today_view
from backskills.errors import InvalidInput
from backskills.models import Journal
from backskills.models.activity import PainScore
from backskills.models.goals import Goal
from backskills.models.learning import RelaxSession, ThoughtRecord
from backskills.models.pacing import PaceActivity, PaceLog, ToleranceChange
from backskills.models.safety import RedFlagCheck
from tests.unit.test_history import MON, TODAY, climb, day, flare_journal

SHAME = ("fail", "streak", "missed", "only ", "should have", "lazy", "behind")


def test_six_weeks_from_the_first_entry_every_number() -> None:
    journal = climb()
    document = summary.build(journal, TODAY).to_json()
    # six weeks back is 2026-02-16, before the first entry: the period starts at the first entry
    assert document["window"]["from"] == "2026-02-26" and document["window"]["to"] == "2026-03-29"
    assert document["weeks"] == 6
    assert document["activities"] == [
        {
            "activity": "walking",
            "unit": "minutes",
            "level_start": 9,
            "level_now": 12,
            "target": 12,
            "step_ups": 3,
            "catch_ups": 0,
            "days_planned": 28,
            "days_met": 26,
            "adherence_percent": 93,  # 26 / 28
            "flareup_days": 0,
        }
    ]
    pain = document["pain"]
    # first week 26 Feb - 4 Mar: only 2 March scored (6 and 4: mean 5); last week: 3 and 2
    assert pain["first_week"] == {
        "from": "2026-02-26",
        "to": "2026-03-04",
        "mean": 5,
        "days_scored": 1,
    }
    assert pain["last_week"] == {
        "from": "2026-03-23",
        "to": "2026-03-29",
        "mean": 2.5,
        "days_scored": 2,
    }
    change = pain["change"]
    assert (change["before"], change["after"], change["change"], change["percent"]) == (
        5,
        2.5,
        -2.5,
        -50,
    )
    assert change["direction"] == "lower" and change["meaningful"] is True
    assert "2.5 points (50%) lower" in pain["words"]
    assert document["relaxation"] == {"sessions": 0, "minutes": 0, "days": 0}
    assert document["thought_records"] == 0
    assert any("3 steps up" in line for line in document["praise"])
    assert any("26 of 28 days" in line for line in document["praise"])


def test_a_short_window_and_everything_else_in_the_period() -> None:
    journal = flare_journal()
    journal.pain = [
        PainScore(date=day(14), score=7),
        PainScore(date=day(15), score=6),
        PainScore(date=day(22), score=5),
        PainScore(date=day(27), score=6),
    ]
    journal.goals = [
        Goal(id=1, title="Walk to the shop", why="w", reward="r", deadline=day(40),
             status="achieved", created=day(0), ended=day(20)),
        Goal(id=2, title="Old goal", why="w", reward="r", deadline=day(40),
             status="achieved", created=day(-40), ended=day(-30)),
        Goal(id=3, title="Garden", why="w", reward="r", deadline=day(60), created=day(1)),
    ]  # fmt: skip
    journal.redflag_checks = [
        RedFlagCheck(checked_on=day(-10), outcome="clear"),
        RedFlagCheck(checked_on=day(16), outcome="clear"),
    ]
    journal.pacing.activities = [
        PaceActivity(
            name="ironing",
            tolerance=15,
            created=day(0),
            changes=[ToleranceChange(date=day(20), from_tolerance=10, to_tolerance=15, reason="r")],
        )
    ]
    journal.pacing.logs = [
        PaceLog(date=day(15), activity="ironing", amount=10),  # within 10
        PaceLog(date=day(16), activity="ironing", amount=12),  # over 10
        PaceLog(date=day(16), activity="ironing", amount=5),
        PaceLog(date=day(21), activity="ironing", amount=12),  # within 15
        PaceLog(date=day(2), activity="ironing", amount=30),  # before the period
    ]
    journal.relaxation = [
        RelaxSession(date=day(15), minutes=10),
        RelaxSession(date=day(15), minutes=5.5),
        RelaxSession(date=day(25), minutes=10),
        RelaxSession(date=day(1), minutes=10),  # before the period
    ]
    journal.thoughts = [
        ThoughtRecord(id=1, date=day(16), situation="s", thought="t"),
        ThoughtRecord(id=2, date=day(3), situation="s", thought="t"),
    ]
    document = summary.build(journal, TODAY, weeks=2).to_json()
    assert document["window"]["from"] == "2026-03-16" and document["window"]["days"] == 14
    walking = document["activities"][0]
    # days 14-17 are flare-up days (left out of the planned days); 18-20 at 9 met (9 done);
    # 21-27 at 10, 10 done: met
    assert (walking["level_start"], walking["level_now"]) == (9, 10)
    assert (walking["step_ups"], walking["catch_ups"]) == (0, 1)  # back up after the flare-up
    assert (walking["days_planned"], walking["days_met"], walking["flareup_days"]) == (10, 10, 4)
    assert walking["adherence_percent"] == 100
    pain = document["pain"]
    assert pain["first_week"]["mean"] == 6.5 and pain["last_week"]["mean"] == 5.5
    assert pain["change"]["change"] == -1 and pain["change"]["percent"] == -15
    assert pain["change"]["meaningful"] is False
    assert "about the same for now" in pain["words"]
    assert [g["id"] for g in document["goals_achieved"]] == [1]
    assert [g["id"] for g in document["goals_active"]] == [3]
    assert document["flareups"] == [
        {"started": "2026-03-16", "ended": "2026-03-19", "days": 4, "trigger": "lifting boxes"}
    ]
    assert [(c["date"], c["outcome"]) for c in document["redflag_checks"]] == [
        ("2026-03-18", "clear")
    ]
    assert document["redflag_checks"][0]["words"].startswith("CLEAR")
    assert document["pacing"] == [
        {"activity": "ironing", "unit": "minutes", "days_logged": 3, "days_within": 2,
         "days_over": 1}
    ]  # fmt: skip
    assert document["relaxation"] == {"sessions": 3, "minutes": 25.5, "days": 2}
    assert document["thought_records"] == 1
    praise = " ".join(document["praise"])
    assert "Walk to the shop" in praise and "flare-up" in praise
    assert "3 relaxation sessions" in praise and "1 thought record:" in praise


def test_pain_trend_needs_two_weeks_and_both_weeks_scored() -> None:
    journal = climb()
    short = summary.build(journal, TODAY, weeks=1).to_json()["pain"]
    assert short["change"] is None and "two separate weeks" in short["words"]
    journal.pain = [p for p in journal.pain if p.date >= day(7)]
    gap = summary.build(journal, TODAY).to_json()["pain"]
    assert gap["change"] is None and "first week" in gap["words"]
    journal.pain = []
    assert summary.build(journal, TODAY).to_json()["pain"] is None


def test_a_rise_in_pain_is_met_with_kind_words() -> None:
    journal = climb()
    journal.pain = [PainScore(date=day(0), score=3), PainScore(date=day(27), score=6)]
    pain = summary.build(journal, TODAY).to_json()["pain"]
    assert pain["change"]["direction"] == "higher" and pain["change"]["meaningful"] is True
    assert "does not mean harm" in pain["words"]


@pytest.mark.parametrize(
    ("before", "after", "meaningful", "direction"),
    [
        (6, 4, True, "lower"),  # 2 points
        (5, 4, False, "lower"),  # 1 point, 20%
        (3, 2, True, "lower"),  # 1 point, 33%
        (6.2, 4.3, True, "lower"),  # 1.9 points, 31%
        (8, 6.1, False, "lower"),  # 1.9 points, 24%
        (4, 4, False, "same"),
        (0, 1, False, "higher"),  # no percent of zero; 1 point
        (2, 4, True, "higher"),
    ],
)
def test_meaningful_change_is_two_points_or_thirty_percent(
    before: float, after: float, meaningful: bool, direction: str
) -> None:
    change = pain_change.compare(before, after)
    assert (change.meaningful, change.direction) == (meaningful, direction)


def test_praise_never_shames_even_with_nothing_done() -> None:
    journal = climb()
    journal.records = []
    journal.pain = []
    document = summary.build(journal, TODAY).to_json()
    assert document["activities"][0]["adherence_percent"] == 0
    text = " ".join(document["praise"]).lower()
    assert document["praise"] and not any(word in text for word in SHAME)
    full = " ".join(summary.build(climb(), TODAY).to_json()["praise"]).lower()
    assert not any(word in full for word in SHAME)


def test_weeks_out_of_range() -> None:
    with pytest.raises(InvalidInput):
        summary.build(Journal(), TODAY, weeks=0)


def test_summary_due_on_mondays_after_the_first_week() -> None:
    journal = climb()  # first entry 2026-02-26
    assert today_view.summary_due(journal, MON + timedelta(days=7))
    assert not today_view.summary_due(journal, MON + timedelta(days=8))  # a Tuesday
    assert not today_view.summary_due(journal, date(2026, 3, 2))  # only 4 days kept
    assert not today_view.summary_due(Journal(), MON + timedelta(days=7))


def test_a_check_entered_by_mistake_is_shown_but_not_praised() -> None:
    journal = climb()
    journal.redflag_checks = [
        RedFlagCheck(checked_on=day(3), outcome="clear", entered_by_mistake=day(4))
    ]
    document = summary.build(journal, TODAY).to_json()
    assert document["redflag_checks"] == [
        {
            "date": "2026-03-05",
            "outcome": "clear",
            "words": "CLEAR: none of the warning signs apply today.",
            "entered_by_mistake": True,
        }
    ]
    assert not any("red-flag" in line for line in document["praise"])
    journal.redflag_checks.append(RedFlagCheck(checked_on=day(5), outcome="routine"))
    document = summary.build(journal, TODAY).to_json()
    assert document["redflag_checks"][1]["words"].startswith("ROUTINE")
    assert any("red-flag" in line for line in document["praise"])
