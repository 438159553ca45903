"""``backskills calendar``: an iCalendar file checked through icalendar's own parser and
against the RFC 5545 rules a calendar app relies on (UID, DTSTAMP, DTSTART, RRULE)."""

from __future__ import annotations

import json
import re
import stat
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest

from tests.cli.journey import FIRST, ok, planned_walking, red_flag, refused, run, walk_days
from tests.conftest import Run

# planned_walking: baseline 9, 12, 9 (average 10, start 8) on days -2..0, plan set on day 0
# (2026-03-01), target 15, 7 days at each level.


def parse(data: str | bytes) -> icalendar.Calendar:
    raw = data.encode() if isinstance(data, str) else data
    return icalendar.Calendar.from_ical(raw)


def events(cal: icalendar.Calendar) -> list[Any]:
    return list(cal.walk("VEVENT"))


def rfc5545_problems(raw: bytes) -> list[str]:
    """The rules of RFC 5545 a calendar app relies on, checked on the raw bytes."""
    problems = []
    text = raw.decode("utf-8")
    if "\n" in text.replace("\r\n", ""):
        problems.append("a line ends without CRLF")
    for line in text.split("\r\n"):
        if len(line.encode("utf-8")) > 75:
            problems.append(f"line longer than 75 octets: {line[:30]}")
    cal = parse(raw)
    if cal.name != "VCALENDAR" or str(cal.get("version")) != "2.0" or not cal.get("prodid"):
        problems.append("VCALENDAR needs VERSION:2.0 and PRODID")
    uids = []
    for event in events(cal):
        for prop in ("uid", "dtstamp", "dtstart"):
            if event.get(prop) is None:
                problems.append(f"VEVENT without {prop.upper()}")
        uids.append(str(event.get("uid")))
        start = event.decoded("dtstart")
        if event.get("dtend") is not None and event.get("duration") is not None:
            problems.append("both DTEND and DURATION")
        if event.get("dtend") is not None:
            end = event.decoded("dtend")
            if type(end) is not type(start) or end <= start:
                problems.append("DTEND must match DTSTART's type and come after it")
        stamp = event.decoded("dtstamp")
        if not isinstance(stamp, datetime) or stamp.utcoffset() != timedelta(0):
            problems.append("DTSTAMP must be a UTC date-time")
        rule = event.get("rrule")
        if rule is not None:
            if rule.get("FREQ") != ["DAILY"]:
                problems.append("RRULE FREQ is not DAILY")
            if ("COUNT" in rule) == ("UNTIL" in rule):
                problems.append("RRULE needs exactly one of COUNT and UNTIL")
            if "COUNT" in rule and not rule["COUNT"][0] > 1:
                problems.append("RRULE COUNT must be more than 1")
        for alarm in event.walk("VALARM"):
            if str(alarm.get("action")) != "DISPLAY" or not alarm.get("description"):
                problems.append("VALARM DISPLAY needs ACTION and DESCRIPTION")
            if alarm.get("trigger") is None:
                problems.append("VALARM without TRIGGER")
    if len(set(uids)) != len(uids):
        problems.append("UIDs repeat")
    return problems


def days_of(event: Any) -> list[date]:
    start = event.decoded("dtstart")
    first = start.date() if isinstance(start, datetime) else start
    rule = event.get("rrule")
    count = rule["COUNT"][0] if rule is not None else 1
    return [first + timedelta(days=n) for n in range(count)]


def by_kind(cal: icalendar.Calendar, kind: str) -> list[Any]:
    return [e for e in events(cal) if kind in [str(c) for c in e.get("categories").cats]]


def level_of_day(cal: icalendar.Calendar) -> dict[date, str]:
    """Which level event covers each day; fails if two level events cover one day."""
    covered: dict[date, str] = {}
    for event in by_kind(cal, "level"):
        for day in days_of(event):
            assert day not in covered, f"two levels on {day}"
            covered[day] = str(event.get("summary"))
    return covered


def test_a_plan_becomes_valid_icalendar_with_one_event_per_level(cli: Run) -> None:
    planned_walking(cli)
    walk_days(cli, 0, 7, "8")
    ok(cli, 7, "progress", "step-up", "walking")
    result = run(cli, 7, "calendar")
    assert result.exit_code == 0, result.stderr
    raw = result.stdout_bytes
    assert rfc5545_problems(raw) == []
    cal = parse(raw)
    days = level_of_day(cal)
    # The level in force from the day it began: 9 minutes since the step up on day 7.
    assert days[FIRST + timedelta(7)] == "walking: 9 minutes (your level)"
    assert FIRST + timedelta(6) not in days
    # Then the planned staircase 10, 11, ... each for 7 days, with no gap, up to 6 weeks.
    assert days[FIRST + timedelta(14)] == "walking: 10 minutes (planned)"
    assert days[FIRST + timedelta(21)] == "walking: 11 minutes (planned)"
    horizon = FIRST + timedelta(7 + 6 * 7 - 1)
    assert max(days) == horizon
    assert sorted(days) == [FIRST + timedelta(7 + n) for n in range(42)]
    # A review on the first day of each planned level.
    reviews = {e.decoded("dtstart"): str(e.get("summary")) for e in by_kind(cal, "review")}
    assert reviews[FIRST + timedelta(14)] == "Review walking: step up to 10 minutes?"
    assert set(reviews) == {FIRST + timedelta(7 + 7 * n) for n in range(1, 6)}
    # All-day events by default.
    assert all(isinstance(e.decoded("dtstart"), date) for e in events(cal))
    assert "health information" in result.stderr


