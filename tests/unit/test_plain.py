"""``backskills.plain`` behaves like the dataclasses it replaces, without ``exec``."""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

import pytest

from backskills.plain import FrozenInstanceError, astuple, field, plain, replace


@plain(frozen=True)
class Point:
    x: int
    tags: list[str] = field(default_factory=list)
    label: str = "p"


@plain
class Holder:
    name: str
    secret: bytes = field(repr=False, default=b"")


@plain(frozen=True)
class Label:
    text: str


@dataclasses.dataclass(frozen=True)
class RealLabel:
    text: str


@dataclasses.dataclass(frozen=True)
class RealPoint:
    x: int
    tags: list[str] = dataclasses.field(default_factory=list)
    label: str = "p"


def test_init_defaults_and_factories() -> None:
    a, b = Point(1), Point(1)
    assert (a.x, a.tags, a.label) == (1, [], "p")
    assert a.tags is not b.tags  # a new list each time
    assert Point(2, ["x"], label="q").label == "q"


def test_repr_equality_and_hash_match_dataclasses() -> None:
    ours, theirs = Point(3, ["a"]), RealPoint(3, ["a"])
    assert repr(ours).replace("Point", "RealPoint") == repr(theirs)
    assert Point(3) == Point(3) and Point(3) != Point(4)
    assert Point(3) != RealPoint(3)  # type: ignore[comparison-overlap]
    assert hash(Label("z")) == hash(Label("z")) == hash(RealLabel("z"))
    with pytest.raises(TypeError):  # as with dataclasses: a list inside is unhashable
        hash(Point(3))
    assert repr(Holder("n", b"hidden")) == "Holder(name='n')"


def test_frozen_refuses_assignment_and_mutable_is_unhashable() -> None:
    point = Point(1)
    with pytest.raises(FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del point.label
    holder = Holder("a")
    holder.name = "b"
    assert holder.name == "b"
    with pytest.raises(TypeError):
        hash(holder)


def test_bad_calls_are_type_errors() -> None:
    with pytest.raises(TypeError, match="missing"):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected"):
        Point(1, colour="red")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="twice"):
        Point(1, x=2)  # type: ignore[misc]
    with pytest.raises(TypeError):
        Point(1, [], "a", "extra")  # type: ignore[call-arg]


def test_astuple_and_match_args() -> None:
    assert astuple(Point(5, ["t"], "l")) == (5, ["t"], "l")
    match Point(7):
        case Point(x, tags):
            assert (x, tags) == (7, [])


def test_a_field_without_default_after_one_with_is_refused() -> None:
    with pytest.raises(TypeError, match="without a default"):

        @plain
        class Bad:
            a: int = 1
            b: int  # type: ignore[misc]


def test_replace_copies_with_changes_like_dataclasses() -> None:
    point = Point(1, ["a"], "p")
    moved = replace(point, x=2)
    theirs = dataclasses.replace(RealPoint(1, ["a"], "p"), x=2)
    assert (moved.x, moved.tags, moved.label) == (theirs.x, theirs.tags, theirs.label)
    assert point.x == 1 and moved.tags is point.tags  # a shallow copy, as dataclasses
    with pytest.raises(TypeError, match="unexpected"):
        replace(point, colour="red")


def test_class_variables_are_not_fields_with_or_without_string_annotations() -> None:
    namespace: dict[str, object] = {}
    exec(  # a module without ``from __future__ import annotations``: real ClassVar objects
        "from typing import ClassVar\n"
        "from backskills.plain import plain\n"
        "@plain\n"
        "class Counted:\n"
        "    limit: ClassVar[int] = 3\n"
        "    kinds: ClassVar = ()\n"
        "    name: str\n",
        namespace,
    )
    counted: Any = namespace["Counted"]
    assert counted.__match_args__ == ("name",) and counted("a").limit == 3

    @plain
    class Stringy:
        limit: ClassVar[int] = 3
        name: str = "b"

    assert Stringy.__match_args__ == ("name",)
