"""The loop's one-row lookups (`db/lookups.py`) answer exactly what the storage layer answers.

Every ETag and every 401 is decided from them, on both engines, through their own driver connection and,
when that connection is unusable, through the storage layer's functions.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.lookups import Lookups
from lms_desktop.server.db.queries import authoring, tokens, users, versions
from lms_desktop.server.db.schema import sections
from tests.server.db_support import engine_params, scratch_database


@pytest.fixture(params=engine_params())
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Database:
    return scratch_database(request.param, request, tmp_path_factory)


def _course(db: Database, visible: bool) -> int:
    with db.write() as conn:
        return authoring.create_course(conn, title="T", description="D", is_published=visible)


@pytest.mark.parametrize("fast", [True, False], ids=["own-connection", "storage-layer"])
def test_session_and_course_versions_match_the_storage_layer(db: Database, fast: bool) -> None:
    with db.write() as conn:
        user = users.create_user(conn, "ada", "correct horse", "Ada L.")
        token, _ = tokens.issue(conn, user.id, timedelta(hours=1))
        expired, _ = tokens.issue(conn, user.id, timedelta(seconds=-1))
        revoked, _ = tokens.issue(conn, user.id, timedelta(hours=1))
        tokens.revoke(conn, revoked)
        versions.bump_user(conn, user.id)
    shown, hidden = _course(db, True), _course(db, False)
    lookups = Lookups(db)
    if not fast:
        lookups._retry_at = float("inf")  # as after a failure of its own connection
    with db.read() as conn:
        catalog, user_version = versions.catalog_version(conn), versions.user_version(conn, user.id)
    session = lookups.session(token)
    assert session is not None
    assert (session.user.id, session.user_version, session.catalog_version) == (
        user.id,
        user_version,
        catalog,
    )
    assert lookups.session_and_course(token, shown) == (session, lookups.course(shown)[1])
    assert lookups.course(shown)[0] == catalog and lookups.course(shown)[1] is not None
    assert lookups.session_and_course(token, hidden) == (session, None)
    assert lookups.course(hidden) == (catalog, None)
    assert lookups.session_and_course(token, 2**31 - 1) == (session, None)
    for bad in (expired, revoked, "not-a-token", ""):
        assert lookups.session(bad) is None
        assert lookups.session_and_course(bad, shown) is None
    assert lookups.user(user.id) == user_version and lookups.catalog() == catalog
    lookups.close()


@pytest.mark.parametrize("fast", [True, False], ids=["own-connection", "storage-layer"])
def test_a_section_is_shown_only_when_not_hidden_in_a_visible_course(db: Database, fast: bool) -> None:
    lesson = authoring.NewLesson("L", [authoring.NewSection("A", "a"), authoring.NewSection("B", "b")])
    with db.write() as conn:
        shown_course = authoring.create_course(conn, title="T", description="D", lessons_=[lesson])
        hidden_course = authoring.create_course(
            conn, title="U", description="D", lessons_=[lesson], is_published=False
        )
        ids = {
            course: [
                int(r[0])
                for r in conn.execute(
                    sa.select(sections.c.id).where(sections.c.course_id == course).order_by(sections.c.id)
                )
            ]
            for course in (shown_course, hidden_course)
        }
        shown, hidden = ids[shown_course]
        conn.execute(sa.update(sections).where(sections.c.id == hidden).values(hidden=True))
    lookups = Lookups(db)
    if not fast:
        lookups._retry_at = float("inf")  # as after a failure of its own connection
    with db.read() as conn:
        catalog = versions.catalog_version(conn)
    assert lookups.section(shown) == (catalog, True)
    assert lookups.section(hidden) == (catalog, False)  # hidden by a re-import: a 404, never a 304
    assert lookups.section(ids[hidden_course][0]) == (catalog, False)  # its course unpublished
    assert lookups.section(2**31 - 1) == (catalog, False)
    lookups.close()
