"""`backskills undo`: after every kind of write, undo puts the journal back as it was."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from backskills.errors import Refused
from backskills.store import Store
from tests.cli.journey import as_json, flat, ok, planned_walking, refused
from tests.conftest import Run
from tests.journals import read_journal


def document(data_dir: Path) -> Any:
    """The journal without its id counters, which never go back (see ``counters``)."""
    return without_counters(read_journal(data_dir))


def without_counters(journal: Any) -> Any:
    return {key: value for key, value in journal.items() if key != "last_ids"}


def counters(data_dir: Path) -> dict[str, int]:
    found: dict[str, int] = read_journal(data_dir)["last_ids"]
    return found


def a_journal(cli: Run) -> None:
    """Something of each kind, so every write below has something to act on."""
    planned_walking(cli)
    ok(cli, 1, "log", "walking", "8")  # a1
    ok(cli, 1, "pain", "3")  # p1
    ok(cli, 1, "pace", "add", "ironing", "--tolerance", "10")
    ok(cli, 1, "pace", "task", "add", "shirts", "--activity", "ironing", "--amount", "30")
    ok(cli, 1, "redflags", "--none")  # k1
    ok(cli, 1, "goal", "add", "Walk to the shop", "--target", "20", "--unit", "minutes",
       "--why", "independence", "--reward", "tea",
       "--within", "8w", "--no-input")  # fmt: skip


WRITES: dict[str, tuple[str, ...]] = {
    "log": ("log", "walking", "5"),
    "pain": ("pain", "6", "--note", "after the bus"),
    "baseline log": ("baseline", "log", "cycling", "10", "--unit", "minutes"),
    "plan set": ("plan", "set", "walking", "--target", "20"),
    "pace log": ("pace", "log", "ironing", "10", "--task", "1"),
    "pace add": ("pace", "add", "hoovering", "--tolerance", "15"),
    "relax log": ("relax", "log", "10"),
    "thoughts add": ("thoughts", "add", "--situation", "bus", "--thought", "I cannot"),
    "flareup start": ("flareup", "start", "--pain", "7", "--reduce", "previous", "--no-input"),
    "goal step": ("goal", "step", "add", "1", "walk to the corner"),
    "goal add": (
        "goal",
        "add",
        "Cycle to work",
        "--target",
        "30",
        "--unit",
        "minutes",
        "--why",
        "work",
        "--reward",
        "a bike bell",
        "--within",
        "8w",
        "--no-input",
    ),
    "baseline redo": ("baseline", "redo", "walking"),
    "pace task add": ("pace", "task", "add", "towels", "--activity", "ironing", "--amount", "20"),
    "flareup plan add": ("flareup", "plan", "add", "rest in short spells"),
    "entries edit": ("entries", "edit", "a1", "--amount", "9", "--note", "hills"),
    "entries remove": ("entries", "remove", "a1"),
    "entries remove redflag": ("entries", "remove", "k1"),
}


@pytest.mark.parametrize("write", list(WRITES), ids=list(WRITES))  # fmt: skip
def test_undo_after_each_kind_of_write(cli: Run, data_dir: Path, write: str) -> None:
    a_journal(cli)
    before = document(data_dir)
    ok(cli, 2, *WRITES[write])
    after = document(data_dir)
    counted = counters(data_dir)
    assert after != before
    result = as_json(cli, 2, "undo", "--yes")
    assert document(data_dir) == before
    # The id counters stay where the write left them: an id handed out once is never
    # given to another entry.
    assert counters(data_dir) == counted
    assert result["undone"] and all(isinstance(line, str) for line in result["undone"])
    kept = json.loads(Path(result["set_aside"]).read_text())
    assert without_counters(kept) == after  # the undone state kept


def test_an_id_undone_is_never_given_again(cli: Run, data_dir: Path) -> None:
    a_journal(cli)
    ok(cli, 2, "log", "walking", "5")  # a2
    ok(cli, 2, "pain", "4")  # p2
    ok(cli, 2, "undo", "--yes")
    ok(cli, 2, "undo", "--yes")
    assert "(a3)" in ok(cli, 2, "log", "walking", "13").stdout
    assert "(p3)" in flat(ok(cli, 2, "pain", "2").stdout)
    ids = [e["id"] for e in as_json(cli, 2, "entries")["entries"]]
    assert len(ids) == len(set(ids)) and "a2" not in ids and "p2" not in ids


def test_undo_takes_back_a_restore(cli: Run, data_dir: Path) -> None:
    ok(cli, 1, "log", "walking", "10")  # a1
    ok(cli, 1, "log", "walking", "11")  # a2
    ok(cli, 1, "log", "walking", "12")  # a3
    before = document(data_dir)
    oldest = Store(data_dir).backups()[-1].name  # the journal holding only a1
    restored = as_json(cli, 1, "data", "restore", oldest)
    assert restored["restored"] == oldest
    assert [e["id"] for e in as_json(cli, 1, "entries")["entries"]] == ["a1"]
    out = flat(ok(cli, 1, "undo", "--yes").stdout)
    assert "brings back a2" in out and "brings back a3" in out
    assert document(data_dir) == before
    assert "(a4)" in ok(cli, 1, "log", "walking", "9").stdout


def test_undo_says_what_it_takes_back(cli: Run, data_dir: Path) -> None:
    a_journal(cli)
    ok(cli, 2, "log", "walking", "5", "--pain", "4")
    out = flat(ok(cli, 2, "undo", "--yes").stdout)
    assert "takes away a2 (2026-03-03): 5 minutes of walking" in out
    assert "takes away p2 (2026-03-03): pain 4 out of 10" in out
    assert "set-aside" in out
    ok(cli, 2, "entries", "edit", "a1", "--amount", "6")
    out = flat(ok(cli, 2, "undo", "--yes").stdout)
    assert "puts a1 back as it was: 2026-03-02, 8 minutes of walking" in out
    ok(cli, 2, "entries", "remove", "p1")
    assert "brings back p1 (2026-03-02): pain 3 out of 10" in flat(
        ok(cli, 2, "undo", "--yes").stdout
    )
    ok(cli, 2, "goal", "step", "add", "1", "walk to the corner")
    assert "puts the goal 'Walk to the shop' back as it was" in flat(
        ok(cli, 2, "undo", "--yes").stdout
    )


def test_undo_twice_steps_back_twice(cli: Run, data_dir: Path) -> None:
    a_journal(cli)
    first = document(data_dir)
    ok(cli, 2, "log", "walking", "5")
    second = document(data_dir)
    ok(cli, 2, "pain", "7")
    ok(cli, 2, "undo", "--yes")
    assert document(data_dir) == second
    ok(cli, 2, "undo", "--yes")
    assert document(data_dir) == first
    assert len(list((data_dir / "set-aside").iterdir())) >= 2


def test_a_backup_with_no_change_is_skipped(cli: Run, data_dir: Path) -> None:
    a_journal(cli)
    before = document(data_dir)
    ok(cli, 2, "pain", "5")
    ok(cli, 2, "data", "backup")  # identical to the journal now
    result = as_json(cli, 2, "undo", "--yes")
    assert result["undone"] == ["takes away p2 (2026-03-03): pain 5 out of 10"]
    assert document(data_dir) == before


def test_without_a_terminal_undo_needs_yes(cli: Run, data_dir: Path) -> None:
    a_journal(cli)
    ok(cli, 2, "pain", "5")
    result = refused(cli, data_dir, 2, 2, "undo")
    assert "--yes" in result.stderr
    assert "Undo takes away p2 (2026-03-03): pain 5 out of 10" in flat(result.stderr)
    refused(cli, data_dir, 2, 2, "undo", "--json")


def test_on_a_terminal_undo_asks(cli: Run, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import backskills.cli.undo as undo_cli

    monkeypatch.setattr(undo_cli, "interactive", lambda no_input=False: not no_input)
    a_journal(cli)
    ok(cli, 2, "pain", "5")
    changed = document(data_dir)
    said_no = cli("undo", input="n\n")
    assert said_no.exit_code == 0
    assert "takes away p2" in flat(said_no.stdout) and "Nothing was changed." in said_no.stdout
    assert document(data_dir) == changed
    said_yes = cli("undo", input="y\n")
    assert said_yes.exit_code == 0 and "Undone." in said_yes.stdout
    assert all(p["id"] != "p2" for p in document(data_dir)["pain"])


def test_nothing_to_undo(cli: Run, data_dir: Path) -> None:
    result = refused(cli, data_dir, 1, 0, "undo", "--yes")
    assert "nothing to undo" in result.stderr
    ok(cli, 0, "pain", "3")  # the very first change has nothing before it
    assert "entries remove" in refused(cli, data_dir, 1, 0, "undo", "--yes").stderr


def test_a_change_while_undo_waits_is_not_lost(cli: Run, data_dir: Path) -> None:
    a_journal(cli)
    ok(cli, 2, "pain", "5")
    keeper = Store(data_dir)
    state = keeper.previous_state()
    assert state is not None
    ok(cli, 2, "pain", "6")  # another run changes the journal meanwhile
    changed = document(data_dir)
    with pytest.raises(Refused, match="changed while undo was waiting"):
        keeper.step_back(state)
    assert document(data_dir) == changed


def test_undo_after_a_flareup_ends(cli: Run, data_dir: Path) -> None:
    a_journal(cli)
    ok(cli, 2, "flareup", "start", "--pain", "7", "--reduce", "none", "--no-input")
    before = document(data_dir)
    ok(cli, 4, "flareup", "end", "--no-input")
    assert document(data_dir)["flareups"][0]["ended"] == "2026-03-05"
    undone = as_json(cli, 4, "undo", "--yes")
    assert any(line.startswith("puts f1 back as it was") for line in undone["undone"])
    assert document(data_dir) == before


def test_undo_never_deletes_a_redflag_check(cli: Run, data_dir: Path) -> None:
    a_journal(cli)
    ok(cli, 2, "redflags", "--present", "night_sweats")  # k2: not clear
    after = document(data_dir)
    result = refused(cli, data_dir, 1, 2, "undo", "--yes")
    assert "would delete the red-flag check k2" in flat(result.stderr)
    assert "entries remove k2" in result.stderr
    assert document(data_dir) == after
    ok(cli, 2, "entries", "remove", "k2")  # marked as entered by mistake instead
    assert document(data_dir)["redflag_checks"][1]["entered_by_mistake"] == "2026-03-03"
    ok(cli, 2, "undo", "--yes")  # taking back the mark keeps the check, counting again
    assert document(data_dir) == after


def test_restoring_twice_restores_the_same_backup_and_undo_keeps_every_backup(
    cli: Run, data_dir: Path
) -> None:
    for n in range(1, 13):
        ok(cli, 1, "log", "walking", str(n))  # 11 backups, all of one day
    kept = {p.name for p in (data_dir / "backups").glob("journal-*.json")}
    first = as_json(cli, 1, "data", "restore")
    assert first["undoable"] is True
    restored = document(data_dir)
    second = as_json(cli, 1, "data", "restore")  # passes over the journal the first replaced
    assert second["restored"] == first["restored"] and document(data_dir) == restored
    names = [p.name for p in (data_dir / "backups").glob("journal-*.json")]
    assert any(name.endswith("-prerestore.json") for name in names)
    oldest = sorted(kept)[4]
    as_json(cli, 1, "data", "restore", oldest)
    ok(cli, 1, "undo", "--yes")
    # Trying a backup and taking it back let no older backup go.
    now = {p.name for p in (data_dir / "backups").glob("journal-*.json")}
    aside = {p.name.removeprefix("undone-") for p in (data_dir / "set-aside").iterdir()}
    assert kept <= now | aside


def test_a_restore_of_an_unreadable_journal_says_undo_cannot_take_it_back(
    cli: Run, data_dir: Path
) -> None:
    ok(cli, 1, "log", "walking", "10")
    ok(cli, 1, "log", "walking", "11")
    (data_dir / "journal.json").write_text("{ not a journal")
    result = as_json(cli, 1, "data", "restore")
    assert result["undoable"] is False
    (data_dir / "journal.json").write_text("{ not a journal")
    said = flat(ok(cli, 1, "data", "restore").stdout)
    assert "could not be read, so 'backskills undo' cannot take this restore back" in said


def test_the_hint_for_an_unreadable_journal_names_the_backup_restore_goes_back_to(
    cli: Run, data_dir: Path
) -> None:
    for n in ("10", "11", "12"):
        ok(cli, 1, "log", "walking", n)
    restored = as_json(cli, 1, "data", "restore")["restored"]  # makes a -prerestore backup
    (data_dir / "journal.json").write_text("{ not a journal")
    said = flat(cli("today").stderr)
    assert f"The newest good backup is {data_dir / 'backups' / restored}" in said
    assert as_json(cli, 1, "data", "restore")["restored"] == restored
