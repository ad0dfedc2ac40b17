"""The example course shipped in resources/ imports cleanly and shows up in a fresh embedded demo."""

from __future__ import annotations

from pathlib import Path

import httpx

from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.server.importing.demo import demo_course_folders
from tests.fixtures.servers import demo_token


def test_first_run_demo_has_the_example_course_enrolled(tmp_path: Path) -> None:
    folders = demo_course_folders()
    assert folders, "resources/courses holds at least one example course"
    with EmbeddedServer(
        None, data_dir=tmp_path, seed_courses=10, seed_users=2, example_courses=True
    ) as server:
        listing = httpx.get(f"{server.api_url}/courses", params={"q": "Git First Steps", "limit": 5}).json()
        (course,) = [c for c in listing["items"] if c["title"].startswith("Git: First Steps")]
        assert course["image_url"]
        token = demo_token(server.base_url)
        dashboard = httpx.get(
            f"{server.api_url}/dashboard", headers={"Authorization": f"Bearer {token}"}
        ).json()
        assert course["id"] in [item["course_id"] for item in dashboard["items"]]
        content = httpx.get(f"{server.api_url}/courses/{course['id']}/content").json()
        kinds = {s["type"] for lesson in content["lessons"] for s in lesson["sections"]}
        assert {"page", "link", "file", "quiz"} <= kinds
        pages = [s for lesson in content["lessons"] for s in lesson["sections"] if s["type"] == "page"]
        shown = [httpx.get(f"{server.api_url}/sections/{s['id']}").json() for s in pages]
        images = [a for section in shown for a in section["assets"] if a["kind"] == "image"]
        assert len(images) >= 3
        assert all(httpx.get(server.base_url + a["url"]).status_code == 200 for a in images)
