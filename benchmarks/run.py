"""Start-up and load benchmarks for backskills (not a test; nothing here asserts).

Builds synthetic journals with the real models (empty; 1 year and 10 years of daily
records for 5 activities plus a daily pain score: ~2,200 and ~22,000 records) and reports
the median whole-process wall time of each command next to the floor, the bare import of
backskills' dependencies, measured in the same run:

    python benchmarks/run.py [--runs 15] [--keep]

Targets (issue 2): every command on the 10-year journal within 1.15x the floor, and the
10-year journal within 1.10x the empty one. Issue 12: ``history`` and ``summary`` within
1.5x of ``today`` on the same journal (the "x today" column). Issue 14: ``report`` within
2 s on the 10-year journal.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
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
# A second reference: the smallest Typer app of the same shape (a root option holding a
# path, a sub-command). Typer 0.29 builds a pydantic TypeAdapter for every non-flag option
# it parses, so this is the least any Typer sub-command costs.
TYPER_APP = """
from pathlib import Path
from typing import Annotated
import typer, platformdirs
app = typer.Typer()
@app.callback()
def root(data_dir: Annotated[Path | None, typer.Option("--data-dir")] = None) -> None:
    pass
@app.command()
def check(json: bool = False) -> None:
    print("ok")
@app.command()
def other() -> None:
    pass
app()
"""
TARGET_FLOOR = 1.15
TARGET_SIZE = 1.10
TARGET_TODAY = 1.5  # history and summary against today, on the same journal
TARGET_REPORT = 2.0  # seconds: the report on the 10-year journal (issue 14)
VERSUS_TODAY = ("history", "history walking", "summary")


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


def command_line() -> list[str]:
    script = Path(sys.executable).with_name("backskills")
    return [str(script)] if script.exists() else [sys.executable, "-m", "backskills"]


def registered() -> set[str]:
    from backskills.cli.registry import COMMANDS

    return set(COMMANDS)


def wall(argv: list[str], env: dict[str, str]) -> float:
    begin = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - begin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--keep", action="store_true", help="keep the synthetic journals")
    args = parser.parse_args()

    today = date(2026, 3, 1)
    work = Path(tempfile.mkdtemp(prefix="backskills-bench-"))
    sizes = {"empty": 0, "1 year": 365, "10 years": 3650}
    dirs: dict[str, Path] = {}
    for label, days in sizes.items():
        directory = work / label.replace(" ", "-")
        directory.mkdir(mode=0o700)
        if days:
            (directory / "journal.json").write_bytes(build_journal(days, today))
            (directory / "journal.json").chmod(0o600)
        dirs[label] = directory
    journal_10y = dirs["10 years"] / "journal.json"
    print(
        f"10-year journal: {journal_10y.stat().st_size / 1e6:.1f} MB; python {sys.version.split()[0]}; "
        f"{args.runs} runs each, median wall time"
    )

    base_env = dict(os.environ, BACKSKILLS_TODAY=today.isoformat(), NO_COLOR="1")
    base_env.pop("BACKSKILLS_DEBUG", None)
    # Measure what an installed wheel does: pip compiles the bytecode on install. With
    # PYTHONDONTWRITEBYTECODE set (some shells and CI set it), an editable install would
    # recompile every backskills module on every run, which no user pays.
    base_env.pop("PYTHONDONTWRITEBYTECODE", None)
    cmd = command_line()
    commands: dict[str, list[str]] = {"--version": ["--version"], "data check": ["data", "check"]}
    names = registered()
    if "today" in names:
        commands["today"] = ["today"]
    if "log" in names:
        commands["log"] = ["log", "walking", "10"]
    if "history" in names:
        commands["history"] = ["history"]
        commands["history walking"] = ["history", "walking"]
    if "summary" in names:
        commands["summary"] = ["summary"]
    if "report" in names:  # to stdout (a pipe): the HTML and the Markdown report
        commands["report"] = ["report"]
        commands["report md"] = ["report", "--format", "md"]
    if "calendar" in names:
        commands["calendar"] = ["calendar"]

    typer_app = work / "typer_app.py"
    typer_app.write_text(TYPER_APP)
    cases: list[tuple[str, str, list[str]]] = [
        ("floor", "-", [sys.executable, *FLOOR]),
        ("typer app", "-", [sys.executable, str(typer_app), "check"]),
    ]
    for name, argv in commands.items():
        for label in sizes:
            cases.append((name, label, [*cmd, *argv]))

    samples: dict[tuple[str, str], list[float]] = {(n, s): [] for n, s, _ in cases}
    for _ in range(1 + args.runs):  # the first round warms the caches and is dropped
        for name, label, argv in cases:
            env = dict(base_env)
            if label != "-":
                data = dirs[label]
                if name == "log":  # a write: work on a fresh copy every time
                    data = work / "copy"
                    shutil.rmtree(data, ignore_errors=True)
                    shutil.copytree(dirs[label], data)
                env["BACKSKILLS_DATA_DIR"] = str(data)
            samples[(name, label)].append(wall(argv, env))
    median = {key: statistics.median(values[1:]) for key, values in samples.items()}

    floor = median[("floor", "-")]
    typer_floor = median[("typer app", "-")]
    print(f"\nfloor (import typer, pydantic, platformdirs): {floor * 1000:.0f} ms")
    print(
        f"smallest Typer app with a sub-command: {typer_floor * 1000:.0f} ms "
        f"({typer_floor / floor:.2f}x floor)"
    )
    print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs\n")
    print(
        f"{'command':<16}{'journal':<10}{'ms':>7}{'x floor':>9}{'x typer':>9}{'x empty':>9}"
        f"{'x today':>9}  targets"
    )
    for name in commands:
        empty = median[(name, "empty")]
        for label in sizes:
            t = median[(name, label)]
            vs_floor = t / floor
            vs_empty = t / empty
            verdict = []
            vs_today = ""
            if name in VERSUS_TODAY and "today" in commands:
                ratio = t / median[("today", label)]
                vs_today = f"{ratio:.2f}x"
                if label == "10 years":
                    verdict.append(f"today {'ok' if ratio <= TARGET_TODAY else 'MISSED'}")
            if name.startswith("report") and label == "10 years":
                verdict.append(f"2 s {'ok' if t <= TARGET_REPORT else 'MISSED'}")
            if label == "10 years":
                verdict.append(f"floor {'ok' if vs_floor <= TARGET_FLOOR else 'MISSED'}")
                verdict.append(f"size {'ok' if vs_empty <= TARGET_SIZE else 'MISSED'}")
            print(
                f"{name:<16}{label:<10}{t * 1000:>7.0f}{vs_floor:>8.2f}x"
                f"{t / typer_floor:>8.2f}x{vs_empty:>8.2f}x{vs_today:>9}  " + ", ".join(verdict)
            )
    if args.keep:
        print(f"\njournals kept in {work}")
    else:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
