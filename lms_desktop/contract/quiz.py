"""Quizzes: the questions a learner sees (never the keys), attempts and their results."""

from __future__ import annotations

from datetime import datetime

from lms_desktop.contract.base import OpId, QuestionKind, Struct


class QuizChoice(Struct, kw_only=True):
    id: str  # the package's identifier (QTI response_label ident, OLX choice name or position)
    html: str


class QuizQuestion(Struct, kw_only=True):
    """A question as a learner sees it: never the answer key."""

    id: str  # the package's identifier (QTI item ident, OLX url_name[+response position])
    kind: QuestionKind
    prompt_html: str
    choices: list[QuizChoice] = []
    points: float = 1.0


class Quiz(Struct, kw_only=True):
    max_attempts: int | None  # None: unlimited
    questions: list[QuizQuestion]


# A choice id (single), choice ids (multiple), a text (text, essay) or a number (numeric).
AnswerValue = str | list[str] | float


class AttemptRequest(Struct, kw_only=True):
    """POST /sections/{id}/attempts. Safe to replay: the same op_id returns the same result."""

    op_id: OpId
    client_timestamp: datetime | None = None
    answers: dict[str, AnswerValue]


class QuestionResult(Struct, kw_only=True):
    correct: bool | None  # None: not scored (essay, unsupported)
    points: float
    feedback_html: str | None = None


class AttemptResult(Struct, kw_only=True):
    attempt: int  # 1-based attempt number
    score: float
    max_score: float
    results: dict[str, QuestionResult]


class AttemptSummary(Struct, kw_only=True):
    attempt: int
    score: float
    max_score: float
    submitted_at: datetime
    best: bool = False
    latest: bool = False
    results: dict[str, QuestionResult] = {}
    answers: dict[str, AnswerValue] = {}


class AttemptList(Struct, kw_only=True):
    section_id: int
    max_attempts: int | None
    attempts_left: int | None  # None: unlimited
    attempts: list[AttemptSummary]
