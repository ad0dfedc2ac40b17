"""DDL for full-text search, shared by the migrations and the seed (which rebuilds the index once).

SQLite: an external-content FTS5 table over courses(title, description) kept in sync by triggers. The
'delete' command must receive exactly the values that were indexed, so the triggers pass OLD.title and
OLD.description; the update trigger fires only when title or description change, so counter updates on
courses (enrollments, ratings) never touch the index. prefix='2 3' makes type-ahead prefixes cheap.

PostgreSQL: a weighted tsvector column (title A, description B), a GIN index and a trigger.
"""

from __future__ import annotations

from collections.abc import Callable

SQLITE_FTS_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS courses_fts USING fts5("
    "title, description, content='courses', content_rowid='id', "
    "prefix='2 3', tokenize='unicode61 remove_diacritics 2')"
)
SQLITE_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS courses_fts_ai AFTER INSERT ON courses BEGIN "
    "INSERT INTO courses_fts(rowid, title, description) VALUES (new.id, new.title, new.description); END",
    "CREATE TRIGGER IF NOT EXISTS courses_fts_ad AFTER DELETE ON courses BEGIN "
    "INSERT INTO courses_fts(courses_fts, rowid, title, description) "
    "VALUES ('delete', old.id, old.title, old.description); END",
    "CREATE TRIGGER IF NOT EXISTS courses_fts_au AFTER UPDATE OF title, description ON courses BEGIN "
    "INSERT INTO courses_fts(courses_fts, rowid, title, description) "
    "VALUES ('delete', old.id, old.title, old.description); "
    "INSERT INTO courses_fts(rowid, title, description) VALUES (new.id, new.title, new.description); END",
)
SQLITE_DROP_TRIGGERS = tuple(
    f"DROP TRIGGER IF EXISTS {name}" for name in ("courses_fts_ai", "courses_fts_ad", "courses_fts_au")
)
SQLITE_REBUILD = "INSERT INTO courses_fts(courses_fts) VALUES ('rebuild')"

PG_VECTOR_EXPR = (
    "setweight(to_tsvector('english', coalesce({p}title, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce({p}description, '')), 'B')"
)
PG_DDL = (
    "ALTER TABLE courses ADD COLUMN IF NOT EXISTS search_vector tsvector",
    "CREATE OR REPLACE FUNCTION courses_search_vector_update() RETURNS trigger AS $$ BEGIN "
    f"NEW.search_vector := {PG_VECTOR_EXPR.format(p='NEW.')}; RETURN NEW; END $$ LANGUAGE plpgsql",
    "DROP TRIGGER IF EXISTS courses_search_vector_trg ON courses",
    "CREATE TRIGGER courses_search_vector_trg BEFORE INSERT OR UPDATE OF title, description ON courses "
    "FOR EACH ROW EXECUTE FUNCTION courses_search_vector_update()",
    f"UPDATE courses SET search_vector = {PG_VECTOR_EXPR.format(p='')}",
    "CREATE INDEX IF NOT EXISTS ix_courses_search_vector ON courses USING gin (search_vector)",
)
PG_DROP = (
    "DROP TRIGGER IF EXISTS courses_search_vector_trg ON courses",
    "DROP FUNCTION IF EXISTS courses_search_vector_update()",
    "DROP INDEX IF EXISTS ix_courses_search_vector",
    "ALTER TABLE courses DROP COLUMN IF EXISTS search_vector",
)


def create_sqlite_fts(execute: Callable[[str], object]) -> None:
    """Create (or recreate after a batch migration) the FTS5 table and triggers, then rebuild."""
    execute(SQLITE_FTS_TABLE)
    for ddl in SQLITE_DROP_TRIGGERS + SQLITE_TRIGGERS:
        execute(ddl)
    execute(SQLITE_REBUILD)


def create_pg_fts(execute: Callable[[str], object]) -> None:
    for ddl in PG_DDL:
        execute(ddl)
