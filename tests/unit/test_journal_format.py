"""The journal format: generated journals round-trip; the v1 fixture loads and covers it all."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backskills.models import SCHEMA_VERSION, Journal
from backskills.store import Store, serialise
from tests.journals import FIXTURES, in_month_order
from tests.model_strategies import fields_used, model_strategy, models_reachable

journals = model_strategy(Journal)


@settings(max_examples=150, deadline=None)
@given(journals)
def test_generated_journals_round_trip_in_memory(journal: Journal) -> None:
    data = serialise(journal)
    again = Journal.model_validate_json(data)
    assert again == journal
    assert serialise(again) == data  # stable: saving twice gives the same bytes


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journals)
def test_generated_journals_save_and_load_identically(journal: Journal) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "data")
        with store.transaction() as current:
            for name in Journal.model_fields:
                setattr(current, name, getattr(journal, name))
        # Kept in monthly segments: the months come in order, each list keeps its order
        # within a month (the store's documented order; nothing else is changed).
        assert store.load() == in_month_order(journal)
        with store.transaction():  # nothing changed: nothing written, no backup
            pass
        assert store.backups() == []


@given(st.builds(Journal))
def test_default_journal_is_current_version(journal: Journal) -> None:
    assert journal.schema_version == SCHEMA_VERSION


# -- the shipped fixture of every schema version -----------------------------------------------


def fixture_versions() -> dict[int, Path]:
    found = {}
    for path in FIXTURES.glob("journal-v*.json"):
        found[int(path.stem.removeprefix("journal-v"))] = path
    return found


def test_there_is_a_fixture_for_every_schema_version() -> None:
    assert sorted(fixture_versions()) == list(range(1, SCHEMA_VERSION + 1))


def test_every_fixture_loads_through_the_store(tmp_path: Path) -> None:
    for version, path in fixture_versions().items():
        data_dir = tmp_path / f"v{version}"
        data_dir.mkdir(mode=0o700)
        shutil.copy(path, data_dir / "journal.json")
        (data_dir / "journal.json").chmod(0o600)
        store = Store(data_dir)
        loaded = store.load_with_version()
        assert loaded.version == version
        assert loaded.journal.schema_version == SCHEMA_VERSION
        assert store.warnings == []
        assert (data_dir / "journal.json").read_bytes() == path.read_bytes()  # read only


def test_current_fixture_touches_every_model_and_field() -> None:
    path = fixture_versions()[SCHEMA_VERSION]
    journal = Journal.model_validate_json(path.read_bytes())
    wanted = {(model, name) for model in models_reachable(Journal) for name in model.model_fields}
    missing = sorted(f"{m.__name__}.{n}" for m, n in wanted - fields_used(journal))
    assert missing == [], f"add these to {path.name}: {missing}"
    assert serialise(journal) == path.read_bytes()  # written exactly as the tool writes


def test_fixture_is_plain_json_with_the_version_on_top() -> None:
    for version, path in fixture_versions().items():
        document = json.loads(path.read_text("utf-8"))
        assert document["schema_version"] == version
