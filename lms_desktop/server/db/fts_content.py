"""Full-text search over course content: each course's section titles and section text, in an index of
their own beside the title-and-description index (db/fts.py), so searches come in tiers
(`queries/catalog_search.py`): title and description matches, then section-title matches, then text matches.

The text lives in `course_search` (one row per course: its section titles and its sections' plain text,
capped), written by the importer and the seed.

SQLite: an external-content FTS5 table over course_search with the usual triggers; deleting a course
deletes its course_search row (a trigger), which updates the index. PostgreSQL: a weighted tsvector on
course_search (section titles A, text B) and one of the section titles alone, each with a GIN index,
kept by a trigger; the row goes with its course (foreign key, cascade).
"""

from __future__ import annotations

from collections.abc import Callable

MAX_SECTIONS_CHARS = 20_000
MAX_BODY_CHARS = 200_000

SQLITE_FTS_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS course_search_fts USING fts5("
    "sections, body, content='course_search', content_rowid='course_id', "
    "prefix='2 3', tokenize='unicode61 remove_diacritics 2')"
)
_INSERT = (
    "INSERT INTO course_search_fts(rowid, sections, body) VALUES (new.course_id, new.sections, new.body)"
)
_DELETE = (
    "INSERT INTO course_search_fts(course_search_fts, rowid, sections, body) "
    "VALUES ('delete', old.course_id, old.sections, old.body)"
)
SQLITE_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS course_search_ai AFTER INSERT ON course_search BEGIN {_INSERT}; END",
    f"CREATE TRIGGER IF NOT EXISTS course_search_ad AFTER DELETE ON course_search BEGIN {_DELETE}; END",
    f"CREATE TRIGGER IF NOT EXISTS course_search_au AFTER UPDATE ON course_search "
    f"BEGIN {_DELETE}; {_INSERT}; END",
    "CREATE TRIGGER IF NOT EXISTS courses_content_ad AFTER DELETE ON courses BEGIN "
    "DELETE FROM course_search WHERE course_id = old.id; END",
)
TRIGGER_NAMES = ("course_search_ai", "course_search_ad", "course_search_au", "courses_content_ad")
SQLITE_DROP = (
    *(f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGER_NAMES),
    "DROP TABLE IF EXISTS course_search_fts",
)
SQLITE_REBUILD = "INSERT INTO course_search_fts(course_search_fts) VALUES ('rebuild')"

_PG_VECTOR = (
    "setweight(to_tsvector('english', coalesce({p}sections, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce({p}body, '')), 'B')"
)
PG_DDL = (
    "ALTER TABLE course_search ADD COLUMN IF NOT EXISTS search_vector tsvector",
    "CREATE OR REPLACE FUNCTION course_search_vector_update() RETURNS trigger AS $$ BEGIN "
    f"NEW.search_vector := {_PG_VECTOR.format(p='NEW.')}; RETURN NEW; END $$ LANGUAGE plpgsql",
    "DROP TRIGGER IF EXISTS course_search_vector_trg ON course_search",
    "CREATE TRIGGER course_search_vector_trg BEFORE INSERT OR UPDATE ON course_search "
    "FOR EACH ROW EXECUTE FUNCTION course_search_vector_update()",
    f"UPDATE course_search SET search_vector = {_PG_VECTOR.format(p='')}",
    "CREATE INDEX IF NOT EXISTS ix_courses_search_content ON course_search USING gin (search_vector)",
)
PG_DROP = (
    "DROP TRIGGER IF EXISTS course_search_vector_trg ON course_search",
    "DROP FUNCTION IF EXISTS course_search_vector_update()",
    "DROP INDEX IF EXISTS ix_courses_search_content",
    "ALTER TABLE course_search DROP COLUMN IF EXISTS search_vector",
)


# Section titles alone in a tsvector of their own (search tier (b), `queries/catalog_search.py`): the
# combined vector cannot tell a section-title hit from a text hit without ranking it.
_PG_SECTIONS = "to_tsvector('english', coalesce({p}sections, ''))"
PG_SECTION_TITLES_DDL = (
    "ALTER TABLE course_search ADD COLUMN IF NOT EXISTS search_section_titles tsvector",
    # the section titles' vector is made once, for both columns
    "CREATE OR REPLACE FUNCTION course_search_vector_update() RETURNS trigger AS $$ "
    f"DECLARE titles tsvector := {_PG_SECTIONS.format(p='NEW.')}; BEGIN "
    "NEW.search_section_titles := titles; NEW.search_vector := setweight(titles, 'A') || "
    "setweight(to_tsvector('english', coalesce(NEW.body, '')), 'B'); RETURN NEW; END $$ LANGUAGE plpgsql",
    f"UPDATE course_search SET search_section_titles = {_PG_SECTIONS.format(p='')}",
    "CREATE INDEX IF NOT EXISTS ix_courses_search_sections ON course_search "
    "USING gin (search_section_titles)",
)
PG_SECTION_TITLES_DROP = (
    "DROP INDEX IF EXISTS ix_courses_search_sections",
    PG_DDL[1],  # the trigger function as it was, without the section titles
    "ALTER TABLE course_search DROP COLUMN IF EXISTS search_section_titles",
)
# the content's GIN indexes as (name, DDL): a bulk load drops them and builds them once at the end, which
# is faster than growing them row by row (PostgreSQL)
PG_GIN_INDEXES = (
    ("ix_courses_search_content", PG_DDL[-1]),
    ("ix_courses_search_sections", PG_SECTION_TITLES_DDL[-1]),
)


def create_sqlite_fts(execute: Callable[[str], object]) -> None:
    """Create (or recreate after a bulk load) the content index and its triggers, then rebuild it."""
    execute(SQLITE_FTS_TABLE)
    for ddl in SQLITE_DROP[:-1] + SQLITE_TRIGGERS:
        execute(ddl)
    execute(SQLITE_REBUILD)


def create_pg_fts(execute: Callable[[str], object]) -> None:
    for ddl in PG_DDL:
        execute(ddl)
