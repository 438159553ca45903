"""Every number, date and text in the journal has declared bounds (issue 15).

Arithmetic on journal values (sums, steps, date offsets, ids) relies on them; a model
field added later without bounds fails here, naming the field.
"""

from __future__ import annotations

import datetime as dt
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic.fields import FieldInfo

from backskills.models import Journal
from tests.model_strategies import models_reachable


def _metadata(info: FieldInfo) -> tuple[Any, list[Any]]:
    """The field's base type (Optional removed) and every constraint attached to it."""
    tp: Any = info.annotation
    found: list[Any] = list(info.metadata)
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp, *extra = get_args(tp)
            for item in extra:
                found.extend(item.metadata if isinstance(item, FieldInfo) else [item])
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp, found
            tp = args[0]
        else:
            return tp, found


def _has(found: list[Any], *names: str) -> bool:
    return any(getattr(item, name, None) is not None for item in found for name in names)


def test_every_field_has_bounds() -> None:
    unbounded = []
    for model in models_reachable(Journal):
        for name, info in model.model_fields.items():
            tp, found = _metadata(info)
            if get_origin(tp) in (list, Literal) or tp is bool:
                continue
            where = f"{model.__name__}.{name}"
            if tp in (int, float, dt.date, dt.datetime) or "Datetime" in getattr(
                tp, "__name__", ""
            ):
                if not (_has(found, "ge", "gt") and _has(found, "le", "lt")):
                    unbounded.append(where)
            elif tp is str and not _has(found, "max_length"):
                unbounded.append(where)
    assert unbounded == []
