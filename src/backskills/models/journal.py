"""The whole journal document, and the two kinds of file the store keeps it in.

``Journal`` is the whole journal: what ``data export`` writes and ``data import`` reads, and
what a command works on. On disk (schema 7) it is split in two (``backskills.store``):

- the journal file holds a ``Manifest``: every field of the journal except the dated lists in
  ``DATED_LISTS`` (the snapshot), plus the list of its segment files (``SegmentRef``);
- ``segments/`` holds one ``Segment`` file per month: that month's entries of each dated list.

Each ``SegmentRef`` also keeps its month's ``FirstDates`` (schema 8), written with it, so a
command that reads only recent months still knows exactly when each list began.
"""

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import Field, PrivateAttr, StringConstraints

from backskills.models.activity import Activity, ActivityRecord, PainScore
from backskills.models.base import Day, Index, StrictModel, new_dict, new_list
from backskills.models.checkin import Outcomes
from backskills.models.goals import Goal
from backskills.models.learning import RelaxSession, ThoughtRecord
from backskills.models.pacing import PaceLog, Pacing
from backskills.models.report import Question
from backskills.models.safety import Assessment, FlareUp, PlanStep, RedFlagCheck

SCHEMA_VERSION = 8

# The dated lists a command may read only in part (``store.Needs``): the daily logs, which
# grow every day. Everything else in the journal is the snapshot, always read whole.
DATED_LISTS = ("records", "pain", "pacing.logs", "relaxation")


class FirstDates(StrictModel):
    """The first date of each dated list (``DATED_LISTS``) in some months: in one segment
    (the manifest keeps it beside the segment's name), or in the months a command did not
    read (``Journal.first_dates``). ``None`` (or no key): no entry of that list there."""

    records: dict[str, Day] = Field(default_factory=new_dict)  # per activity name as stored
    pain: Day | None = None
    pacing_logs: Day | None = None
    relaxation: Day | None = None

    @classmethod
    def of(
        cls,
        records: Iterable[Any],
        pain: Iterable[Any],
        pacing_logs: Iterable[Any],
        relaxation: Iterable[Any],
    ) -> "FirstDates":
        """The first dates of these entries (each has a ``date``; records an ``activity``)."""
        firsts: dict[str, date] = {}
        for record in records:
            known = firsts.get(record.activity)
            if known is None or record.date < known:
                firsts[record.activity] = record.date
        return cls.model_construct(
            records=firsts,
            pain=min((e.date for e in pain), default=None),
            pacing_logs=min((e.date for e in pacing_logs), default=None),
            relaxation=min((e.date for e in relaxation), default=None),
        )

    @classmethod
    def earliest(cls, parts: Sequence["FirstDates"]) -> "FirstDates":
        """The first dates of several parts together (``None`` when ``parts`` is empty)."""
        records: dict[str, date] = {}
        for part in parts:
            for name, day in part.records.items():
                known = records.get(name)
                if known is None or day < known:
                    records[name] = day

        def first(dates: Iterable[date | None]) -> date | None:
            return min((d for d in dates if d is not None), default=None)

        return cls.model_construct(
            records=records,
            pain=first(p.pain for p in parts),
            pacing_logs=first(p.pacing_logs for p in parts),
            relaxation=first(p.relaxation for p in parts),
        )

    def dates(self) -> list[date]:
        """Every date it holds."""
        found = [*self.records.values(), self.pain, self.pacing_logs, self.relaxation]
        return [day for day in found if day is not None]


def _in_their_months(months: Sequence[tuple[str, FirstDates]]) -> list[FirstDates]:
    """The first dates of months not read, each checked to lie in its month: they come
    from the manifest, which a person may have edited (``data check`` compares them with
    the month files themselves)."""
    for month, firsts in months:
        year, number = int(month[:4]), int(month[5:7])
        for day in firsts.dates():
            if day.year != year or day.month != number:
                from backskills.errors import JournalUnreadable

                raise JournalUnreadable(
                    f"cannot read the journal: the first dates it keeps for {month} are not "
                    "in that month.",
                    hint="Nothing was changed. Run 'backskills data check' to see the newest "
                    "good backup, and 'backskills data restore' to go back to it.",
                )
    return [firsts for _, firsts in months]