def test_descriptions_say_how_the_level_was_worked_out_and_how_to_log_it(cli: Run) -> None:
    planned_walking(cli)
    cal = parse(run(cli, 0, "calendar").stdout_bytes)
    first = next(e for e in by_kind(cal, "level") if "your level" in str(e.get("summary")))
    text = str(first.get("description"))
    assert "baseline average of 10 minutes × 0.8" in text
    assert "Log it: backskills log walking 8" in text
    planned = next(e for e in by_kind(cal, "level") if "9 minutes" in str(e.get("summary")))
    text = " ".join(str(planned.get("description")).split())
    assert "8 + 1 (10% of the level" in text
    assert "backskills progress step-up walking" in text
    assert "Log it: backskills log walking 9" in text


def test_uids_are_stable_so_a_newer_file_updates_events(cli: Run) -> None:
    planned_walking(cli)
    before = {
        str(e.get("uid")): e
        for e in events(parse(run(cli, 0, "calendar", "--weeks", "3").stdout_bytes))
    }
    again = {
        str(e.get("uid")): e
        for e in events(parse(run(cli, 0, "calendar", "--weeks", "3").stdout_bytes))
    }
    assert set(before) == set(again)
    # Two weeks later, after a slow first level, the step up to 9 comes later than planned:
    # the same level keeps its UID, with new dates, instead of becoming a second event.
    walk_days(cli, 0, 13, "8")
    ok(cli, 13, "progress", "step-up", "walking")
    after = {
        str(e.get("uid")): e
        for e in events(parse(run(cli, 13, "calendar", "--weeks", "3").stdout_bytes))
    }
    nine = [uid for uid, e in after.items() if str(e.get("summary")).startswith("walking: 9 ")]
    assert len(nine) == 1 and nine[0] in before
    assert before[nine[0]].decoded("dtstart") == FIRST + timedelta(7)
    assert after[nine[0]].decoded("dtstart") == FIRST + timedelta(13)
    assert "your level" in str(after[nine[0]].get("summary"))
    assert all(re.fullmatch(r"[a-z]+-[\w.-]+@backskills", uid) for uid in after)


def test_at_and_alarm_make_timed_events_with_a_reminder(cli: Run) -> None:
    planned_walking(cli)
    result = run(cli, 0, "calendar", "--at", "7:30", "--alarm", "15", "--weeks", "2")
    assert result.exit_code == 0, result.stderr
    raw = result.stdout_bytes
    assert rfc5545_problems(raw) == []
    found = events(parse(raw))
    assert found
    for event in found:
        start = event.decoded("dtstart")
        assert isinstance(start, datetime) and start.tzinfo is None  # local "floating" time
        assert start.time() == time(7, 30)
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1
        assert alarms[0].decoded("trigger") == timedelta(minutes=-15)
    level = next(e for e in found if "8 minutes" in str(e.get("summary")))
    assert level.decoded("duration") == timedelta(minutes=8)


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--alarm", "10"), "--alarm"),
        (("--at", "25:00"), "--at"),
        (("--at", "noon"), "--at"),
        (("--weeks", "0"), "--weeks"),
        (("--weeks", "53"), "--weeks"),
        (("--at", "10:00", "--alarm", "-5"), "--alarm"),
    ],
)
def test_bad_options_are_one_clear_error(
    cli: Run, data_dir: Path, args: tuple[str, ...], named: str
) -> None:
    planned_walking(cli)
    result = refused(cli, data_dir, 2, 0, "calendar", *args)
    assert named in result.stderr and result.stdout == ""


