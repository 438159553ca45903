"""``data restore`` never drops an intact month (audit, issue 16): a month with no good copy
left is taken from an older backup or reported lost, and every other month is kept."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.conftest import Run

TODAY = {"BACKSKILLS_TODAY": "2026-05-20"}
DAYS = ["2026-01-10", "2026-02-10", "2026-03-10", "2026-04-10", "2026-05-10"]


def five_months(cli: Run) -> None:
    for day in DAYS:
        assert cli("log", "walking", "10", "--date", day, env=TODAY).exit_code == 0
    assert cli("pain", "4", "--date", "2026-03-03", env=TODAY).exit_code == 0


def exported(cli: Run, data_dir: Path | None = None) -> dict[str, object]:
    args = ("--data-dir", str(data_dir)) if data_dir else ()
    result = cli(*args, "data", "export", "--format", "json", env=TODAY)
    assert result.exit_code == 0, result.stderr
    document: dict[str, object] = json.loads(result.stdout)
    return document


def record_days(document: dict[str, object]) -> list[str]:
    records = document["records"]
    assert isinstance(records, list)
    return [r["date"] for r in records]


def remove_month(data_dir: Path, month: str) -> None:
    for folder in (data_dir / "segments", data_dir / "backups" / "segments"):
        for path in folder.glob(f"{month}-*.json"):
            os.unlink(path)


def test_restore_keeps_every_intact_month_when_one_is_lost_everywhere(
    data_dir: Path, cli: Run
) -> None:
    five_months(cli)
    before = exported(cli)
    ids = {r["id"] for r in before["records"]}  # type: ignore[union-attr]
    remove_month(data_dir, "2026-02")

    check = cli("data", "check")
    assert check.exit_code == 3
    hint = " ".join(check.stderr.split())
    assert "No good copy of 2026-02 is left" in hint and "backskills data restore" in hint
    assert "'backskills data check' lists" not in hint  # no longer points at itself

    done = cli("data", "restore", env=TODAY)
    assert done.exit_code == 0, done.stderr
    said = " ".join(done.stdout.split())
    assert "2026-02: no good copy of this month was found anywhere" in said
    after = exported(cli)
    assert record_days(after) == [d for d in DAYS if not d.startswith("2026-02")]
    assert [p["date"] for p in after["pain"]] == ["2026-03-03"]  # type: ignore[index]

    # A new entry never takes an id that was handed out before.
    assert cli("log", "walking", "3", env=TODAY).exit_code == 0
    newest = [r for r in exported(cli)["records"] if r["date"] == "2026-05-20"]  # type: ignore[union-attr]
    assert len(newest) == 1 and newest[0]["id"] not in ids

    # What was set aside reads back with data import (its intact months).
    aside = sorted((data_dir / "set-aside").glob("journal-*Z.json"))
    assert aside
    other = data_dir.parent / "other"
    imported = cli("--data-dir", str(other), "data", "import", str(aside[0]), env=TODAY)
    assert imported.exit_code == 0, imported.stderr
    assert record_days(exported(cli, other)) == record_days(after)


def test_restore_takes_a_lost_month_from_an_older_backup_and_says_so(
    data_dir: Path, cli: Run
) -> None:
    five_months(cli)
    # A second February entry: the newest February file then has no good copy left, but the
    # backup taken before this change still lists the first February file.
    assert cli("log", "walking", "20", "--date", "2026-02-20", env=TODAY).exit_code == 0
    newest_feb = {p.name for p in (data_dir / "segments").glob("2026-02-*.json")}
    manifest = json.loads((data_dir / "journal.json").read_text())
    (listed,) = [s["file"] for s in manifest["segments"] if s["month"] == "2026-02"]
    for folder in (data_dir / "segments", data_dir / "backups" / "segments"):
        os.unlink(folder / listed)
    assert listed in newest_feb

    check = cli("data", "check")
    assert check.exit_code == 3 and "backskills data restore" in check.stderr
    assert "newest good copy of 2026-02 is in the backup journal-" in " ".join(check.stderr.split())
    done = cli("data", "restore", "--json", env=TODAY)
    assert done.exit_code == 0, done.stderr
    report = json.loads(done.stdout)
    assert list(report["older_months"]) == ["2026-02"] and report["lost_months"] == []
    assert record_days(exported(cli)) == DAYS  # the first February entry is back
    assert cli("data", "check").exit_code == 0
