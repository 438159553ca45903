"""The report for the physiotherapist: every number, in the order the review needs them.

Pure domain code. ``build`` gathers what ``backskills report`` shows from the same results
``history`` and ``summary`` show on screen (``backskills.domain.history``, ``backskills.domain.summary``),
so a number in the report is the number on the screen. ``backskills.domain.report_html`` and
``backskills.domain.report_md`` turn a ``Report`` into a file; they compute nothing of their own.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from backskills import __version__
from backskills.domain import history, pain_change, units
from backskills.domain import summary as summaries
from backskills.domain.activities import describe
from backskills.domain.progression.met_days import MET_NEEDED, WINDOW_DAYS
from backskills.domain.progression.staircase import HOLD_MIN
from backskills.domain.thresholds import STRATFORD_1995, threshold
from backskills.models import Journal
from backskills.models.report import QUESTION_MAX, Question
from backskills.models.safety import FlareUp
from backskills.plain import field, plain

if TYPE_CHECKING:
    from backskills.domain.checkins import Comparison

DEFAULT_WEEKS = 6  # the length of a back class
MAX_WEEKS = 520
MAX_QUESTIONS = 50

__all__ = [
    "DEFAULT_WEEKS",
    "MAX_WEEKS",
    "Report",
    "add_question",
    "build",
    "check_question",
    "clear_questions",
    "method_lines",
    "questions",
    "remove_question",
]


@plain(frozen=True)
class ActivityReport:
    """One activity: the numbers of its row, its chart and its weekly table."""

    history: history.ActivityHistory
    summary: summaries.ActivitySummary | None  # None without a plan

    @property
    def name(self) -> str:
        return self.history.activity

    @property
    def unit(self) -> str:
        return self.history.unit

    def to_json(self) -> dict[str, Any]:
        document = self.history.to_json()
        document["adherence"] = self.summary.to_json() if self.summary is not None else None
        return document


@plain(frozen=True)
class FlareUpReport:
    started: date
    ended: date | None
    days: int
    pain: int | None
    trigger: str | None
    helped: str | None
    note: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "started": self.started.isoformat(),
            "ended": self.ended.isoformat() if self.ended else None,
            "days": self.days,
            "pain": self.pain,
            "trigger": self.trigger,
            "helped": self.helped,
            "note": self.note,
        }


@plain(frozen=True)
class Alert:
    """A red-flag check that is not clear: it stands at the top of the report."""

    checked_on: date
    outcome: str
    words: str
    assessed_on: date | None
    in_period: bool

    def sentence(self) -> str:
        """What follows the outcome's own words: when, and whether it was looked at."""
        seen = (
            f"assessed by a professional on {self.assessed_on.isoformat()}"
            if self.assessed_on
            else "no professional assessment recorded yet"
        )
        when = "" if self.in_period else " (before this period, still the latest check)"
        return f"Red-flag check on {self.checked_on.isoformat()}{when}: {seen}."

    def to_json(self) -> dict[str, Any]:
        return {
            "checked_on": self.checked_on.isoformat(),
            "outcome": self.outcome,
            "words": self.words,
            "assessed_on": self.assessed_on.isoformat() if self.assessed_on else None,
            "in_period": self.in_period,
        }


@plain(frozen=True)
class QuestionLine:
    number: int
    text: str
    added: date

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "text": self.text, "added": self.added.isoformat()}


