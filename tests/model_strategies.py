"""Hypothesis strategies derived from the journal models themselves.

The strategies read each field's type and constraints (``ge``, ``gt``, ``le``, lengths,
``Literal`` choices), so a model or field another feature adds is covered without edits.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Iterator
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from hypothesis import strategies as st
from pydantic import BaseModel
from pydantic.fields import FieldInfo

MAX_LIST = 3
MAX_TEXT = 40


def _flatten(metadata: list[Any]) -> Iterator[Any]:
    for item in metadata:
        if isinstance(item, FieldInfo):
            yield from _flatten(item.metadata)
        else:
            yield item


def _bounds(metadata: list[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in _flatten(metadata):
        for name in ("ge", "gt", "le", "lt", "min_length", "max_length"):
            value = getattr(item, name, None)
            if value is not None:
                found[name] = value
    return found


def for_type(tp: Any, metadata: list[Any] | None = None) -> st.SearchStrategy[Any]:
    metadata = list(metadata or [])
    origin = get_origin(tp)
    if origin is Annotated:
        base, *extra = get_args(tp)
        return for_type(base, metadata + extra)
    if origin in (Union, types.UnionType):
        return st.one_of([for_type(arg, metadata) for arg in get_args(tp)])
    if tp is type(None):
        return st.none()
    if origin is Literal:
        return st.sampled_from(get_args(tp))
    if origin is list:
        (item,) = get_args(tp)
        return st.lists(for_type(item), max_size=MAX_LIST)
    if origin is dict:
        key, value = get_args(tp)
        return st.dictionaries(for_type(key), for_type(value), max_size=MAX_LIST)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return model_strategy(tp)
    bounds = _bounds(metadata)
    if tp is bool:
        return st.booleans()
    if tp is int:
        low = bounds.get("ge", bounds["gt"] + 1 if "gt" in bounds else -(10**6))
        high = bounds.get("le", bounds["lt"] - 1 if "lt" in bounds else 10**6)
        return st.integers(low, high)
    if tp is float:
        return st.floats(
            min_value=bounds.get("ge", bounds.get("gt", -1e9)),
            max_value=bounds.get("le", bounds.get("lt", 1e9)),
            exclude_min="gt" in bounds,
            exclude_max="lt" in bounds,
            allow_nan=False,
            allow_infinity=False,
        )
    pattern = next(
        (p for p in (getattr(i, "pattern", None) for i in _flatten(metadata)) if p), None
    )
    if tp is str and pattern:
        return st.from_regex(pattern, fullmatch=True)
    if tp is str:
        return st.text(
            min_size=bounds.get("min_length", 0),
            max_size=min(bounds.get("max_length", MAX_TEXT), MAX_TEXT),
        )
    if tp is dt.datetime or getattr(tp, "__name__", "") == "AwareDatetime":
        low, high = bounds.get("ge"), bounds.get("le")
        return st.datetimes(
            min_value=low.replace(tzinfo=None) if low else dt.datetime.min,
            max_value=high.replace(tzinfo=None) if high else dt.datetime.max,
            timezones=st.just(dt.UTC),
        )
    if tp is dt.date:
        return st.dates(
            min_value=bounds.get("ge", dt.date.min), max_value=bounds.get("le", dt.date.max)
        )
    raise NotImplementedError(f"no strategy for {tp!r}: add one in tests/model_strategies.py")


def model_strategy(model: type[BaseModel]) -> st.SearchStrategy[Any]:
    fields = {
        name: for_type(info.annotation, info.metadata) for name, info in model.model_fields.items()
    }
    return st.builds(model, **fields)


def models_reachable(model: type[BaseModel]) -> set[type[BaseModel]]:
    """Every model class that can appear inside ``model`` (itself included)."""
    seen: set[type[BaseModel]] = set()

    def visit_type(tp: Any) -> None:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if tp not in seen:
                seen.add(tp)
                for info in tp.model_fields.values():
                    visit_type(info.annotation)
            return
        for arg in get_args(tp):
            visit_type(arg)

    visit_type(model)
    return seen


def fields_used(instance: BaseModel) -> set[tuple[type[BaseModel], str]]:
    """(model, field) pairs that hold a non-null value somewhere inside ``instance``."""
    used: set[tuple[type[BaseModel], str]] = set()

    def visit(value: Any) -> None:
        if isinstance(value, BaseModel):
            for name in type(value).model_fields:
                inner = getattr(value, name)
                if name in value.model_fields_set and inner is not None:
                    used.add((type(value), name))
                visit(inner)
        elif isinstance(value, list):
            for item in value:
                visit(item)

    visit(instance)
    return used
