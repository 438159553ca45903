"""`backskills flareup` and `backskills goodspell` through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backskills.domain import flareups, redflags
from tests.cli.safety_helpers import (  # noqa: F401 (autouse fixtures)
    TODAY,
    fixed_day,
    flat,
    fresh_consoles,
    journal_bytes,
    pretend_terminal,
    stored,
)
from tests.conftest import Run


@pytest.fixture
def tty(monkeypatch: pytest.MonkeyPatch) -> None:
    pretend_terminal(monkeypatch, "backskills.cli.flareup", "backskills.cli._plans")


# --- starting, showing, ending ---------------------------------------------------------------


def test_bare_flareup_starts_one_then_shows_it(cli: Run, data_dir: Path) -> None:
    result = cli("flareup")
    assert result.exit_code == 0, result.stderr
    text = flat(result.stdout)
    for line in (*flareups.OPENING, *flareups.FIRST_STEPS):
        assert line in text
    # Without a terminal the emergency and urgent signs are listed with what to do, in
    # full, and before the calm opening.
    for group in ("emergency", "urgent"):
        for sign in redflags.signs_in(group):
            assert sign.label in text
        for sentence in redflags.ADVICE[group]:  # type: ignore[index]
            assert sentence in text
    last_advice = text.index(redflags.ADVICE["urgent"][-1])
    assert text.index("First, check the warning signs") < last_advice
    assert last_advice < text.index(flareups.OPENING[0])
    assert "paused" in text
    (flare,) = stored(data_dir)["flareups"]
    assert flare["started"] == TODAY and flare["ended"] is None
    assert stored(data_dir)["redflag_checks"] == [], "a listing is not a check"

    shown = cli("flareup", env={"BACKSKILLS_TODAY": "2026-03-03"})
    assert shown.exit_code == 0
    assert "day 3" in shown.stdout and "First steps" not in shown.stdout
    assert len(stored(data_dir)["flareups"]) == 1


def test_emergency_signs_listed_in_full_with_no_color_at_40_columns(cli: Run) -> None:
    result = cli("flareup", "start", env={"COLUMNS": "40", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 40
    text = flat(result.stdout)
    # The listed labels carry each sign's whole meaning, not a shortened one.
    for words in (
        "new trouble starting or holding urine, new bowel leaks, or new loss of feeling "
        "when you pass urine or stool",
        "new change in sexual function or genital numbness",
        "numbness or odd feeling between the legs, around the back passage or buttocks",
        "new pain, numbness or weakness in both legs",
        "chest pain along with the back pain",
    ):
        assert f"- {words}" in text
    for sign in redflags.signs_in("urgent"):
        assert f"- {sign.label}" in text
    for sentence in (*redflags.ADVICE["emergency"], *redflags.ADVICE["urgent"]):
        assert sentence in text


def test_flareup_json_is_a_read_and_never_starts_one(cli: Run, data_dir: Path) -> None:
    cli("flareup", "plan", "add", "Heat pack")
    before = journal_bytes(data_dir)
    result = cli("flareup", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "active": False,
        "started": None,
        "days": None,
        "plan": ["Heat pack"],
        "advice": [],
    }
    assert journal_bytes(data_dir) == before
    cli("flareup", "start", "--pain", "6")
    result = cli("flareup", "--json", env={"BACKSKILLS_TODAY": "2026-03-05"})
    assert json.loads(result.stdout) == {
        "active": True,
        "started": TODAY,
        "days": 5,
        "plan": ["Heat pack"],
        "advice": [],
    }


def test_start_json_prints_what_it_stored_and_keeps_stdout_clean(cli: Run) -> None:
    result = cli("flareup", "start", "--pain", "8", "--note", "[bold]x[/] :pill:", "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["active"] is True and document["pain"] == 8
    assert document["note"] == "[bold]x[/] :pill:" and document["reductions"] == []
    # The first steps and the emergency signs still reach the person, on stderr.
    assert "EMERGENCY:" in result.stderr and "First steps" in result.stderr


def test_note_with_markup_prints_literally(cli: Run) -> None:
    cli("flareup", "start", "--note", "[bold]x[/] :pill: [/]")
    assert "[bold]x[/] :pill: [/]" in cli("flareup").stdout


@pytest.mark.parametrize(
    "args",
    [
        ["start", "--pain", "11"],
        ["start", "--pain", "bad"],
        ["start", "--reduce", "half"],
        ["start", "--note", "x" * 2001],
        ["end", "--trigger", "y" * 2001],
    ],
)
def test_invalid_input_is_exit_2_and_untouched(cli: Run, data_dir: Path, args: list[str]) -> None:
    cli("flareup", "plan", "add", "Heat pack")
    before = journal_bytes(data_dir)
    result = cli("flareup", *args)
    assert result.exit_code == 2, result.stdout
    assert result.stderr.startswith("Error: ")
    assert journal_bytes(data_dir) == before


def test_refusals_are_exit_1_and_untouched(cli: Run, data_dir: Path) -> None:
    result = cli("flareup", "end")
    assert result.exit_code == 1 and "nothing to end" in result.stderr
    assert journal_bytes(data_dir) is None
    cli("flareup", "start")
    before = journal_bytes(data_dir)
    again = cli("flareup", "start", "--pain", "5")
    assert again.exit_code == 1 and "already active" in again.stderr
    assert "First steps" not in again.stdout
    assert journal_bytes(data_dir) == before


def test_end_records_trigger_and_what_helped(cli: Run, data_dir: Path) -> None:
    cli("flareup", "start")
    result = cli(
        "flareup",
        "end",
        "--trigger",
        "long drive",
        "--learned",
        "heat and short walks",
        "--json",
        env={"BACKSKILLS_TODAY": "2026-03-04"},
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {
        "started": TODAY,
        "ended": "2026-03-04",
        "days": 4,
        "trigger": "long drive",
        "helped": "heat and short walks",
        "comeback": "catch_up",
        "pain": None,
        "comeback_plans": [],
        "levels": [],
    }
    human = cli("flareup", "history")
    assert "long drive" in human.stdout and "heat and short walks" in flat(human.stdout)
    assert json.loads(cli("flareup", "--json").stdout)["active"] is False


def test_history_reads_whole_words_at_40_columns(cli: Run) -> None:
    cli("flareup", "start", "--pain", "7", env={"BACKSKILLS_TODAY": "2026-02-20"})
    cli("flareup", "end", "--trigger", "long drive", "--learned", "heat and short walks",
        env={"BACKSKILLS_TODAY": "2026-02-24"})  # fmt: skip
    cli("flareup", "start")
    narrow = cli("flareup", "history", env={"COLUMNS": "40", "NO_COLOR": "1"})
    assert narrow.exit_code == 0, narrow.stderr
    lines = narrow.stdout.splitlines()
    assert lines == [
        "1. 2026-02-20 to 2026-02-24 (5 days)",
        "   pain at the start: 7/10",
        "   trigger: long drive",
        "   what helped: heat and short walks",
        f"2. {TODAY} still active (1 day)",
    ]
    wide = cli("flareup", "history", env={"COLUMNS": "100"})
    assert "what helped" in wide.stdout and "heat and short walks" in wide.stdout


def test_history_json(cli: Run) -> None:
    assert json.loads(cli("flareup", "history", "--json").stdout) == []
    assert "No flare-ups" in cli("flareup", "history").stdout
    cli("flareup", "start", "--pain", "7")
    cli("flareup", "end", "--helped", "relaxing", env={"BACKSKILLS_TODAY": "2026-03-02"})
    cli("flareup", "start", env={"BACKSKILLS_TODAY": "2026-03-09"})
    rows = json.loads(
        cli("flareup", "history", "--json", env={"BACKSKILLS_TODAY": "2026-03-10"}).stdout
    )
    assert [(r["started"], r["ended"], r["days"], r["active"]) for r in rows] == [
        (TODAY, "2026-03-02", 2, False),
        ("2026-03-09", None, 2, True),
    ]
    assert rows[0]["helped"] == "relaxing" and rows[0]["pain"] == 7


# --- on a terminal ----------------------------------------------------------------------------


def test_terminal_start_asks_the_warning_signs_first_then_pain(
    cli: Run, data_dir: Path, tty: None
) -> None:
    emergency = redflags.signs_in("emergency")
    result = cli("flareup", input="n\n" * len(emergency) + "n\n6\n")
    assert result.exit_code == 0, result.stderr
    text = flat(result.stdout)
    for number, sign in enumerate(emergency, start=1):
        assert f"Question {number} of {len(emergency)}: {sign.question}" in text
    for sign in redflags.signs_in("urgent"):
        assert sign.label in text
    asked = text.index("Is anything on this list new for you?")
    assert asked < text.index(flareups.OPENING[0]) < text.index("How strong is the pain")
    assert "EMERGENCY:" not in text and "URGENT:" not in text
    flare = stored(data_dir)["flareups"][0]
    assert flare["pain"] == 6
    assert stored(data_dir)["redflag_checks"] == [], "a partial check is never stored as clear"


def test_terminal_emergency_yes_records_a_check_and_gives_the_advice(
    cli: Run, data_dir: Path, tty: None
) -> None:
    result = cli("flareup", "start", input="n\ny\n")
    assert result.exit_code == 0, result.stderr
    text = flat(result.stdout)
    for sentence in redflags.ADVICE["emergency"]:
        assert sentence in text
    # A yes stops the questions, and nothing after the advice invites exercise.
    later = redflags.signs_in("emergency")[2:]
    assert not any(sign.question in text for sign in later)
    assert "How strong is the pain" not in text
    after = text[text.index(redflags.ADVICE["emergency"][0]) :]
    assert "gently" not in after and text.endswith("Your exercises can wait.")
    assert flareups.OPENING[0] not in text and "First steps" not in text
    (check,) = stored(data_dir)["redflag_checks"]
    assert check["outcome"] == "emergency" and check["present"] == ["ces_sexual_function"]
    assert len(stored(data_dir)["flareups"]) == 1


def test_terminal_urgent_sign_new_records_a_check_and_gives_the_advice_first(
    cli: Run, data_dir: Path, tty: None
) -> None:
    emergency = redflags.signs_in("emergency")
    urgent = redflags.signs_in("urgent")
    picks = [urgent.index(redflags.sign(i)) + 1 for i in ("night_pain", "lumps")]
    answers = "n\n" * len(emergency) + "y\nseven\n" + " ".join(map(str, picks)) + "\n"
    result = cli("flareup", "start", input=answers)
    assert result.exit_code == 0, result.stderr
    text = flat(result.stdout)
    for sentence in redflags.ADVICE["urgent"]:
        assert sentence in text
    assert "please type numbers" in flat(result.stderr)
    assert flareups.OPENING[0] not in text and "How strong is the pain" not in text
    assert text.endswith("Your exercises can wait.")
    (check,) = stored(data_dir)["redflag_checks"]
    assert check["outcome"] == "urgent" and check["present"] == ["night_pain", "lumps"]


def test_terminal_end_asks_trigger_and_what_helped(cli: Run, data_dir: Path, tty: None) -> None:
    cli("flareup", "start", "--no-input")
    result = cli("flareup", "end", input="gardening\n\n")
    assert result.exit_code == 0, result.stderr
    flare = stored(data_dir)["flareups"][0]
    assert flare["trigger"] == "gardening" and flare["helped"] is None


# --- the plans ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base", "title"),
    [(["flareup", "plan"], "Your flare-up plan"), (["goodspell"], "Your good-spell plan")],
)
def test_plan_add_show_remove(cli: Run, data_dir: Path, base: list[str], title: str) -> None:
    empty = cli(*base)
    assert empty.exit_code == 0 and "No steps yet" in empty.stdout
    added = cli(*base, "add", "[bold]Walk[/] :pill:", "--json")
    assert added.exit_code == 0, added.stderr
    assert json.loads(added.stdout)["plan"] == ["[bold]Walk[/] :pill:"]
    cli(*base, "add", "Relax")
    shown = cli(*base)
    assert title in shown.stdout
    assert "1. [bold]Walk[/] :pill:" in shown.stdout and "2. Relax" in shown.stdout
    removed = cli(*base, "remove", "1", "--json")
    assert json.loads(removed.stdout)["removed"] == "[bold]Walk[/] :pill:"
    assert json.loads(cli(*base, "--json").stdout)["plan"] == ["Relax"]


@pytest.mark.parametrize("base", [["flareup", "plan"], ["goodspell"]])
def test_plan_step_is_kept_on_one_line(cli: Run, base: list[str]) -> None:
    added = cli(*base, "add", "  Heat pack,\n\tthen   a short walk ", "--json")
    assert added.exit_code == 0, added.stderr
    assert json.loads(added.stdout)["plan"] == ["Heat pack, then a short walk"]
    assert "1. Heat pack, then a short walk" in cli(*base).stdout


@pytest.mark.parametrize("base", [["flareup", "plan"], ["goodspell"]])
def test_plan_refusals_leave_the_journal_alone(cli: Run, data_dir: Path, base: list[str]) -> None:
    for number in range(10):
        assert cli(*base, "add", f"step {number}").exit_code == 0
    before = journal_bytes(data_dir)
    cases = [
        (["add", "step 11"], 1),  # full
        (["add", "step 3"], 1),  # repeat
        (["add", "   "], 2),
        (["add", "\x1b[2Jwipe the screen"], 2),  # control characters
        (["add", "x" * 2001], 2),
        (["remove", "0"], 2),
        (["remove", "two"], 2),
        (["remove", "11"], 2),
        (["suggest", "--add", "8"], 2),
        (["suggest", "--add", "1"], 1),  # no room
    ]
    for args, code in cases:
        result = cli(*base, *args)
        assert result.exit_code == code, (args, result.stdout, result.stderr)
        assert result.stderr.startswith("Error: ")
        assert journal_bytes(data_dir) == before
    cli(*base, "remove", "10")
    cli(*base, "remove", "9")
    missing = cli(*base, "remove", "9")
    assert missing.exit_code == 1 and "steps 1 to 8" in missing.stderr


@pytest.mark.parametrize(
    ("base", "kind"), [(["flareup", "plan"], "flareup"), (["goodspell"], "goodspell")]
)
def test_suggest_lists_and_adds(cli: Run, data_dir: Path, base: list[str], kind: str) -> None:
    ideas = flareups.SUGGESTIONS[kind]
    listed = cli(*base, "suggest")
    assert listed.exit_code == 0
    for idea in ideas:
        assert idea in flat(listed.stdout)
    assert journal_bytes(data_dir) is None, "listing ideas stores nothing"
    added = cli(*base, "suggest", "--add", "3", "--add", "1", "--json")
    assert json.loads(added.stdout)["plan"] == [ideas[2], ideas[0]]
    document = json.loads(cli(*base, "suggest", "--json").stdout)
    assert [s["in_plan"] for s in document["suggestions"]][:3] == [True, False, True]
    everything = cli(*base, "suggest", "--add", "all", "--json")
    assert len(json.loads(everything.stdout)["plan"]) == len(ideas)


def test_suggest_on_a_terminal_asks_for_each_idea(cli: Run, data_dir: Path, tty: None) -> None:
    cli("flareup", "plan", "suggest", "--add", "1")
    answers = "y\n" + "n\n" * 5  # ideas 2..7: yes to 2 only
    result = cli("flareup", "plan", "suggest", input=answers)
    assert result.exit_code == 0, result.stderr
    ideas = flareups.SUGGESTIONS["flareup"]
    assert [s["text"] for s in stored(data_dir)["flareup_plan"]] == [ideas[0], ideas[1]]


def test_goodspell_shows_the_no_boom_reminder(cli: Run) -> None:
    result = cli("goodspell")
    assert "No boom before the bust" in flat(result.stdout)
    assert json.loads(cli("goodspell", "--json").stdout) == {
        "plan": [],
        "reminder": flareups.GOODSPELL_REMINDER,
    }
    assert "No boom before the bust" in flat(cli("goodspell", "suggest", "--add", "2").stdout)


def test_flareup_plan_shown_when_starting(cli: Run) -> None:
    cli("flareup", "plan", "add", "Phone my sister")
    result = cli("flareup", "start")
    assert "1. Phone my sister" in result.stdout


@pytest.mark.parametrize("path", [["redflags"], ["flareup"], ["flareup", "plan"], ["goodspell"]])
def test_groups_that_act_themselves_show_their_own_help_and_example(
    cli: Run, path: list[str]
) -> None:
    result = cli(*path, "--help", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    assert "Example: backskills " + " ".join(path) in result.stdout
    if path == ["redflags"]:
        text = flat(result.stdout)
        assert "Otherwise say which apply with --present ID (repeat it), or --none" in text
        # Each paragraph is one line of the docstring, so Rich wraps it to the screen.
        assert all(not line.rstrip().endswith(" say") for line in result.stdout.splitlines())


def test_asking_to_drop_back_from_the_starting_level_says_why_nothing_changed(cli: Run) -> None:
    from tests.cli.journey import flat, ok, planned_walking

    planned_walking(cli)
    ok(cli, 1, "redflags", "--none")
    out = flat(ok(cli, 2, "flareup", "start", "--reduce", "start").stdout)
    assert "stay as they are (none was above the level you chose to drop back to)" in out
    assert "If any of these is new for you: EMERGENCY" in out


def test_a_refused_start_prints_nothing_of_the_opening(cli: Run) -> None:
    from tests.cli.journey import ok, run

    ok(cli, 5, "flareup", "start")
    ok(cli, 7, "flareup", "end")
    refused = run(cli, 6, "flareup", "start")  # the clock went back before the last end
    assert refused.exit_code == 1
    assert refused.stdout == ""
    assert "ended on" in refused.stderr


def test_the_pain_given_at_the_start_is_the_days_pain_score(cli: Run) -> None:
    from tests.cli.journey import as_json, ok

    ok(cli, 3, "flareup", "start", "--pain", "8")
    today = as_json(cli, 3, "today")
    assert today["pain"] == {"recorded": True, "scores": [8]}


def test_a_drop_back_names_the_activities_that_stay_where_they_are(cli: Run) -> None:
    from tests.cli.journey import flat, ok, planned_walking, walk_days

    planned_walking(cli)
    ok(cli, 0, "redflags", "--none")
    ok(cli, 0, "plan", "set", "bridge", "--target", "20", "--start", "10", "--unit", "reps")
    walk_days(cli, 0, 7)
    ok(cli, 7, "progress", "step-up", "walking")
    out = flat(ok(cli, 8, "flareup", "start", "--reduce", "previous").stdout)
    assert "Dropped back for this flare-up: walking from 9 to 8 minutes." in out
    assert "bridge stays at 10 reps: it is not above the level you chose." in out
