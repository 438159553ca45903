"""`backskills entries`: every dated entry has an id and can be listed, corrected, removed."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.cli.journey import (
    as_json,
    flat,
    journal_bytes,
    ok,
    planned_walking,
    refused,
    run,
)
from tests.conftest import Run
from tests.journals import FIXTURES, read_journal


def stored(data_dir: Path) -> Any:
    return read_journal(data_dir)


def listed(cli: Run, day: int, *args: str) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = as_json(cli, day, "entries", *args)["entries"]
    return entries


def every_kind(cli: Run) -> None:
    """One entry of each kind, made through the commands a patient uses."""
    planned_walking(cli)  # baseline days b1-b3 on days -2..0
    ok(cli, 1, "log", "walking", "8", "--note", "round the park")  # a1
    ok(cli, 1, "pain", "3")  # p1
    ok(cli, 1, "pace", "add", "ironing", "--tolerance", "10")
    ok(cli, 1, "pace", "task", "add", "shirts", "--activity", "ironing", "--amount", "30")
    ok(cli, 1, "pace", "log", "ironing", "10", "--task", "1")  # s1
    ok(cli, 1, "relax", "log", "10")  # r1
    ok(cli, 1, "thoughts", "add", "--situation", "bus", "--thought", "I can't")  # t1
    ok(cli, 1, "redflags", "--none")  # k1
    ok(cli, 2, "flareup", "start", "--pain", "6", "--reduce", "none", "--no-input")  # f1, p2


def test_every_kind_gets_an_id_and_is_listed_newest_first(cli: Run) -> None:
    every_kind(cli)
    entries = listed(cli, 2)
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    assert Counter(e["kind"] for e in entries) == {
        "baseline": 3,
        "record": 1,
        "pain": 2,
        "spell": 1,
        "relax": 1,
        "thought": 1,
        "redflag": 1,
        "flareup": 1,
    }
    assert sorted(ids) == sorted(["b1", "b2", "b3", "a1", "p1", "p2", "s1", "r1", "t1", "k1", "f1"])
    dates = [e["date"] for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert ids[-1] == "b1"
    walk = next(e for e in entries if e["id"] == "a1")
    assert walk["amount"] == 8 and walk["unit"] == "minutes" and walk["note"] == "round the park"
    out = flat(ok(cli, 2, "entries").stdout)
    assert "a1" in out and "8 minutes of walking" in out and "round the park" in out


def test_filters(cli: Run) -> None:
    every_kind(cli)
    assert [e["id"] for e in listed(cli, 2, "--kind", "pain")] == ["p2", "p1"]
    assert [e["id"] for e in listed(cli, 2, "--kind", "baseline", "--to", "2026-02-28")] == [
        "b2",
        "b1",
    ]
    assert {e["id"] for e in listed(cli, 2, "--activity", "Walking")} == {"a1", "b1", "b2", "b3"}
    assert {e["id"] for e in listed(cli, 2, "--from", "2026-03-03")} == {"f1", "p2"}
    assert listed(cli, 2, "--kind", "record", "--activity", "ironing") == []
    assert (
        "No entries match"
        in ok(cli, 2, "entries", "--kind", "relax", "--from", "2026-03-03").stdout
    )
    assert listed(cli, 2, "list", "--kind", "spell")[0]["id"] == "s1"


def test_bad_filters_are_refused(cli: Run, data_dir: Path) -> None:
    every_kind(cli)
    unknown = refused(cli, data_dir, 1, 2, "entries", "--activity", "walkng")
    assert "Did you mean 'walking'?" in unknown.stderr
    assert "--kind" in refused(cli, data_dir, 2, 2, "entries", "--kind", "walks").stderr
    assert (
        "--from"
        in refused(
            cli, data_dir, 2, 2, "entries", "--from", "2026-03-05", "--to", "2026-03-01"
        ).stderr
    )
    assert "--to" in refused(cli, data_dir, 2, 2, "entries", "--to", "last week").stderr


def test_ids_are_never_handed_out_twice(cli: Run) -> None:
    ok(cli, 0, "log", "walking", "5")
    ok(cli, 0, "log", "walking", "6")
    ok(cli, 0, "entries", "remove", "a2")
    assert as_json(cli, 0, "log", "walking", "7")["id"] == "a3"


def test_edit_amount_says_what_happens_to_the_day_and_the_review(cli: Run, data_dir: Path) -> None:
    planned_walking(cli)  # level 8 from day 0
    ok(cli, 1, "log", "walking", "8")
    result = flat(ok(cli, 1, "entries", "edit", "a1", "--amount", "6").stdout)
    assert "amount 8 minutes -> 6 minutes" in result
    assert "the day's total is now 6 minutes (it was 8 minutes)" in result
    assert "no longer met" in result
    assert "Review of walking: Stay at 8 minutes" in result
    assert stored(data_dir)["records"][0]["amount"] == 6
    change = as_json(cli, 1, "entries", "edit", "a1", "--amount", "9")
    assert change["action"] == "edited" and change["id"] == "a1"
    assert change["before"]["amount"] == 6 and change["entry"]["amount"] == 9
    assert any("now met" in line for line in change["effects"])


def test_edit_date_moves_the_record_and_both_days_are_explained(cli: Run, data_dir: Path) -> None:
    planned_walking(cli)
    ok(cli, 2, "log", "walking", "8")
    ok(cli, 2, "log", "walking", "8")
    out = flat(ok(cli, 2, "entries", "edit", "a2", "--date", "yesterday").stdout)
    assert "date 2026-03-03 -> 2026-03-02" in out
    assert "walking on 2026-03-02: the day's total is now 8 minutes (it was 0 minutes)" in out
    assert "now met" in out
    assert "walking on 2026-03-03: the day's total is now 8 minutes (it was 16 minutes)" in out
    assert [r["date"] for r in stored(data_dir)["records"]] == ["2026-03-03", "2026-03-02"]


def test_edit_note_score_and_other_kinds(cli: Run, data_dir: Path) -> None:
    every_kind(cli)
    assert as_json(cli, 2, "entries", "edit", "p1", "--score", "5")["entry"]["score"] == 5
    assert as_json(cli, 2, "entries", "edit", "a1", "--note", "")["entry"]["note"] is None
    assert as_json(cli, 2, "entries", "edit", "r1", "--amount", "15")["entry"]["amount"] == 15
    assert as_json(cli, 2, "entries", "edit", "t1", "--date", "2026-03-01")["entry"]["date"] == (
        "2026-03-01"
    )
    flare = as_json(cli, 2, "entries", "edit", "f1", "--score", "7", "--note", "lifting")
    assert flare["entry"]["score"] == 7 and flare["entry"]["note"] == "lifting"
    baseline = as_json(cli, 2, "entries", "edit", "b2", "--amount", "15")
    assert any("average is 11 minutes" in line for line in baseline["effects"])
    document = stored(data_dir)
    assert document["pain"][0]["score"] == 5 and document["relaxation"][0]["minutes"] == 15
    assert document["thoughts"][0]["date"] == "2026-03-01"
    assert document["activities"][0]["baseline"]["days"][1]["amount"] == 15


@pytest.mark.parametrize(
    ("code", "args", "words"),
    [
        (2, ("edit", "p1", "--amount", "3"), "a pain score has no amount"),
        (2, ("edit", "t1", "--note", "x"), "a thought record has no note"),
        (2, ("edit", "a1", "--amount", "0"), "entries remove a1"),
        (
            2,
            (
                "edit",
                "a1",
            ),
            "say what to change",
        ),
        (2, ("edit", "a1", "--amount", "-3"), "cannot be negative"),
        (2, ("edit", "a1", "--score", "11"), "--score"),
        (2, ("edit", "a1", "--date", "2099-01-01"), "in the future"),
        (2, ("edit", "12", "--amount", "3"), "not an entry id"),
        (2, ("remove", "zz9"), "not an entry id"),
        (1, ("remove", "a99"), "there is no entry a99"),
        (1, ("edit", "k1", "--date", "2026-03-01"), "cannot be edited"),
        (1, ("edit", "a1", "--amount", "8"), "already says that"),
        (1, ("edit", "b1", "--date", "2026-03-01"), "already has a day on 2026-03-01"),
        (2, ("edit", "f1", "--date", "2026-03-05"), "cannot start after it ended (2026-03-04)"),
    ],
)
def test_refusals_leave_the_journal_untouched(
    cli: Run, data_dir: Path, code: int, args: tuple[str, ...], words: str
) -> None:
    every_kind(cli)
    day = 2
    if args[1] == "f1":
        ok(cli, 3, "flareup", "end", "--no-input")
        day = 4
    result = refused(cli, data_dir, code, day, "entries", *args)
    assert words in flat(result.stderr)


def test_remove_a_record_pain_baseline_day_and_spell(cli: Run, data_dir: Path) -> None:
    every_kind(cli)
    out = flat(ok(cli, 2, "entries", "remove", "a1").stdout)
    assert "Removed a1 (2026-03-02): 8 minutes of walking" in out
    assert "the day's total is now 0 minutes (it was 8 minutes)" in out and "no longer met" in out
    assert "backskills undo" in out
    assert stored(data_dir)["records"] == []
    assert "No pain score is left for 2026-03-02" in flat(
        ok(cli, 2, "entries", "remove", "p1").stdout
    )
    baseline = as_json(cli, 2, "entries", "remove", "b1")
    assert baseline["action"] == "removed" and baseline["entry"]["id"] == "b1"
    assert "now has 2 of 3 days" in baseline["effects"][0]
    assert "plan for walking keeps the level it has" in baseline["effects"][1]
    spell = as_json(cli, 2, "entries", "remove", "s1")
    assert spell["effects"] == ["Task 1 (shirts): 0 of 30 done, not done yet."]
    assert stored(data_dir)["pacing"]["tasks"][0]["done_amount"] == 0
    assert {e["id"] for e in listed(cli, 2)} == {"b2", "b3", "p2", "r1", "t1", "k1", "f1"}


def test_removing_the_active_flareup_lifts_the_pause(cli: Run, data_dir: Path) -> None:
    every_kind(cli)
    assert as_json(cli, 2, "progress", "walking")["activities"][0]["recommendation"] == "paused"
    removed = as_json(cli, 2, "entries", "remove", "f1")
    assert "no longer paused" in " ".join(removed["effects"])
    assert stored(data_dir)["flareups"] == []
    assert as_json(cli, 2, "progress", "walking")["activities"][0]["recommendation"] != "paused"


def test_a_redflag_check_is_marked_never_deleted(cli: Run, data_dir: Path) -> None:
    baseline_only = ("baseline", "log", "walking")
    for day, amount in ((-2, "9"), (-1, "12"), (0, "9")):
        ok(cli, day, *baseline_only, amount)
    ok(cli, 0, "redflags", "--present", "night_sweats")  # not clear: blocks a plan
    refused(cli, data_dir, 1, 0, "plan", "set", "walking", "--target", "15")
    out = flat(ok(cli, 0, "entries", "remove", "k1").stdout)
    assert "Marked as entered by mistake: k1" in out
    assert "No red-flag check counts now" in out
    (check,) = stored(data_dir)["redflag_checks"]
    assert check["entered_by_mistake"] == "2026-03-01"
    ok(cli, 0, "plan", "set", "walking", "--target", "15")  # no longer gated
    history = as_json(cli, 0, "redflags", "history")
    assert history[0]["entered_by_mistake"] == "2026-03-01"
    assert "Entered by mistake (marked 2026-03-01)" in flat(
        ok(cli, 0, "redflags", "history").stdout
    )
    assert (
        "--kind redflag"
        not in as_json(cli, 0, "entries", "--kind", "redflag")["entries"][0]["summary"]
    )
    assert as_json(cli, 0, "entries", "--kind", "redflag")["entries"][0]["counts"] is False
    result = refused(cli, data_dir, 1, 0, "entries", "remove", "k1")
    assert "already marked" in result.stderr


def test_a_later_check_counts_when_an_earlier_is_a_mistake(cli: Run, data_dir: Path) -> None:
    ok(cli, 0, "redflags", "--present", "night_sweats")  # k1: see a professional
    ok(cli, 1, "redflags", "--none")  # k2: clear
    marked = as_json(cli, 1, "entries", "remove", "k2")
    assert marked["action"] == "marked"
    assert "The check that counts now is the one on 2026-03-01." in marked["effects"]
    assert any("Exercise still waits" in line for line in marked["effects"])
    notice = as_json(cli, 1, "today")["redflags"]
    assert notice["checked_on"] == "2026-03-01" and notice["blocks_exercise"] is True


def test_an_old_journal_is_migrated_keeping_every_entry(cli: Run, data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    path = data_dir / "journal.json"
    shutil.copy(FIXTURES / "journal-v1.json", path)
    path.chmod(0o600)
    original = path.read_bytes()
    old = json.loads(original)
    entries = listed(cli, 0, "--all")
    assert path.read_bytes() == original  # listing never writes
    baseline_days = sum(
        len(b["days"])
        for a in old["activities"]
        for b in [*a.get("past_baselines", []), *([a["baseline"]] if a.get("baseline") else [])]
    )
    assert Counter(e["kind"] for e in entries) == {
        "record": len(old["records"]),
        "pain": len(old["pain"]),
        "baseline": baseline_days,
        "spell": len(old["pacing"]["logs"]),
        "relax": len(old["relaxation"]),
        "thought": len(old["thoughts"]),
        "redflag": len(old["redflag_checks"]),
        "flareup": len(old["flareups"]),
    }
    ids = {e["id"] for e in entries}
    assert len(ids) == len(entries)
    ok(cli, 0, "pain", "2")  # the first change saves the new format
    backups = list((data_dir / "backups").glob("*-v1-premigration.json"))
    assert [b.read_bytes() for b in backups] == [original]
    saved = stored(data_dir)
    assert saved["schema_version"] >= 2
    assert {e["id"] for e in listed(cli, 0, "--all")} == ids | {f"p{len(old['pain']) + 1}"}
    for kind in ("records", "pain", "redflag_checks", "flareups", "relaxation", "thoughts"):
        assert len(saved[kind]) == len(old[kind]) + (kind == "pain")
    assert saved["records"][0]["id"] == "a1" and saved["redflag_checks"][1]["id"] == "k2"
    assert journal_bytes(data_dir) is not None


def test_help_names_every_kind_and_its_letter(cli: Run) -> None:
    from backskills.models.entries import ENTRY_KINDS

    out = flat(run(cli, 0, "entries", "--help").stdout)
    for kind in ENTRY_KINDS:
        assert f"{kind.prefix} = {kind.label}" in out
        assert kind.key in out
    readme = flat((Path(__file__).parents[2] / "README.md").read_text("utf-8"))
    for kind in ENTRY_KINDS:
        assert f"`{kind.prefix}` | {kind.label}" in readme


def test_a_removed_thought_records_number_is_never_given_again(cli: Run) -> None:
    # A thought record's id is its own number (t1, t2, ...): removing the newest one and
    # adding another must not hand out the same id for a different entry.
    for situation in ("bus", "shop"):
        ok(cli, 1, "thoughts", "add", "--situation", situation, "--thought", "I can't")
    ok(cli, 1, "entries", "remove", "t2")
    ok(cli, 1, "thoughts", "add", "--situation", "stairs", "--thought", "It will hurt")
    ids = {e["id"]: e for e in listed(cli, 1, "--kind", "thought")}
    assert sorted(ids) == ["t1", "t3"]


def test_by_default_the_last_four_weeks_and_how_far_back_the_rest_goes(cli: Run) -> None:
    today = {"BACKSKILLS_TODAY": "2026-06-30"}
    for day in ("2026-01-15", "2026-06-02", "2026-06-03", "2026-06-30"):
        assert cli("log", "walking", "10", "--date", day, env=today).exit_code == 0
    assert cli("pain", "3", "--date", "2026-02-01", env=today).exit_code == 0

    shown = cli("entries", "--json", env=today)
    assert shown.exit_code == 0, shown.stderr
    document = json.loads(shown.stdout)
    # 2026-06-03 is the first of the 28 days up to 2026-06-30; 2026-06-02 is left out.
    assert [e["date"] for e in document["entries"]] == ["2026-06-30", "2026-06-03"]
    assert document["from"] == "2026-06-03" and document["to"] is None
    assert document["earlier_from"] == "2026-01-15"

    text = " ".join(cli("entries", env=today).stdout.split())
    assert "These are the last 4 weeks (from 2026-06-03)" in text
    assert "Your entries go back to 2026-01-15" in text and "--all" in text

    pain = json.loads(cli("entries", "--kind", "pain", "--json", env=today).stdout)
    assert pain["entries"] == [] and pain["earlier_from"] == "2026-02-01"
    said = " ".join(cli("entries", "--kind", "pain", env=today).stdout.split())
    assert said.startswith("There is nothing in the last 4 weeks (from 2026-06-03).")
    assert "go back to 2026-02-01: add --from 2026-02-01" in said

    every = json.loads(cli("entries", "--all", "--json", env=today).stdout)
    assert len(every["entries"]) == 5 and every["from"] is None
    assert every["earlier_from"] is None
    assert "go back to" not in cli("entries", "--all", env=today).stdout
    since = json.loads(cli("entries", "--from", "2026-06-02", "--json", env=today).stdout)
    assert len(since["entries"]) == 3 and since["earlier_from"] is None

    refused = cli("entries", "--all", "--from", "2026-06-01", env=today)
    assert refused.exit_code == 2 and refused.stderr.startswith("Error: --all")


def test_a_young_journal_says_nothing_of_earlier_entries(cli: Run) -> None:
    today = {"BACKSKILLS_TODAY": "2026-06-30"}
    assert cli("log", "walking", "10", "--date", "2026-06-20", env=today).exit_code == 0
    document = json.loads(cli("entries", "--json", env=today).stdout)
    assert len(document["entries"]) == 1 and document["earlier_from"] is None
    assert "go back to" not in cli("entries", env=today).stdout


def test_earlier_entries_of_an_activity_also_kept_as_a_pacing_activity(cli: Run) -> None:
    """'wall-squat' finds the library exercise 'Wall squat'; its pacing spells count too,
    however the name is typed (their first dates are not kept per activity: all are read)."""
    env = {"BACKSKILLS_TODAY": "2025-01-10"}
    assert (
        cli("pace", "add", "Wall squat", "--tolerance", "5", "--unit", "reps", env=env).exit_code
        == 0
    )
    assert cli("pace", "log", "Wall squat", "4", env=env).exit_code == 0
    env = {"BACKSKILLS_TODAY": "2025-03-10"}
    assert cli("log", "wall squat", "5", env=env).exit_code == 0
    env = {"BACKSKILLS_TODAY": "2026-06-30"}
    assert cli("log", "wall squat", "6", env=env).exit_code == 0
    for typed in ("wall-squat", "Wall squat", "wall squat"):
        document = json.loads(cli("entries", "--activity", typed, "--json", env=env).stdout)
        assert [e["date"] for e in document["entries"]] == ["2026-06-30"], typed
        assert document["earlier_from"] == "2025-01-10", typed
