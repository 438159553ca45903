"""The leaflet and exercise library shipped with backskills.

The content is Markdown with a small front matter (see the content format notes): one file
per topic in ``content/topics/`` and one per exercise in ``content/exercises/``.

Where it lives:
- an installed wheel puts it in ``backskills/content/`` next to this module (pyproject's
  hatch ``force-include``);
- a source checkout or an editable install reads the repository's top-level ``content/``.

This module reads those packaged, read-only files (never the journal) and returns plain
frozen result types (``@plain``), so ``backskills learn`` lists topics without importing pydantic.
A damaged or missing content file is a bug in the package, not the patient's doing: it raises
``ContentError`` (exit 4).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal, cast, get_args

from backskills.domain.validate import printable
from backskills.errors import EXIT_INTERNAL, BackskillsError, NotFound
from backskills.plain import plain, replace

Area = Literal["mobility", "strength", "balance", "aerobic"]
Level = Literal["easy", "medium", "hard"]
Unit = Literal["reps", "seconds", "minutes"]
AREAS: tuple[Area, ...] = get_args(Area)
LEVELS: tuple[Level, ...] = get_args(Level)
UNITS: tuple[Unit, ...] = get_args(Unit)

SUMMARY_MAX = 100
EXERCISE_SECTIONS = ("How to do it", "Easy", "Medium", "Hard", "Safety")
# Shared by every exercise page (content/shared/exercise-safety.md): the stop rules on
# each page, and the precautions a page names in its front matter.
PRECAUTIONS = ("hip-replacement", "pregnancy", "osteoporosis")
STOP_RULES = "When to stop"
TAKE_CARE = "Take extra care"

# The shelves `backskills learn` lists the topics on, in order; within a shelf, the order a
# patient meets the topics in the class. Every topic file is on exactly one shelf (a test
# checks); a file on none would follow at the end, A-Z.
TOPIC_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Your back",
        (
            "programme",
            "pain",
            "how-long",
            "scans-and-myths",
            "sciatica",
            "fluctuations",
            "flareups",
            "goodspells",
        ),
    ),
    ("Moving", ("exercise", "inactivity", "goals", "baseline", "progression", "keep-going")),
    (
        "Everyday life",
        ("pacing", "work", "sleep", "driving-and-travel", "sex-and-relationships"),
    ),
    (
        "Feelings",
        ("thoughts", "avoidance", "relaxation", "worry", "distraction", "mood-and-help"),
    ),
    ("Medicines", ("medicines",)),
    ("Getting help", ("redflags", "physiotherapy")),
)
TOPIC_ORDER = tuple(slug for _, slugs in TOPIC_GROUPS for slug in slugs)
OTHER_GROUP = "Other"
NEXT_STEPS = "What to do next"  # the last section of every topic

_FRONT_KEY = re.compile(r"^([a-z][a-z_]*):(?:[ \t]+(.*?))?[ \t]*$")
_FRONT_ITEM = re.compile(r"^[ \t]+-[ \t]+(.+?)[ \t]*$")
_WORD = re.compile(r"[\w'-]+")

FrontMatter = dict[str, str | list[str]]


class ContentError(BackskillsError):
    """A content file is missing or does not follow the format (a packaging bug, exit 4)."""

    exit_code = EXIT_INTERNAL

    def __init__(self, message: str) -> None:
        super().__init__(
            message, "Please report this; reinstalling backskills may bring the files back."
        )


# -- models ----------------------------------------------------------------------------


@plain(frozen=True)
class Section:
    heading: str
    text: str


@plain(frozen=True)
class Entry:
    """What every content file has: its name, its metadata and its Markdown body."""

    slug: str
    title: str
    summary: str
    sources: tuple[str, ...]
    reviewed: date
    markdown: str

    @property
    def sections(self) -> list[Section]:
        return sections(self.markdown)

    def section(self, heading: str) -> str:
        for part in self.sections:
            if part.heading == heading:
                return part.text
        return ""


@plain(frozen=True)
class Topic(Entry):
    related: tuple[str, ...]
    aliases: tuple[str, ...] = ()  # old names that still find it (medication -> medicines)

    @property
    def see_also(self) -> tuple[str, ...]:
        """The related commands and leaflets that "What to do next" does not already show."""
        shown = self.section(NEXT_STEPS)
        return tuple(item for item in self.related if f"`{item}" not in shown)

    @property
    def group(self) -> str:
        for label, slugs in TOPIC_GROUPS:
            if self.slug in slugs:
                return label
        return OTHER_GROUP


@plain(frozen=True)
class Exercise(Entry):
    areas: tuple[Area, ...]
    equipment: tuple[str, ...]
    unit: Unit
    position: str
    precautions: tuple[str, ...] = ()  # keys of PRECAUTIONS that apply to this exercise

    def option(self, level: Level) -> str:
        """The easy, medium or hard option, as written in the file."""
        return self.section(level.capitalize())


@plain(frozen=True)
class SearchHit:
    topic: Topic
    score: int
    excerpt: str


# -- finding the files -----------------------------------------------------------------


def content_root() -> Path:
    """The folder holding ``topics/`` and ``exercises/``."""
    package = Path(__file__).resolve().parent.parent  # backskills/, above domain/
    for candidate in (package / "content", package.parent.parent / "content"):
        if (candidate / "topics").is_dir():
            return candidate
    raise ContentError("backskills cannot find its leaflets (the content folder is missing).")


# -- the front matter parser -------------------------------------------------------------


def split_front_matter(source: str, name: str = "content") -> tuple[FrontMatter, str]:
    """Split ``---`` front matter from the Markdown body.

    The front matter is a strict subset of YAML: ``key: value`` lines, ``key: []`` for an
    empty list, and ``key:`` followed by indented ``- item`` lines. Anything else is refused
    with the file name and line number.
    """
    lines = source.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ContentError(f"{name}: the file does not start with '---'.")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise ContentError(f"{name}: the front matter has no closing '---'.") from None
    meta: FrontMatter = {}
    current: list[str] | None = None
    for number, line in enumerate(lines[1:end], start=2):
        if not line.strip():
            current = None
            continue
        item = _FRONT_ITEM.match(line)
        if item:
            if current is None:
                raise ContentError(f"{name}, line {number}: a list item without a 'key:' line.")
            current.append(item.group(1))
            continue
        pair = _FRONT_KEY.match(line)
        if not pair:
            raise ContentError(f"{name}, line {number}: expected 'key: value' or '  - item'.")
        key, value = pair.group(1), pair.group(2)
        if key in meta:
            raise ContentError(f"{name}, line {number}: '{key}' is given twice.")
        if value is None:
            current = []
            meta[key] = current
        elif value == "[]":
            current = None
            meta[key] = []
        else:
            current = None
            meta[key] = value
    body = "\n".join(lines[end + 1 :]).strip("\n") + "\n"
    return meta, body


def sections(markdown: str) -> list[Section]:
    """The ``## `` sections of a body, in order (headings inside code fences are ignored)."""
    found: list[Section] = []
    heading: str | None = None
    buffer: list[str] = []
    fenced = False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if not fenced and line.startswith("## "):
            if heading is not None:
                found.append(Section(heading, "\n".join(buffer).strip()))
            heading, buffer = line[3:].strip(), []
        elif heading is not None:
            buffer.append(line)
    if heading is not None:
        found.append(Section(heading, "\n".join(buffer).strip()))
    return found


