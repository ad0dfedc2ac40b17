"""A Markdown course folder: imported, served over HTTP and read through the client, on both engines."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from lms_desktop.client import ClientConfig, LmsClient, MemoryTokenStore
from lms_desktop.contract import API_PREFIX, Section
from lms_desktop.server.db.schema import quiz_questions, sections
from lms_desktop.server.importing.service import import_package
from tests.server.importing.conftest import ImportEnv
from tests.server.importing.packages import markdown_course, png


def _questions(env: ImportEnv) -> dict[str, tuple[str, dict[str, object], float]]:
    with env.db.read() as conn:
        rows = conn.execute(
            sa.select(
                quiz_questions.c.question_key,
                quiz_questions.c.kind,
                quiz_questions.c.answer_key,
                quiz_questions.c.points,
            )
        ).all()
    return {r[0]: (r[1], json.loads(r[2]), r[3]) for r in rows}


def test_markdown_course_imports_with_every_section_type(env: ImportEnv, tmp_path: Path) -> None:
    summary = import_package(env.target, markdown_course(tmp_path / "course"))
    assert summary.created and summary.title == "Markdown Test Course"
    assert summary.lessons == 2
    assert summary.sections == {"page": 2, "file": 1, "video": 1, "link": 1, "quiz": 1}
    assert summary.assets == 3 and summary.questions == 4 and summary.skipped == []
    questions = _questions(env)
    assert questions["pick"][:2] == ("single", {"correct": ["b"]})
    assert questions["q2"] == ("text", {"accepted": [{"value": "Paris", "match": "ci"}]}, 2.0)
    assert questions["q3"][1] == {"answers": [{"value": 3.14, "tolerance": 1.0, "percent": True}]}
    assert questions["q4"][0] == "essay"


def test_served_sections_assets_and_client(env: ImportEnv, tmp_path: Path) -> None:
    summary = import_package(env.target, markdown_course(tmp_path / "course"))
    with env.serve() as server:
        base = server.api_url
        content = httpx.get(f"{base}/courses/{summary.id}/content").json()
        outline = [s for lesson in content["lessons"] for s in lesson["sections"]]
        assert [s["type"] for s in outline] == ["page", "page", "file", "video", "link", "quiz"]
        intro = httpx.get(f"{base}/sections/{outline[0]['id']}").json()
        html = intro["body_html"]
        assert "<script" not in html and "onclick" not in html and "<b>bold</b>" in html
        assert f'href="{API_PREFIX}/sections/{outline[1]["id"]}"' in html
        (image,) = intro["assets"]
        assert image["kind"] == "image" and image["name"] == "diagram.png" and image["url"] in html
        video = httpx.get(f"{base}/sections/{outline[3]['id']}").json()
        assert (
            video["provider"] == "youtube" and video["url"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
        )
        assert video["captions"][0]["format"] == "vtt" and video["captions"][0]["label"] == "English"
        handout = httpx.get(f"{base}/sections/{outline[2]['id']}").json()
        assert (
            handout["file"]["name"] == "03-handout.pdf"
            and handout["file"]["content_type"] == "application/pdf"
        )
        link = httpx.get(f"{base}/sections/{outline[4]['id']}").json()
        assert link["url"] == "https://example.org/docs"

        asset_url = server.base_url + image["url"]
        whole = httpx.get(asset_url)
        assert whole.status_code == 200 and whole.content == png()
        assert whole.headers["content-type"] == "image/png"
        assert whole.headers["etag"] == f'"{image["sha256"]}"'
        assert "immutable" in whole.headers["cache-control"]
        part = httpx.get(asset_url, headers={"Range": "bytes=1-4"})
        assert part.status_code == 206 and part.content == png()[1:5]
        assert part.headers["content-range"] == f"bytes 1-4/{len(png())}"
        tail = httpx.get(asset_url, headers={"Range": "bytes=-3"})
        assert tail.status_code == 206 and tail.content == png()[-3:]
        outside = httpx.get(asset_url, headers={"Range": f"bytes={len(png()) + 5}-"})
        assert outside.status_code == 416 and outside.headers["content-range"] == f"bytes */{len(png())}"
        assert httpx.get(asset_url, headers={"If-None-Match": whole.headers["etag"]}).status_code == 304
        thumb = httpx.get(asset_url, params={"w": 100})
        assert thumb.status_code == 200 and thumb.headers["content-type"] == "image/webp"
        assert httpx.get(f"{base}/assets/{'0' * 64}").status_code == 404
        assert httpx.get(f"{base}/assets/not-a-hash").status_code == 400

        course = httpx.get(f"{base}/courses/{summary.id}").json()
        assert course["image_url"] and httpx.get(server.base_url + course["image_url"]).status_code == 200


async def test_client_reads_an_imported_section_and_its_asset(env: ImportEnv, tmp_path: Path) -> None:
    summary = import_package(env.target, markdown_course(tmp_path / "course"))
    with env.serve() as server:
        config = ClientConfig(server.base_url, cache_dir=tmp_path / "cache", token_store=MemoryTokenStore())
        async with LmsClient(config) as client:
            content = (await client.content(summary.id)).value
            first = content.lessons[0].sections[0]
            section: Section = (await client.section(first.id)).value
            assert section.type == "page" and section.body_html and section.assets
            data = await client.asset(section.assets[0].url)
            assert data == png()
            before = server.count("/assets/")
            assert await client.asset(section.assets[0].url) == data
            assert server.count("/assets/") == before  # immutable: the second read is the cache's


def test_reimport_updates_in_place(env: ImportEnv, tmp_path: Path) -> None:
    first = import_package(env.target, markdown_course(tmp_path / "v1"))
    with env.db.read() as conn:
        before = {r.source_key: (r.id, r.version) for r in conn.execute(sa.select(sections))}
    with env.serve() as server:
        user_id, _, token = _learner(server)
        more_id = before["basics/more"][0]
        headers = {"Authorization": f"Bearer {token}"}
        assert (
            httpx.put(f"{server.api_url}/courses/{first.id}/enrollment", headers=headers).status_code == 200
        )
        done = {"completed_at": "2026-01-01T00:00:00Z"}
        assert (
            httpx.put(f"{server.api_url}/progress/{more_id}", json=done, headers=headers).status_code == 200
        )

    again = import_package(
        env.target, markdown_course(tmp_path / "v2", intro_extra="New paragraph.", drop_second=True)
    )
    assert again.id == first.id and not again.created
    with env.db.read() as conn:
        after = {r.source_key: (r.id, r.version, r.hidden) for r in conn.execute(sa.select(sections))}
        kept_progress = conn.execute(
            sa.text(f"SELECT COUNT(*) FROM progress WHERE user_id = {user_id}")
        ).scalar()
    assert after["basics/intro"][:2] == (before["basics/intro"][0], before["basics/intro"][1] + 1)
    assert after["practice/docs"][:2] == before["practice/docs"]  # unchanged: same id, same version
    assert after["basics/more"][2] is True and kept_progress == 1
    with env.serve() as server:
        content = httpx.get(f"{server.api_url}/courses/{first.id}/content").json()
        ids = [s["id"] for lesson in content["lessons"] for s in lesson["sections"]]
        assert more_id not in ids and len(ids) == 5
        assert httpx.get(f"{server.api_url}/sections/{more_id}").status_code == 404
        intro = httpx.get(f"{server.api_url}/sections/{ids[0]}").json()
        assert intro["next_section_id"] == ids[1]  # the hidden section is skipped
        assert httpx.get(f"{server.api_url}/courses/{first.id}").json()["section_count"] == 5
        dash = httpx.get(f"{server.api_url}/dashboard", headers=headers).json()
        (item,) = [i for i in dash["items"] if i["course_id"] == first.id]
        assert item["total_sections"] == 5 and item["completed_sections"] == 0  # the hidden one not counted
        assert item["next_section_id"] == ids[0]


def _learner(server: object) -> tuple[int, str, str]:
    from tests.fixtures.servers import new_learner

    return new_learner(server)  # type: ignore[arg-type]


@pytest.mark.parametrize("draft", [False, True])
def test_cli_json_summary(tmp_path: Path, draft: bool) -> None:
    import subprocess
    import sys

    course = markdown_course(tmp_path / "course")
    args = [sys.executable, "-m", "lms_desktop.server.cli", "import", str(course), "--json"]
    args += ["--database", f"sqlite:///{tmp_path / 'db.sqlite3'}", "--data-dir", str(tmp_path / "data")]
    done = subprocess.run(args + (["--draft"] if draft else []), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    (only,) = summary["courses"]
    assert only["created"] is True and only["sections"]["quiz"] == 1 and only["questions"] == 4
    bad = subprocess.run(
        [*args[:4], str(tmp_path / "nothing.zip"), *args[5:]], capture_output=True, text=True, timeout=120
    )
    assert bad.returncode != 0
    errors = [line for line in bad.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "nothing.zip" in errors[0]


def test_imported_quiz_is_graded(env: ImportEnv, tmp_path: Path) -> None:
    summary = import_package(env.target, markdown_course(tmp_path / "course"))
    with env.serve() as server:
        _, _, token = _learner(server)
        headers = {"Authorization": f"Bearer {token}"}
        content = httpx.get(f"{server.api_url}/courses/{summary.id}/content").json()
        quiz = next(s for lesson in content["lessons"] for s in lesson["sections"] if s["type"] == "quiz")
        shown = httpx.get(f"{server.api_url}/sections/{quiz['id']}").json()["quiz"]
        assert shown["max_attempts"] == 2 and [q["id"] for q in shown["questions"]] == [
            "pick",
            "q2",
            "q3",
            "q4",
        ]
        answers = {"pick": "b", "q2": "PARIS", "q3": 3.16, "q4": "Because."}
        graded = httpx.post(
            f"{server.api_url}/sections/{quiz['id']}/attempts",
            json={"op_id": "import-quiz-1", "answers": answers},
            headers=headers,
        )
        assert graded.status_code in (200, 201), graded.text
        result = graded.json()
        assert result["max_score"] == 4 and result["score"] == 4  # 1 + 2 + 1; the essay is not scored
