"""Start-up and journal-size benchmarks for backskills (not a test; nothing here asserts).

Builds synthetic journals with the real models (empty; 10 and 30 years of daily records
for 5 activities plus a daily pain score: ~22,000 and ~66,000 records) and times each
command as a whole process, in paired alternating runs: every round runs the floor, then
the command on the empty, the 10-year and the 30-year journal, back to back, so each
ratio is taken pair by pair within one round and the medians of those ratios are
reported (a machine whose speed drifts moves both sides of a pair alike):

    python benchmarks/run.py [--runs 11] [--only today,log] [--markdown] [--keep]
    python benchmarks/run.py --instructions [--only today,log]

The floor is ``python -c "import typer, pydantic, platformdirs"``: backskills' own
dependencies and nothing else. Peak RSS is each process's own maximum resident size
(``os.wait4``). ``--instructions`` counts instructions once per case with valgrind's
callgrind (when installed), after one uncounted run: slow, but stable on a noisy machine.
Peers (watson, jrnl) are timed too when they are on PATH. So is the stack itself, beside
the floor: the smallest Typer app, the smallest pydantic model validating one document, and
both together (what any Typer CLI reading a pydantic-validated file costs before it does
anything of its own).

Targets (issue 16): ``today``, ``log``, ``progress``, ``pain``, ``data check`` on the empty
journal at most 1.3x the floor; ``--help`` and ``--version`` at most 1.0x; on the 10- and
30-year journals at most 1.05x the empty one (``data check``, ``report`` and ``calendar``
read everything and are linear by design; ``history`` and ``summary`` read the weeks they
show, which an empty journal does not have: reported, not judged); peak RSS of ``today``
and ``log`` within 5 MiB from empty to 30 years.
Issue 12: ``history`` and ``summary`` within 1.5x of ``today``. Issue 14: ``report``
within 2 s on the 10-year journal.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ACTIVITIES = [
    ("walking", "minutes", 1.0),
    ("sit to stand", "reps", 1.0),
    ("exercise bike", "minutes", 1.0),
    ("wall squat", "seconds", 5.0),
    ("stairs", "steps", 1.0),
]
FLOOR = ["-c", "import typer, pydantic, platformdirs"]
SIZES = {"empty": 0, "10 years": 3650, "30 years": 10950}
# name -> argv; ``WRITES`` work on a fresh copy of the journal every run.
COMMANDS: dict[str, list[str]] = {
    "--version": ["--version"],
    "--help": ["--help"],
    "today": ["today"],
    "log": ["log", "walking", "10"],
    "pain": ["pain", "3"],
    "progress": ["progress"],
    "data check": ["data", "check"],
    "history": ["history"],
    "summary": ["summary"],
    "report": ["report"],
    "calendar": ["calendar"],
}
WRITES = {"log", "pain"}
EVERYDAY = ("today", "log", "pain", "progress", "data check")
READS_EVERYTHING = {"data check", "report", "calendar"}
READS_ITS_WEEKS = {"history", "summary"}
TARGET_EMPTY = 1.3  # everyday commands, empty journal, x floor
TARGET_STARTUP = 1.0  # --help and --version, x floor
TARGET_SIZE = 1.05  # 10 and 30 years, x empty
TARGET_RSS_MIB = 5.0  # today and log, 30 years minus empty
TARGET_TODAY = 1.5  # history and summary against today (issue 12)
TARGET_REPORT = 2.0  # seconds, report on the 10-year journal (issue 14)
PEERS = {"watson status": ["watson", "status"], "jrnl --version": ["jrnl", "--version"]}
# What the required stack costs on its own, whatever an application does with it: the
# smallest Typer app (one command, one option given a value), the smallest use of a
# pydantic model (one class, one document validated), and the two together: the least any
# Typer CLI that reads a pydantic-validated file can cost. Reported beside the floor.
_TYPER_APP = """\
import typer

app = typer.Typer(add_completion=False)


@app.command()
def show(name: str = "nobody") -> None:
    print(name)


app()
"""
_MODEL = """\
import typer, pydantic, platformdirs
from pydantic import BaseModel


class Note(BaseModel):
    text: str


print(Note.model_validate_json(b'{"text": "hello"}').text)
"""
_BOTH = """\
import typer
from pydantic import BaseModel

