from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from typer.testing import Result

from tests.conftest import Run
from tests.journals import read_journal

MARKUP = "[bold]Garden[/bold] [/] :pill:"
FULL = (
    "--target",
    "0.5",
    "--unit",
    "miles",
    "--why",
    "it gets me to the shop",
    "--reward",
    "a coffee on the way home",
    "--within",
    "8w",
)


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKSKILLS_TODAY", "2026-03-01")
    monkeypatch.setenv("COLUMNS", "80")  # Rich wraps at a known width


@pytest.fixture
def tty(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend stdin is a terminal (prompts are allowed unless --no-input is given)."""
    import backskills.cli._common as common

    def on_a_terminal(no_input: bool = False) -> bool:
        return not (no_input or common.state().no_input)

    monkeypatch.setattr(common, "interactive", on_a_terminal)


def flat(text: str) -> str:
    """Output with Rich's line wrapping undone."""
    return " ".join(text.split())


def journal_bytes(data_dir: Path) -> bytes | None:
    path = data_dir / "journal.json"
    return path.read_bytes() if path.exists() else None


def stored_goals(data_dir: Path) -> list[dict[str, object]]:
    goals: list[dict[str, object]] = read_journal(data_dir)["goals"]
    return goals


def add(cli: Run, title: str = "walk to the shop and back", *extra: str) -> dict[str, object]:
    result = cli("goal", "add", title, *FULL, *extra, "--json")
    assert result.exit_code == 0, result.stderr
    document: dict[str, object] = json.loads(result.stdout)
    return document


def assert_refused_unchanged(cli: Run, data_dir: Path, code: int, *args: str) -> str:
    before = journal_bytes(data_dir)
    result = cli(*args)
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert journal_bytes(data_dir) == before
    return result.stderr


# -- goal add, flag form -------------------------------------------------------------


def test_add_flag_form_prints_and_stores_the_goal(cli: Run, data_dir: Path) -> None:
    result = cli(
        "goal", "add", "walk to the shop and back", *FULL, "--times-per-week", "2",
        "--category", "leisure", "--step", "walk to the post box", "--step", "walk to the corner",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "Goal 1 added: walk to the shop and back" in result.stdout
    assert "0.5 miles, twice a week" in result.stdout
    assert "2026-04-26" in result.stdout and "56 days left" in result.stdout
    assert "more: backskills learn goals" in result.stdout
    [goal] = stored_goals(data_dir)
    assert goal["status"] == "active" and goal["category"] == "leisure"
    assert [s["text"] for s in goal["steps"]] == ["walk to the post box", "walk to the corner"]  # type: ignore[attr-defined]


def test_add_json_shape(cli: Run) -> None:
    document = add(cli, "walk to the shop and back", "--step", "one")
    assert document["id"] == 1
    for key in ("title", "category", "target", "unit", "times_per_week", "activity", "why",
                "reward", "deadline", "status", "steps", "created"):  # fmt: skip
        assert key in document
    assert document["steps"] == [{"n": 1, "text": "one", "done": False}]
    assert document["target"] == 0.5 and document["unit"] == "miles"
    assert document["times_per_week"] is None and document["activity"] is None
    assert document["deadline"] == "2026-04-26" and document["created"] == "2026-03-01"
    assert document["status"] == "active" and document["advice"] == []
    assert "plan" not in document


def test_missing_parts_are_one_exit_2_message(cli: Run, data_dir: Path) -> None:
    stderr = assert_refused_unchanged(cli, data_dir, 2, "goal", "add")
    assert stderr.count("Error:") == 1
    flat = " ".join(stderr.split())
    for needed in ("S (Specific): TITLE", "M (Measurable): --target N --unit U",
                   "A (Applicable): --why TEXT", "R (Rewarding): --reward TEXT",
                   "T (Timed): --by DATE or --within DURATION"):  # fmt: skip
        assert needed in flat
    assert not data_dir.exists() or journal_bytes(data_dir) is None


def test_missing_parts_names_only_what_is_missing(cli: Run, data_dir: Path) -> None:
    add(cli)
    stderr = assert_refused_unchanged(
        cli, data_dir, 2, "goal", "add", "swim ten lengths", "--target", "10", "--why", "w"
    )
    flat = " ".join(stderr.split())
    assert "M (Measurable): --unit U" in flat
    assert "R (Rewarding): --reward TEXT" in flat and "T (Timed)" in flat
    assert "S (Specific)" not in flat and "A (Applicable)" not in flat


def test_no_input_wins_over_a_terminal(cli: Run, data_dir: Path, tty: None) -> None:
    stderr = assert_refused_unchanged(cli, data_dir, 2, "goal", "add", "--no-input")
    assert "S (Specific)" in stderr
    stderr = assert_refused_unchanged(cli, data_dir, 2, "--no-input", "goal", "add")
    assert "S (Specific)" in stderr


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("--by", "2026-03-01"), "--by"),
        (("--by", "2026-02-01"), "--by"),
        (("--by", "soon"), "--by"),
        (("--within", "0d"), "--within"),
        (("--within", "two months"), "--within"),
        (("--within", "99999999m"), "--within"),  # once an internal error (a date overflow)
        (("--by", "9999-12-31"), "--by"),
        (("--target", "1e308"), "--target"),
        (("--target", "1000001"), "--target"),
        (("--by", "2026-06-01", "--within", "8w"), "--within"),
        (("--target", "-3"), "--target"),
        (("--target", "0"), "--target"),
        (("--target", "nan"), "--target"),
        (("--times-per-week", "0"), "--times-per-week"),
        (("--category", "hobby"), "--category"),
        (("--why", "   "), "--why"),
        (("--step", "a\x1bb"), "--step"),
    ],
)
def test_bad_values_are_exit_2_and_change_nothing(
    cli: Run, data_dir: Path, args: tuple[str, ...], field: str
) -> None:
    add(cli)
    base = dict(zip(FULL[::2], FULL[1::2], strict=True))
    base.pop("--within")
    for name, value in zip(args[::2], args[1::2], strict=True):
        base[name] = value
    if "--by" not in args:
        base.setdefault("--within", "8w")
    flat = [item for pair in base.items() for item in pair]
    stderr = assert_refused_unchanged(cli, data_dir, 2, "goal", "add", "a clear title", *flat)
    assert field in stderr


