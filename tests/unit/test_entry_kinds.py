"""The table of entry kinds: unique letters, every dated entry model covered, ids given."""

from __future__ import annotations

import datetime as dt

from backskills.models import SCHEMA_VERSION, Journal
from backskills.models.activity import ActivityRecord, PainScore
from backskills.models.entries import ENTRY_KINDS, assign_ids, entry_id
from tests.journals import FIXTURES
from tests.model_strategies import models_reachable


def test_letters_and_names_are_unique() -> None:
    prefixes = [kind.prefix for kind in ENTRY_KINDS]
    assert len(prefixes) == len(set(prefixes))
    names = [n for kind in ENTRY_KINDS for n in (kind.key, *kind.aliases)]
    assert len(names) == len(set(names))


def test_every_model_with_an_entry_id_is_a_kind() -> None:
    journal = Journal.model_validate_json(
        (FIXTURES / f"journal-v{SCHEMA_VERSION}.json").read_bytes()
    )
    located = {type(slot.entry) for kind in ENTRY_KINDS for slot in kind.locate(journal)}
    with_ids = {
        model
        for model in models_reachable(Journal)
        if "id" in model.model_fields and "str" in str(model.model_fields["id"].annotation)
    }
    assert with_ids and with_ids <= located


def test_ids_count_up_per_kind_and_are_never_reused() -> None:
    day = dt.date(2026, 3, 1)
    journal = Journal(records=[ActivityRecord(date=day, activity="walking", amount=5)])
    assign_ids(journal)
    assert journal.records[0].id == "a1"
    journal.records.append(ActivityRecord(date=day, activity="walking", amount=6))
    journal.pain.append(PainScore(date=day, score=3))
    assign_ids(journal)
    assert [r.id for r in journal.records] == ["a1", "a2"] and journal.pain[0].id == "p1"
    journal.records.pop()
    journal.records.append(ActivityRecord(date=day, activity="walking", amount=7))
    assign_ids(journal)
    assert journal.records[-1].id == "a3"
    assert journal.last_ids == {"a": 3, "p": 1}


def test_a_journal_edited_by_hand_without_counters_continues_after_the_highest() -> None:
    day = dt.date(2026, 3, 1)
    journal = Journal(
        records=[
            ActivityRecord(id="a7", date=day, activity="walking", amount=5),
            ActivityRecord(date=day, activity="walking", amount=6),
        ]
    )
    assign_ids(journal)
    assert journal.records[1].id == "a8"


def test_thought_records_keep_their_own_number() -> None:
    journal = Journal.model_validate_json(
        (FIXTURES / f"journal-v{SCHEMA_VERSION}.json").read_bytes()
    )
    (kind,) = [k for k in ENTRY_KINDS if k.key == "thought"]
    (slot,) = kind.locate(journal)
    assert entry_id(kind, slot.entry) == f"t{slot.entry.id}"


def test_the_quick_entry_lists_match_locate() -> None:
    journal = Journal.model_validate_json(
        (FIXTURES / f"journal-v{SCHEMA_VERSION}.json").read_bytes()
    )
    for kind in ENTRY_KINDS:
        if kind.entries is not None:
            quick = [id(e) for e in kind.entries(journal)]
            assert quick == [id(slot.entry) for slot in kind.locate(journal)], kind.key
            assert quick, kind.key  # the fixture has one of each
