"""How far back each everyday command reads the daily logs.

The journal has two parts (``models.journal``): the dated lists in ``DATED_LISTS`` (activity
records, pain scores, pacing spells, relaxation), which grow every day, and the snapshot
(everything else: activities with their plans and level changes, goals, flare-ups,
red-flag checks, check-ins, thought records, pacing activities and tasks, ``last_ids``),
always read whole.

A command hands the store one of the functions below as ``needs`` (``store.Needs``). The
store calls it with the snapshot (the dated lists empty) and gets back the first date whose
dated entries the command uses; the store then reads only those (and may read more, such as
whole months). So an everyday command costs the same on a journal of thirty years as on a
new one (the few exceptions below return ``None`` and say why).

Each function says WHY it reaches back as far as it does: which rule reads which dated
entries. ``None`` means "every dated entry" (some rules cannot tell how far back they look
without them); ``NOTHING`` means the command reads no dated entry at all. The equivalence
tests (``tests/unit/test_window.py``, ``tests/cli/test_window_cli.py``) run each command on
a whole journal and on the journal cut at exactly the date given here, and fail when the
two differ or when the date could be a day later for no reason.

Pure functions: no I/O. ``bind`` fixes a command's own values (today, the date given with
``--date``) so the CLI can pass a one-argument function to the store.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Concatenate, ParamSpec

if TYPE_CHECKING:  # nothing heavy at import: the CLI imports this before the store
    from backskills.models import Journal

__all__ = [
    "NOTHING",
    "Needs",
    "bind",
    "entries",
    "flareup_status",
    "history",
    "log",
    "pace_plan",
    "pace_review",
    "pace_task_add",
    "pain",
    "progress",
    "snapshot_only",
    "step_up",
    "summary",
    "today",
]

# What ``store.Needs`` is (repeated here so the domain does not import the store).
Needs = Callable[["Journal"], date | None]
P = ParamSpec("P")

# "No dated entry at all": a date after every entry. Commands that only add an entry (and
# never read the ones there) return it.
NOTHING = date.max


def bind(
    rule: Callable[Concatenate[Journal, P], date | None], *args: P.args, **kw: P.kwargs
) -> Needs:
    """``rule`` with everything but the snapshot fixed: what ``Store.load(needs=...)`` takes."""

    def needs(snapshot: Journal) -> date | None:
        return rule(snapshot, *args, **kw)

    return needs


def earliest(*bounds: date | None) -> date | None:
    """The earliest of several bounds; ``None`` (everything) wins over any date."""
    if any(bound is None for bound in bounds):
        return None
    return min((bound for bound in bounds if bound is not None), default=NOTHING)


# -- the rules that read back ---------------------------------------------------------------


def review(snapshot: Journal, on: date) -> date:
    """What ``progression.review.evaluate`` (and a step up's own review) reads on ``on``.

    - "met on most days": the day totals of the ``WINDOW_DAYS`` days before ``on`` and ``on``
      itself (``progression.met_days.window_totals``);
    - "pain rose after a step up": while the level in force is a step up made less than
      ``PAIN_RISE_DAYS`` ago, the pain scores from ``PAIN_BEFORE_DAYS`` before that step up
      to ``on`` (the mean since the step against the week before it). The step up is in the
      snapshot (``Activity.levels``), so this reaches back at most
      ``PAIN_RISE_DAYS + PAIN_BEFORE_DAYS`` days, however long a level is kept.
    """
    from backskills.domain.progression.levels import level_event_on
    from backskills.domain.progression.met_days import WINDOW_DAYS
    from backskills.domain.progression.review import PAIN_BEFORE_DAYS, PAIN_RISE_DAYS

    first = NOTHING  # no plan, no review
    for activity in snapshot.activities:
        if activity.plan is None:
            continue
        first = min(first, on - timedelta(days=WINDOW_DAYS))
        event = level_event_on(activity, on)
        if (
            event is not None
            and event.reason == "step_up"
            and (on - event.date).days < PAIN_RISE_DAYS
        ):
            first = min(first, event.date - timedelta(days=PAIN_BEFORE_DAYS))
    return first


def flare_pain(snapshot: Journal) -> date:
    """While a flare-up is active, its advice says so when the pain rose over its first two
    weeks (``flareups.pain_rise``): the pain scores from the day it started. The start is
    in the snapshot; with no active flare-up nothing is read."""
    from backskills.domain.safety import active_flareup

    flare = active_flareup(snapshot)
    return flare.started if flare is not None else NOTHING


def checkin_anchor(snapshot: Journal, on: date) -> date:
    """The check-in reminder counts weeks from the class start or the first check-in, both
    in the snapshot. With neither, check-in 1 is due once anything is recorded on or before
    today (``checkins.reminder``, from ``checkins.first_use``): the snapshot's own dates
    and the daily logs' first date, which the store hands over with the snapshot from the
    manifest (``Journal.first_dated``). No dated entry is read for it."""
    return NOTHING


def summary_due(snapshot: Journal, on: date) -> date:
    """On Mondays ``today`` points to the summary once the journal is a week old
    (``today.summary_due``): the snapshot's dates and the daily logs' first date
    (``Journal.first_dated``, from the manifest) decide it. No dated entry is read."""
    return NOTHING


# -- one function per command -----------------------------------------------------------------


def today(snapshot: Journal, on: date) -> date | None:
    """``backskills today``:

    - today's records, pain scores and pacing spells (what is done and left): ``on``;
    - each plan's review: ``review``;
    - an active flare-up's advice: ``flare_pain``;
    - the check-in reminder: ``checkin_anchor`` (nothing);
    - the Monday pointer to the summary: ``summary_due`` (nothing);
    - the welcome screen is shown only for a journal with nothing in it at all: with an
      empty snapshot (a new journal) every dated entry is read, which costs nothing.
    """
    if snapshot.has_only_defaults():
        return None
    return earliest(
        on,
        review(snapshot, on),
        flare_pain(snapshot),
        checkin_anchor(snapshot, on),
        summary_due(snapshot, on),
    )


def log(snapshot: Journal, on: date) -> date:
    """``backskills log``: the records of the day logged, ``on`` (the day's total against the
    level, the limit of a day, a record typed twice in a row). Nothing earlier."""
    return on


def pain(snapshot: Journal, on: date) -> date:
    """``backskills pain``: the other scores of the same day, ``on``."""
    return on


def progress(snapshot: Journal, on: date) -> date:
    """``backskills progress [evaluate]``: each plan's ``review`` as of today (every planned
    activity, a little more than one named activity needs)."""
    return review(snapshot, on)


def step_up(snapshot: Journal, on: date) -> date:
    """``backskills progress step-up --date DAY``: the review of that day (``review``)."""
    return review(snapshot, on)


def flareup_status(snapshot: Journal) -> date:
    """``backskills flareup``: the active flare-up's advice (``flare_pain``)."""
    return flare_pain(snapshot)