def test_past_deadline_message_is_kind_and_exact(cli: Run, data_dir: Path) -> None:
    stderr = assert_refused_unchanged(
        cli, data_dir, 2, "goal", "add", "walk to the shop", *FULL[:-2], "--by", "today"
    )
    assert "after today" in stderr


def test_far_and_near_deadlines_warn_but_add(cli: Run, data_dir: Path) -> None:
    far = cli("goal", "add", "walk to the shop and back", *FULL[:-2], "--within", "7m")
    assert far.exit_code == 0
    assert "more than six months" in flat(far.stderr) and "stepping stone" in flat(far.stderr)
    near = cli("goal", "add", "walk to the shop and back", *FULL[:-2], "--by", "2026-03-10")
    assert near.exit_code == 0
    assert "less than two weeks" in flat(near.stderr) and "--within 4w" in flat(near.stderr)
    fine = cli("goal", "add", "walk to the shop and back", *FULL[:-2], "--within", "6m")
    assert fine.exit_code == 0 and "Note:" not in fine.stderr
    assert len(stored_goals(data_dir)) == 3


def test_warnings_are_data_in_json(cli: Run) -> None:
    result = cli("goal", "add", "walk", *FULL[:-2], "--within", "1w", "--json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)  # stdout is one JSON document
    assert [a["code"] for a in document["advice"]] == ["deadline_near", "vague_title"]
    assert "less than two weeks" in result.stderr and "quite short" in result.stderr


def test_vague_title_earns_a_hint(cli: Run) -> None:
    result = cli("goal", "add", "get fitter", *FULL)
    assert result.exit_code == 0
    assert "Tip:" in result.stdout and "quite short" in result.stdout
    clear = cli("goal", "add", "swim ten lengths at the pool", *FULL)
    assert "Tip:" not in clear.stdout


def test_fourth_goal_warns_and_is_still_added(cli: Run, data_dir: Path) -> None:
    for _ in range(3):
        assert "Note:" not in cli("goal", "add", "walk to the shop and back", *FULL).stderr
    result = cli("goal", "add", "walk to the shop and back", *FULL)
    assert result.exit_code == 0
    assert "4 active goals" in result.stderr and "Two or three" in result.stderr
    assert len(stored_goals(data_dir)) == 4


def test_user_text_prints_literally(cli: Run) -> None:
    result = cli(
        "goal", "add", MARKUP, "--target", "2", "--unit", "[red]laps", "--why", "[i]why[/i]",
        "--reward", ":pill: [/]", "--within", "8w", "--step", "[link=x]step[/link]",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for text in (MARKUP, "[red]laps", "[i]why[/i]", ":pill: [/]", "[link=x]step[/link]"):
        assert text in out
    shown = cli("goal", "show", "1")
    assert MARKUP in shown.stdout and "[link=x]step[/link]" in shown.stdout
    listed = cli("goal", "list")
    assert "[bold]Garden" in listed.stdout
    stepped = cli("goal", "step", "add", "1", "[b]two[/b]")
    assert "[b]two[/b]" in stepped.stdout
    assert MARKUP in cli("goal", "done", "1").stdout
    assert json.loads(cli("goal", "show", "1", "--json").stdout)["title"] == MARKUP


# -- the wizard ----------------------------------------------------------------------


def test_wizard_asks_each_missing_part_with_an_example(cli: Run, data_dir: Path, tty: None) -> None:
    answers = "\n".join(
        [
            "",  # S: empty -> asked again
            "walk half a mile on flat ground",  # S
            "lots",  # M: not a number -> asked again
            "0.5",
            "mile",
            "it gets me to the shop",  # A
            "I can buy what I wanted",  # R
            "2026-01-01",  # T: in the past -> asked again
            "2m",
            "",  # category: Enter for other
            "",  # no tie to an activity
            "walk to the post box",  # steps
            "",
        ]
    )
    result = cli("goal", "add", input=answers + "\n")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for letter in ("S, Specific", "M, Measurable", "A, Applicable", "R, Rewarding", "T, Timed"):
        assert letter in out
    assert out.count("e.g.") >= 5
    assert "'lots' is not a number" in out and "after today" in out
    # Each miss is a sentence about the answer, without option names nobody typed.
    assert "Sorry, that answer cannot be empty." in out
    assert "Sorry, 'lots' is not a number." in out
    assert "Sorry, 2026-01-01 is" in out
    assert "TITLE:" not in out and "target:" not in out and "--by:" not in out
    [goal] = stored_goals(data_dir)
    assert goal["title"] == "walk half a mile on flat ground"
    assert goal["target"] == 0.5 and goal["unit"] == "miles"
    assert goal["why"] == "it gets me to the shop"
    assert goal["reward"] == "I can buy what I wanted"
    assert goal["deadline"] == "2026-04-30"
    assert goal["steps"] == [{"text": "walk to the post box", "done": False, "done_on": None}]


posix_only = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


def on_a_real_terminal(args: list[str], answers: list[str]) -> tuple[int, str]:
    """Run backskills as a child process on a pseudo-terminal and type ``answers``.

    The answers are typed before the child reads them; the terminal holds them, one line
    per read, as it would for a quick typist. Returns the exit code and all the output
    (the terminal echoes the answers into it)."""
    import os
    import pty
    import select
    import subprocess

    main, child = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "backskills", *args],
        stdin=child,
        stdout=child,
        stderr=child,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"},
        close_fds=True,
    )
    os.close(child)
    os.write(main, "".join(f"{answer}\n" for answer in answers).encode())
    output = b""
    while True:  # read until the child has gone and the terminal is empty
        ready, _, _ = select.select([main], [], [], 60)
        if not ready:
            process.kill()
            break
        try:
            chunk = os.read(main, 4096)
        except OSError:  # EIO: the child closed its side
            break
        if not chunk:
            break
        output += chunk
    os.close(main)
    code = process.wait()
    text = output.decode().replace("\r\n", "\n")
    return code, re.sub(r"\x1b\[[0-9;]*m", "", text)  # bold and dim stay under NO_COLOR


