"""Strict JSON for journal files, and messages that say where a problem is, never what.

``json.loads`` keeps the last of two duplicate keys, turns a thousand-digit number into an
int and reads ``NaN``; pydantic's own JSON parser behaves alike. A journal file whose bytes
are not exactly what backskills writes is therefore parsed again here (``parse``), and a
key given twice, an integer longer than any journal number, or NaN and Infinity are
refused with their position (``StrictJsonError``). ``describe_validation`` turns pydantic's
validation errors into one line the same way. A position names only the schema's own field
names (``records[41].amount``): a patient's text never appears in a message.

Plain functions with no state. The store imports this module only when it needs it: on
the slow path of reading (bytes it did not write itself) and when validation fails, so an
ordinary command never loads it.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["INT_MAX_DIGITS", "StrictJsonError", "describe_validation", "parse"]

# Integers longer than this are no journal number (ids, positions, counts); Python would
# refuse to convert the biggest ones anyway.
INT_MAX_DIGITS = 20


def parse(text: str) -> Any:
    """``json.loads`` that refuses a key twice, a huge integer and NaN (``StrictJsonError``;
    ``json.JSONDecodeError`` and ``RecursionError`` as from ``json.loads``)."""
    document = json.loads(
        text, object_pairs_hook=_object, parse_int=_parse_int, parse_constant=_Constant
    )
    _check_tree(document)
    return document


def describe_validation(exc: object) -> str:
    from pydantic import ValidationError

    assert isinstance(exc, ValidationError)
    errors = exc.errors(include_url=False, include_context=False, include_input=False)
    first = errors[0]
    loc = tuple(first["loc"])
    more = (
        f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})"
        if len(errors) > 1
        else ""
    )
    if first["type"] == "extra_forbidden":
        # The unknown key is not ours: it may be the patient's own text. Name where it is.
        where = _field_path(loc[:-1])
        where = "at the top level" if where == "the top level" else f"in {where}"
        return f"has a field backskills does not know {where}{more}"
    return f"does not match the journal format at {_field_path(loc)}: {first['msg']}{more}"


def _field_path(loc: tuple[Any, ...]) -> str:
    """A position in the schema (``records[41].amount``); only our own field names appear."""
    known = _schema_field_names()
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part in known:
            text += f".{part}" if text else part
    return text or "the top level"


def _schema_field_names() -> frozenset[str]:
    from backskills.models.base import StrictModel

    names: set[str] = set()
    pending: list[type[StrictModel]] = [StrictModel]
    while pending:
        model = pending.pop()
        names.update(model.model_fields)
        pending.extend(model.__subclasses__())
    return frozenset(names)


# -- strict JSON: duplicate keys, huge integers and NaN are refused with their position ----
class StrictJsonError(ValueError):
    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class _Object(dict[str, Any]):
    """A JSON object as parsed; remembers a key that came twice (json keeps the last)."""

    twice: str | None = None


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    result = _Object()
    for key, value in pairs:
        if key in result and result.twice is None:
            result.twice = key
        result[key] = value
    return result


class _HugeInt:
    def __init__(self, digits: int) -> None:
        self.digits = digits


class _Constant:
    def __init__(self, name: str) -> None:
        self.name = name


def _parse_int(text: str) -> int | _HugeInt:
    digits = len(text.lstrip("-"))
    return _HugeInt(digits) if digits > INT_MAX_DIGITS else int(text)


def _check_tree(root: Any) -> None:
    """Refuse what json.loads lets through: a key twice, a huge integer, NaN (no recursion)."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(root, ())]
    while stack:
        node, loc = stack.pop()
        if isinstance(node, _Object):
            if node.twice is not None:
                named = f" ({node.twice})" if node.twice in _schema_field_names() else ""
                raise StrictJsonError(f"has the same field twice{named} in {_field_path(loc)}")
            stack.extend((value, (*loc, key)) for key, value in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((item, (*loc, i)) for i, item in reversed(list(enumerate(node))))
        elif isinstance(node, _HugeInt):
            _refuse_number(loc, f"a number {node.digits:,} digits long")
        elif isinstance(node, _Constant):
            _refuse_number(loc, "NaN or Infinity, which is not a number")


def _refuse_number(loc: tuple[Any, ...], what: str) -> None:
    raise StrictJsonError(f"holds {what} at {_field_path(loc)}")
