"""Authors over HTTP: upload a package, list drafts, publish, unpublish, soft-delete; learners get 403."""

from __future__ import annotations

from pathlib import Path

import httpx

from lms_desktop.server.db.queries import tokens, users
from lms_desktop.server.embedded import EmbeddedServer
from tests.server.importing.conftest import ImportEnv
from tests.server.importing.packages import markdown_course, zip_folder


def _token(server: EmbeddedServer, name: str, role: str) -> dict[str, str]:
    assert server.database is not None
    with server.database.write() as conn:
        user = users.create_user(conn, name, "pw-123456", role=role)
        token, _ = tokens.issue(conn, user.id, server.settings.token_ttl)
    return {"Authorization": f"Bearer {token}"}


def _upload(server: EmbeddedServer, package: Path, headers: dict[str, str], **params: str) -> httpx.Response:
    with package.open("rb") as f:
        return httpx.post(
            f"{server.api_url}/admin/imports",
            files={"package": (package.name, f, "application/zip")},
            headers=headers,
            params=params,
            timeout=60,
        )


def test_author_imports_and_administers_courses(env: ImportEnv, tmp_path: Path) -> None:
    package = zip_folder(markdown_course(tmp_path / "c"), tmp_path / "course.zip")
    with env.serve() as server:
        api = server.api_url
        author = _token(server, "author1", "author")
        learner = _token(server, "learner1", "learner")
        assert httpx.get(f"{api}/me", headers=author).json()["role"] == "author"
        assert _upload(server, package, {}).status_code == 401
        assert _upload(server, package, learner).status_code == 403
        assert httpx.get(f"{api}/admin/courses", headers=learner).status_code == 403

        answer = _upload(server, package, author, draft="true")
        assert answer.status_code == 200, answer.text
        (course,) = answer.json()["courses"]
        assert course["created"] is True and course["sections"]["quiz"] == 1
        course_id = course["id"]
        assert httpx.get(f"{api}/courses/{course_id}").status_code == 404  # a draft is not in the catalog
        drafts = httpx.get(f"{api}/admin/courses", params={"drafts": "true"}, headers=author).json()
        assert [(c["id"], c["published"], c["source_key"]) for c in drafts["items"]] == [
            (course_id, False, "md:test/md")
        ]

        published = httpx.post(f"{api}/admin/courses/{course_id}/publish", headers=author)
        assert published.status_code == 200 and published.json()["published"] is True
        assert httpx.get(f"{api}/courses/{course_id}").status_code == 200
        found = httpx.get(f"{api}/courses", params={"q": "zanzibarite"}).json()
        assert [c["id"] for c in found["items"]] == [course_id]  # a word only inside one page

        again = _upload(server, package, author)
        assert again.json()["courses"][0] == {**course, "created": False}

        assert (
            httpx.post(f"{api}/admin/courses/{course_id}/unpublish", headers=author).json()["published"]
            is False
        )
        assert httpx.get(f"{api}/courses/{course_id}").status_code == 404
        assert httpx.delete(f"{api}/admin/courses/{course_id}", headers=learner).status_code == 403
        assert httpx.delete(f"{api}/admin/courses/{course_id}", headers=author).status_code == 204
        listed = httpx.get(f"{api}/admin/courses", headers=author).json()
        assert course_id not in [c["id"] for c in listed["items"]]
        assert httpx.post(f"{api}/admin/courses/{course_id}/publish", headers=author).status_code == 404


def test_bad_uploads(env: ImportEnv, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.imscc"
    bogus.write_bytes(b"this is not a zip" * 100)
    with env.serve() as server:
        admin = _token(server, "admin1", "admin")
        refused = _upload(server, bogus, admin)
        assert refused.status_code == 422 and "not a course package" in refused.json()["detail"]
        wrong_field = httpx.post(
            f"{server.api_url}/admin/imports", files={"file": ("x.zip", b"PK")}, headers=admin, timeout=30
        )
        assert wrong_field.status_code == 400 and "package" in wrong_field.json()["detail"]
        not_multipart = httpx.post(
            f"{server.api_url}/admin/imports", content=b"{}", headers=admin, timeout=30
        )
        assert not_multipart.status_code == 400
        uploads = server.settings.data_dir / "uploads"
        assert not uploads.exists() or list(uploads.iterdir()) == []
        spec = httpx.get(f"{server.base_url}/openapi.json").json()
        documented = [
            "/api/v1/admin/imports",
            "/api/v1/admin/courses",
            "/api/v1/admin/courses/{course_id}/publish",
            "/api/v1/admin/courses/{course_id}/unpublish",
            "/api/v1/admin/courses/{course_id}",
            "/api/v1/assets/{sha256}",
        ]
        for path in documented:
            assert path in spec["paths"], path
        upload = spec["paths"]["/api/v1/admin/imports"]["post"]["requestBody"]["content"][
            "multipart/form-data"
        ]
        assert upload["schema"]["required"] == ["package"]
