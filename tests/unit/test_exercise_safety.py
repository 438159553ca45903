"""Every exercise page carries the stop rules, and the precautions it names (issue 10)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backskills.domain import catalogue
from tests.conftest import Run

ROOT = Path(__file__).resolve().parents[2] / "content"
SLUGS = sorted(path.stem for path in (ROOT / "exercises").glob("*.md"))

# Which pages need which precaution, written out here (issue 10): lying on the back or front
# and balance work in pregnancy; deep hip bending, knee-to-chest and knee rolling after a hip
# replacement; loaded bending and weighted squats with osteoporosis.
EXPECTED = {
    "knee-hugging": ("hip-replacement", "pregnancy"),
    "knee-rolling": ("hip-replacement", "pregnancy"),
    "wall-squat": ("hip-replacement",),
    "squat-with-weight": ("hip-replacement", "osteoporosis"),
    "kneeling-to-standing": ("hip-replacement",),
    "bridge": ("pregnancy",),
    "back-arching": ("pregnancy",),
    "balance": ("pregnancy",),
    "weighted-carry": ("osteoporosis",),
}


def test_the_stop_rules_say_what_the_issue_asks() -> None:
    rules = " ".join(catalogue.exercise_safety().stop_rules.split()).lower()
    for words in (
        "chest pain",
        "out of breath",
        "races, pounds or flutters",
        "faint",
        "new numbness or weakness",
        "999",
        "sharp pain in a joint that does not ease",
        "ask a physiotherapist",
        "long-standing back pain",
        "backskills redflags",
    ):
        assert words in rules, words


@pytest.mark.parametrize("slug", SLUGS)
def test_every_exercise_page_ends_with_the_stop_rules(slug: str) -> None:
    item = catalogue.exercise(slug)
    headings = [s.heading for s in item.sections]
    assert headings[-1] == catalogue.STOP_RULES
    assert item.section(catalogue.STOP_RULES) == catalogue.exercise_safety().stop_rules
    # One source of truth: the rules are not copied into the page's own file.
    source = (ROOT / "exercises" / f"{slug}.md").read_text("utf-8")
    assert catalogue.STOP_RULES not in source


@pytest.mark.parametrize("slug", SLUGS)
def test_precautions_where_they_apply_and_nowhere_else(slug: str) -> None:
    item = catalogue.exercise(slug)
    assert item.precautions == EXPECTED.get(slug, ())
    care = item.section(catalogue.TAKE_CARE)
    safety = catalogue.exercise_safety()
    for key in catalogue.PRECAUTIONS:
        assert (safety.precautions[key] in care) is (key in item.precautions)


def test_precaution_texts_name_the_limits() -> None:
    texts = catalogue.exercise_safety().precautions
    assert (
        "surgeon" in texts["hip-replacement"] and "knee to your chest" in texts["hip-replacement"]
    )
    assert "midwife" in texts["pregnancy"] and "16 weeks" in texts["pregnancy"]
    assert "squat with a weight" in texts["osteoporosis"] and "ask" in texts["osteoporosis"]


def test_an_unknown_precaution_or_a_missing_section_is_a_content_error() -> None:
    source = (ROOT / "exercises" / "bridge.md").read_text("utf-8")
    broken = source.replace("  - pregnancy", "  - skiing")
    with pytest.raises(catalogue.ContentError, match="unknown precaution"):
        catalogue.parse_exercise("bridge", broken)
    shared = (ROOT / "shared" / "exercise-safety.md").read_text("utf-8")
    with pytest.raises(catalogue.ContentError, match="osteoporosis"):
        catalogue.parse_exercise_safety(shared.replace("## osteoporosis", "## bones"))


@pytest.mark.parametrize("slug", ["knee-hugging", "arm-reach", "weighted-carry"])
def test_show_prints_the_stop_rules_and_json_carries_them(cli: Run, slug: str) -> None:
    shown = cli("exercises", "show", slug, "--no-pager", env={"COLUMNS": "40", "NO_COLOR": "1"})
    assert shown.exit_code == 0, shown.stderr
    text = " ".join(shown.stdout.split())
    assert "When to stop" in text and "chest pain" in text and "call 999" in text
    assert all(len(line) <= 40 for line in shown.stdout.splitlines())
    document = json.loads(cli("exercises", "show", slug, "--json").stdout)
    assert document["when_to_stop"] == catalogue.exercise_safety().stop_rules
    assert document["precautions"] == list(EXPECTED.get(slug, ()))
    assert ("If you have osteoporosis" in document["take_care"]) is (slug == "weighted-carry")
