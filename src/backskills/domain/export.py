"""Pure views of the whole journal: counts for ``data check`` and CSV rows for export."""

from __future__ import annotations

import csv
import io
from typing import Any

from backskills.models import Journal

CSV_COLUMNS = ["date", "kind", "activity", "amount", "unit", "detail", "note"]


def counts(journal: Journal) -> dict[str, int]:
    return {
        "activities": len(journal.activities),
        "activity_records": len(journal.records),
        "pain_scores": len(journal.pain),
        "goals": len(journal.goals),
        "redflag_checks": len(journal.redflag_checks),
        "assessments": len(journal.assessments),
        "flareups": len(journal.flareups),
        "flareup_plan_steps": len(journal.flareup_plan),
        "goodspell_plan_steps": len(journal.goodspell_plan),
        "pace_activities": len(journal.pacing.activities),
        "pace_tasks": len(journal.pacing.tasks),
        "pace_spells": len(journal.pacing.logs),
        "relaxation_sessions": len(journal.relaxation),
        "thought_records": len(journal.thoughts),
        "checkins": len(journal.outcomes.checkins),
        "report_questions": len(journal.questions),
    }


def csv_rows(journal: Journal) -> list[dict[str, Any]]:
    """Every dated record as a flat row, oldest first."""
    units = {a.name.casefold(): a.unit for a in journal.activities}
    pace_units = {a.name.casefold(): a.unit for a in journal.pacing.activities}
    rows: list[dict[str, Any]] = []

    def add(
        day: object,
        kind: str,
        activity: str = "",
        amount: object = "",
        unit: str = "",
        detail: str = "",
        note: str | None = None,
    ) -> None:
        rows.append(
            {
                "date": str(day),
                "kind": kind,
                "activity": activity,
                "amount": amount,
                "unit": unit,
                "detail": detail,
                "note": note or "",
            }
        )

    for activity in journal.activities:
        for baseline in [
            *activity.past_baselines,
            *([activity.baseline] if activity.baseline else []),
        ]:
            for day in baseline.days:
                add(day.date, "baseline", activity.name, day.amount, activity.unit, day.felt or "")
        for event in activity.levels:
            add(
                event.date,
                "level",
                activity.name,
                event.to_level,
                activity.unit,
                event.reason,
                event.note,
            )
    for record in journal.records:
        add(
            record.date,
            "activity",
            record.activity,
            record.amount,
            units.get(record.activity.casefold(), ""),
            "",
            record.note,
        )
    for pain in journal.pain:
        add(pain.date, "pain", amount=pain.score, unit="0-10", note=pain.note)
    for check in journal.redflag_checks:
        add(check.checked_on, "redflag_check", detail=check.outcome)
    for assessment in journal.assessments:
        add(
            assessment.date,
            "redflag_assessed",
            detail=f"check {assessment.check + 1}",
            note=assessment.note,
        )
    for flare in journal.flareups:
        add(
            flare.started,
            "flareup_start",
            amount="" if flare.pain is None else flare.pain,
            note=flare.note,
        )
        if flare.ended:
            add(flare.ended, "flareup_end", detail=flare.trigger or "", note=flare.helped)
    for spell in journal.pacing.logs:
        add(
            spell.date,
            "pace",
            spell.activity,
            spell.amount,
            pace_units.get(spell.activity.casefold(), ""),
            spell.felt or "",
            spell.note,
        )
    for session in journal.relaxation:
        add(
            session.date,
            "relaxation",
            amount=session.minutes,
            unit="minutes",
            detail="guided" if session.guided else "",
            note=session.note,
        )
    for thought in journal.thoughts:
        add(thought.date, "thought_record", detail=thought.kind or "")
    _checkin_rows(journal, add)
    rows.sort(key=lambda row: row["date"])
    return rows


def _checkin_rows(journal: Journal, add: Any) -> None:
    """A check-in as rows: both pain scores, each PSFS rating and each test."""
    items = {i.id: i.activity for i in journal.outcomes.psfs_items}
    tests = {t.id: t for t in journal.outcomes.tests}
    for check in journal.outcomes.checkins:
        add(check.date, "checkin_pain_average", amount=check.pain_average, unit="0-10")
        add(check.date, "checkin_pain_worst", amount=check.pain_worst, unit="0-10",
            note=check.note)  # fmt: skip
        for rating in check.psfs:
            add(check.date, "checkin_psfs", items[rating.item], rating.score, "0-10")
        for result in check.tests:
            test = tests[result.test]
            if result.result is None:
                add(check.date, "checkin_test", test.name, "", test.unit, "not done",
                    result.not_done)  # fmt: skip
            else:
                add(check.date, "checkin_test", test.name, result.result, test.unit,
                    f"{test.better} is better")  # fmt: skip
        if check.change:
            add(check.date, "checkin_change", detail=check.change)


def csv_text(journal: Journal) -> str:
    """RFC 4180 CSV: lines end in CR LF, so every cell holding a CR or an LF is quoted.

    Cells go through ``safetext.csv_cell``: no control characters, formula starts defused.
    """
    from backskills.safetext import csv_cell

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in csv_rows(journal):
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
    return buffer.getvalue()
