"""Content search at scale: 100,000 courses whose section titles and text are indexed (course_search).

The seeded catalog's content (the seed's own section titles and text digests) gets its text replaced by
~150 words drawn from a 20,000-word vocabulary with a Zipf-like skew (so text words range from a handful of
hits to tens of thousands). Latency of the search query (the route's SQL through catalog.list_courses,
totals cache cleared, median) is measured for the same title words with the title-and-description tier
alone and with every tier, for words found only in section text, and for a deep page into the text tier.
"""

from __future__ import annotations

import contextlib
import random
import statistics
import time
from collections.abc import Iterator
from typing import Any

import _datasets
from _harness import BenchResult, bench_main, fmt_us, percentile, quick

VOCABULARY = 20_000
WORDS_PER_COURSE = 150
USERS = 200


def _vocab_word(i: int) -> str:
    letters = "bcdfghjklmnpqrstvwxz"
    word = ""
    i += 1
    while i:
        i, r = divmod(i, len(letters))
        word += letters[r] + "aeiou"[r % 5]
    return "lex" + word


def _body(rng: random.Random, weights: list[float]) -> str:
    picks = rng.choices(range(VOCABULARY), cum_weights=weights, k=WORDS_PER_COURSE)
    return " ".join(_vocab_word(i) for i in picks)


def fill_content(db: Any, engine: str, say: Any) -> float:
    """Give every course its section titles and generated text; returns seconds taken."""
    import itertools

    import sqlalchemy as sa

    from lms_desktop.server.db import fts_content

    t0 = time.monotonic()
    rng = random.Random(14)
    weights = list(itertools.accumulate(1.0 / (i + 1) for i in range(VOCABULARY)))
    agg = "group_concat(title, ' ')" if engine == "sqlite" else "string_agg(title, ' ')"
    with db.write() as conn:
        if engine == "sqlite":
            for ddl in fts_content.SQLITE_DROP[:-1]:  # bulk load without triggers, then rebuild
                conn.exec_driver_sql(ddl)
        conn.execute(sa.text("DELETE FROM course_search"))  # the seed's own text digests
        ids = [r[0] for r in conn.execute(sa.text("SELECT id FROM courses ORDER BY id"))]
        titles = dict(
            conn.execute(sa.text(f"SELECT course_id, {agg} FROM sections GROUP BY course_id")).all()
        )
        batch: list[dict[str, Any]] = []
        insert = sa.text("INSERT INTO course_search (course_id, sections, body) VALUES (:c, :s, :b)")
        for n, course_id in enumerate(ids, start=1):
            batch.append({"c": course_id, "s": titles.get(course_id, ""), "b": _body(rng, weights)})
            if len(batch) == 5_000:
                conn.execute(insert, batch)
                batch.clear()
                say(f"  content {n:,}/{len(ids):,}")
        if batch:
            conn.execute(insert, batch)
        if engine == "sqlite":
            fts_content.create_sqlite_fts(conn.exec_driver_sql)
    return time.monotonic() - t0


@contextlib.contextmanager
def title_only() -> Iterator[None]:
    """Search as it was before content search: the title-and-description tier alone (no content tier is
    searched or counted)."""
    from lms_desktop.server.db.queries import catalog_search

    saved = catalog_search.content_tiers, catalog_search.count_content
    catalog_search.content_tiers = lambda dialect, terms: []  # type: ignore[assignment]
    catalog_search.count_content = lambda *args: 0  # type: ignore[assignment]
    try:
        yield
    finally:
        catalog_search.content_tiers, catalog_search.count_content = saved  # type: ignore[assignment]


def _search_once(conn: Any, word: str, page: int = 1) -> tuple[float, str]:
    """One search with the totals cache cleared: microseconds, and the total ("N+" when a lower bound)."""
    from lms_desktop.server.db.queries import catalog

    catalog.clear_caches()
    t0 = time.perf_counter_ns()
    found = catalog.list_courses(
        conn,
        conn.dialect.name,
        q=word,
        difficulty=None,
        max_hours=None,
        sort="relevance",
        limit=20,
        page=page,
    )
    return (time.perf_counter_ns() - t0) / 1000, f"{found.total:,}" + ("+" if found.total_is_estimate else "")


SAMPLES: dict[bool, list[float]] = {True: [], False: []}  # every timed run, by title tier alone or not


