"""Fault tests with real processes: SIGKILL mid-save, many writers at once, a held lock."""

from __future__ import annotations

import json
import random
import shutil
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


# A save that kills itself at its Nth file-system step (an fsync, a rename, a delete, a new
# folder): every step of a save in the segmented layout is a possible crash point.
KILLED_AT_STEP = """
import os, signal, sys
from datetime import date
from pathlib import Path
from backskills.models.activity import PainScore
from backskills.store import Store

data_dir, at = Path(sys.argv[1]), int(sys.argv[2])
store = Store(data_dir)
steps = 0

def counted(real):
    def step(*args, **kwargs):
        global steps
        steps += 1
        if steps == at:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return step

for name in ("fsync", "replace", "rename", "unlink", "mkdir"):
    setattr(os, name, counted(getattr(os, name)))
with store.transaction(lambda _: date(2026, 3, 1)) as journal:
    journal.pain.append(PainScore(date=date(2026, 3, 2), score=4, note="new this month"))
    journal.pain.append(PainScore(date=date(2024, 5, 2), score=5, note="back-dated"))
print("saved after", steps, "steps", flush=True)
"""


@pytest.mark.parametrize("start", ["segments", "one file"])
def test_sigkill_at_every_step_of_a_save_leaves_old_or_new(
    data_dir: Path, tmp_path: Path, start: str
) -> None:
    from datetime import date

    from backskills.models.activity import PainScore
    from backskills.store import backups
    from backskills.store import segments as seg

    template = tmp_path / "template"
    store = Store(template)
    with store.transaction() as journal:
        journal.pain.extend(journal_with_pain(100).pain)  # 2020-01 to 2020-04
        journal.pain.append(PainScore(date=date(2024, 5, 1), score=1))
    for n in range(backups.KEEP_NEWEST + 1):  # a full set of backups: the save prunes
        with store.transaction() as journal:
            journal.pain.append(PainScore(date=date(2026, 3, 1), score=n % 11))
    if start == "one file":  # a journal in the format before segments: all of it moves
        whole = serialise(store.load())
        shutil.rmtree(template)
        template.mkdir(mode=0o700)
        store.journal_path.write_bytes(whole)
        store.journal_path.chmod(0o600)
    old = [(p.date, p.score, p.note) for p in store.load().pain]
    new = sorted(
        [*old, (date(2026, 3, 2), 4, "new this month"), (date(2024, 5, 2), 5, "back-dated")]
    )
    at, finished = 0, False
    while not finished:
        at += 1
        assert at < 200, "the save never finished"
        shutil.rmtree(data_dir, ignore_errors=True)
        shutil.copytree(template, data_dir)
        child = subprocess.run(
            [sys.executable, "-c", KILLED_AT_STEP, str(data_dir), str(at)],
            capture_output=True,
            env=child_env(data_dir),
        )
        finished = child.returncode == 0
        if not finished:
            assert child.returncode == -signal.SIGKILL, child.stderr.decode()
        store = Store(data_dir)
        found = sorted((p.date, p.score, p.note) for p in store.load().pain)
        assert found in (sorted(old), new), f"killed at step {at}"
        store.check()  # every segment the journal lists is there and whole
        for backup in store.backups():
            saved_journal(backup.path)  # every kept backup is whole too
        with store.transaction() as journal:  # the next save tidies up after the kill
            journal.pain.append(PainScore(date=date(2026, 3, 3), score=2))
        named = seg.names_in(store.journal_path.read_bytes())
        for backup in store.backups():
            named |= seg.names_in(backup.path.read_bytes())
        assert {p.name for p in store.segments_dir.iterdir()} == named, f"step {at}"
        assert {p.name for p in store.copies_dir.iterdir()} == named, f"step {at}"
        assert stray_temp_files(data_dir, store.segments_dir, store.copies_dir) == []
        assert not (data_dir / "journal.pending").exists()
    print(f"{at - 1} kill points, each left the old journal or the new one")
