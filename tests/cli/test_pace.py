"""``backskills pace``: every command, its JSON, and its refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run

TODAY = "2026-03-04"


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKSKILLS_TODAY", TODAY)
    monkeypatch.setenv("COLUMNS", "200")


def ok(cli: Run, *args: str) -> str:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def as_json(cli: Run, *args: str) -> object:
    return json.loads(ok(cli, *args, "--json"))


def journal_bytes(data_dir: Path) -> bytes | None:
    path = data_dir / "journal.json"
    return path.read_bytes() if path.exists() else None


def refused(cli: Run, data_dir: Path, code: int, *args: str) -> str:
    """Run a command that must fail with ``code`` and leave the journal byte-identical."""
    before = journal_bytes(data_dir)
    result = cli(*args)
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert journal_bytes(data_dir) == before
    assert "Traceback" not in result.stderr
    return result.stderr


def setup_house(cli: Run) -> None:
    ok(cli, "pace", "add", "vacuuming", "--good", "20", "--bad", "11", "--position", "standing")
    ok(cli, "pace", "add", "paperwork", "--tolerance", "20", "--position", "sitting")


# -- activities -------------------------------------------------------------------------------


def test_add_with_good_and_bad_uses_the_middle_rounded_down(cli: Run) -> None:
    stored = as_json(cli, "pace", "add", "vacuuming", "--good", "20", "--bad", "11")
    assert stored == {
        "activity": "vacuuming",
        "unit": "minutes",
        "tolerance": 15,
        "rest": 10,
        "position": "mixed",
    }
    out = ok(cli, "pace", "add", "walking", "--good", "1.5", "--bad", "0.2", "--unit", "km")
    assert "0.8 km" in out and "middle of 1.5" in out
    assert "more: backskills learn pacing" in out


def test_list_json_shape_and_human_table(cli: Run) -> None:
    assert as_json(cli, "pace", "list") == []
    assert "No pacing activities yet" in ok(cli, "pace", "list")
    setup_house(cli)
    ok(cli, "pace", "add", "ironing", "--tolerance", "25", "--rest", "5")
    listed = as_json(cli, "pace", "list")
    assert isinstance(listed, list)
    assert [set(item) for item in listed] == [
        {"activity", "unit", "tolerance", "rest", "position"}
    ] * 3
    assert [(i["activity"], i["tolerance"], i["rest"]) for i in listed] == [
        ("vacuuming", 15, 10),
        ("paperwork", 20, 10),
        ("ironing", 25, 5),
    ]
    assert "paperwork" in ok(cli, "pace", "list")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["pace", "add", "x"], "--tolerance"),
        (["pace", "add", "x", "--tolerance", "5", "--good", "9", "--bad", "2"], "not both"),
        (["pace", "add", "x", "--good", "9"], "--bad"),
        (["pace", "add", "x", "--good", "5", "--bad", "9"], "--good"),
        (["pace", "add", "x", "--tolerance", "ten"], "not a number"),
        (["pace", "add", "x", "--tolerance", "0"], "more than zero"),
        (["pace", "add", "x", "--tolerance", "nan"], "ordinary number"),
        (["pace", "add", "x", "--tolerance", "2.5"], "steps of 1 minute"),
        (["pace", "add", "x", "--tolerance", "5", "--position", "upside-down"], "--position"),
        (["pace", "add", "x", "--tolerance", "5", "--rest", "-1"], "negative"),
        (["pace", "add", "  ", "--tolerance", "5"], "ACTIVITY"),
        (["pace", "add", "x", "--good", "0.4", "--bad", "0"], "less than 1 minute"),
    ],
)
def test_add_invalid_input_is_exit_2(
    cli: Run, data_dir: Path, args: list[str], needle: str
) -> None:
    ok(cli, "pace", "add", "vacuuming", "--tolerance", "15")
    assert needle in refused(cli, data_dir, 2, *args)


def test_add_duplicate_is_refused(cli: Run, data_dir: Path) -> None:
    ok(cli, "pace", "add", "Vacuuming", "--tolerance", "15")
    message = refused(cli, data_dir, 1, "pace", "add", "vacuuming", "--tolerance", "9")
    assert "already a pacing activity called 'Vacuuming'" in message
    assert 'pace edit "Vacuuming"' in message


@pytest.mark.parametrize(
    "args",
    [
        ["pace", "add", "x", "--tolerance", "1e308"],
        ["pace", "add", "x", "--good", "1e308", "--bad", "1e308"],
        ["pace", "add", "x", "--tolerance", "5", "--rest", "1e308"],
        ["pace", "edit", "vacuuming", "--tolerance", "100001"],
        ["pace", "edit", "vacuuming", "--rest", "241"],
        ["pace", "task", "add", "t", "--activity", "vacuuming", "--amount", "1e308"],
        [
            "pace",
            "task",
            "add",
            "t",
            "--activity",
            "vacuuming",
            "--amount",
            "5",
            "--by",
            "9999-12-31",
        ],
        ["pace", "log", "vacuuming", "1e308"],
        ["pace", "plan", "--date", "9999-12-31"],
    ],
)
def test_huge_numbers_and_far_dates_are_refused(cli: Run, data_dir: Path, args: list[str]) -> None:
    ok(cli, "pace", "add", "vacuuming", "--tolerance", "15")
    message = refused(cli, data_dir, 2, *args)
    assert message.startswith("Error: ") and message.count("\n") == 1
    assert "too" in message


def test_edit_changes_and_refusals(cli: Run, data_dir: Path) -> None:
    setup_house(cli)
    stored = as_json(cli, "pace", "edit", "VACUUMING", "--tolerance", "12", "--rest", "15")
    assert (stored["tolerance"], stored["rest"], stored["position"]) == (12, 15, "standing")
    out = ok(cli, "pace", "edit", "vacuuming", "--good", "30", "--bad", "10")
    assert "20 minutes" in out and "middle of 30" in out
    assert "nothing to change" in refused(cli, data_dir, 2, "pace", "edit", "vacuuming")
    assert "no pacing activity" in refused(
        cli, data_dir, 1, "pace", "edit", "gardening", "--rest", "5"
    )
    refused(cli, data_dir, 2, "pace", "edit", "vacuuming", "--position", "floating")


def test_remove_activity(cli: Run, data_dir: Path) -> None:
    setup_house(cli)
    ok(cli, "pace", "task", "add", "bills", "--activity", "paperwork", "--amount", "30")
    assert "open tasks" in refused(cli, data_dir, 1, "pace", "remove", "paperwork")
    refused(cli, data_dir, 1, "pace", "remove", "gardening")
    removed = as_json(cli, "pace", "remove", "vacuuming")
    assert removed["removed"]["activity"] == "vacuuming"
    assert [a["activity"] for a in as_json(cli, "pace", "list")] == ["paperwork"]


# -- tasks ------------------------------------------------------------------------------------


def test_task_add_list_done_remove(cli: Run) -> None:
    setup_house(cli)
    first = as_json(
        cli,
        "pace",
        "task",
        "add",
        "vacuum the house",
        "--activity",
        "Vacuuming",
        "--amount",
        "40",
        "--by",
        "2026-03-06",
    )
    assert first == {
        "id": 1,
        "title": "vacuum the house",
        "activity": "vacuuming",
        "amount": 40,
        "done_amount": 0,
        "remaining": 40,
        "unit": "minutes",
        "priority": "medium",
        "deadline": "2026-03-06",
        "created": TODAY,
        "done_on": None,
    }
    ok(
        cli,
        "pace",
        "task",
        "add",
        "bills",
        "--activity",
        "paperwork",
        "--amount",
        "30",
        "--priority",
        "HIGH",
    )
    ok(
        cli,
        "pace",
        "task",
        "add",
        "letters",
        "--activity",
        "paperwork",
        "--amount",
        "10",
        "--priority",
        "low",
    )
    listed = as_json(cli, "pace", "task", "list")
    assert [t["id"] for t in listed] == [2, 1, 3]
    assert "vacuum the house" in ok(cli, "pace", "task", "list")
    done = as_json(cli, "pace", "task", "done", "2")
    assert done["done_on"] == TODAY and done["remaining"] == 0
    assert [t["id"] for t in as_json(cli, "pace", "task", "list")] == [1, 3]
    assert [t["id"] for t in as_json(cli, "pace", "task", "list", "--all")] == [2, 1, 3]
    assert "Removed task 3" in ok(cli, "pace", "task", "remove", "3")
    assert [t["id"] for t in as_json(cli, "pace", "task", "list", "--all")] == [2, 1]


def test_task_refusals(cli: Run, data_dir: Path) -> None:
    setup_house(cli)
    ok(cli, "pace", "task", "add", "bills", "--activity", "paperwork", "--amount", "30")
    ok(cli, "pace", "task", "done", "1")
    base = ["pace", "task", "add", "t", "--activity", "vacuuming"]
    assert "--amount" in refused(cli, data_dir, 2, *base)
    assert "--activity" in refused(cli, data_dir, 2, "pace", "task", "add", "t", "--amount", "5")
    assert "has passed" in refused(cli, data_dir, 2, *base, "--amount", "5", "--by", "2026-03-01")
    assert "not a date" in refused(cli, data_dir, 2, *base, "--amount", "5", "--by", "soon")
    assert "steps of 1 minute" in refused(cli, data_dir, 2, *base, "--amount", "7.5")
    assert "--priority" in refused(cli, data_dir, 2, *base, "--amount", "5", "--priority", "urgent")
    assert "no pacing activity" in refused(
        cli, data_dir, 1, "pace", "task", "add", "t", "--activity", "gardening", "--amount", "5"
    )
    assert "already" in refused(cli, data_dir, 1, "pace", "task", "done", "1")
    assert "no pacing task" in refused(cli, data_dir, 1, "pace", "task", "done", "9")
    assert "no pacing task" in refused(cli, data_dir, 1, "pace", "task", "remove", "9")
    assert "whole number" in refused(cli, data_dir, 2, "pace", "task", "remove", "one")


# -- the plan ---------------------------------------------------------------------------------


def test_plan_json_shape_and_amounts(cli: Run) -> None:
    setup_house(cli)
    ok(cli, "pace", "task", "add", "vacuum the house", "--activity", "vacuuming", "--amount", "40")
    ok(cli, "pace", "task", "add", "bills", "--activity", "paperwork", "--amount", "30")
    result = cli("pace", "plan", "--json")
    assert result.exit_code == 0, result.stderr
    plan = json.loads(result.stdout)
    assert set(plan) == {"days", "unscheduled", "warnings", "flareup_since"}
    assert [d["date"] for d in plan["days"]] == ["2026-03-04", "2026-03-05", "2026-03-06"]
    spells = plan["days"][0]["spells"]
    assert all(set(s) == {"task", "activity", "amount", "rest_after", "position"} for s in spells)
    vacuum = [s["amount"] for s in spells if s["task"] == "vacuum the house"]
    assert sorted(vacuum, reverse=True) == [14, 13, 13] and sum(vacuum) == 40
    assert max(s["amount"] for s in spells if s["activity"] == "paperwork") <= 20
    assert [s["position"] for s in spells][:2] in (["standing", "sitting"], ["sitting", "standing"])
    assert plan["unscheduled"] == [] and plan["warnings"] == []
    assert "good day" in result.stderr  # the note goes to stderr, stdout stays one document


def test_plan_human_output_explains_and_says_good_day_once(cli: Run) -> None:
    setup_house(cli)
    ok(cli, "pace", "task", "add", "[bold]x[/] :pill:", "--activity", "vacuuming", "--amount", "40")
    out = ok(cli, "pace", "plan", "--days", "2")
    assert "[bold]x[/] :pill:" in out
    assert out.count("good day this plan still holds") == 1
    assert "middle of 20 on a good day and 11 on a bad day" in out
    assert "At most 3 spells" in out
    assert "more: backskills learn pacing" in out


def test_plan_reads_well_on_a_narrow_screen_without_colour(cli: Run) -> None:
    ok(cli, "pace", "add", "vacuuming", "--good", "20", "--bad", "11", "--position", "standing")
    ok(cli, "pace", "add", "sitting at a desk", "--tolerance", "30", "--position", "sitting")
    add = ["pace", "task", "add"]
    ok(
        cli,
        *add,
        "vacuum the whole house",
        "--activity",
        "vacuuming",
        "--amount",
        "40",
        "--priority",
        "high",
    )
    ok(
        cli,
        *add,
        "tax return",
        "--activity",
        "sitting at a desk",
        "--amount",
        "200",
        "--by",
        "tomorrow",
    )
    result = cli("pace", "plan", env={"COLUMNS": "40", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "\x1b" not in result.stdout + result.stderr
    assert max(len(line.rstrip()) for line in lines) <= 40
    # words are never broken, and each spell reads as a sentence under its task
    assert "1. vacuum the whole house" in lines[3]
    assert lines[4].strip() == "vacuuming 14 minutes, standing; then"
    assert lines[5].strip() == "rest 10 minutes"
    assert "Wed 2026-03-04" in lines and "Thu 2026-03-05" in lines
    assert "minute\n" not in result.stdout
    # the deadline questions wrap under their own text, not under the dash
    questions = result.stderr.splitlines()
    assert "- Could someone help with it?" in [q.rstrip() for q in questions]
    assert all(len(q.rstrip()) <= 40 for q in questions if not q.startswith("Note:"))
    assert any(q.startswith("  ") and "position?" in q for q in questions)
    # the lists of activities and tasks read as sentences too, with whole words
    narrow = {"COLUMNS": "40", "NO_COLOR": "1"}
    listed = cli("pace", "list", env=narrow).stdout
    assert "- vacuuming: spells of up to 15 minutes," in listed.splitlines()[0]
    tasks = cli("pace", "task", "list", env=narrow).stdout.splitlines()
    assert tasks[0].rstrip() == "1. vacuum the whole house"
    assert tasks[1].strip() == "vacuuming, 40 minutes left, high"
    assert max(len(line.rstrip()) for line in tasks) <= 40


def test_plan_carry_over_and_deadline_questions(cli: Run) -> None:
    ok(cli, "pace", "add", "vacuuming", "--tolerance", "15")
    ok(
        cli,
        "pace",
        "task",
        "add",
        "windows",
        "--activity",
        "vacuuming",
        "--amount",
        "100",
        "--by",
        "tomorrow",
    )
    plan = as_json(cli, "pace", "plan", "--days", "1", "--sessions", "2")
    assert [s["amount"] for s in plan["days"][0]["spells"]] == [15, 15]
    assert plan["unscheduled"] == [
        {
            "task_id": 1,
            "task": "windows",
            "activity": "vacuuming",
            "amount": 70,
            "unit": "minutes",
            "deadline": "2026-03-05",
            "reason": "carried over past 2026-03-04",
        }
    ]
    (warning,) = plan["warnings"]
    assert warning["kind"] == "deadline" and warning["left"] == 40
    result = cli("pace", "plan", "--sessions", "2")
    assert "will not be finished by 2026-03-05" in result.stderr
    assert "Could someone help" in result.stderr
    assert "another way" in result.stderr and "wait" in result.stderr


def test_plan_bad_day(cli: Run) -> None:
    ok(cli, "pace", "add", "vacuuming", "--tolerance", "15", "--rest", "10")
    ok(cli, "pace", "task", "add", "house", "--activity", "vacuuming", "--amount", "90")
    plan = as_json(cli, "pace", "plan", "--bad-day", "--days", "2")
    first, second = plan["days"]
    assert all(s["amount"] <= 11 for s in first["spells"])  # 3/4 of 15 rounded down
    assert all(s["rest_after"] == 15 for s in first["spells"])
    assert max(s["amount"] for s in second["spells"]) == 15
    out = ok(cli, "pace", "plan", "--bad-day")
    assert "(bad day)" in out and "three quarters of 15" in out


def test_plan_refusals_and_empty_states(cli: Run, data_dir: Path) -> None:
    assert "No pacing activities" in ok(cli, "pace", "plan")
    assert not data_dir.exists(), "a read command must not create the journal"
    ok(cli, "pace", "add", "vacuuming", "--tolerance", "15")
    assert "No tasks" in ok(cli, "pace", "plan")
    assert "--days" in refused(cli, data_dir, 2, "pace", "plan", "--days", "0")
    assert "--days" in refused(cli, data_dir, 2, "pace", "plan", "--days", "99")
    assert "--sessions" in refused(cli, data_dir, 2, "pace", "plan", "--sessions", "x")
    assert "has passed" in refused(cli, data_dir, 2, "pace", "plan", "--date", "2026-03-01")
    assert "No such option" in refused(cli, data_dir, 2, "pace", "plan", "--good-day")
    plan = as_json(cli, "pace", "plan", "--date", "2026-03-10", "--days", "1")
    assert plan["days"][0]["date"] == "2026-03-10"


# -- log and review ---------------------------------------------------------------------------


def test_log_records_spells_and_task_progress(cli: Run) -> None:
    setup_house(cli)
    ok(cli, "pace", "task", "add", "house", "--activity", "vacuuming", "--amount", "40")
    stored = as_json(
        cli, "pace", "log", "vacuuming", "15", "--felt", "ok", "--task", "1", "--note", "[/] ok"
    )
    assert stored == {
        "date": TODAY,
        "activity": "vacuuming",
        "amount": 15,
        "unit": "minutes",
        "felt": "ok",
        "task_id": 1,
        "note": "[/] ok",
    }
    out = ok(cli, "pace", "log", "vacuuming", "25", "--task", "1", "--date", "yesterday")
    assert "finishes task 1" in out
    assert "more than your usual spell" in out
    assert as_json(cli, "pace", "task", "list") == []
    out = ok(cli, "pace", "log", "paperwork", "10", "--felt", "too-much")
    assert "Hurt does not mean harm" in out


def test_log_refusals(cli: Run, data_dir: Path) -> None:
    setup_house(cli)
    assert "future" in refused(
        cli, data_dir, 2, "pace", "log", "vacuuming", "10", "--date", "2026-03-05"
    )
    assert "--felt" in refused(
        cli, data_dir, 2, "pace", "log", "vacuuming", "10", "--felt", "great"
    )
    assert "AMOUNT" in refused(cli, data_dir, 2, "pace", "log", "vacuuming", "--", "-3")
    assert "no pacing activity" in refused(cli, data_dir, 1, "pace", "log", "gardening", "10")
    assert "no pacing task" in refused(
        cli, data_dir, 1, "pace", "log", "vacuuming", "10", "--task", "4"
    )


def log_days(cli: Run, felt: str, dates: list[str]) -> None:
    for day in dates:
        ok(cli, "pace", "log", "vacuuming", "15", "--felt", felt, "--date", day)


def test_review_suggests_and_accept_changes_the_tolerance(cli: Run, data_dir: Path) -> None:
    setup_house(cli)
    log_days(cli, "ok", ["2026-03-02", "2026-03-03", "2026-03-04"])
    review = as_json(cli, "pace", "review")
    assert list(review) == ["activities"]
    by_name = {r["activity"]: r for r in review["activities"]}
    assert set(by_name["vacuuming"]) == {
        "activity",
        "tolerance",
        "days_reviewed",
        "suggestion",
        "suggested_tolerance",
        "reason",
    }
    assert by_name["vacuuming"]["suggestion"] == "more"
    assert by_name["vacuuming"]["suggested_tolerance"] == 16
    assert by_name["vacuuming"]["days_reviewed"] == 3
    assert by_name["paperwork"]["suggestion"] == "keep"
    out = ok(cli, "pace", "review", "vacuuming")
    assert "suggest 16 minutes instead of 15 minutes" in out
    assert "--accept" in out and "Nothing changes until you accept" in out
    # a review alone changes nothing
    assert as_json(cli, "pace", "list")[0]["tolerance"] == 15
    assert "name the activity" in refused(cli, data_dir, 2, "pace", "review", "--accept")
    accepted = as_json(cli, "pace", "review", "vacuuming", "--accept")
    assert accepted["accepted"]["from_tolerance"] == 15
    assert accepted["accepted"]["to_tolerance"] == 16
    assert as_json(cli, "pace", "list")[0]["tolerance"] == 16
    assert "no change to accept" in refused(
        cli, data_dir, 1, "pace", "review", "vacuuming", "--accept"
    )


def test_review_too_much_suggests_shorter(cli: Run) -> None:
    setup_house(cli)
    log_days(cli, "too-much", ["2026-03-01", "2026-03-03"])
    (found,) = as_json(cli, "pace", "review", "vacuuming", "--days", "7")["activities"]
    assert (found["suggestion"], found["suggested_tolerance"]) == ("shorter", 14)


def test_review_refusals(cli: Run, data_dir: Path) -> None:
    setup_house(cli)
    refused(cli, data_dir, 1, "pace", "review", "gardening")
    refused(cli, data_dir, 2, "pace", "review", "--days", "1")
    assert "no change to accept" in refused(
        cli, data_dir, 1, "pace", "review", "vacuuming", "--accept"
    )


def test_help_lists_every_command(cli: Run) -> None:
    out = ok(cli, "pace", "--help")
    for name in ("add", "list", "edit", "remove", "task", "plan", "log", "review"):
        assert name in out
    assert "Example: backskills pace plan" in ok(cli, "pace", "plan", "--help")
    assert "pace" in ok(cli, "--help")


def test_a_review_with_nothing_to_accept_does_not_mention_accepting(cli: Run) -> None:
    ok(cli, "pace", "add", "ironing", "--tolerance", "10")
    out = ok(cli, "pace", "review")
    assert "keep 10 minutes" in out
    assert "accept" not in out


def test_a_logged_spell_reads_in_plain_words(cli: Run) -> None:
    ok(cli, "pace", "add", "ironing", "--tolerance", "10")
    out = ok(cli, "pace", "log", "ironing", "10", "--felt", "too-much")
    assert "felt too much" in out and "too-much" not in out


@pytest.mark.parametrize("position", ["kneeling", "bending", "Kneeling"])
def test_add_takes_kneeling_and_bending(cli: Run, position: str) -> None:
    stored = as_json(cli, "pace", "add", "weeding", "--tolerance", "15", "--position", position)
    assert stored["position"] == position.lower()  # type: ignore[index]
    assert position.lower() in ok(cli, "pace", "list")


def test_an_unknown_position_lists_them_all(cli: Run, data_dir: Path) -> None:
    err = refused(
        cli, data_dir, 2, "pace", "add", "weeding", "--tolerance", "15", "--position", "crouching"
    )
    assert "kneeling, bending" in err
