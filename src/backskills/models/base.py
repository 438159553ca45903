"""Shared model configuration and constrained field types."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

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
