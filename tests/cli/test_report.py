"""``backskills report``: content and its order, escaping, privacy, Markdown, questions."""

from __future__ import annotations

import json
import re
import stat
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests import patient
from tests.cli.journey import refused
from tests.conftest import Run

TODAY = {"BACKSKILLS_TODAY": patient.TODAY.isoformat()}
SECTIONS = [
    "Summary: what changed",
    "Activities",
    "Pain",
    "Outcome check-ins",
    "Goals",
    "Flare-ups",
    "Red-flag checks",
    "Pacing and relaxation",
    "My questions for the appointment",
]
NASTY = '<script>alert(1)</script> & "quotes" | **bold** [link](http://x.invalid)'


def report(cli: Run, *args: str) -> str:
    result = cli("report", *args, env=TODAY)
    assert result.exit_code == 0, result.stderr
    return result.stdout


class _Page(HTMLParser):
    """Tags, attributes and text of a page, to check what a browser would see."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []
        self.headings: list[str] = []
        self._in_heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, name, value) for name, value in attrs]
        if tag == "h2":
            self._in_heading = True
            self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2":
            self._in_heading = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_heading:
            self.headings[-1] += data


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def flat(page: _Page) -> str:
    return " ".join(" ".join(page.text).split())


def test_sections_come_in_the_order_the_review_needs(cli: Run, data_dir: Path) -> None:
    patient.write(data_dir)
    page = parse(report(cli, "--name", "Sam Patel"))
    assert page.headings == SECTIONS
    text = flat(page)
    assert text.index("Sam Patel") < text.index("Summary: what changed")
    assert "2026-03-02 to 2026-04-12 (6 weeks)" in text
    assert text.index("About this report") > text.index("My questions for the appointment")


def test_every_number_beside_its_chart_matches_the_journal(cli: Run, data_dir: Path) -> None:
    patient.write(data_dir)
    document = json.loads(report(cli, "--json"))
    walking = document["activities"][0]
    assert walking["activity"] == "walking"
    assert (walking["baseline_average"], walking["start_level"]) == (10, 8)
    assert (walking["level_now"], walking["target"]) == (10, 15)
    html = report(cli)
    text = flat(parse(html))
    assert "Baseline average Starting level Level now Target Of the way" in text
    assert "10 minutes 8 minutes 10 minutes 15 minutes 29%" in text
    # The daily table: week of 16 Mar, level 9 then 10, Tuesday 17th short (6, not met).
    row = re.search(r"16 Mar (9 → 10) (.*?) (\d/\d) (\d+)", text)
    assert row is not None
    assert row.group(1) == "9 → 10"
    assert row.group(2).split() == ["9", "✓", "6", "9", "✓", "10", "✓", "10", "✓", "10", "✓", "–"]
    assert row.group(3) == "5/7"  # Tuesday short, Sunday not logged
    assert row.group(4) == str(9 + 6 + 9 + 10 * 3)
    # Each chart has a text alternative and a table: two charts, two day grids.
    assert html.count('<svg class="chart"') == 3  # walking, sit to stand, pain
    assert html.count("<title id=") == 3
    # Pain: the weekly means in the table are the ones the chart draws.
    for week in document["pain"]["weeks"]:
        if week["mean"] is not None:
            assert f"{week['mean']:.1f}" in text


def test_summary_box_reads_levels_pain_and_check_ins(cli: Run, data_dir: Path) -> None:
    patient.write(data_dir)
    document = json.loads(report(cli, "--json"))
    changes = " ".join(document["changes"])
    assert "walking: went from 8 minutes to 10 minutes (3 steps up), target 15 minutes" in changes
    assert "Pain: Your average pain was" in changes
    assert "Check-ins: Average pain went from 6 to 4" in changes
    assert document["checkins"]["psfs"]["meaningful"] is True


def test_flareups_goals_checks_and_practice_are_all_there(cli: Run, data_dir: Path) -> None:
    patient.write(data_dir)
    text = flat(parse(report(cli)))
    assert "2026-03-27 2026-04-01 6 7 Lifted a heavy suitcase Heat pack" in text
    assert "Walk to the post office and back: achieved on 2026-04-04" in text
    assert (
        "Walk 15 minutes to the park with my daughter: deadline 2026-05-31; 1 of 2 steps done"
        in text
    )
    assert "2026-03-02 CLEAR" in text
    assert "Pacing: gardening on 6 days (5 within tolerance, 1 over)." in text
    assert "Relaxation: 9 sessions, 90 minutes in all, on 9 days." in text
    assert "1. Can I start swimming?" not in text  # an ordered list: numbers are the browser's
    assert "Can I start swimming?" in text
    assert "entered by the patient" in text


def test_a_red_flag_check_that_is_not_clear_stands_at_the_top(cli: Run, data_dir: Path) -> None:
    path = patient.write(data_dir)
    document = json.loads(path.read_text())
    document["redflag_checks"].append(
        {"checked_on": "2026-04-10", "outcome": "urgent", "present": [], "history": []}
    )
    path.write_text(json.dumps(document))
    page = parse(report(cli))
    text = flat(page)
    assert text.index("Red-flag check: not clear") < text.index("Summary: what changed")
    assert "Red-flag check on 2026-04-10: no professional assessment recorded yet" in text
    assert ("section", "role", "alert") in page.attrs


def test_user_text_is_escaped_everywhere(cli: Run, data_dir: Path) -> None:
    path = patient.write(data_dir, questions=[NASTY])
    document = json.loads(path.read_text())
    document["goals"][1]["title"] = NASTY
    document["flareups"][0]["trigger"] = NASTY
    document["flareups"][0]["helped"] = "</style><img src=x onerror=alert(1)>"
    path.write_text(json.dumps(document))
    html = report(cli, "--name", "<b>Sam</b>")
    page = parse(html)
    assert "script" not in page.tags and "img" not in page.tags and "b" not in page.tags
    assert html.count("</style>") == 1
    assert not [a for a in page.attrs if a[1].startswith("on")]
    text = flat(page)
    assert text.count('<script>alert(1)</script> & "quotes"') == 3  # goal, trigger, question
    assert "<b>Sam</b>" in text
    markdown = report(cli, "--format", "md")
    assert "<script" not in markdown and "<img" not in markdown
    assert '&lt;script>alert(1)&lt;/script> &amp; "quotes" \\| \\*\\*bold\\*\\*' in markdown
    assert "\\[link\\](http://x.invalid)" in markdown


def test_the_page_can_reach_nothing(cli: Run, data_dir: Path) -> None:
    patient.write(data_dir)
    html = report(cli)
    page = parse(html)
    assert not {"script", "link", "img", "iframe", "object", "embed", "base", "form"} & set(
        page.tags
    )
    for tag, name, value in page.attrs:
        if name in ("src", "href", "action", "srcset", "poster", "data"):
            pytest.fail(f"<{tag} {name}={value}>")
        if name == "xmlns":
            assert value == "http://www.w3.org/2000/svg"
    # No URL anywhere but the SVG namespace; CSS only refers to patterns inside the page.
    assert set(re.findall(r"https?://[^\s\"'<>)]+", html)) == {"http://www.w3.org/2000/svg"}
    assert re.findall(r"url\(([^)]*)\)", html) and all(
        u.startswith("#") for u in re.findall(r"url\(([^)]*)\)", html)
    )
    assert "@import" not in html and "@font-face" not in html
    (csp,) = [
        v for t, n, v in page.attrs if t == "meta" and n == "content" and v and "default-src" in v
    ]
    assert "default-src 'none'" in csp and "script-src" not in csp


def test_file_is_private_and_the_command_says_it_holds_health_information(
    cli: Run, data_dir: Path, tmp_path: Path
) -> None:
    patient.write(data_dir)
    target = tmp_path / "report.html"
    result = cli("report", "-o", str(target), env=TODAY)
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "health information" in result.stdout
    assert target.read_text().startswith("<!DOCTYPE html>")
    refused(cli, data_dir, 1, patient.TODAY, "report", "-o", str(target))
    to_stdout = cli("report", "--format", "md", env=TODAY)
    assert to_stdout.stdout.startswith("# Back pain self-management report")
    assert "health information" in to_stdout.stderr


def test_markdown_has_the_same_content_as_tables(cli: Run, data_dir: Path) -> None:
    patient.write(data_dir)
    markdown = report(cli, "--format", "md")
    headings = re.findall(r"^## (.+)$", markdown, re.MULTILINE)
    assert headings == SECTIONS
    assert "| Week of | Level | Mon | Tue | Wed | Thu | Fri | Sat | Sun | Met | Total |" in markdown
    assert "| 16 Mar | 9 → 10 | 9 ✓ | 6 | 9 ✓ | 10 ✓ | 10 ✓ | 10 ✓ | – | 5/7 | 54 |" in markdown
    assert "| 2026-03-27 | 2026-04-01 | 6 | 7 | Lifted a heavy suitcase |" in markdown
    assert "1. Can I start swimming?" in markdown
    # Every table row has as many cells as its header.
    for block in re.findall(r"((?:^\|.*\|\n)+)", markdown, re.MULTILINE):
        widths = {row.count(" | ") for row in block.splitlines() if not row.startswith("|-")}
        assert len(widths) == 1, block


def test_questions_are_added_listed_removed_and_cleared(cli: Run, data_dir: Path) -> None:
    patient.write(data_dir, questions=[])
    added = cli(
        "report", "--question", "Can I start swimming?", "--question", "Driving?", env=TODAY
    )
    assert added.exit_code == 0, added.stderr
    assert "Noted question 1: Can I start swimming?" in added.stdout
    assert "<!DOCTYPE" not in added.stdout  # adding a question writes no report
    listed = json.loads(cli("report", "questions", "--json", env=TODAY).stdout)
    assert [q["text"] for q in listed["questions"]] == ["Can I start swimming?", "Driving?"]
    assert "Driving?" in flat(parse(report(cli)))
    removed = cli("report", "questions", "--remove", "1", env=TODAY)
    assert "Removed question 1: Can I start swimming?" in removed.stdout
    refused(cli, data_dir, 1, patient.TODAY, "report", "questions", "--remove", "1")
    cleared = cli("report", "questions", "--clear", "--json", env=TODAY)
    assert json.loads(cleared.stdout) == {
        "removed": [{"number": 2, "text": "Driving?", "added": patient.TODAY.isoformat()}],
        "questions": [],
    }
    assert "No questions noted" in cli("report", "questions", env=TODAY).stdout


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--format", "pdf"), "--format"),
        (("--weeks", "0"), "--weeks"),
        (("--from", "2026-04-10", "--to", "2026-04-01"), "--from"),
        (("--from", "2026-05-01"), "--from"),
        (("--weeks", "2", "--from", "2026-04-01"), "--weeks"),
        (("--question", ""), "--question"),
        (("--question", "x" * 501), "--question"),
        (("--name", "a\x1bb"), "--name"),
    ],
)
def test_bad_options_are_one_clear_error(
    cli: Run, data_dir: Path, args: tuple[str, ...], named: str
) -> None:
    patient.write(data_dir)
    result = refused(cli, data_dir, 2, patient.TODAY, "report", *args)
    assert named in result.stderr


def test_from_and_to_choose_the_period(cli: Run, data_dir: Path) -> None:
    patient.write(data_dir)
    document = json.loads(report(cli, "--from", "2026-03-16", "--to", "2026-03-29", "--json"))
    assert (document["window"]["from"], document["window"]["to"]) == ("2026-03-16", "2026-03-29")
    walking = document["activities"][0]
    assert walking["level_now"] == 9  # on the last day of the period, during the flare-up
    assert [w["week_start"] for w in walking["weeks"]] == ["2026-03-16", "2026-03-23"]


def test_an_empty_journal_still_makes_a_short_honest_report(cli: Run) -> None:
    text = flat(parse(report(cli)))
    assert "No activity plans or records in this period." in text
    assert "No pain scores recorded in this period." in text


def test_only_report_and_calendar_load_their_heavy_code(data_dir: Path) -> None:
    """Start-up matters: other commands never import the report, SVG or iCalendar code."""
    import os
    import subprocess
    import sys

    heavy = (
        "backskills.domain.report_html",
        "backskills.domain.report_svg",
        "backskills.domain.report_md",
        "icalendar",
    )
    code = (
        "import sys\n"
        "from backskills.cli.main import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        f"print('LOADED:' + ','.join(m for m in {heavy!r} if m in sys.modules))\n"
    )

    def loaded(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "BACKSKILLS_DATA_DIR": str(data_dir)},
        )
        return done.stdout.strip().splitlines()[-1].removeprefix("LOADED:")

    assert loaded("today") == ""
    assert loaded("report", "questions") == ""
    assert "backskills.domain.report_md" in loaded("report", "--format", "md")
    assert "icalendar" in loaded("calendar", "--json")


def test_a_check_entered_by_mistake_raises_no_alert(cli: Run, data_dir: Path) -> None:
    path = patient.write(data_dir)
    document = json.loads(path.read_text())
    document["redflag_checks"].append(
        {
            "checked_on": "2026-04-10",
            "outcome": "urgent",
            "present": [],
            "history": [],
            "entered_by_mistake": "2026-04-11",
        }
    )
    path.write_text(json.dumps(document))
    text = flat(parse(report(cli)))
    assert "Red-flag check: not clear" not in text
    assert "(entered by mistake)" in text


def test_on_a_terminal_an_html_report_is_saved_to_a_file_not_printed(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.cli.test_goals import on_a_real_terminal

    patient.write(data_dir)
    monkeypatch.chdir(tmp_path)  # the child writes into the folder it runs in
    monkeypatch.setenv("BACKSKILLS_TODAY", patient.TODAY.isoformat())
    code, out = on_a_real_terminal(["report"], [])
    assert code == 0, out
    saved = tmp_path / f"backskills-report-{patient.TODAY.isoformat()}.html"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert saved.read_text().startswith("<!DOCTYPE html>")
    assert "<!DOCTYPE" not in out and f"Report written: {saved.name}" in out
    assert "health information" in out
    # Markdown on a terminal is printed: it is meant to be read and copied.
    code, out = on_a_real_terminal(["report", "--format", "md"], [])
    assert code == 0 and "# Back pain self-management report" in out
