"""Seeded databases for the benchmarks, made once and reused across runs (under bench-report/cache/).

Seeding 100,000 courses and 1,000,000 progress rows takes minutes (more on PostgreSQL), longer than one
bench may take on its first run. So: a ladder of sizes, a seed-time model fitted to this machine's earlier
seeds (cache/seed-rates.json), and the largest size whose estimate fits the time given. A later run with
time to spare seeds the next size up; `python tests/benchmarks/bench_server.py --prepare` seeds the full
size without a time limit. Every bench prints which size it used.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from _harness import CACHE_DIR

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
SA_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/"
RATES = CACHE_DIR / "seed-rates.json"
REGISTRY = CACHE_DIR / "datasets.json"

# (courses, generated learners): ~3.8 enrollments and ~39 progress rows per learner with the seed's skew
LADDER: list[tuple[int, int]] = [(100_000, 26_500), (30_000, 8_000), (10_000, 2_600), (3_000, 800)]
# seconds per course and per learner, before any measurement on this machine
DEFAULT_RATES = {"sqlite": (0.00085, 0.00075), "postgresql": (0.003, 0.0012)}


@dataclass(frozen=True)
class Dataset:
    engine: str
    url: str
    data_dir: Path
    courses: int
    users: int
    progress: int
    enrollments: int
    seconds: float  # how long its seed took

    @property
    def label(self) -> str:
        return f"{self.courses:,} courses, {self.progress:,} progress rows"


def _load(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text())
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _save(path: Path, data: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1))
    tmp.replace(path)


def estimate_s(engine: str, courses: int, users: int) -> float:
    a, b = DEFAULT_RATES[engine]
    scale = float(_load(RATES).get(engine, 1.0))  # type: ignore[arg-type]
    return (a * courses + b * users) * scale + 3.0


def _record_rate(engine: str, courses: int, users: int, seconds: float) -> None:
    a, b = DEFAULT_RATES[engine]
    model = a * courses + b * users
    if model <= 0.5:
        return
    rates = _load(RATES)
    rates[engine] = max(0.1, seconds / model)
    _save(RATES, rates)


def _url(engine: str, key: str) -> tuple[str, Path]:
    data_dir = CACHE_DIR / f"data-{engine}-{key}"
    if engine == "sqlite":
        return f"sqlite:///{data_dir / 'lms.sqlite3'}", data_dir
    return f"{SA_PG}lms_bench_{key}", data_dir


def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as conn:
        conn.execute(sql.encode())


def _counts(url: str) -> tuple[int, int, int] | None:
    """(courses, progress, enrollments) if the database is there and readable."""
    import sqlalchemy as sa

    try:
        engine = sa.create_engine(url)
        try:
            with engine.connect() as conn:
                c = conn.execute(sa.text("SELECT COUNT(*) FROM courses")).scalar()
                p = conn.execute(sa.text("SELECT COUNT(*) FROM progress")).scalar()
                e = conn.execute(sa.text("SELECT COUNT(*) FROM enrollments")).scalar()
        finally:
            engine.dispose()
        return int(c or 0), int(p or 0), int(e or 0)
    except Exception:
        return None


def cached(engine: str, courses: int, users: int) -> Dataset | None:
    key = f"{courses}-{users}"
    entry = _load(REGISTRY).get(f"{engine}:{key}")
    if not isinstance(entry, dict):
        return None
    url, data_dir = _url(engine, key)
    counts = _counts(url)
    if counts is None or counts[0] != courses:
        return None
    return Dataset(
        engine, url, data_dir, courses, users, counts[1], counts[2], float(entry.get("seconds", 0))
    )


def make(engine: str, courses: int, users: int, *, say: Callable[[str], object] | None = print) -> Dataset:
    """Seed a fresh database of this size (replacing a half-made one) and register it."""
    from lms_desktop.server.db.engine import Database
    from lms_desktop.server.db.migrate import upgrade
    from lms_desktop.server.seed import seed

    key = f"{courses}-{users}"
    url, data_dir = _url(engine, key)
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    if engine == "postgresql":
        _pg_admin(f'DROP DATABASE IF EXISTS "lms_bench_{key}" WITH (FORCE)')
        _pg_admin(f'CREATE DATABASE "lms_bench_{key}"')
    if say is not None:
        guess = estimate_s(engine, courses, users)
        say(f"seeding {engine}: {courses:,} courses, {users:,} learners (estimate {guess:.0f} s)")
    t0 = time.monotonic()
    upgrade(url)
    db = Database.open(url)
    try:
        report = seed(db, courses=courses, users=users, seed=6, images_dir=data_dir / "images")
    finally:
        db.close()
    seconds = time.monotonic() - t0
    if engine == "postgresql":
        import sqlalchemy as sa

        eng = sa.create_engine(url, isolation_level="AUTOCOMMIT")
        with eng.connect() as conn:
            conn.execute(sa.text("VACUUM ANALYZE"))
        eng.dispose()
    _record_rate(engine, courses, users, seconds)
    registry = _load(REGISTRY)
    registry[f"{engine}:{key}"] = {"seconds": seconds, "report": str(report)}
    _save(REGISTRY, registry)
    return Dataset(engine, url, data_dir, courses, users, report.progress, report.enrollments, seconds)


def best_fit(engine: str, seed_budget_s: float, *, say: Callable[[str], object] | None = print) -> Dataset:
    """The largest dataset available or seedable within `seed_budget_s` (a cached one costs nothing)."""
    have = None
    for courses, users in LADDER:  # largest first
        have = cached(engine, courses, users)
        if have is not None:
            break
    for courses, users in LADDER:
        if have is not None and courses <= have.courses:
            return have
        if estimate_s(engine, courses, users) <= seed_budget_s:
            return make(engine, courses, users, say=say)
    if have is not None:
        return have
    courses, users = LADDER[-1]
    return make(engine, courses, users, say=say)


def small_sqlite(courses: int = 2_000, users: int = 200) -> tuple[str, Path]:
    """A small seeded SQLite catalog (client / UI benches); seeded once, then reused."""
    have = cached("sqlite", courses, users)
    if have is None:
        have = make("sqlite", courses, users, say=None)
    return have.url, have.data_dir


def copy_sqlite(courses: int, users: int, dest: Path) -> tuple[str, Path]:
    """A private copy of a small seeded SQLite catalog (for benches whose server writes to it)."""
    data_dir = small_sqlite(courses, users)[1]
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(data_dir, dest)
    return f"sqlite:///{dest / 'lms.sqlite3'}", dest
