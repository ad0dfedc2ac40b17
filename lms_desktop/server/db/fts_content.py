"""Full-text search over course content: section titles and section text beside title and description.

The text lives in `course_search` (one row per course: its section titles, and its sections' plain text,
capped), written by the importer. Ranking puts title and description matches first, then section titles,
then section text: per-column weights far apart (SQLite bm25 10 / 2 / 0.1 / 0.01; PostgreSQL weights
A / B / C / D ranked 1.0 / 0.4 / 0.1 / 0.01), so a word only in a page still finds its course, below
every course that has it in its title or description.

SQLite: the FTS5 table's external content is a view joining courses and course_search (FTS5 reads it only
to rebuild; searches use rowid and bm25). Triggers on both tables pass FTS5 the exact values that were
indexed. The course_search row of a deleted course is removed by the courses delete trigger.

PostgreSQL: the course's tsvector gains section titles (weight C) and text (weight D); a trigger on
course_search recomputes it.
"""

from __future__ import annotations

from collections.abc import Callable

MAX_SECTIONS_CHARS = 20_000
MAX_BODY_CHARS = 200_000
SQLITE_WEIGHTS = "10.0, 2.0, 0.1, 0.01"
PG_WEIGHTS = "'{0.01, 0.1, 0.4, 1.0}'::float4[]"  # D, C, B, A

_SECTIONS = "COALESCE((SELECT sections FROM course_search WHERE course_id = {id}), '')"
_BODY = "COALESCE((SELECT body FROM course_search WHERE course_id = {id}), '')"
_FTS = "courses_fts(rowid, title, description, sections, body)"
_FTS_DELETE = "courses_fts(courses_fts, rowid, title, description, sections, body)"

SQLITE_VIEW = (
    "CREATE VIEW IF NOT EXISTS courses_fts_source AS SELECT c.id AS id, c.title AS title, "
    "c.description AS description, COALESCE(s.sections, '') AS sections, COALESCE(s.body, '') AS body "
    "FROM courses c LEFT JOIN course_search s ON s.course_id = c.id"
)
SQLITE_FTS_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS courses_fts USING fts5("
    "title, description, sections, body, content='courses_fts_source', content_rowid='id', "
    "prefix='2 3', tokenize='unicode61 remove_diacritics 2')"
)
_COURSE_OLD = (
    f"old.id, old.title, old.description, {_SECTIONS.format(id='old.id')}, {_BODY.format(id='old.id')}"
)
_COURSE_NEW = (
    f"new.id, new.title, new.description, {_SECTIONS.format(id='new.id')}, {_BODY.format(id='new.id')}"
)
_PARENT = "(SELECT title FROM courses WHERE id = {id}), (SELECT description FROM courses WHERE id = {id})"
_EXISTS = "EXISTS (SELECT 1 FROM courses WHERE id = {id})"

