"""One "felt" vocabulary for baseline days and pacing spells."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.journey import as_json, flat, ok, refused
from tests.conftest import Run


@pytest.mark.parametrize(
    ("said", "stored"),
    [
        ("easy", "easy"),
        ("too-little", "easy"),
        ("Too little", "easy"),
        ("light", "easy"),
        ("ok", "ok"),
        ("OK", "ok"),
        ("fine", "ok"),
        ("okay", "ok"),
        ("just right", "ok"),
        ("hard", "hard"),
        ("too_much", "hard"),
        ("too hard", "hard"),
        ("difficult", "hard"),
    ],
)
def test_baseline_log_takes_every_word(cli: Run, said: str, stored: str) -> None:
    doc = as_json(cli, 0, "baseline", "log", "walking", "10", "--felt", said)
    assert doc["days"][0]["felt"] == stored


@pytest.mark.parametrize(
    ("said", "stored"),
    [
        ("too-little", "too-little"),
        ("easy", "too-little"),
        ("not enough", "too-little"),
        ("ok", "ok"),
        ("fine", "ok"),
        ("too-much", "too-much"),
        ("hard", "too-much"),
        ("Too Long", "too-much"),
    ],
)
def test_pace_log_takes_every_word(cli: Run, said: str, stored: str) -> None:
    ok(cli, 0, "pace", "add", "ironing", "--tolerance", "20")
    doc = as_json(cli, 0, "pace", "log", "ironing", "15", "--felt", said)
    assert doc["felt"] == stored


def test_the_two_commands_agree_on_what_a_word_means(cli: Run) -> None:
    # "easy" on a baseline day suggests a little more; on a spell it means a longer one.
    ok(cli, 0, "pace", "add", "ironing", "--tolerance", "20")
    ok(cli, 0, "pace", "log", "ironing", "15", "--felt", "easy")
    day = flat(ok(cli, 0, "baseline", "log", "walking", "10", "--felt", "too-little").stdout)
    assert "felt easy, so a little more" in day


@pytest.mark.parametrize(
    "command", [("baseline", "log", "walking", "10"), ("pace", "log", "ironing", "15")]
)
def test_an_unknown_word_lists_the_valid_ones(
    cli: Run, data_dir: Path, command: tuple[str, ...]
) -> None:
    ok(cli, 0, "pace", "add", "ironing", "--tolerance", "20")
    result = refused(cli, data_dir, 2, 0, *command, "--felt", "meh")
    message = flat(result.stderr)
    assert "--felt: 'meh' is not a word for how it felt" in message
    assert "easy, ok, hard, too-little, too-much" in message
