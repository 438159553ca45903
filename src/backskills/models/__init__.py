"""Pydantic models of the journal. ``Journal`` is the whole document.

Every model forbids unknown fields and non-finite numbers, so a field the tool does not
know is a validation error on load, never silently dropped on the next save.
"""

from backskills.models.journal import SCHEMA_VERSION, Journal

__all__ = ["SCHEMA_VERSION", "Journal"]