def measure(
    db: Any, words: list[str], reps: int, *, baseline: bool = False
) -> tuple[dict[str, tuple[float, str]], dict[str, tuple[float, str]]]:
    """Median microseconds and total per word, after one untimed run of each (a warm page cache).
    `baseline`: each run is paired with one on the title index alone (title_only), interleaved, so a
    machine busy with other work slows both alike; returns (with content, title index only)."""
    out: dict[str, tuple[float, str]] = {}
    base: dict[str, tuple[float, str]] = {}
    with db.read() as conn:
        for word in words:
            samples: dict[bool, list[float]] = {True: [], False: []}
            totals = {True: "", False: ""}
            for rep in range(reps + 1):
                for alone in (True, False) if baseline else (False,):
                    with title_only() if alone else contextlib.nullcontext():
                        us, totals[alone] = _search_once(conn, word)
                    if rep:  # the first round warms the cache
                        samples[alone].append(us)
                        SAMPLES[alone].append(us)
            out[word] = (statistics.median(samples[False]), totals[False])
            if baseline:
                base[word] = (statistics.median(samples[True]), totals[True])
    return out, base


def body(result: BenchResult) -> None:
    import sys

    import sqlalchemy as sa
    from bench_server import search_words

    from lms_desktop.server.db.engine import Database

    courses = 3_000 if quick() else 100_000
    engines = ["sqlite"]
    try:
        _datasets._pg_admin("SELECT 1")
        engines.append("postgresql")
    except Exception:
        result.note("PostgreSQL not reachable: SQLite only")
    if "--engine" in sys.argv:  # one engine only: --engine sqlite / --engine postgresql
        engines = [e for e in engines if e == sys.argv[sys.argv.index("--engine") + 1]]
    for engine in engines:
        ds = _datasets.cached(engine, courses, USERS)
        if ds is None:
            ds = _datasets.make(engine, courses, USERS)
            result.note(
                f"{engine}: seeded {courses:,} courses (with their content index) in {ds.seconds:.1f} s"
            )
        db = Database.open(ds.url)
        try:
            words = search_words(db, 12)
            with db.read() as conn:
                filled = conn.execute(
                    sa.text("SELECT 1 FROM course_search WHERE body LIKE 'lex%' LIMIT 1")
                ).first()
            if not filled:
                seconds = fill_content(db, engine, print)
                result.note(f"{engine}: content added to {courses:,} courses in {seconds:.0f} s")
                if engine == "postgresql":
                    eng = sa.create_engine(ds.url, isolation_level="AUTOCOMMIT")
                    with eng.connect() as conn:
                        conn.execute(sa.text("VACUUM ANALYZE"))
                    eng.dispose()
            SAMPLES[True].clear()
            SAMPLES[False].clear()
            after, before = measure(db, words, 7, baseline=True)
            p95 = {alone: percentile(SAMPLES[alone], 95) for alone in (True, False)}
            rows = []
            for word in words:
                b_us, b_hits = before.get(word, (float("nan"), "-"))
                a_us, a_hits = after[word]
                rows.append([word, b_hits, a_hits, fmt_us(b_us), fmt_us(a_us)])
            rare = [_vocab_word(i) for i in (19_990, 9_000, 2_000, 300, 40, 3)]
            text_only, _ = measure(db, [*rare, "lexb", "lexca"], 7)
            for word, (us, hits) in text_only.items():
                rows.append(
                    [f"{word} (text only{', prefix' if len(word) < 6 else ''})", "0", hits, "-", fmt_us(us)]
                )
            result.table(
                f"Search latency, {engine}, {courses:,} courses (median of 7, warm, totals cache cleared, "
                "runs with and without the content index interleaved)",
                ["word", "hits (title index)", "hits with content", "title index only", "with content"],
                rows,
            )
            title_before = statistics.median(before[w][0] for w in words if w in before)
            title_after = statistics.median(after[w][0] for w in words)
            worst = max(us for us, _ in text_only.values())
            with db.read() as conn:
                for word in (rare[3], "lexca"):
                    deep = statistics.median(_search_once(conn, word, page=50)[0] for _ in range(4))
                    result.note(f"{engine}: page 50 of text-only {word!r}: {fmt_us(deep)} (median of 4)")
            result.note(
                f"{engine}: title words p95 over every run: {fmt_us(p95[True])} title tier alone, "
                f"{fmt_us(p95[False])} every tier"
            )
            result.goal(
                f"{engine}: title-word searches as fast with content indexed (median over words)",
                f"{fmt_us(title_before)} without, {fmt_us(title_after)} with",
                title_after <= title_before * 1.5,
            )
            result.note(f"{engine}: slowest text-only search {fmt_us(worst)}")
        finally:
            db.close()


if __name__ == "__main__":
    raise SystemExit(bench_main("bench_content_search", "Content search at 100,000 courses", body))
