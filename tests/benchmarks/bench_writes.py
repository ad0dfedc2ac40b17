"""Writes that scale: 600 concurrent progress writes, and progress writes inside a 64-learner mix, on SQLite
and PostgreSQL, with 1 and 3 `lms-server serve` instances (on 127.0.0.2-4, the client spreading its
connections over them as a load balancer would).

Writes run concurrently on PostgreSQL (a thread per pooled write connection) and are grouped into one
transaction on SQLite (group commit), see `lms_desktop/server/db/writer.py`. Goals on this 2-core machine:
>= 1,000 progress writes/s on PostgreSQL with one instance, progress p99 < 100 ms in the 64-learner mix.
The load generator shares the two cores with the servers and the database, so the burst's client is lean:
real HTTP/1.1 requests (complete heads, bodies, keep-alive) written and read on plain asyncio connections,
every answer's status checked, where httpx cost more CPU per request than the server's write itself. Its
600 connections come from 127.0.1.1-200 (as 600 learners come from many machines): one address holding
them all would meet the server's per-address connection limit. The mix runs loadgen's learners from 4
processes (6 for 3 instances) on its lean client (`--httpx-mix`: on httpx, which took more CPU than the
server), so the load generator is not the bottleneck; beside each write's latency at the client it shows
the server's own time for it (from its arrival in the app to its answer) and that write's SQL time, both
from the `Server-Timing` header: the rest is the wait for the server to read it. The table adds CPU per
burst write (server processes, the database's backends, the client), steadier than rates on a shared
machine, and the cores the mix kept busy (servers, database, load processes) and left idle.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

from _harness import REPO_ROOT, BenchResult, NotMeasured, bench_main, percentile, quick, time_left

from tests.trust import serverproc
from tests.trust.loadgen import OK_STATUSES, discover_catalog

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
HOSTS = ("127.0.0.2", "127.0.0.3", "127.0.0.4")
LEARNERS = 24
BURST = 600
BURSTS = 3
MIX_LEARNERS = 64
MIX_CLIENTS = {1: 4, 3: 6}  # load generator processes for the mix, by instances
_TICK = os.sysconf("SC_CLK_TCK")


def _proc_cpu(pid: int) -> float:
    """CPU seconds (user + system) of one process; 0 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICK


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _idle_seconds() -> float:
    """Seconds every core of the machine has been idle since boot (summed over cores)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()
    return (int(fields[4]) + int(fields[5])) / _TICK  # idle + iowait


def _pg_backends(database: str) -> list[int]:
    """PostgreSQL processes serving `database` (their title names it), plus the WAL writer."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if title.startswith("postgres: ") and (f" {database} " in title or "walwriter" in title):
                found.append(int(entry.name))
    return found


class _CpuMeter:
    """CPU spent from now on by the server processes, the database's backends (those that start later
    too) and this client."""

    def __init__(self, servers: list[int], pg_database: str | None) -> None:
        self.servers = servers
        self.pg_database = pg_database
        self.start = self._sample()
        self.client = time.process_time()

    def _sample(self) -> dict[tuple[str, int], float]:
        pids = [("server", p) for pid in self.servers for p in (pid, *_children(pid))]
        if self.pg_database:
            pids += [("db", p) for p in _pg_backends(self.pg_database)]
        return {key: _proc_cpu(key[1]) for key in pids}

    def spent(self) -> tuple[float, float, float]:
        """CPU seconds since the start: (servers, database, this client)."""
        spent = {"server": 0.0, "db": 0.0}
        for key, cpu in self._sample().items():
            spent[key[0]] += cpu - self.start.get(key, 0.0)
        return spent["server"], spent["db"], time.process_time() - self.client

    def per_write_ms(self, writes: int) -> tuple[float, float, float]:
        server, db, client = self.spent()
        return 1000 * server / writes, 1000 * db / writes, 1000 * client / writes


def _pg_database() -> tuple[str, str]:
    import psycopg

    name = f"lms_bench_writes_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{PG_ADMIN.rpartition('/')[0]}/{name}", name


