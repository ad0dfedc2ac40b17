"""The seed's plan, before any row is written: the courses (subject, level, outline size, age, quality) and
who enrolls in what (Zipf-like popularity that follows quality), all drawn from seeded generators."""

from __future__ import annotations

import bisect
import itertools
import random
from dataclasses import dataclass
from datetime import UTC, datetime

from lms_desktop.server.seed import words

EPOCH_START = datetime(2023, 1, 1, tzinfo=UTC).timestamp()
EPOCH_NOW = datetime(2026, 1, 1, tzinfo=UTC).timestamp()  # "now" of the generated history
DIFFICULTY_WEIGHTS = (0.45, 0.35, 0.20)
LESSON_COUNTS = tuple(range(3, 13))
LESSON_WEIGHTS = (16, 18, 16, 13, 10, 8, 6, 5, 4, 4)
SECTION_COUNTS = tuple(range(2, 9))
SECTION_WEIGHTS = (20, 26, 20, 14, 9, 6, 5)
MAX_ENROLLMENTS_PER_LEARNER = 40


@dataclass(slots=True)
class SeedCourse:
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
class SeedEnrollment:
    user_id: int
    course: int  # index into the course list
    enrolled_at: float
    done: int  # sections completed, in course order
    status: str
    rating: int | None


def plan_courses(rng: random.Random, n: int, next_section: int) -> list[SeedCourse]:
    """`n` courses: subject, level, lessons and their section counts, creation time and quality."""
    subject_weights = [1.0 / (i + 1) ** 0.6 for i in range(len(words.SUBJECTS))]
    subjects = rng.choices(range(len(words.SUBJECTS)), weights=subject_weights, k=n)
    difficulties = rng.choices(("beginner", "intermediate", "advanced"), weights=DIFFICULTY_WEIGHTS, k=n)
    n_lessons = rng.choices(LESSON_COUNTS, weights=LESSON_WEIGHTS, k=n)
    span = EPOCH_NOW - EPOCH_START - 86_400 * 30
    catalog = []
    for i in range(n):
        c = SeedCourse(
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
    rng: random.Random, catalog: list[SeedCourse], user_ids: list[int], demo_id: int
) -> list[SeedEnrollment]:
    """Who learns what: Zipf-like popularity that follows quality, and the demo learner's few courses."""
    n = len(catalog)
    if n == 0:
        return []
    by_popularity = list(range(n))
    rng.shuffle(by_popularity)
    # better courses drift up the popularity ranking: sort by a noisy quality score
    by_popularity.sort(key=lambda i: -(catalog[i].quality + rng.gauss(0, 1.2)))
    cum = list(itertools.accumulate(1.0 / (r + 1) ** 1.05 for r in range(n)))
    out: list[SeedEnrollment] = []
    for uid in user_ids:
        k = min(n, MAX_ENROLLMENTS_PER_LEARNER, 1 + int(rng.paretovariate(1.2)))
        picks = dict.fromkeys(by_popularity[r] for r in _pick(rng, cum, k))
        for ci in picks:
            out.append(_simulate(rng, catalog[ci], uid, ci, None))
    # the demo learner: a few popular courses at different stages (in progress, just started, done)
    demo_courses = list(dict.fromkeys(by_popularity[: min(n, 12)]))[:4]
    for ci, fraction in zip(demo_courses, (0.6, 0.25, 0.0, 1.0), strict=False):
        out.append(_simulate(rng, catalog[ci], demo_id, ci, fraction))
    for e in out:
        if e.status != "dropped":
            catalog[e.course].enrolled += 1
        if e.rating is not None:
            catalog[e.course].rating_sum += e.rating
            catalog[e.course].rating_count += 1
    return out


def _pick(rng: random.Random, cum: list[float], k: int) -> list[int]:
    top = cum[-1]
    return [min(bisect.bisect(cum, rng.random() * top), len(cum) - 1) for _ in range(k)]


def _simulate(
    rng: random.Random, course: SeedCourse, uid: int, ci: int, fraction: float | None
) -> SeedEnrollment:
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
    return SeedEnrollment(uid, ci, enrolled_at, done, status, rating)
