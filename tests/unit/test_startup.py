"""What an everyday command loads at start-up (not timed: which modules, not how long)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SECTIONS = ("checkins", "flareups", "goals", "pacing", "redflags")


def loaded_by(argv: list[str]) -> set[str]:
    code = (
        "import sys\n"
        "from backskills.cli.main import main\n"
        f"try:\n    main({argv!r})\n"
        "except SystemExit:\n    pass\n"
        "print('LOADED:' + ','.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(result.stdout.strip().splitlines()[-1].removeprefix("LOADED:").split(","))


def sections(modules: set[str]) -> list[str]:
    return sorted(
        name
        for name in SECTIONS
        if any(
            m == f"backskills.domain.{name}" or m.startswith(f"backskills.domain.{name}.")
            for m in modules
        )
    )


def test_today_on_an_empty_journal_loads_none_of_the_sections(tmp_path: Path) -> None:
    assert sections(loaded_by(["--data-dir", str(tmp_path), "today"])) == []


def test_today_with_entries_still_consults_the_red_flags(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "backskills", "--data-dir", str(tmp_path), "pain", "3"],
        capture_output=True,
        check=True,
    )
    assert "redflags" in sections(loaded_by(["--data-dir", str(tmp_path), "today"]))
