"""The demo seed's quiz sections are real quizzes: four questions each, gradable, on both engines."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import sqlalchemy as sa

from lms_desktop.contract import AttemptResult, Section, decoder
from lms_desktop.server.db import schema
from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.server.seed import words
from lms_desktop.server.seed.quizzes import questions
from tests.fixtures.servers import auth, new_learner


def _right_answer(kind: str, key: dict[str, Any]) -> Any:
    if kind == "single":
        return key["correct"][0]
    if kind == "multiple":
        return key["correct"]
    if kind == "numeric":
        return key["answers"][0]["value"]
    return key["accepted"][-1]["value"].upper()  # "ci": any case


def test_every_seeded_quiz_has_questions_and_grades(api_server: EmbeddedServer) -> None:
    db = api_server.database
    assert db is not None
    s, q = schema.sections, schema.quiz_questions
    with db.read() as conn:
        counts = conn.execute(
            sa.select(s.c.id, sa.func.count(q.c.id))
            .select_from(s.outerjoin(q, q.c.section_id == s.c.id))
            .where(s.c.type == "quiz")
            .group_by(s.c.id)
        ).all()
        assert counts and all(n >= 4 for _sid, n in counts)  # tests' own quizzes have more
        seeded = max(sid for sid, n in counts if n == 4)
        keys = conn.execute(
            sa.select(q.c.question_key, q.c.kind, q.c.answer_key).where(q.c.section_id == seeded)
        ).all()
    section = decoder(Section).decode(httpx.get(f"{api_server.api_url}/sections/{seeded}").content)
    assert section.quiz is not None
    assert [x.kind for x in section.quiz.questions] == ["single", "multiple", "numeric", "text"]
    assert section.quiz.max_attempts in (None, 2, 3)
    _, _, token = new_learner(api_server)
    answers = {k: _right_answer(kind, json.loads(key)) for k, kind, key in keys}
    body = {"op_id": uuid.uuid4().hex, "answers": answers}
    r = httpx.post(f"{api_server.api_url}/sections/{seeded}/attempts", headers=auth(token), json=body)
    result = decoder(AttemptResult).decode(r.content)
    assert result.score == result.max_score == 4.0


def test_pooled_questions_are_deterministic_and_consistent() -> None:
    for subject in words.SUBJECTS:
        for variant in range(4):
            made = questions(subject, variant)
            assert made == questions(subject, variant)
            single = made[0]
            (right,) = single["answer_key"]["correct"]
            chosen = next(c["html"] for c in single["choices"] if c["id"] == right)
            assert any(f"<p>{t}</p>" == chosen for t in subject.tools)
            assert len({c["id"] for c in made[1]["choices"]}) == 4
