"""Ctrl-C at any moment and bad environment values: one calm line, never a traceback.

These run the real program in a child process and send it a real SIGINT.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from backskills.interrupt import SOME_KEPT
from tests.conftest import Run
from tests.journals import holding_lock

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

STOPPED = "\nStopped. Nothing was changed.\n"

# Start the real program the way its console script does, but say "ready" on stdout the
# moment backskills' own first line has run (the package import). From then on every
# instant is ours: the rest of start-up (Typer, Rich, the command modules), parsing,
# reading and waiting for the journal.
LAUNCHER = (
    "import sys\n"
    "sys.argv[0] = 'backskills'\n"
    "import backskills\n"
    "sys.stdout.write('ready\\n'); sys.stdout.flush()\n"
    "from backskills.cli.main import main\n"
    "sys.exit(main())\n"
)


def child_env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(BACKSKILLS_DATA_DIR=str(data_dir), BACKSKILLS_LOCK_TIMEOUT="60")
    env.pop("BACKSKILLS_DEBUG", None)
    return env


def interrupt_after(data_dir: Path, delay: float, *args: str) -> subprocess.CompletedProcess[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", LAUNCHER, *args],
        env=child_env(data_dir),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "ready\n"
    time.sleep(delay)
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=60)
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


@pytest.mark.parametrize("delay", [0.0, 0.005, 0.02, 0.05, 0.1, 0.2, 0.4, 0.8])
def test_ctrl_c_at_any_moment_says_nothing_was_changed(
    cli: Run, data_dir: Path, delay: float
) -> None:
    # Another command holds the journal, so the run is still going whenever Ctrl-C comes:
    # in start-up, in parsing, or waiting for the journal.
    assert cli("log", "walking", "5").exit_code == 0
    before = (data_dir / "journal.json").read_bytes()
    with holding_lock(data_dir / "journal.lock"):
        done = interrupt_after(data_dir, delay, "log", "walking", "7")
    assert done.returncode == 130, done.stderr
    assert done.stderr == STOPPED
    assert "Traceback" not in done.stderr and "Error" not in done.stderr
    assert (data_dir / "journal.json").read_bytes() == before


def test_ctrl_c_after_a_save_says_what_was_kept() -> None:
    # The closing sentence follows the store: once a journal was saved in this run it
    # never claims that nothing changed.
    code = (
        "import os, signal, sys\n"
        "sys.argv[0] = 'backskills'\n"
        "import backskills\n"
        "from backskills import interrupt\n"
        "from backskills.cli.main import run_with_boundary\n"
        "from backskills.store import Store\n"
        "from pathlib import Path\n"
        "def work():\n"
        "    with Store(Path(sys.argv[1])).transaction() as journal:\n"
        "        journal.pain.clear()\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    signal.pause()\n"
        "sys.exit(run_with_boundary(work))\n"
    )
    folder = tempfile.mkdtemp()
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, folder], capture_output=True, text=True, timeout=60
        )
    finally:
        shutil.rmtree(folder)
    assert done.returncode == 130
    assert done.stderr == f"\n{SOME_KEPT}\n"


def test_the_installed_command_stops_calmly_too(data_dir: Path, cli: Run) -> None:
    # The real console script (or python -m backskills), well into its run.
    script = shutil.which("backskills", path=str(Path(sys.executable).parent))
    command = [script] if script else [sys.executable, "-m", "backskills"]
    assert cli("log", "walking", "5").exit_code == 0
    with holding_lock(data_dir / "journal.lock"):
        child = subprocess.Popen(
            [*command, "log", "walking", "7"],
            env=child_env(data_dir),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        # Well into its run (start-up is covered moment by moment above); it waits for
        # the journal for up to a minute.
        time.sleep(1.0)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
    assert (child.returncode, out, err) == (130, "", STOPPED)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("BACKSKILLS_TODAY", "tomorrow-ish"),
        ("BACKSKILLS_TODAY", "2026-02-30"),
        ("BACKSKILLS_LOCK_TIMEOUT", "nan"),
        ("BACKSKILLS_LOCK_TIMEOUT", "inf"),
        ("BACKSKILLS_LOCK_TIMEOUT", "-1"),
        ("BACKSKILLS_LOCK_TIMEOUT", "ten"),
    ],
)
def test_a_bad_environment_value_is_exit_2_naming_it(
    cli: Run, data_dir: Path, name: str, value: str
) -> None:
    for args in (("log", "walking", "5"), ("today",), ("progress",)):
        result = cli(*args, env={name: value})
        assert result.exit_code == 2, (args, result.stderr)
        assert result.stderr.startswith(f"Error: {name}: '{value}'")
        assert "Traceback" not in result.stderr and "bug" not in result.stderr
    assert not (data_dir / "journal.json").exists()


def test_help_is_shown_whatever_the_settings_say(cli: Run, data_dir: Path) -> None:
    env = {"BACKSKILLS_LOCK_TIMEOUT": "ten", "BACKSKILLS_TODAY": "2026-02-30"}
    for args in (("today", "--help"), ("goal", "add", "-h"), ("log", "walking", "--help")):
        result = cli(*args, env=env)
        assert result.exit_code == 0, (args, result.stderr)
        assert result.stdout.startswith("Usage: backskills"), args
        assert result.stderr == ""
    # After "--" a word is a value, not a request for help: the setting is refused.
    result = cli("log", "walking", "5", "--note", "x", "--", "--help", env=env)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: BACKSKILLS_TODAY: '2026-02-30'")
    assert not (data_dir / "journal.json").exists()


def test_good_environment_values_still_work(cli: Run) -> None:
    env = {"BACKSKILLS_TODAY": "2026-03-01", "BACKSKILLS_LOCK_TIMEOUT": "0.5"}
    result = cli("log", "walking", "5", "--json", env=env)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["date"] == "2026-03-01"


@pytest.mark.parametrize(
    ("argv0", "program"),
    [
        ("/usr/local/bin/backskills", True),
        ("backskills", True),
        ("-m", True),  # python -m backskills, while the package is imported
        ("/src/backskills/__main__.py", True),
        ("/venv/lib/python3.11/site-packages/pytest/__main__.py", False),  # python -m pytest
        ("/venv/bin/pytest", False),
        ("-c", False),
    ],
)
def test_only_the_program_takes_over_ctrl_c(
    monkeypatch: pytest.MonkeyPatch, argv0: str, program: bool
) -> None:
    from backskills import interrupt

    monkeypatch.setattr(sys, "argv", [argv0])
    assert interrupt.started_as_program() is program


def test_ctrl_c_at_a_question_on_a_real_terminal(data_dir: Path) -> None:
    """Ctrl-C typed at a wizard's question, through a pseudo-terminal as a patient has."""
    import fcntl
    import pty
    import select
    import termios

    def own_terminal() -> None:  # the pseudo-terminal becomes the child's terminal
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    main, child = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "backskills", "goal", "add"],
        stdin=child,
        stdout=child,
        stderr=child,
        env={**child_env(data_dir), "NO_COLOR": "1", "COLUMNS": "80"},
        close_fds=True,
        preexec_fn=own_terminal,
    )
    os.close(child)
    output = b""

    def read_some(timeout: float) -> bytes:
        ready, _, _ = select.select([main], [], [], timeout)
        if not ready:
            return b""
        try:
            return os.read(main, 4096)
        except OSError:  # EIO: the child has gone
            return b""

    while b"Your goal" not in output:  # the first question is on the screen
        chunk = read_some(60)
        assert chunk, output
        output += chunk
    os.write(main, b"\x03")  # the terminal turns Ctrl-C into SIGINT
    while chunk := read_some(30):
        output += chunk
    os.close(main)
    code = process.wait(timeout=60)
    text = output.decode().replace("\r\n", "\n")
    assert code == 130, text
    after = text.split("Your goal", 1)[1]
    assert "Stopped. Nothing was changed." in after
    assert "Traceback" not in text and "Error" not in after
    assert not (data_dir / "journal.json").exists()


def test_ctrl_c_during_an_import_still_stops_calmly() -> None:
    # Ctrl-C can arrive while Python is half-way through importing a module the handler
    # itself might use (seen with ``contextlib`` under load): the handler must not need it.
    code = (
        "import sys, types\n"
        "sys.argv[0] = 'backskills'\n"
        "import backskills\n"
        "from backskills import interrupt\n"
        "for name in ('contextlib', 'io', 'codecs'):\n"
        "    sys.modules[name] = types.ModuleType(name)  # half-built, as mid-import\n"
        "interrupt._stop_now(2, None)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr == STOPPED
