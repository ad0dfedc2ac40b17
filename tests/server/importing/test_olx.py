"""Open edX OLX: a .tar.gz with course/ at its root and the same course as a folder, on both engines."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import sqlalchemy as sa

from lms_desktop.server.db.schema import quiz_questions
from lms_desktop.server.importing.service import import_package
from tests.server.importing.conftest import ImportEnv
from tests.server.importing.packages import olx_course, png, tar_gz


def test_olx_tar_gz(env: ImportEnv, tmp_path: Path) -> None:
    package = tar_gz(olx_course(tmp_path / "src"), tmp_path / "course.tar.gz")
    summary = import_package(env.target, package)
    assert summary.title == "Physics OLX" and summary.lessons == 2
    assert summary.sections == {"page": 2, "video": 1, "quiz": 1, "discussion": 1, "external": 2}
    skipped = {s.item: s.reason for s in summary.skipped}
    assert "Staff notes" in skipped and any(k.endswith("prob1_6") for k in skipped)
    with env.db.read() as conn:
        rows = conn.execute(sa.select(quiz_questions).order_by(quiz_questions.c.position)).all()
    qs = {r.question_key: r for r in rows}
    assert list(qs) == [f"prob1_{i}" for i in range(1, 7)]
    assert json.loads(qs["prob1_1"].answer_key) == {"correct": ["apple"]}
    assert json.loads(qs["prob1_1"].feedback)["choices"] == {"apple": "Yes, apples are fruit."}
    assert "Explained here." in json.loads(qs["prob1_1"].feedback)["general"]
    assert json.loads(qs["prob1_2"].answer_key) == {"correct": ["1", "3"], "partial": False}
    assert json.loads(qs["prob1_3"].choices) == [{"id": "1", "html": "red"}, {"id": "2", "html": "blue"}]
    assert json.loads(qs["prob1_3"].answer_key) == {"correct": ["2"]}
    assert json.loads(qs["prob1_4"].answer_key) == {
        "accepted": [{"value": "Paris", "match": "ci"}, {"value": "Paree", "match": "ci"}]
    }
    assert json.loads(qs["prob1_5"].answer_key) == {
        "answers": [{"value": 9.81, "tolerance": 5.0, "percent": True}]
    }
    assert qs["prob1_6"].kind == "unsupported" and qs["prob1_6"].points == 0
    assert qs["prob1_1"].points == 1.2  # weight 6 over five gradable responses
    assert "Which is a fruit?" in qs["prob1_1"].prompt_html and "Answer these." in qs["prob1_1"].prompt_html

    with env.serve() as server:
        content = httpx.get(f"{server.api_url}/courses/{summary.id}/content").json()
        outline = [s for lesson in content["lessons"] for s in lesson["sections"]]
        by_title = {s["title"]: s for s in outline}
        intro = httpx.get(f"{server.api_url}/sections/{by_title['Introduction']['id']}").json()
        (picture, notes) = intro["assets"]
        assert picture["name"] == "my pic.png" and intro["body_html"].count(picture["url"]) == 2
        assert notes["name"] == "notes.pdf"
        assert (
            f'href="/api/v1/sections/{by_title["Unit A"]["id"]}"' in intro["body_html"]
        )  # jump_to_id: the quiz
        video = httpx.get(f"{server.api_url}/sections/{by_title['Lecture']['id']}").json()
        assert (
            video["url"] == "https://www.youtube.com/watch?v=abcdefghijk" and video["provider"] == "youtube"
        )
        assert video["file"]["content_type"] == "video/mp4"
        assert video["captions"] == [
            {"language": "en", "label": "English", "url": video["captions"][0]["url"], "format": "srt"}
        ]
        inline = httpx.get(f"{server.api_url}/sections/{by_title['Inline page']['id']}").json()
        assert f'href="/api/v1/sections/{by_title["Lecture"]["id"]}"' in inline["body_html"]
        lab = httpx.get(f"{server.api_url}/sections/{by_title['Lab']['id']}").json()
        assert lab["type"] == "external" and lab["url"] == "https://lab.example.com/launch"
        course = httpx.get(f"{server.api_url}/courses/{summary.id}").json()
        assert course["description"] == "Forces and motion." and course["image_url"]
        assert quiz_max_attempts(env) == 3
        assert httpx.get(server.base_url + picture["url"]).content == png((1, 2, 3))


QUIZ_DATA = "SELECT b.data FROM sections s JOIN section_bodies b ON b.id = s.body_id WHERE s.type = 'quiz'"


def quiz_max_attempts(env: ImportEnv) -> int:
    with env.db.read() as conn:
        data = conn.execute(sa.text(QUIZ_DATA)).scalar_one()
    return int(json.loads(data)["max_attempts"])


def test_olx_folder_reimport_keeps_ids(env: ImportEnv, tmp_path: Path) -> None:
    folder = olx_course(tmp_path / "src")
    first = import_package(env.target, folder)
    with env.db.read() as conn:
        before = dict(conn.execute(sa.text("SELECT source_key, id FROM sections")).all())
    olx_course(tmp_path / "src", html_text="Welcome to mechanics")
    again = import_package(env.target, folder)
    assert again.id == first.id and again.created is False
    with env.db.read() as conn:
        after = {
            k: (i, v)
            for k, i, v in conn.execute(sa.text("SELECT source_key, id, version FROM sections")).all()
        }
    assert {k: i for k, (i, _) in after.items()} == before
    assert after["intro"][1] == 2 and after["vid1"][1] == 1