def test_output_file_is_private_and_not_overwritten_without_force(
    cli: Run, data_dir: Path, tmp_path: Path
) -> None:
    planned_walking(cli)
    target = tmp_path / "plan.ics"
    result = run(cli, 0, "calendar", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert rfc5545_problems(target.read_bytes()) == []
    assert "health information" in result.stdout and str(target) in result.stdout
    first = target.read_bytes()
    refused(cli, data_dir, 1, 0, "calendar", "-o", str(target))
    assert target.read_bytes() == first
    assert run(cli, 0, "calendar", "-o", str(target), "--force").exit_code == 0


def test_json_lists_the_events_and_what_was_written(cli: Run, tmp_path: Path) -> None:
    planned_walking(cli)
    target = tmp_path / "plan.ics"
    result = run(cli, 0, "calendar", "-o", str(target), "--weeks", "2", "--json")
    document = json.loads(result.stdout)
    assert document["written"] == str(target)
    assert document["until"] == (FIRST + timedelta(13)).isoformat()
    uids = {str(e.get("uid")) for e in events(parse(target.read_bytes()))}
    assert {e["uid"] for e in document["events"]} == uids
    first = next(e for e in document["events"] if e["kind"] == "level")
    assert first["kind"] == "level" and first["level"] == 8 and first["days"] == 7
    assert "health information" in result.stderr


def test_goal_and_pacing_deadlines_are_events(cli: Run) -> None:
    ok(
        cli, 0, "goal", "add", "walk to the <park> & back", "--target", "0.5", "--unit",
        "miles", "--why", "fresh air", "--reward", "a coffee", "--within", "8w",
    )  # fmt: skip
    ok(cli, 0, "pace", "add", "vacuuming", "--tolerance", "20", "--position", "standing")
    ok(cli, 0, "pace", "task", "add", "clean the house", "--activity", "vacuuming",
       "--amount", "60", "--by", "2026-03-05")  # fmt: skip
    ok(cli, 0, "pace", "task", "add", "no deadline", "--activity", "vacuuming", "--amount", "9")
    raw = run(cli, 0, "calendar").stdout_bytes
    assert rfc5545_problems(raw) == []
    cal = parse(raw)
    (goal,) = by_kind(cal, "goal")
    assert by_kind(cal, "checkin")  # week 1 of the programme: the first check-in
    assert str(goal.get("summary")) == "Goal deadline: walk to the <park> & back"
    assert goal.decoded("dtstart") == FIRST + timedelta(56)
    assert "backskills goal done 1" in str(goal.get("description"))
    (task,) = by_kind(cal, "task")
    assert task.decoded("dtstart") == date(2026, 3, 5)
    assert "backskills pace log vacuuming AMOUNT --task 1" in str(task.get("description"))
    # Finished tasks and past deadlines are left out.
    ok(cli, 1, "pace", "task", "done", "1")
    assert by_kind(parse(run(cli, 1, "calendar").stdout_bytes), "task") == []


def test_no_step_up_is_planned_during_a_flare_up_or_a_red_flag(cli: Run, data_dir: Path) -> None:
    planned_walking(cli)
    ok(cli, 2, "flareup", "start", "--pain", "6", "--reduce", "none")
    cal = parse(run(cli, 2, "calendar").stdout_bytes)
    (level,) = by_kind(cal, "level")
    assert by_kind(cal, "review") == []
    assert "paused during the flare-up" in " ".join(str(level.get("description")).split())
    assert max(days_of(level)) == FIRST + timedelta(2 + 41)
    ok(cli, 3, "flareup", "end")
    assert by_kind(parse(run(cli, 3, "calendar").stdout_bytes), "review") != []
    red_flag(data_dir)
    cal = parse(run(cli, 3, "calendar").stdout_bytes)
    assert by_kind(cal, "review") == []
    assert "red-flag check" in str(by_kind(cal, "level")[0].get("description"))


def test_an_empty_journal_gives_an_empty_valid_calendar(cli: Run) -> None:
    result = run(cli, 0, "calendar")
    assert result.exit_code == 0
    assert rfc5545_problems(result.stdout_bytes) == []
    assert events(parse(result.stdout_bytes)) == []


def test_the_next_check_in_is_an_event_and_moves_on_once_done(cli: Run) -> None:
    planned_walking(cli)  # first entry 2026-02-27: week 1 starts there
    cal = parse(run(cli, 0, "calendar").stdout_bytes)
    (first,) = by_kind(cal, "checkin")
    # Already due in week 1: it is on today, not in the past.
    assert first.decoded("dtstart") == FIRST
    assert str(first.get("summary")) == "Outcome check-in 1 (week 1)"
    assert "Do it: backskills checkin" in str(first.get("description"))
    ok(cli, 0, "checkin", "--pain-average", "6", "--pain-worst", "8", "--psfs",
       "Putting on socks=3", "--psfs", "Lifting=2", "--psfs", "Walking the dog=4",
       "--test", "sit-to-stand-1min=11")  # fmt: skip
    (second,) = by_kind(parse(run(cli, 0, "calendar").stdout_bytes), "checkin")
    assert second.decoded("dtstart") == FIRST + timedelta(35)
    assert str(second.get("uid")) != str(first.get("uid"))
