"""Default factories: every new object gets its own empty list or dict, and pydantic never
has to read the signature of a builtin to find that out (``models.base.new_list``)."""

from __future__ import annotations

import importlib
import pkgutil

from pydantic import BaseModel

import backskills.models
from backskills.models.activity import Activity, Baseline
from backskills.models.base import new_dict, new_list

# Branch ``seg`` owns the journal document's module; its fields change to ``new_list`` once
# that work is merged, and this exception goes.
NOT_YET = {"backskills.models.journal"}


def all_models() -> list[type[BaseModel]]:
    found = []
    for info in pkgutil.iter_modules(backskills.models.__path__, "backskills.models."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, BaseModel)
                and value.__module__ == info.name
                and info.name not in NOT_YET
            ):
                found.append(value)
    return found


def test_no_model_uses_a_builtin_as_default_factory() -> None:
    models = all_models()
    assert Activity in models and Baseline in models
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
