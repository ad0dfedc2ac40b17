"""Scale out (issue 6, point 6): the listing on PostgreSQL with 1, 2 and 4 server processes sharing Redis.

`lms-server serve --workers N --redis URL` on the largest PostgreSQL dataset bench_server has seeded (or a
small one if none exists yet), bounded load (a fixed number of keep-alive connections for a fixed time) from a
separate load-generator process on loopback, after a 3 s warm-up. The listing mix: 3 sort orders x 100
pages, so the hot caches (per process, then Redis) matter. Also 1 and 2 processes without Redis, to show what
the shared tier adds. Each configuration starts with an empty Redis database and cold processes.
On a 2-core machine the load generator competes with the servers for the same cores: more processes than
cores cannot scale, and the figure says how much each step costs or gains here, not on a server.

Why CPU columns: requests/s alone reads as "more processes do not help", without saying why. The bench also
measures how many of the machine's cores were busy (/proc/stat), the CPU time of every server process (the
supervisor and all its workers: the server's pid and its descendants) and of the PostgreSQL backends serving
them, per request sent, how that CPU splits over the workers, and the load generator's own CPU. If the cores
are all busy and the server's CPU per request does not grow with processes, throughput here is bounded by
the cores, not by how the server scales.

Why the warm-up is a load run of its own: CPU sampled around one run that includes the warm-up mixes two
costs, cold processes building (or fetching from Redis) their first bodies, and the steady state; 4 cold
processes pay the first 4 times. Sampling between the two runs keeps them apart. The measured run opens its
connections anew (0.3 s of warm-up of its own), so the kernel deals them to the workers again.
"""

from __future__ import annotations

import os
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from _harness import BenchResult, NotMeasured, Stats, bench_main, fmt_ratio, fmt_us, quick, require, time_left

REDIS_URL = "redis://127.0.0.1:6379/13"  # a database of its own, flushed before each configuration
CONNECTIONS = 32
WARMUP_S = 3.0
PG_PORT = 5432
NAN = float("nan")


def _process_tree(root: int) -> list[int]:
    """`root` and all its descendants (uvicorn's workers, multiprocessing's resource tracker), from the
    ppid field of every /proc/<pid>/stat. A process that ends while /proc is read is skipped."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_bytes()
            ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])  # after "pid (comm) ": state, ppid
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def _is_worker(pid: int) -> bool:
    """A uvicorn worker: multiprocessing's spawn of the app (not its resource tracker)."""
    try:
        return b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _preempted(pid: int) -> int:
    """How often the kernel took a CPU from any of `pid`'s threads while it could still run (the sum of
    nonvoluntary_ctxt_switches in /proc/<pid>/task/*/status): the processes time-sharing too few cores."""
    total = 0
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return 0
    for task in tasks:
        try:
            for line in (task / "status").read_text().splitlines():
                if line.startswith("nonvoluntary_ctxt_switches:"):
                    total += int(line.split()[1])
        except (OSError, ValueError, IndexError):
            continue
    return total


def _machine_jiffies() -> tuple[int, int, int]:
    """(busy, steal, total) clock ticks of all CPUs since boot, from /proc/stat's "cpu" line.

    Busy is user + nice + system + irq + softirq; idle and iowait are not; steal (time the hypervisor gave
    to someone else) is counted apart, in neither. guest/guest_nice are already inside user/nice."""
    first = Path("/proc/stat").read_text().split("\n", 1)[0].split()
    user, nice, system, idle, iowait, irq, softirq, steal = (int(x) for x in first[1:9])
    busy = user + nice + system + irq + softirq
    return busy, steal, busy + idle + iowait + steal


def _backend_cpu(pids: list[int]) -> dict[int, int] | None:
    """{PostgreSQL backend pid: CPU ns} for the backends serving `pids`' connections (None: cannot tell)."""
    import psycopg
    from _datasets import PG_ADMIN
    from _servers import process_cpu_ns, tcp_local_ports

    ports = [port for pid in pids for port in tcp_local_ports(pid, PG_PORT)]
    if not ports:
        return {}
    try:
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as conn:
            rows = conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE client_addr IS NOT NULL AND client_port = ANY(%s)",
                (ports,),
            ).fetchall()
    except Exception:
        return None
    backends = {int(r[0]): process_cpu_ns(int(r[0])) for r in rows}
    return {pid: ns for pid, ns in backends.items() if ns is not None}


