"""Shared model configuration and constrained field types."""

import datetime as dt
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from backskills.bounds import (
    AMOUNT_MAX,
    DATE_MAX,
    DATE_MIN,
    HOLD_DAYS_MAX,
    ID_MAX,
    MOMENT_MAX,
    MOMENT_MIN,
    NAME_MAX,
    NOTE_MAX,
    RESOLUTION_MIN,
)

__all__ = [
    "AMOUNT_MAX",
    "DATE_MAX",
    "DATE_MIN",
    "HOLD_DAYS_MAX",
    "ID_MAX",
    "NAME_MAX",
    "NOTE_MAX",
    "RESOLUTION_MIN",
]


class StrictModel(BaseModel):
    model_config = ConfigDict(
        extra="forbid", allow_inf_nan=False, validate_default=False, defer_build=True
    )

    def has_only_defaults(self) -> bool:
        """Every field holds its default, as in a new object made with no arguments.

        The same answer as ``self == type(self)()``, without making that object: making it
        builds the model's validator (for the journal, a good part of a command's start-up).
        """
        for name, info in type(self).model_fields.items():
            value = getattr(self, name)
            factory: Any = info.default_factory
            if isinstance(factory, type) and issubclass(factory, StrictModel):
                if type(value) is not factory or not value.has_only_defaults():
                    return False
            elif factory is not None:
                if value != factory():
                    return False
            elif info.is_required() or value != info.default:
                return False
        return not self.__pydantic_extra__


Amount = Annotated[float, Field(ge=0, le=AMOUNT_MAX, allow_inf_nan=False)]
Positive = Annotated[float, Field(gt=0, le=AMOUNT_MAX, allow_inf_nan=False)]
Pain = Annotated[int, Field(ge=0, le=10)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=NAME_MAX)]
Note = Annotated[str, StringConstraints(max_length=NOTE_MAX)]
Id = Annotated[int, Field(ge=1, le=ID_MAX)]
Index = Annotated[int, Field(ge=0, le=ID_MAX)]
Resolution = Annotated[float, Field(ge=RESOLUTION_MIN, le=AMOUNT_MAX, allow_inf_nan=False)]
Day = Annotated[dt.date, Field(ge=DATE_MIN, le=DATE_MAX)]
# A moment with its time zone (a naive one could not be compared with "now").
Moment = Annotated[AwareDatetime, Field(ge=MOMENT_MIN, le=MOMENT_MAX)]
LevelHold = Annotated[int, Field(ge=1, le=HOLD_DAYS_MAX)]
EntryId = Annotated[str, StringConstraints(max_length=10, pattern=r"^[a-z][1-9][0-9]{0,8}$")]
"""A dated entry's short id: a kind letter and a number (``a12``); see ``models.entries``."""


# Default factories for list and dict fields. pydantic asks every default factory whether it
# takes the data validated so far (``inspect.signature``), and for the builtins ``list`` and
# ``dict`` that means parsing their signature from text: about a third of building the
# journal's schema, which every command does. A function of ours answers at once; the
# result is the same, a new empty list or dict for each object.


def new_list() -> list[Any]:
    """A new empty list (a default factory; see above)."""
    return []


def new_dict() -> dict[str, Any]:
    """A new empty dict (a default factory; see above)."""
    return {}
