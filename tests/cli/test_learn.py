"""``backskills learn``: list, read, search, unknown topics and the pager."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from backskills.domain import catalogue
from tests.conftest import Run


def test_list_human_names_every_topic_with_its_summary(cli: Run) -> None:
    result = cli("learn")
    assert result.exit_code == 0, result.stderr
    for topic in catalogue.topics():
        assert topic.slug in result.stdout
    flat = " ".join(result.stdout.split())
    assert "hurt does not mean harm" in flat
    assert "backskills learn --search" in flat


def test_list_json_shape(cli: Run) -> None:
    result = cli("learn", "--json")
    assert result.exit_code == 0
    listing = json.loads(result.stdout)
    assert [item["slug"] for item in listing] == [t.slug for t in catalogue.topics()]
    assert all(set(item) == {"slug", "title", "summary", "group"} for item in listing)
    pain = next(item for item in listing if item["slug"] == "pain")
    assert pain["title"] == catalogue.topic("pain").title
    assert pain["group"] == "Your back"
    groups = [item["group"] for item in listing]
    assert groups == sorted(groups, key=[g for g, _ in catalogue.TOPIC_GROUPS].index), (
        "the listing keeps each group together, in the order of the groups"
    )


GROUPS = ["Your back", "Moving", "Everyday life", "Feelings", "Medicines", "Getting help"]


def test_list_human_is_grouped_in_order(cli: Run) -> None:
    result = cli("learn", env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    lines = [line.strip() for line in result.stdout.splitlines()]
    where = [lines.index(group) for group in GROUPS]
    assert where == sorted(where), "groups appear in their order"
    for label, topics in catalogue.grouped_topics():
        start = lines.index(label)
        end = min([w for w in where if w > start], default=len(lines))
        shelf = " ".join(lines[start:end])
        for topic in topics:
            assert topic.slug in shelf.split(), f"{topic.slug} is listed under {label}"


def test_list_on_a_narrow_screen_keeps_the_groups(cli: Run) -> None:
    result = cli("learn", env={"COLUMNS": "40"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line for line in lines if line in GROUPS] == GROUPS
    assert any(line.startswith("- sciatica: ") for line in lines)


def test_an_old_name_still_finds_the_leaflet(cli: Run) -> None:
    result = cli("learn", "medication", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["slug"] == "medicines"
    assert catalogue.topic("Medication").slug == "medicines"
    typo = cli("learn", "medicatoin")
    assert typo.exit_code == 1 and "medicines" in typo.stderr


@pytest.mark.parametrize(
    ("words", "slug"),
    [
        ("fit note", "work"),
        ("Access to Work", "work"),
        ("MRI", "scans-and-myths"),
        ("scan", "scans-and-myths"),
        ("disc", "scans-and-myths"),
        ("disc", "sciatica"),
        ("NSAID", "medicines"),
        ("ibuprofen", "medicines"),
        ("Talking Therapies", "mood-and-help"),
        ("Samaritans", "mood-and-help"),
        ("sciatica", "sciatica"),
        ("medication", "medicines"),
        ("driving", "driving-and-travel"),
        ("sex", "sex-and-relationships"),
        ("how long", "how-long"),
    ],
)
def test_search_finds_the_new_leaflets_by_their_key_words(cli: Run, words: str, slug: str) -> None:
    hits = [hit["slug"] for hit in json.loads(cli("learn", "--search", words, "--json").stdout)]
    assert slug in hits[:3], f"{words!r}: {hits}"


def test_topic_human_and_json(cli: Run) -> None:
    result = cli("learn", "pacing")
    assert result.exit_code == 0
    topic = catalogue.topic("pacing")
    assert topic.title in result.stdout
    assert "The four steps" in result.stdout
    assert "Based on:" in result.stdout and topic.sources[0][:30] in " ".join(result.stdout.split())
    assert "##" not in result.stdout, "Markdown is rendered, not printed raw"

    result = cli("learn", "pacing", "--json")
    document = json.loads(result.stdout)
    assert set(document) == {"slug", "title", "summary", "group", "sources", "markdown"}
    assert document["slug"] == "pacing"
    assert document["sources"] == list(topic.sources)
    assert document["markdown"] == topic.markdown
    assert result.stderr == ""


def test_topic_by_title_or_spaced_words(cli: Run) -> None:
    assert cli("learn", "keep", "going").exit_code == 0
    result = cli("learn", "How", "pain", "works", "--json")
    assert json.loads(result.stdout)["slug"] == "pain"


@pytest.mark.parametrize(("typed", "suggested"), [("pacng", "pacing"), ("flare", "flareups")])
def test_unknown_topic_is_exit_1_with_closest(cli: Run, typed: str, suggested: str) -> None:
    result = cli("learn", typed)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"no leaflet called '{typed}'" in result.stderr
    assert suggested in result.stderr


def test_unknown_topic_is_exit_1_with_json_too(cli: Run) -> None:
    result = cli("learn", "qqqq", "--json")
    assert result.exit_code == 1 and result.stdout == ""
    assert "backskills learn" in result.stderr


def test_unknown_topic_text_is_printed_safely(cli: Run) -> None:
    result = cli("learn", "[bold]x[/]\x1b[31m")
    assert result.exit_code == 1
    assert "[bold]x[/]" in result.stderr and "\x1b" not in result.stderr


def test_search_human_and_json(cli: Run) -> None:
    result = cli("learn", "--search", "sleep")
    assert result.exit_code == 0
    assert "sleep" in result.stdout
    result = cli("learn", "--search", "sleep", "--json")
    hits = json.loads(result.stdout)
    assert hits[0] == {"slug": "sleep", "title": catalogue.topic("sleep").title,
                       "summary": catalogue.topic("sleep").summary, "group": "Everyday life"}  # fmt: skip
    assert [h["slug"] for h in hits] == [h.topic.slug for h in catalogue.search("sleep")]


def test_search_takes_several_words_unquoted(cli: Run) -> None:
    quoted = json.loads(cli("learn", "--search", "flare plan", "--json").stdout)
    loose = json.loads(cli("learn", "--search", "flare", "plan", "--json").stdout)
    assert quoted == loose and quoted


def test_search_without_a_match(cli: Run) -> None:
    result = cli("learn", "-s", "xylophone")
    assert result.exit_code == 0
    assert "No leaflet mentions" in result.stdout
    assert json.loads(cli("learn", "-s", "xylophone", "--json").stdout) == []


class PagerUsed(AssertionError):
    pass


def test_no_pager_without_a_terminal(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise PagerUsed("the pager must not start without a terminal")

    monkeypatch.setattr(Console, "pager", refuse)
    for slug in ("pain", "sleep"):
        result = cli("learn", slug)
        assert result.exit_code == 0, result.stderr
        assert catalogue.topic(slug).title in result.stdout
    assert cli("exercises", "show", "bridge").exit_code == 0


def _terminal(height: int) -> Any:
    from rich.console import Console

    return Console(file=io.StringIO(), force_terminal=True, width=80, height=height)


def test_pager_decision() -> None:
    from backskills.render import content

    topic = catalogue.topic("pain")
    renderable = content._topic_renderable(topic)
    assert content.should_page(_terminal(height=20), renderable)
    assert not content.should_page(_terminal(height=10_000), renderable)
    from rich.console import Console

    plain = Console(file=io.StringIO(), force_terminal=False, width=80, height=20)
    assert not content.should_page(plain, renderable)


def test_long_leaflet_is_paged_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    from backskills.render import content

    console = _terminal(height=20)
    used: list[bool] = []

    @contextmanager
    def pager(self: Console, *args: Any, **kwargs: Any) -> Iterator[None]:
        used.append(kwargs.get("styles", False))
        yield

    monkeypatch.setattr(Console, "pager", pager)
    monkeypatch.setattr(content, "out", lambda: console)
    monkeypatch.delenv("LESS", raising=False)
    monkeypatch.delenv("PAGER", raising=False)
    content.topic_page(catalogue.topic("pain"))
    assert used == [False]
    content.topic_page(catalogue.topic("pain"), allow_pager=False)
    assert used == [False]
    monkeypatch.setenv("LESS", "-R")
    content.topic_page(catalogue.topic("pain"))
    assert used == [False, True]


def test_listing_stays_light() -> None:
    """`learn` reads only the content: no journal models, no store.

    (Typer itself imports pydantic when it runs a command, so that is not checked here.)
    """
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from backskills.cli.main import main\n"
        "try:\n    main(['learn', '--json'])\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in sys.modules if m.startswith(('backskills.models', 'backskills.store')))\n"
        "print('HEAVY:' + ','.join(heavy), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stderr.strip().splitlines()[-1] == "HEAVY:"


def test_damaged_content_is_exit_4_naming_the_file(
    cli: Run, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    topics = tmp_path / "content" / "topics"
    topics.mkdir(parents=True)
    (topics / "pain.md").write_text("---\ntitle: Pain\nsummary x\n---\n\n## A\n\nb\n")
    monkeypatch.setattr(catalogue, "content_root", lambda: tmp_path / "content")
    catalogue.topics.cache_clear()
    try:
        result = cli("learn")
    finally:
        catalogue.topics.cache_clear()
    assert result.exit_code == 4
    assert "topics/pain.md, line 3" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("words", ["", "   ", "?!"])
def test_search_without_words_is_exit_2(cli: Run, words: str) -> None:
    result = cli("learn", "--search", words)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --search: needs at least one word")
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("sign", "leaflet"), [("leg_pain_below_knee", "sciatica"), ("not_improving", "how-long")]
)
def test_redflag_advice_names_the_leaflet_for_the_sign(cli: Run, sign: str, leaflet: str) -> None:
    result = cli("redflags", "--present", sign, "--no-input")
    assert f"more: backskills learn {leaflet}" in result.stdout
    other = cli("redflags", "--present", "severe_stiffness", "--no-input")
    assert f"backskills learn {leaflet}" not in other.stdout


def test_every_sign_leaflet_is_a_real_sign_and_topic() -> None:
    from backskills.domain import redflags
    from backskills.render.safety import SIGN_LEAFLETS

    ids = {sign.id for sign in redflags.SIGNS}
    slugs = {topic.slug for topic in catalogue.topics()}
    assert set(SIGN_LEAFLETS) <= ids and set(SIGN_LEAFLETS.values()) <= slugs