@dataclass
class _Sample:
    at: float
    machine: tuple[int, int, int]
    server: dict[int, int]  # pid: CPU ns, the server's process and every descendant
    workers: list[int]  # the pids that serve requests (the server's own with one process)
    preempted: dict[int, int]  # pid: involuntary context switches so far, all its threads
    backends: dict[int, int] | None
    children_cpu_s: float  # this process's waited-for children (the finished load generators)

    @classmethod
    def take(cls, server_pid: int) -> _Sample:
        from _servers import process_cpu_ns

        pids = _process_tree(server_pid)
        server = {pid: ns for pid in pids if (ns := process_cpu_ns(pid)) is not None}
        workers = [pid for pid in pids if pid != server_pid and _is_worker(pid)] or [server_pid]
        ru = resource.getrusage(resource.RUSAGE_CHILDREN)
        return cls(
            time.monotonic(),
            _machine_jiffies(),
            server,
            workers,
            {pid: _preempted(pid) for pid in server},
            _backend_cpu(pids),
            ru.ru_utime + ru.ru_stime,
        )


@dataclass
class _Cpu:
    """CPU between two samples around one load run of `requests` requests (every request sent)."""

    cores_busy: float  # the whole machine's
    steal_cores: float
    server_cores: float  # all server processes
    server_us: float  # CPU µs per request: all server processes
    db_us: float  # ... the PostgreSQL backends serving them
    db_cores: float
    loadgen_us: float  # ... the load generator (its interpreter's start included)
    loadgen_cores: float
    split: list[float]  # each worker's share of the workers' CPU, largest first
    preempted: float  # involuntary context switches of the server processes per request

    @classmethod
    def between(cls, s0: _Sample, s1: _Sample, requests: int) -> _Cpu:
        wall = s1.at - s0.at
        ticks = s1.machine[2] - s0.machine[2]
        ncpu = os.cpu_count() or 1

        def cores(a: float) -> float:
            return a / ticks * ncpu if ticks > 0 else NAN

        def spent(before: dict[int, int], after: dict[int, int], pids: object = None) -> int:
            # a process that started in between counts from its start; one that ended is lost (none should)
            return sum(ns - before.get(pid, 0) for pid, ns in after.items() if pids is None or pid in pids)

        server_ns = spent(s0.server, s1.server)
        per_worker = [spent(s0.server, s1.server, {pid}) for pid in s1.workers]
        total_w = sum(per_worker)
        db_ns = NAN if s0.backends is None or s1.backends is None else spent(s0.backends, s1.backends)
        lg_s = s1.children_cpu_s - s0.children_cpu_s
        per = 1000 * requests if requests else NAN
        return cls(
            cores_busy=cores(s1.machine[0] - s0.machine[0]),
            steal_cores=cores(s1.machine[1] - s0.machine[1]),
            server_cores=server_ns / 1e9 / wall if wall > 0 else NAN,
            server_us=server_ns / per,
            db_us=db_ns / per,
            db_cores=db_ns / 1e9 / wall if wall > 0 else NAN,
            loadgen_us=lg_s * 1e9 / per,
            loadgen_cores=lg_s / wall if wall > 0 else NAN,
            split=sorted((w / total_w for w in per_worker), reverse=True) if total_w > 0 else [],
            preempted=spent(s0.preempted, s1.preempted) / requests if requests else NAN,
        )


def _name(workers: int, with_redis: bool) -> str:
    return f"{workers} process{'es' if workers > 1 else ''}" + (" + Redis" if with_redis else ", no Redis")


