"""The demo catalog's quizzes: real questions for every quiz section, pooled like the bodies.

Questions are made per pooled quiz body (subject x variant) from the subject's own tools and topics: a
single choice, a multiple choice, a number and a typed answer, with feedback, in the JSON formats the
grader reads. They are copied to every section sharing the body by one INSERT ... SELECT joined on the
body, so a 100,000-course catalog pays one statement instead of a million Python rows. Variants differ in
the attempts allowed (unlimited, 3, unlimited, 2), so the demo shows both.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy.engine import Connection

from lms_desktop.server.seed.words import SUBJECTS, Subject

MAX_ATTEMPTS_BY_VARIANT = (None, 3, None, 2)
_COLUMNS = ("body_id", "question_key", "position", "kind", "prompt_html", "choices", "answer_key", "feedback")


def _others(subject: Subject, field: str, rng: random.Random, k: int) -> list[str]:
    own = {x.casefold() for x in getattr(subject, field)}
    pool = sorted(
        {x for s in SUBJECTS if s is not subject for x in getattr(s, field) if x.casefold() not in own}
    )
    return rng.sample(pool, k)


def _choices(texts: list[str]) -> list[dict[str, str]]:
    return [{"id": "abcdefgh"[i], "html": f"<p>{t}</p>"} for i, t in enumerate(texts)]


def questions(subject: Subject, variant: int) -> list[dict[str, Any]]:
    """The four questions of one pooled quiz (deterministic per subject and variant)."""
    rng = random.Random(f"quiz|{subject.name}|{variant}")
    tool = rng.choice(subject.tools)
    tools = [tool, *_others(subject, "tools", rng, 2)]
    rng.shuffle(tools)
    topics = rng.sample(subject.topics, 2)
    mixed = [*topics, *_others(subject, "topics", rng, 2)]
    rng.shuffle(mixed)
    count, minutes = rng.randint(3, 8), rng.choice((5, 10, 15, 20))
    name = subject.name
    single = _choices(tools)
    multiple = _choices(mixed)
    return [
        {
            "kind": "single",
            "prompt_html": f"<p>Which of these tools belongs to <b>{name}</b>?</p>",
            "choices": single,
            "answer_key": {"correct": [single[tools.index(tool)]["id"]]},
            "feedback": {
                "correct": f"<p>Right: {tool} is part of the {name} toolbox.</p>",
                "incorrect": f"<p>Not quite: {tool} is the one used in {name}.</p>",
            },
        },
        {
            "kind": "multiple",
            "prompt_html": f"<p>Which of these are topics of <b>{name}</b>? Pick every one that is.</p>",
            "choices": multiple,
            "answer_key": {"correct": [multiple[mixed.index(t)]["id"] for t in topics], "partial": False},
            "feedback": {"general": f"<p>{name} covers {topics[0]} and {topics[1]}.</p>"},
        },
        {
            "kind": "numeric",
            "prompt_html": f"<p>A lesson has {count} sections of {minutes} minutes each. "
            "How many minutes does it take?</p>",
            "choices": [],
            "answer_key": {"answers": [{"value": count * minutes, "tolerance": 0, "percent": False}]},
            "feedback": {"incorrect": f"<p>{count} × {minutes} = {count * minutes} minutes.</p>"},
        },
        {
            "kind": "text",
            "prompt_html": f"<p>Name one tool used in <b>{name}</b>.</p>",
            "choices": [],
            "answer_key": {"accepted": [{"value": t, "match": "ci"} for t in subject.tools]},
            "feedback": {"general": f"<p>Any of these: {', '.join(subject.tools)}.</p>"},
        },
    ]


def _pool_rows(body_ids: Mapping[tuple[int, str, int], int]) -> Iterator[tuple[Any, ...]]:
    for (si, kind, variant), body_id in sorted(body_ids.items()):
        if kind != "quiz":
            continue
        for position, q in enumerate(questions(SUBJECTS[si], variant)):
            yield (
                body_id,
                f"q{position + 1}",
                position,
                q["kind"],
                q["prompt_html"],
                json.dumps(q["choices"]),
                json.dumps(q["answer_key"]),
                json.dumps(q["feedback"]),
            )


def add_quizzes(conn: Connection, body_ids: Mapping[tuple[int, str, int], int], first_section: int) -> int:
    """Questions for every quiz section from `first_section` on, and the quiz bodies' allowed attempts.
    Returns how many questions were written."""
    mark = "?" if conn.dialect.name == "sqlite" else "%s"
    for (_si, kind, variant), body_id in body_ids.items():
        if kind == "quiz":
            data = json.dumps(
                {"max_attempts": MAX_ATTEMPTS_BY_VARIANT[variant % len(MAX_ATTEMPTS_BY_VARIANT)]}
            )
            conn.exec_driver_sql(
                f"UPDATE section_bodies SET data = {mark} WHERE id = {mark}", (data, body_id)
            )
    conn.exec_driver_sql(
        "CREATE TEMPORARY TABLE seed_quiz_pool (body_id INTEGER, question_key VARCHAR(200), "
        "position INTEGER, kind VARCHAR(20), prompt_html TEXT, choices TEXT, answer_key TEXT, feedback TEXT)"
    )
    conn.exec_driver_sql("CREATE INDEX seed_quiz_pool_body ON seed_quiz_pool (body_id)")  # probed per section
    rows = list(_pool_rows(body_ids))
    if rows:
        values = ", ".join([mark] * len(_COLUMNS))
        conn.exec_driver_sql(f"INSERT INTO seed_quiz_pool ({', '.join(_COLUMNS)}) VALUES ({values})", rows)
    written = conn.exec_driver_sql(
        "INSERT INTO quiz_questions (section_id, question_key, position, kind, prompt_html, choices, "
        "answer_key, feedback, points) SELECT s.id, p.question_key, p.position, p.kind, p.prompt_html, "
        "p.choices, p.answer_key, p.feedback, 1.0 FROM sections s "
        "JOIN seed_quiz_pool p ON p.body_id = s.body_id "
        f"WHERE s.type = 'quiz' AND s.id >= {mark}",
        (first_section,),
    ).rowcount
    conn.exec_driver_sql("DROP TABLE seed_quiz_pool")
    return int(written or 0)
