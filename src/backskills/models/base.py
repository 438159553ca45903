"""Shared model configuration and constrained field types."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

NAME_MAX = 60
NOTE_MAX = 2000
AMOUNT_MAX = 1_000_000  # the same limit as validate.AMOUNT_MAX: no sum can overflow


class StrictModel(BaseModel):
    model_config = ConfigDict(
        extra="forbid", allow_inf_nan=False, validate_default=False, defer_build=True
    )


Amount = Annotated[float, Field(ge=0, le=AMOUNT_MAX, allow_inf_nan=False)]
Positive = Annotated[float, Field(gt=0, le=AMOUNT_MAX, allow_inf_nan=False)]
Pain = Annotated[int, Field(ge=0, le=10)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=NAME_MAX)]
Note = Annotated[str, StringConstraints(max_length=NOTE_MAX)]
Id = Annotated[int, Field(ge=1)]
EntryId = Annotated[str, StringConstraints(pattern=r"^[a-z][1-9][0-9]{0,8}$")]
"""A dated entry's short id: a kind letter and a number (``a12``); see ``models.entries``."""
