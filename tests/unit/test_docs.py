"""README.md stays true to the code: CI command, exit codes, environment variables."""

from __future__ import annotations

import re

from backskills import errors
from tests.journals import REPO

README = (REPO / "README.md").read_text("utf-8")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text("utf-8")
    command = ci.strip().splitlines()[-1]
    assert command.startswith("pip install -e")
    assert command in README
    assert f". .venv/bin/activate && {command}" in README


def test_exit_codes_are_documented() -> None:
    codes = {getattr(errors, name) for name in dir(errors) if name.startswith("EXIT_")}
    documented = {int(n) for n in re.findall(r"^\| (\d) ", README, re.MULTILINE)}
    assert documented == codes


def test_every_environment_variable_is_documented() -> None:
    used = set()
    for path in (REPO / "src").rglob("*.py"):
        used |= set(re.findall(r"\"(BACKSKILLS_[A-Z_]+)\"", path.read_text("utf-8")))
    assert used >= {"BACKSKILLS_DATA_DIR", "BACKSKILLS_LOCK_TIMEOUT", "BACKSKILLS_TODAY"}
    for name in used | {"NO_COLOR"}:
        assert f"`{name}`" in README, name


def test_readme_has_the_sections_the_issue_asks_for() -> None:
    for heading in (
        "## Set up on a fresh machine",
        "## A short tour",
        "## Where your journal lives",
        "## Exit codes",
        "## Privacy",
        "## Performance",
    ):
        assert heading in README
    assert "disclaimer" in README.lower()
