"""A bounded load generator: a class of learners browsing, searching, reading and posting progress.

Bounded three ways so it can never run away on a shared machine: a fixed number of learner tasks (the
concurrency), a fixed duration, and a cap on requests. Loopback only. Run as a separate process by
`tests/benchmarks/bench_load.py` (and by hand):

    python -m tests.trust.loadgen --api http://127.0.0.1:PORT/api/v1 --tokens tokens.txt --duration 20

Several of these processes can share one load (`--start-at`: every one starts its learners at that moment,
after its own catalog discovery) and hand back every sample (`--samples`), the server's own time from its
`Server-Timing` header included when the server sends one (`lms-server serve --server-timing`).
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import random
import re
import statistics
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from tests.trust.leanclient import LeanClient, LeanError, LeanResponse

OK_STATUSES = frozenset({200, 201, 204, 304})
# Drop idle keep-alive connections well before the server does (uvicorn closes them after 5 s): with equal
# timeouts a request can be written onto a connection the server is closing, and fails with a ReadError.
KEEPALIVE_EXPIRY_S = 2.0
_SERVER_TIMING = re.compile(r"db;dur=([0-9.]+).*app;dur=([0-9.]+)")


@dataclass(frozen=True)
class Sample:
    op: str
    status: int  # 0: no HTTP answer (transport error or timeout)
    ms: float
    error: str | None = None
    server_ms: float | None = None  # the server's own time (Server-Timing `app`), when it says
    db_ms: float | None = None  # of which in SQL (Server-Timing `db`)


@dataclass
class LoadResult:
    samples: list[Sample] = field(default_factory=list)
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # this process's CPU while the learners ran

    @property
    def errors(self) -> list[Sample]:
        return [s for s in self.samples if s.status not in OK_STATUSES]

    def summary(self) -> dict[str, object]:
        """Throughput, latency percentiles (overall and per operation), error count, statuses."""
        lat = sorted(s.ms for s in self.samples)
        per_op: dict[str, dict[str, float]] = {}
        for op in sorted({s.op for s in self.samples}):
            ms = sorted(s.ms for s in self.samples if s.op == op)
            per_op[op] = {"count": len(ms), "p50_ms": percentile(ms, 50), "p99_ms": percentile(ms, 99)}
        return {
            "requests": len(self.samples),
            "seconds": round(self.seconds, 3),
            "cpu_seconds": round(self.cpu_seconds, 3),
            "throughput_rps": round(len(self.samples) / self.seconds, 1) if self.seconds else 0.0,
            "p50_ms": percentile(lat, 50),
            "p99_ms": percentile(lat, 99),
            "mean_ms": round(statistics.fmean(lat), 3) if lat else 0.0,
            "errors": len(self.errors),
            "statuses": dict(Counter(str(s.status) for s in self.samples)),
            "error_examples": [f"{s.op}: {s.status} {s.error or ''}"[:300] for s in self.errors[:5]],
            "per_op": per_op,
        }


def percentile(sorted_ms: list[float], pct: float) -> float:
    if not sorted_ms:
        return 0.0
    index = min(len(sorted_ms) - 1, max(0, round(pct / 100 * len(sorted_ms) + 0.5) - 1))
    return round(sorted_ms[index], 3)


def _is_loopback(host: str | None) -> bool:
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback  # 127.0.0.0/8 or ::1
    except ValueError:
        return False


def check_loopback(api: str) -> None:
    host = urlsplit(api).hostname
    if host != "localhost" and not _is_loopback(host):
        raise SystemExit(f"load generation is loopback-only; refusing {host!r}")


@dataclass
class Catalog:
    """What the learners pick from: visible course ids, their sections, and words to search for."""

    course_ids: list[int]
    sections: dict[int, list[int]]
    words: list[str]


async def discover_catalog(client: httpx.AsyncClient, api: str, *, courses: int = 30) -> Catalog:
    response = await client.get(f"{api}/courses", params={"limit": min(courses, 100), "sort": "popular"})
    response.raise_for_status()
    items = response.json()["items"]
    course_ids = [int(item["id"]) for item in items]
    words = sorted(
        {w.strip(".,:;!?()").lower() for item in items for w in item["title"].split() if len(w) > 4}
    ) or ["python"]
    sections: dict[int, list[int]] = {}
    for course_id in course_ids:
        content = await client.get(f"{api}/courses/{course_id}/content")
        content.raise_for_status()
        sections[course_id] = [s["id"] for lesson in content.json()["lessons"] for s in lesson["sections"]]
    return Catalog(course_ids, {k: v for k, v in sections.items() if v}, words)


type Client = httpx.AsyncClient | LeanClient


class Recorder:
    """Sends and times requests until the deadline or the request cap; after that, sends nothing."""

    def __init__(self, result: LoadResult, max_requests: int, stop_at: float) -> None:
        self.result = result
        self.max_requests = max_requests
        self.stop_at = stop_at

    @property
    def full(self) -> bool:
        return len(self.result.samples) >= self.max_requests or time.monotonic() >= self.stop_at

    async def call(
        self, client: Client, op: str, method: str, url: str, **kwargs: object
    ) -> httpx.Response | LeanResponse | None:
        if self.full:
            return None
        start = time.perf_counter()
        try:
            response = await client.request(method, url, **kwargs)  # type: ignore[arg-type]
        except (httpx.HTTPError, LeanError) as exc:
            ms = (time.perf_counter() - start) * 1000
            self.result.samples.append(Sample(op, 0, ms, f"{type(exc).__name__}: {exc}"))
            return None
        ms = (time.perf_counter() - start) * 1000
        error = None if response.status_code in OK_STATUSES else response.text[:300]
        timing = _SERVER_TIMING.match(response.headers.get("server-timing", ""))
        server_ms, db_ms = (float(timing[2]), float(timing[1])) if timing else (None, None)
        self.result.samples.append(Sample(op, response.status_code, ms, error, server_ms, db_ms))
        return response


async def learner(
    recorder: Recorder,
    client: Client,
    api: str,
    token: str,
    catalog: Catalog,
    rng: random.Random,
) -> None:
    """One learner's loop: the read/write mix of someone browsing and studying."""
    auth = {"Authorization": f"Bearer {token}"}
    mine = rng.sample(list(catalog.sections), k=min(2, len(catalog.sections)))
    for course_id in mine:
        await recorder.call(
            client, "enroll", "PUT", f"{api}/courses/{course_id}/enrollment", headers=auth, json={}
        )
    while not recorder.full:
        page = rng.randint(1, 3)
        await recorder.call(client, "browse", "GET", f"{api}/courses", params={"page": page, "limit": 20})
        await recorder.call(
            client, "search", "GET", f"{api}/courses", params={"q": rng.choice(catalog.words)}
        )
        course_id = rng.choice(mine)
        await recorder.call(client, "course", "GET", f"{api}/courses/{course_id}", headers=auth)
        await recorder.call(client, "content", "GET", f"{api}/courses/{course_id}/content", headers=auth)
        for section_id in rng.sample(catalog.sections[course_id], k=min(2, len(catalog.sections[course_id]))):
            await recorder.call(client, "section", "GET", f"{api}/sections/{section_id}", headers=auth)
            body = {"time_spent_seconds": rng.randint(5, 120), "op_id": uuid.uuid4().hex}
            if rng.random() < 0.3:
                body["completed_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            await recorder.call(
                client, "progress", "PUT", f"{api}/progress/{section_id}", headers=auth, json=body
            )
        await recorder.call(client, "dashboard", "GET", f"{api}/dashboard", headers=auth)