@plain
class Report:
    name: str | None
    made_on: date
    window: history.Window
    summary: summaries.Summary
    changes: list[str]  # the summary box: what changed, in sentences
    alerts: list[Alert]
    activities: list[ActivityReport]
    pain: history.PainHistory
    checkins: Comparison | None  # the first against the latest, with two or more
    checkins_done: int
    flareups: list[FlareUpReport]
    pacing: str
    relaxation: str
    thoughts: str | None
    questions: list[QuestionLine] = field(default_factory=list)
    method: list[str] = field(default_factory=list)
    version: str = __version__

    @property
    def period(self) -> str:
        first, last = self.window.first, self.window.last
        weeks, extra = divmod(self.window.days, 7)
        length = f"{weeks} week{'s' if weeks != 1 else ''}" if weeks else ""
        if extra:
            length += (" and " if length else "") + f"{extra} day{'s' if extra != 1 else ''}"
        return f"{first.isoformat()} to {last.isoformat()} ({length})"

    def made_line(self) -> str:
        return (
            f"Made on {self.made_on.isoformat()} with backskills {self.version} from the "
            "patient's own journal. It holds health information: share it only with the "
            "people you choose."
        )

    def pain_lines(self) -> list[str]:
        lines = []
        if self.pain.mean is not None:
            days = len(self.pain.days)
            lines.append(f"Mean over {days} scored day{'s' if days != 1 else ''}: "
                         f"{self.pain.mean:.1f} out of 10.")  # fmt: skip
        if self.summary.pain is not None:
            lines.append(self.summary.pain.words)
        return lines

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "made_on": self.made_on.isoformat(),
            "window": self.window.to_json(),
            "changes": list(self.changes),
            "alerts": [a.to_json() for a in self.alerts],
            "activities": [a.to_json() for a in self.activities],
            "pain": self.pain.to_json(),
            "pain_trend": self.summary.pain.to_json() if self.summary.pain else None,
            "checkins": self.checkins.to_json() if self.checkins is not None else None,
            "checkins_done": self.checkins_done,
            "goals_achieved": [g.to_json() for g in self.summary.goals_achieved],
            "goals_active": [g.to_json() for g in self.summary.goals_active],
            "flareups": [f.to_json() for f in self.flareups],
            "redflag_checks": [c.to_json() for c in self.summary.checks],
            "pacing": self.pacing,
            "relaxation": self.relaxation,
            "thoughts": self.thoughts,
            "questions": [q.to_json() for q in self.questions],
            "method": list(self.method),
            "version": self.version,
        }


def _alerts(journal: Journal, window: history.Window) -> list[Alert]:
    """Every check in the period that was not clear, and the latest one if it still stands.

    A check marked "entered by mistake" is left out, as everywhere else."""
    from backskills.domain import safety

    counted = safety.counted_checks(journal)
    latest = counted[-1][0] if counted else None
    found = []
    for index, check in counted:
        if check.outcome == "clear":
            continue
        assessment = safety.assessment_of(journal, index)
        inside = window.first <= check.checked_on <= window.last
        still_open = index == latest and assessment is None
        if inside or still_open:
            found.append(
                Alert(
                    checked_on=check.checked_on,
                    outcome=check.outcome,
                    words=summaries.check_words(check.outcome),
                    assessed_on=assessment.date if assessment is not None else None,
                    in_period=inside,
                )
            )
    return found


def _flareups(journal: Journal, window: history.Window) -> list[FlareUpReport]:
    found = []
    flare: FlareUp
    for flare in journal.flareups:
        last = flare.ended or window.last
        if flare.started > window.last or last < window.first:
            continue
        found.append(
            FlareUpReport(
                started=flare.started,
                ended=flare.ended
                if flare.ended is not None and flare.ended <= window.last
                else None,
                days=max(1, (min(last, window.last) - flare.started).days + 1),
                pain=flare.pain,
                trigger=flare.trigger,
                helped=flare.helped,
                note=flare.note,
            )
        )
    return found


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _pacing_line(summary: summaries.Summary) -> str:
    if not summary.pacing:
        return "Pacing: no spells recorded in this period."
    parts = [
        f"{line.activity} on {_plural(line.days_logged, 'day')} "
        f"({line.days_within} within tolerance, {line.days_over} over)"
        for line in summary.pacing
    ]
    return "Pacing: " + "; ".join(parts) + "."


def _relaxation_line(summary: summaries.Summary) -> str:
    if not summary.relaxation_sessions:
        return "Relaxation: no sessions recorded in this period."
    return (
        f"Relaxation: {_plural(summary.relaxation_sessions, 'session')}, "
        f"{units.fmt(summary.relaxation_minutes)} minutes in all, on "
        f"{_plural(summary.relaxation_days, 'day')}."
    )


def _changes(report_summary: summaries.Summary, checkins: Comparison | None) -> list[str]:
    lines = []
    for item in report_summary.activities:
        unit = item.unit
        if item.level_start is None or item.level_now is None:
            continue
        if item.level_now == item.level_start:
            moved = f"stayed at {describe(item.level_now, unit)}"
        else:
            moved = (
                f"went from {describe(item.level_start, unit)} to {describe(item.level_now, unit)}"
            )
        steps = f" ({_plural(item.step_ups, 'step')} up)" if item.step_ups else ""
        target = f", target {describe(item.target, unit)}" if item.target is not None else ""
        met = (
            f"; level met on {item.days_met} of {item.days_planned} planned days "
            f"({item.adherence}%)"
            if item.adherence is not None
            else ""
        )
        lines.append(f"{item.activity}: {moved}{steps}{target}{met}.")
    if report_summary.pain is not None:
        lines.append("Pain: " + report_summary.pain.words)
    else:
        lines.append("Pain: no pain scores recorded in this period.")
    if checkins is not None:
        readings = [checkins.pain_average.reading]
        if checkins.psfs is not None:
            readings.append(checkins.psfs.reading)
        lines.append("Check-ins: " + " ".join(readings))
    return lines


