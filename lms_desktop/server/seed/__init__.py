"""The demo catalog: realistic, deterministic, skewed, and fast to load.

- Deterministic: every random choice comes from generators seeded by `seed` (one per purpose), and
  timestamps are relative to a fixed date, so the same seed gives the same rows (password hashes excepted:
  argon2 salts them).
- Realistic: titles and descriptions from subject/topic/level word lists (`titles`), 3-12 lessons of 2-8
  sections whose titles and Markdown bodies follow the course's topics (`outline`), a cover of its own
  per course (drawn when first asked for, `images`); Zipf-like popularity (a few courses get most learners),
  progress and ratings that follow it; the demo learner (demo/demo) has partial progress in a few courses.
- Searchable: each course's section titles and a digest of its sections' text go to the content index
  (`search_text`), so a word found only in a section's text finds its course.
- Fast: rows are streamed in big executemany batches (COPY on PostgreSQL) inside one transaction, the
  FTS5 triggers are dropped during the load and the indexes are rebuilt once at the end.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lms_desktop.contract import User
from lms_desktop.server.db import fts, fts_content, rating_score
from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.errors import Conflict
from lms_desktop.server.db.queries import users as user_queries
from lms_desktop.server.db.queries.versions import bump_catalog
from lms_desktop.server.images import cover_key
from lms_desktop.server.seed import words
from lms_desktop.server.seed.bulk import (
    insert_rows,
    max_id,
    reset_sequences,
    restore_foreign_keys,
    suspend_foreign_keys,
    time_converter,
)
from lms_desktop.server.seed.content import ContentLoader
from lms_desktop.server.seed.plan import (
    EPOCH_NOW,
    SeedCourse,
    SeedEnrollment,
    plan_courses,
    plan_enrollments,
)
from lms_desktop.server.seed.quizzes import add_quizzes
from lms_desktop.server.seed.titles import describe

Progress = Callable[[str, int, int], None]

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo"
DEMO_DISPLAY_NAME = "Demo Learner"
LEARNER_PASSWORD = "learner"  # every generated learner shares it (one argon2 hash for all: fast seeding)
COURSE_COLUMNS = (
    "id",
    "title",
    "description",
    "difficulty",
    "estimated_hours",
    "image_key",
    "is_published",
    "created_at",
    "updated_at",
    "lesson_count",
    "section_count",
    "enrollment_count",
    "rating_sum",
    "rating_count",
    "rating_avg",
    "rating_score",
)
BULK_TABLES = ("lessons", "sections", "enrollments", "progress", "course_ratings", "course_search")


@dataclass(frozen=True, slots=True)
class SeedReport:
    courses: int
    lessons: int
    sections: int
    users: int
    enrollments: int
    progress: int
    ratings: int
    images: int
    seconds: float

    def __str__(self) -> str:
        return (
            f"{self.courses:,} courses, {self.lessons:,} lessons, {self.sections:,} sections, "
            f"{self.users:,} users, {self.enrollments:,} enrollments, {self.progress:,} progress rows, "
            f"{self.ratings:,} ratings, {self.images} cover images in {self.seconds:.1f} s"
        )


def create_user(db: Database, username: str, password: str, display_name: str | None = None) -> User:
    """The small path: one account (raises UserExists when the name is taken)."""
    with db.write() as conn:
        return user_queries.create_user(conn, username, password, display_name)


def catalog_is_empty(db: Database) -> bool:
    with db.read() as conn:
        return conn.execute(sa.text("SELECT 1 FROM courses LIMIT 1")).first() is None


def seed(
    db: Database,
    *,
    courses: int,
    users: int,
    seed: int,
    images_dir: Path | None,
    progress: Progress | None = None,
) -> SeedReport:
    """Fill an empty catalog with `courses` courses and `users` generated learners (plus demo/demo).

    Raises Conflict when the database already holds courses (seed once; use a fresh database to re-seed).
    """
    if courses < 0 or users < 0:
        raise ValueError("courses and users must not be negative")
    started = time.perf_counter()
    tell: Progress = progress or (lambda _stage, _done, _total: None)
    with db.write() as conn:
        if conn.execute(sa.text("SELECT 1 FROM courses LIMIT 1")).first() is not None:
            raise Conflict("the catalog is not empty; seed a fresh database")
        loader = _Loader(conn, db.dialect, seed, tell)
        report = loader.run(courses, users, images_dir)
    return SeedReport(**report, seconds=time.perf_counter() - started)


class _Loader:
    def __init__(self, conn: Connection, dialect: str, seed: int, tell: Progress) -> None:
        self.conn = conn
        self.dialect = dialect
        self.seed = seed
        self.tell = tell
        self.ts = time_converter(dialect)
        self.true: Any = 1 if dialect == "sqlite" else True

    def rng(self, purpose: str) -> random.Random:
        return random.Random(f"{self.seed}:{purpose}")

    def run(self, n_courses: int, n_users: int, images_dir: Path | None) -> dict[str, int]:
        conn = self.conn
        foreign_keys = self._prepare()
        catalog = plan_courses(self.rng("courses"), n_courses, max_id(conn, "sections") + 1)
        user_ids, demo_id = self.users(n_users)
        enrolls = plan_enrollments(self.rng("learners"), catalog, user_ids, demo_id)
        if images_dir is not None:
            images_dir.mkdir(parents=True, exist_ok=True)
        self.insert_courses(catalog, covers=images_dir is not None)
        content = ContentLoader(conn, self.rng("content"), self.course_base, self.tell)
        n_lessons, n_sections, quiz_bodies = content.load(catalog)
        if catalog:
            add_quizzes(conn, quiz_bodies, catalog[0].first_section)
        self.insert_enrollments(catalog, enrolls)
        n_ratings = self.insert_ratings(catalog, enrolls)
        n_progress = self.insert_progress(catalog, enrolls)
        self.tell("search index", 0, 1)
        self._finish(foreign_keys)
        bump_catalog(conn)
        self.tell("search index", 1, 1)
        return {
            "courses": n_courses,
            "lessons": n_lessons,
            "sections": n_sections,
            "users": len(user_ids) + 1,
            "enrollments": len(enrolls),
            "progress": n_progress,
            "ratings": n_ratings,
            "images": n_courses if images_dir is not None else 0,
        }

    def _prepare(self) -> list[tuple[str, str, str]]:
        """Set the database up for a bulk load: no full-text triggers (SQLite), no foreign keys and no
        content GIN indexes (PostgreSQL); returns the foreign keys to restore."""
        conn = self.conn
        if self.dialect == "sqlite":
            conn.exec_driver_sql("PRAGMA cache_size=-131072")
            for ddl in fts.SQLITE_DROP_TRIGGERS + fts_content.SQLITE_DROP[:-1]:
                conn.exec_driver_sql(ddl)
            return []
        foreign_keys = suspend_foreign_keys(conn, BULK_TABLES)
        for name, _create in fts_content.PG_GIN_INDEXES:
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
        return foreign_keys

    def _finish(self, foreign_keys: list[tuple[str, str, str]]) -> None:
        """Build the search indexes once, restore what _prepare took away, refresh the statistics."""
        conn = self.conn
        if self.dialect == "sqlite":
            fts.create_sqlite_fts(conn.exec_driver_sql)
            fts_content.create_sqlite_fts(conn.exec_driver_sql)
            return
        reset_sequences(
            conn,
            ["courses", "lessons", "sections", "section_bodies", "enrollments", "progress", "course_ratings"],
        )
        # COPY leaves the new entries in GIN's pending list, which the planner prices so high that it
        # skips the full-text index; merge it now, then give the planner fresh statistics
        conn.exec_driver_sql("SELECT gin_clean_pending_list('ix_courses_search_vector')")
        conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
        for _name, create in fts_content.PG_GIN_INDEXES:
            conn.exec_driver_sql(create)
        restore_foreign_keys(conn, foreign_keys)
        conn.exec_driver_sql("ANALYZE")

    # ---- loading --------------------------------------------------------------------------------

    def users(self, n_users: int) -> tuple[list[int], int]:
        conn = self.conn
        self.tell("users", 0, n_users + 1)
        demo = user_queries.get_user_by_name(conn, DEMO_USERNAME)
        if demo is None:
            demo = user_queries.create_user(conn, DEMO_USERNAME, DEMO_PASSWORD, DEMO_DISPLAY_NAME)
        shared_hash = user_queries.hash_password(LEARNER_PASSWORD)
        names = [f"learner{i:06d}" for i in range(1, n_users + 1)]
        existing = {
            r.username
            for r in conn.execute(sa.text("SELECT username FROM users WHERE username LIKE 'learner%'"))
        }
        rng = self.rng("names")
        first = (
            "Alex",
            "Sam",
            "Maria",
            "Chen",
            "Aisha",
            "Lukas",
            "Priya",
            "Noah",
            "Sofia",
            "Kenji",
            "Amara",
            "Leo",
        )
        last = ("Smith", "Garcia", "Okafor", "Müller", "Tanaka", "Novak", "Silva", "Khan", "Dubois", "Rossi")
        now = self.ts(EPOCH_NOW)
        rows = [
            (name, f"{rng.choice(first)} {rng.choice(last)}", shared_hash, now)
            for name in names
            if name not in existing
        ]
        insert_rows(conn, "users", ("username", "display_name", "password_hash", "created_at"), rows)
        found = conn.execute(sa.text("SELECT username, id FROM users WHERE username LIKE 'learner%'"))
        ids: dict[str, int] = {str(name): int(uid) for name, uid in found}
        self.tell("users", n_users + 1, n_users + 1)
        return [int(ids[name]) for name in names], demo.id

    def insert_courses(self, catalog: list[SeedCourse], *, covers: bool) -> None:
        rng = self.rng("titles")
        base = max_id(self.conn, "courses")
        # the seed fills an empty catalog: the prior is the mean of the ratings it generates
        total, count = sum(c.rating_sum for c in catalog), sum(c.rating_count for c in catalog)
        prior = total / count if count else rating_score.DEFAULT_PRIOR
        rating_score.write_prior(self.conn, prior)
        ts = self.ts

        def rows() -> Iterator[tuple[Any, ...]]:
            for i, c in enumerate(catalog):
                title, description, hours, c.topics = describe(
                    rng, c.subject, c.difficulty, len(c.lessons), c.sections
                )
                # every course its own cover (drawn when first asked for), so no two look alike
                initials = words.SUBJECTS[c.subject].initials
                image_key = cover_key(base + i + 1, initials) if covers else None
                created = ts(c.created)
                avg = c.rating_sum / c.rating_count if c.rating_count else 0.0
                score = rating_score.score(c.rating_sum, c.rating_count, prior)
                yield (
                    base + i + 1,
                    title,
                    description,
                    c.difficulty,
                    hours,
                    image_key,
                    self.true,
                    created,
                    created,
                    len(c.lessons),
                    c.sections,
                    c.enrolled,
                    c.rating_sum,
                    c.rating_count,
                    avg,
                    score,
                )

        done = 0

        def step(k: int) -> None:
            nonlocal done
            done += k
            self.tell("courses", done, len(catalog))

        self.tell("courses", 0, len(catalog))
        insert_rows(self.conn, "courses", COURSE_COLUMNS, rows(), on_batch=step)
        self.course_base = base

    def insert_enrollments(self, catalog: list[SeedCourse], enrolls: list[SeedEnrollment]) -> None:
        ts = self.ts
        self.tell("enrollments", 0, len(enrolls))
        rows = [
            (
                e.user_id,
                self.course_base + e.course + 1,
                e.status,
                ts(e.enrolled_at),
                ts(e.enrolled_at),
                ts(e.enrolled_at),
            )
            for e in enrolls
        ]
        insert_rows(
            self.conn,
            "enrollments",
            ("user_id", "course_id", "status", "enrolled_at", "updated_at", "client_ts"),
            rows,
        )
        self.tell("enrollments", len(enrolls), len(enrolls))

    def insert_ratings(self, catalog: list[SeedCourse], enrolls: list[SeedEnrollment]) -> int:
        ts = self.ts
        rows = [
            (
                e.user_id,
                self.course_base + e.course + 1,
                e.rating,
                ts(e.enrolled_at + 86_400),
                ts(e.enrolled_at + 86_400),
            )
            for e in enrolls
            if e.rating is not None
        ]
        return insert_rows(
            self.conn, "course_ratings", ("user_id", "course_id", "rating", "updated_at", "client_ts"), rows
        )

    def insert_progress(self, catalog: list[SeedCourse], enrolls: list[SeedEnrollment]) -> int:
        rng = self.rng("progress")
        ts = self.ts
        total = sum(e.done for e in enrolls)
        done = 0

        def rows() -> Iterator[tuple[Any, ...]]:
            for e in enrolls:
                if e.done <= 0:
                    continue
                c = catalog[e.course]
                course_id = self.course_base + e.course + 1
                end = min(EPOCH_NOW - 3600, e.enrolled_at + 86_400 * rng.uniform(1, 60))
                step = max(60.0, (end - e.enrolled_at) / (e.done + 1))
                at = e.enrolled_at
                for j in range(e.done):
                    at += step * rng.uniform(0.5, 1.0)
                    stamp = ts(at)
                    yield (e.user_id, c.first_section + j, course_id, stamp, rng.randint(60, 1500), stamp)

        def tick(k: int) -> None:
            nonlocal done
            done += k
            self.tell("progress", done, total)

        self.tell("progress", 0, total)
        return insert_rows(
            self.conn,
            "progress",
            ("user_id", "section_id", "course_id", "completed_at", "time_spent_seconds", "updated_at"),
            rows(),
            on_batch=tick,
        )
