"""Output through a pipe skips Rich, and reads exactly as Rich would have printed it."""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text

from backskills import render
from backskills.render import plaintext


def rich_prints(body: str, width: int, wrap: bool = True) -> str:
    file = io.StringIO()
    console = Console(
        file=file, width=width, markup=False, emoji=False, highlight=False, soft_wrap=False
    )
    console.print(Text(body), soft_wrap=not wrap)
    return file.getvalue()


def random_text(rng: random.Random) -> str:
    pieces = ["a", "to", "walk", "minutes", "x" * rng.randint(8, 90), " ", "  ", "\n", "-", "."]
    return "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))


def test_layout_matches_rich_character_for_character() -> None:
    rng = random.Random(16)
    for _ in range(1500):
        body, width = random_text(rng), rng.randint(1, 50)
        assert plaintext.layout(body, width) == rich_prints(body, width), (body, width)
        assert plaintext.layout(body, None) == rich_prints(body, width, wrap=False)


@pytest.mark.parametrize(
    "body",
    [
        "",
        " ",
        "   leading spaces then words that wrap here",
        "trailing spaces      ",
        "Tip: To find a starting level, log three days with: backskills baseline log walking 10",
        "a\n\nb\n",
        "averyveryverylongwordwithoutanyspaceatallthatmustbefolded and then more",
    ],
)
@pytest.mark.parametrize("width", [1, 7, 20, 40, 80])
def test_layout_matches_rich_on_edge_cases(body: str, width: int) -> None:
    assert plaintext.layout(body, width) == rich_prints(body, width)


@pytest.mark.parametrize("body", ["café", "tab\there", "wide 漢字", "cr\rx", "bell\x07"])
def test_only_printable_ascii_takes_the_plain_route(body: str) -> None:
    assert not plaintext.is_plain(body)
    assert plaintext.is_plain("plain words, 10 minutes (a1).\nnext line")


def test_the_width_is_the_one_rich_would_use(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", io.StringIO())  # not a terminal
    for columns in ("33", None):
        if columns is None:
            monkeypatch.delenv("COLUMNS", raising=False)
        else:
            monkeypatch.setenv("COLUMNS", columns)
        assert plaintext.plain_width(stderr=False) == Console(file=sys.stdout).width


@pytest.mark.parametrize(("name", "value"), [("FORCE_COLOR", "1"), ("TTY_COMPATIBLE", "1")])
def test_forced_colour_goes_through_rich(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    monkeypatch.setenv(name, value)
    assert plaintext.plain_width(stderr=False) is None


def test_say_and_error_read_the_same_with_or_without_rich(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "30")
    render.reset_consoles()
    lines = [("Logged: ", "bold"), "10 minutes of walking on 2026-03-01 (a1), felt ok."]
    render.say(*lines)
    render.error("cannot read /a/very/long/path/that/is/never/broken/journal.json", "fix it")
    plain = capsys.readouterr()
    monkeypatch.setattr(render, "_say_plain", lambda *args: False)
    render.say(*lines)
    render.error("cannot read /a/very/long/path/that/is/never/broken/journal.json", "fix it")
    assert capsys.readouterr() == plain
    assert plain.out.splitlines()[0] == "Logged: 10 minutes of walking "


@pytest.mark.parametrize("argv", [["today"], ["log", "walking", "10"], ["pain", "3"]])
def test_everyday_commands_through_a_pipe_do_not_load_rich(tmp_path: Path, argv: list[str]) -> None:
    code = (
        "import sys\n"
        "from backskills.cli.main import main\n"
        f"try:\n    main(['--data-dir', {str(tmp_path)!r}, *{argv!r}])\n"
        "except SystemExit:\n    pass\n"
        "print('RICH:' + ','.join(sorted(m for m in sys.modules if m.startswith('rich'))))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert "Error" not in result.stderr
    assert result.stdout.strip().splitlines()[-1] == "RICH:"
