"""Quiz storage: a section's questions, submitting an attempt, and the learner's attempts.

Submitting is safe to replay and to race:
- the op_id is unique per learner (quiz_attempts), so the same op_id again returns the stored result and
  makes no new attempt, whether it comes back in a minute or twenty times at once;
- attempt numbers are 1, 2, 3... per learner and quiz, unique in the table. A new attempt takes the next
  number with INSERT ... ON CONFLICT DO NOTHING: two racing submissions cannot both take the same number
  (the loser reads the table again and takes the next one), and a number past max_attempts is refused, so
  concurrency can never make more attempts than allowed. SQLite writers are serialised anyway.
A stored attempt completes the section (progress, monotonic like any completion) and bumps the learner's
version, so their content outline, dashboard and attempts list revalidate.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import msgspec
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lms_desktop.contract import (
    AnswerValue,
    AttemptList,
    AttemptRequest,
    AttemptResult,
    AttemptSummary,
    ProgressUpdate,
    QuestionResult,
    Quiz,
    QuizChoice,
    QuizQuestion,
)
from lms_desktop.server.db.errors import Conflict
from lms_desktop.server.db.queries import learner
from lms_desktop.server.db.queries.catalog import visible
from lms_desktop.server.db.schema import courses, enrollments, quiz_attempts, quiz_questions, section_bodies
from lms_desktop.server.db.schema import sections as s
from lms_desktop.server.db.sqlutil import dialect_insert
from lms_desktop.server.quiz import keys
from lms_desktop.server.quiz.grading import check_answers, grade

_encode = msgspec.json.Encoder().encode
_results = msgspec.json.Decoder(dict[str, QuestionResult])
_answers = msgspec.json.Decoder(dict[str, AnswerValue])
MAX_TRIES = 50  # attempt-number races lost in a row before giving up (each loss means another attempt won)


class TooManyAttempts(Conflict):
    """Past max_attempts -> 409."""


class QuizSection(msgspec.Struct, frozen=True):
    section_id: int
    course_id: int
    max_attempts: int | None
    questions: tuple[keys.Question, ...]


def load(conn: Connection, section_id: int) -> QuizSection | None:
    """A visible quiz section with its questions (keys included: server use only); None otherwise."""
    row = conn.execute(
        sa.select(s.c.course_id, section_bodies.c.data)
        .select_from(
            s.join(courses, courses.c.id == s.c.course_id).join(
                section_bodies, section_bodies.c.id == s.c.body_id
            )
        )
        .where(s.c.id == section_id, s.c.type == "quiz", s.c.hidden.is_(False), visible(conn.dialect.name))
    ).first()
    if row is None:
        return None
    return QuizSection(
        section_id=section_id,
        course_id=int(row.course_id),
        max_attempts=keys.max_attempts(row.data),
        questions=tuple(questions(conn, section_id)),
    )


def questions(conn: Connection, section_id: int) -> list[keys.Question]:
    q = quiz_questions.c
    found = conn.execute(
        sa.select(q.question_key, q.kind, q.prompt_html, q.choices, q.answer_key, q.feedback, q.points)
        .where(q.section_id == section_id)
        .order_by(q.position, q.id)
    ).all()
    return [keys.question(*r) for r in found]


def public_quiz(conn: Connection, section_id: int, data: str | None) -> Quiz:
    """The quiz as every learner may see it: questions and choices, never the key or the feedback."""
    return Quiz(
        max_attempts=keys.max_attempts(data),
        questions=[
            QuizQuestion(
                id=qn.key,
                kind=qn.kind,
                prompt_html=qn.prompt_html,
                choices=[QuizChoice(id=c.id, html=c.html) for c in qn.choices],
                points=qn.points,
            )
            for qn in questions(conn, section_id)
        ],
    )


# ---- submitting -----------------------------------------------------------------------------------


def _stored(conn: Connection, user_id: int, op_id: str) -> tuple[int, AttemptResult] | None:
    a = quiz_attempts.c
    row = conn.execute(
        sa.select(a.section_id, a.attempt_no, a.score, a.max_score, a.results).where(
            a.user_id == user_id, a.op_id == op_id
        )
    ).first()
    if row is None:
        return None
    result = AttemptResult(
        attempt=row.attempt_no, score=row.score, max_score=row.max_score, results=_results.decode(row.results)
    )
    return int(row.section_id), result


def _replay(conn: Connection, user_id: int, section_id: int, op_id: str) -> AttemptResult | None:
    found = _stored(conn, user_id, op_id)
    if found is None:
        return None
    if found[0] != section_id:
        raise Conflict(f"op_id {op_id} was already used for another quiz")
    return found[1]


def _ensure_enrolled(conn: Connection, user_id: int, course_id: int, stamp: datetime) -> None:
    status = conn.execute(
        sa.select(enrollments.c.status).where(
            enrollments.c.user_id == user_id, enrollments.c.course_id == course_id
        )
    ).scalar()
    if status not in ("active", "completed"):
        learner.set_enrollment(conn, user_id, course_id, True, client_timestamp=stamp)


def submit(conn: Connection, user_id: int, section_id: int, req: AttemptRequest) -> AttemptResult | None:
    """Grade and store one attempt (see the module docstring); None when the quiz is not visible.

    Raises InvalidAnswer (422) and TooManyAttempts (409). Enrolls the learner on a first attempt."""
    quiz = load(conn, section_id)
    if quiz is None:
        return None
    replay = _replay(conn, user_id, section_id, req.op_id)
    if replay is not None:
        return replay
    check_answers(quiz.questions, req.answers)
    now = datetime.now(UTC)
    stamp = now if req.client_timestamp is None else min(_aware(req.client_timestamp), now)
    _ensure_enrolled(conn, user_id, quiz.course_id, stamp)
    for _ in range(MAX_TRIES):
        number = _next_number(conn, user_id, section_id)
        if quiz.max_attempts is not None and number > quiz.max_attempts:
            # the same op_id, sent twice at once, may have taken the last attempt since the check above
            replay = _replay(conn, user_id, section_id, req.op_id)
            if replay is not None:
                return replay
            raise TooManyAttempts(
                f"no attempts left: this quiz allows {quiz.max_attempts} and all have been used"
            )
        result = grade(quiz.questions, req.answers, number)
        if _insert(conn, user_id, quiz, req, result, now, stamp):
            break
        replay = _replay(conn, user_id, section_id, req.op_id)  # the same op_id, sent twice at once
        if replay is not None:
            return replay
    else:
        raise Conflict("too many attempts submitted at once; try again")
    learner.put_progress(conn, user_id, section_id, ProgressUpdate(completed_at=stamp))  # bumps the user
    return result


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _next_number(conn: Connection, user_id: int, section_id: int) -> int:
    a = quiz_attempts.c
    top = conn.execute(
        sa.select(sa.func.max(a.attempt_no)).where(a.user_id == user_id, a.section_id == section_id)
    ).scalar()
    return int(top or 0) + 1


def _insert(
    conn: Connection,
    user_id: int,
    quiz: QuizSection,
    req: AttemptRequest,
    result: AttemptResult,
    now: datetime,
    stamp: datetime,
) -> bool:
    """True when this attempt took its number; False when a racing one (or the same op_id) got there."""
    stmt = (
        dialect_insert(conn, quiz_attempts)
        .values(
            user_id=user_id,
            section_id=quiz.section_id,
            course_id=quiz.course_id,
            attempt_no=result.attempt,
            op_id=req.op_id,
            answers=_encode(req.answers).decode(),
            results=_encode(result.results).decode(),
            score=result.score,
            max_score=result.max_score,
            submitted_at=now,
            client_ts=stamp,
        )
        .on_conflict_do_nothing()
        .returning(quiz_attempts.c.id)
    )
    return conn.execute(stmt).first() is not None


# ---- reading --------------------------------------------------------------------------------------


def list_attempts(conn: Connection, user_id: int, section_id: int) -> AttemptList | None:
    """The learner's own attempts, oldest first, with the best (highest score, earliest on a tie) and the
    latest marked; None when the quiz is not visible."""
    quiz = load(conn, section_id)
    if quiz is None:
        return None
    a = quiz_attempts.c
    found = conn.execute(
        sa.select(a.attempt_no, a.score, a.max_score, a.submitted_at, a.results, a.answers)
        .where(a.user_id == user_id, a.section_id == section_id)
        .order_by(a.attempt_no)
    ).all()
    attempts = [
        AttemptSummary(
            attempt=r.attempt_no,
            score=r.score,
            max_score=r.max_score,
            submitted_at=_aware(r.submitted_at),
            results=_results.decode(r.results),
            answers=_answers.decode(r.answers),
        )
        for r in found
    ]
    _mark(attempts)
    left = None if quiz.max_attempts is None else max(0, quiz.max_attempts - len(attempts))
    return AttemptList(
        section_id=section_id, max_attempts=quiz.max_attempts, attempts_left=left, attempts=attempts
    )


def _mark(attempts: Sequence[AttemptSummary]) -> None:
    if not attempts:
        return
    best = max(attempts, key=lambda x: (_ratio(x), -x.attempt))
    best.best = True
    attempts[-1].latest = True


def _ratio(attempt: AttemptSummary) -> float:
    return attempt.score / attempt.max_score if attempt.max_score > 0 else 0.0
