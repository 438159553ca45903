"""Fault tests with real processes: SIGKILL mid-save, many writers at once, a held lock."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from backskills.store import Store, serialise
from tests.journals import (
    child_env,
    holding_lock,
    journal_with_pain,
    run_backskills,
    saved_journal,
    stray_temp_files,
)

pytestmark = pytest.mark.slow

# A writer that saves again and again until it is killed. Each save adds one pain score.
LOOPING_WRITER = """
import sys
from pathlib import Path
from backskills.models.activity import PainScore
from backskills.store import Store

store = Store(Path(sys.argv[1]))
store.load()
print("ready", flush=True)
n = 0
while True:
    with store.transaction() as journal:
        journal.pain.append(PainScore.model_validate({"date": "2026-01-01", "score": n % 11}))
    n += 1
"""

# A writer that waits for the starting gun, then adds its records one transaction at a time.
ONE_SHOT_WRITER = """
import sys, time
from pathlib import Path
from backskills.models.activity import PainScore
from backskills.store import Store

data_dir, go, who, count = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
store = Store(data_dir)
while not go.exists():
    time.sleep(0.005)
for i in range(count):
    with store.transaction() as journal:
        journal.pain.append(
            PainScore.model_validate({"date": "2026-01-01", "score": 1, "note": f"{who}-{i}"})
        )
"""


def test_sigkill_at_random_moments_never_leaves_a_broken_journal(data_dir: Path) -> None:
    store = Store(data_dir)
    with store.transaction() as journal:
        journal.pain.extend(journal_with_pain(2000).pain)  # big enough that a save takes a while
    rng = random.Random(20260301)
    kills, strays_seen, saved = 0, 0, 2000
    while kills < 55:
        child = subprocess.Popen(
            [sys.executable, "-c", LOOPING_WRITER, str(data_dir)],
            stdout=subprocess.PIPE,
            env=child_env(data_dir),
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"ready"
        # Mostly kill within a save; every tenth run lives long enough to finish some saves
        # even on a loaded machine, so the journal is seen to move on between kills.
        time.sleep(rng.uniform(0.0, 0.04) if kills % 10 else 0.5 + rng.uniform(0.0, 0.04))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        assert child.returncode == -signal.SIGKILL
        kills += 1
        journal = Store(data_dir).load()  # never raises: old or new, never partial
        assert len(journal.pain) >= saved
        saved = len(journal.pain)
        for backup in store.backups():
            saved_journal(backup.path)  # every kept backup is whole, segments included
        strays_seen += len(stray_temp_files(data_dir, store.backups_dir))
    assert saved > 2000, "the writers never got a save in"
    with store.transaction() as journal:  # the next change cleans up after the killed runs
        journal.pain.pop()
    assert stray_temp_files(data_dir, store.backups_dir) == []
    assert len(store.load().pain) == saved - 1
    print(f"{kills} kills, {saved - 2000} saves, {strays_seen} stray temp files seen")


def test_many_writers_at_once_lose_nothing(data_dir: Path, tmp_path: Path) -> None:
    go = tmp_path / "go"
    writers, each = 12, 4
    children = [
        subprocess.Popen(
            [sys.executable, "-c", ONE_SHOT_WRITER, str(data_dir), str(go), f"w{n}", str(each)],
            env=child_env(data_dir, BACKSKILLS_LOCK_TIMEOUT="120"),
            stderr=subprocess.PIPE,
        )
        for n in range(writers)
    ]
    time.sleep(0.5)  # let them import and reach the starting line (not required for the check)
    go.touch()
    for child in children:
        _, err = child.communicate(timeout=180)
        assert child.returncode == 0, err.decode()
    notes = sorted(p.note or "" for p in Store(data_dir).load().pain)
    assert notes == sorted(f"w{n}-{i}" for n in range(writers) for i in range(each))


def test_concurrent_cli_imports_keep_every_version(data_dir: Path, tmp_path: Path) -> None:
    """Ten real `python -m backskills data import` runs at once: each replaced journal is kept."""
    store = Store(data_dir)
    with store.transaction() as journal:
        journal.pain.extend(journal_with_pain(1, note="original").pain)
    files = []
    for n in range(10):
        path = tmp_path / f"export-{n}.json"
        path.write_bytes(serialise(journal_with_pain(1, note=f"import-{n}")))
        files.append(path)
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "backskills", "data", "import", str(path), "--json"],
            env=child_env(data_dir, BACKSKILLS_LOCK_TIMEOUT="120"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
        )
        for path in files
    ]
    for child in children:
        out, err = child.communicate(timeout=180)
        assert child.returncode == 0, err.decode()
        json.loads(out)
    versions = [store.journal_path, *(b.path for b in store.backups())]
    notes = {saved_journal(p, data_dir).pain[0].note for p in versions}
    assert notes == {"original", *(f"import-{n}" for n in range(10))}


def test_held_lock_makes_a_write_busy(data_dir: Path, tmp_path: Path) -> None:
    store = Store(data_dir)
    with store.transaction() as journal:
        journal.pain.extend(journal_with_pain(1).pain)
    before = store.journal_path.read_bytes()
    export = tmp_path / "export.json"
    export.write_bytes(serialise(journal_with_pain(4)))
    with holding_lock(store.lock_path):
        for args in (("data", "backup"), ("data", "import", str(export))):
            done = run_backskills(data_dir, *args, BACKSKILLS_LOCK_TIMEOUT="0.5")
            assert done.returncode == 3, done.stderr
            assert "busy" in done.stderr
            assert done.stderr.startswith("Error: ")
            assert "Traceback" not in done.stderr
        reading = run_backskills(data_dir, "data", "check", "--json")
        assert reading.returncode == 0  # reading needs no lock
    assert store.journal_path.read_bytes() == before
    assert store.backups() == []
    assert run_backskills(data_dir, "data", "backup").returncode == 0
