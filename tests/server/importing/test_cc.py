"""Common Cartridge: Canvas, Moodle-style CC 1.1, CC 1.3 and thin CC packages built here, on both engines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

from lms_desktop.server.db.schema import quiz_questions, sections
from lms_desktop.server.importing.service import import_package
from tests.server.importing.conftest import ImportEnv
from tests.server.importing.packages import canvas, cc13, moodle_cc11, png, thin_cc


def _questions(env: ImportEnv, section_key: str) -> dict[str, dict[str, Any]]:
    with env.db.read() as conn:
        rows = conn.execute(
            sa.select(quiz_questions)
            .join(sections, sections.c.id == quiz_questions.c.section_id)
            .where(sections.c.source_key == section_key)
            .order_by(quiz_questions.c.position)
        ).all()
    return {
        r.question_key: {
            "kind": r.kind,
            "choices": json.loads(r.choices),
            "key": json.loads(r.answer_key),
            "feedback": json.loads(r.feedback),
            "points": r.points,
        }
        for r in rows
    }


def _outline(server_api: str, course_id: int) -> list[dict[str, Any]]:
    content = httpx.get(f"{server_api}/courses/{course_id}/content").json()
    return [dict(s, lesson=lesson["title"]) for lesson in content["lessons"] for s in lesson["sections"]]


def test_moodle_cc11(env: ImportEnv, tmp_path: Path) -> None:
    summary = import_package(env.target, moodle_cc11(tmp_path))
    assert summary.title == "Moodle Course" and summary.lessons == 2
    assert summary.sections == {"page": 2, "file": 1, "quiz": 1, "link": 1, "discussion": 1}
    qs = _questions(env, "res_quiz")
    assert list(qs) == ["mc1", "tf1", "mr1", "fib1", "pm1", "es1"]
    assert qs["mc1"]["kind"] == "single" and qs["mc1"]["key"] == {"correct": ["B1"]}
    assert qs["mc1"]["choices"] == [{"id": "A1", "html": "Alpha"}, {"id": "B1", "html": "Beta"}]
    assert (
        qs["mc1"]["feedback"]["correct"] == "<p>Well done</p>"
        and qs["mc1"]["feedback"]["incorrect"] == "Not quite"
    )
    assert qs["tf1"]["key"] == {"correct": ["T"]}
    assert qs["mr1"]["kind"] == "multiple" and qs["mr1"]["key"] == {"correct": ["A", "C"], "partial": False}
    assert qs["fib1"]["key"] == {
        "accepted": [{"value": "Paris", "match": "exact"}, {"value": "paris", "match": "substring"}]
    }
    assert qs["pm1"]["kind"] == "text" and qs["es1"]["kind"] == "essay"
    with env.serve() as server:
        outline = _outline(server.api_url, summary.id)
        assert [s["title"] for s in outline][:2] == ["Reading: Page one", "Reading: Slides"]
        page = httpx.get(f"{server.api_url}/sections/{outline[0]['id']}").json()
        assert f'/api/v1/sections/{outline[-1]["id"]}"' in page["body_html"]  # the link to page two
        assert page["assets"][0]["name"] == "pic.png"
        quiz = next(s for s in outline if s["type"] == "quiz")
        course = httpx.get(f"{server.api_url}/courses/{summary.id}").json()
        assert course["language"] == "fr" and course["description"] == "From Moodle"
        forum = httpx.get(f"{server.api_url}/sections/{outline[4]['id']}").json()
        assert forum["type"] == "discussion" and "Introduce yourself" in forum["body_html"]
        assert quiz["title"] == "Quiz one"


def test_canvas_quirks(env: ImportEnv, tmp_path: Path) -> None:
    summary = import_package(env.target, canvas(tmp_path))
    assert summary.title == "Canvas Course"
    skipped = {item.item: item.reason for item in summary.skipped}
    assert "Hidden module" in skipped and "wiki_content/draft.html" in skipped
    assert any("cmatch" in item for item in skipped)
    qs = _questions(env, "quiz_a")
    assert list(qs) == ["cmc", "csa", "cnum", "cmatch"]  # the text-only item is not a question
    assert qs["cmc"]["points"] == 4 and qs["cmc"]["key"] == {"correct": ["102"]}
    assert qs["csa"]["key"] == {"accepted": [{"value": "green", "match": "ci"}]}
    (number,) = qs["cnum"]["key"]["answers"]
    assert abs(number["value"] - 3.14) < 1e-9 and abs(number["tolerance"] - 0.01) < 1e-9
    assert qs["cmatch"]["kind"] == "unsupported" and qs["cmatch"]["points"] == 0
    with env.serve() as server:
        outline = _outline(server.api_url, summary.id)
        lessons = [s["lesson"] for s in outline]
        assert lessons[0] == "Module 1" and "Hidden module" not in lessons
        assert {"Pages", "Quizzes"} <= set(lessons)  # unplaced resources, in lessons named after their kind
        titles = [s["title"] for s in outline]
        assert "Loose page" in titles and "Practice quiz" in titles and "Draft" not in titles
        welcome = httpx.get(f"{server.api_url}/sections/{outline[0]['id']}").json()
        html = welcome["body_html"]
        assert "<script" not in html and "<iframe" not in html
        assert 'href="https://www.youtube.com/embed/abcdefghijk"' in html and "Intro video" in html
        loose = next(s for s in outline if s["title"] == "Loose page")
        practice = next(s for s in outline if s["title"] == "Practice quiz")
        assert f'href="/api/v1/sections/{loose["id"]}"' in html
        assert f'href="/api/v1/sections/{practice["id"]}"' in html
        (chart,) = welcome["assets"]
        assert chart["name"] == "chart one.png"
        assert httpx.get(server.base_url + chart["url"]).content == png((10, 120, 200))
        tool = next(s for s in outline if s["type"] == "external")
        tool_section = httpx.get(f"{server.api_url}/sections/{tool['id']}").json()
        assert (
            tool_section["url"] == "https://tool.example.com/launch"
            and tool_section["provider"] == "Publisher"
        )
        quiz = next(s for s in outline if s["title"] == "First quiz")
        course = httpx.get(f"{server.api_url}/courses/{summary.id}").json()
        assert course["description"] == "The syllabus says hello."
        assert quiz["type"] == "quiz"
    with env.db.read() as conn:
        data = conn.execute(
            sa.text(
                "SELECT b.data FROM sections s JOIN section_bodies b ON b.id = s.body_id "
                "WHERE s.source_key = 'quiz_a'"
            )
        ).scalar_one()
    assert json.loads(data) == {"max_attempts": None}  # Canvas allowed_attempts -1: unlimited


def test_cc13_and_thin_cc(env: ImportEnv, tmp_path: Path) -> None:
    summary = import_package(env.target, cc13(tmp_path / "a"))
    assert summary.title == "CC 1.3 course"
    assert summary.sections == {"external": 1, "link": 1}
    assert [s.item for s in summary.skipped] == []  # the odd resource is placed nowhere and is not content
    thin = import_package(env.target, thin_cc(tmp_path / "b"))
    assert thin.sections == {"link": 1, "external": 1} and thin.assets == 0
    with env.serve() as server:
        outline = _outline(server.api_url, summary.id)
        task = httpx.get(f"{server.api_url}/sections/{outline[0]['id']}").json()
        assert "Write 500 words" in task["body_html"] and task["type"] == "external"
