"""``backskills checkin``: flags, refusals, JSON, show/list, today's reminder and the wizard."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.journals import child_env

WEEK1 = [
    "--pain-average", "6", "--pain-worst", "8",
    "--psfs", "Putting on socks=3", "--psfs", "Lifting shopping=2",
    "--psfs", "Walking the dog=4",
    "--test", "sit-to-stand-1min=11", "--not-done", "balance=dizzy this morning",
]  # fmt: skip
WEEK6 = [
    "--pain-average", "4", "--pain-worst", "7",
    "--psfs", "putting on socks=6", "--psfs", "Walking the dog=6",
    "--psfs-retire", "Lifting shopping", "--psfs-new", "Gardening=5",
    "--test", "sit-to-stand-1min=15", "--test", "balance=12",
    "--change", "a-little-better",
]  # fmt: skip


def _journal(data_dir: Path) -> bytes | None:
    path = data_dir / "journal.json"
    return path.read_bytes() if path.exists() else None


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> object:
    def set_day(day: str) -> None:
        monkeypatch.setenv("BACKSKILLS_TODAY", day)

    set_day("2026-01-05")
    return set_day


def test_week_one_and_week_six_with_flags(cli: Run, on: object) -> None:
    first = cli("checkin", *WEEK1)
    assert first.exit_code == 0, first.stderr
    assert "Check-in 1 saved (c1)" in first.stdout
    assert "PSFS score: 3.0 (the mean of 3 activities)" in first.stdout
    assert "Balance on one leg: not done today (dizzy this morning)" in first.stdout
    assert "due Monday 9 February 2026 (week 6)" in first.stdout

    on("2026-02-09")  # type: ignore[operator]
    second = cli("checkin", *WEEK6, "--json")
    assert second.exit_code == 0, second.stderr
    document = json.loads(second.stdout)
    saved = document["checkin"]
    assert (saved["number"], saved["week"], saved["change"]) == (2, 6, "a-little-better")
    assert [p["activity"] for p in saved["psfs"]] == [
        "Putting on socks", "Walking the dog", "Gardening",
    ]  # fmt: skip
    comparison = document["comparison"]
    assert comparison["psfs"]["before"] == 3.5 and comparison["psfs"]["after"] == 6.0
    assert comparison["psfs"]["meaningful"] is True
    assert comparison["pain_average"]["meaningful"] is True  # 6 -> 4: 2 points
    assert comparison["pain_worst"]["meaningful"] is False  # 8 -> 7
    assert document["schedule"]["next_due"] == "2026-03-09"

    shown = cli("checkin", "show")
    assert shown.exit_code == 0, shown.stderr
    text = " ".join(shown.stdout.split())
    assert "Check-in 1 (2026-01-05, week 1) and check-in 2 (2026-02-09, week 6)" in text
    assert (
        "Average pain went from 6 to 4: down 2 points, 33%. That is a meaningful change for the better"
        in text
    )
    assert "Not compared: Lifting shopping (rated at check-in 1 only)" in text
    assert "Not compared: Balance on one leg (not done at check-in 1)" in text
    assert "you rated your back a little better" in text

    listing = json.loads(cli("checkin", "list", "--json").stdout)
    assert [c["number"] for c in listing["checkins"]] == [1, 2]
    assert listing["checkins"][1]["psfs_mean"] == 5.67


def test_show_json_carries_the_thresholds_and_any_two(cli: Run, on: object) -> None:
    assert cli("checkin", *WEEK1).exit_code == 0
    on("2026-02-09")  # type: ignore[operator]
    assert cli("checkin", *WEEK6).exit_code == 0
    on("2026-03-09")  # type: ignore[operator]
    third = [*WEEK6]
    third[third.index("--psfs-retire") : third.index("--psfs-new") + 2] = ["--psfs", "Gardening=7"]
    assert cli("checkin", *third).exit_code == 0
    document = json.loads(cli("checkin", "show", "--from", "2", "--to", "3", "--json").stdout)
    assert document["checkins"] == 3
    assert (document["comparison"]["from"]["number"], document["comparison"]["to"]["number"]) == (
        2, 3,
    )  # fmt: skip
    assert [i["activity"] for i in document["comparison"]["psfs_items"]] == [
        "Putting on socks", "Walking the dog", "Gardening",
    ]  # fmt: skip
    keys = {t["key"]: t for t in document["thresholds"]}
    assert keys["psfs_mean"]["points"] == 2 and keys["pain"]["percent"] == 30
    missing = cli("checkin", "show", "--from", "1", "--to", "9")
    assert missing.exit_code == 1 and "--to: there is no check-in 9" in missing.stderr


def test_show_and_list_before_any_checkin(cli: Run, on: object) -> None:
    assert cli("pain", "4").exit_code == 0
    shown = cli("checkin", "show")
    assert shown.exit_code == 0 and "No check-ins yet" in shown.stdout
    assert "Check-in 1 is due" in shown.stdout
    document = json.loads(cli("checkin", "show", "--json").stdout)
    assert document["comparison"] is None and document["schedule"]["due"] is True
    assert cli("checkin", *WEEK1).exit_code == 0
    only = cli("checkin", "show")
    assert "Nothing to compare yet" in only.stdout and "Putting on socks: 3" in only.stdout


def without(args: list[str], *options: str) -> list[str]:
    """``args`` with every ``--option VALUE`` pair of the named options taken out."""
    kept: list[str] = []
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in options:
            skip = True
        else:
            kept.append(arg)
    return kept


PSFS_11 = [*without(WEEK1, "--psfs"), "--psfs", "Putting on socks=11", "--psfs", "b=2",
           "--psfs", "c=3"]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (PSFS_11, 2, "--psfs: 'Putting on socks': '11' is not a score"),
        ([*without(WEEK1, "--pain-average"), "--pain-average", "11"], 2,
         "--pain-average: must be a whole number from 0 to 10"),
        ([*WEEK1, "--test-new", "Stairs", "--test", "Stairs=12"], 2,
         "--test-new: 'Stairs' needs a unit"),
        ([*WEEK1, "--test", "Stairs=12"], 1, "--test: 'Stairs' is not one of your tests"),
        ([*without(WEEK1, "--test"), "--test", "sit-to-stand-1min=-3"], 2,
         "--test: 'sit-to-stand-1min': cannot be negative"),
        ([*without(WEEK1, "--not-done"), "--not-done", "balance="], 2,
         "--not-done: say briefly why"),
        ([*WEEK1, "--change", "better"], 2, "--change: this is your first check-in"),
        ([*WEEK1, "--date", "2026-01-06"], 2, "--date: 2026-01-06 is in the future"),
        ([*without(WEEK1, "--pain-worst"), "--pain-worst", "2"], 2,
         "--pain-worst: your worst pain (2) is lower than your average (6)"),
    ],
)  # fmt: skip
def test_refusals_change_nothing(
    cli: Run, data_dir: Path, on: object, args: list[str], code: int, message: str
) -> None:
    assert cli("pain", "4").exit_code == 0
    before = _journal(data_dir)
    result = cli("checkin", *args)
    assert result.exit_code == code, result.stderr
    assert result.stderr.startswith(f"Error: {message}"), result.stderr
    assert result.stdout == ""
    assert _journal(data_dir) == before


def test_a_psfs_item_that_does_not_exist_is_refused(cli: Run, data_dir: Path, on: object) -> None:
    assert cli("checkin", *WEEK1).exit_code == 0
    on("2026-02-09")  # type: ignore[operator]
    before = _journal(data_dir)
    result = cli("checkin", *WEEK6, "--psfs", "Hoovering=4")
    assert result.exit_code == 1
    assert "--psfs: 'Hoovering' is not one of your PSFS activities" in result.stderr
    assert '--psfs-new "Hoovering=4"' in result.stderr  # the hint says how to add it
    assert _journal(data_dir) == before


def test_without_a_terminal_every_missing_answer_is_named(cli: Run, on: object) -> None:
    result = cli("checkin", "--pain-average", "5")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --pain-worst: is needed when backskills cannot ask")
    assert "--psfs" in result.stderr and "--test" in result.stderr
    assert "Hint: Ideas for the PSFS" not in result.stderr  # nothing to suggest from yet
    goal = ["goal", "add", "Walk to the shops", "--target", "20", "--unit", "minutes",
            "--why", "independence", "--reward", "a coffee", "--within", "8w"]  # fmt: skip
    assert cli(*goal).exit_code == 0, cli(*goal).stderr
    result = cli("checkin", "--pain-average", "5", "--pain-worst", "6")
    assert "Hint: Ideas for the PSFS from your goals and activities: Walk to the shops" in (
        result.stderr
    )
    later = cli("checkin", *WEEK1)
    assert later.exit_code == 0
    on("2026-02-09")  # type: ignore[operator]
    no_change = [a for a in WEEK6 if a not in ("--change", "a-little-better")]
    result = cli("checkin", *no_change)
    assert result.exit_code == 2 and "Error: --change: is needed" in result.stderr


def test_class_start_alone_sets_the_schedule(cli: Run, on: object) -> None:
    result = cli("checkin", "--class-start", "2026-01-12", "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["class_start"] == "2026-01-12"
    assert document["schedule"]["next_due"] == "2026-01-12"
    assert document["schedule"]["due"] is False
    assert "Class start saved" in cli("checkin", "--class-start", "2026-01-12").stdout


def test_today_says_once_when_a_checkin_is_due(cli: Run, on: object) -> None:
    assert cli("pain", "4").exit_code == 0
    home = cli("today")
    assert home.stdout.count("check-in") == 1
    # Timed from the first use (no class start): due, without looking up since when.
    assert "Your first check-in (week 1) is due:" in home.stdout
    due = json.loads(cli("today", "--json").stdout)["checkin_due"]
    assert (due["number"], due["week"], due["due_since"], due["days_overdue"]) == (1, 1, None, None)
    assert cli("checkin", *WEEK1).exit_code == 0
    assert "check-in" not in cli("today").stdout.lower()
    assert json.loads(cli("today", "--json").stdout)["checkin_due"] is None
    on("2026-03-20")  # type: ignore[operator]  # week 6 came and went: still one line
    home = cli("today")
    assert home.stdout.count("Check-in 2") == 1
    assert "has been due since 9 February" in home.stdout
    due = json.loads(cli("today", "--json").stdout)["checkin_due"]
    assert due == {
        "number": 2, "week": 6, "due_since": "2026-02-09", "days_overdue": 39,
        "tests_on_hold": False, "command": "backskills checkin",
    }  # fmt: skip


def test_tests_lists_the_well_known_ones(cli: Run, on: object) -> None:
    result = cli("checkin", "tests", "--json")
    assert result.exit_code == 0
    keys = [t["key"] for t in json.loads(result.stdout)["well_known"]]
    assert "sit-to-stand-1min" in keys and "balance" in keys


def test_checkins_are_in_the_export_and_data_check(cli: Run, on: object) -> None:
    assert cli("checkin", *WEEK1).exit_code == 0
    csv = cli("data", "export", "--format", "csv").stdout
    assert "2026-01-05,checkin_psfs,Putting on socks,3,0-10" in csv
    assert "checkin_test,Balance on one leg,,seconds,not done,dizzy this morning" in csv
    assert json.loads(cli("data", "check", "--json").stdout)["counts"]["checkins"] == 1


# -- the wizard, on a real pseudo-terminal ---------------------------------------------------


class Terminal:
    """``python -m backskills`` on a pseudo-terminal: wait for a question, type an answer."""

    def __init__(self, data_dir: Path, *args: str, today: str) -> None:
        self.master, slave = pty.openpty()
        env = child_env(data_dir, BACKSKILLS_TODAY=today, NO_COLOR="1", TERM="dumb", COLUMNS="200")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "backskills", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            close_fds=True,
        )
        os.close(slave)
        self.seen = ""

    def _read(self, wait: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], wait)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 4096)
        except OSError:  # the child closed the terminal
            return False
        if not chunk:
            return False
        self.seen += chunk.decode("utf-8", "replace").replace("\r\n", "\n")
        return True

    def expect(self, text: str) -> None:
        """Read until ``text`` appears (a hang fails the test instead of blocking it)."""
        start = len(self.seen)
        for _ in range(600):
            if text in self.seen[start:] or text in self.seen:
                return
            if not self._read(0.1) and self.process.poll() is not None:
                break
        raise AssertionError(f"never saw {text!r}; the terminal showed:\n{self.seen}")

    def answer(self, question: str, reply: str) -> None:
        self.expect(question)
        self.seen = self.seen[self.seen.index(question) + len(question) :]
        os.write(self.master, reply.encode() + b"\n")

    def finish(self) -> tuple[int, str]:
        while self._read(0.1) or self.process.poll() is None:
            pass
        os.close(self.master)
        return self.process.wait(timeout=30), self.seen


def test_wizard_on_a_pseudo_terminal_asks_one_question_at_a_time(data_dir: Path) -> None:
    term = Terminal(data_dir, "checkin", today="2026-01-05")
    term.answer("Your average pain", "5")
    term.answer("Your worst pain", "3")  # lower than the average: asked again
    term.answer("cannot be lower than your average", "")
    term.answer("Your worst pain", "7")
    term.answer("Activity 1", "Putting on socks")
    term.answer("How well can you do 'Putting on socks' now?", "11")  # out of range
    term.answer("not a score", "")
    term.answer("How well can you do 'Putting on socks' now?", "3")
    term.answer("Activity 2", "Lifting shopping")
    term.answer("How well can you do 'Lifting shopping' now?", "2")
    term.answer("Activity 3", "")  # fewer than three: asked again
    term.answer("name at least 3", "")
    term.answer("Activity 3", "Walking the dog")
    term.answer("How well can you do 'Walking the dog' now?", "4")
    term.answer("Activity 4 (or Enter to finish)", "")
    term.answer("Test 1 (a number or a name)", "1")
    term.answer("Test 2 (or Enter to go on)", "Stairs")
    term.answer("What is 'Stairs' measured in?", "")  # no unit: asked again
    term.answer("cannot be empty", "")
    term.answer("What is 'Stairs' measured in?", "seconds")
    term.answer("Is a higher or a lower result better?", "lower")
    term.answer("Test 3 (or Enter to go on)", "")
    term.answer("Sit-to-stand in 1 minute (in reps, higher is better)", "11")
    term.answer("Stairs (in seconds, lower is better)", "not done")
    term.answer("Why not today?", "knee sore")
    code, screen = term.finish()
    assert code == 0, screen
    assert "Check-in 1 saved (c1)" in screen
    assert "PSFS score: 3.0" in screen
    assert "Stairs: not done today (knee sore)" in screen

    term = Terminal(data_dir, "checkin", "--json", today="2026-02-09")
    term.answer("Your average pain", "4")
    term.answer("Your worst pain", "6")
    term.answer("Putting on socks (last time 3)", "6")
    term.answer("Lifting shopping (last time 2)", "retire")
    term.answer("Walking the dog (last time 4)", "6")
    term.answer("Add a new activity (or Enter to go on)", "Gardening")
    term.answer("How well can you do 'Gardening' now?", "5")
    term.answer("Add a new activity (or Enter to go on)", "")
    term.answer("Test 3 (or Enter to go on)", "")
    term.answer("Sit-to-stand in 1 minute (in reps, higher is better; last time 11)", "14")
    term.answer("Stairs (in seconds, lower is better)", "18")
    term.expect("4. Compared with your first check-in (2026-01-05)")
    term.answer("Your answer (a number from 1 to 7)", "3")
    code, screen = term.finish()
    assert code == 0, screen
    document = json.loads(screen[screen.index("{") :])
    assert document["checkin"]["change"] == "a-little-better"
    assert [p["activity"] for p in document["checkin"]["psfs"]] == [
        "Putting on socks", "Walking the dog", "Gardening",
    ]  # fmt: skip
    assert document["comparison"]["psfs"]["after"] == 6.0


# -- check-ins are entries: listed, corrected, removed and undone ---------------------------


def test_checkins_take_part_in_entries_and_undo(cli: Run, on: object) -> None:
    assert cli("checkin", *WEEK1).exit_code == 0
    on("2026-02-09")  # type: ignore[operator]
    saved = json.loads(cli("checkin", *WEEK6, "--json").stdout)["checkin"]
    assert saved["entry_id"] == "c2"
    rows = json.loads(cli("entries", "--kind", "checkin", "--all", "--json").stdout)["entries"]
    assert [r["id"] for r in rows] == ["c2", "c1"]
    assert "check-in: pain 4 (worst 7), PSFS 5.7, tests 2 of 2 done" in rows[0]["summary"]

    moved = cli("entries", "edit", "c1", "--date", "2026-02-09")
    assert moved.exit_code == 1 and "check-ins stay in date order" in moved.stderr
    noted = cli("entries", "edit", "c2", "--note", "after the class")
    assert noted.exit_code == 0, noted.stderr
    assert json.loads(cli("checkin", "list", "--json").stdout)["checkins"][1]["note"] == (
        "after the class"
    )

    removed = cli("entries", "remove", "c2")
    assert removed.exit_code == 0, removed.stderr
    assert "'Lifting shopping' is on your PSFS list again." in removed.stdout
    assert "'Gardening' leaves your PSFS list" in removed.stdout
    document = json.loads(cli("checkin", "show", "--json").stdout)
    assert document["checkins"] == 1 and document["schedule"]["due"] is True

    undone = cli("undo", "--yes")
    assert undone.exit_code == 0, undone.stderr
    assert "brings back c2" in " ".join(undone.stdout.split())
    back = json.loads(cli("checkin", "show", "--json").stdout)
    assert back["checkins"] == 2 and back["comparison"]["psfs"]["after"] == 6.0

    # a number once used is not given again, even after a removal
    assert cli("entries", "remove", "c2").exit_code == 0
    on("2026-02-10")  # type: ignore[operator]
    again = json.loads(cli("checkin", *WEEK6, "--json").stdout)["checkin"]
    assert again["entry_id"] == "c3" and again["number"] == 2


# -- safety: exercise tests wait for an open red-flag check ---------------------------------


def test_an_open_redflag_check_puts_the_tests_on_hold(
    cli: Run, on: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("redflags", "--present", "night_pain").exit_code == 0
    home = cli("today")
    assert "leave the exercise tests until your red-flag check has been looked at" in " ".join(
        home.stdout.split()
    )
    assert json.loads(cli("today", "--json").stdout)["checkin_due"]["tests_on_hold"] is True

    import backskills.cli.checkin as command

    monkeypatch.setattr(command, "interactive", lambda no_input=False: True)
    answers = [
        "5", "7", "Socks", "3", "Bending", "2", "Walking", "4", "",  # pain and the PSFS
        "1", "",  # one well-known test, then Enter
        "not done", "waiting to see my GP",
    ]  # fmt: skip
    result = cli("checkin", "--json", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "leave the exercise tests for now" in " ".join(result.stderr.split())
    saved = json.loads(result.stdout[result.stdout.index("{") :])["checkin"]
    assert saved["tests"][0]["not_done"] == "waiting to see my GP"

    assert cli("redflags", "assessed").exit_code == 0
    on("2026-02-09")  # type: ignore[operator]
    due = json.loads(cli("today", "--json").stdout)["checkin_due"]
    assert due["number"] == 2 and due["tests_on_hold"] is False