def pace_plan(snapshot: Journal, on: date) -> date:
    """``backskills pace plan`` (and today's spells): spells already done today count
    against today's sessions (``pacing.planner.build_plan``)."""
    return on


def pace_review(snapshot: Journal, on: date, days: int) -> date:
    """``backskills pace review``: the spells of the last ``days`` days, ``on`` included
    (``pacing.review.review_activity``; a later tolerance change only shortens it)."""
    return on - timedelta(days=days - 1)


def pace_task_add(snapshot: Journal) -> date | None:
    """``backskills pace task add``: a new task number is never one a logged spell still
    names. The counter in ``last_ids`` (``models.entries.PACE_TASK_COUNTER``) remembers it;
    a journal from before the counter reads every spell once, and the counter is set."""
    from backskills.models.entries import PACE_TASK_COUNTER

    return NOTHING if PACE_TASK_COUNTER in snapshot.last_ids else None


def history(
    snapshot: Journal,
    on: date,
    what: str | None = None,
    *,
    weeks: int | None = None,
    start: date | None = None,
    end: date | None = None,
) -> date:
    """``backskills history [ACTIVITY|pain] [--weeks N] [--from D] [--to D]``: the days of
    its window and nothing before (``history.history_window``; each table, chart and total
    counts only the entries dated inside it).

    The window starts at ``--from``, or ``--weeks`` Monday weeks before ``--to`` (today),
    or by default at the first entry (of the activity, or of pain scores, for those
    views), at most ``DEFAULT_WEEKS`` weeks back. The first entry is exact without reading
    old months: the store hands the snapshot the first dates the manifest keeps for every
    month (``Journal.first_dates``), so a journal younger than the cap is read from its
    first day, an older one from the cap. ``history flareups`` reads only the snapshot."""
    from backskills.domain.history import FLAREUP_TOPICS, history_window

    if what is not None and what.casefold() in FLAREUP_TOPICS:
        return NOTHING
    return history_window(snapshot, what, on, weeks=weeks, start=start, end=end).first


def summary(snapshot: Journal, on: date, weeks: int) -> date:
    """``backskills summary [--weeks N]``: the days of its period (``summary.period``: the
    last ``weeks`` weeks up to today, or from the first entry when that is later) and
    nothing before; every count, mean and day in it is dated inside the period. The first
    entry (also in its ``--json``) is exact from the first dates the store hands over."""
    from backskills.domain.summary import period

    return period(snapshot, on, weeks).first


def entries(
    snapshot: Journal, since: date | None, activity: str | None = None, earlier: bool = False
) -> date | None:
    """``backskills entries``: the entries from ``since`` on (every kind; the snapshot's
    too): the day given with ``--from``, or four weeks ago by default (``entries.recent_from``);
    with ``--all``, all of them (``None``).

    By default it also says how far back the entries left out go (``earlier``:
    ``entries.first_entry``), from the first dates the store keeps for the months it does
    not read. Those are kept per activity for records, but not for pacing spells: asked for
    the spells of one pacing activity, it reads every month."""
    if since is not None and earlier and activity is not None:
        from backskills.domain.entries import is_pacing, wanted_name

        if is_pacing(snapshot, wanted_name(snapshot, activity)):
            return None
    return since


def snapshot_only(snapshot: Journal) -> date:
    """Commands that read no dated entry: they add or change entries (``baseline log``,
    ``relax``, ``relax log``, ``pace log``, ``progress ease-back``, ``flareup end``) or
    read and change only the snapshot (``plan``, ``goal``, ``baseline show|list|redo``,
    ``pace add|list|edit|remove``, ``pace task list|done|remove``, ``redflags``,
    ``thoughts``, ``flareup history``, the flare-up and good-spell plans). The store still
    saves what they add.

    ``flareup start`` too: the status it shows after starting one has advice on the pain
    over the flare-up's first two weeks, but that needs scores on two days, and a
    flare-up that starts today has one at most."""
    return NOTHING