def _scalar(meta: FrontMatter, key: str, name: str) -> str:
    value = meta.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ContentError(f"{name}: '{key}' must be a single line of text.")
    return value.strip()


def _items(meta: FrontMatter, key: str, name: str, *, required: bool = False) -> tuple[str, ...]:
    if key not in meta:
        raise ContentError(f"{name}: '{key}' is missing (write '{key}: []' for none).")
    value = meta[key]
    if not isinstance(value, list):
        raise ContentError(f"{name}: '{key}' must be a list of '  - item' lines.")
    if required and not value:
        raise ContentError(f"{name}: '{key}' needs at least one entry.")
    return tuple(value)


def _reviewed(meta: FrontMatter, name: str) -> date:
    raw = _scalar(meta, "reviewed", name)
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            raise ValueError
        return date.fromisoformat(raw)
    except ValueError:
        raise ContentError(f"{name}: 'reviewed' must be a date written YYYY-MM-DD.") from None


def _common(meta: FrontMatter, body: str, name: str, allowed: set[str]) -> tuple[str, str]:
    unknown = sorted(set(meta) - allowed)
    if unknown:
        raise ContentError(f"{name}: unknown front matter key(s): {', '.join(unknown)}.")
    title = _scalar(meta, "title", name)
    summary = _scalar(meta, "summary", name)
    if len(summary) > SUMMARY_MAX:
        raise ContentError(f"{name}: 'summary' is longer than {SUMMARY_MAX} characters.")
    if any(line.startswith("# ") for line in body.splitlines()):
        raise ContentError(f"{name}: the body must not have a '# ' title (it comes from 'title').")
    return title, summary


def parse_topic(slug: str, source: str) -> Topic:
    name = f"topics/{slug}.md"
    meta, body = split_front_matter(source, name)
    title, summary = _common(
        meta, body, name, {"title", "summary", "related", "sources", "reviewed", "aliases"}
    )
    aliases = _items(meta, "aliases", name) if "aliases" in meta else ()
    return Topic(
        slug=slug,
        title=title,
        summary=summary,
        related=_items(meta, "related", name),
        sources=_items(meta, "sources", name, required=True),
        reviewed=_reviewed(meta, name),
        markdown=body,
        aliases=tuple(_key(a) for a in aliases),
    )


