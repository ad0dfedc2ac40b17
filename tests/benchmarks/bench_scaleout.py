"""Scale out (issue 6, point 6): the listing on PostgreSQL with 1, 2 and 4 server processes sharing Redis.

`lms-server serve --workers N --redis URL` on the largest PostgreSQL dataset bench_server has seeded (or a
small one if none exists yet), bounded load (a fixed number of keep-alive connections for a fixed time) from a
separate load-generator process on loopback, after a 3 s warm-up. The listing mix: 3 sort orders x 100
pages, so the hot caches (per process, then Redis) matter. Also 1 and 2 processes without Redis, to show what
the shared tier adds. Each configuration starts with an empty Redis database and cold processes.
On a 2-core machine the load generator competes with the servers for the same cores: more processes than
cores cannot scale, and the figure says how much each step costs or gains here, not on a server.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from _harness import BenchResult, NotMeasured, Stats, bench_main, fmt_ratio, fmt_us, quick, require, time_left

REDIS_URL = "redis://127.0.0.1:6379/13"  # a database of its own, flushed before each configuration
CONNECTIONS = 32


def body(result: BenchResult) -> None:
    require("lms_desktop.server.cli", "the server CLI")
    require("lms_desktop.server.seed", "the server's seed")
    import _datasets
    from _loadgen import run_in_subprocess
    from _servers import ServerProcess

    try:
        _datasets._pg_admin("SELECT 1")
    except Exception as exc:
        raise NotMeasured(f"PostgreSQL is not reachable on 127.0.0.1:5432 ({type(exc).__name__})") from exc
    try:
        import redis

        r = redis.Redis.from_url(REDIS_URL, socket_timeout=2)
        r.ping()
    except Exception as exc:
        raise NotMeasured(f"Redis is not reachable on 127.0.0.1:6379 ({type(exc).__name__})") from exc

    ds = _datasets.best_fit(
        "postgresql", 0.0, say=result.note
    )  # no seeding here: what exists, or the smallest
    result.note(f"PostgreSQL dataset: {ds.label}")
    configs = [(1, True), (2, True), (4, True), (1, False), (2, False)]
    seconds = 2.0 if quick() else 3.0
    # each configuration: start (~3-6 s with workers importing) + warm-up + measurement
    per = (time_left() - 5) / len(configs)
    seconds = max(1.5, min(seconds, per - 9))  # server start and a 3 s warm-up come first
    work = Path(tempfile.mkdtemp(prefix="bench-scaleout-"))
    targets = [
        f"/api/v1/courses?sort={s}&page={p}&limit=20"
        for s in ("popular", "newest", "rating")
        for p in range(1, 101)
    ]
    rows = []
    base_rps = None
    points: dict[bool, list[tuple[int, float]]] = {}
    try:
        for workers, with_redis in configs:
            r.flushdb()
            with ServerProcess(
                ds.url,
                home=work / f"home-{workers}-{with_redis}",
                data_dir=ds.data_dir,
                workers=workers,
                redis_url=REDIS_URL if with_redis else None,
            ) as server:
                port = server.port
                load = run_in_subprocess(
                    sys.executable,
                    "127.0.0.1",
                    port,
                    targets,
                    concurrency=CONNECTIONS,
                    duration_s=seconds,
                    warmup_s=3.0,
                )
            st = Stats.of_ns(load.latencies_ns)
            ok = load.statuses.get(200, 0)
            if with_redis and workers == 1:
                base_rps = load.rps
            rows.append(
                [
                    f"{workers} process{'es' if workers > 1 else ''}"
                    + (" + Redis" if with_redis else ", no Redis"),
                    f"{load.rps:,.0f}",
                    fmt_ratio(load.rps / base_rps) if base_rps else "—",
                    fmt_us(st.median_us),
                    fmt_us(st.p99_us),
                    f"{load.requests - ok} / {load.errors}",
                ]
            )
            points.setdefault(with_redis, []).append((workers, load.rps))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for with_redis, pts in points.items():
        result.add_series(
            "scaleout_rps",
            "listing, PostgreSQL" + (" + Redis" if with_redis else ", no Redis"),
            [w for w, _ in pts],
            [v for _, v in pts],
            title="Scale out: listing requests/s by server processes (2 cores)",
            xlabel="server processes",
            ylabel="requests/s",
            logx=False,
        )
    result.table(
        f"Listing on PostgreSQL ({ds.label}), {CONNECTIONS} connections, {seconds:.0f} s per configuration",
        ["server", "requests/s", "vs 1 process + Redis", "p50", "p99", "non-200 / errors"],
        rows,
        note=f"{os.cpu_count()} cores shared by the servers and the load generator.",
    )


if __name__ == "__main__":
    raise SystemExit(
        bench_main("bench_scaleout", "Scale out: listing with 1, 2, 4 processes sharing Redis", body)
    )
