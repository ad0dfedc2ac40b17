"""A random id for one database, so that servers of different databases can share one Redis safely.

Hot-cache keys carry version numbers, and two databases can both be at catalog version 3. Prefixing Redis
keys with an id stored in the database itself (a row in `versions`, created once) keeps their entries apart,
and a database recreated from scratch gets a new id even under the same URL.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

if TYPE_CHECKING:
    from lms_desktop.server.db.engine import Database

INSTANCE_ROW = "instance"


def database_instance_id(db: Database) -> int:
    from lms_desktop.server.db.schema import versions

    query = sa.select(versions.c.value).where(versions.c.name == INSTANCE_ROW)
    with db.read() as conn:
        found = conn.execute(query).scalar()
    if found is not None:
        return int(found)
    try:
        with db.write() as conn:
            conn.execute(sa.insert(versions).values(name=INSTANCE_ROW, value=secrets.randbits(31)))
    except IntegrityError:
        pass  # another worker created it first; read theirs
    with db.read() as conn:
        return int(conn.execute(query).scalar_one())
