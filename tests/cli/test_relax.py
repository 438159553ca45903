"""``backskills relax``: the steps without a terminal, the pacer, Ctrl-C, and ``relax log``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backskills.domain.learning import BREATH_SECONDS, BREATHING_STEPS
from tests.conftest import Run


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKSKILLS_TODAY", "2026-03-01")


def _journal(data_dir: Path) -> bytes | None:
    path = data_dir / "journal.json"
    return path.read_bytes() if path.exists() else None


def test_without_a_terminal_prints_the_steps_and_records_nothing(cli: Run, data_dir: Path) -> None:
    result = cli("relax")
    assert result.exit_code == 0, result.stderr
    flat = " ".join(result.stdout.split())
    assert "Deep breathing for 3 minutes" in flat
    assert "about 18 slow breaths" in flat
    for step in BREATHING_STEPS:
        assert step in flat
    assert "backskills relax log 3" in flat
    assert "more: backskills learn relaxation" in flat
    assert _journal(data_dir) is None


def test_steps_as_json(cli: Run) -> None:
    document = json.loads(cli("relax", "--minutes", "5", "--json").stdout)
    assert document["minutes"] == 5
    assert document["breaths"] == 5 * 60 // BREATH_SECONDS
    assert document["steps"] == list(BREATHING_STEPS)
    assert document["recorded"] is None


@pytest.mark.parametrize("minutes", ["0", "61", "2.5", "lots"])
def test_bad_minutes_is_exit_2(cli: Run, minutes: str) -> None:
    result = cli("relax", "--minutes", minutes)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --minutes:")


class FakeClock:
    """Stands in for time.sleep: counts the seconds, and presses Ctrl-C when told."""

    def __init__(self, stop_after: int | None = None) -> None:
        self.seconds = 0
        self.stop_after = stop_after

    def __call__(self, seconds: float) -> None:
        if self.stop_after is not None and self.seconds >= self.stop_after:
            raise KeyboardInterrupt
        self.seconds += int(seconds)


def _on_a_terminal(monkeypatch: pytest.MonkeyPatch, clock: FakeClock) -> None:
    import backskills.cli.relax as command
    from backskills import render
    from backskills.render import relax as pacer

    monkeypatch.setattr(command, "interactive", lambda no_input=False: True)
    monkeypatch.setattr(render, "is_terminal", lambda: True)
    monkeypatch.setattr(pacer, "sleep", clock)


def test_full_guided_session_is_recorded(
    cli: Run, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    _on_a_terminal(monkeypatch, clock)
    result = cli("relax", "--minutes", "2")
    assert result.exit_code == 0, result.stderr
    assert clock.seconds == 120
    assert "Well done. Recorded 2 minutes" in result.stdout
    sessions = json.loads(cli("relax", "list", "--json").stdout)
    assert sessions == [
        {"id": "r1", "date": "2026-03-01", "minutes": 2.0, "guided": True, "note": None}
    ]


def test_ctrl_c_stops_cleanly_and_keeps_what_was_done(
    cli: Run, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock(stop_after=75)
    _on_a_terminal(monkeypatch, clock)
    result = cli("relax", "--minutes", "3")
    assert result.exit_code == 0, result.stderr
    assert "Stopped early" in result.stdout
    assert "Recorded 1 minute 15 seconds" in result.stdout  # 75 seconds, not "1.2 minutes"
    assert "Error" not in result.stderr
    sessions = json.loads(cli("relax", "list", "--json").stdout)
    assert sessions[0]["minutes"] == 1.25 and sessions[0]["guided"] is True
    assert "1 minute 15 seconds" in cli("relax", "list").stdout


def test_a_session_stopped_in_its_first_minute_records_seconds(
    cli: Run, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock(stop_after=20)
    _on_a_terminal(monkeypatch, clock)
    result = cli("relax", "--minutes", "3")
    assert result.exit_code == 0, result.stderr
    assert "Recorded 20 seconds of deep breathing" in result.stdout
    assert "0.3" not in result.stdout
    listing = cli("relax", "list").stdout
    assert "20 seconds" in listing and "0.3" not in listing
    [session] = json.loads(cli("relax", "list", "--json").stdout)
    assert round(session["minutes"] * 60) == 20


def test_ctrl_c_before_one_breath_records_nothing(
    cli: Run, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _on_a_terminal(monkeypatch, FakeClock(stop_after=BREATH_SECONDS - 1))
    result = cli("relax")
    assert result.exit_code == 0
    assert "nothing was recorded" in result.stdout
    assert _journal(data_dir) is None


def test_pacer_counts_down_each_breath() -> None:
    import io

    from rich.console import Console

    from backskills.domain.learning import breathing_plan
    from backskills.render import relax as pacer

    frames: list[str] = []
    console = Console(file=io.StringIO(), width=80)
    plan = breathing_plan(1)
    for breath in (1, 2):
        for count in (4, 3):
            console.begin_capture()
            console.print(pacer._frame(plan, breath, pacer.PHASES[0], count, 0))
            frames.append(console.end_capture())
    assert "Breathe in" in frames[0] and "4" in frames[0] and "breath 1 of 6" in frames[0]
    assert "breath 2 of 6" in frames[2] and "1:00 to go" in frames[2]


@pytest.mark.parametrize("width", [40, 60, 100])
def test_pacer_bar_has_its_own_line_and_fits_the_screen(width: int) -> None:
    import io

    from rich.console import Console

    from backskills.domain.learning import breathing_plan
    from backskills.render import relax as pacer

    console = Console(file=io.StringIO(), width=width)
    plan = breathing_plan(1)
    console.begin_capture()
    console.print(pacer._frame(plan, 3, pacer.PHASES[1], 2, 22, width))
    lines = console.end_capture().splitlines()
    assert "  breath 3 of 6, 0:38 to go" in lines  # whole, on its own line
    bar = next(line for line in lines if "\u2501" in line)
    assert "breath" not in bar and len(bar.rstrip()) <= width


def test_log_and_list(cli: Run) -> None:
    result = cli("relax", "log", "12.5", "--date", "yesterday", "--note", "[bold]yoga[/]")
    assert result.exit_code == 0, result.stderr
    assert "Recorded 12 minutes 30 seconds of relaxation on 2026-02-28" in result.stdout
    stored = json.loads(cli("relax", "log", "10", "--json").stdout)
    assert stored == {
        "id": "r2",
        "date": "2026-03-01",
        "minutes": 10.0,
        "guided": False,
        "note": None,
    }
    human = cli("relax", "list")
    assert "[bold]yoga[/]" in human.stdout
    assert "22 minutes 30 seconds" in human.stdout
    assert [s["date"] for s in json.loads(cli("relax", "list", "--json").stdout)] == [
        "2026-03-01",
        "2026-02-28",
    ]


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["0"], "MINUTES"),
        (["--", "-3"], "MINUTES"),
        (["nan"], "MINUTES"),
        (["241"], "MINUTES"),
        (["ten"], "MINUTES"),
        (["10", "--date", "2026-03-02"], "--date"),
        (["10", "--date", "someday"], "--date"),
        (["10", "--note", "x" * 2001], "--note"),
    ],
)
def test_log_refuses_bad_input_without_touching_the_journal(
    cli: Run, data_dir: Path, args: list[str], option: str
) -> None:
    assert cli("relax", "log", "5").exit_code == 0
    before = _journal(data_dir)
    result = cli("relax", "log", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {option}:")
    assert _journal(data_dir) == before


def test_empty_list(cli: Run) -> None:
    empty = cli("relax", "list").stdout
    assert "No relaxation recorded yet" in empty
    assert "more: backskills learn relaxation" in empty
    assert json.loads(cli("relax", "list", "--json").stdout) == []


def test_one_minute_is_singular_and_nothing_says_minute_s(cli: Run) -> None:
    logged = cli("relax", "log", "1")
    assert logged.exit_code == 0, logged.stderr
    assert "Recorded 1 minute of relaxation on 2026-03-01." in logged.stdout
    listed = cli("relax", "list")
    assert "2026-03-01): 1 minute." in " ".join(listed.stdout.split())
    steps = cli("relax", "--minutes", "1")
    assert "Deep breathing for 1 minute:" in " ".join(steps.stdout.split())
    assert "(s)" not in logged.stdout + listed.stdout + steps.stdout


def test_help_does_not_break_a_sentence_mid_line(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    result = cli("relax", "--help")
    assert result.exit_code == 0
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert any("Otherwise (or with --json) it prints the steps" in line for line in lines)