class Journal(StrictModel):
    schema_version: Literal[8] = 8
    activities: list[Activity] = Field(default_factory=new_list)
    records: list[ActivityRecord] = Field(default_factory=new_list)
    pain: list[PainScore] = Field(default_factory=new_list)
    goals: list[Goal] = Field(default_factory=new_list)
    redflag_checks: list[RedFlagCheck] = Field(default_factory=new_list)
    assessments: list[Assessment] = Field(default_factory=new_list)
    flareups: list[FlareUp] = Field(default_factory=new_list)
    flareup_plan: list[PlanStep] = Field(default_factory=new_list)
    goodspell_plan: list[PlanStep] = Field(default_factory=new_list)
    pacing: Pacing = Field(default_factory=Pacing)
    relaxation: list[RelaxSession] = Field(default_factory=new_list)
    thoughts: list[ThoughtRecord] = Field(default_factory=new_list)
    outcomes: Outcomes = Field(default_factory=Outcomes)  # check-ins (schema 3)
    # The highest number given so far to each kind of entry (``models.entries``), so an id
    # is never handed out twice, even after its entry was removed.
    last_ids: dict[str, Index] = Field(default_factory=new_dict)
    questions: list[Question] = Field(default_factory=new_list)  # for the next report (schema 6)
    # Set only by the store, never saved: the months it did not read, each with the first
    # dates the manifest keeps for it (``None``: every dated entry is in the lists).
    _unread: Sequence[tuple[str, FirstDates]] | None = PrivateAttr(default=None)
    _unread_first: FirstDates | None = PrivateAttr(default=None)  # worked out once

    def first_dates(self) -> FirstDates:
        """The first date of each dated list, exact even when the store read only recent
        months: the entries in the lists, and the first dates of the months it left out
        (worked out only when asked: most commands never ask)."""
        here = FirstDates.of(self.records, self.pain, self.pacing.logs, self.relaxation)
        if self._unread is None:
            return here
        if self._unread_first is None:
            self._unread_first = FirstDates.earliest(_in_their_months(self._unread))
        return FirstDates.earliest([here, self._unread_first])

    def first_dated(self) -> date | None:
        """The date of the first dated entry of any list: as ``first_dates`` tells, but only
        the first month not read is looked at (months are in order), so it costs the same
        on a journal of any age."""
        lists = (self.records, self.pain, self.pacing.logs, self.relaxation)
        found = [min(entry.date for entry in entries) for entries in lists if entries]
        if self._unread:
            found += _in_their_months(self._unread[:1])[0].dates()
        return min(found, default=None)

    def leave_out(self, months: Sequence[tuple[str, FirstDates]] | None) -> None:
        """For the store: the months whose dated entries it did not put in the lists
        ("2026-03", and the first dates the manifest keeps for it)."""
        self._unread = months or None
        self._unread_first = None

    def record_count(self) -> int:
        """How many dated records the journal holds (for reports and benchmarks)."""
        return (
            len(self.records)
            + len(self.pain)
            + len(self.redflag_checks)
            + len(self.flareups)
            + len(self.pacing.logs)
            + len(self.relaxation)
            + len(self.thoughts)
            + len(self.outcomes.checkins)
        )


Month = Annotated[str, StringConstraints(pattern=r"^(19|2[01])[0-9]{2}-(0[1-9]|1[0-2])$")]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
SegmentName = Annotated[
    str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9a-f]{16}[.]json$", max_length=40)
]


class SegmentRef(StrictModel):
    """One month of dated entries, as the manifest lists it."""

    month: Month  # "2026-11"
    file: SegmentName  # "2026-11-<first 16 hex digits of sha256>.json", in segments/
    sha256: Sha256  # of the file's bytes
    entries: int = Field(ge=1, le=10_000_000)  # how many entries it holds
    first: FirstDates  # the first date of each list in it (schema 8)


class Manifest(Journal):
    """The journal file from schema 7: the snapshot (every field of ``Journal`` but the dated
    lists, which stay empty here) and the segment files, in month order."""

    schema_version: int = Field(ge=1, le=1_000_000)  # type: ignore[assignment]
    segments: list[SegmentRef]


class Segment(StrictModel):
    """A file in ``segments/``: one month's entries of each list in ``DATED_LISTS``, each list
    in the order the entries were added."""

    month: Month
    records: list[ActivityRecord] = Field(default_factory=new_list)
    pain: list[PainScore] = Field(default_factory=new_list)
    pacing_logs: list[PaceLog] = Field(default_factory=new_list)
    relaxation: list[RelaxSession] = Field(default_factory=new_list)

    def count(self) -> int:
        return len(self.records) + len(self.pain) + len(self.pacing_logs) + len(self.relaxation)
