"""Ordered migrations of the journal document.

``MIGRATIONS[n]`` turns a version-``n`` document (a plain dict) into version ``n + 1``.
A journal older than ``SCHEMA_VERSION`` runs through every step in order; the store keeps a
backup of the pre-migration file before the first save. Add a function here (and a fixture
of the old version under ``tests/fixtures/``) whenever the schema changes.

History:
    1 -> 2  outcome check-ins: an empty ``outcomes`` section (PSFS list, tests, check-ins).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Document = dict[str, Any]


def _v1_to_v2(document: Document) -> Document:
    """Version 2 adds outcome check-ins; a version-1 journal has none yet."""
    document.setdefault("outcomes", {"psfs_items": [], "tests": [], "checkins": []})
    return document


MIGRATIONS: dict[int, Callable[[Document], Document]] = {1: _v1_to_v2}


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