def method_lines() -> list[str]:
    """How every number in the report was computed (the footer)."""
    return [
        "A day's amount is the sum of that day's records. A day is met when it reaches the "
        "level in force that day. Weeks start on Monday; a week cut by the period counts only "
        "its days inside it.",
        "Adherence is days met out of days with a level in force, leaving out flare-up days.",
        "Starting level: the average of three baseline days times the start factor (0.8 unless "
        "changed), rounded down to the activity's step. Each step up adds 10% of the level, "
        "rounded down, at least one step, once the level has been held for the plan's hold "
        f"period (at least {HOLD_MIN} days) and met on {MET_NEEDED} "
        f"of the last {WINDOW_DAYS} days.",
        "Pain: a day's score is the mean of that day's scores (0-10); a week's mean is the mean "
        "of its days. The first week is compared with the last; a change of "
        f"{pain_change.MEANINGFUL_POINTS:.0f} points or {pain_change.MEANINGFUL_FRACTION:.0%} "
        f"is read as meaningful ({pain_change.SOURCE}).",
        "Check-ins compare the first with the latest, measure by measure: "
        + "; ".join(
            f"{rule.measure}: {rule.rule}"
            for rule in (threshold("pain"), threshold("psfs_mean"), threshold("psfs_item"))
        )
        + f" ({STRATFORD_1995}). Exercise tests show the change and the percentage only.",
    ]


def build(
    journal: Journal,
    today: date,
    *,
    weeks: int | None = None,
    start: date | None = None,
    end: date | None = None,
    name: str | None = None,
) -> Report:
    """The report for ``--weeks N`` (default 6) up to today, or ``--from``/``--to``."""
    from backskills.errors import InvalidInput

    last = end if end is not None else today
    if start is not None and start > last:
        raise InvalidInput(
            "--from",
            f"{start.isoformat()} is after {last.isoformat()}; the period must start first.",
        )
    if weeks is not None and start is not None:
        raise InvalidInput("--weeks", "give --weeks or --from, not both.")
    if start is not None and (last - start).days + 1 > MAX_WEEKS * 7:
        raise InvalidInput("--from", f"the period can be at most {MAX_WEEKS} weeks.")
    summary = summaries.build(
        journal, last, weeks if weeks is not None else DEFAULT_WEEKS, start=start
    )
    window = summary.window
    adherence = {a.activity.casefold(): a for a in summary.activities}
    activities = []
    for activity in journal.activities:
        one = history.activity_history(
            journal, activity.name, last, start=window.first, end=window.last
        )
        if activity.plan is None and not one.days_logged:
            continue
        activities.append(ActivityReport(one, adherence.get(activity.name.casefold())))
    pain = history.pain_history(journal, last, start=window.first, end=window.last)
    checkins, checkins_done = _checkins(journal, last)
    thoughts = f"Thought records: {summary.thought_records}." if summary.thought_records else None
    return Report(
        name=name,
        made_on=today,
        window=window,
        summary=summary,
        changes=_changes(summary, checkins),
        alerts=_alerts(journal, window),
        activities=activities,
        pain=pain,
        checkins=checkins,
        checkins_done=checkins_done,
        flareups=_flareups(journal, window),
        pacing=_pacing_line(summary),
        relaxation=_relaxation_line(summary),
        thoughts=thoughts,
        questions=questions(journal),
        method=method_lines(),
    )


def _checkins(journal: Journal, last: date) -> tuple[Comparison | None, int]:
    """First against the latest check-in up to the end of the period, and how many there were."""
    from backskills.domain import checkins

    done = [c for c in checkins.ordered(journal) if c.date <= last]
    if len(done) < 2:
        return None, len(done)
    return checkins.compare(journal, 1, len(done)), len(done)


# -- questions for the appointment -------------------------------------------------------
def check_question(text: str, field: str = "--question") -> str:
    """A question: 1-500 characters of plain text on one or more lines."""
    from backskills.domain import validate
    from backskills.errors import InvalidInput

    cleaned = validate.note(text, field)
    if cleaned is None:
        raise InvalidInput(field, "cannot be empty.")
    if len(cleaned) > QUESTION_MAX:
        raise InvalidInput(
            field, f"is {len(cleaned)} characters long; keep a question to {QUESTION_MAX}."
        )
    return cleaned


