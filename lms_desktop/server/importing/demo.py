"""The example courses shipped in `resources/courses`, imported into the embedded demo on first start.

They are real courses written for the project in the Markdown course format; the demo learner is enrolled
in them so the first screen of "My learning" shows one.
"""

from __future__ import annotations

import logging
from pathlib import Path

import sqlalchemy as sa

from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.queries import learner
from lms_desktop.server.db.schema import users
from lms_desktop.server.importing.errors import PackageError
from lms_desktop.server.importing.service import ImportTarget, import_package

log = logging.getLogger("lms.server")
DEMO_USERNAME = "demo"


def demo_course_folders() -> list[Path]:
    from lms_desktop.resources import resources_dir

    root = resources_dir() / "courses"
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "course.toml").is_file())


def import_demo_courses(db: Database, *, assets_dir: Path, images_dir: Path) -> list[int]:
    """Import every example course; a broken one is logged and skipped (the demo still starts)."""
    target = ImportTarget(
        db=db, assets_dir=assets_dir, images_dir=images_dir, scratch_dir=assets_dir / ".tmp"
    )
    ids = []
    for folder in demo_course_folders():
        try:
            ids.append(import_package(target, folder).id)
        except PackageError as exc:
            log.warning("example course %s not imported: %s", folder.name, exc)
    with db.write() as conn:
        demo = conn.execute(sa.select(users.c.id).where(users.c.username == DEMO_USERNAME)).scalar()
        if demo is not None:
            for course_id in ids:
                learner.set_enrollment(conn, int(demo), course_id, True)
    return ids