async def run_load(
    api: str,
    tokens: list[str],
    *,
    duration: float,
    learners: int,
    seed: int = 1,
    max_requests: int = 200_000,
    request_timeout: float = 10.0,
    start_at: float | None = None,
    lean: bool = False,
) -> LoadResult:
    """Run `learners` concurrent learner loops for `duration` seconds against `api` (loopback only), from
    `start_at` (a `time.time()`) when given, so that several processes load the server together. `lean`:
    each learner on its own `LeanClient` connection instead of the shared httpx client."""
    check_loopback(api)
    if not tokens:
        raise ValueError("need at least one token")
    limits = httpx.Limits(
        max_connections=learners, max_keepalive_connections=learners, keepalive_expiry=KEEPALIVE_EXPIRY_S
    )
    async with httpx.AsyncClient(timeout=request_timeout, limits=limits) as client:
        catalog = await discover_catalog(client, api)
        if start_at is not None:
            await asyncio.sleep(max(0.0, start_at - time.time()))
        result = LoadResult()
        rng = random.Random(seed)
        start, cpu_start = time.monotonic(), time.process_time()
        stop_at = start + duration
        recorder = Recorder(result, max_requests, stop_at)
        clients: list[Client] = [LeanClient(request_timeout) if lean else client for _ in range(learners)]
        tasks = [
            learner(recorder, clients[i], api, tokens[i % len(tokens)], catalog, random.Random(rng.random()))
            for i in range(learners)
        ]
        await asyncio.gather(*tasks)
        for each in clients:
            if isinstance(each, LeanClient):
                each.close()
        result.seconds = time.monotonic() - start
        result.cpu_seconds = time.process_time() - cpu_start
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--api", required=True, help="e.g. http://127.0.0.1:8000/api/v1")
    parser.add_argument("--tokens", required=True, type=Path, help="file with one bearer token per line")
    parser.add_argument("--duration", type=float, default=20.0)
    parser.add_argument("--learners", type=int, default=32)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--start-at", type=float, default=None, help="time.time() to start the learners at")
    parser.add_argument("--lean", action="store_true", help="learners on a lean client, not httpx")
    parser.add_argument(
        "--samples", action="store_true", help="add every sample: [op, status, ms, server, db]"
    )
    args = parser.parse_args(argv)
    tokens = [line.strip() for line in args.tokens.read_text().splitlines() if line.strip()]
    result = asyncio.run(
        run_load(
            args.api,
            tokens,
            duration=args.duration,
            learners=args.learners,
            seed=args.seed,
            max_requests=args.max_requests,
            start_at=args.start_at,
            lean=args.lean,
        )
    )
    summary = result.summary()
    if args.samples:
        summary["samples"] = [[s.op, s.status, s.ms, s.server_ms, s.db_ms] for s in result.samples]
    json.dump(summary, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
