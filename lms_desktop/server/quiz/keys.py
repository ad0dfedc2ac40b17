"""Typed views of the quiz_questions JSON columns (choices, answer_key, feedback), as CONTENT_MODEL says.

The columns are written by the importer and the demo seed, both fed by untrusted packages: a column that
does not decode makes its question `unsupported` (shown, never scored) instead of failing the whole quiz.
"""

from __future__ import annotations

from typing import Literal

import msgspec

from lms_desktop.contract import QuestionKind

Match = Literal["exact", "ci", "regex", "substring"]


class _Json(msgspec.Struct, kw_only=True, forbid_unknown_fields=False):
    pass


class Choice(_Json):
    id: str
    html: str = ""


class ChoiceKey(_Json):
    """single and multiple: the right choice ids; `partial` (multiple only) gives credit per choice."""

    correct: list[str] = []
    partial: bool = False


class Accepted(_Json):
    value: str
    match: Match = "exact"


class TextKey(_Json):
    accepted: list[Accepted] = []


class NumericAnswer(_Json):
    value: float
    tolerance: float = 0.0
    percent: bool = False


class NumericKey(_Json):
    answers: list[NumericAnswer] = []


class EmptyKey(_Json):
    pass


Key = ChoiceKey | TextKey | NumericKey | EmptyKey


class Feedback(_Json):
    correct: str | None = None
    incorrect: str | None = None
    general: str | None = None
    choices: dict[str, str] = {}


class Question(msgspec.Struct, kw_only=True, frozen=True):
    """One question as the grader sees it: key included."""

    key: str  # question_key: the id on the wire
    kind: QuestionKind
    prompt_html: str
    choices: tuple[Choice, ...]
    points: float
    answer_key: Key
    feedback: Feedback

    @property
    def scored(self) -> bool:
        """Counted in the quiz's maximum: essays are kept, not scored; unsupported ones are only shown."""
        return self.kind in ("single", "multiple", "text", "numeric")


_choices = msgspec.json.Decoder(list[Choice])
_feedback = msgspec.json.Decoder(Feedback)
_key_types: dict[str, type[Key]] = {
    "single": ChoiceKey,
    "multiple": ChoiceKey,
    "text": TextKey,
    "numeric": NumericKey,
}
_key_decoders = {kind: msgspec.json.Decoder(t) for kind, t in _key_types.items()}


def question(
    key: str, kind: str, prompt_html: str, choices: str, answer_key: str, feedback: str, points: float
) -> Question:
    """A question from its row; undecodable JSON makes it `unsupported` with no points."""
    qkind: QuestionKind = kind if kind in _KINDS else "unsupported"  # type: ignore[assignment]
    try:
        parsed_choices = tuple(_choices.decode(choices or "[]"))
        parsed_key: Key = (
            _key_decoders[qkind].decode(answer_key or "{}") if qkind in _key_decoders else EmptyKey()
        )
        parsed_feedback = _feedback.decode(feedback or "{}")
    except (msgspec.DecodeError, msgspec.ValidationError):
        return Question(
            key=key,
            kind="unsupported",
            prompt_html=prompt_html,
            choices=(),
            points=0.0,
            answer_key=EmptyKey(),
            feedback=Feedback(),
        )
    return Question(
        key=key,
        kind=qkind,
        prompt_html=prompt_html,
        choices=parsed_choices,
        points=max(float(points), 0.0) if qkind != "unsupported" else 0.0,
        answer_key=parsed_key,
        feedback=parsed_feedback,
    )


_KINDS = frozenset({"single", "multiple", "text", "numeric", "essay", "unsupported"})


class QuizData(_Json):
    """section_bodies.data of a quiz section."""

    max_attempts: int | None = None


_quiz_data = msgspec.json.Decoder(QuizData)


def max_attempts(data: str | None) -> int | None:
    """The allowed attempts (None: unlimited; a missing, broken or non-positive value is unlimited)."""
    if not data:
        return None
    try:
        value = _quiz_data.decode(data).max_attempts
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    return value if value is not None and value > 0 else None
