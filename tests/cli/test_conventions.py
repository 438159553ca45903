"""House rules every command follows, checked on whatever is registered (data-driven)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
import typer

from backskills.cli.registry import COMMANDS
from backskills.store import Store
from tests.conftest import Run
from tests.journals import FIXTURES, journal_with_pain


def is_group(command: Any) -> bool:
    return hasattr(command, "commands")


def _walk(path: tuple[str, ...], command: Any) -> Iterator[tuple[tuple[str, ...], Any]]:
    yield path, command
    if is_group(command):
        for name, sub in command.commands.items():
            yield from _walk((*path, name), sub)


def all_commands() -> list[tuple[tuple[str, ...], Any]]:
    import importlib

    found = []
    for name, (module, _) in COMMANDS.items():
        app = importlib.import_module(f"backskills.cli.{module}").app
        found.extend(_walk((name,), typer.main.get_command(app)))
    return found


def leaf_commands() -> list[tuple[tuple[str, ...], Any]]:
    return [(p, c) for p, c in all_commands() if not is_group(c)]


def ids(items: list[tuple[tuple[str, ...], Any]]) -> list[str]:
    return [" ".join(p) for p, _ in items]


ALL = all_commands()
LEAVES = leaf_commands()


def test_registry_is_walked() -> None:
    assert ("data", "check") in [p for p, _ in LEAVES]


@pytest.mark.parametrize(("path", "command"), ALL, ids=ids(ALL))
def test_help_works_and_shows_an_example(cli: Run, path: tuple[str, ...], command: Any) -> None:
    result = cli(*path, "--help")
    assert result.exit_code == 0, result.stderr
    assert "Usage: backskills " + " ".join(path) in result.stdout
    if not is_group(command):
        assert "Example: backskills " + " ".join(path) in result.stdout


PYTHON_TYPES = re.compile(r"<[a-z][a-z_\[\]]*>|\{[A-Za-z_]+\}")


@pytest.mark.parametrize(("path", "command"), ALL, ids=ids(ALL))
@pytest.mark.parametrize("columns", ["40", "100"])
def test_help_shows_what_to_type_and_every_option_in_full(
    cli: Run, path: tuple[str, ...], command: Any, columns: str
) -> None:
    # Plain names (ACTIVITY, DATE), never Python types (<str>, <bool>) or {ACTIVITY};
    # and option names whole at any width (a boxed table cut them to "--data-d…").
    result = cli(*path, "--help", env={"COLUMNS": columns, "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    assert not PYTHON_TYPES.search(result.stdout), PYTHON_TYPES.search(result.stdout)
    words = set(re.split(r"[\s,│]+", result.stdout))
    for param in command.params:
        for option in param.opts:
            if option.startswith("--"):
                assert option in words, (option, result.stdout)
    assert all(len(line) <= int(columns) for line in result.stdout.splitlines())


@pytest.mark.parametrize(("path", "command"), LEAVES, ids=ids(LEAVES))
def test_json_option_is_the_shared_flag(path: tuple[str, ...], command: Any) -> None:
    for param in command.params:
        if "--json" in getattr(param, "opts", []):
            assert param.is_flag and param.default is False
            assert "JSON" in (param.help or "")


class _Hung(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Hung


@pytest.mark.parametrize(("path", "command"), LEAVES, ids=ids(LEAVES))
def test_json_runs_print_one_document_or_nothing(
    cli: Run, data_dir: Path, monkeypatch: pytest.MonkeyPatch, path: tuple[str, ...], command: Any
) -> None:
    """Run every --json command that needs no argument, on a real journal, without a TTY."""
    if not any("--json" in getattr(p, "opts", []) for p in command.params):
        pytest.skip("no --json option")
    if any(p.required for p in command.params):
        pytest.skip("needs an argument")
    monkeypatch.setenv("BACKSKILLS_TODAY", "2026-03-01")
    data_dir.mkdir(mode=0o700)
    (data_dir / "journal.json").write_bytes((FIXTURES / "journal-v1.json").read_bytes())
    (data_dir / "journal.json").chmod(0o600)
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(30)  # a command that waits for input would hang: fail instead
    try:
        result = (
            cli(*path, "--json", "--no-input") if _has_no_input(command) else cli(*path, "--json")
        )
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert "Traceback" not in result.stderr
    assert result.exit_code in (0, 1, 2), result.stderr
    if result.exit_code == 0:
        json.loads(result.stdout)
    else:
        assert result.stdout == ""
        assert result.stderr.startswith("Error: ")


def _has_no_input(command: Any) -> bool:
    return any("--no-input" in getattr(p, "opts", []) for p in command.params)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_group_help_does_not_import_the_domain(name: str) -> None:
    """`backskills GROUP --help` loads the group's CLI module, never the journal machinery.

    (Typer itself imports pydantic once a sub-command's options are parsed, so only the
    root `--help` and `--version` are pydantic-free; tests/unit/test_architecture.py.)
    """
    code = (
        "import sys\n"
        "from backskills.cli.main import main\n"
        f"try:\n    main([{name!r}, '--help'])\nexcept SystemExit:\n    pass\n"
        "bad = sorted(m for m in sys.modules if m.startswith("
        "('backskills.store', 'backskills.models', 'filelock')))\n"
        "print('LOADED:' + ','.join(bad))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "LOADED:"


# -- read commands never write ----------------------------------------------------------------

READS = [
    ("data", "path"),
    ("data", "path", "--json"),
    ("data", "check"),
    ("data", "check", "--json"),
    ("data", "export"),
    ("data", "export", "--format", "csv"),
    ("--help",),
    ("--version",),
]


def tree(directory: Path) -> dict[str, tuple[bytes, int, int]]:
    return {
        str(p.relative_to(directory)): (
            p.read_bytes() if p.is_file() else b"",
            p.stat().st_mtime_ns,
            p.stat().st_mode,
        )
        for p in sorted(directory.rglob("*"))
    }


@pytest.mark.parametrize("args", READS, ids=" ".join)
def test_read_commands_never_write(cli: Run, data_dir: Path, args: tuple[str, ...]) -> None:
    store = Store(data_dir)
    with store.transaction() as journal:
        journal.pain.extend(journal_with_pain(3).pain)
    with store.transaction() as journal:
        journal.pain.pop()
    # a journal in the old indented style must not be "tidied" by a read either
    store.journal_path.write_bytes(json.dumps(json.loads(store.journal_path.read_bytes())).encode())
    before = tree(data_dir)
    dir_mtime = data_dir.stat().st_mtime_ns
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert tree(data_dir) == before
    assert data_dir.stat().st_mtime_ns == dir_mtime


@pytest.mark.parametrize("args", READS, ids=" ".join)
def test_read_commands_create_nothing(cli: Run, data_dir: Path, args: tuple[str, ...]) -> None:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert not data_dir.exists()


# -- user text is never markup --------------------------------------------------------------------

MARKUP = "[bold]x[/] [/] :pill: [link=file:x]y[/link] [red"


def test_markup_and_escapes_in_a_path_print_literally(cli: Run, tmp_path: Path) -> None:
    odd = tmp_path / f"{MARKUP}\x1b[31mred\x1b]0;title\x07"
    result = cli("--data-dir", str(odd), "data", "path")
    assert result.exit_code == 0
    assert MARKUP in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "[31mred" in result.stdout  # the ESC byte is gone, the rest is plain text
    odd.mkdir(parents=True)
    (odd / "journal.json").write_bytes(b"{")
    result = cli("--data-dir", str(odd), "data", "check")
    assert result.exit_code == 3
    assert MARKUP in result.stderr
    assert "\x1b" not in result.stderr


def test_markup_in_journal_text_is_exported_literally(cli: Run, data_dir: Path) -> None:
    store = Store(data_dir)
    with store.transaction() as journal:
        journal.pain.extend(journal_with_pain(1, note=MARKUP).pain)
    result = cli("data", "export", "--format", "csv")
    assert result.exit_code == 0
    assert MARKUP in result.stdout


def test_no_color_is_honoured(data_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    env = dict(os.environ, NO_COLOR="1", FORCE_COLOR="1", BACKSKILLS_DATA_DIR=str(data_dir))
    data_dir.mkdir()
    (data_dir / "journal.json").write_bytes(b"{")
    done = subprocess.run(
        [sys.executable, "-m", "backskills", "data", "check"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 3
    assert colour_codes(done.stderr) == set()
    assert "Error: " in done.stderr  # still readable without colour
    env.pop("NO_COLOR")
    coloured = subprocess.run(
        [sys.executable, "-m", "backskills", "data", "check"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert colour_codes(coloured.stderr)  # the control: colour is on without NO_COLOR


def colour_codes(output: str) -> set[int]:
    """SGR colour parameters (30-49, 90-107) in ``output``; bold and reset are not colour."""
    import re

    codes = set()
    for params in re.findall(r"\x1b\[([0-9;]*)m", output):
        for code in filter(None, params.split(";")):
            if 30 <= int(code) <= 49 or 90 <= int(code) <= 107:
                codes.add(int(code))
    return codes


def test_internal_errors_show_no_traceback_or_locals(
    cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    import backskills.store as store_module

    def explode(self: Any) -> None:
        secret_local = "do-not-show-me"  # noqa: F841
        raise RuntimeError("boom")

    monkeypatch.setattr(store_module.Store, "load_with_version", explode)
    result = cli("data", "check")
    assert result.exit_code == 4
    assert "Traceback" not in result.stderr and "do-not-show-me" not in result.stderr
    assert result.stderr.startswith("Error: something went wrong")