SQLITE_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS courses_fts_ai AFTER INSERT ON courses BEGIN "
    f"INSERT INTO {_FTS} VALUES ({_COURSE_NEW}); END",
    f"CREATE TRIGGER IF NOT EXISTS courses_fts_ad AFTER DELETE ON courses BEGIN "
    f"INSERT INTO {_FTS_DELETE} VALUES ('delete', {_COURSE_OLD}); "
    "DELETE FROM course_search WHERE course_id = old.id; END",
    f"CREATE TRIGGER IF NOT EXISTS courses_fts_au AFTER UPDATE OF title, description ON courses BEGIN "
    f"INSERT INTO {_FTS_DELETE} VALUES ('delete', {_COURSE_OLD}); "
    f"INSERT INTO {_FTS} VALUES ({_COURSE_NEW}); END",
    f"CREATE TRIGGER IF NOT EXISTS course_search_fts_ai AFTER INSERT ON course_search "
    f"WHEN {_EXISTS.format(id='new.course_id')} BEGIN "
    f"INSERT INTO {_FTS_DELETE} VALUES "
    f"('delete', new.course_id, {_PARENT.format(id='new.course_id')}, '', ''); "
    f"INSERT INTO {_FTS} VALUES "
    f"(new.course_id, {_PARENT.format(id='new.course_id')}, new.sections, new.body); END",
    f"CREATE TRIGGER IF NOT EXISTS course_search_fts_au AFTER UPDATE ON course_search "
    f"WHEN {_EXISTS.format(id='new.course_id')} BEGIN "
    f"INSERT INTO {_FTS_DELETE} VALUES "
    f"('delete', old.course_id, {_PARENT.format(id='old.course_id')}, old.sections, old.body); "
    f"INSERT INTO {_FTS} VALUES "
    f"(new.course_id, {_PARENT.format(id='new.course_id')}, new.sections, new.body); END",
    f"CREATE TRIGGER IF NOT EXISTS course_search_fts_ad AFTER DELETE ON course_search "
    f"WHEN {_EXISTS.format(id='old.course_id')} BEGIN "
    f"INSERT INTO {_FTS_DELETE} VALUES "
    f"('delete', old.course_id, {_PARENT.format(id='old.course_id')}, old.sections, old.body); "
    f"INSERT INTO {_FTS} VALUES (old.course_id, {_PARENT.format(id='old.course_id')}, '', ''); END",
)
TRIGGER_NAMES = (
    "courses_fts_ai",
    "courses_fts_ad",
    "courses_fts_au",
    "course_search_fts_ai",
    "course_search_fts_au",
    "course_search_fts_ad",
)
SQLITE_DROP_TRIGGERS = tuple(f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGER_NAMES)
SQLITE_REBUILD = "INSERT INTO courses_fts(courses_fts) VALUES ('rebuild')"

_PG_CONTENT = (
    "setweight(to_tsvector('english', coalesce({p}title, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce({p}description, '')), 'B') || "
    "setweight(to_tsvector('english', coalesce((SELECT sections FROM course_search WHERE course_id = {p}id), "
    "'')), 'C') || "
    "setweight(to_tsvector('english', coalesce((SELECT body FROM course_search WHERE course_id = {p}id), "
    "'')), 'D')"
)
PG_DDL = (
    "CREATE OR REPLACE FUNCTION courses_search_vector_update() RETURNS trigger AS $$ BEGIN "
    f"NEW.search_vector := {_PG_CONTENT.format(p='NEW.')}; RETURN NEW; END $$ LANGUAGE plpgsql",
    "CREATE OR REPLACE FUNCTION course_search_changed() RETURNS trigger AS $$ BEGIN "
    "UPDATE courses SET search_vector = "
    f"{_PG_CONTENT.format(p='courses.')} "
    "WHERE courses.id = COALESCE(NEW.course_id, OLD.course_id); RETURN NULL; END $$ LANGUAGE plpgsql",
    "DROP TRIGGER IF EXISTS course_search_changed_trg ON course_search",
    "CREATE TRIGGER course_search_changed_trg AFTER INSERT OR UPDATE OR DELETE ON course_search "
    "FOR EACH ROW EXECUTE FUNCTION course_search_changed()",
)
PG_DROP = (
    "DROP TRIGGER IF EXISTS course_search_changed_trg ON course_search",
    "DROP FUNCTION IF EXISTS course_search_changed()",
)


def create_sqlite_fts(execute: Callable[[str], object]) -> None:
    """Create (or recreate after a batch migration or a bulk load) the view, FTS5 table and triggers,
    then rebuild the index from the view."""
    execute(SQLITE_VIEW)
    execute(SQLITE_FTS_TABLE)
    for ddl in SQLITE_DROP_TRIGGERS + SQLITE_TRIGGERS:
        execute(ddl)
    execute(SQLITE_REBUILD)


def create_pg_fts(execute: Callable[[str], object]) -> None:
    for ddl in PG_DDL:
        execute(ddl)
