"""A synthetic patient's first six weeks, built with the real models (fast, and every number
known): two planned activities with step ups, an ease for a flare-up, daily pain, goals,
a red-flag check, pacing, relaxation, two check-ins and questions for the appointment.

Six Monday weeks, 2026-03-02 to 2026-04-12; ``TODAY`` is the last day.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from backskills.models import Journal
from backskills.models.activity import (
    Activity,
    ActivityRecord,
    Baseline,
    BaselineDay,
    LevelEvent,
    PainScore,
    Plan,
)
from backskills.models.checkin import CheckIn, ExerciseResult, ExerciseTest, PsfsItem, PsfsRating
from backskills.models.goals import Goal, GoalStep
from backskills.models.learning import RelaxSession
from backskills.models.pacing import PaceActivity, PaceLog
from backskills.models.report import Question
from backskills.models.safety import FlareUp, RedFlagCheck
from backskills.store import serialise

FIRST = date(2026, 3, 2)  # a Monday
TODAY = date(2026, 4, 12)  # a Sunday: six whole weeks
FLARE_START = date(2026, 3, 27)
FLARE_END = date(2026, 4, 1)
SKIPPED = {date(2026, 3, 8), date(2026, 3, 22), date(2026, 4, 5)}  # walking not logged
SHORT = {date(2026, 3, 17): 6.0, date(2026, 4, 8): 7.0}  # walking days below the level


def day(n: int) -> date:
    return FIRST + timedelta(days=n)


def _walking() -> Activity:
    levels = [
        LevelEvent(date=date(2026, 3, 5), to_level=8, reason="plan_start", hold_days=7),
        LevelEvent(date=date(2026, 3, 12), from_level=8, to_level=9, reason="step_up", hold_days=7),
        LevelEvent(
            date=date(2026, 3, 19), from_level=9, to_level=10, reason="step_up", hold_days=7
        ),
        LevelEvent(
            date=FLARE_START, from_level=10, to_level=9, reason="flareup_reduce", hold_days=7
        ),
        LevelEvent(date=date(2026, 4, 6), from_level=9, to_level=10, reason="step_up", hold_days=7),
    ]
    return Activity(
        name="walking",
        unit="minutes",
        resolution=1,
        created=day(0),
        baseline=Baseline(
            days=[
                BaselineDay(date=day(0), amount=10, felt="easy"),
                BaselineDay(date=day(1), amount=11, felt="hard"),
                BaselineDay(date=day(2), amount=9),
            ]
        ),
        plan=Plan(
            start=8,
            target=15,
            starts_on=date(2026, 3, 5),
            deadline=date(2026, 5, 31),
            created=date(2026, 3, 5),
            goal_id=2,
        ),
        levels=levels,
    )


def _sit_to_stand() -> Activity:
    return Activity(
        name="sit to stand",
        unit="reps",
        resolution=1,
        created=day(0),
        baseline=Baseline(
            days=[
                BaselineDay(date=day(0), amount=6),
                BaselineDay(date=day(1), amount=7),
                BaselineDay(date=day(2), amount=8),
            ]
        ),
        plan=Plan(start=5, target=12, starts_on=day(3), created=day(3)),
        levels=[
            LevelEvent(date=day(3), to_level=5, reason="plan_start", hold_days=7),
            LevelEvent(date=day(10), from_level=5, to_level=6, reason="step_up", hold_days=7),
            LevelEvent(date=day(21), from_level=6, to_level=7, reason="step_up", hold_days=7),
        ],
    )


def journal(questions: list[str] | None = None) -> Journal:
    walking, sts = _walking(), _sit_to_stand()
    j = Journal(activities=[walking, sts])
    from backskills.domain.progression.levels import current_level

    current = day(3)
    while current <= TODAY:
        level = current_level(walking, current) or 0
        flare = FLARE_START <= current <= FLARE_END
        if current not in SKIPPED:
            amount = SHORT.get(current, level - 2 if flare else level)
            j.records.append(ActivityRecord(date=current, activity="walking", amount=amount))
        if current.weekday() != 6:  # sit to stand six days a week
            reps = current_level(sts, current) or 0
            j.records.append(ActivityRecord(date=current, activity="sit to stand", amount=reps))
        current += timedelta(days=1)
    for n in range((TODAY - FIRST).days + 1):
        d = day(n)
        if n % 9 == 4:
            continue  # a few days without a score
        score = 7 if FLARE_START <= d <= FLARE_END else max(2, 6 - n // 10)
        j.pain.append(PainScore(date=d, score=score))
    j.flareups.append(
        FlareUp(
            started=FLARE_START,
            ended=FLARE_END,
            pain=7,
            trigger="Lifted a heavy suitcase",
            helped="Heat pack, short walks and the breathing exercise",
        )
    )
    j.redflag_checks.append(RedFlagCheck(checked_on=day(0), outcome="clear"))
    j.goals += [
        Goal(
            id=1,
            title="Walk to the post office and back",
            why="To post my own parcels",
            reward="A coffee on the way home",
            deadline=date(2026, 4, 15),
            created=day(1),
            status="achieved",
            ended=date(2026, 4, 4),
        ),
        Goal(
            id=2,
            title="Walk 15 minutes to the park with my daughter",
            target=15,
            unit="minutes",
            activity="walking",
            why="Time with my daughter",
            reward="Ice cream in the park",
            deadline=date(2026, 5, 31),
            created=date(2026, 3, 5),
            steps=[
                GoalStep(text="Walk to the corner shop", done=True, done_on=date(2026, 3, 20)),
                GoalStep(text="Walk to the bus stop and back"),
            ],
        ),
    ]
    j.pacing.activities.append(
        PaceActivity(name="gardening", tolerance=20, created=day(0), position="standing")
    )
    for n, amount in ((5, 20), (12, 15), (19, 25), (26, 20), (33, 20), (40, 18)):
        j.pacing.logs.append(PaceLog(date=day(n), activity="gardening", amount=amount))
    for n in range(0, 42, 5):
        j.relaxation.append(RelaxSession(date=day(n), minutes=10, guided=True))
    j.outcomes.class_start = FIRST
    j.outcomes.psfs_items += [
        PsfsItem(id=1, activity="Putting on socks", added=FIRST),
        PsfsItem(id=2, activity="Lifting the shopping", added=FIRST),
        PsfsItem(id=3, activity="Walking the dog", added=FIRST),
    ]
    j.outcomes.tests.append(
        ExerciseTest(
            id=1,
            name="Sit-to-stand in 1 minute",
            unit="reps",
            better="higher",
            known="sit-to-stand-1min",
            added=FIRST,
        )
    )
    j.outcomes.checkins += [
        CheckIn(
            id=1,
            date=FIRST,
            pain_average=6,
            pain_worst=8,
            psfs=[
                PsfsRating(item=1, score=3),
                PsfsRating(item=2, score=2),
                PsfsRating(item=3, score=4),
            ],
            tests=[ExerciseResult(test=1, result=11)],
        ),
        CheckIn(
            id=2,
            date=date(2026, 4, 6),
            pain_average=4,
            pain_worst=6,
            psfs=[
                PsfsRating(item=1, score=6),
                PsfsRating(item=2, score=4),
                PsfsRating(item=3, score=6),
            ],
            tests=[ExerciseResult(test=1, result=15)],
            change="a-little-better",
        ),
    ]
    for n, text in enumerate(questions or [], start=1):
        j.questions.append(Question(id=n, text=text, added=TODAY))
    return j


QUESTIONS = ["Can I start swimming?", "Is it all right to lift my grandson now?"]


def write(data_dir: Path, questions: list[str] | None = None) -> Path:
    """The patient's journal in ``data_dir`` (0700 / 0600, as the store makes them)."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = data_dir / "journal.json"
    path.write_bytes(serialise(journal(QUESTIONS if questions is None else questions)))
    path.chmod(0o600)
    return path
