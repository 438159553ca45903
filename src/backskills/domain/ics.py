"""Calendar events as an iCalendar file (RFC 5545), written with the ``icalendar`` package.

Imported only by ``backskills calendar`` (``icalendar`` costs about 0.1 s to import).

- Without a time, events are all-day (``DTSTART;VALUE=DATE`` and ``DTEND`` the next day).
  With one, they start at that local time wherever the calendar app is (a "floating" time,
  no time zone) and last ``CalendarEvent.minutes``.
- A period of several days is one event with ``RRULE:FREQ=DAILY;COUNT=n``.
- ``DTSTAMP`` and ``LAST-MODIFIED`` are the export time in UTC; ``SEQUENCE`` counts the
  minutes since 2020 at export, so a newer file always carries a higher sequence and a
  calendar app takes its version of an event with the same ``UID``.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from backskills import __version__
from backskills.domain.schedule import Calendar, CalendarEvent

if TYPE_CHECKING:
    import icalendar

PRODID = f"-//backskills//backskills {__version__}//EN"
CALENDAR_NAME = "backskills plan"
_SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)


def sequence(stamp: datetime) -> int:
    return max(0, int((stamp - _SEQUENCE_EPOCH).total_seconds() // 60))


def to_ics(
    calendar: Calendar,
    *,
    stamp: datetime,
    at: time | None = None,
    alarm_minutes: int | None = None,
) -> bytes:
    """The whole calendar as iCalendar bytes (CRLF line ends, folded lines)."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", CALENDAR_NAME)
    stamp = stamp.astimezone(UTC).replace(microsecond=0)
    for event in calendar.events:
        cal.add_component(_event(event, stamp, at, alarm_minutes))
    data: bytes = cal.to_ical()
    return data


def _event(
    event: CalendarEvent, stamp: datetime, at: time | None, alarm_minutes: int | None
) -> icalendar.Event:
    import icalendar

    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", stamp)
    vevent.add("last-modified", stamp)
    vevent.add("sequence", sequence(stamp))
    vevent.add("summary", event.title)
    vevent.add("description", event.description)
    vevent.add("categories", ["backskills", event.kind])
    vevent.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
    if at is None:
        vevent.add("dtstart", event.start)
        vevent.add("dtend", event.start + timedelta(days=1))
    else:
        vevent.add("dtstart", datetime.combine(event.start, at))
        vevent.add("duration", timedelta(minutes=event.minutes))
    if event.days > 1:
        vevent.add("rrule", {"freq": "daily", "count": event.days})
    if alarm_minutes is not None:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", event.title)
        alarm.add("trigger", timedelta(minutes=-alarm_minutes))
        vevent.add_component(alarm)
    return vevent
