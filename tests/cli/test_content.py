"""Every leaflet and exercise file: metadata, sections, rendering, and every link it makes."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

import backskills
from backskills.cli.registry import COMMANDS
from backskills.domain import catalogue
from tests.conftest import Run

CONTENT = catalogue.content_root()
SOURCE = Path(backskills.__file__).parent
TOPIC_FILES = sorted((CONTENT / "topics").glob("*.md"))
EXERCISE_FILES = sorted((CONTENT / "exercises").glob("*.md"))

REQUIRED_TOPICS = {
    "programme", "pain", "exercise", "inactivity", "fluctuations", "pacing", "goals",
    "baseline", "progression", "thoughts", "avoidance", "relaxation", "worry", "distraction",
    "sleep", "medicines", "flareups", "goodspells", "redflags", "physiotherapy", "keep-going",
    "work", "scans-and-myths", "mood-and-help", "sciatica", "sex-and-relationships",
    "driving-and-travel", "how-long",
}  # fmt: skip
REQUIRED_EXERCISES = {
    "knee-rolling", "knee-hugging", "bridge", "arm-reach", "leg-reach", "back-arching",
    "kneeling-to-standing", "sit-to-stand", "band-pull-and-turn", "band-pull-down",
    "band-side-lift", "stair-step-ups", "step-ups-arm-raise", "biceps-curl", "shoulder-press",
    "exercise-bike", "wall-squat", "squat-with-weight", "weighted-carry", "balance",
    "treadmill-walking",
}  # fmt: skip
# Commands other issues are adding; once merged they are in COMMANDS and checked for real.
PLANNED: set[str] = set()  # every command a leaflet names is registered
LEARN_LINK = re.compile(r"backskills learn ([a-z][a-z-]*)")
MORE_CALL = re.compile(r"""\bmore\(\s*["']([^"']+)["']""")
COMMAND_IN_TEXT = re.compile(r"`backskills ([a-z][a-z-]*)")


def test_every_required_file_is_there() -> None:
    assert {p.stem for p in TOPIC_FILES} == REQUIRED_TOPICS
    assert {p.stem for p in EXERCISE_FILES} >= REQUIRED_EXERCISES
    assert len(catalogue.topics()) == len(TOPIC_FILES)
    assert len(catalogue.exercises()) == len(EXERCISE_FILES)


@pytest.mark.parametrize("path", TOPIC_FILES, ids=lambda p: p.stem)
def test_topic_file(path: Path, cli: Run) -> None:
    topic = catalogue.parse_topic(path.stem, path.read_text(encoding="utf-8"))
    assert topic.title and "\n" not in topic.summary and len(topic.summary) <= 100
    assert topic.sources and all(s.strip() for s in topic.sources)
    assert topic.reviewed <= date(2026, 12, 31)
    assert len(topic.sections) >= 3, "a leaflet has at least three sections"
    for section in topic.sections:
        assert section.heading, f"{path.name}: a heading without words"
        assert section.text.strip(), f"{path.name}: section '{section.heading}' is empty"
    before_first = topic.markdown.split("## ", 1)[0]
    assert not before_first.strip(), f"{path.name}: text before the first section"
    assert len(topic.markdown.split()) >= 250, f"{path.name}: too short to be a real leaflet"

    result = cli("learn", path.stem)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert topic.title in result.stdout
    for section in topic.sections:
        assert section.heading in result.stdout


@pytest.mark.parametrize("path", EXERCISE_FILES, ids=lambda p: p.stem)
def test_exercise_file(path: Path, cli: Run) -> None:
    item = catalogue.parse_exercise(path.stem, path.read_text(encoding="utf-8"))
    assert [s.heading for s in item.sections] == list(catalogue.EXERCISE_SECTIONS)
    for section in item.sections:
        assert section.text.strip(), f"{path.name}: section '{section.heading}' is empty"
    assert item.areas and set(item.areas) <= set(catalogue.AREAS)
    assert item.unit in ("reps", "seconds", "minutes")
    assert item.position and item.sources
    safety = item.section("Safety").casefold()
    assert "stop" in safety or "redflags" in safety, f"{path.name}: safety says when to stop"

    result = cli("exercises", "show", path.stem)
    assert result.exit_code == 0, result.stderr
    assert item.title in result.stdout
    for heading in catalogue.EXERCISE_SECTIONS:
        assert heading in result.stdout


def _content_texts() -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in TOPIC_FILES + EXERCISE_FILES]


def test_every_leaflet_named_anywhere_exists() -> None:
    slugs = {t.slug for t in catalogue.topics()}
    named: list[tuple[str, str]] = []
    for path in SOURCE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        named += [(str(path.relative_to(SOURCE)), s) for s in MORE_CALL.findall(source)]
        named += [(str(path.relative_to(SOURCE)), s) for s in LEARN_LINK.findall(source)]
    for name, source in _content_texts():
        named += [(name, s) for s in LEARN_LINK.findall(source)]
    assert any(where.startswith("cli") for where, _ in named), "the scan found nothing in cli/"
    missing = [(where, slug) for where, slug in named if slug not in slugs]
    assert missing == []


def test_every_related_command_exists_or_is_planned(cli: Run) -> None:
    slugs = {t.slug for t in catalogue.topics()}
    for topic in catalogue.topics():
        for entry in topic.related:
            words = entry.split()
            assert words[0] == "backskills" and len(words) >= 2, f"{topic.slug}: '{entry}'"
            if words[1] == "learn":
                assert len(words) == 3 and words[2] in slugs, f"{topic.slug}: '{entry}'"
                continue
            assert words[1] in COMMANDS or words[1] in PLANNED, f"{topic.slug}: '{entry}'"
            if words[1] in COMMANDS:
                result = cli(*words[1:], "--help")
                assert result.exit_code == 0, f"{topic.slug}: '{entry}' is not a command"
    for name, source in _content_texts():
        for command in COMMAND_IN_TEXT.findall(source):
            assert command in COMMANDS or command in PLANNED, f"{name}: backskills {command}"


def _content_commands() -> list[tuple[str, str]]:
    found = []
    for name, source in _content_texts():
        found += [(name, c) for c in re.findall(r"`(backskills [^`]+)`", source)]
    return found


@pytest.mark.parametrize(("name", "example"), _content_commands(), ids=lambda v: str(v))
def test_every_command_a_leaflet_shows_is_real(name: str, example: str) -> None:
    """`backskills pace task add ...` in a leaflet: each word of the path is a real
    subcommand, and every --option it uses is an option of that command."""
    import importlib
    import shlex

    import typer

    words = shlex.split(example)[1:]
    module = COMMANDS[words[0]][0]
    command = typer.main.get_command(importlib.import_module(f"backskills.cli.{module}").app)
    rest = words[1:]
    while hasattr(command, "commands") and rest and rest[0] in command.commands:
        command = command.commands[rest.pop(0)]
    options = {opt: param for param in command.params for opt in getattr(param, "opts", [])}
    arguments = [p for p in command.params if p.param_type_name == "argument"]
    while rest:
        word = rest.pop(0)
        if word.startswith("-"):
            assert word in options, f"{name}: '{example}' has no option {word}"
            if not options[word].is_flag:
                assert rest, f"{name}: '{example}': {word} needs a value"
                rest.pop(0)
        else:
            assert arguments, f"{name}: '{example}': '{word}' is not a subcommand"


NEXT_HEADING = catalogue.NEXT_STEPS
COMMAND_SPAN = re.compile(r"`backskills [^`]+`")


@pytest.mark.parametrize("path", TOPIC_FILES, ids=lambda p: p.stem)
def test_every_topic_ends_with_what_to_do_next(path: Path) -> None:
    """The last section is a list of next steps, each with a backskills command to type."""
    topic = catalogue.parse_topic(path.stem, path.read_text(encoding="utf-8"))
    last = topic.sections[-1]
    assert last.heading == NEXT_HEADING, f"{path.name} ends with '{last.heading}'"
    lead_in, *items = re.split(r"\n(?=- )", "\n" + last.text)
    assert "`" not in lead_in, f"{path.name}: commands belong in the list"
    assert len(items) >= 2, f"{path.name}: at least two next steps"
    for item in items:
        assert COMMAND_SPAN.search(item), f"{path.name}: '{item}' has no backskills command"


def test_medicines_says_what_nice_says_without_doses_or_brands() -> None:
    leaflet = catalogue.topic("medicines")
    text = " ".join(leaflet.markdown.split())
    assert any("NG59" in source for source in leaflet.sources)
    for point in (
        "lowest dose that works",
        "shortest time",
        "paracetamol **on its own** is not recommended",
        "weak opioid",
        "not** recommended for back pain that has lasted a long time",
        "should **not** be used for low back pain on its own",
        "Never stop one of these medicines without talking to the person who prescribed it",
    ):
        assert point in text, point
    assert not re.search(r"\d\s*(mg|milligram|microgram|tablets? a day|times a day)", text, re.I)
    brands = ("nurofen", "calpol", "panadol", "solpadeine", "lyrica", "neurontin", "voltarol",
              "tramacet", "zapain", "cymbalta", "feminax", "anadin")  # fmt: skip
    assert not [b for b in brands if b in text.casefold()]


def test_mood_and_help_names_the_services_across_the_uk() -> None:
    leaflet = catalogue.topic("mood-and-help")
    first = leaflet.sections[0]
    assert "999" in first.text and "Samaritans on 116 123" in first.text, "crisis help comes first"
    text = " ".join(leaflet.markdown.split())
    for service in ("NHS Talking Therapies", "refer yourself", "NHS 24", "press 2",
                    "Lifeline on 0808 808 8000", "Breathing Space", "GP"):  # fmt: skip
        assert service in text, service


def test_no_topic_promises_that_pain_will_go() -> None:
    promise = re.compile(r"\bwill (settle|pass|go away|get better|disappear)\b", re.I)
    for topic in catalogue.topics():
        assert not promise.search(topic.markdown), topic.slug


# The source documents in ../shared/seeds (by the names their README gives them) ...
SEED_SOURCES = (
    "Back Skills Training programme handbook, Wirral University Teaching Hospital",
    "Attending the Back Rehabilitation Programme, WWL Teaching Hospitals NHS Foundation Trust",
    "Physiotherapy for lower back pain, Bupa (2020)",
    "Low back pain and exercise, personal trainer blog",
    "Lower Back self-help page, NHS board",
)
# ... and the bodies a fact beyond them may come from, named at the start of the line.
AUTHORITIES = re.compile(
    r"^(NICE (guideline NG\d+|quality standard QS\d+)|nhs\.uk|NHS website|NHS inform|NHS 24|"
    r"NHS 111 Wales|"
    r"GOV\.UK|[A-Z][\w ,]* GOV\.UK|The Highway Code|Working safely with display screen "
    r"equipment.*Health and Safety Executive|Health and Care Professions Council|Samaritans|"
    r"Relate|Lifeline|Access to Work, GOV\.UK)"
)
STUDY = re.compile(r"^([a-z]+ )?[A-Z][\w'-]+ [A-Z]{1,3}( and [\w ]+?)?, .+, (19|20)\d\d\b")


def test_every_source_is_a_seed_an_authority_or_a_named_study() -> None:
    for item in (*catalogue.topics(), *catalogue.exercises()):
        for source in item.sources:
            known = (
                source.startswith(SEED_SOURCES) or AUTHORITIES.match(source) or STUDY.match(source)
            )
            assert known, f"{item.slug}: '{source}' names no seed, guideline, service or study"


def test_see_also_leaves_out_what_the_next_steps_already_show(cli: Run) -> None:
    topic = catalogue.topic("mood-and-help")
    assert "backskills learn worry" in topic.related
    assert "backskills learn worry" not in topic.see_also
    assert "backskills learn thoughts" in topic.see_also
    page = cli("learn", "mood-and-help").stdout
    assert page.count("backskills learn worry") == 1
    assert "- backskills learn thoughts" in page
