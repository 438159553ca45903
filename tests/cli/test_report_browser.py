"""The HTML report as a patient and a clinician see it: in a real browser (Debian's
chromium, headless, networking off), printed to PDF on A4 and US Letter and shot as PNG.

Few tests, as each starts a browser (about two seconds).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import browser, patient
from tests.conftest import Run

A4 = (595.0, 842.0)  # points, as the PDF's MediaBox gives them (rounded)
LETTER = (612.0, 792.0)


@pytest.fixture
def page(cli: Run, data_dir: Path, tmp_path: Path) -> Path:
    """The six-week patient's report, written by the command itself."""
    patient.write(data_dir)
    target = tmp_path / "report.html"
    result = cli(
        "report", "-o", str(target), "--name", "Sam Patel",
        env={"BACKSKILLS_TODAY": patient.TODAY.isoformat()},
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return target


def _with_paper(page: Path, size: str) -> Path:
    """The same report printed on a given paper size (as a print dialog would choose)."""
    sized = page.with_name(f"report-{size.replace(' ', '-')}.html")
    sized.write_text(page.read_text().replace("</style>", f"@page {{ size: {size}; }}</style>", 1))
    return sized


@pytest.mark.parametrize(("paper", "size"), [("A4", A4), ("letter", LETTER)])
def test_six_weeks_print_on_two_pages_and_load_nothing(
    page: Path, tmp_path: Path, paper: str, size: tuple[float, float]
) -> None:
    pdf = tmp_path / f"report-{paper}.pdf"
    run = browser.run(_with_paper(page, paper), pdf=pdf)
    assert run.requests == []
    width, height = browser.page_size(pdf)
    assert abs(width - size[0]) < 2 and abs(height - size[1]) < 2
    assert browser.pdf_pages(pdf) == 2


def test_screenshots_on_a_desktop_and_a_phone_load_nothing(page: Path, tmp_path: Path) -> None:
    for name, width in (("desktop", 900), ("phone", 390)):
        png = tmp_path / f"report-{name}.png"
        run = browser.run(page, png=png, width=width, height=1600)
        assert run.requests == []
        data = png.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        assert int.from_bytes(data[16:20], "big") == width  # IHDR width


def test_the_request_check_would_catch_a_page_that_loads_something(tmp_path: Path) -> None:
    """The control: a page with an external image is caught, so an empty list means none."""
    leaky = tmp_path / "leaky.html"
    leaky.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head>'
        '<body><img src="http://example.invalid/pixel.png" alt=""></body></html>'
    )
    run = browser.run(leaky, pdf=tmp_path / "leaky.pdf")
    assert run.requests == ["http://example.invalid/pixel.png"]


def test_the_reports_content_policy_blocks_a_smuggled_request(page: Path, tmp_path: Path) -> None:
    """Even markup that got past escaping could not load anything: the page's own policy
    forbids every request."""
    smuggled = tmp_path / "smuggled.html"
    smuggled.write_text(
        page.read_text().replace(
            "</body>", '<img src="http://example.invalid/pixel.png" alt=""></body>', 1
        )
    )
    run = browser.run(smuggled, pdf=tmp_path / "smuggled.pdf")
    assert run.requests == []
