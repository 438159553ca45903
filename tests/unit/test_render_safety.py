"""The `today` renderers for red flags and flare-ups read right without colour, narrow."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from backskills import render
from backskills.domain import flareups, redflags
from backskills.models import Journal
from backskills.render import safety as show

DAY = dt.date(2026, 3, 1)


@pytest.fixture(autouse=True)
def narrow_no_colour(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("NO_COLOR", "1")
    render.reset_consoles()
    yield
    render.reset_consoles()


def printed(capsys: pytest.CaptureFixture[str]) -> tuple[str, list[str]]:
    out = capsys.readouterr().out
    assert "\x1b" not in out
    lines = out.splitlines()
    assert all(len(line) <= 40 for line in lines)
    return " ".join(out.split()), lines


def test_reminder_when_never_checked(capsys: pytest.CaptureFixture[str]) -> None:
    show.today_notice(redflags.today_notice(Journal(), DAY))
    text, _ = printed(capsys)
    assert text.startswith("Reminder: ") and "backskills redflags" in text


def test_reminder_is_one_line_at_80_columns(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    render.reset_consoles()
    show.today_notice(redflags.today_notice(Journal(), DAY))
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_nothing_when_latest_is_clear_and_recent(capsys: pytest.CaptureFixture[str]) -> None:
    journal = Journal()
    redflags.record_check(journal, [], DAY)
    show.today_notice(redflags.today_notice(journal, DAY + dt.timedelta(days=42)))
    assert capsys.readouterr().out == ""
    show.today_notice(redflags.today_notice(journal, DAY + dt.timedelta(days=43)))
    text, _ = printed(capsys)
    assert text.startswith("Reminder: Your last red-flag check was on 2026-03-01, 6 weeks")
    assert "backskills redflags" in text


def test_emergency_banner_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    journal = Journal()
    redflags.record_check(journal, ["ces_both_legs"], DAY)
    show.today_notice(redflags.today_notice(journal, DAY))
    text, _ = printed(capsys)
    assert text.startswith("RED FLAGS: ")
    assert "EMERGENCY: call 999 or go to A&E now. (112 also works.)" in text
    assert "Do not wait for a GP appointment" in text
    assert "backskills redflags assessed" in text


def test_urgent_banner_says_what_is_blocked(capsys: pytest.CaptureFixture[str]) -> None:
    journal = Journal()
    redflags.record_check(journal, ["trauma", "osteoporosis"], DAY)
    show.today_notice(redflags.today_notice(journal, DAY))
    text, _ = printed(capsys)
    assert "URGENT: contact your GP practice today and tell them which signs you have." in text
    assert "If the practice is closed, call NHS 111. In Scotland, call NHS 24 on 111." in text
    assert "Logging is not affected." in text


def test_flareup_today_section(capsys: pytest.CaptureFixture[str]) -> None:
    journal = Journal()
    show.flareup_today(flareups.today_section(journal, DAY))
    assert capsys.readouterr().out == ""
    flareups.add_step(journal, "flareup", "[bold]Heat[/] :pill:", DAY)
    flareups.start(journal, DAY)
    show.flareup_today(flareups.today_section(journal, DAY + dt.timedelta(days=2)))
    text, _ = printed(capsys)
    assert text.startswith("Flare-up: day 3")
    assert "1. [bold]Heat[/] :pill:" in text