app = typer.Typer(add_completion=False)


class Note(BaseModel):
    text: str


@app.command()
def show(name: str = "nobody") -> None:
    print(name, Note.model_validate_json(b'{"text": "hello"}').text)


app()
"""
STACK = {"typer app": _TYPER_APP, "pydantic model": _MODEL, "typer + model": _BOTH}


def build_journal(days: int, end: date) -> bytes:
    from backskills.models import Journal
    from backskills.models.activity import (
        Activity,
        ActivityRecord,
        Baseline,
        BaselineDay,
        LevelEvent,
        PainScore,
        Plan,
    )
    from backskills.store import serialise

    start = end - timedelta(days=days - 1)
    journal = Journal()
    if days == 0:
        return serialise(journal)
    for n, (name, unit, resolution) in enumerate(ACTIVITIES):
        baseline = Baseline(
            days=[BaselineDay(date=start + timedelta(days=i), amount=10 + n + i) for i in range(3)]
        )
        plan = Plan(start=9, target=60, starts_on=start + timedelta(days=3), created=start)
        levels = [
            LevelEvent(
                date=start + timedelta(days=3 + 7 * k),
                from_level=None if k == 0 else 9 + k - 1,
                to_level=9 + k,
                reason="plan_start" if k == 0 else "step_up",
                hold_days=7,
            )
            for k in range(min(51, max(1, days // 7)))
        ]
        journal.activities.append(
            Activity(
                name=name,
                unit=unit,
                resolution=resolution,
                created=start,
                baseline=baseline,
                plan=plan,
                levels=levels,
            )
        )
    for i in range(days):
        day = start + timedelta(days=i)
        for n, (name, _, _) in enumerate(ACTIVITIES):
            journal.records.append(
                ActivityRecord(date=day, activity=name, amount=10 + (i + n) % 40, note=None)
            )
        journal.pain.append(
            PainScore(date=day, score=(i * 7) % 11, note="ok day" if i % 9 else None)
        )
    return serialise(journal)


def journal_size(directory: Path) -> int:
    """journal.json and its monthly segment files (backups not counted)."""
    files = [directory / "journal.json", *(directory / "segments").glob("*.json")]
    return sum(f.stat().st_size for f in files if f.exists())


def command_line() -> list[str]:
    script = Path(sys.executable).with_name("backskills")
    return [str(script)] if script.exists() else [sys.executable, "-m", "backskills"]


def build_all(work: Path, today: date) -> None:
    """Write the synthetic journals (run in a child: see ``prepare``)."""
    from backskills.cli.registry import COMMANDS as REGISTERED

    for label, days in SIZES.items():
        directory = work / label.replace(" ", "-")
        directory.mkdir(mode=0o700)
        if days:
            (directory / "journal.json").write_bytes(build_journal(days, today))
            (directory / "journal.json").chmod(0o600)
            # One saved change moves the one-file journal to the real layout (a manifest and
            # monthly segments, the old file kept as a backup), as a patient's first run does.
            from backskills.store import Store

            with Store(directory).transaction():
                pass
    (work / "registered").write_text("\n".join(REGISTERED))


def prepare(work: Path, today: date) -> tuple[dict[str, Path], set[str]]:
    """Build the journals in a child process so this one stays small.

    A child's peak RSS as the kernel reports it starts from the size of the process it
    was forked from, so the timing process must not hold pydantic and the journals.
    """
    subprocess.run(
        [sys.executable, __file__, "--build", str(work), "--today", today.isoformat()],
        check=True,
    )
    dirs = {label: work / label.replace(" ", "-") for label in SIZES}
    return dirs, set((work / "registered").read_text().split("\n"))


@dataclass
class Sample:
    wall: float
    rss_mib: float


def run_once(argv: list[str], env: dict[str, str]) -> Sample:
    """One whole process: wall time and its own peak resident size (``os.wait4``)."""
    begin = time.perf_counter()
    child = subprocess.Popen(
        argv,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - begin
    child.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return Sample(wall, usage.ru_maxrss / scale)


def instructions(argv: list[str], env: dict[str, str]) -> int | None:
    """Instructions executed by one run under callgrind (deterministic, and slow)."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    found = re.search(r"Collected\s*:\s*(\d+)", done.stderr)
    return int(found.group(1)) if found else None


