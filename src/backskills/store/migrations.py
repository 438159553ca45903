"""Ordered migrations of the journal document.

``MIGRATIONS[n]`` turns a version-``n`` document (a plain dict) into version ``n + 1``.
A journal older than ``SCHEMA_VERSION`` runs through every step in order; the store keeps a
backup of the pre-migration file before the first save. Add a function here (and a fixture
of the old version under ``tests/fixtures/``) whenever the schema changes.

- 1 -> 2: red-flag checks record the triage table they were judged by (``rules``). Every
  check already stored was judged by the first table, so it gets ``rules: 1``; its date,
  outcome and answers stay exactly as recorded (a past check is never re-judged).
- 2 -> 3: outcome check-ins. An empty ``outcomes`` section (class start, PSFS activities,
  tests, check-ins); nothing else changes.
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


MIGRATIONS: dict[int, Callable[[Document], Document]] = {1: _v1_to_v2, 2: _v2_to_v3}


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
