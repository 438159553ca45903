"""`backskills redflags`: the check, its refusals, history, assessments and rendering."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from backskills.domain import redflags
from tests.cli.safety_helpers import (  # noqa: F401 (autouse fixtures)
    TODAY,
    fixed_day,
    flat,
    fresh_consoles,
    journal_bytes,
    pretend_terminal,
    stored,
)
from tests.conftest import Run
from tests.unit.test_redflags import ALONE, CES, EMERGENCY, EVERY, HISTORY, NEURO, expected


@pytest.mark.parametrize("sign_id", EVERY)
def test_every_id_is_accepted_and_stored(cli: Run, data_dir: Path, sign_id: str) -> None:
    result = cli("redflags", "--present", sign_id, "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["outcome"] == expected({sign_id})
    where = "history" if sign_id in HISTORY else "present"
    assert document[where] == [sign_id]
    (check,) = stored(data_dir)["redflag_checks"]
    assert check.pop("id") == "k1" and check.pop("entered_by_mistake") is None
    assert check == {
        "checked_on": TODAY,
        "outcome": expected({sign_id}),
        "present": document["present"],
        "history": document["history"],
        "rules": 2,
    }
    assert document["gates_exercise"] is (ALONE[sign_id] in GATES)
    assert document["signs"] == [{"id": sign_id, "label": redflags.sign(sign_id).label}]


GATES = {"emergency", "urgent", "see_professional"}


def test_json_shape_and_repeatable_present(cli: Run) -> None:
    result = cli("redflags", "-p", "osteoporosis", "--present", "trauma", "-p", "TRAUMA", "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert set(document) == {
        "checked_on",
        "outcome",
        "gates_exercise",
        "present",
        "history",
        "signs",
        "advice",
    }
    assert document["checked_on"] == TODAY
    assert document["outcome"] == "urgent"
    assert document["present"] == ["trauma"] and document["history"] == ["osteoporosis"]
    assert document["advice"].startswith("URGENT:")
    assert document["advice"].endswith(redflags.SAFETY_NET)
    # Not clear: the advice is also on stderr, never hidden by --json.
    assert "URGENT:" in result.stderr and "NHS 111" in flat(result.stderr)


def test_none_is_clear_and_stored(cli: Run, data_dir: Path) -> None:
    result = cli("redflags", "--none")
    assert result.exit_code == 0, result.stderr
    assert "CLEAR:" in result.stdout
    assert redflags.SAFETY_NET in flat(result.stdout)
    assert stored(data_dir)["redflag_checks"] == [
        {
            "id": "k1",
            "checked_on": TODAY,
            "outcome": "clear",
            "present": [],
            "history": [],
            "entered_by_mistake": None,
            "rules": 2,
        }
    ]
    document = json.loads(cli("redflags", "--none", "--json").stdout)
    assert document["outcome"] == "clear" and document["present"] == []


def test_history_only_is_routine_with_a_note_to_mention_it(cli: Run) -> None:
    result = cli("redflags", "--present", "osteoporosis")
    assert result.exit_code == 0
    text = flat(result.stdout)
    assert text.startswith("ROUTINE:") and "does not stop your programme" in text
    assert "Tell your GP or physiotherapist about your history (osteoporosis" in text


def test_cancer_history_alone_is_never_clear(cli: Run) -> None:
    result = cli("redflags", "--present", "cancer_history")
    assert result.exit_code == 0
    text = flat(result.stdout)
    assert text.startswith("GET IT CHECKED:") and "CLEAR" not in text
    assert "cancer team" in text


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--no-input"],
        ["--present", "trauma", "--none"],
        ["--present", "back_ache"],
        ["--present", "trauma", "--present", ""],
    ],
)
def test_refusals_are_exit_2_and_leave_the_journal_alone(
    cli: Run, data_dir: Path, args: list[str]
) -> None:
    cli("redflags", "--present", "lumps")
    before = journal_bytes(data_dir)
    result = cli("redflags", *args)
    assert result.exit_code == 2, result.stdout
    assert result.stderr.startswith("Error: ")
    assert journal_bytes(data_dir) == before


def test_refusal_creates_no_journal(cli: Run, data_dir: Path) -> None:
    assert cli("redflags").exit_code == 2
    assert cli("redflags", "--present", "nope", "--json").exit_code == 2
    assert journal_bytes(data_dir) is None


def test_unknown_id_lists_every_valid_id(cli: Run) -> None:
    result = cli("redflags", "--present", "back_ache")
    assert result.exit_code == 2
    text = flat(result.stderr).replace(" ", "")
    assert "'back_ache'" in text
    for sign_id in EVERY:
        assert sign_id in text


def test_list_prints_every_id_with_its_question(cli: Run, data_dir: Path) -> None:
    result = cli("redflags", "--list")
    assert result.exit_code == 0
    text = flat(result.stdout)
    for sign in redflags.SIGNS:
        assert f"{sign.id}: {sign.question}" in text
    assert text.index("ces_bladder_bowel") < text.index("trauma") < text.index("cancer_history")
    assert text.index("major_trauma") < text.index("lumps") < text.index("not_coping")
    listed = json.loads(cli("redflags", "--list", "--json").stdout)
    assert [item["id"] for item in listed] == list(redflags.ALL_IDS)
    assert {item["id"]: item["alone"] for item in listed} == ALONE
    assert set(listed[0]) == {"id", "group", "alone", "label", "question"}
    assert journal_bytes(data_dir) is None


def test_every_check_is_stored_and_listed_in_history(cli: Run) -> None:
    empty = cli("redflags", "history")
    assert empty.exit_code == 0 and "No red-flag checks" in empty.stdout
    assert json.loads(cli("redflags", "history", "--json").stdout) == []
    cli("redflags", "--present", "trauma")
    cli("redflags", "--none")
    cli("redflags", "--present", "foot_drop", "--present", "alcohol_dependence")
    cli("redflags", "--present", "not_improving")
    result = cli("redflags", "history", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [(r["number"], r["outcome"]) for r in rows] == [
        (1, "see_professional"),
        (2, "clear"),
        (3, "urgent"),
        (4, "routine"),
    ]
    assert rows[2]["present"] == ["foot_drop"] and rows[2]["history"] == ["alcohol_dependence"]
    assert rows[2]["assessed"] is None
    assert rows[2]["advice"] == redflags.HEADLINES["urgent"]
    human = flat(cli("redflags", "history", env={"COLUMNS": "100"}).stdout)
    # Signs in words, never IDs; each with its outcome and the advice of its tier.
    assert "foot_drop" not in human and "not_improving" not in human
    assert redflags.sign("foot_drop").label in human
    assert redflags.sign("not_improving").label in human
    for outcome in ("see_professional", "clear", "urgent", "routine"):
        assert redflags.HEADLINES[outcome] in human  # type: ignore[index]
    assert "4. " + TODAY + ": routine" in human


def test_history_reads_whole_words_at_40_columns(cli: Run) -> None:
    cli("redflags", "--present", "night_sweats", "--present", "alcohol_dependence")
    cli("redflags", "--present", "lumps")
    cli("redflags", "assessed", "--note", "GP: fine")
    result = cli("redflags", "history", env={"COLUMNS": "40", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 40
    assert lines[0] == f"1. {TODAY}: urgent"
    assert "   - night sweats" in lines and "   - alcohol dependence" in lines
    assert f"2. {TODAY}: urgent" in lines
    assert f"Assessed on {TODAY}: GP: fine" in flat(result.stdout)
    words = set(flat(result.stdout).split())
    for line in redflags.HEADLINES.values():
        if line.startswith("URGENT"):
            assert set(line.split()) <= words
    recorded = cli("redflags", "--present", "trauma")
    assert recorded.exit_code == 0
    assessed = cli("redflags", "assessed")
    assert "(get it checked)" in assessed.stdout


def test_assessed_records_the_index_of_the_latest_check(cli: Run, data_dir: Path) -> None:
    cli("redflags", "--none")
    cli("redflags", "--present", "lumps")
    result = cli("redflags", "assessed", "--note", "[bold]GP[/] said fine :pill:", "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document == {
        "assessed_on": TODAY,
        "check": 1,
        "checked_on": TODAY,
        "outcome": "urgent",
        "note": "[bold]GP[/] said fine :pill:",
    }
    assert stored(data_dir)["assessments"] == [
        {"date": TODAY, "check": 1, "note": "[bold]GP[/] said fine :pill:"}
    ]
    rows = json.loads(cli("redflags", "history", "--json").stdout)
    assert rows[1]["assessed"] == {"date": TODAY, "note": "[bold]GP[/] said fine :pill:"}


def test_assessed_prints_user_text_literally(cli: Run) -> None:
    cli("redflags", "--present", "lumps")
    result = cli("redflags", "assessed", "--note", "[bold]x[/] :pill: [/]")
    assert result.exit_code == 0, result.stderr
    assert "[bold]x[/] :pill: [/]" in result.stdout


@pytest.mark.parametrize(
    ("setup", "args", "code"),
    [
        ([], [], 1),  # no check yet
        (["--none"], [], 1),  # latest is clear
        (["--present", "lumps"], ["--date", "2026-02-27"], 2),  # before the check
        (["--present", "lumps"], ["--date", "2026-03-09"], 2),  # in the future
        (["--present", "lumps"], ["--note", "x" * 2001], 2),
        (["--present", "lumps"], ["--date", "soon"], 2),
    ],
)
def test_assessed_refusals_leave_the_journal_alone(
    cli: Run, data_dir: Path, setup: list[str], args: list[str], code: int
) -> None:
    if setup:
        assert cli("redflags", *setup).exit_code == 0
    before = journal_bytes(data_dir)
    result = cli("redflags", "assessed", *args)
    assert result.exit_code == code, result.stdout
    assert result.stderr.startswith("Error: ")
    assert journal_bytes(data_dir) == before


def test_assessed_twice_is_refused(cli: Run, data_dir: Path) -> None:
    cli("redflags", "--present", "lumps")
    assert cli("redflags", "assessed").exit_code == 0
    before = journal_bytes(data_dir)
    again = cli("redflags", "assessed")
    assert again.exit_code == 1 and "already recorded" in again.stderr
    assert journal_bytes(data_dir) == before


def _gate(data_dir: Path) -> str | None:
    from backskills.domain.safety import exercise_block_reason
    from backskills.store import Store

    return exercise_block_reason(Store(data_dir).load())


def test_gate_follows_checks_and_assessments(cli: Run, data_dir: Path) -> None:
    cli("redflags", "--present", "trauma")
    reason = _gate(data_dir)
    assert reason is not None and "2026-03-01" in reason
    cli("redflags", "assessed")
    assert _gate(data_dir) is None
    cli("redflags", "--present", "night_pain")
    assert _gate(data_dir) is not None
    cli("redflags", "--none")
    assert _gate(data_dir) is None


# --- the questionnaire on a terminal ------------------------------------------------------


@pytest.fixture
def tty(monkeypatch: pytest.MonkeyPatch) -> None:
    pretend_terminal(monkeypatch, "backskills.cli.redflags")


def test_questionnaire_all_no_is_clear_and_asks_emergency_signs_first(
    cli: Run, data_dir: Path, tty: None
) -> None:
    result = cli("redflags", input="n\n" * len(EVERY))
    assert result.exit_code == 0, result.stderr
    text = flat(result.stdout)
    positions = [text.index(sign.question) for sign in redflags.SIGNS]
    assert positions == sorted(positions), "questions are asked in table order"
    emergency = [text.index(redflags.sign(i).question) for i in EMERGENCY]
    assert max(emergency) < min(
        text.index(s.question) for s in redflags.SIGNS if s.id not in EMERGENCY
    )
    total = len(EVERY)
    for number, sign in enumerate(redflags.SIGNS, start=1):
        assert f"Question {number} of {total}: {sign.question}" in text
    assert "CLEAR:" in text
    assert stored(data_dir)["redflag_checks"][0]["outcome"] == "clear"


@pytest.mark.parametrize("columns", ["24", "40", "57", "80"])
def test_questions_wrap_at_word_boundaries_at_any_width(cli: Run, tty: None, columns: str) -> None:
    result = cli("redflags", input="n\n" * len(EVERY), env={"COLUMNS": columns, "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    for line in lines:
        if "Yes or no?" not in line:  # the prompt line also carries the echo of the answer
            assert len(line) <= int(columns), line
    # A word cut at the edge of the screen would leave two fragments, and the question
    # would no longer be found once line breaks become spaces.
    text = flat(result.stdout)
    for sign in redflags.SIGNS:
        assert sign.question in text, (columns, sign.id)
    question_lines = [line for line in lines if line and not line.startswith("Yes or no?")]
    for line in question_lines:
        assert not line.endswith("-"), "no hyphenated breaks"


def test_questionnaire_stops_at_the_first_emergency_yes(
    cli: Run, data_dir: Path, tty: None
) -> None:
    answers = ["n", "n", "y"]  # the third emergency question
    result = cli("redflags", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.stderr
    text = flat(result.stdout)
    assert "EMERGENCY:" in text and "A&E" in text and "999" in text
    assert redflags.sign("trauma").question not in text, "no more questions after a yes"
    check = stored(data_dir)["redflag_checks"][0]
    assert check["outcome"] == "emergency" and check["present"] == [CES[2]]


def test_questionnaire_collects_signs_and_history(cli: Run, data_dir: Path, tty: None) -> None:
    answers = {"trauma": "y", "steroids_long_term": "y"}
    result = cli("redflags", input="".join(answers.get(i, "n") + "\n" for i in redflags.ALL_IDS))
    assert result.exit_code == 0, result.stderr
    assert "URGENT:" in result.stdout and "broken bone" in flat(result.stdout)
    check = stored(data_dir)["redflag_checks"][0]
    assert check["present"] == ["trauma"] and check["history"] == ["steroids_long_term"]


def test_questionnaire_cancer_then_nerve_sign_is_an_emergency(
    cli: Run, data_dir: Path, tty: None
) -> None:
    answers = {"foot_drop": "y", "cancer_history": "y"}
    result = cli("redflags", input="".join(answers.get(i, "n") + "\n" for i in redflags.ALL_IDS))
    assert result.exit_code == 0, result.stderr
    assert flat(result.stdout).split("Yes or no?")[-1].count("EMERGENCY:") == 1
    assert stored(data_dir)["redflag_checks"][0]["outcome"] == "emergency"


def test_flags_win_over_the_questionnaire(cli: Run, tty: None) -> None:
    result = cli("redflags", "--present", NEURO[0])
    assert result.exit_code == 0
    assert "?" not in result.stdout.split("URGENT:")[0]


def test_no_input_refuses_even_on_a_terminal(cli: Run, data_dir: Path, tty: None) -> None:
    result = cli("redflags", "--no-input")
    assert result.exit_code == 2
    assert journal_bytes(data_dir) is None


# --- advice reads right without colour and on a narrow screen -----------------------------


@pytest.mark.parametrize(
    ("args", "outcome"),
    [
        (["--present", "ces_bladder_bowel"], "emergency"),
        (["--present", "chest_pain"], "emergency"),
        (["--present", "major_trauma"], "emergency"),
        (["--present", "cancer_history", "--present", "limbs_weak_numb"], "emergency"),
        (["--present", "coordination"], "urgent"),
        (["--present", "cancer_history", "--present", "upper_back"], "urgent"),
        (["--present", "trauma", "--present", "osteoporosis"], "urgent"),
        (["--present", "trauma"], "see_professional"),
        (["--present", "not_coping"], "routine"),
        (["--none"], "clear"),
    ],
)
def test_advice_in_full_with_no_color_at_40_columns(
    cli: Run, args: list[str], outcome: str
) -> None:
    result = cli("redflags", *args, env={"COLUMNS": "40", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 40, "wrapped to the screen, not cut"
    text = flat(result.stdout)
    document = json.loads(cli("redflags", *args, "--json").stdout)
    assert document["outcome"] == outcome
    for sentence in document["advice"].splitlines():
        assert sentence in text, sentence
    for sentence in redflags.ADVICE[outcome]:  # type: ignore[index]
        assert sentence in text
    assert redflags.SAFETY_NET in text
    assert text.startswith(redflags.ADVICE[outcome][0])  # type: ignore[index]


def test_emergency_and_urgent_sentences_at_40_columns(cli: Run) -> None:
    narrow = {"COLUMNS": "40", "NO_COLOR": "1"}
    text = flat(cli("redflags", "--present", "ces_both_legs", env=narrow).stdout)
    assert "EMERGENCY: call 999 or go to A&E now. (112 also works.)" in text
    assert re.search(r"Do not wait for a GP appointment", text)
    text = flat(cli("redflags", "-p", "cancer_history", "-p", "night_pain", env=narrow).stdout)
    assert "If the practice is closed, call NHS 111. In Scotland, call NHS 24 on 111." in text
    assert "acute oncology" in text
    text = flat(cli("redflags", "-p", "not_coping", env=narrow).stdout)
    assert "Samaritans on 116 123 (free, any time)" in text
