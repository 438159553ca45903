"""The everyday commands, run for real, print the same (text and --json) and save the same
journal whether the store hands them the whole journal or only the dated entries their
needs function asks for (``domain/window.py``; the store may cut at that date)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from backskills.models import Journal
from backskills.store import Needs, Store, serialise
from tests.conftest import Run
from tests.window_journals import (
    DAYS,
    TYPED_AT,
    comparable,
    cut,
    dated_list,
    journal_for,
    snapshot,
)


class CuttingStore:
    """Patches ``Store.load`` and ``Store.transaction`` to do what a store of segments may
    do at the strictest: hand over only the dated entries on or after the needs date, and
    save the ones it left out alongside the command's changes."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.cutting = False
        self.asked: list[Needs | None] = []
        load, transaction = Store.load, Store.transaction
        outer = self

        def cut_load(store: Store, needs: Needs | None = None) -> Journal:
            journal = load(store)
            outer.asked.append(needs)
            if needs is None or not outer.cutting:
                return journal
            return cut(journal, needs(snapshot(journal)))[0]

        @contextmanager
        def cut_transaction(store: Store, needs: Needs | None = None) -> Iterator[Journal]:
            with transaction(store) as journal:
                outer.asked.append(needs)
                if needs is None or not outer.cutting:
                    yield journal
                    return
                part, left_out = cut(journal, needs(snapshot(journal)))
                yield part
                # Saved as one journal, with the very entry objects the command holds, so the
                # ids the store gives on save are the ones it prints.
                for path, entries in left_out.items():
                    dated_list(part, path)[:0] = entries
                for name in Journal.model_fields:
                    setattr(journal, name, getattr(part, name))

        monkeypatch.setattr(Store, "load", cut_load)
        monkeypatch.setattr(Store, "transaction", cut_transaction)


def _commands(now: date) -> list[list[str]]:
    back = (now - timedelta(days=3)).isoformat()
    long_ago = (now - timedelta(days=500)).isoformat()
    later = (now - timedelta(days=430)).isoformat()
    return [
        # history and summary: the window's days only (``window.history``, ``window.summary``)
        ["history"],
        ["history", "--json"],
        ["history", "walking", "--no-chart"],
        ["history", "walking", "--json", "--weeks", "3"],
        ["history", "cycling", "--json"],
        ["history", "pain"],
        ["history", "pain", "--json", "--from", long_ago],
        ["history", "--from", long_ago, "--to", later, "--json"],
        ["history", "--weeks", "30", "--json"],
        ["history", "flareups", "--json"],
        ["summary"],
        ["summary", "--json"],
        ["summary", "--weeks", "60", "--json"],
        ["today"],
        ["today", "--json"],
        ["progress"],
        ["progress", "--json"],
        ["progress", "walking", "--pain-up", "--json"],
        ["pain", "4", "--json"],
        ["pain", "5", "--date", "yesterday"],
        ["entries", "--from", back],
        ["entries", "--from", back, "--kind", "pain", "--json"],
        # entries by default: the last four weeks, and how far back the rest goes
        ["entries"],
        ["entries", "--json"],
        ["entries", "--kind", "pain"],
        ["entries", "--kind", "relax", "--json"],
        ["entries", "--activity", "walking", "--json"],
        ["entries", "--activity", "cycling"],
        ["entries", "--activity", "vacuuming", "--json"],
        ["entries", "--kind", "spell", "--json"],
        ["log", "walking", "3", "--date", back],
        ["log", "walking", "2", "--json"],
        ["log", "walking", "2", "--pain", "6"],
        ["progress", "step-up", "walking", "--json"],
        ["progress", "ease-back", "walking", "--option", "halfway"],
        ["flareup", "--json"],
        ["flareup", "history", "--json"],
        ["flareup", "start", "--pain", "6", "--reduce", "previous", "--json"],
        ["flareup"],
        ["today"],
        ["flareup", "end", "--comeback", "catch-up", "--pain", "3", "--json"],
        ["pace", "plan", "--json"],
        ["pace", "plan"],
        ["pace", "review"],
        ["pace", "review", "--json", "--days", "14"],
        ["pace", "task", "add", "rugs", "--activity", "vacuuming", "--amount", "20", "--json"],
        ["pace", "log", "vacuuming", "10", "--felt", "ok"],
        ["relax", "log", "10", "--json"],
        ["baseline", "log", "cycling", "12", "--json"],
        ["today"],
        ["today", "--json", "--normal-day"],
        # Commands that read no daily log at all (``window.snapshot_only``).
        ["plan", "show", "--json"],
        ["plan", "set", "walking", "--target", "40", "--json"],
        ["plan", "show"],
        ["baseline", "show", "walking", "--json"],
        ["baseline", "list"],
        ["baseline", "redo", "cycling", "--json"],
        ["pace", "add", "dusting", "--tolerance", "10", "--json"],
        ["pace", "edit", "dusting", "--tolerance", "12"],
        ["pace", "list", "--json"],
        ["pace", "task", "list", "--json"],
        ["pace", "task", "done", "1"],
        ["pace", "task", "remove", "3", "--json"],
        ["pace", "remove", "dusting"],
        ["redflags", "--none", "--json"],
        ["redflags", "history"],
        [
            "thoughts",
            "add",
            "--situation",
            "A long drive",
            "--thought",
            "It will never get better",
            "--no-input",
            "--json",
        ],
        ["thoughts", "list", "--json"],
        [
            "goal",
            "add",
            "walk to the park",
            "--target",
            "40",
            "--unit",
            "minutes",
            "--activity",
            "walking",
            "--times-per-week",
            "3",
            "--why",
            "fresh air",
            "--reward",
            "a coffee",
            "--within",
            "8w",
            "--no-input",
            "--json",
        ],
        ["goal", "list", "--json"],
        ["goal", "show", "1"],
        ["goal", "step", "add", "1", "round the block"],
        ["goal", "done", "1", "--json"],
        ["flareup", "plan", "add", "a warm bath", "--json"],
        ["goodspell", "--json"],
        ["today"],
    ]


