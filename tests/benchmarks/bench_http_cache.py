"""HTTP cache (issue 6, point 2): cost per request of a memory hit, a disk hit, a 304 and a full 200.

The same request sequence (catalog listing pages, public and cacheable) goes through:
- our LmsClient (two-tier cache; a test clock ages entries so the 304 path is taken on demand),
- hishel 2.0's AsyncCacheClient (RFC 9111, SQLite storage, private cache), the drop-in a developer would pick,
- plain httpx with no cache,
and the floor: a dict lookup of the parsed object. Every figure is a per-request median from this one run;
each path is checked (source / hishel's cache status) so a figure cannot silently measure the wrong path.
The server runs in its own process (`lms-server serve`) on loopback, so its work does not share our GIL.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from _harness import (
    BenchResult,
    NotMeasured,
    Stats,
    bench_main,
    fmt_ratio,
    fmt_us,
    now_ns,
    quick,
    require,
)

PAGES = 40  # distinct listing URLs in the sequence
REPEATS = 10  # passes over the sequence for the hit paths


def _loop_ns(fn_loop: Any, reps: int = 25) -> float:
    """Median ns per item of a loop function returning (items, elapsed_ns)."""
    out = []
    for _ in range(reps):
        items, elapsed = fn_loop()
        out.append(elapsed / items)
    return statistics.median(out)


async def measure_ours(base_url: str, cache_dir: Path, params: list[dict[str, str]]) -> dict[str, Any]:
    from lms_desktop.client import ClientConfig, CourseQuery, LmsClient, MemoryTokenStore

    fake_now = [time.time()]
    client = LmsClient(
        ClientConfig(base_url=base_url, cache_dir=cache_dir, token_store=MemoryTokenStore()),
        clock=lambda: fake_now[0],
    )
    queries = [CourseQuery(page=int(p["page"]), limit=int(p["limit"]), sort=p["sort"]) for p in params]  # type: ignore[arg-type]
    out: dict[str, list[int]] = {"miss": [], "memory": [], "disk": [], "304": []}
    wrong: dict[str, int] = {}
    try:
        for q in queries:  # misses: 200 + decode + store in both tiers
            t0 = now_ns()
            f = await client.list_courses(q, swr=False)
            out["miss"].append(now_ns() - t0)
            if f.source != "network":
                wrong["miss"] = wrong.get("miss", 0) + 1
        for _ in range(REPEATS):
            for q in queries:
                t0 = now_ns()
                f = await client.list_courses(q)
                out["memory"].append(now_ns() - t0)
                if f.source != "memory" or f.stale:
                    wrong["memory"] = wrong.get("memory", 0) + 1
        memory = client._cache.memory  # the tier itself, for the tier-vs-dict comparison
        for _ in range(3):
            for q in queries:
                memory.clear()  # outside the timer: the next read must come from disk
                t0 = now_ns()
                f = await client.list_courses(q)
                out["disk"].append(now_ns() - t0)
                if f.source != "disk" or f.stale:
                    wrong["disk"] = wrong.get("disk", 0) + 1
        before = client.cache_stats().not_modified
        for _ in range(3):
            fake_now[0] += 86_400  # a day later: every entry is past max-age
            for q in queries:
                t0 = now_ns()
                f = await client.list_courses(q, swr=False)  # revalidate before answering
                out["304"].append(now_ns() - t0)
                if f.source == "network" or f.stale:
                    wrong["304"] = wrong.get("304", 0) + 1
        n304 = client.cache_stats().not_modified - before
        if n304 != 3 * len(queries):
            wrong["304 count"] = 3 * len(queries) - n304
        # the memory tier alone vs a dict holding the same parsed objects under the same keys
        keys = list(memory.keys())
        plain = {k: memory.peek(k) for k in keys}
        get = memory.get

        def tier_loop() -> tuple[int, int]:
            t0 = now_ns()
            for k in keys:
                get(k)
            return len(keys), now_ns() - t0

        def dict_loop() -> tuple[int, int]:
            t0 = now_ns()
            for k in keys:
                plain[k]
            return len(keys), now_ns() - t0

        tier_ns = _loop_ns(tier_loop)
        dict_ns = _loop_ns(dict_loop)
    finally:
        await client.aclose()
    return {"samples": out, "wrong": wrong, "tier_ns": tier_ns, "dict_ns": dict_ns}


async def measure_hishel(base_url: str, db_path: Path, urls: list[str]) -> dict[str, Any]:
    from hishel import AsyncSqliteStorage, CacheOptions
    from hishel.httpx import AsyncCacheClient

    from lms_desktop.contract import CoursePage, decoder

    page = decoder(CoursePage)
    storage = AsyncSqliteStorage(database_path=db_path)
    out: dict[str, list[int]] = {"miss": [], "hit": [], "304": []}
    wrong: dict[str, int] = {}
    async with AsyncCacheClient(storage=storage, rfc=CacheOptions(shared=False)) as client:
        for url in urls:
            t0 = now_ns()
            r = await client.get(url)
            page.decode(await r.aread())
            out["miss"].append(now_ns() - t0)
            if r.extensions["caching"]["from_cache"]:
                wrong["miss"] = wrong.get("miss", 0) + 1
        for _ in range(REPEATS):
            for url in urls:
                t0 = now_ns()
                r = await client.get(url)
                page.decode(await r.aread())
                out["hit"].append(now_ns() - t0)
                status = r.extensions["caching"]
                if not status["from_cache"] or status["revalidated"]:
                    wrong["hit"] = wrong.get("hit", 0) + 1
        for _ in range(3):
            for url in urls:
                t0 = now_ns()
                r = await client.get(url, headers={"Cache-Control": "no-cache"})  # hishel's way to revalidate
                page.decode(await r.aread())
                out["304"].append(now_ns() - t0)
                status = r.extensions["caching"]
                if not status["revalidated"]:
                    wrong["304"] = wrong.get("304", 0) + 1
    return {"samples": out, "wrong": wrong}


async def measure_plain(urls: list[str]) -> dict[str, Any]:
    import httpx

    from lms_desktop.contract import CoursePage, decoder

    page = decoder(CoursePage)
    out: list[int] = []
    async with httpx.AsyncClient() as client:
        for _ in range(3):
            for url in urls:
                t0 = now_ns()
                r = await client.get(url)
                page.decode(r.content)
                out.append(now_ns() - t0)
    return {"samples": {"200": out}}


def body(result: BenchResult) -> None:
    require("lms_desktop.client", "the client data layer")
    require("lms_desktop.server.seed", "the server's seed")
    require("hishel.httpx", "hishel 2.0 with httpx support")
    try:
        import anysqlite  # noqa: F401
    except ImportError as exc:
        raise NotMeasured(
            "hishel's async SQLite storage needs anysqlite (pip install 'hishel[async]')"
        ) from exc
    from _datasets import small_sqlite
    from _servers import ServerProcess

    global REPEATS
    if quick():
        REPEATS = 3
    work = Path(tempfile.mkdtemp(prefix="bench-cache-"))
    try:
        db_url, data_dir = small_sqlite(2_000)
        with ServerProcess(db_url, home=work / "home", data_dir=data_dir) as server:
            params = [{"sort": "popular", "page": str(p), "limit": "20"} for p in range(1, PAGES + 1)]
            import httpx

            urls = [str(httpx.URL(f"{server.base_url}/api/v1/courses", params=p)) for p in params]
            probe = httpx.get(urls[0])
            size = len(probe.content)
            result.note(
                f"sequence: {PAGES} listing pages (sort=popular, limit=20; ~{size / 1024:.1f} KB JSON each, "
                f"Cache-Control '{probe.headers.get('cache-control')}'), "
                "server: lms-server on SQLite, 2,000 courses"
            )
            plain = asyncio.run(measure_plain(urls))
            ours = asyncio.run(measure_ours(server.base_url, work / "ours", params))
            hishel = asyncio.run(measure_hishel(server.base_url, work / "hishel.db", urls))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    for name, r in (("ours", ours), ("hishel", hishel)):
        for path, count in r["wrong"].items():
            result.errors.append(f"{name}: {count} requests of the '{path}' pass did not take that path")
    o = {k: Stats.of_ns(v) for k, v in ours["samples"].items()}
    h = {k: Stats.of_ns(v) for k, v in hishel["samples"].items()}
    p = Stats.of_ns(plain["samples"]["200"])
    dict_us = ours["dict_ns"] / 1000
    tier_us = ours["tier_ns"] / 1000

    def cell(s: Stats | None) -> str:
        return f"{fmt_us(s.median_us)} (p99 {fmt_us(s.p99_us)})" if s else "—"

    rows = [
        ["memory hit (parsed object)", cell(o["memory"]), cell(h["hit"]) + " ¹", "—", fmt_us(dict_us) + " ²"],
        ["disk hit", cell(o["disk"]), "(same as its hit)", "—", "—"],
        ["304 revalidation", cell(o["304"]), cell(h["304"]), "—", "—"],
        ["full 200 (miss: fetch, decode, store)", cell(o["miss"]), cell(h["miss"]), cell(p), "—"],
    ]
    result.table(
        "Cost per request, median (p99), same sequence of listing requests",
        ["path", "LmsClient (ours)", "hishel 2.0 AsyncCacheClient", "httpx, no cache", "dict lookup"],
        rows,
        note="Every figure includes decoding into the contract's msgspec types (ours keeps parsed objects, "
        "so a memory hit decodes nothing). ¹ hishel has one tier (SQLite); its hit reads and decodes the "
        "body. "
        "² the floor: `d[key]` of the parsed page.",
    )
    cats = ["memory hit", "disk hit", "304", "full 200"]
    for label, values in (
        ("LmsClient (ours)", [o["memory"], o["disk"], o["304"], o["miss"]]),
        ("hishel 2.0", [h["hit"], h["hit"], h["304"], h["miss"]]),
        ("httpx, no cache", [p, p, p, p]),
    ):
        result.add_series(
            "http_cache_cost",
            label,
            cats,
            [v.median_us / 1000 for v in values],
            title="HTTP cache: cost per request (median)",
            xlabel="",
            ylabel="ms (log)",
            logx=False,
            logy=True,
        )
    result.add_series(
        "http_cache_cost",
        "dict lookup (floor)",
        ["memory hit"],
        [dict_us / 1000],
        title="HTTP cache: cost per request, median",
        xlabel="",
        ylabel="ms (log)",
        logx=False,
        logy=True,
    )
    ratios = [
        ["memory tier `get` vs dict lookup", fmt_us(tier_us), fmt_us(dict_us), fmt_ratio(tier_us / dict_us)],
        [
            "LmsClient memory hit (whole call) vs dict lookup",
            fmt_us(o["memory"].median_us),
            fmt_us(dict_us),
            fmt_ratio(o["memory"].median_us / dict_us),
        ],
        [
            "hishel hit vs our memory hit",
            fmt_us(h["hit"].median_us),
            fmt_us(o["memory"].median_us),
            fmt_ratio(h["hit"].median_us / o["memory"].median_us),
        ],
        [
            "hishel hit vs our disk hit",
            fmt_us(h["hit"].median_us),
            fmt_us(o["disk"].median_us),
            fmt_ratio(h["hit"].median_us / o["disk"].median_us),
        ],
        [
            "no cache vs our memory hit",
            fmt_us(p.median_us),
            fmt_us(o["memory"].median_us),
            fmt_ratio(p.median_us / o["memory"].median_us),
        ],
        [
            "our full 200 vs our 304",
            fmt_us(o["miss"].median_us),
            fmt_us(o["304"].median_us),
            fmt_ratio(o["miss"].median_us / o["304"].median_us),
        ],
        [
            "hishel 304 vs our 304",
            fmt_us(h["304"].median_us),
            fmt_us(o["304"].median_us),
            fmt_ratio(h["304"].median_us / o["304"].median_us),
        ],
    ]
    result.table("Ratios (medians, same run)", ["comparison", "a", "b", "a / b"], ratios)
    result.goal(
        "memory hit within 10x of a dict lookup (the memory tier)",
        f"tier get {fmt_us(tier_us)} vs dict {fmt_us(dict_us)} = {fmt_ratio(tier_us / dict_us)}; the whole "
        f"LmsClient call (request building, key, freshness) is {fmt_us(o['memory'].median_us)} = "
        f"{fmt_ratio(o['memory'].median_us / dict_us)}",
        tier_us / dict_us <= 10,
    )
    result.goal(
        "memory hit at least 2x cheaper than hishel's hit",
        f"hishel {fmt_us(h['hit'].median_us)} / ours {fmt_us(o['memory'].median_us)} = "
        f"{fmt_ratio(h['hit'].median_us / o['memory'].median_us)}",
        h["hit"].median_us / o["memory"].median_us >= 2,
    )


if __name__ == "__main__":
    raise SystemExit(bench_main("bench_http_cache", "HTTP cache: memory / disk / 304 / 200 vs hishel", body))
