"""``data restore`` never drops an intact month (audit, issue 16): a month with no good copy
left is taken from an older backup or reported lost, and every other month is kept."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

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


def backup_names(data_dir: Path) -> list[str]:
    """Backup file names, oldest first."""
    return sorted(p.name for p in (data_dir / "backups").glob("journal-*.json"))


def february_of(data_dir: Path, backup: str) -> str | None:
    """The February file a backup lists (None: it has no February)."""
    manifest = json.loads((data_dir / "backups" / backup).read_text())
    listed = [s["file"] for s in manifest["segments"] if s["month"] == "2026-02"]
    return str(listed[0]) if listed else None


def lose(data_dir: Path, file: str) -> None:
    for folder in (data_dir / "segments", data_dir / "backups" / "segments"):
        os.unlink(folder / file)


def three_februaries(cli: Run, data_dir: Path) -> tuple[list[str], list[str]]:
    """Three versions of February (10; 10 + 20; 10 + 20 + 30 minutes), each listed by a
    backup. Returns the backups (oldest first) and the February files (oldest first)."""
    five_months(cli)
    for minutes, day in (("20", "2026-02-20"), ("30", "2026-02-25")):
        assert cli("log", "walking", minutes, "--date", day, env=TODAY).exit_code == 0
    assert cli("pain", "2", env=TODAY).exit_code == 0  # so the last one is in a backup too
    names = backup_names(data_dir)
    versions: list[str] = []
    for name in names:
        february = february_of(data_dir, name)
        if february is not None and february not in versions:
            versions.append(february)
    assert len(versions) == 3 and february_of(data_dir, names[0]) is None
    return names, versions


def february_minutes(cli: Run) -> list[float]:
    records = exported(cli)["records"]
    assert isinstance(records, list)
    return [r["amount"] for r in records if r["date"].startswith("2026-02")]


def test_a_named_restore_fills_a_lost_month_from_an_older_backup_first(
    data_dir: Path, cli: Run
) -> None:
    names, versions = three_februaries(cli, data_dir)
    # The backup listing the second February (10 + 20), after that file was lost.
    middle = next(n for n in names if february_of(data_dir, n) == versions[1])
    lose(data_dir, versions[1])
    done = cli("data", "restore", middle, "--json", env=TODAY)
    assert done.exit_code == 0, done.stderr
    report = json.loads(done.stdout)
    # From the newest OLDER backup (10), never from the newer one (10 + 20 + 30).
    assert list(report["older_months"]) == ["2026-02"] and report["newer_months"] == {}
    assert names.index(report["older_months"]["2026-02"]) < names.index(middle)
    assert february_minutes(cli) == [10.0]
    assert cli("data", "check").exit_code == 0


def test_a_newer_copy_is_used_only_when_no_older_one_is_left_and_it_says_so(
    data_dir: Path, cli: Run
) -> None:
    names, versions = three_februaries(cli, data_dir)
    # The oldest backup listing the first February (10), after that file was lost: no
    # older backup has February at all.
    oldest = next(n for n in names if february_of(data_dir, n) == versions[0])
    lose(data_dir, versions[0])
    done = cli("data", "restore", oldest, env=TODAY)
    assert done.exit_code == 0, done.stderr
    said = " ".join(done.stdout.split())
    assert "2026-02: no good copy of this month was left in that backup or any older one" in said
    assert "taken from the newer backup journal-" in said
    assert "after the backup you restored" in said
    assert february_minutes(cli) == [10.0, 20.0]  # the oldest newer version, not the newest


def test_repair_works_when_the_month_files_are_on_another_file_system(
    data_dir: Path, cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A journal.json that is a link can have its segments/ on another disk, where a damaged
    file cannot be renamed into set-aside/: it is copied there, then taken away."""
    import errno

    from backskills.store import Store
    from backskills.store import restore as restore_module

    five_months(cli)
    manifest = json.loads((data_dir / "journal.json").read_text())
    (listed,) = [s["file"] for s in manifest["segments"] if s["month"] == "2026-03"]
    damaged = data_dir / "segments" / listed
    damaged.write_bytes(damaged.read_bytes().replace(b"10", b"99"))
    real_replace = os.replace

    def across_disks(source: object, target: object) -> None:
        if "set-aside" in str(target) and "segments" in str(source):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(restore_module.os, "replace", across_disks)
    done = Store(data_dir).restore()
    assert done.repaired == [listed]
    kept = list((data_dir / "set-aside").glob(f"damaged-*-{listed}"))
    assert len(kept) == 1 and b"99" in kept[0].read_bytes()
    assert oct(kept[0].stat().st_mode & 0o777) == "0o600"
    assert cli("data", "check").exit_code == 0
    assert record_days(exported(cli)) == DAYS
