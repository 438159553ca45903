"""Models that are quick to define: pydantic never has to read the signature of a builtin
default factory (``models.base.new_list``) nor compile annotations written as strings."""

from __future__ import annotations
import __future__

import importlib
import pkgutil
from collections.abc import Iterator

from pydantic import BaseModel

import backskills.models
from backskills.models.activity import Activity, Baseline
from backskills.models.base import StrictModel, new_dict, new_list
from backskills.models.journal import Journal, Segment


def all_models() -> list[type[BaseModel]]:
    found = []
    for info in pkgutil.iter_modules(backskills.models.__path__, "backskills.models."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, BaseModel)
                and value.__module__ == info.name
            ):
                found.append(value)
    return found


def test_no_model_uses_a_builtin_as_default_factory() -> None:
    models = all_models()
    assert Activity in models and Journal in models and Segment in models
    slow = [
        f"{model.__name__}.{name}"
        for model in models
        for name, info in model.model_fields.items()
        if info.default_factory in (list, dict)
    ]
    assert slow == [], "use default_factory=new_list / new_dict from backskills.models.base"


def test_each_object_gets_its_own_empty_list_and_dict() -> None:
    first, second = Baseline(), Baseline()
    assert first.days == [] and first.days is not second.days
    assert new_list() is not new_list() and new_dict() == {}


def one_field_changed(model: type[StrictModel]) -> Iterator[StrictModel]:
    """The model made with defaults but for one field, at any depth, set to something else."""
    for name, info in model.model_fields.items():
        factory = info.default_factory
        if isinstance(factory, type) and issubclass(factory, StrictModel):
            for inner in one_field_changed(factory):
                yield model.model_construct(**{name: inner})
        yield model.model_construct(**{name: object()})


def test_has_only_defaults_answers_as_comparing_with_a_new_object() -> None:
    assert Journal().has_only_defaults() and Journal.model_construct().has_only_defaults()
    assert Journal.model_validate_json(b"{}").has_only_defaults()
    changed = list(one_field_changed(Journal))
    assert len(changed) > len(Journal.model_fields)  # the nested pacing and outcomes too
    for journal in changed:
        assert journal != Journal()
        assert not journal.has_only_defaults(), journal


def test_model_modules_keep_their_annotations_as_objects() -> None:
    """``from __future__ import annotations`` turns every annotation into a string, which
    pydantic then compiles and evaluates, field by field, each time a command starts."""
    stringy = []
    for info in pkgutil.iter_modules(backskills.models.__path__, "backskills.models."):
        module = importlib.import_module(info.name)
        defines_models = any(
            isinstance(v, type) and issubclass(v, BaseModel) and v.__module__ == info.name
            for v in vars(module).values()
        )
        if defines_models and getattr(module, "annotations", None) is __future__.annotations:
            stringy.append(info.name)
    assert stringy == [], "drop 'from __future__ import annotations' from these model modules"
