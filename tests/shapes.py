"""The JSON shapes issue 3 promises, shared by the unit and CLI tests."""

from __future__ import annotations

BASELINE_KEYS = {
    "activity",
    "unit",
    "days",
    "complete",
    "next_suggestion",
    "total",
    "average",
    "start",
    "start_factor",
}
PLAN_KEYS = {
    "activity",
    "unit",
    "start",
    "target",
    "hold_days",
    "level",
    "steps",
    "reaches_target_on",
    "deadline",
    "feasible",
}
RECOMMENDATION_KEYS = {
    "activity",
    "unit",
    "level",
    "next_level",
    "target",
    "days_at_level",
    "days_met_last_7",
    "today_counted",
    "recommendation",
    "reason",
}
