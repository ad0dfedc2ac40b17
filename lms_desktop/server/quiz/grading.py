"""Grading an attempt: only here, only on the server, for every question kind.

Answers are checked against the quiz before anything is scored: an unknown question or choice id, or an
answer of the wrong type for its question, refuses the whole attempt (InvalidAnswer -> 422), so a bad
client never spends one of the learner's attempts. A question left out is simply wrong (or, for an essay,
unanswered). Patterns come from packages, which are untrusted: they run with a timeout.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import regex

from lms_desktop.contract import AnswerValue, AttemptResult, QuestionResult
from lms_desktop.server.db.errors import Unprocessable
from lms_desktop.server.quiz.keys import ChoiceKey, NumericKey, Question, TextKey

PATTERN_TIMEOUT_S = 0.05  # a catastrophic pattern gives up (no match) instead of hanging the write thread
MAX_PATTERN_CHARS = 1_000


class InvalidAnswer(Unprocessable):
    """An answer the quiz cannot take (unknown id, wrong type) -> 422; no attempt is used."""


def check_answers(questions: Sequence[Question], answers: Mapping[str, AnswerValue]) -> None:
    """Raise InvalidAnswer for the first answer that does not fit its question."""
    by_key = {q.key: q for q in questions}
    for qid, value in answers.items():
        q = by_key.get(qid)
        if q is None:
            raise InvalidAnswer(f"unknown question id {qid[:80]!r}")
        _check_one(q, value)


def _check_one(q: Question, value: AnswerValue) -> None:
    ids = {c.id for c in q.choices}
    name = f"question {q.key[:80]!r}"
    if q.kind == "single":
        if not isinstance(value, str):
            raise InvalidAnswer(f"{name} takes one choice id")
        if value not in ids:
            raise InvalidAnswer(f"{name} has no choice {value[:80]!r}")
    elif q.kind == "multiple":
        if not isinstance(value, list):
            raise InvalidAnswer(f"{name} takes a list of choice ids")
        unknown = [v for v in value if v not in ids]
        if unknown:
            raise InvalidAnswer(f"{name} has no choice {unknown[0][:80]!r}")
    elif q.kind in ("text", "essay"):
        if not isinstance(value, str):
            raise InvalidAnswer(f"{name} takes a text answer")
    elif q.kind == "numeric":
        if isinstance(value, str | list) or not math.isfinite(value):
            raise InvalidAnswer(f"{name} takes a number")
    else:
        raise InvalidAnswer(f"{name} can't be answered here")


def grade(questions: Sequence[Question], answers: Mapping[str, AnswerValue], attempt: int) -> AttemptResult:
    """Score checked answers; max_score counts only the scored kinds (not essays, not unsupported)."""
    results: dict[str, QuestionResult] = {}
    score = max_score = 0.0
    for q in questions:
        result = _grade_one(q, answers.get(q.key))
        results[q.key] = result
        score += result.points
        if q.scored:
            max_score += q.points
    return AttemptResult(
        attempt=attempt, score=round(score, 4), max_score=round(max_score, 4), results=results
    )


def _grade_one(q: Question, value: AnswerValue | None) -> QuestionResult:
    if not q.scored:
        return QuestionResult(correct=None, points=0.0, feedback_html=_feedback(q, None, value))
    correct, fraction = False, 0.0
    if value is not None:
        correct, fraction = _judge(q, value)
    points = round(q.points * fraction, 4)
    return QuestionResult(correct=correct, points=points, feedback_html=_feedback(q, correct, value))


def _judge(q: Question, value: AnswerValue) -> tuple[bool, float]:
    """(right?, fraction of the points earned)."""
    key = q.answer_key
    if q.kind == "single" and isinstance(key, ChoiceKey):
        right = isinstance(value, str) and value in key.correct
        return right, float(right)
    if q.kind == "multiple" and isinstance(key, ChoiceKey) and isinstance(value, list):
        picked, wanted = set(value), set(key.correct)
        right = bool(wanted) and picked == wanted
        if right or not key.partial or not wanted:
            return right, float(right)
        earned = len(picked & wanted) - len(picked - wanted)
        return False, max(0, earned) / len(wanted)
    if q.kind == "text" and isinstance(key, TextKey) and isinstance(value, str):
        right = any(_text_matches(a.value, a.match, value) for a in key.accepted)
        return right, float(right)
    if q.kind == "numeric" and isinstance(key, NumericKey) and isinstance(value, int | float):
        right = any(_close(float(value), a.value, a.tolerance, a.percent) for a in key.answers)
        return right, float(right)
    return False, 0.0


def _text_matches(accepted: str, match: str, answer: str) -> bool:
    given = answer.strip()
    if match == "exact":
        return given == accepted.strip()
    if match == "ci":
        return given.casefold() == accepted.strip().casefold()
    if match == "substring":
        return bool(accepted.strip()) and accepted.strip().casefold() in given.casefold()
    if match == "regex" and len(accepted) <= MAX_PATTERN_CHARS:
        try:
            return regex.fullmatch(accepted, given, timeout=PATTERN_TIMEOUT_S) is not None
        except (regex.error, TimeoutError, ValueError, OverflowError):
            return False
    return False


def _close(given: float, value: float, tolerance: float, percent: bool) -> bool:
    allowed = abs(value * tolerance / 100.0) if percent else abs(tolerance)
    return abs(given - value) <= allowed + 1e-9 * max(1.0, abs(value))


def _feedback(q: Question, correct: bool | None, value: AnswerValue | None) -> str | None:
    """The package's feedback for this answer: per chosen choice, right or wrong, then general."""
    fb = q.feedback
    parts: list[str] = []
    picked = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    if q.kind in ("single", "multiple"):
        parts += [fb.choices[c] for c in dict.fromkeys(picked) if c in fb.choices]
    if correct is True and fb.correct:
        parts.append(fb.correct)
    elif correct is False and fb.incorrect:
        parts.append(fb.incorrect)
    if fb.general:
        parts.append(fb.general)
    return "\n".join(parts) if parts else None
