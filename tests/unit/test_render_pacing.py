"""The pacing part of ``backskills today``, rendered from ``pacing.today_spells``."""

from __future__ import annotations

from datetime import date

import pytest

from backskills import render
from backskills.domain.pacing.planner import today_spells
from backskills.models import Journal
from backskills.models.pacing import PaceActivity, PaceTask
from backskills.render import pacing as view

DAY = date(2026, 3, 4)


@pytest.fixture(autouse=True)
def fresh_consoles() -> None:
    render.reset_consoles()


def test_today_section_lists_todays_spells_literally(capsys: pytest.CaptureFixture[str]) -> None:
    journal = Journal()
    journal.pacing.activities.append(
        PaceActivity(name="vacuuming", tolerance=15, position="standing", created=DAY)
    )
    journal.pacing.tasks.append(
        PaceTask(id=1, title="[bold]hall[/] :pill:", activity="vacuuming", amount=20, created=DAY)
    )
    view.today_section(today_spells(journal, DAY))
    out = capsys.readouterr().out
    assert "Pacing today" in out
    assert "[bold]hall[/] :pill:: vacuuming 10 minutes, standing; then rest 10 minutes" in out
    assert out.count("vacuuming 10 minutes") == 2
    assert "more: backskills learn pacing" in out


def test_today_section_is_silent_without_spells(capsys: pytest.CaptureFixture[str]) -> None:
    view.today_section(today_spells(Journal(), DAY))
    assert capsys.readouterr().out == ""