def add_question(journal: Journal, text: str, today: date) -> Question:
    if len(journal.questions) >= MAX_QUESTIONS:
        from backskills.errors import Refused

        raise Refused(
            f"you already have {MAX_QUESTIONS} questions noted.",
            hint="Clear the ones you have asked with 'backskills report questions --clear'.",
        )
    number = max((q.id for q in journal.questions), default=0) + 1
    question = Question(id=number, text=text, added=today)
    journal.questions.append(question)
    return question


def questions(journal: Journal) -> list[QuestionLine]:
    return [QuestionLine(q.id, q.text, q.added) for q in journal.questions]


def remove_question(journal: Journal, number: int) -> QuestionLine:
    for index, question in enumerate(journal.questions):
        if question.id == number:
            del journal.questions[index]
            return QuestionLine(question.id, question.text, question.added)
    from backskills.errors import NotFound

    known = ", ".join(str(q.id) for q in journal.questions)
    raise NotFound(
        f"there is no question {number}.",
        hint=f"Your questions are numbered {known}." if known else "You have no questions noted.",
    )


def clear_questions(journal: Journal) -> list[QuestionLine]:
    gone = questions(journal)
    journal.questions.clear()
    return gone


# -- tables shared by the HTML and Markdown files -------------------------------------
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def week_grid_rows(window: history.Window) -> list[tuple[date, list[date | None]]]:
    """Each Monday week of the window with its 7 days (None outside the window)."""
    rows = []
    for monday, _first, _last in window.weeks():
        days: list[date | None] = []
        for offset in range(7):
            day = monday + timedelta(days=offset)
            days.append(day if window.first <= day <= window.last else None)
        rows.append((monday, days))
    return rows


def checkin_rows(report: Report) -> tuple[list[str], list[list[str]], list[str]]:
    """The comparison as a table (head, rows of plain text) and the lines under it."""
    c = report.checkins
    assert c is not None
    head = [
        "Measure",
        f"Check-in {c.before.number} ({c.before.date.isoformat()})",
        f"Check-in {c.after.number} ({c.after.date.isoformat()})",
        "Change",
        "Meaningful?",
    ]

    def sign(value: float) -> str:
        return ("+" if value > 0 else "") + units.fmt(round(value, 2))

    rows = [
        [
            "Average pain (0-10)",
            units.fmt(c.pain_average.before),
            units.fmt(c.pain_average.after),
            sign(c.pain_average.change),
            "yes" if c.pain_average.meaningful else "no",
        ],
        [
            "Worst pain (0-10)",
            units.fmt(c.pain_worst.before),
            units.fmt(c.pain_worst.after),
            sign(c.pain_worst.change),
            "yes" if c.pain_worst.meaningful else "no",
        ],
    ]
    if c.psfs is not None:
        rows.append(
            [
                "PSFS score (0-10)",
                f"{c.psfs.before:.1f}",
                f"{c.psfs.after:.1f}",
                sign(c.psfs.change),
                "yes" if c.psfs.meaningful else "no",
            ]
        )
    for item in c.psfs_items:
        rows.append(
            [
                f"PSFS: {item.activity}",
                str(item.before),
                str(item.after),
                sign(item.change),
                "yes" if item.meaningful else "no",
            ]
        )
    for test in c.tests:
        pct = f" ({sign(round(test.percent))}%)" if test.percent is not None else ""
        rows.append(
            [
                f"{test.name} ({test.unit}, {test.better} is better)",
                units.fmt(test.before),
                units.fmt(test.after),
                sign(test.change) + pct,
                test.direction,
            ]
        )
    notes = [
        f"{n.name}: not compared, {n.why}." for n in [*c.psfs_not_compared, *c.tests_not_compared]
    ]
    if c.change_reading:
        notes.append(c.change_reading)
    readings = [c.pain_average.reading] + ([c.psfs.reading] if c.psfs is not None else [])
    return head, rows, [*readings, *notes, c.caution]


Table = tuple[list[str], list[list[str]]]
OUTSIDE = "·"  # a day of a Monday week that is outside the period
NOTHING = "–"  # nothing logged, or no number


def _amount(value: float | None, unit: str | None = None) -> str:
    if value is None:
        return NOTHING
    return describe(value, unit) if unit else units.fmt(value)


