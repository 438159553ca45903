"""`learn redflags` matches the code's triage table: one source of truth (issue 10)."""

from __future__ import annotations

import pytest

from backskills.domain import catalogue, redflags

# Each tier's section in the leaflet, found by the start of its heading.
SECTIONS = {
    "emergency": "Emergency:",
    "urgent": "Urgent:",
    "see_professional": "Get it checked:",
    "routine": "Routine:",
}


def _first_list(text: str) -> list[str]:
    """The items of the first bulleted list in a section, one item per line."""
    items: list[str] = []
    for line in text.splitlines():
        if line.startswith("- "):
            items.append(line[2:].strip())
        elif items:
            break
    return items


def _section(heading_start: str) -> str:
    leaflet = catalogue.topic("redflags")
    (found,) = [s for s in leaflet.sections if s.heading.startswith(heading_start)]
    return found.text


@pytest.mark.parametrize(("outcome", "heading"), SECTIONS.items())
def test_each_tier_lists_exactly_the_signs_of_that_tier(outcome: str, heading: str) -> None:
    expected = [s.label for s in redflags.signs_by_outcome(outcome)]  # type: ignore[arg-type]
    assert _first_list(_section(heading)) == expected


def test_the_tiers_come_most_serious_first_and_every_sign_is_listed_once() -> None:
    headings = [s.heading for s in catalogue.topic("redflags").sections]
    positions = [
        next(i for i, h in enumerate(headings) if h.startswith(start))
        for start in SECTIONS.values()
    ]
    assert positions == sorted(positions)
    listed = [item for h in SECTIONS.values() for item in _first_list(_section(h))]
    assert sorted(listed) == sorted(s.label for s in redflags.SIGNS)


def test_the_combinations_and_services_are_in_the_leaflet() -> None:
    emergency = " ".join(_section("Emergency:").split())
    assert "had cancer" in emergency and "nerve sign" in emergency and "999" in emergency
    urgent = " ".join(_section("Urgent:").split())
    assert "thin bones" in urgent and "health history" in urgent
    assert "acute oncology" in urgent and "NHS 111" in urgent and "NHS 24" in urgent
    routine = " ".join(_section("Routine:").split())
    assert "Samaritans on 116 123" in routine and "do not stop your programme" in routine
    sources = " ".join(catalogue.topic("redflags").sources)
    assert "NICE guideline NG59" in sources and "NICE guideline NG234" in sources
    assert "nhs.uk" in sources


@pytest.mark.parametrize(("outcome", "heading"), SECTIONS.items())
def test_where_a_tier_names_nhs_111_it_names_nhs_24_for_scotland(
    outcome: str, heading: str
) -> None:
    # The code's advice names both wherever it names 111; the leaflet says the same.
    text = " ".join(_section(heading).split())
    advice = " ".join(redflags.ADVICE[outcome])  # type: ignore[index]
    assert ("NHS 111" in text) <= ("NHS 24" in text), text
    assert ("NHS 111" in advice) <= ("NHS 24" in advice), advice
