"""The content catalogue: front matter parser, lookups, search and default units."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backskills.domain import catalogue
from backskills.domain.catalogue import ContentError, split_front_matter
from backskills.errors import NotFound

TOPIC = """---
title: A test leaflet
summary: One line about it.
related: []
sources:
  - Some source
reviewed: 2026-11-21
---

## First

Words.

## Second

More words.
"""


def test_front_matter_scalars_lists_and_empty_lists() -> None:
    meta, body = split_front_matter(TOPIC)
    assert meta == {
        "title": "A test leaflet",
        "summary": "One line about it.",
        "related": [],
        "sources": ["Some source"],
        "reviewed": "2026-11-21",
    }
    assert body.startswith("## First")
    assert "---" not in body


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("title: x\n---\n", "does not start"),
        ("---\ntitle: x\n", "no closing"),
        ("---\n  - stray\n---\n", "without a 'key:'"),
        ("---\ntitle x\n---\n", "line 2"),
        ("---\ntitle: a\ntitle: b\n---\n", "twice"),
    ],
)
def test_front_matter_refuses_what_it_does_not_understand(source: str, problem: str) -> None:
    with pytest.raises(ContentError) as caught:
        split_front_matter(source, "topics/x.md")
    assert problem in caught.value.message
    assert "topics/x.md" in caught.value.message
    assert caught.value.exit_code == 4


_TEXT = (
    st.text(
        alphabet=st.characters(whitelist_categories=("L", "N"), whitelist_characters=" .,'()-"),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(lambda s: s and s != "[]" and not s.startswith("-"))
)
_KEYS = st.from_regex(r"[a-z][a-z_]{0,9}", fullmatch=True)


@given(st.dictionaries(_KEYS, st.one_of(_TEXT, st.lists(_TEXT, max_size=4)), max_size=6))
def test_front_matter_round_trip(meta: dict[str, str | list[str]]) -> None:
    lines = ["---"]
    for key, value in meta.items():
        if isinstance(value, str):
            lines.append(f"{key}: {value}")
        elif not value:
            lines.append(f"{key}: []")
        else:
            lines.append(f"{key}:")
            lines.extend(f"  - {item}" for item in value)
    lines += ["---", "", "## Body", "", "text"]
    parsed, body = split_front_matter("\n".join(lines))
    assert parsed == meta
    assert body == "## Body\n\ntext\n"


def test_topic_metadata_is_checked() -> None:
    with pytest.raises(ContentError, match="summary"):
        catalogue.parse_topic("x", TOPIC.replace("One line about it.", "x" * 101))
    with pytest.raises(ContentError, match="reviewed"):
        catalogue.parse_topic("x", TOPIC.replace("2026-11-21", "21/11/2026"))
    with pytest.raises(ContentError, match="sources"):
        catalogue.parse_topic("x", TOPIC.replace("sources:\n  - Some source", "sources: []"))
    with pytest.raises(ContentError, match="colour"):
        catalogue.parse_topic("x", TOPIC.replace("related: []", "related: []\ncolour: red"))
    with pytest.raises(ContentError, match="'# ' title"):
        catalogue.parse_topic("x", TOPIC.replace("## First", "# First"))
    topic = catalogue.parse_topic("x", TOPIC)
    assert [s.heading for s in topic.sections] == ["First", "Second"]
    assert topic.sections[1].text == "More words."


def test_sections_ignore_headings_inside_code_fences() -> None:
    found = catalogue.sections("## One\n\n```\n## not a heading\n```\n\n## Two\n\nx\n")
    assert [s.heading for s in found] == ["One", "Two"]
    assert "## not a heading" in found[0].text


def test_topics_are_on_their_shelves_in_the_class_order() -> None:
    slugs = [t.slug for t in catalogue.topics()]
    assert slugs == list(catalogue.TOPIC_ORDER), "every topic file is on exactly one shelf"
    assert len(set(catalogue.TOPIC_ORDER)) == len(catalogue.TOPIC_ORDER)
    assert slugs[0] == "programme"
    labels = [label for label, _ in catalogue.grouped_topics()]
    assert labels == ["Your back", "Moving", "Everyday life", "Feelings", "Medicines",
                      "Getting help"]  # fmt: skip
    assert catalogue.topic("medicines").group == "Medicines"
    assert catalogue.topic("redflags").group == "Getting help"


def test_a_topic_on_no_shelf_comes_last_under_other() -> None:
    loose = catalogue.parse_topic("zz-new", TOPIC)
    assert loose.group == catalogue.OTHER_GROUP


def test_aliases_are_optional_and_normalised() -> None:
    assert catalogue.parse_topic("x", TOPIC).aliases == ()
    aliased = catalogue.parse_topic(
        "x", TOPIC.replace("related: []", "related: []\naliases:\n  - Old Name")
    )
    assert aliased.aliases == ("old-name",)


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("knee-rolling", "reps"),
        ("Knee Rolling", "reps"),
        ("  wall squat with a BALL ", "reps"),
        ("balance", "seconds"),
        ("Treadmill_walking", "minutes"),
        ("walking", None),
        ("", None),
    ],
)
def test_default_unit_matches_slug_or_title(name: str, unit: str | None) -> None:
    assert catalogue.default_unit(name) == unit


def test_default_unit_agrees_with_every_exercise_file() -> None:
    for item in catalogue.exercises():
        assert catalogue.default_unit(item.slug) == item.unit
        assert catalogue.default_unit(item.title.upper()) == item.unit


def test_unknown_names_suggest_the_closest() -> None:
    with pytest.raises(NotFound) as caught:
        catalogue.topic("pacng")
    assert "pacing" in (caught.value.hint or "")
    with pytest.raises(NotFound) as caught:
        catalogue.exercise("brige")
    assert "bridge" in (caught.value.hint or "")
    assert catalogue.closest("flare", [("flareups", "Coping with flare-ups")]) == ["flareups"]
    assert catalogue.closest("zzzz", [("pain", "How pain works")]) == []


def test_search_needs_every_word_and_ranks_titles_first() -> None:
    hits = catalogue.search("sleep")
    assert hits[0].topic.slug == "sleep"
    assert all("sleep" in (h.topic.markdown + h.topic.title).casefold() for h in hits)
    assert "sleep" in hits[0].excerpt.casefold()
    both = {h.topic.slug for h in catalogue.search("sleep medicines")}
    assert both <= {h.topic.slug for h in hits}
    assert catalogue.search("xylophone") == []
    assert catalogue.search("  ") == []


def test_content_root_is_the_repository_content_in_a_checkout() -> None:
    root = catalogue.content_root()
    assert (root / "topics" / "pain.md").is_file()
    assert (root / "exercises" / "bridge.md").is_file()
