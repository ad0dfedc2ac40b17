"""Bounded load test: a class of learners browsing, searching, opening courses, reading sections, posting
progress and checking their dashboard, against the real server on loopback.

Three processes: this one (orchestration), `lms-server serve` on a seeded SQLite catalog, and the load
generator (`tests/trust/loadgen.py`), so the load's own CPU is not charged to the server's event loop. On a
2-core machine the server and the load share the cores: read the figures as a ranking, not a capacity.
Fixed duration (20 s; 6 s with --quick), fixed number of concurrent learners, loopback only.
Prints throughput, p50/p99 per operation and the error count; the only thing it insists on is errors == 0.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from _harness import (
    CACHE_DIR,
    BenchResult,
    NotMeasured,
    bench_main,
    quick,
    require,
    time_left,
)  # also puts the repo root on sys.path

COURSES_FULL, COURSES_QUICK = 2_000, 300
DURATION_FULL_S, DURATION_QUICK_S = 20.0, 6.0
CONCURRENT_LEARNERS = 32
LEARNER_ACCOUNTS = 64


def seeded_template(courses: int) -> Path:
    """A seeded data folder in the bench cache (made once, reused by later runs)."""
    from tests.trust import serverproc

    home = CACHE_DIR / f"load-sqlite-{courses}"
    marker = home / "seeded"
    if not marker.exists():
        shutil.rmtree(home, ignore_errors=True)
        (home / "data").mkdir(parents=True)
        url = serverproc.sqlite_url(home / "data" / "lms.sqlite3")
        serverproc.seed(home, url, courses=courses, users=50, seed_value=11)
        marker.write_text("ok\n")
    return home


def body(result: BenchResult) -> None:
    require("lms_desktop.server.cli", "the server CLI")
    require("lms_desktop.server.db.engine", "server storage")
    from tests.trust import learners as lrn
    from tests.trust import serverproc

    courses = COURSES_QUICK if quick() else COURSES_FULL
    duration = DURATION_QUICK_S if quick() else DURATION_FULL_S
    template = seeded_template(courses)
    if time_left() < duration + 10:
        raise NotMeasured(f"only {time_left():.0f} s left after seeding; the load needs {duration:.0f} s")

    with tempfile.TemporaryDirectory(prefix="lms-bench-load-") as tmp:
        home = Path(tmp)
        shutil.copytree(template / "data", home / "data")
        url = serverproc.sqlite_url(home / "data" / "lms.sqlite3")
        learners = lrn.create_learners(url, "loadlearner", LEARNER_ACCOUNTS, ttl=timedelta(hours=1))
        tokens = home / "tokens.txt"
        tokens.write_text("\n".join(learner.token for learner in learners) + "\n")
        server = serverproc.start_server(home, url)
        try:
            load = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "tests.trust.loadgen",
                    "--api",
                    server.api,
                    "--tokens",
                    str(tokens),
                    "--duration",
                    str(duration),
                    "--learners",
                    str(CONCURRENT_LEARNERS),
                    "--seed",
                    "1",
                ],
                capture_output=True,
                text=True,
                timeout=duration + 120,
                cwd=Path(__file__).resolve().parents[2],
                check=False,
            )
        finally:
            server.stop()
        if load.returncode != 0:
            raise RuntimeError(f"load generator failed:\n{load.stdout[-3000:]}\n{load.stderr[-3000:]}")
        summary = json.loads(load.stdout.strip().splitlines()[-1])
        server_log = server.log_text()

    result.env.update(
        {"courses": courses, "duration_s": duration, "learners": CONCURRENT_LEARNERS, "database": "sqlite"}
    )
    result.note(
        f"{CONCURRENT_LEARNERS} concurrent learners for {duration:.0f} s on SQLite ({courses} courses), "
        "one server process, load from a separate process on loopback"
    )
    result.table(
        "Learner mix under load",
        ["requests", "throughput (req/s)", "p50 (ms)", "p99 (ms)", "errors"],
        [
            [
                summary["requests"],
                summary["throughput_rps"],
                summary["p50_ms"],
                summary["p99_ms"],
                summary["errors"],
            ]
        ],
        note=f"statuses: {summary['statuses']}",
    )
    per_op = summary["per_op"]
    result.table(
        "Per operation",
        ["operation", "count", "p50 (ms)", "p99 (ms)"],
        [[op, v["count"], v["p50_ms"], v["p99_ms"]] for op, v in per_op.items()],
    )
    errors = int(summary["errors"])
    result.goal("no errors under the learner mix", f"{errors} errors", errors == 0)
    if "Traceback" in server_log:
        result.note("the server log contains a traceback (see the bench log)")
        print(server_log[-4000:])
    if errors:
        raise AssertionError(f"{errors} requests failed under load, e.g. {summary['error_examples']}")


if __name__ == "__main__":
    raise SystemExit(bench_main("bench_load", "Load: a class of learners on one server", body))
