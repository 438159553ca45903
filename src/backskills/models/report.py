"""Questions the patient wants to ask at the next appointment (shown in the report)."""

from typing import Annotated

from pydantic import StringConstraints

from backskills.models.base import Day, Id, StrictModel

QUESTION_MAX = 500

QuestionText = Annotated[str, StringConstraints(min_length=1, max_length=QUESTION_MAX)]


class Question(StrictModel):
    id: Id
    text: QuestionText
    added: Day
