from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from tests.conftest import Run


def write_journal(data_dir: Path, document: object) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "journal.json"
    path.write_text(json.dumps(document))
    return path


def test_version_and_python_m(cli: Run) -> None:
    import subprocess
    import sys

    from backskills import __version__

    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"backskills {__version__}"
    done = subprocess.run(
        [sys.executable, "-m", "backskills", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0 and __version__ in done.stdout


def test_data_path_honours_option_env_and_reads_nothing(
    cli: Run, data_dir: Path, tmp_path: Path
) -> None:
    result = cli("data", "path")
    assert result.exit_code == 0
    assert result.stdout.strip() == str(data_dir / "journal.json")
    assert not data_dir.exists(), "a read command must not create anything"
    other = tmp_path / "elsewhere"
    result = cli("--data-dir", str(other), "data", "path", "--json")
    assert json.loads(result.stdout) == {"path": str(other / "journal.json"), "exists": False}


def test_data_check_reports_contents(cli: Run, data_dir: Path) -> None:
    write_journal(data_dir, {"schema_version": 1, "pain": [{"date": "2026-01-01", "score": 3}]})
    result = cli("data", "check", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["readable"] is True
    assert report["counts"]["pain_scores"] == 1


def test_unreadable_journal_is_exit_3_names_problem_not_content(cli: Run, data_dir: Path) -> None:
    path = write_journal(
        data_dir,
        {
            "schema_version": 1,
            "pain": [{"date": "2026-01-01", "score": 3, "secret_field": "my private pain"}],
        },
    )
    before = path.read_bytes()
    result = cli("data", "check")
    assert result.exit_code == 3
    assert "pain[0]" in result.stderr  # the position is named ...
    assert "my private pain" not in result.stderr  # ... never its content
    assert "secret_field" not in result.stderr  # ... nor a key that is not ours
    assert result.stdout == ""
    assert path.read_bytes() == before


def test_future_schema_refused(cli: Run, data_dir: Path) -> None:
    path = write_journal(data_dir, {"schema_version": 99})
    before = path.read_bytes()
    result = cli("data", "check")
    assert result.exit_code == 3
    assert "newer backskills" in result.stderr
    assert "Upgrade" in result.stderr
    assert path.read_bytes() == before


def test_backup_restore_and_set_aside(cli: Run, data_dir: Path) -> None:
    path = write_journal(
        data_dir, {"schema_version": 1, "pain": [{"date": "2026-01-01", "score": 3}]}
    )
    assert cli("data", "backup").exit_code == 0
    path.write_bytes(b"\x00" * 64)
    assert cli("data", "check").exit_code == 3
    result = cli("data", "restore", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert Path(report["set_aside"]).read_bytes() == b"\x00" * 64  # the broken file is kept
    assert cli("data", "check").exit_code == 0


def test_export_and_import_round_trip(cli: Run, data_dir: Path, tmp_path: Path) -> None:
    write_journal(
        data_dir,
        {"schema_version": 1, "pain": [{"date": "2026-01-01", "score": 3, "note": "=cmd"}]},
    )
    out = tmp_path / "export.json"
    assert cli("data", "export", "-o", str(out)).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert cli("data", "export", "-o", str(out)).exit_code == 1  # refuses to overwrite
    csv = cli("data", "export", "--format", "csv")
    assert csv.stdout.splitlines()[0] == "date,kind,activity,amount,unit,detail,note"
    assert "'=cmd" in csv.stdout  # formula injection defused
    (data_dir / "journal.json").unlink()
    result = cli("data", "import", str(out), "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["counts"]["pain_scores"] == 1


def test_import_refuses_invalid_file(cli: Run, data_dir: Path, tmp_path: Path) -> None:
    path = write_journal(data_dir, {"schema_version": 1})
    before = path.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 1, "goals": [{"id": 0}]}')
    result = cli("data", "import", str(bad))
    assert result.exit_code == 3
    assert "cannot import" in result.stderr
    assert path.read_bytes() == before
    assert cli("data", "import", str(tmp_path / "missing.json")).exit_code == 2


def test_unknown_command_is_usage_error(cli: Run) -> None:
    result = cli("no-such-command")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")


def test_group_without_subcommand_shows_its_help(cli: Run) -> None:
    result = cli("data")
    assert result.exit_code == 0
    assert "restore" in result.stdout
    assert "Error" not in result.stderr


def test_root_help_names_the_emergency_services_without_importing_commands(cli: Run) -> None:
    import re

    result = cli("--help")
    assert result.exit_code == 0
    text = re.sub(r"[\s│]+", " ", result.stdout)
    assert "call 999 or go to A&E now" in text
    assert "NHS 111" in text
    assert "backskills redflags" in text


def test_no_command_offers_shell_completion_install(cli: Run) -> None:
    """Completion scripts would write to the user's shell files: not offered anywhere."""
    from backskills.cli.registry import COMMANDS

    for name in COMMANDS:
        result = cli(name, "--help")
        assert result.exit_code == 0, name
        assert "--install-completion" not in result.stdout, name


def test_a_hand_edited_huge_amount_is_a_clear_refusal_not_a_crash(cli: Run, data_dir: Path) -> None:
    path = write_journal(
        data_dir,
        {
            "schema_version": 1,
            "records": [
                {"date": "2026-01-01", "activity": "walking", "amount": 1e308},
                {"date": "2026-01-01", "activity": "walking", "amount": 1e308},
            ],
        },
    )
    path.chmod(0o600)
    before = path.read_bytes()
    result = cli("today")
    assert result.exit_code == 3
    assert "records[0].amount" in result.stderr
    assert path.read_bytes() == before


def test_data_check_lists_every_backup_by_name(cli: Run, data_dir: Path) -> None:
    path = write_journal(data_dir, {"schema_version": 1})
    path.chmod(0o600)
    assert cli("data", "backup").exit_code == 0
    assert cli("data", "backup").exit_code == 0
    from backskills.store import Store

    names = [b.name for b in Store(data_dir).backups()]
    assert len(names) == 2
    out = cli("data", "check").stdout
    for name in names:
        assert f"- {name}" in out
    assert "backskills data restore NAME" in out


@pytest.mark.parametrize(
    ("terminal", "date_option"), [(True, "--date -d DATE"), (False, "-d, --date DATE")]
)
def test_help_names_what_to_type_not_python_types(
    cli: Run, monkeypatch: pytest.MonkeyPatch, terminal: bool, date_option: str
) -> None:
    import re

    from backskills.cli import main

    # On a terminal Typer's boxed layout; piped, the plain layout without Rich.
    monkeypatch.setattr(main, "_help_on_terminal", lambda: terminal)
    out = re.sub(r"[\s│]+", " ", cli("log", "--help").stdout)
    assert "--json <bool>" not in out and "--json Print one JSON" in out
    assert date_option in out
    assert "ACTIVITY" in out and "AMOUNT" in out
    assert ("╭" in cli("log", "--help").stdout) is terminal


def test_check_and_csv_include_assessments_and_plan_steps(cli: Run, data_dir: Path) -> None:
    env = {"BACKSKILLS_TODAY": "2026-03-01"}
    assert cli("redflags", "--present", "night_sweats", env=env).exit_code == 0
    assert cli("redflags", "assessed", "--note", "seen by GP", env=env).exit_code == 0
    assert cli("flareup", "plan", "add", "heat pack", env=env).exit_code == 0
    assert cli("goodspell", "add", "walk with a friend", env=env).exit_code == 0
    counts = json.loads(cli("data", "check", "--json").stdout)["counts"]
    assert counts["assessments"] == 1
    assert counts["flareup_plan_steps"] == 1 and counts["goodspell_plan_steps"] == 1
    csv = cli("data", "export", "--format", "csv").stdout
    assert "2026-03-01,redflag_assessed,,,,check 1,seen by GP" in csv


def test_a_data_dir_that_is_a_file_is_a_clear_exit_3(cli: Run, tmp_path: Path) -> None:
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("not a folder")
    result = cli("--data-dir", str(in_the_way), "log", "walking", "5")
    assert result.exit_code == 3
    assert "is a file, not a folder" in result.stderr
    assert "--data-dir" in result.stderr
    assert in_the_way.read_text() == "not a folder"


def test_importing_an_older_export_never_gives_an_id_again(
    cli: Run, data_dir: Path, tmp_path: Path
) -> None:
    assert cli("log", "walking", "10").exit_code == 0  # a1
    old = tmp_path / "old.json"
    assert cli("data", "export", "-o", str(old)).exit_code == 0
    assert "(a2)" in cli("log", "walking", "11").stdout
    assert cli("data", "import", str(old)).exit_code == 0  # a2 is gone again...
    assert "(a3)" in cli("log", "walking", "12").stdout  # ...and its id is not given twice


def _edit_manifest(data_dir: Path, change: object) -> None:
    path = data_dir / "journal.json"
    document = json.loads(path.read_text())
    change(document)  # type: ignore[operator]
    path.write_text(json.dumps(document))


def test_data_check_reports_ids_that_clash(cli: Run, data_dir: Path) -> None:
    for minutes in ("10", "11", "12"):
        assert cli("log", "walking", minutes, "--date", "2026-01-05").exit_code == 0
    assert cli("data", "check").exit_code == 0

    # A counter lowered by hand: the next record would get an id already given.
    _edit_manifest(data_dir, lambda d: d["last_ids"].update(a=1))
    result = cli("data", "check", "--json")
    assert result.exit_code == 3
    report = json.loads(result.stdout)  # the whole report is still given
    assert report["id_problems"] == [
        "the counter of activity record ids is 1, below the highest in use (a3): the next "
        "one would get an id already given"
    ]
    said = " ".join(result.stderr.split())
    assert said.startswith("Error: the journal can be read, but its entry ids clash:")
    assert "editing the journal's files by hand" in said

    # Two entries with the same id (a month file edited by hand, its hash put right).
    _edit_manifest(data_dir, lambda d: d["last_ids"].update(a=3))
    assert cli("data", "check").exit_code == 0
    (listed,) = json.loads((data_dir / "journal.json").read_text())["segments"]
    segment = data_dir / "segments" / listed["file"]
    text = segment.read_text().replace('"a3"', '"a2"')
    import hashlib

    digest = hashlib.sha256(text.encode()).hexdigest()
    renamed = segment.with_name(f"2026-01-{digest[:16]}.json")
    renamed.write_text(text)
    renamed.chmod(0o600)

    def point_at_it(document: dict[str, object]) -> None:
        (ref,) = document["segments"]  # type: ignore[misc]
        ref.update(file=renamed.name, sha256=digest)

    _edit_manifest(data_dir, point_at_it)
    (data_dir / "backups" / "segments" / renamed.name).write_text(text)
    (data_dir / "backups" / "segments" / renamed.name).chmod(0o600)
    result = cli("data", "check")
    assert result.exit_code == 3, result.stderr
    assert "2 activity records have the same id, a2" in " ".join(result.stderr.split())
    assert "Your journal is readable" in result.stdout  # what it holds is still listed


def _three_walks_exported(cli: Run, tmp_path: Path) -> Path:
    """Records a1-a3, and an export of the journal holding them."""
    for minutes in ("10", "11", "12"):
        assert cli("log", "walking", minutes).exit_code == 0
    export = tmp_path / "export.json"
    assert cli("data", "export", "-o", str(export)).exit_code == 0
    return export


def test_a_damaged_backup_does_not_block_undo_import_or_restore(
    cli: Run, data_dir: Path, tmp_path: Path
) -> None:
    export = _three_walks_exported(cli, tmp_path)
    oldest = sorted((data_dir / "backups").glob("journal-*.json"))[0]
    document = json.loads(oldest.read_text())
    document["last_ids"]["a"] = 5_000_000_000  # beyond any id: the file no longer reads
    oldest.write_text(json.dumps(document))
    for args in (("undo", "--yes"), ("data", "import", str(export)), ("data", "restore")):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
    assert "(a4)" in cli("log", "walking", "9").stdout  # and ids still go on from there


def test_an_import_whose_counters_are_low_never_gives_an_id_twice(
    cli: Run, data_dir: Path, tmp_path: Path
) -> None:
    export = _three_walks_exported(cli, tmp_path)
    document = json.loads(export.read_text())
    document["last_ids"]["a"] = 1  # lowered by hand, below a2 and a3
    export.write_text(json.dumps(document))
    other = tmp_path / "other"
    assert cli("--data-dir", str(other), "data", "import", str(export)).exit_code == 0
    assert "(a4)" in cli("--data-dir", str(other), "log", "walking", "13").stdout
    assert cli("--data-dir", str(other), "data", "check").exit_code == 0


def test_data_check_reports_ids_that_clash_across_kinds_and_thought_numbers(
    cli: Run, data_dir: Path
) -> None:
    assert cli("pain", "3").exit_code == 0  # p1
    assert cli("flareup", "start", "--pain", "6", "--no-input").exit_code == 0  # f1
    _edit_manifest(data_dir, lambda d: d["flareups"][0].update(id="p1"))
    result = cli("data", "check")
    assert result.exit_code == 3
    said = " ".join(result.stderr.split())
    assert "a flare-up has the id p1, not a flare-up's id" in said
    assert "2 entries have the same id, p1 (a flare-up and a pain score)" in said

    other = data_dir.parent / "thoughts"
    run = ("--data-dir", str(other))
    for situation in ("stairs", "garden"):
        added = cli(*run, "thoughts", "add", "--situation", situation, "--thought", "It hurts")
        assert added.exit_code == 0, added.stderr
    _edit_manifest(other, lambda d: d["thoughts"][1].update(id=d["thoughts"][0]["id"]))
    result = cli(*run, "data", "check")
    assert result.exit_code == 3
    assert "2 thought records have the same id, t1" in " ".join(result.stderr.split())


def test_an_import_whose_ids_clash_is_refused(cli: Run, data_dir: Path, tmp_path: Path) -> None:
    export = _three_walks_exported(cli, tmp_path)
    assert cli("pain", "3").exit_code == 0
    document = json.loads(export.read_text())
    document["pain"] = [{"id": "a2", "date": document["records"][0]["date"], "score": 4}]
    export.write_text(json.dumps(document))
    before = (data_dir / "journal.json").read_bytes()
    result = cli("data", "import", str(export))
    assert result.exit_code == 3
    said = " ".join(result.stderr.split())
    assert "has entry ids that clash: a pain score has the id a2, not a pain score's id" in said
    assert "2 entries have the same id, a2 (an activity record and a pain score)" in said
    assert (data_dir / "journal.json").read_bytes() == before  # nothing changed


def test_restoring_a_backup_that_holds_what_the_journal_holds_changes_nothing(
    cli: Run, data_dir: Path
) -> None:
    assert cli("log", "walking", "10").exit_code == 0
    assert cli("pain", "3").exit_code == 0
    assert cli("data", "backup").exit_code == 0  # the same as the journal
    before = (data_dir / "journal.json").read_bytes()
    result = cli("data", "restore", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["unchanged"] is True and report["undoable"] is False
    assert (data_dir / "journal.json").read_bytes() == before
    assert not list((data_dir / "backups").glob("*-prerestore.json"))
    said = " ".join(cli("data", "restore").stdout.split())
    assert said.startswith("Nothing changed: the backup journal-") and "holds just what" in said
