"""The rendering layer prints user text literally and strips control characters."""

from __future__ import annotations

import pytest

from backskills import render

MARKUP = ["[bold]x[/]", "[/]", ":pill:", "[red]alert", "[link=file:x]y[/link]", "\\[escaped]"]


@pytest.fixture(autouse=True)
def fresh_consoles() -> None:
    render.reset_consoles()


@pytest.mark.parametrize("value", MARKUP)
def test_say_table_error_panel_print_markup_literally(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    render.say("goal: ", (value, "bold"))
    render.table(["name"], [[value]])
    render.panel(value, title=value)
    render.error(value, value)
    render.warn(value)
    render.bullet_list([value])
    captured = capsys.readouterr()
    assert captured.out.count(value) == 5  # say, table, panel body and title, bullet
    assert captured.err.count(value) == 3  # error, hint, warning
    assert "\x1b" not in captured.out + captured.err


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[31mred\x1b[0m", "[31mred[0m"),
        ("title\x1b]0;pwned\x07", "title]0;pwned"),
        ("a\rb\x08c\x00d", "abcd"),
        ("line one\nline two\ttab", "line one\nline two\ttab"),
        ("right\u202eleft", "rightleft"),  # bidi override is a format character
        ("plain", "plain"),
    ],
)
def test_clean_strips_control_characters(raw: str, shown: str) -> None:
    assert render.clean(raw) == shown


def test_clean_user_text_reaches_the_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    render.say("\x1b[2J\x1b[31mcleared?")
    render.info("\x1b]8;;file:x\x07link")
    captured = capsys.readouterr()
    assert "\x1b" not in captured.out + captured.err
    assert "cleared?" in captured.out


def test_emit_json_is_one_document(capsys: pytest.CaptureFixture[str]) -> None:
    import json
    from datetime import date

    render.emit_json({"when": date(2026, 3, 1), "text": "[bold]x[/]"})
    assert json.loads(capsys.readouterr().out) == {"when": "2026-03-01", "text": "[bold]x[/]"}


def test_long_paths_are_never_broken(capsys: pytest.CaptureFixture[str]) -> None:
    path = "/" + "/".join(["folder" * 5] * 6) + "/journal.json"
    render.say(path, wrap=False)
    render.error(f"cannot read {path}")
    captured = capsys.readouterr()
    assert captured.out.strip() == path
    assert captured.err.strip() == f"Error: cannot read {path}"


@pytest.fixture
def narrow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("NO_COLOR", "1")
    render.reset_consoles()


def test_a_table_becomes_a_list_of_whole_words_on_a_narrow_screen(
    narrow: None, capsys: pytest.CaptureFixture[str]
) -> None:
    render.table(
        ["day", "date", "amount", "felt"],
        [(1, "2026-03-01", "10 minutes", "hard"), (2, "2026-03-02", "9 minutes", "[bold]ok[/]")],
    )
    out = capsys.readouterr().out
    assert all(len(line) <= 40 for line in out.splitlines())
    words = out.split()
    assert "minutes;" in words and "day" in words and "[bold]ok[/]" in words
    assert "- day 1: date 2026-03-01;" in out


def test_a_wide_screen_keeps_the_table(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    render.reset_consoles()
    render.table(["activity", "count"], [("walking", 3)])
    out = capsys.readouterr().out
    assert "activity" in out.splitlines()[0] and "walking" in out