@dataclass
class Results:
    wall: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    rss: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    vs_floor: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    vs_empty: dict[tuple[str, str], list[float]] = field(default_factory=dict)

    def add(self, key: tuple[str, str], sample: Sample, floor: float, empty: float) -> None:
        self.wall.setdefault(key, []).append(sample.wall)
        self.rss.setdefault(key, []).append(sample.rss_mib)
        self.vs_floor.setdefault(key, []).append(sample.wall / floor)
        self.vs_empty.setdefault(key, []).append(sample.wall / empty)


def med(values: list[float]) -> float:
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="counted rounds (one warm-up more)")
    parser.add_argument("--only", default="", help="comma-separated command names")
    parser.add_argument("--instructions", action="store_true", help="count with callgrind")
    parser.add_argument("--markdown", action="store_true", help="print a README table too")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic journals")
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 3, 1))
    args = parser.parse_args()
    today: date = args.today
    if args.build:
        build_all(args.build, today)
        return

    work = Path(tempfile.mkdtemp(prefix="backskills-bench-"))
    dirs, names = prepare(work, today)
    wanted = [n.strip() for n in args.only.split(",") if n.strip()] or list(COMMANDS)
    commands = {
        name: argv
        for name, argv in COMMANDS.items()
        if name in wanted and (name.startswith("--") or argv[0] in names)
    }
    sizes_mb = ", ".join(
        f"{label} {journal_size(dirs[label]) / 1e6:.1f} MB" for label in SIZES if SIZES[label]
    )

    base_env = dict(os.environ, BACKSKILLS_TODAY=today.isoformat(), NO_COLOR="1")
    base_env.pop("BACKSKILLS_DEBUG", None)
    # Measure what an installed wheel does: pip compiles the bytecode on install.
    base_env.pop("PYTHONDONTWRITEBYTECODE", None)
    cmd = command_line()
    floor_argv = [sys.executable, *FLOOR]

    def env_for(name: str, label: str) -> dict[str, str]:
        data = dirs[label]
        if name in WRITES:  # a write: a fresh copy every time (copied outside the timing)
            data = work / "copy"
            shutil.rmtree(data, ignore_errors=True)
            shutil.copytree(dirs[label], data)
        return dict(base_env, BACKSKILLS_DATA_DIR=str(data))

    stack = {}
    for label, source in STACK.items():
        script = work / (label.replace(" ", "-").replace("+", "and") + ".py")
        script.write_text(source)
        stack[label] = [sys.executable, str(script), "--name", "somebody"]
    stack["pydantic model"] = stack["pydantic model"][:2]

    print(
        f"journals: {sizes_mb}; python {sys.version.split()[0]}; "
        f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs at the start"
    )
    if args.instructions:
        if shutil.which("valgrind") is None:
            sys.exit("--instructions needs valgrind (Debian: apt-get install valgrind)")
        floor_count = instructions(floor_argv, base_env) or 0
        print(f"\nfloor: {floor_count / 1e6:.0f} M instructions")
        for label, argv in stack.items():
            count = instructions(argv, base_env) or 0
            print(f"stack: {label:<15}{count / 1e6:>6.0f} M, {count / floor_count:.2f}x the floor")
        print(f"{'command':<12}{'journal':<10}{'M instr':>10}{'x floor':>9}{'x empty':>9}")
        for name, argv in commands.items():
            empty_count = 0
            for label in SIZES:
                # One run first, not counted: it writes the bytecode of any module this case
                # loads for the first time (pip compiles it all on install), as the timed
                # mode's warm-up round does.
                run_once([*cmd, *argv], env_for(name, label))
                count = instructions([*cmd, *argv], env_for(name, label)) or 0
                empty_count = empty_count or count
                print(
                    f"{name:<12}{label:<10}{count / 1e6:>10.0f}{count / floor_count:>8.2f}x"
                    f"{count / max(empty_count, 1):>8.2f}x"
                )
        shutil.rmtree(work, ignore_errors=True)
        return

    results = Results()
    floors: list[float] = []
    for round_no in range(1 + args.runs):  # round 0 warms the caches and is dropped
        for name, argv in commands.items():
            floor = run_once(floor_argv, base_env)
            if round_no:
                floors.append(floor.wall)
            empty = 0.0
            for label in SIZES:
                sample = run_once([*cmd, *argv], env_for(name, label))
                empty = empty or sample.wall
                if round_no:
                    results.add((name, label), sample, floor.wall, empty)
    stack_ratios: dict[str, list[float]] = {}
    for _ in range(args.runs):
        for label, argv in stack.items():
            floor = run_once(floor_argv, base_env)
            stack_ratios.setdefault(label, []).append(run_once(argv, base_env).wall / floor.wall)
    peers: dict[str, float] = {}
    for peer, argv in PEERS.items():
        if shutil.which(argv[0]):
            pairs = []
            for _ in range(args.runs):
                floor = run_once(floor_argv, base_env)
                pairs.append(run_once(argv, base_env).wall / floor.wall)
            peers[peer] = med(pairs)

    load = os.getloadavg()[0]
    floor_ms = med(floors) * 1000
    print(f"floor (import typer, pydantic, platformdirs): {floor_ms:.0f} ms (median)")
    print(f"load average at the end: {load:.2f}; {args.runs} paired rounds, medians\n")
    header = f"{'command':<12}{'journal':<10}{'ms':>7}{'x floor':>9}{'x empty':>9}{'MiB':>7}"
    print(header + "  targets")
    rows = []
    for name in commands:
        for label in SIZES:
            key = (name, label)
            ms = med(results.wall[key]) * 1000
            x_floor = med(results.vs_floor[key])
            x_empty = med(results.vs_empty[key])
            rss = med(results.rss[key])
            verdict = judge(name, label, x_floor, x_empty, rss, results, ms)
            rows.append((name, label, ms, x_floor, x_empty, rss, verdict))
            print(
                f"{name:<12}{label:<10}{ms:>7.0f}{x_floor:>8.2f}x{x_empty:>8.2f}x{rss:>7.1f}  "
                + verdict
            )
    for label, ratios in stack_ratios.items():
        print(f"stack: {label}: {med(ratios):.2f}x the floor")
    for peer, ratio in peers.items():
        print(f"peer {peer}: {ratio:.2f}x the floor")
    if args.markdown:
        print("\n| command | journal | ms | x floor | x empty | peak MiB | targets |")
        print("|---|---|---|---|---|---|---|")
        for name, label, ms, x_floor, x_empty, rss, verdict in rows:
            print(
                f"| `{name}` | {label} | {ms:.0f} | {x_floor:.2f}x | {x_empty:.2f}x "
                f"| {rss:.0f} | {verdict} |"
            )
    if args.keep:
        print(f"\njournals kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


def judge(
    name: str,
    label: str,
    x_floor: float,
    x_empty: float,
    rss: float,
    results: Results,
    ms: float,
) -> str:
    """The targets this row is held to, each ``ok`` or ``MISSED``."""

    def mark(ok: bool) -> str:
        return "ok" if ok else "MISSED"

    out = []
    if label == "empty":
        if name in EVERYDAY:
            out.append(f"<= {TARGET_EMPTY}x floor {mark(x_floor <= TARGET_EMPTY)}")
        elif name.startswith("--"):
            out.append(f"<= {TARGET_STARTUP}x floor {mark(x_floor <= TARGET_STARTUP)}")
        return ", ".join(out)
    if name in READS_EVERYTHING:
        out.append("reads everything (linear)")
    elif name in READS_ITS_WEEKS:
        out.append("reads the weeks it shows")
    else:
        out.append(f"<= {TARGET_SIZE}x empty {mark(x_empty <= TARGET_SIZE)}")
    if name in ("today", "log") and label == "30 years":
        growth = rss - med(results.rss[(name, "empty")])
        out.append(f"RSS +{growth:.0f} MiB {mark(growth <= TARGET_RSS_MIB)}")
    if name in ("history", "summary") and ("today", label) in results.wall:
        ratio = ms / (med(results.wall[("today", label)]) * 1000)
        out.append(f"{ratio:.2f}x today {mark(ratio <= TARGET_TODAY)}")
    if name == "report" and label == "10 years":
        out.append(f"2 s {mark(ms / 1000 <= TARGET_REPORT)}")
    return ", ".join(out)


if __name__ == "__main__":
    main()
