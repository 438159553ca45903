"""Ordered migrations of the journal document.

``MIGRATIONS[n]`` turns a version-``n`` document (a plain dict) into version ``n + 1``.
A journal older than ``SCHEMA_VERSION`` runs through every step in order; the store keeps a
backup of the pre-migration file before the first save. Add a function here (and a fixture
of the old version under ``tests/fixtures/``) whenever the schema changes. A step works on
the plain document as that version wrote it, so it never changes once published.

- 1 -> 2: red-flag checks record the triage table they were judged by (``rules``). Every
  check already stored was judged by the first table, so it gets ``rules: 1``; its date,
  outcome and answers stay exactly as recorded (a past check is never re-judged).
- 2 -> 3: outcome check-ins. An empty ``outcomes`` section (class start, PSFS activities,
  tests, check-ins); nothing else changes.
- 3 -> 4: every dated entry gets its short id (``models.entries``).
- 4 -> 5: new values only: how a flare-up's end came back (``FlareUp.comeback``), two
  level-change reasons (``catch_up``, ``flareup_return``) with a catch-up's ceiling
  (``LevelEvent.catch_up_to``), and two pacing positions (``kneeling``, ``bending``). A
  version-4 journal holds none of them, so nothing in it changes.
- 5 -> 6: questions for the next appointment (``backskills report --question``). An empty
  list; nothing else changes.
- 6 -> 7: the journal is kept in monthly segment files listed by ``journal.json`` (see
  ``backskills.store``). The document itself does not change: a version-6 file is read as
  it is and written in the new layout on the first change (the old file kept as a backup).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Document = dict[str, Any]


def _v1_to_v2(document: Document) -> Document:
    checks = document.get("redflag_checks")
    if isinstance(checks, list):
        document["redflag_checks"] = [
            {**check, "rules": 1} if isinstance(check, dict) else check for check in checks
        ]
    return document


def _v2_to_v3(document: Document) -> Document:
    """Version 3 adds outcome check-ins; an older journal has none yet."""
    document.setdefault("outcomes", {"psfs_items": [], "tests": [], "checkins": []})
    return document


def _v3_to_v4(document: Document) -> Document:
    """Version 4 gives every dated entry a short id (see ``models.entries``).

    Ids are given in the order the entries appear in the file, kind by kind: activity
    records ``a``, pain scores ``p``, baseline days ``b`` (earlier baselines first), pacing
    spells ``s``, relaxation sessions ``r``, red-flag checks ``k`` and flare-ups ``f``.
    Thought records already have a number (``t`` + that number). Activity records gain an
    empty ``logged_at``; nothing else changes.
    """
    counters: dict[str, int] = {}

    def number(entries: object, prefix: str) -> None:
        if not isinstance(entries, list):
            return
        for entry in entries:
            if isinstance(entry, dict) and "id" not in entry:
                counters[prefix] = counters.get(prefix, 0) + 1
                entry["id"] = f"{prefix}{counters[prefix]}"

    def baselines(activity: object) -> list[object]:
        if not isinstance(activity, dict):
            return []
        past = activity.get("past_baselines")
        found = list(past) if isinstance(past, list) else []
        found.append(activity.get("baseline"))
        return [b for b in found if isinstance(b, dict)]

    number(document.get("records"), "a")
    number(document.get("pain"), "p")
    activities = document.get("activities")
    for activity in activities if isinstance(activities, list) else []:
        for baseline in baselines(activity):
            number(baseline.get("days"), "b")  # type: ignore[attr-defined]
    pacing = document.get("pacing")
    if isinstance(pacing, dict):
        number(pacing.get("logs"), "s")
    number(document.get("relaxation"), "r")
    number(document.get("redflag_checks"), "k")
    number(document.get("flareups"), "f")
    document["last_ids"] = counters
    return document


def _v4_to_v5(document: Document) -> Document:
    """Version 5 only adds values and optional fields; a version-4 journal is kept as it is."""
    return document


def _v5_to_v6(document: Document) -> Document:
    """Version 6 keeps the patient's questions for the report; an older journal has none."""
    document.setdefault("questions", [])
    return document


def _v6_to_v7(document: Document) -> Document:
    """Version 7 changes where the entries are kept on disk, not what a journal holds."""
    return document


def _v7_to_v8(document: Document) -> Document:
    """Version 8 keeps, beside each month file in the manifest, the first date of each list
    in it (``models.journal.FirstDates``); the store writes them with the files. What a
    journal holds does not change."""
    return document


MIGRATIONS: dict[int, Callable[[Document], Document]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
    6: _v6_to_v7,
    7: _v7_to_v8,
}


def migrate(document: Document, current: int) -> tuple[Document, int]:
    """Run the migrations from the document's version up to ``current``.

    Returns the migrated document and the version it started at.
    """
    version = document.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError("schema_version is missing or not a whole number")
    start = version
    while version < current:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ValueError(f"no migration from schema version {version}")
        document = step(dict(document))
        version += 1
        document["schema_version"] = version
    return document, start
