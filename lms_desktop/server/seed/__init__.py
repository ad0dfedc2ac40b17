"""The demo catalog: realistic, deterministic, skewed, and fast to load.

- Deterministic: every random choice comes from generators seeded by `seed` (one per purpose), and
  timestamps are relative to a fixed date, so the same seed gives the same rows (password hashes excepted:
  argon2 salts them).
- Realistic: titles and descriptions from subject/topic/level word lists (`titles`), 3-12 lessons of 2-8
  sections whose titles and Markdown bodies follow the course's topics (`outline`), a cover of its own
  per course (drawn when first asked for, `images`); Zipf-like popularity (a few courses get most learners),
  progress and ratings that follow it; the demo learner (demo/demo) has partial progress in a few courses.
- Fast: rows are streamed in big executemany batches (COPY on PostgreSQL) inside one transaction, the
  FTS5 triggers are dropped during the load and the index is rebuilt once at the end.
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lms_desktop.contract import User
from lms_desktop.server.db import fts, rating_score
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
from lms_desktop.server.seed.outline import Outlines
from lms_desktop.server.seed.quizzes import add_quizzes
from lms_desktop.server.seed.titles import describe

Progress = Callable[[str, int, int], None]

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo"
DEMO_DISPLAY_NAME = "Demo Learner"
LEARNER_PASSWORD = "learner"  # every generated learner shares it (one argon2 hash for all: fast seeding)
EPOCH_START = datetime(2023, 1, 1, tzinfo=UTC).timestamp()
EPOCH_NOW = datetime(2026, 1, 1, tzinfo=UTC).timestamp()  # "now" of the generated history
DIFFICULTY_WEIGHTS = (0.45, 0.35, 0.20)
LESSON_COUNTS = tuple(range(3, 13))
LESSON_WEIGHTS = (16, 18, 16, 13, 10, 8, 6, 5, 4, 4)
SECTION_COUNTS = tuple(range(2, 9))
SECTION_WEIGHTS = (20, 26, 20, 14, 9, 6, 5)
MAX_ENROLLMENTS_PER_LEARNER = 40
BULK_TABLES = ("lessons", "sections", "enrollments", "progress", "course_ratings")


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


@dataclass(slots=True)
class _Course:
    subject: int
    difficulty: str
    lessons: list[int]  # sections per lesson
    created: float
    quality: float
    # what the course teaches (indices into its subject's topics), set with its title
    topics: tuple[int, ...] = ()
    first_section: int = 0
    enrolled: int = 0
    rating_sum: int = 0
    rating_count: int = 0

    @property
    def sections(self) -> int:
        return sum(self.lessons)


@dataclass(slots=True)
class _Enrollment:
    user_id: int
    course: int  # index into the course list
    enrolled_at: float
    done: int  # sections completed, in course order
    status: str
    rating: int | None


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
        if self.dialect == "sqlite":
            conn.exec_driver_sql("PRAGMA cache_size=-131072")
            for ddl in fts.SQLITE_DROP_TRIGGERS:
                conn.exec_driver_sql(ddl)
        foreign_keys = suspend_foreign_keys(conn, BULK_TABLES) if self.dialect == "postgresql" else []
        catalog = self.plan_courses(n_courses)
        user_ids, demo_id = self.users(n_users)
        enrolls = self.plan_enrollments(catalog, user_ids, demo_id)
        if images_dir is not None:
            images_dir.mkdir(parents=True, exist_ok=True)
        self.insert_courses(catalog, covers=images_dir is not None)
        n_lessons, n_sections, quiz_bodies = self.insert_content(catalog)
        if catalog:
            add_quizzes(conn, quiz_bodies, catalog[0].first_section)
        self.insert_enrollments(catalog, enrolls)
        n_ratings = self.insert_ratings(catalog, enrolls)
        n_progress = self.insert_progress(catalog, enrolls)
        self.tell("search index", 0, 1)
        if self.dialect == "sqlite":
            fts.create_sqlite_fts(conn.exec_driver_sql)
        else:
            reset_sequences(
                conn,
                [
                    "courses",
                    "lessons",
                    "sections",
                    "section_bodies",
                    "enrollments",
                    "progress",
                    "course_ratings",
                ],
            )
            # COPY leaves the new entries in GIN's pending list, which the planner prices so high that it
            # skips the full-text index; merge it now, then give the planner fresh statistics
            conn.exec_driver_sql("SELECT gin_clean_pending_list('ix_courses_search_vector')")
            restore_foreign_keys(conn, foreign_keys)
            conn.exec_driver_sql("ANALYZE")
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

    # ---- planning (pure, deterministic) ---------------------------------------------------------

    def plan_courses(self, n: int) -> list[_Course]:
        rng = self.rng("courses")
        subject_weights = [1.0 / (i + 1) ** 0.6 for i in range(len(words.SUBJECTS))]
        subjects = rng.choices(range(len(words.SUBJECTS)), weights=subject_weights, k=n)
        difficulties = rng.choices(("beginner", "intermediate", "advanced"), weights=DIFFICULTY_WEIGHTS, k=n)
        n_lessons = rng.choices(LESSON_COUNTS, weights=LESSON_WEIGHTS, k=n)
        span = EPOCH_NOW - EPOCH_START - 86_400 * 30
        catalog = []
        next_section = max_id(self.conn, "sections") + 1
        for i in range(n):
            c = _Course(
                subject=subjects[i],
                difficulty=difficulties[i],
                lessons=rng.choices(SECTION_COUNTS, weights=SECTION_WEIGHTS, k=n_lessons[i]),
                created=EPOCH_START + int(rng.random() * span),
                quality=rng.uniform(2.6, 5.0),
            )
            c.first_section = next_section
            next_section += c.sections
            catalog.append(c)
        return catalog

    def plan_enrollments(
        self, catalog: list[_Course], user_ids: list[int], demo_id: int
    ) -> list[_Enrollment]:
        rng = self.rng("learners")
        n = len(catalog)
        if n == 0:
            return []
        by_popularity = list(range(n))
        rng.shuffle(by_popularity)
        # better courses drift up the popularity ranking: sort by a noisy quality score
        by_popularity.sort(key=lambda i: -(catalog[i].quality + rng.gauss(0, 1.2)))
        cum = list(itertools.accumulate(1.0 / (r + 1) ** 1.05 for r in range(n)))
        out: list[_Enrollment] = []
        for uid in user_ids:
            k = min(n, MAX_ENROLLMENTS_PER_LEARNER, 1 + int(rng.paretovariate(1.2)))
            picks = dict.fromkeys(by_popularity[r] for r in self._pick(rng, cum, k))
            for ci in picks:
                out.append(self._simulate(rng, catalog[ci], uid, ci, None))
        # the demo learner: a few popular courses at different stages (in progress, just started, done)
        demo_courses = list(dict.fromkeys(by_popularity[: min(n, 12)]))[:4]
        for ci, fraction in zip(demo_courses, (0.6, 0.25, 0.0, 1.0), strict=False):
            out.append(self._simulate(rng, catalog[ci], demo_id, ci, fraction))
        for e in out:
            if e.status != "dropped":
                catalog[e.course].enrolled += 1
            if e.rating is not None:
                catalog[e.course].rating_sum += e.rating
                catalog[e.course].rating_count += 1
        return out

    @staticmethod
    def _pick(rng: random.Random, cum: list[float], k: int) -> list[int]:
        import bisect

        top = cum[-1]
        return [min(bisect.bisect(cum, rng.random() * top), len(cum) - 1) for _ in range(k)]

    @staticmethod
    def _simulate(
        rng: random.Random, course: _Course, uid: int, ci: int, fraction: float | None
    ) -> _Enrollment:
        total = course.sections
        enrolled_at = course.created + rng.random() * (EPOCH_NOW - course.created) * 0.9
        if fraction is None:
            roll = rng.random()
            done = total if roll < 0.15 else int(total * rng.random() ** 1.5) if roll < 0.9 else 0
            dropped = roll > 0.97
        else:
            done, dropped = round(total * fraction), False
            enrolled_at = EPOCH_NOW - 86_400 * rng.uniform(3, 40)
        status = "dropped" if dropped else ("completed" if done >= total else "active")
        rating = None
        if done > 0 and rng.random() < 0.4:
            rating = max(1, min(5, round(rng.gauss(course.quality, 0.8))))
        return _Enrollment(uid, ci, enrolled_at, done, status, rating)

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

    def insert_courses(self, catalog: list[_Course], *, covers: bool) -> None:
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

        cols = (
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
        done = 0

        def step(k: int) -> None:
            nonlocal done
            done += k
            self.tell("courses", done, len(catalog))

        self.tell("courses", 0, len(catalog))
        insert_rows(self.conn, "courses", cols, rows(), on_batch=step)
        self.course_base = base

    def insert_content(self, catalog: list[_Course]) -> tuple[int, int, dict[tuple[int, str, int], int]]:
        """Lessons and sections; also returns the quiz bodies as (subject, "quiz", variant) -> body id,
        the variant drawn from the body's topic and tool so each quiz body gets its own questions."""
        lesson_base = max_id(self.conn, "lessons")
        rng = self.rng("content")
        outlines = Outlines(rng, max_id(self.conn, "section_bodies") + 1)
        rnd = rng.random
        lesson_rows: list[tuple[Any, ...]] = []
        n_lessons = 0
        total_sections = sum(c.sections for c in catalog)
        done = 0

        def sections() -> Iterator[tuple[Any, ...]]:
            nonlocal n_lessons
            for i, c in enumerate(catalog):
                course_id = self.course_base + i + 1
                section_id = c.first_section
                position = 0
                lessons = outlines.lessons(c.subject, c.topics, len(c.lessons))
                for li, ((topic, title), count) in enumerate(zip(lessons, c.lessons, strict=True)):
                    n_lessons += 1
                    lesson_id = lesson_base + n_lessons
                    lesson_rows.append((lesson_id, course_id, li + 1, title))
                    for si, (section_title, st, body_id) in enumerate(
                        outlines.sections(c.subject, topic, count)
                    ):
                        position += 1
                        duration = 3 + int(rnd() * 23)
                        yield (
                            section_id,
                            lesson_id,
                            course_id,
                            si + 1,
                            position,
                            section_title,
                            st,
                            duration,
                            body_id,
                        )
                        section_id += 1
                if lesson_rows and len(lesson_rows) >= 20_000:
                    self._flush_lessons(lesson_rows)

        def step(k: int) -> None:
            nonlocal done
            done += k
            self.tell("sections", done, total_sections)

        self.tell("sections", 0, total_sections)
        # lessons must exist before their sections (foreign keys): stream sections in chunks per batch
        cols = (
            "id",
            "lesson_id",
            "course_id",
            "sort_order",
            "course_position",
            "title",
            "type",
            "duration_minutes",
            "body_id",
        )
        buffered: list[tuple[Any, ...]] = []
        for row in sections():
            buffered.append(row)
            if len(buffered) >= 50_000:
                self._flush_content(lesson_rows, outlines, cols, buffered)
                step(len(buffered))
                buffered = []
        self._flush_content(lesson_rows, outlines, cols, buffered)
        step(len(buffered))
        quiz_bodies = {
            (subject, kind, topic * 31 + tool): body_id
            for (subject, topic, kind, tool), body_id in outlines.body_ids.items()
            if kind == "quiz"
        }
        return n_lessons, total_sections, quiz_bodies

    def _flush_content(
        self,
        lesson_rows: list[tuple[Any, ...]],
        outlines: Outlines,
        cols: tuple[str, ...],
        sections: list[tuple[Any, ...]],
    ) -> None:
        """Lessons and bodies first, then the sections that refer to them (foreign keys)."""
        self._flush_lessons(lesson_rows)
        insert_rows(self.conn, "section_bodies", ("id", "markdown"), outlines.take_new_bodies())
        if sections:
            insert_rows(self.conn, "sections", cols, sections)

    def _flush_lessons(self, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            insert_rows(self.conn, "lessons", ("id", "course_id", "sort_order", "title"), rows)
            rows.clear()

    def insert_enrollments(self, catalog: list[_Course], enrolls: list[_Enrollment]) -> None:
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

    def insert_ratings(self, catalog: list[_Course], enrolls: list[_Enrollment]) -> int:
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

    def insert_progress(self, catalog: list[_Course], enrolls: list[_Enrollment]) -> int:
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