def parse_exercise(slug: str, source: str) -> Exercise:
    name = f"exercises/{slug}.md"
    meta, body = split_front_matter(source, name)
    allowed = {
        "title",
        "summary",
        "areas",
        "equipment",
        "unit",
        "position",
        "precautions",
        "sources",
        "reviewed",
    }
    title, summary = _common(meta, body, name, allowed)
    precautions = _items(meta, "precautions", name) if "precautions" in meta else ()
    unknown = [p for p in precautions if p not in PRECAUTIONS]
    if unknown:
        raise ContentError(
            f"{name}: unknown precaution(s) {', '.join(unknown)}; use {', '.join(PRECAUTIONS)}."
        )
    areas = _items(meta, "areas", name, required=True)
    wrong = [a for a in areas if a not in AREAS]
    if wrong:
        raise ContentError(f"{name}: unknown area(s) {', '.join(wrong)}; use {', '.join(AREAS)}.")
    unit = _scalar(meta, "unit", name)
    if unit not in UNITS:
        raise ContentError(f"{name}: 'unit' must be one of {', '.join(UNITS)}.")
    headings = [s.heading for s in sections(body)]
    missing = [h for h in EXERCISE_SECTIONS if h not in headings]
    if missing:
        raise ContentError(f"{name}: missing section(s): {', '.join(missing)}.")
    return Exercise(
        slug=slug,
        title=title,
        summary=summary,
        areas=cast(tuple[Area, ...], areas),
        equipment=_items(meta, "equipment", name),
        unit=unit,
        position=_scalar(meta, "position", name),
        precautions=precautions,
        sources=_items(meta, "sources", name, required=True),
        reviewed=_reviewed(meta, name),
        markdown=body,
    )


# -- loading ---------------------------------------------------------------------------


def _read(folder: str) -> list[tuple[str, str]]:
    directory = content_root() / folder
    files = sorted(directory.glob("*.md"))
    if not files:
        raise ContentError(f"backskills cannot find any files in content/{folder}.")
    return [(path.stem, path.read_text(encoding="utf-8")) for path in files]


@cache
def topics() -> tuple[Topic, ...]:
    """Every leaflet, shelf by shelf (``TOPIC_GROUPS``), then any others A-Z."""
    loaded = [parse_topic(slug, source) for slug, source in _read("topics")]
    rank = {slug: i for i, slug in enumerate(TOPIC_ORDER)}
    loaded.sort(key=lambda t: (rank.get(t.slug, len(rank)), t.slug))
    return tuple(loaded)


@plain(frozen=True)
class ExerciseSafety:
    """The shared safety text: the stop rules and each precaution's paragraph."""

    stop_rules: str
    precautions: dict[str, str]
    sources: tuple[str, ...]


def parse_exercise_safety(source: str) -> ExerciseSafety:
    name = "shared/exercise-safety.md"
    meta, body = split_front_matter(source, name)
    _common(meta, body, name, {"title", "summary", "sources", "reviewed"})
    found = {part.heading: part.text for part in sections(body)}
    missing = [h for h in (STOP_RULES, *PRECAUTIONS) if not found.get(h)]
    if missing:
        raise ContentError(f"{name}: missing section(s): {', '.join(missing)}.")
    return ExerciseSafety(
        stop_rules=found[STOP_RULES],
        precautions={key: found[key] for key in PRECAUTIONS},
        sources=_items(meta, "sources", name, required=True),
    )


@cache
def exercise_safety() -> ExerciseSafety:
    path = content_root() / "shared" / "exercise-safety.md"
    try:
        source = path.read_text(encoding="utf-8")
    except OSError:
        raise ContentError("backskills cannot find its exercise safety page.") from None
    return parse_exercise_safety(source)


def with_safety(item: Exercise, safety: ExerciseSafety) -> Exercise:
    """The page with the shared safety text added: the precautions it names (if any),
    then the stop rules, which every exercise page carries."""
    parts = [item.markdown.rstrip("\n")]
    if item.precautions:
        care = "\n\n".join(safety.precautions[key] for key in item.precautions)
        parts.append(f"## {TAKE_CARE}\n\n{care}")
    parts.append(f"## {STOP_RULES}\n\n{safety.stop_rules}")
    sources = item.sources + tuple(s for s in safety.sources if s not in item.sources)
    return replace(item, markdown="\n\n".join(parts) + "\n", sources=sources)


@cache
def exercises() -> tuple[Exercise, ...]:
    """Every exercise, A-Z by title, each with the shared safety text."""
    safety = exercise_safety()
    loaded = [
        with_safety(parse_exercise(slug, source), safety) for slug, source in _read("exercises")
    ]
    loaded.sort(key=lambda e: e.title.casefold())
    return tuple(loaded)


