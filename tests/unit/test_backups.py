"""The backup retention rule: newest 10, first of each day for 30 days, pre-migration kept."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from backskills.store import backups
from backskills.store.backups import KEEP_DAILY_DAYS, KEEP_NEWEST, Backup

TODAY = date(2026, 3, 31)


def make(taken: datetime, premigration: bool = False) -> Backup:
    return Backup(Path(f"journal-{taken:%Y%m%dT%H%M%S}-{taken:%f}.json"), taken, premigration)


def kept(items: list[Backup], today: date = TODAY) -> list[Backup]:
    ordered = sorted(items, key=lambda b: b.taken, reverse=True)
    pruned = backups.to_prune(ordered, today)
    return [b for b in ordered if b not in pruned]


def test_fewer_than_ten_are_all_kept() -> None:
    items = [make(datetime(2025, 1, 1) + timedelta(days=n)) for n in range(KEEP_NEWEST)]
    assert kept(items) == sorted(items, key=lambda b: b.taken, reverse=True)


def test_many_in_one_day_keep_newest_ten_and_the_first() -> None:
    start = datetime(2026, 3, 31, 8)
    items = [make(start + timedelta(minutes=n)) for n in range(25)]
    result = kept(items)
    assert len(result) == KEEP_NEWEST + 1
    assert result[-1].taken == start  # the first backup of the day
    assert [b.taken for b in result[:KEEP_NEWEST]] == [
        start + timedelta(minutes=n) for n in range(24, 14, -1)
    ]


def test_daily_firsts_kept_for_thirty_days_then_let_go() -> None:
    items = []
    for day in range(60):  # three backups a day for sixty days up to TODAY
        base = datetime.combine(TODAY - timedelta(days=day), datetime.min.time())
        items += [make(base + timedelta(hours=h)) for h in (9, 13, 20)]
    result = kept(items)
    newest = sorted(items, key=lambda b: b.taken, reverse=True)[:KEEP_NEWEST]
    firsts = {
        TODAY - timedelta(days=d): datetime.combine(TODAY - timedelta(days=d), datetime.min.time())
        + timedelta(hours=9)
        for d in range(KEEP_DAILY_DAYS)
    }
    expected = {b.taken for b in newest} | set(firsts.values())
    assert {b.taken for b in result} == expected
    assert min(b.taken for b in result).date() == TODAY - timedelta(days=KEEP_DAILY_DAYS - 1)


def test_premigration_backups_are_never_pruned() -> None:
    old = make(datetime(2024, 1, 1), premigration=True)
    items = [old, *(make(datetime(2026, 3, 31, 10) + timedelta(seconds=n)) for n in range(30))]
    assert old in kept(items)


@given(
    st.lists(
        st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 3, 31, 23, 59)),
        unique=True,
        max_size=80,
    ),
    st.sets(st.integers(0, 79)),
)
def test_rule_properties(times: list[datetime], premigration: set[int]) -> None:
    items = [make(t, premigration=i in premigration) for i, t in enumerate(times)]
    result = kept(items)
    ordered = sorted(items, key=lambda b: b.taken, reverse=True)
    assert set(ordered[:KEEP_NEWEST]) <= set(result)
    assert {b for b in items if b.premigration} <= set(result)
    for day in {t.date() for t in times}:
        if day >= TODAY - timedelta(days=KEEP_DAILY_DAYS - 1):
            first = min((b for b in items if b.taken.date() == day), key=lambda b: b.taken)
            assert first in result
    # nothing else is kept
    assert len(result) <= KEEP_NEWEST + KEEP_DAILY_DAYS + len(premigration)


JOURNAL = b'{\n "schema_version": 1\n}\n'


def test_prune_on_disk_and_names_round_trip(tmp_path: Path) -> None:
    directory = tmp_path / "backups"
    start = datetime(2026, 3, 31, 9, tzinfo=UTC)
    made = [
        backups.make_backup(directory, JOURNAL, start + timedelta(seconds=n)) for n in range(15)
    ]
    same_moment = backups.make_backup(directory, JOURNAL, start + timedelta(seconds=14))
    assert same_moment != made[-1]  # never overwrites another backup
    premig = backups.make_backup(
        directory, JOURNAL, datetime(2025, 1, 1, tzinfo=UTC), premigration_from=1
    )
    (directory / "notes.txt").write_text("not a backup")
    parsed = backups.parse_name(premig)
    assert parsed is not None and parsed.premigration
    assert parsed.taken == datetime(2025, 1, 1, tzinfo=UTC)
    assert [b.path for b in backups.list_backups(directory)][:2] == [premig, same_moment]
    backups.prune(directory, TODAY)
    left = {p.name for p in directory.iterdir()}
    assert premig.name in left and "notes.txt" in left
    assert made[0].name in left  # the first of the day
    assert made[1].name not in left
    # The newest ten by sequence (the pre-migration copy, made last, is one of them) and
    # the first of the day.
    assert len(backups.list_backups(directory)) == KEEP_NEWEST + 1
