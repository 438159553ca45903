"""The report as Markdown: the same content as the HTML, charts as tables.

For pasting into an email or a message. Every text that came from the patient goes
through ``md`` first: Markdown punctuation and HTML's ``<``/``>``/``&`` are escaped with a
backslash or an entity, so a goal called ``<script>`` or ``**bold**`` reads as typed and
a ``|`` never breaks a table.
"""

from __future__ import annotations

import re

from backskills.domain.report import (
    ABOUT,
    LEGEND,
    NO_CHECKINS,
    ActivityReport,
    Report,
    Table,
    check_table,
    checkin_rows,
    day_table,
    facts_table,
    flareup_table,
    goal_texts,
    pain_table,
    practice_lines,
)

_INLINE = re.compile(r"([\\`*_\[\]|~])")
_BLOCK_START = re.compile(r"^([#>+-])")
_NUMBERED = re.compile(r"^(\d+)([.)])")


def md(value: object, *, line_start: bool = True) -> str:
    """Escape patient text for Markdown, on one line (line breaks become spaces).

    ``&`` and ``<`` become entities (no HTML tag can form); the characters that make
    emphasis, code, links or table cells get a backslash; so does a heading, quote or list
    marker at the start.
    """
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = _INLINE.sub(r"\\\1", text)
    if not line_start:  # inside a table cell: no line can start there
        return text
    text = _BLOCK_START.sub(r"\\\1", text)
    return _NUMBERED.sub(r"\1\\\2", text)


def _table(table: Table) -> list[str]:
    head, rows = table
    lines = [
        "| " + " | ".join(md(h, line_start=False) for h in head) + " |",
        "|" + "|".join("---" for _ in head) + "|",
    ]
    lines += [
        "| " + " | ".join(md(cell, line_start=False) or " " for cell in row) + " |" for row in rows
    ]
    return [*lines, ""]


def _activity(item: ActivityReport, report: Report) -> list[str]:
    h = item.history
    return [
        f"### {md(h.activity)} ({md(h.unit)})",
        "",
        *_table(facts_table(item, report.window)),
        f"Daily amounts ({md(h.unit)}):",
        "",
        *_table(day_table(item, report.window)),
    ]


def render(report: Report) -> str:
    who = f"{report.name}: " if report.name else ""
    out: list[str] = ["# Back pain self-management report", ""]
    out += [f"**{md(who + report.period)}**", "", md(report.made_line()), ""]
    if report.alerts:
        out += ["## Red-flag check: not clear", ""]
        out += [f"- **{md(a.words)}** {md(a.sentence())}" for a in report.alerts]
        out.append("")
    out += ["## Summary: what changed", ""]
    out += [f"- {md(line)}" for line in report.changes]
    if report.summary.praise:
        out += ["", md("What went well: " + " ".join(report.summary.praise[:3]))]
    out += ["", "## Activities", ""]
    if report.activities:
        out += [md(LEGEND), ""]
    else:
        out += ["No activity plans or records in this period.", ""]
    for item in report.activities:
        out += _activity(item, report)
    out += ["## Pain", ""]
    if report.pain.days:
        out += [md(line) + "  " for line in report.pain_lines()]
        out += ["", *_table(pain_table(report))]
    else:
        out += ["No pain scores recorded in this period.", ""]
    out += ["## Outcome check-ins", ""]
    if report.checkins is None:
        out += [md(NO_CHECKINS.get(report.checkins_done, "")), ""]
    else:
        head, rows, notes = checkin_rows(report)
        out += _table((head, rows))
        for line in notes:
            out += [md(line), ""]
    achieved, active = goal_texts(report)
    out += ["## Goals", "", "Achieved in this period:", ""]
    out += [f"- {md(title)}: achieved on {md(day)}" for title, day in achieved] or ["- none yet"]
    out += ["", "Active:", ""]
    out += [f"- {md(title)}: {md(where)}" for title, where in active] or ["- no active goals"]
    out += ["", "## Flare-ups", ""]
    if report.flareups:
        out += _table(flareup_table(report))
    else:
        out += ["No flare-ups in this period.", ""]
    out += ["## Red-flag checks", ""]
    if report.summary.checks:
        out += _table(check_table(report))
    else:
        out += ["No red-flag check in this period.", ""]
    out += ["## Pacing and relaxation", ""]
    for line in practice_lines(report):
        out += [md(line), ""]
    out += ["## My questions for the appointment", ""]
    if report.questions:
        out += [f"{n}. {md(q.text)}" for n, q in enumerate(report.questions, start=1)]
    else:
        out.append("No questions noted.")
    out += ["", "---", "", "**About this report.** " + md(ABOUT), ""]
    for line in report.method:
        out += [md(line), ""]
    return "\n".join(out).rstrip("\n") + "\n"
