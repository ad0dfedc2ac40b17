"""Which cover keys the catalog uses: a generated cover is drawn only for a key a course refers to."""

from __future__ import annotations

import sqlalchemy as sa

from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.schema import courses


def cover_in_use(db: Database, image_key: str) -> bool:
    """Whether some course shows this cover (an index lookup on courses.image_key)."""
    with db.read() as conn:
        found = conn.execute(sa.select(courses.c.id).where(courses.c.image_key == image_key).limit(1))
        return found.first() is not None