def _session(
    cli: Run, data: Path, now: date, journal: Journal, store: CuttingStore, *, cutting: bool
) -> tuple[list[tuple[Any, ...]], dict[str, Any]]:
    data.mkdir(parents=True, mode=0o700)
    (data / "journal.json").write_bytes(serialise(journal))
    (data / "journal.json").chmod(0o600)
    store.cutting = cutting
    env = {"BACKSKILLS_DATA_DIR": str(data), "BACKSKILLS_TODAY": now.isoformat()}
    shown = []
    for argv in _commands(now):
        result = cli(*argv, env=env)
        shown.append(
            (argv, result.exit_code, result.stdout, result.stderr.replace(str(data), "DATA"))
        )
    saved = Store(data).load()  # the whole journal (load without needs reads it all)
    return shown, comparable(saved)


CASES = [
    "class start",
    "flare-up",
    "steady",
    "pacing counted",
    "pacing",
    "young",
    "pain only",
    "second activity",
]


@pytest.mark.parametrize("now", DAYS, ids=lambda d: f"{d:%a}")
@pytest.mark.parametrize("case", CASES)
def test_same_output_and_journal_whole_or_cut(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str, now: date
) -> None:
    monkeypatch.setattr("backskills.clock.now_utc", lambda: TYPED_AT)
    store = CuttingStore(monkeypatch)
    journal = journal_for(case, now)
    whole = _session(cli, tmp_path / "whole", now, journal, store, cutting=False)
    part = _session(cli, tmp_path / "cut", now, journal, store, cutting=True)
    for (argv, *expected), (_, *got) in zip(whole[0], part[0], strict=True):
        assert got == expected, argv
    assert part[1] == whole[1]


EVERYDAY: list[tuple[str, ...]] = [
    ("today",),
    ("log", "walking", "3"),
    ("pain", "4"),
    ("progress",),
    ("progress", "step-up", "walking"),
    ("progress", "ease-back", "walking", "--option", "stay"),
    ("baseline", "log", "walking", "5"),
    ("relax", "log", "5"),
    ("pace", "log", "ironing", "5"),
    ("pace", "plan"),
    ("pace", "review"),
    ("pace", "task", "add", "rugs", "--activity", "ironing", "--amount", "20"),
    ("flareup", "--json"),
    ("flareup", "history"),
    ("flareup", "start", "--pain", "6"),
    ("flareup", "end"),
    ("entries", "--from", "yesterday"),
    ("plan", "show"),
    ("baseline", "list"),
    ("pace", "list"),
    ("pace", "task", "list"),
    ("redflags", "--none"),
    ("redflags", "history"),
    ("thoughts", "list"),
    ("goal", "list"),
    ("flareup", "plan"),
    ("goodspell",),
    ("history",),
    ("history", "walking", "--weeks", "2"),
    ("history", "pain", "--json"),
    ("history", "flareups"),
    ("summary",),
    ("summary", "--weeks", "2", "--json"),
]


@pytest.mark.parametrize("argv", EVERYDAY, ids=" ".join)
def test_everyday_commands_tell_the_store_what_they_need(
    cli: Run, data_dir: Path, monkeypatch: pytest.MonkeyPatch, argv: tuple[str, ...]
) -> None:
    """Without this, the tests above would pass for a command that asks for everything."""
    store = CuttingStore(monkeypatch)
    now = DAYS[1]
    data_dir.mkdir(parents=True, mode=0o700)
    (data_dir / "journal.json").write_bytes(serialise(journal_for("pacing counted", now)))
    (data_dir / "journal.json").chmod(0o600)
    cli("pace", "add", "ironing", "--tolerance", "15", env={"BACKSKILLS_TODAY": now.isoformat()})
    cli("baseline", "log", "walking", "5", env={"BACKSKILLS_TODAY": now.isoformat()})
    store.asked.clear()
    result = cli(*argv, env={"BACKSKILLS_TODAY": now.isoformat()})
    assert store.asked, result.output
    asked: list[Callable[[Journal], date | None]] = [n for n in store.asked if n is not None]
    assert len(asked) == len(store.asked), f"{argv}: a load or transaction without needs"
