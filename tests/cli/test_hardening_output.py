"""Terminals, pipes and locales: widths, broken and closed streams, encodings, hostile text."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.journals import child_env, run_backskills

TODAY = "2026-03-10"

# Text a crafted journal can hold: a screen clear, a bell, a carriage return that would
# overwrite the line, DEL, a C1 control (NEL, CSI), right-to-left and isolate overrides,
# a line separator and a zero-width space.
HOSTILE = "a\x1b[2Jb\x07c\rd\x7fe\x85f\x9b31mg\u202eh\u2066i\u2028j\u200bk"
FORMULAS = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=cmd", "\r=cmd"]


def unsafe(text: str) -> list[str]:
    """Characters that must never reach the screen raw (defined here from Unicode itself)."""
    return [
        ch
        for ch in text
        if ch not in "\n\t\u200d" and unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")
    ]


def strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in strings(value)]
    return []


def hostile_journal(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    thoughts = [
        {"id": 1, "date": "2026-03-01", "situation": HOSTILE, "thought": "x\ny", "kind": None}
    ]
    thoughts += [
        {"id": i + 2, "date": "2026-03-02", "situation": text, "thought": text}
        for i, text in enumerate(FORMULAS)
    ]
    document = {
        "schema_version": 1,
        "activities": [
            {
                "name": "walk\u202eing",
                "unit": "min\x1b[31mutes",
                "resolution": 1,
                "created": "2026-03-01",
            }
        ],
        "records": [
            {"date": "2026-03-09", "activity": "walk\u202eing", "amount": 5, "note": HOSTILE}
        ],
        "pain": [{"date": "2026-03-09", "score": 3, "note": HOSTILE}]
        + [{"date": "2026-03-08", "score": 2, "note": text} for text in FORMULAS],
        "thoughts": thoughts,
    }
    path = data_dir / "journal.json"
    path.write_text(json.dumps(document))
    return path


# -- widths ------------------------------------------------------------------------------
BAD_WIDTHS = ["0", "-1", "-80", "abc", "", " ", "3", "1e3", "99999999999999999999"]
WIDTH_COMMANDS = [
    ("today",),
    ("--help",),
    ("redflags", "--present", "ces_both_legs", "--no-input"),
    ("learn", "pain"),
    ("learn",),
    ("exercises",),
]


@pytest.mark.parametrize("columns", BAD_WIDTHS)
@pytest.mark.parametrize("command", WIDTH_COMMANDS, ids=lambda c: "-".join(c))
def test_nonsense_widths_behave_as_the_default(
    cli: Run, command: tuple[str, ...], columns: str
) -> None:
    env = {"BACKSKILLS_TODAY": TODAY, "NO_COLOR": "1"}
    default = cli(*command, env={**env, "COLUMNS": None})  # type: ignore[dict-item]
    result = cli(*command, env={**env, "COLUMNS": columns})
    assert result.exit_code == default.exit_code, result.stderr
    assert result.stdout.strip(), "nothing printed"
    assert result.stdout == default.stdout


def test_emergency_advice_prints_at_every_width(cli: Run) -> None:
    for columns in ["0", "-3", "1", "nonsense", "20", "40", "200"]:
        result = cli(
            "redflags", "--present", "ces_both_legs", "--no-input", env={"COLUMNS": columns}
        )
        assert "999" in result.stdout, columns


# -- broken and closed streams ----------------------------------------------------------
@pytest.mark.parametrize(
    "args", [("today",), ("learn", "pain"), ("data", "export"), ("--help",), ("learn",)]
)
def test_broken_stdout_exits_quietly(data_dir: Path, args: tuple[str, ...]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone, like `| head -1` after its line
    try:
        result = subprocess.run(
            [sys.executable, "-m", "backskills", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=child_env(data_dir, BACKSKILLS_TODAY=TODAY),
            timeout=60,
            text=True,
        )
    finally:
        os.close(write_end)
    assert result.returncode in (0, 141), result.stderr
    assert result.stderr == ""


def test_head_reads_one_line_and_the_rest_is_dropped_quietly(data_dir: Path) -> None:
    script = f"{sys.executable} -m backskills learn pain | head -1; echo rc=${{PIPESTATUS[0]}}"
    result = subprocess.run(
        ["bash", "-c", script],
        capture_output=True,
        text=True,
        env=child_env(data_dir, COLUMNS="80"),
        timeout=60,
    )
    assert result.stdout.strip().splitlines()[-1] in ("rc=0", "rc=141")
    assert "Traceback" not in result.stderr and "Error" not in result.stderr


def in_shell(
    data_dir: Path, args: tuple[str, ...], redirect: str
) -> subprocess.CompletedProcess[str]:
    """Run backskills from a shell, so that a stream can be closed (``>&-``, ``<&-``)."""
    command = " ".join([sys.executable, "-m", "backskills", *args])
    return subprocess.run(
        ["sh", "-c", f"{command} {redirect}"],
        capture_output=True,
        text=True,
        env=child_env(data_dir),
        timeout=60,
    )


def test_closed_stdout_exits_quietly(data_dir: Path) -> None:
    result = in_shell(data_dir, ("today",), ">&-")
    assert result.returncode in (0, 141), result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args,flag",
    [
        (("plan", "set", "walking"), "--target"),
        (("progress", "ease-back", "walking"), "--option"),
        (("goal", "review", "1"), "--choice"),
    ],
)
def test_closed_stdin_is_usage_error_naming_the_flag(
    cli: Run, data_dir: Path, args: tuple[str, ...], flag: str
) -> None:
    if args[0] == "goal":  # needs a goal first: then the missing --choice is the problem
        added = cli(
            *("goal", "add", "Walk to the shop", "--target", "1", "--unit", "miles"),
            *("--why", "x", "--reward", "y", "--within", "8w", "--step", "walk"),
        )
        assert added.exit_code == 0, added.stderr
    result = in_shell(data_dir, args, "<&-")
    assert result.returncode == 2, result.stderr
    assert flag in result.stderr
    assert "Traceback" not in result.stderr


def _pretend_terminal(monkeypatch: pytest.MonkeyPatch, *modules: str) -> None:
    import importlib

    for name in modules:
        module = importlib.import_module(name)
        monkeypatch.setattr(module, "interactive", lambda no_input=False: True)


def test_end_of_input_in_a_prompt_names_the_flag(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    _pretend_terminal(monkeypatch, "backskills.cli.plan", "backskills.cli.progress")
    result = cli("plan", "set", "walking", input="")
    assert result.exit_code == 2, result.stderr
    assert "--target" in result.stderr and "input ended" in result.stderr
    result = cli("progress", "ease-back", "walking", input="")
    assert result.exit_code == 2 and "--option" in result.stderr


def test_end_of_input_in_the_goal_wizard_names_the_flag(
    cli: Run, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    _pretend_terminal(monkeypatch, "backskills.cli._common")
    result = cli("goal", "add", "Walk to the shop", "--target", "1", input="miles\n")
    assert result.exit_code == 2, result.stderr
    assert "--why" in result.stderr
    assert not (data_dir / "journal.json").exists()


def test_end_of_input_in_the_red_flag_questions(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    _pretend_terminal(monkeypatch, "backskills.cli.redflags")
    result = cli("redflags", input="n\n")
    assert result.exit_code == 2, result.stderr
    assert "--present" in result.stderr


def test_end_of_input_at_the_flareup_signs_still_shows_them(
    cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pretend_terminal(monkeypatch, "backskills.cli.flareup")
    result = cli("flareup", input="")
    assert result.exit_code == 2, result.stderr
    assert "999" in result.stdout  # the emergency advice is never lost
    assert "--no-input" in result.stderr


# -- encodings ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "extra",
    [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"}],
)
@pytest.mark.parametrize(
    "args",
    [
        ("today",),
        ("learn", "pain"),
        ("redflags", "--present", "ces_both_legs", "--no-input"),
        ("thoughts", "list"),
        ("--help",),
    ],
)
def test_ascii_output_degrades_to_replacements(
    data_dir: Path, args: tuple[str, ...], extra: dict[str, str]
) -> None:
    hostile_journal(data_dir)
    result = run_backskills(data_dir, *args, BACKSKILLS_TODAY=TODAY, **extra)
    assert result.returncode in (0, 1), result.stderr
    assert result.stdout.strip()
    assert "Traceback" not in result.stderr and "something went wrong" not in result.stderr


def test_ascii_json_keeps_the_data_exact(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    note = "caf\u00e9 \u2615 na\u00efve"
    (data_dir / "journal.json").write_text(
        json.dumps(
            {"schema_version": 1, "pain": [{"date": "2026-03-01", "score": 2, "note": note}]}
        )
    )
    result = run_backskills(data_dir, "data", "export", PYTHONIOENCODING="ascii")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["pain"][0]["note"] == note


# -- control and bidirectional characters in every output format ------------------------
HUMAN = [("thoughts", "list"), ("today",), ("data", "check"), ("pain", "4")]


@pytest.mark.parametrize("args", HUMAN, ids=lambda c: "-".join(c))
def test_human_output_carries_no_control_characters(
    cli: Run, data_dir: Path, args: tuple[str, ...]
) -> None:
    hostile_journal(data_dir)
    result = cli(*args, env={"BACKSKILLS_TODAY": TODAY})
    assert result.exit_code in (0, 1), result.stderr
    assert unsafe(result.stdout) == [] and unsafe(result.stderr) == []


@pytest.mark.parametrize("args", [("thoughts", "list", "--json"), ("data", "export")])
def test_json_output_escapes_them_and_keeps_the_data(
    cli: Run, data_dir: Path, args: tuple[str, ...]
) -> None:
    hostile_journal(data_dir)
    result = cli(*args, env={"BACKSKILLS_TODAY": TODAY})
    assert result.exit_code == 0, result.stderr
    assert unsafe(result.stdout) == []
    document = json.loads(result.stdout)
    assert HOSTILE in strings(document)  # the data itself is intact
    assert "\\u202e" in result.stdout and "\\u001b" in result.stdout


def test_csv_quotes_line_breaks_and_defuses_formulas(
    cli: Run, data_dir: Path, tmp_path: Path
) -> None:
    hostile_journal(data_dir)
    out = tmp_path / "export.csv"
    assert cli("data", "export", "-f", "csv", "-o", str(out)).exit_code == 0
    text = out.read_bytes().decode("utf-8")
    assert [ch for ch in unsafe(text) if ch != "\r"] == []
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0][:2] == ["date", "kind"]
    assert all(len(row) == len(rows[0]) for row in rows)  # line breaks stayed inside cells
    cells = [cell for row in rows[1:] for cell in row]
    for formula in FORMULAS:
        assert formula not in cells
    assert "'\t=cmd" in cells and "'\r=cmd" in cells and "'=1+1" in cells
    screen = cli("data", "export", "-f", "csv", env={"BACKSKILLS_TODAY": TODAY})
    assert screen.exit_code == 0 and unsafe(screen.stdout) == []


def test_undecodable_bytes_in_a_note_are_refused(data_dir: Path) -> None:
    """A terminal that sends bytes that are not UTF-8 (argv keeps them as surrogates)."""
    for args in (
        ("pain", "3", "--note", "ab\udcffc"),
        ("thoughts", "add", "--situation", "x\udcff", "--thought", "y"),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "backskills", *(os.fsencode(a) for a in args)],
            capture_output=True,
            env=child_env(data_dir),
            timeout=60,
        )
        assert result.returncode == 2, result.stderr
        assert b"not valid text" in result.stderr
    assert not (data_dir / "journal.json").exists()


def test_end_of_input_in_check_in_and_undo_names_the_flag(
    cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pretend_terminal(monkeypatch, "backskills.cli.checkin", "backskills.cli.undo")
    result = cli("checkin", input="")
    assert result.exit_code == 2, result.stderr
    assert "--pain-average" in result.stderr
    assert cli("pain", "3").exit_code == 0
    assert cli("pain", "5").exit_code == 0
    result = cli("undo", input="")
    assert result.exit_code == 2, result.stderr
    assert "--yes" in result.stderr