@posix_only
def test_wizard_on_a_real_terminal(data_dir: Path) -> None:
    """No stand-in for the terminal check: a pseudo-terminal, as a patient would have."""
    code, out = on_a_real_terminal(
        ["goal", "add"],
        [
            MARKUP,
            "0.5",
            "miles",
            "it gets me to the shop",
            "I can buy what I wanted",
            "2m",
            "leisure",  # category
            "",  # no tie to an activity
            "walk to the post box",
            "",
        ],
    )
    assert code == 0, out
    for part in ("S, Specific", "M, Measurable", "A, Applicable", "R, Rewarding", "T, Timed"):
        assert part in out
    assert "walk half a mile on flat ground, twice a week" in out  # the examples
    assert "it gets me to the shop" in out and "within 2 months" in out
    assert f"Goal 1 added: {MARKUP}" in out  # user text shown as typed
    [goal] = stored_goals(data_dir)
    assert goal["title"] == MARKUP and goal["deadline"] == "2026-04-30"
    assert goal["steps"] == [{"text": "walk to the post box", "done": False, "done_on": None}]


@posix_only
def test_review_on_a_real_terminal_moves_the_deadline(
    cli: Run, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(cli)
    monkeypatch.setenv("BACKSKILLS_TODAY", "2026-05-01")
    code, out = on_a_real_terminal(["goal", "review", "1"], ["a bad week", "2", "6w"])
    assert code == 0, out
    assert "1. smaller-steps" in out and "New deadline: 2026-06-12" in out
    assert stored_goals(data_dir)[0]["deadline"] == "2026-06-12"


def test_wizard_asks_only_for_what_is_missing(cli: Run, data_dir: Path, tty: None) -> None:
    result = cli(
        "goal", "add", "swim ten lengths at the pool", "--target", "10", "--unit", "lengths",
        "--within", "10w", "--step", "one length", "--json",
        input="I can swim with my kids\nan afternoon at the lido\nleisure\n\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)  # prompts went to stderr
    assert document["why"] == "I can swim with my kids"
    assert document["reward"] == "an afternoon at the lido"
    assert "S, Specific" not in result.stderr and "A, Applicable" in result.stderr
    assert "Step 1" not in result.stderr  # steps were given
    assert document["category"] == "leisure" and document["activity"] is None


def test_wizard_with_everything_given_asks_nothing(cli: Run, tty: None) -> None:
    result = cli("goal", "add", "walk to the shop and back", *FULL, input="")
    assert result.exit_code == 0
    assert "SMART" not in result.stdout


def test_wizard_stopped_part_way_stores_nothing(cli: Run, data_dir: Path, tty: None) -> None:
    add(cli)
    before = journal_bytes(data_dir)
    result = cli("goal", "add", input="a title of words\n")
    assert result.exit_code != 0
    assert journal_bytes(data_dir) == before
    # The open question is closed with a line break, so the stop message stands alone.
    assert result.stdout.endswith("Target number: \n")


# -- list and show -------------------------------------------------------------------


def test_list_and_show(cli: Run, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = cli("goal", "list")
    assert empty.exit_code == 0 and "No active goals" in empty.stdout
    assert json.loads(cli("goal", "list", "--json").stdout) == {"goals": []}
    add(cli, "walk to the shop and back")
    add(cli, "swim ten lengths at the pool")
    cli("goal", "drop", "2")
    listed = cli("goal", "list")
    assert "walk to the shop" in listed.stdout and "swim ten" not in listed.stdout
    everything = json.loads(cli("goal", "list", "--all", "--json").stdout)["goals"]
    assert [(g["id"], g["status"]) for g in everything] == [(1, "active"), (2, "dropped")]
    shown = cli("goal", "show", "1")
    assert "56 days left" in shown.stdout and "No steps yet" in shown.stdout
    assert "goal step add 1" in shown.stdout
    monkeypatch.setenv("BACKSKILLS_TODAY", "2026-05-01")
    late = cli("goal", "show", "1")
    assert "5 days past the deadline" in late.stdout and "goal review 1" in late.stdout
    assert "goal review 1" in cli("goal", "list").stdout
    assert json.loads(cli("goal", "show", "1", "--json").stdout)["days_left"] == -5


def test_show_unknown_or_bad_id(cli: Run, data_dir: Path) -> None:
    add(cli)
    assert "no goal 7" in assert_refused_unchanged(cli, data_dir, 1, "goal", "show", "7")
    assert "ID" in assert_refused_unchanged(cli, data_dir, 2, "goal", "show", "one")
    assert assert_refused_unchanged(cli, data_dir, 2, "goal", "show", "0")


# -- steps ---------------------------------------------------------------------------


def test_steps_add_done_undo(cli: Run, data_dir: Path) -> None:
    add(cli)
    first = cli("goal", "step", "add", "1", "walk to the post box")
    assert first.exit_code == 0 and "Step 1 added to goal 1" in first.stdout
    second = cli("goal", "step", "add", "1", "walk to the corner shop", "--json")
    assert json.loads(second.stdout)["steps"][1] == {
        "n": 2,
        "text": "walk to the corner shop",
        "done": False,
    }
    done = cli("goal", "step", "done", "1", "1")
    assert done.exit_code == 0 and "1 step(s) to go" in done.stdout
    last = cli("goal", "step", "done", "1", "2", "--json")
    assert [s["done"] for s in json.loads(last.stdout)["steps"]] == [True, True]
    assert "already ticked off" in assert_refused_unchanged(
        cli, data_dir, 1, "goal", "step", "done", "1", "2"
    )
    undo = cli("goal", "step", "undo", "1", "2")
    assert undo.exit_code == 0 and "open again" in undo.stdout
    assert "steps 1 to 2" in assert_refused_unchanged(
        cli, data_dir, 2, "goal", "step", "done", "1", "3"
    )
    assert assert_refused_unchanged(cli, data_dir, 2, "goal", "step", "add", "1", "  ")
    assert assert_refused_unchanged(cli, data_dir, 1, "goal", "step", "add", "9", "x")


def test_last_step_points_to_goal_done(cli: Run) -> None:
    add(cli, "walk to the shop and back", "--step", "only step")
    result = cli("goal", "step", "done", "1", "1")
    assert "last step" in result.stdout and "goal done 1" in result.stdout


# -- edit, done, drop ----------------------------------------------------------------


def test_edit_changes_parts_and_checks_them(cli: Run, data_dir: Path) -> None:
    add(cli)
    result = cli("goal", "edit", "1", "--reward", "new walking shoes", "--step", "a step")
    assert result.exit_code == 0, result.stderr
    assert "Goal 1 updated" in result.stdout and "new walking shoes" in result.stdout
    [goal] = stored_goals(data_dir)
    assert goal["reward"] == "new walking shoes" and goal["why"] == "it gets me to the shop"
    moved = cli("goal", "edit", "1", "--within", "1w", "--json")
    assert json.loads(moved.stdout)["deadline"] == "2026-03-08"
    assert "less than two weeks" in moved.stderr
    assert "nothing to change" in assert_refused_unchanged(cli, data_dir, 2, "goal", "edit", "1")
    empty_title = assert_refused_unchanged(cli, data_dir, 2, "goal", "edit", "1", "--title", " ")
    assert "Error: --title: cannot be empty." in empty_title
    assert assert_refused_unchanged(cli, data_dir, 2, "goal", "edit", "1", "--target", "2e6")
    far = assert_refused_unchanged(
        cli, data_dir, 2, "goal", "review", "1", "--choice", "move-deadline", "--within", "9999999w"
    )
    assert "more than ten years away" in far
    assert assert_refused_unchanged(cli, data_dir, 2, "goal", "edit", "1", "--by", "yesterday")
    assert assert_refused_unchanged(cli, data_dir, 1, "goal", "edit", "3", "--why", "x")


def test_done_congratulates_reminds_of_reward_and_suggests_next(cli: Run, data_dir: Path) -> None:
    add(cli, "walk to the shop and back", "--step", "one")
    result = cli("goal", "done", "1")
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert "Well done!" in out and "Goal 1 achieved" in out
    assert "a coffee on the way home" in out  # the reward
    assert "What next?" in out and "a little more than 0.5 miles" in out
    assert "goal add" in out and "1 step(s) were still open" in out
    assert stored_goals(data_dir)[0]["status"] == "achieved"
    assert stored_goals(data_dir)[0]["ended"] == "2026-03-01"
    add(cli, "swim ten lengths at the pool")
    as_json = json.loads(cli("goal", "done", "2", "--json").stdout)
    assert as_json["status"] == "achieved" and as_json["reward"] == "a coffee on the way home"
    assert any("a little more than 0.5 miles" in idea for idea in as_json["next_ideas"])
    again = assert_refused_unchanged(cli, data_dir, 1, "goal", "done", "1")
    assert "goal 1 is already achieved, so you cannot mark it as achieved." in flat(again)
    assert assert_refused_unchanged(cli, data_dir, 1, "goal", "step", "add", "1", "more")


def test_drop(cli: Run, data_dir: Path) -> None:
    add(cli)
    result = cli("goal", "drop", "1", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["status"] == "dropped"
    again = assert_refused_unchanged(cli, data_dir, 1, "goal", "drop", "1")
    assert "goal 1 is already dropped, so you cannot drop it." in flat(again)
    add(cli)
    kind = cli("goal", "drop", "2")
    assert "Goal 2 dropped" in kind.stdout and "fine" in kind.stdout


# -- review --------------------------------------------------------------------------


def test_review_flag_form_records_each_choice(
    cli: Run, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(cli, "walk to the shop and back", "--activity", "walking")
    monkeypatch.setenv("BACKSKILLS_TODAY", "2026-05-01")
    moved = cli(
        "goal", "review", "1", "--choice", "move-deadline", "--within", "6w", "--note", "had flu"
    )
    assert moved.exit_code == 0, moved.stderr
    assert "New deadline: 2026-06-12" in moved.stdout
    smaller = cli("goal", "review", "1", "--choice", "smaller-steps", "--step", "to the gate")
    assert "to the gate" in smaller.stdout
    redo = cli("goal", "review", "1", "--choice", "redo-baseline")
    assert "backskills baseline redo walking" in " ".join(redo.stdout.split())
    keep = cli("goal", "review", "1", "--choice", "keep-going", "--json")
    reviews = json.loads(keep.stdout)["reviews"]
    assert [r["choice"] for r in reviews] == [
        "move-deadline",
        "smaller-steps",
        "redo-baseline",
        "keep-going",
    ]
    assert reviews[0] == {
        "date": "2026-05-01",
        "choice": "move-deadline",
        "note": "had flu",
        "new_deadline": "2026-06-12",
    }
    assert stored_goals(data_dir)[0]["deadline"] == "2026-06-12"


def test_review_redo_baseline_gives_commands_that_work_as_typed(
    cli: Run, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(cli, "walk the dog to the park", "--activity", "dog walking", "--unit", "miles")
    add(cli, "dig the whole vegetable patch")
    monkeypatch.setenv("BACKSKILLS_TODAY", "2026-05-01")
    tied = flat(cli("goal", "review", "1", "--choice", "redo-baseline").stdout)
    assert 'backskills baseline redo "dog walking"' in tied  # one argument to the shell
    assert 'backskills goal edit 1 --activity "dog walking"' in tied
    loose = flat(cli("goal", "review", "2", "--choice", "redo-baseline").stdout)
    assert "backskills baseline log ACTIVITY AMOUNT" in loose
    assert "backskills goal edit 2 --activity ACTIVITY" in loose


def test_review_keep_going_past_the_deadline_points_to_a_new_one(
    cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(cli)
    on_track = cli("goal", "review", "1", "--choice", "keep-going")
    assert "has passed" not in on_track.stdout
    monkeypatch.setenv("BACKSKILLS_TODAY", "2026-05-01")
    late = flat(cli("goal", "review", "1", "--choice", "keep-going").stdout)
    assert "The deadline 2026-04-26 has passed" in late
    assert "backskills goal review 1 --choice move-deadline" in late


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        ((), 2, "--choice"),
        (("--choice", "give-up"), 2, "not a choice"),
        (("--choice", "move-deadline"), 2, "needs the new date"),
        (("--choice", "move-deadline", "--by", "2026-03-01"), 2, "after today"),
        (("--choice", "keep-going", "--within", "2w"), 2, "only with --choice move-deadline"),
        (("--choice", "keep-going", "--step", "x"), 2, "only with --choice smaller-steps"),
    ],
)
def test_review_refusals_change_nothing(
    cli: Run, data_dir: Path, args: tuple[str, ...], code: int, words: str
) -> None:
    add(cli)
    stderr = assert_refused_unchanged(cli, data_dir, code, "goal", "review", "1", *args)
    assert words in " ".join(stderr.split())


def test_review_walk_through_on_a_terminal(
    cli: Run, data_dir: Path, tty: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(cli, "walk to the shop and back", "--step", "one", "--step", "two")
    cli("goal", "step", "done", "1", "1")
    monkeypatch.setenv("BACKSKILLS_TODAY", "2026-05-06")
    result = cli("goal", "review", "1", input="my knee was sore\n7\n2\n2026-05-01\n10w\n")
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "10 days past the deadline" in out and "Steps done: 1 of 2" in out
    assert "not a failure" in out
    for option in ("1. smaller-steps", "2. move-deadline", "3. redo-baseline", "4. keep-going"):
        assert option in out
    assert "from 1 to 4" in out  # 7 was asked again
    [goal] = stored_goals(data_dir)
    assert goal["deadline"] == "2026-07-15"
    assert goal["reviews"] == [
        {
            "date": "2026-05-06",
            "choice": "move_deadline",
            "what_happened": "my knee was sore",
            "new_deadline": "2026-07-15",
        }
    ]


def test_review_walk_through_smaller_steps(cli: Run, data_dir: Path, tty: None) -> None:
    add(cli)
    result = cli("goal", "review", "1", input="\n1\nto the gate\nto the corner\n\n")
    assert result.exit_code == 0, result.stderr
    [goal] = stored_goals(data_dir)
    assert [s["text"] for s in goal["steps"]] == ["to the gate", "to the corner"]  # type: ignore[attr-defined]
    assert goal["reviews"][0]["what_happened"] is None  # type: ignore[index]


def test_review_needs_an_active_goal(cli: Run, data_dir: Path) -> None:
    add(cli)
    cli("goal", "done", "1")
    assert assert_refused_unchanged(
        cli, data_dir, 1, "goal", "review", "1", "--choice", "keep-going"
    )


def test_every_command_has_an_example(cli: Run) -> None:
    for command in (
        ["add"], ["list"], ["show"], ["edit"], ["done"], ["drop"], ["review"],
        ["step", "add"], ["step", "done"], ["step", "undo"],
    ):  # fmt: skip
        result = cli("goal", *command, "--help")
        assert result.exit_code == 0
        assert "Example: backskills goal" in result.stdout


# -- the tie to the progression plan --------------------------------------------------


def log_baseline(data_dir: Path, *, red_flag: bool = False) -> None:
    """Three baseline days of walking (10, 12, 11 minutes: start 8), through the domain."""
    from datetime import date

    from backskills.domain.baseline import log_day
    from backskills.models.safety import RedFlagCheck
    from backskills.store import Store

    with Store(data_dir).transaction() as journal:
        for day, amount in ((26, 10), (27, 12), (28, 11)):
            log_day(journal, "walking", amount, today=date(2026, 2, day))
        if red_flag:
            journal.redflag_checks.append(
                RedFlagCheck(checked_on=date(2026, 2, 28), outcome="see_professional")
            )


TIED = ("--activity", "walking", "--unit", "minutes", "--why", "the shop", "--reward", "a coffee")


def add_tied(cli: Run, target: str, *extra: str) -> Result:
    """A goal tied to walking, due in eight weeks."""
    return cli("goal", "add", "walk to the shop and back", *TIED, "--target", target,
               "--within", "8w", *extra)  # fmt: skip


def test_tied_goal_with_a_realistic_deadline(cli: Run, data_dir: Path) -> None:
    log_baseline(data_dir)
    result = add_tied(cli, "16")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert "Progression plan for walking: 8 to 16 minutes" in out
    assert "realistic at the slow, safe pace" in out
    assert "from your baseline: an average of 11 minutes" in out  # the number is explained
    assert "more: backskills learn progression" in out
    shown = flat(cli("goal", "show", "1").stdout)
    assert "Tied to walking: level now 8 minutes, target 16 minutes" in shown


def test_tied_goal_json_carries_the_plan(cli: Run, data_dir: Path) -> None:
    log_baseline(data_dir)
    result = add_tied(cli, "20", "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    plan = document["plan"]
    for key in ("activity", "unit", "start", "target", "hold_days", "level", "steps",
                "reaches_target_on", "deadline", "feasible"):  # fmt: skip
        assert key in plan
    assert plan["feasible"] is False and plan["deadline"] == document["deadline"]
    assert document["level"] == 8 and document["activity"] == "walking"
    assert "sooner than the slow, safe pace" in flat(result.stderr)
    listed = json.loads(cli("goal", "list", "--json").stdout)["goals"]
    assert listed[0]["level"] == 8


def test_tied_goal_with_an_unrealistic_deadline_offers_choices(cli: Run, data_dir: Path) -> None:
    log_baseline(data_dir)
    result = add_tied(cli, "20")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert "sooner than the slow, safe pace allows" in out
    later = out.split("backskills goal edit 1 --by ")[1].split()[0]
    nearer = out.split("backskills goal edit 1 --target ")[1].split()[0]
    moved = cli("goal", "edit", "1", "--by", later)
    assert "realistic at the slow, safe pace" in flat(moved.stdout)
    smaller = cli("goal", "edit", "1", "--target", nearer, "--within", "8w")
    assert "realistic at the slow, safe pace" in flat(smaller.stdout)


def test_tied_goal_without_a_baseline_names_the_command(cli: Run, data_dir: Path) -> None:
    result = add_tied(cli, "20")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert "Start the baseline with: backskills baseline log walking AMOUNT" in out
    assert "backskills goal edit 1 --activity walking" in out
    document = json.loads(cli("goal", "show", "1", "--json").stdout)
    assert document["level"] is None
    added = add_tied(cli, "9", "--json")
    assert "plan" not in json.loads(added.stdout)
    assert json.loads(added.stdout)["tie"]["baseline_command"] == (
        "backskills baseline log walking AMOUNT"
    )


def test_tied_goal_refused_while_a_red_flag_is_open(cli: Run, data_dir: Path) -> None:
    log_baseline(data_dir, red_flag=True)
    stderr = assert_refused_unchanged(
        cli, data_dir, 1, "goal", "add", "walk to the shop and back", *TIED, "--target", "16",
        "--within", "8w",
    )  # fmt: skip
    assert "red-flag check" in flat(stderr) and "redflags assessed" in flat(stderr)


def test_tied_goal_in_another_unit_is_exit_2(cli: Run, data_dir: Path) -> None:
    log_baseline(data_dir)
    stderr = assert_refused_unchanged(
        cli, data_dir, 2, "goal", "add", "walk a mile to the shop", "--activity", "walking",
        "--target", "1", "--unit", "miles", "--why", "w", "--reward", "r", "--within", "8w",
    )  # fmt: skip
    assert "measured in minutes" in flat(stderr)


# -- today ---------------------------------------------------------------------------


def test_today_shows_active_goals_days_left_and_next_step(
    cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(cli, "walk to the shop and back", "--step", "walk to the post box", "--step", "[i]x[/i]")
    add(cli, MARKUP)
    add(cli, "a goal that was dropped")
    cli("goal", "drop", "3")
    cli("goal", "step", "done", "1", "1")
    result = cli("today")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Goals:" in out and MARKUP in out and "dropped" not in out
    assert "56 days left" in out and "next step 2: [i]x[/i]" in out
    assert "goal step add 2" in out  # no steps yet
    document = json.loads(cli("today", "--json").stdout)
    assert [g["id"] for g in document["goals"]] == [1, 2]
    assert document["goals"][0]["next_step"] == {"n": 2, "text": "[i]x[/i]"}
    assert document["goals"][0]["days_left"] == 56
    monkeypatch.setenv("BACKSKILLS_TODAY", "2026-05-01")
    assert "goal review 1" in cli("today").stdout


def test_finishing_a_baseline_for_a_goals_activity_points_to_goal_edit(cli: Run) -> None:
    from tests.cli.journey import flat, ok

    ok(cli, 0, "goal", "add", "Walk to the park and back", "--target", "20", "--unit",
       "minutes", "--why", "fresh air", "--reward", "a new book", "--within", "8w",
       "--activity", "park walking")  # fmt: skip
    for day in (0, 1):
        ok(cli, day, "baseline", "log", "park walking", "10")
    done = flat(ok(cli, 2, "baseline", "log", "park walking", "10").stdout)
    assert 'backskills goal edit 1 --activity "park walking"' in done
    assert "plan set" not in done
    redo = flat(ok(cli, 3, "baseline", "redo", "park walking").stdout)
    assert 'backskills goal edit 1 --activity "park walking"' in redo


@pytest.mark.parametrize(
    ("times", "words"), [("1", "once a week"), ("2", "twice a week"), ("3", "3 times a week")]
)
def test_times_per_week_reads_as_plain_english(cli: Run, times: str, words: str) -> None:
    result = cli("goal", "add", "walk to the shop and back", *FULL, "--times-per-week", times)
    assert result.exit_code == 0, result.stderr
    assert f"0.5 miles, {words}" in result.stdout
    assert "(s)" not in result.stdout


def test_goal_show_says_whether_the_tied_plan_is_in_time(cli: Run) -> None:
    from tests.cli.journey import as_json, flat, ok

    for day in (-2, -1, 0):
        ok(cli, day, "baseline", "log", "walking", "10")
    ok(cli, 0, "goal", "add", "Walk to the shop and back", "--target", "15", "--unit",
       "minutes", "--why", "shopping", "--reward", "a coffee", "--by", "2026-06-30",
       "--activity", "walking")  # fmt: skip
    shown = flat(ok(cli, 0, "goal", "show", "1").stdout)
    assert "level now 8 minutes, target 15 minutes" in shown
    assert "in time" in shown
    doc = as_json(cli, 0, "goal", "show", "1")
    assert doc["plan_reaches_target_on"] == "2026-04-19"
    ok(cli, 0, "goal", "edit", "1", "--by", "2026-04-01")
    late = flat(ok(cli, 0, "goal", "show", "1").stdout)
    assert "18 days after the deadline" in late and "backskills goal review 1" in late
