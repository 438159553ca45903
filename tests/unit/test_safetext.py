"""The one list of unsafe characters, checked against Unicode itself."""

from __future__ import annotations

import json
import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from backskills import safetext


def test_every_control_format_and_separator_character_is_unsafe() -> None:
    missing = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in ("Cc", "Cf", "Zl", "Zp")
        and chr(code) not in "\t\n\u200d"
        and not safetext.is_unsafe(chr(code))
    ]
    assert missing == []


def test_ordinary_text_is_safe() -> None:
    for text in ["Walking 10 minutes", "café ☕ naïve", "👩‍⚕️", "línea\tdos\nthree", "العربية"]:
        assert safetext.scrub(text) == text
        assert safetext.escape_json(json.dumps(text, ensure_ascii=False)) == json.dumps(
            text, ensure_ascii=False
        )


@given(st.text())
def test_json_escapes_keep_the_data_and_no_unsafe_character(text: str) -> None:
    for ascii_only in (False, True):
        dumped = safetext.escape_json(json.dumps(text, ensure_ascii=False), ascii_only)
        assert json.loads(dumped) == text
        assert not any(safetext.is_unsafe(ch) for ch in dumped if ch not in "\r")
        if ascii_only:
            assert dumped.isascii()


@given(st.text())
def test_scrub_leaves_nothing_unsafe(text: str) -> None:
    assert not any(safetext.is_unsafe(ch) for ch in safetext.scrub(text))


def test_stream_guard_keeps_our_colours_only() -> None:
    styled = "\x1b[1mbold\x1b[0m \x1b[2J\x07\u202e"
    assert safetext.scrub_output(styled) == "\x1b[1mbold\x1b[0m [2J"
    live = "\r\x1b[2K\x1b[1Aline\x85"
    assert safetext.scrub_output(live, keep_controls=True) == "\r\x1b[2K\x1b[1Aline"


def test_csv_cells() -> None:
    assert safetext.csv_cell("=1+1") == "'=1+1"
    assert safetext.csv_cell("\t=1") == "'\t=1"
    assert safetext.csv_cell("\r=1") == "'\r=1"
    assert safetext.csv_cell("ok\x1b[2J\u202e") == "ok[2J"
    assert safetext.csv_cell("two\r\nlines") == "two\r\nlines"
    assert safetext.csv_cell(5.0) == 5.0