def facts_table(item: ActivityReport, window: history.Window) -> Table:
    """The numbers of one activity's row: baseline to target, met and logged days."""
    h = item.history
    met = NOTHING
    if item.summary is not None and item.summary.adherence is not None:
        s = item.summary
        met = f"{s.days_met} of {s.days_planned} days ({s.adherence}%)"
    head = ["Baseline average", "Starting level", "Level now", "Target", "Of the way"]
    row = [
        _amount(h.baseline_average, h.unit),
        _amount(h.start_level, h.unit),
        _amount(h.level_now, h.unit),
        _amount(h.target, h.unit),
        f"{h.percent}%" if h.percent is not None else NOTHING,
    ]
    return [*head, "Level met", "Days logged"], [[*row, met, f"{h.days_logged} of {window.days}"]]


def day_table(item: ActivityReport, window: history.Window) -> Table:
    """Every day's amount, a week a row: ✓ met, F a flare-up day, – nothing logged."""
    by_day = {p.date: p for p in item.history.chart.days}
    weeks = {w.week_start: w for w in item.history.weeks}
    rows = []
    for monday, days in week_grid_rows(window):
        week = weeks[monday]
        cells = []
        for day in days:
            point = by_day.get(day) if day is not None else None
            if point is None:
                cells.append(OUTSIDE)
            elif not point.logged:
                cells.append(NOTHING)
            else:
                cells.append(
                    units.fmt(point.amount)
                    + (" ✓" if point.met else "")
                    + (" F" if point.flareup else "")
                )
        levels = " → ".join(units.fmt(level) for level in week.levels) or NOTHING
        met = f"{week.days_met}/{week.days_planned}" if week.days_planned else NOTHING
        rows.append([f"{monday.day} {monday:%b}", levels, *cells, met, units.fmt(week.total)])
    return ["Week of", "Level", *DAY_NAMES, "Met", "Total"], rows


def pain_table(report: Report) -> Table:
    """Every day's pain score (the day's mean), a week a row, with the week's mean and range."""
    scores = {d.date: d for d in report.pain.days}
    weeks = {w.week_start: w for w in report.pain.weeks}
    rows = []
    for monday, days in week_grid_rows(report.window):
        week = weeks[monday]
        cells = [
            OUTSIDE if day is None else (units.fmt(scores[day].mean) if day in scores else NOTHING)
            for day in days
        ]
        mean = f"{week.mean:.1f}" if week.mean is not None else NOTHING
        span = f"{week.low}–{week.high}" if week.low is not None else NOTHING
        rows.append([f"{monday.day} {monday:%b}", *cells, mean, span])
    return ["Week of", *DAY_NAMES, "Mean", "Range"], rows


def flareup_table(report: Report) -> Table:
    rows = [
        [
            f.started.isoformat(),
            f.ended.isoformat() if f.ended else "not over yet",
            str(f.days),
            str(f.pain) if f.pain is not None else NOTHING,
            f.trigger or NOTHING,
            f.helped or NOTHING,
        ]
        for f in report.flareups
    ]
    return ["Started", "Ended", "Days", "Pain", "Trigger", "What helped"], rows


def goal_texts(report: Report) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Achieved goals (title, date) and active ones (title, where they stand)."""
    achieved = [
        (g.title, g.ended.isoformat() if g.ended else NOTHING)
        for g in report.summary.goals_achieved
    ]
    active = []
    for g in report.summary.goals_active:
        parts = [f"deadline {g.deadline.isoformat()}"]
        if g.steps_total:
            parts.append(f"{g.steps_done} of {g.steps_total} steps done")
        if g.level is not None and g.target is not None and g.unit:
            way = f" ({g.percent}% of the way)" if g.percent is not None else ""
            parts.append(
                f"{g.activity or ''} at {_amount(g.level, g.unit)} of "
                f"{_amount(g.target, g.unit)}{way}"
            )
        active.append((g.title, "; ".join(parts)))
    return achieved, active


def check_table(report: Report) -> Table:
    rows = [
        [c.date.isoformat(), c.words + (" (entered by mistake)" if c.entered_by_mistake else "")]
        for c in report.summary.checks
    ]
    return ["Date", "Outcome"], rows


def practice_lines(report: Report) -> list[str]:
    return [report.pacing, report.relaxation, *([report.thoughts] if report.thoughts else [])]


LEGEND = (
    "Bars: the amount done each day (filled: the level was met; outlined: not met). Line: "
    "the level in force. Hatching: flare-up days. In the tables ✓ marks a day met, F a "
    "flare-up day, – a day with nothing logged. Met: days met of days with a level."
)
NO_CHECKINS = {
    0: "No check-ins recorded yet ('backskills checkin').",
    1: "One check-in recorded so far; the comparison comes with the next one.",
}
ABOUT = (
    "Everything here was entered by the patient in backskills, a self-management tool, and "
    "has not been checked by a clinician. backskills does not diagnose."
)