def _cores(x: float) -> str:
    return "n/a" if x != x else f"{x:.2f}"


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
    seconds = max(1.5, min(seconds, per - 10))  # server start and a 3 s warm-up run come first
    work = Path(tempfile.mkdtemp(prefix="bench-scaleout-"))
    targets = [
        f"/api/v1/courses?sort={s}&page={p}&limit=20"
        for s in ("popular", "newest", "rating")
        for p in range(1, 101)
    ]
    ncpu = os.cpu_count() or 1
    rows = []
    base_rps = None
    points: dict[bool, list[tuple[int, float]]] = {}
    measured: dict[tuple[int, bool], tuple[float, _Cpu, _Cpu]] = {}
    try:
        for workers, with_redis in configs:
            if rows and time_left() < WARMUP_S + seconds + 8:  # start, warm-up, run, stop: over budget
                result.note(f"{_name(workers, with_redis)}: not measured, out of time")
                continue
            r.flushdb()
            with ServerProcess(
                ds.url,
                home=work / f"home-{workers}-{with_redis}",
                data_dir=ds.data_dir,
                workers=workers,
                redis_url=REDIS_URL if with_redis else None,
            ) as server:
                assert server.proc is not None
                pid, port = server.proc.pid, server.port
                cold = _Sample.take(pid)
                warm = run_in_subprocess(
                    sys.executable,
                    "127.0.0.1",
                    port,
                    targets,
                    concurrency=CONNECTIONS,
                    duration_s=WARMUP_S,
                    warmup_s=0.0,
                )
                before = _Sample.take(pid)
                load = run_in_subprocess(
                    sys.executable,
                    "127.0.0.1",
                    port,
                    targets,
                    concurrency=CONNECTIONS,
                    duration_s=seconds,
                    warmup_s=0.3,
                )
                after = _Sample.take(pid)
            cpu_warm = _Cpu.between(cold, before, warm.all_requests)
            cpu = _Cpu.between(before, after, load.all_requests)
            measured[(workers, with_redis)] = (load.rps, cpu, cpu_warm)
            st = Stats.of_ns(load.latencies_ns)
            ok = load.statuses.get(200, 0)
            if with_redis and workers == 1:
                base_rps = load.rps
            rows.append(
                [
                    _name(workers, with_redis),
                    f"{load.rps:,.0f}",
                    fmt_ratio(load.rps / base_rps) if base_rps else "—",
                    fmt_us(st.median_us),
                    fmt_us(st.p99_us),
                    f"{_cores(cpu.cores_busy)} of {ncpu}",
                    fmt_us(cpu.server_us),
                    fmt_us(cpu.db_us),
                    fmt_us(cpu_warm.server_us),
                    "/".join(f"{s:.0%}".rstrip("%") for s in cpu.split) + "%" if workers > 1 else "—",
                    _cores(cpu.loadgen_cores),
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
            title=f"Scale out: listing requests/s by server processes ({ncpu} cores)",
            xlabel="server processes",
            ylabel="requests/s",
            logx=False,
        )
    result.table(
        f"Listing on PostgreSQL ({ds.label}), {CONNECTIONS} connections, {seconds:.0f} s per configuration",
        [
            "server",
            "requests/s",
            "vs 1 process + Redis",
            "p50",
            "p99",
            "cores busy (machine)",
            "server CPU / request",
            "its PostgreSQL backends' CPU / request",
            f"server CPU / request, {WARMUP_S:.0f} s warm-up from cold",
            "CPU split over workers",
            "load generator (cores)",
            "non-200 / errors",
        ],
        rows,
        note=_note(measured, ncpu),
    )


def _note(measured: dict[tuple[int, bool], tuple[float, _Cpu, _Cpu]], ncpu: int) -> str:
    """What the CPU columns say, from the figures of this run (worded from them: nothing is assumed)."""
    lines = [
        f"{ncpu} cores shared by the server processes, PostgreSQL, Redis and the load generator (and "
        "anything else running on the machine). CPU over the measured run: cores busy from /proc/stat "
        "(whole machine); server CPU summed over the supervisor and every worker process; its PostgreSQL "
        "backends' over the backends serving those processes' connections; per request = CPU time / every "
        f"request sent; the warm-up's the same over the {WARMUP_S:.0f} s load run before it, on cold "
        "processes and an empty Redis; the split is each worker's share of the workers' CPU (a keep-alive "
        "connection stays with the worker that accepted it); the load generator's from getrusage of the "
        "finished child (its interpreter's start included), in cores."
    ]

    def known(x: float) -> float:
        return 0.0 if x != x else x

    busy = [c.cores_busy for _, c, _ in measured.values() if c.cores_busy == c.cores_busy]
    one, four = measured.get((1, True)), measured.get((4, True))
    if busy and one is not None and one[1].server_us > 0:
        rps, cpu, _ = one
        t = cpu.server_us + known(cpu.db_us) + cpu.loadgen_us
        rest = max(0.0, cpu.cores_busy - cpu.server_cores - known(cpu.db_cores) - cpu.loadgen_cores)
        lines.append(
            f"Requests/s is bounded by the {ncpu} cores: {min(busy):.2f} to {max(busy):.2f} of {ncpu} are "
            "busy in every configuration. With 1 process + Redis, of "
            f"{_cores(cpu.cores_busy)} busy cores the server took {_cores(cpu.server_cores)}, "
            f"its PostgreSQL backends {_cores(cpu.db_cores)}, the load generator "
            f"{_cores(cpu.loadgen_cores)}, and {rest:.2f} went to Redis and everything else on the machine. "
            f"A request costs {fmt_us(cpu.server_us)} of server CPU + {fmt_us(cpu.db_us)} in PostgreSQL + "
            f"{fmt_us(cpu.loadgen_us)} in the load generator = {fmt_us(t)}: with the {ncpu} cores to "
            f"themselves they would allow ~{ncpu * 1e6 / t:,.0f} requests/s (measured {rps:,.0f}). "
            "More server processes only share the same cores."
        )
    if one is not None and four is not None and one[1].server_us > 0:
        a, b = one[1].server_us, four[1].server_us
        change = b / a - 1
        how = f"stays about flat ({change:+.0%})" if abs(change) <= 0.2 else f"changes by {change:+.0%}"
        text = (
            f"Once warm, the server's CPU per request {how} from 1 to 4 processes ({fmt_us(a)} → "
            f"{fmt_us(b)}), while 4 processes time-share the cores with PostgreSQL, Redis and the load "
            f"generator (the kernel preempts a server thread {one[1].preempted:.1f} → "
            f"{four[1].preempted:.1f} times per request). "
        )
        if change <= 0.2:
            text += (
                "The work per request does not grow with processes, so on a machine with more cores "
                "throughput would grow with processes until PostgreSQL is the limit."
            )
        elif change < 3:  # 4 processes on 4 free cores: 4 / (1 + change) times one process's throughput
            text += (
                "This machine cannot tell how much of that extra is the time-sharing itself, which more "
                f"cores would remove; even at {change:.0%} more per request, 4 processes on 4 free cores "
                f"would serve up to ~{4 / (1 + change):.1f}x one process's requests/s, so on a machine with "
                "more cores throughput would grow with processes until PostgreSQL is the limit."
            )
        else:
            text += "At that cost per request, 4 processes would not beat 1 even on 4 free cores."
        lines.append(
            text + f" From cold ({WARMUP_S:.0f} s warm-up, empty Redis) a request costs the server "
            f"{fmt_us(one[2].server_us)} with 1 process and {fmt_us(four[2].server_us)} with 4: each "
            "process builds or fetches its own first bodies."
        )
        if four[1].split and four[1].split[0] > 1.5 / len(four[1].split):
            lines.append(
                "The split at 4 processes is uneven: the workers share one listening socket, and whichever "
                "is waiting in accept() when the load generator opens its connections keeps them."
            )
    with_r, without_r = measured.get((2, True)), measured.get((2, False))
    if with_r is not None and without_r is not None:
        lines.append(
            "Redis lets the processes share cached bodies: a process that misses its own hot cache takes a "
            "page another process built instead of querying PostgreSQL, which matters while processes are "
            "cold (once warm, each answers from its own cache: 300 pages fit). With 2 processes, with vs "
            f"without Redis: {with_r[0]:,.0f} vs {without_r[0]:,.0f} requests/s; server CPU per request "
            f"{fmt_us(with_r[2].server_us)} vs {fmt_us(without_r[2].server_us)} from cold, "
            f"{fmt_us(with_r[1].server_us)} vs {fmt_us(without_r[1].server_us)} once warm."
        )
    steal = max(
        (c.steal_cores for _, c, _ in measured.values() if c.steal_cores == c.steal_cores), default=0.0
    )
    if steal >= 0.05:
        lines.append(f"The hypervisor took up to {steal:.2f} cores (steal time) during a measured run.")
    return "\n\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(
        bench_main("bench_scaleout", "Scale out: listing with 1, 2, 4 processes sharing Redis", body)
    )
