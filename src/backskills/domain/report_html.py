"""The report as one self-contained HTML file: inline CSS, inline SVG, no script.

Nothing in the page can reach the network: there is no external URL at all, and a
Content-Security-Policy forbids every request but the page's own inline styles and data.
Every text that came from the patient (names, goals, notes, questions) goes through ``e``
(HTML escaping), so ``<script>`` in a goal is shown as text. The layout prints on A4 and
US Letter (sections never split across pages), reads in black and white, and reflows on a
phone.
"""

from __future__ import annotations

from html import escape

from backskills.domain import report_svg as svg
from backskills.domain.history import Window
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

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'"

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial,
  sans-serif; color: #000; background: #fff; margin: 0 auto; padding: 1rem;
  max-width: 52rem; line-height: 1.35; font-size: 15px; }
h1 { font-size: 1.45rem; margin: 0 0 .2rem; }
h2 { font-size: 1.1rem; margin: 1rem 0 .35rem; border-bottom: 1.5px solid #000;
  padding-bottom: .1rem; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1rem; margin: .6rem 0 .25rem; break-after: avoid; page-break-after: avoid; }
p, ul, ol { margin: .25rem 0; }
ul, ol { padding-left: 1.3rem; }
.meta { color: #333; font-size: .85em; }
section, article, figure, .box, .alert, table { break-inside: avoid; page-break-inside: avoid; }
.box { border: 2px solid #000; padding: .4rem .7rem; margin: .6rem 0; }
.box h2 { border: 0; margin-top: .1rem; }
.alert { border: 3px solid #000; padding: .4rem .7rem; margin: .6rem 0; background: #eee; }
.alert h2 { border: 0; margin-top: .1rem; }
.alert strong { text-transform: uppercase; }
figure { margin: .3rem 0; }
svg.chart { width: 100%; max-width: 40rem; height: auto; display: block; font-size: 10px;
  font-family: inherit; }
svg.chart text { fill: #000; }
svg.chart text.unit { font-style: italic; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: .3rem 0; font-size: .85em; }
th, td { border: 1px solid #999; padding: .1rem .35rem; text-align: left; vertical-align: top; }
th { background: #eee; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.out { color: #777; }
td.met { font-weight: 700; }
.facts td, .facts th { text-align: center; }
.muted { color: #444; }
footer { margin-top: 1rem; border-top: 1.5px solid #000; padding-top: .3rem;
  font-size: .8em; color: #222; }
@media (max-width: 36rem) {
  body { padding: .5rem; font-size: 14px; }
  table { font-size: .85em; }
  th, td { padding: .05rem .2rem; }
}
@page { margin: 11mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 8.6pt; line-height: 1.25; }
  h1 { font-size: 13pt; }
  h2 { font-size: 10.5pt; margin: .45rem 0 .2rem; }
  h3 { font-size: 9.5pt; margin: .3rem 0 .15rem; }
  table { font-size: 7.6pt; margin: .15rem 0; }
  th, td { padding: .05rem .25rem; }
  .box, .alert { padding: .2rem .5rem; margin: .3rem 0; }
  .pair { display: grid; grid-template-columns: minmax(0, 1fr) auto; column-gap: 3mm;
    align-items: start; }
  .pair figure { margin: 0; }
  .pair table { margin: 0; }
  .scroll { overflow: visible; }
  footer { font-size: 6.8pt; }
  svg.chart { max-width: none; }
}
"""


def e(value: object) -> str:
    """Escape any text for HTML (element content and quoted attributes)."""
    return escape(str(value), quote=True)


def _ul(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>" if items else ""


def _table(table: Table, numeric: set[int] | None = None, cls: str = "") -> str:
    """A table of plain text cells (every one escaped here)."""
    head, rows = table
    numeric = numeric or set()
    attr = f' class="{cls}"' if cls else ""

    def cell(tag: str, n: int, text: str) -> str:
        kind = " class=n" if n in numeric else ""
        scope = ' scope="col"' if tag == "th" else ""
        return f"<{tag}{kind}{scope}>{e(text)}</{tag}>"

    out = [f'<div class="scroll"><table{attr}><thead><tr>']
    out += [cell("th", n, h) for n, h in enumerate(head)]
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>" + "".join(cell("td", n, c) for n, c in enumerate(row)) + "</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def _section(title: str, body: str) -> str:
    return f"<section><h2>{e(title)}</h2>{body}</section>"


def _p(*lines: str) -> str:
    return "".join(f"<p>{e(line)}</p>" for line in lines)


# -- sections --------------------------------------------------------------------------
def _header(report: Report) -> str:
    who = f"{report.name}: " if report.name else ""
    return (
        "<header><h1>Back pain self-management report</h1>"
        f"<p><strong>{e(who + report.period)}</strong></p>"
        f'<p class="meta">{e(report.made_line())}</p></header>'
    )


def _alerts(report: Report) -> str:
    if not report.alerts:
        return ""
    items = [f"<strong>{e(a.words)}</strong> {e(a.sentence())}" for a in report.alerts]
    return (
        '<section class="alert" role="alert" aria-label="Red-flag checks that were not clear">'
        "<h2>Red-flag check: not clear</h2>" + _ul(items) + "</section>"
    )


def _summary(report: Report) -> str:
    praise = report.summary.praise[:3]
    return (
        '<section class="box" aria-label="Summary"><h2>Summary: what changed</h2>'
        + _ul([e(line) for line in report.changes])
        + (f'<p class="muted">{e("What went well: " + " ".join(praise))}</p>' if praise else "")
        + "</section>"
    )


def _activity(item: ActivityReport, index: int, window: Window) -> str:
    h = item.history
    chart = svg.activity_chart(
        f"a{index}",
        f"{h.activity}: daily amount against the level",
        h.unit,
        window.first,
        window.last,
        [svg.Bar(p.date, p.amount, p.met) for p in h.chart.days],
        [svg.Level(s.first, s.last, s.level) for s in h.chart.steps],
        [svg.Span(s.first, s.last) for s in h.chart.flareups],
    )
    return (
        f'<article class="activity"><h3>{e(h.activity)} '
        f'<span class="muted">({e(h.unit)})</span></h3>'
        + _table(facts_table(item, window), cls="facts")
        + f'<div class="pair"><figure>{chart}</figure>'
        + _table(day_table(item, window), numeric=set(range(1, 11)))
        + "</div></article>"
    )


def _activities(report: Report) -> str:
    if not report.activities:
        return _section("Activities", _p("No activity plans or records in this period."))
    return _section(
        "Activities",
        f'<p class="meta">{e(LEGEND)}</p>'
        + "".join(_activity(item, n, report.window) for n, item in enumerate(report.activities)),
    )


def _pain(report: Report) -> str:
    pain = report.pain
    if not pain.days:
        return _section("Pain", _p("No pain scores recorded in this period."))
    chart = svg.pain_chart(
        "pain",
        "Pain scores (0-10) with weekly means",
        report.window.first,
        report.window.last,
        [svg.Point(d.date, d.mean) for d in pain.days],
        [svg.Level(w.first, w.last, w.mean) for w in pain.weeks if w.mean is not None],
        [svg.Span(s.first, s.last) for s in pain.flareups],
    )
    return _section(
        "Pain",
        _p(*report.pain_lines())
        + f'<div class="pair"><figure>{chart}</figure>'
        + _table(pain_table(report), numeric=set(range(1, 10)))
        + "</div>",
    )


def _checkins(report: Report) -> str:
    if report.checkins is None:
        return _section("Outcome check-ins", _p(NO_CHECKINS.get(report.checkins_done, "")))
    head, rows, notes = checkin_rows(report)
    return _section("Outcome check-ins", _table((head, rows), {1, 2, 3}) + _p(*notes))


def _goals(report: Report) -> str:
    achieved, active = goal_texts(report)
    done = [f"{e(title)}: achieved on <strong>{e(day)}</strong>" for title, day in achieved]
    going = [f"{e(title)}: {e(where)}" for title, where in active]
    return _section(
        "Goals",
        "<h3>Achieved in this period</h3>"
        + (_ul(done) or _p("None yet."))
        + "<h3>Active</h3>"
        + (_ul(going) or _p("No active goals.")),
    )


def _flareups(report: Report) -> str:
    if not report.flareups:
        return _section("Flare-ups", _p("No flare-ups in this period."))
    return _section("Flare-ups", _table(flareup_table(report), {2, 3}))


def _checks(report: Report) -> str:
    if not report.summary.checks:
        return _section("Red-flag checks", _p("No red-flag check in this period."))
    return _section("Red-flag checks", _table(check_table(report)))


def _questions(report: Report) -> str:
    title = "My questions for the appointment"
    if not report.questions:
        return _section(
            title, _p("No questions noted ('backskills report --question \"...\"' adds one).")
        )
    return _section(
        title, "<ol>" + "".join(f"<li>{e(q.text)}</li>" for q in report.questions) + "</ol>"
    )


def _footer(report: Report) -> str:
    return (
        f"<footer><p><strong>About this report.</strong> {e(ABOUT)}</p>"
        + _p(*report.method)
        + "</footer>"
    )


def render(report: Report) -> str:
    """The whole page."""
    title = "Back pain report" + (f": {report.name}" if report.name else "")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{e(CSP)}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="backskills">'
        f"<title>{e(title)}, {e(report.window.first.isoformat())} to "
        f"{e(report.window.last.isoformat())}</title>"
        f"<style>{CSS}</style></head><body>\n"
        + _header(report)
        + _alerts(report)
        + _summary(report)
        + _activities(report)
        + _pain(report)
        + _checkins(report)
        + _goals(report)
        + _flareups(report)
        + _checks(report)
        + _section("Pacing and relaxation", _p(*practice_lines(report)))
        + _questions(report)
        + _footer(report)
        + "\n</body></html>\n"
    )
