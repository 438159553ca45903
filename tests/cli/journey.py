"""Helpers for the CLI tests of baselines, plans, records and progress."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from typer.testing import Result

from tests.conftest import Run

FIRST = date(2026, 3, 1)


def on(day: date | int) -> dict[str, str]:
    """The environment for a run on ``day`` (an int counts days after FIRST)."""
    when = FIRST + timedelta(days=day) if isinstance(day, int) else day
    return {"BACKSKILLS_TODAY": when.isoformat()}


def run(cli: Run, day: date | int, *args: str) -> Result:
    return cli(*args, env=on(day))


def ok(cli: Run, day: date | int, *args: str) -> Result:
    result = run(cli, day, *args)
    assert result.exit_code == 0, (args, result.stdout, result.stderr)
    return result


def as_json(cli: Run, day: date | int, *args: str) -> Any:
    return json.loads(ok(cli, day, *args, "--json").stdout)


def flat(text: str) -> str:
    """Output with line wrapping undone, for checking sentences."""
    return " ".join(text.split())


def journal_bytes(data_dir: Path) -> bytes | None:
    path = data_dir / "journal.json"
    return path.read_bytes() if path.exists() else None


def refused(cli: Run, data_dir: Path, code: int, day: date | int, *args: str) -> Result:
    """Run a command that must fail with ``code`` and leave the journal byte-identical."""
    before = journal_bytes(data_dir)
    result = run(cli, day, *args)
    assert result.exit_code == code, (args, result.stdout, result.stderr)
    assert journal_bytes(data_dir) == before
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.stderr
    return result


def baseline_walking(cli: Run) -> None:
    """Days -2, -1, 0: 9 (hard), 12 (ok), 9: average 10, start 8."""
    ok(cli, -2, "baseline", "log", "walking", "9", "--felt", "hard")
    ok(cli, -1, "baseline", "log", "walking", "12", "--felt", "ok")
    ok(cli, 0, "baseline", "log", "walking", "9")


def planned_walking(cli: Run, *extra: str) -> None:
    baseline_walking(cli)
    ok(cli, 0, "plan", "set", "walking", "--target", "15", *extra)


def walk_days(cli: Run, first: int, last: int, amount: str = "8") -> None:
    for day in range(first, last + 1):
        ok(cli, day, "log", "walking", amount)


def red_flag(data_dir: Path) -> None:
    """Add a red-flag check that is not clear (written as the redflags feature would)."""
    path = data_dir / "journal.json"
    document = json.loads(path.read_text())
    document["redflag_checks"].append(
        {"checked_on": "2026-03-01", "outcome": "see_professional", "present": [], "history": []}
    )
    path.write_text(json.dumps(document))


def flare_up(data_dir: Path, started: str) -> None:
    path = data_dir / "journal.json"
    document = json.loads(path.read_text())
    document["flareups"].append({"started": started})
    path.write_text(json.dumps(document))
