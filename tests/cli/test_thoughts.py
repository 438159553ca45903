"""``backskills thoughts``: flags, the wizard, validation and the list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run

FULL = [
    "--situation", "Invited to a barbecue",
    "--thought", "I'll have to leave early so why go",
    "--feeling", "low, 7/10",
    "--action", "said no",
    "--kind", "black-and-white",
    "--alternative", "I can go for an hour and sit when I need to",
]  # fmt: skip


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKSKILLS_TODAY", "2026-03-01")


def test_add_with_flags_and_list(cli: Run) -> None:
    result = cli("thoughts", "add", *FULL)
    assert result.exit_code == 0, result.stderr
    assert "Saved thought record 1 for 2026-03-01" in result.stdout
    assert "Black-and-white thinking" in result.stdout
    assert "more: backskills learn thoughts" in result.stdout
    second = cli("thoughts", "add", "--situation", "s", "--thought", "t", "--date", "yesterday",
                 "--json")  # fmt: skip
    assert json.loads(second.stdout) == {
        "id": 2, "date": "2026-02-28", "situation": "s", "thought": "t", "feeling": None,
        "action": None, "kind": None, "alternative": None,
    }  # fmt: skip

    listing = json.loads(cli("thoughts", "list", "--json").stdout)
    assert [r["id"] for r in listing] == [1, 2]  # newest date first
    assert listing[0]["feeling"] == "low, 7/10" and listing[0]["kind"] == "black-and-white"
    human = cli("thoughts", "list")
    assert human.exit_code == 0
    assert "Invited to a barbecue" in human.stdout and "More helpful:" in human.stdout


def test_add_and_list_point_to_help_with_mood(cli: Run) -> None:
    """Thought records are where low mood shows: both screens say where help is."""
    link = "backskills learn mood-and-help"
    added = cli("thoughts", "add", *FULL)
    assert link in " ".join(added.stdout.split())
    listed = cli("thoughts", "list")
    assert link in " ".join(listed.stdout.split())
    as_json = cli("thoughts", "list", "--json")
    assert link not in as_json.stdout and link not in as_json.stderr


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("should/must", "should-must"),
        ("Should and must", "should-must"),
        ("black and white", "black-and-white"),
        ("Mental_Filter", "mental-filter"),
        ("jumping to conclusions", "jumping-to-conclusions"),
        ("CATASTROPHISING", "catastrophising"),
        ("critical self", "critical-self"),
        ("2", "catastrophising"),  # its number in the wizard's list
        ("6", "critical-self"),
        ("catastroph", "catastrophising"),  # the start of a name
        ("jump", "jumping-to-conclusions"),
        ("should", "should-must"),
    ],
)
def test_kind_spellings(cli: Run, typed: str, stored: str) -> None:
    result = cli("thoughts", "add", "--situation", "s", "--thought", "t", "--kind", typed, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["kind"] == stored


def _journal(data_dir: Path) -> bytes | None:
    path = data_dir / "journal.json"
    return path.read_bytes() if path.exists() else None


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--thought", "t"], "--situation"),
        (["--situation", "s"], "--thought"),
        (["--situation", "  ", "--thought", "t"], "--situation"),
        (["--situation", "s", "--thought", "t", "--kind", "gloomy"], "--kind"),
        (["--situation", "s", "--thought", "t", "--kind", "7"], "--kind"),
        (["--situation", "s", "--thought", "t", "--kind", "ca"], "--kind"),
        (["--situation", "s", "--thought", "t", "--feeling", "x" * 2001], "--feeling"),
        (["--situation", "s", "--thought", "t", "--alternative", "a\x07b"], "--alternative"),
        (["--situation", "s", "--thought", "t", "--date", "2026-03-02"], "--date"),
    ],
)
def test_bad_input_is_exit_2_and_changes_nothing(
    cli: Run, data_dir: Path, args: list[str], option: str
) -> None:
    assert cli("thoughts", "add", "--situation", "first", "--thought", "kept").exit_code == 0
    before = _journal(data_dir)
    result = cli("thoughts", "add", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {option}:")
    assert result.stdout == ""
    assert _journal(data_dir) == before


def test_markup_in_user_text_prints_literally(cli: Run) -> None:
    assert (
        cli("thoughts", "add", "--situation", "[bold]x[/]", "--thought", ":pill: [/]").exit_code
        == 0
    )
    result = cli("thoughts", "list")
    assert "[bold]x[/]" in result.stdout and ":pill: [/]" in result.stdout


def test_wizard_asks_for_each_part(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import backskills.cli.thoughts as command

    monkeypatch.setattr(command, "interactive", lambda no_input=False: True)
    answers = "\n".join(
        [
            "",  # situation left empty: asked again
            "Sat at my desk all morning",
            "My back is wrecked for the week",
            "worried",
            "",  # action skipped
            "doom",  # not a kind: asked again
            "2",  # the second in the numbered list
            "It is stiff, and a walk usually helps",
        ]
    )
    result = cli("thoughts", "add", "--json", input=answers + "\n")
    assert result.exit_code == 0, result.stderr
    # The questions go to stderr; CliRunner echoes the typed answers onto stdout (a real
    # terminal shows them itself), so the JSON document starts after them.
    assert "What was the situation?" in result.stderr
    assert "2. catastrophising: Catastrophising" in result.stderr
    assert "situation and the thought are needed" in result.stderr
    record = json.loads(result.stdout[result.stdout.index("{") :])
    assert record["situation"] == "Sat at my desk all morning"
    assert record["action"] is None and record["kind"] == "catastrophising"
    assert record["alternative"] == "It is stiff, and a walk usually helps"
    assert "--situation: cannot be empty" in result.stderr
    assert "--kind:" in result.stderr


def test_wizard_only_asks_what_flags_left_out(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import backskills.cli.thoughts as command

    monkeypatch.setattr(command, "interactive", lambda no_input=False: True)
    result = cli("thoughts", "add", *FULL[:4], "--kind", "mental-filter", input="\n\n\n")
    assert result.exit_code == 0, result.stderr
    assert "What was the situation?" not in result.stderr
    assert "How did you feel?" in result.stderr
    assert "Saved thought record 1" in result.stdout


def test_empty_list_and_group_help(cli: Run) -> None:
    result = cli("thoughts", "list")
    assert result.exit_code == 0 and "No thought records yet" in result.stdout
    assert json.loads(cli("thoughts", "list", "--json").stdout) == []
    result = cli("thoughts")
    assert result.exit_code == 0 and "thoughts add" in result.stdout