def _drop_pg(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def _prepare(apis: list[str], tokens: list[str]) -> list[tuple[str, str, list[int]]]:
    """Each learner enrolled in one course: (api, token, that course's sections)."""
    import httpx

    async with httpx.AsyncClient(timeout=30) as client:
        catalog = await discover_catalog(client, apis[0], courses=LEARNERS)
        courses = list(catalog.sections)
        plan = []
        for i, token in enumerate(tokens):
            course = courses[i % len(courses)]
            auth = {"Authorization": f"Bearer {token}"}
            r = await client.put(f"{apis[0]}/courses/{course}/enrollment", headers=auth, json={})
            r.raise_for_status()
            plan.append((apis[i % len(apis)], token, catalog.sections[course]))
    return plan


async def _http_connection(api: str, i: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    url = urlsplit(api)
    return await asyncio.open_connection(url.hostname, url.port, local_addr=(f"127.0.1.{i % 200 + 1}", 0))


async def _put(
    conn: tuple[asyncio.StreamReader, asyncio.StreamWriter], url: str, token: str, body: bytes
) -> int:
    """One PUT on a kept-alive connection: the answer's status (its body read in full)."""
    reader, writer = conn
    parts = urlsplit(url)
    writer.write(
        f"PUT {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nAuthorization: Bearer {token}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    await reader.readexactly(length)
    return int(head.split(b" ", 2)[1])


async def _burst(plan: list[tuple[str, str, list[int]]], n: int) -> tuple[float, list[float], int]:
    """n progress writes sent at once (each with an op_id) on n connections: (seconds, latencies ms,
    failures)."""
    conns = await asyncio.gather(*(_http_connection(plan[i % len(plan)][0], i) for i in range(n)))

    async def one(i: int) -> tuple[float, bool]:
        api, token, sections = plan[i % len(plan)]
        body = json.dumps({"op_id": uuid.uuid4().hex, "time_spent_seconds": 5}).encode()
        started = time.perf_counter()
        try:
            ok = (
                await _put(conns[i], f"{api}/progress/{sections[i % len(sections)]}", token, body)
                in OK_STATUSES
            )
        except (OSError, asyncio.IncompleteReadError, ValueError):
            ok = False
        return (time.perf_counter() - started) * 1000, ok

    try:
        t0 = time.perf_counter()
        results = await asyncio.gather(*(one(i) for i in range(n)))
        seconds = time.perf_counter() - t0
    finally:
        for _, writer in conns:
            writer.close()
    return seconds, sorted(ms for ms, _ in results), sum(1 for _, ok in results if not ok)


def _mix(
    apis: list[str], tokens: list[str], home: Path, meter: tuple[list[int], str | None], lean: bool
) -> tuple[dict[str, float], list[str]]:
    """The 64-learner mix (loadgen's learner loop) from MIX_CLIENTS processes per instance, all starting
    together: one Python process running 64 httpx learners spent more CPU than a server and became the
    bottleneck. Each process takes its own slice of the learners' accounts. `meter`: the server processes
    and the database whose CPU the load costs. Returns the figures and a few failed requests' errors."""
    learners, duration = MIX_LEARNERS, 5.0 if quick() else 8.0
    clients = MIX_CLIENTS[len(apis)]
    share = [learners // clients + (1 if i < learners % clients else 0) for i in range(clients)]
    start_at = time.time() + 4.0  # after every process has started and discovered the catalog
    procs = []
    for i, n in enumerate(share):
        offset = sum(share[:i]) % len(tokens)
        token_file = home / f"mix-tokens-{i}.txt"
        token_file.write_text("\n".join(tokens[offset:] + tokens[:offset]) + "\n")
        cmd = [sys.executable, "-m", "tests.trust.loadgen", "--api", apis[i % len(apis)], "--tokens"]
        cmd += [str(token_file), "--duration", str(duration), "--learners", str(n), "--seed", str(i)]
        cmd += ["--start-at", str(start_at), "--samples", *(["--lean"] if lean else [])]
        procs.append(subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=REPO_ROOT))
    time.sleep(max(0.0, start_at - time.time()))
    cpu, idle = _CpuMeter(*meter), _idle_seconds()
    outs = [
        json.loads(proc.communicate(timeout=duration + 120)[0].strip().splitlines()[-1]) for proc in procs
    ]
    samples = [row for out in outs for row in out["samples"]]
    seconds = max(float(out["seconds"]) for out in outs)
    server_cpu, db_cpu, _ = cpu.spent()
    idle = _idle_seconds() - idle
    writes = [row for row in samples if row[0] == "progress"]
    client = sorted(row[2] for row in writes)
    server = sorted(row[3] for row in writes if row[3] is not None)
    db = sorted(row[4] for row in writes if row[4] is not None)
    figures = {
        "clients": float(clients),
        "rps": len(samples) / seconds,
        "writes_per_s": len(writes) / seconds,
        "p50": percentile(client, 50),
        "p99": percentile(client, 99),
        "server_p50": percentile(server, 50),
        "server_p99": percentile(server, 99),
        "db_p50": percentile(db, 50),
        "db_p99": percentile(db, 99),
        "errors": float(sum(int(out["errors"]) for out in outs)),
        "server_cores": server_cpu / seconds,
        "db_cores": db_cpu / seconds,
        "client_cores": sum(float(out["cpu_seconds"]) for out in outs) / seconds,
        "idle_cores": idle / seconds,
    }
    return figures, [str(e) for out in outs for e in out["error_examples"]][:5]


def _measure(
    result: BenchResult, engine: str, instances: int, rows: list[list[object]], lean: bool = True
) -> None:
    home = Path(tempfile.mkdtemp(prefix=f"bench-writes-{engine}-"))
    pg_name = None
    servers: list[serverproc.ServerProcess] = []
    try:
        if engine == "postgresql":
            url, pg_name = _pg_database()
        else:
            url = serverproc.sqlite_url(home / "data" / "lms.sqlite3")
        serverproc.seed(home, url, courses=60, users=LEARNERS, seed_value=5)
        for host in HOSTS[:instances]:
            args = ["--no-access-log", "--server-timing"]  # the mix reads each write's own time
            servers.append(serverproc.start_server(home, url, host=host, extra_args=args, wait=False))
        for server in servers:
            serverproc.wait_healthy(server)
        apis = [s.api for s in servers]
        names = [f"learner{i:06d}" for i in range(1, LEARNERS + 1)]
        import httpx

        tokens = [
            httpx.post(
                f"{apis[0]}/auth/token", json={"username": n, "password": "learner"}, timeout=30
            ).json()["access_token"]
            for n in names
        ]
        plan = asyncio.run(_prepare(apis, tokens))
        cpu = _CpuMeter([s.proc.pid for s in servers], pg_name)
        bursts = sorted((asyncio.run(_burst(plan, BURST)) for _ in range(BURSTS)), key=lambda b: b[0])
        server_ms, db_ms, client_ms = cpu.per_write_ms(BURST * BURSTS)
        seconds, lat, _ = bursts[len(bursts) // 2]  # the median run
        failed = sum(b[2] for b in bursts)
        mix, mix_errors = _mix(apis, tokens, home, ([s.proc.pid for s in servers], pg_name), lean)
        if mix_errors:
            result.note(f"{engine} x{instances} mix errors: {'; '.join(mix_errors)}")
        rows.append(
            [
                engine,
                instances,
                f"{BURST / seconds:,.0f}",
                f"{percentile(lat, 50):.0f}",
                f"{percentile(lat, 99):.0f}",
                failed,
                f"{server_ms:.2f} / {db_ms:.2f} / {client_ms:.2f}",
                f"{mix['rps']:,.0f}",
                f"{mix['writes_per_s']:,.0f}",
                f"{mix['p50']:.0f} / {mix['p99']:.0f}",
                f"{mix['server_p50']:.0f} / {mix['server_p99']:.0f}",
                f"{mix['db_p50']:.1f} / {mix['db_p99']:.1f}",
                f"{mix['server_cores']:.2f} / {mix['db_cores']:.2f} / {mix['client_cores']:.2f}"
                f" / {mix['idle_cores']:.2f}",
                int(mix["errors"]),
            ]
        )
        if instances == 1 and engine == "postgresql":
            result.goal(
                ">= 1,000 progress writes/s on PostgreSQL, 1 instance",
                f"{BURST / seconds:,.0f}/s",
                BURST / seconds >= 1000,
            )
        if instances == 1:
            result.goal(
                f"{MIX_LEARNERS}-learner mix progress p99 < 100 ms ({engine}, 1 instance)",
                f"{mix['p99']:.0f} ms",
                mix["p99"] < 100,
            )
    finally:
        for server in servers:
            server.stop()
        if pg_name:
            _drop_pg(pg_name)
        shutil.rmtree(home, ignore_errors=True)


def body(result: BenchResult) -> None:
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise NotMeasured("psycopg missing") from exc
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", action="append", help="engine:instances, e.g. postgresql:1 (repeatable)")
    parser.add_argument("--httpx-mix", action="store_true", help="the mix's learners on httpx, not lean")
    known = parser.parse_known_args()[0]
    only, lean = known.only, not known.httpx_mix
    rows: list[list[object]] = []
    for instances in (1, 3):  # the goals are on one instance: those first
        for engine in ("postgresql", "sqlite"):
            if only and f"{engine}:{instances}" not in only:
                continue
            if time_left() < 25:
                result.not_measured(f"{engine} x{instances}", "out of time")
                continue
            try:
                _measure(result, engine, instances, rows, lean)
            except Exception as exc:  # a service down: the other configurations still run
                result.not_measured(f"{engine} x{instances}", f"{type(exc).__name__}: {exc}"[:300])
    result.table(
        f"{BURST} concurrent progress writes (the median of {BURSTS} bursts), then the 64-learner mix",
        [
            "engine",
            "instances",
            "burst writes/s",
            "burst p50 ms",
            "burst p99 ms",
            "burst failed",
            "CPU ms/write: server / db / client",
            "mix req/s",
            "mix writes/s",
            "mix write p50 / p99 ms",
            "in server p50 / p99 ms",
            "in SQL p50 / p99 ms",
            "mix cores: server / db / clients / idle",
            "mix errors",
        ],
        rows,
    )


if __name__ == "__main__":
    raise SystemExit(
        bench_main("bench_writes", "Writes that scale (progress writes, 1 and 3 instances)", body)
    )