# -- looking things up -----------------------------------------------------------------


def _key(value: str) -> str:
    """``Knee Rolling``, ``knee_rolling`` and ``knee-rolling`` all become ``knee-rolling``."""
    return "-".join(re.split(r"[\s_\-]+", value.strip().casefold())).strip("-")


def closest(name: str, choices: Iterable[tuple[str, str]], limit: int = 3) -> list[str]:
    """The slugs nearest to ``name``; ``choices`` are ``(slug, title)`` pairs."""
    wanted = _key(name)
    if not wanted:
        return []
    pairs = list(choices)
    spellings: dict[str, str] = {}
    for slug, title in pairs:
        spellings.setdefault(slug, slug)
        spellings.setdefault(_key(title), slug)
    found: list[str] = []
    for slug, _title in pairs:  # a part of a name first: "flare" -> flareups
        if len(wanted) >= 3 and wanted in slug and slug not in found:
            found.append(slug)
    for spelling in difflib.get_close_matches(wanted, list(spellings), n=limit * 2, cutoff=0.6):
        slug = spellings[spelling]
        if slug not in found:
            found.append(slug)
    return found[:limit]


def grouped_topics() -> list[tuple[str, list[Topic]]]:
    """The leaflets on their shelves, in order; empty shelves are left out."""
    shelves: dict[str, list[Topic]] = {}
    for item in topics():
        shelves.setdefault(item.group, []).append(item)
    return list(shelves.items())


def topic(slug: str) -> Topic:
    """A leaflet by its name, its title or an old name it had (``medication``)."""
    wanted = _key(slug)
    for item in topics():
        if wanted in (item.slug, _key(item.title), *item.aliases):
            return item
    raise NotFound(
        f"there is no leaflet called '{printable(slug)}'.",
        _suggest(
            closest(slug, ((t.slug, name) for t in topics() for name in (t.title, *t.aliases))),
            "learn",
        ),
    )


def find_exercise(name: str) -> Exercise | None:
    """The exercise whose slug or title is ``name`` (case and spacing do not matter)."""
    wanted = _key(name)
    for item in exercises():
        if wanted in (item.slug, _key(item.title)):
            return item
    return None


def exercise(name: str) -> Exercise:
    found = find_exercise(name)
    if found is None:
        raise NotFound(
            f"there is no exercise called '{printable(name)}'.",
            _suggest(closest(name, ((e.slug, e.title) for e in exercises())), "exercises show"),
        )
    return found


def default_unit(name: str) -> str | None:
    """The unit to use when an activity is named after a library exercise, else None."""
    found = find_exercise(name)
    return found.unit if found else None


def select_exercises(area: Area | None = None) -> list[Exercise]:
    return [e for e in exercises() if area is None or area in e.areas]


def search_terms(words: str) -> list[str]:
    """The words a search looks for (punctuation and spaces alone give none)."""
    return [w.casefold() for w in _WORD.findall(words)]


def search(words: str) -> list[SearchHit]:
    """Leaflets that contain every word (as the start of a word), best match first.

    A word in the title (or an old name of the leaflet) counts most, then the summary, then
    each mention in the text.
    """
    terms = search_terms(words)
    if not terms:
        return []
    hits: list[SearchHit] = []
    for item in topics():
        fields = (" ".join((item.title, *item.aliases)), item.summary, item.markdown)
        tokens = [[t.casefold() for t in _WORD.findall(f)] for f in fields]
        score = 0
        for term in terms:
            counts = [sum(1 for tok in field if tok.startswith(term)) for field in tokens]
            if not any(counts):
                break
            score += 10 * counts[0] + 5 * counts[1] + counts[2]
        else:
            hits.append(SearchHit(item, score, _excerpt(item.markdown, terms[0])))
    order = {t.slug: i for i, t in enumerate(topics())}
    hits.sort(key=lambda h: (-h.score, order[h.topic.slug]))
    return hits


def _excerpt(markdown: str, term: str, width: int = 100) -> str:
    """The first sentence that mentions ``term``, without Markdown marks."""
    for block in re.split(r"\n\s*\n", markdown):
        plain = " ".join(re.sub(r"[*`#]", "", line).strip(" -") for line in block.splitlines())
        for sentence in re.split(r"(?<=[.!?])\s+", plain.strip()):
            if any(w.casefold().startswith(term) for w in _WORD.findall(sentence)):
                if len(sentence) <= width:
                    return sentence
                return sentence[: width - 1].rstrip() + "…"
    return ""


def _suggest(names: list[str], command: str) -> str:
    listing = f"'backskills {command.split()[0]}' lists them all."
    if not names:
        return listing
    return f"Did you mean: {', '.join(names)}? {listing}"
