"""Every leaflet and exercise page is easy to read: Flesch Reading Ease of 60 or more.

The method (what counts as a word, a sentence and a syllable) is written down in
tests/readability.py; these tests check the method itself, then every page.
"""

from __future__ import annotations

import pytest

from backskills.domain import catalogue
from tests.readability import MINIMUM, prose, reading, syllables

# Syllables as a dictionary gives them (British pronunciation), in words the leaflets use.
KNOWN = {
    "back": 1, "pain": 1, "scan": 1, "myths": 1, "walked": 1, "makes": 1, "make": 1,
    "free": 1, "fit": 1, "note": 1, "you": 1, "your": 1, "yes": 1, "stretch": 1,
    "walking": 2, "tummy": 2, "yoga": 2, "gentle": 2, "started": 2, "changes": 2,
    "issues": 2, "people": 2, "doctor": 2, "driving": 2, "travel": 2, "because": 2,
    "little": 2, "going": 2, "lying": 2, "being": 2, "nation": 2, "muscle": 2,
    "sleepy": 2, "nerve": 1, "relax": 2, "settled": 2, "careful": 2, "manager": 3,
    "exercise": 3, "medicine": 3, "hospital": 3, "serious": 3, "physio": 3, "idea": 3,
    "area": 3, "tablets": 2, "kidney": 2, "stomach": 2, "pharmacist": 3, "activity": 4,
    "ibuprofen": 4, "relationships": 4, "physiotherapy": 6, "paracetamol": 5,
    "anti-inflammatory": 7, "gabapentinoids": 5, "antidepressants": 5, "sciatica": 4,
    "everyday": 3, "quiet": 2, "science": 2, "create": 2, "therapies": 3,
}  # fmt: skip


def test_the_syllable_counter_agrees_with_a_dictionary() -> None:
    wrong = {w: (syllables(w), n) for w, n in KNOWN.items() if syllables(w) != n}
    assert all(abs(got - n) == 1 for got, n in wrong.values()), wrong
    assert len(wrong) <= len(KNOWN) // 8, wrong  # at least 7 words in 8 exactly right


def test_numbers_and_hyphenated_words() -> None:
    assert syllables("999") == 2 and syllables("116") == 2
    assert syllables("flare-up") == syllables("flare") + syllables("up") == 2
    assert syllables("don't") == 1


def test_what_counts_as_a_sentence() -> None:
    markdown = (
        "## A heading\n\n"
        "One sentence here, e.g. a short one. Another one!\n"
        "Is this a third?\n\n"
        "You might notice:\n\n"
        "- a list item\n"
        '- **another** item, with `backskills pain 4 --note "x y z"` in it\n'
    )
    assert prose(markdown) == [
        "A heading.",
        "One sentence here, eg a short one.",
        "Another one!",
        "Is this a third?",
        "You might notice.",
        "a list item.",
        "another item, with it in it.",
    ]


def test_the_score_follows_the_flesch_formula() -> None:
    easy = reading("## Sit\n\nThe cat sat on the mat.\n")
    assert (easy.sentences, easy.words, easy.syllables) == (2, 7, 7)
    assert easy.score == pytest.approx(206.835 - 1.015 * 7 / 2 - 84.6 * 1)


def test_a_hard_page_fails_the_bar() -> None:
    """The bar is real: dense clinical prose scores far below it."""
    hard = reading(
        "## Pharmacological management\n\n"
        "Consider non-steroidal anti-inflammatory medication for symptomatic management, "
        "taking into account potential differences in gastrointestinal, hepatic and "
        "cardio-renal toxicity, and the individual's comorbidities and concomitant medication.\n"
    )
    assert hard.score < MINIMUM - 40
    assert hard.longest[0].startswith("Consider")


def _pages() -> list[tuple[str, str]]:
    pages = [(f"topics/{t.slug}", t.markdown) for t in catalogue.topics()]
    pages += [(f"exercises/{e.slug}", e.markdown) for e in catalogue.exercises()]
    return pages


@pytest.mark.parametrize(("name", "markdown"), _pages(), ids=[n for n, _ in _pages()])
def test_every_page_is_plain_english(name: str, markdown: str) -> None:
    found = reading(markdown)
    longest = "\n  ".join(found.longest)
    assert found.score >= MINIMUM, (
        f"{name}: Flesch Reading Ease {found.score:.1f} (needs {MINIMUM:.0f}); "
        f"{found.words / found.sentences:.1f} words a sentence, "
        f"{found.syllables / found.words:.2f} syllables a word. Longest sentences:\n  {longest}"
    )
