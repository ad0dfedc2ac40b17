"""A small closed-loop HTTP/1.1 load generator on raw asyncio streams (keep-alive, fixed concurrency).

Why not httpx: its per-request cost (~150-300 µs of Python) would make the load client, not the server, the
bottleneck on a 2-core machine. Raw pre-built requests over keep-alive sockets cost a few tens of µs.
Why not wrk: CI should need nothing beyond the venv. Run it in its own process (`python _loadgen.py ...`,
JSON on stdout) so the load does not share an interpreter with the server under test.

Why uvloop when it is importable: the client's own per-request cost (its event loop waking up, reading and
parsing the answer) is part of every latency measured, and uvloop's loop and transports are cheaper than the
pure-Python asyncio ones; without it the load runs on plain asyncio. The result says which loop ran (`loop`).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import sys
import time
from dataclasses import dataclass, field


@dataclass
class LoadResult:
    requests: int = 0  # answered in the measured window (after the warm-up)
    all_requests: int = 0  # every request sent, the warm-up's included (what the server did work for)
    errors: int = 0
    seconds: float = 0.0
    statuses: dict[int, int] = field(default_factory=dict)
    latencies_ns: list[int] = field(default_factory=list)
    loop: str = ""  # the client's event loop: "uvloop 0.x" or "asyncio"

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def to_json(self) -> dict[str, object]:
        return {
            "requests": self.requests,
            "all_requests": self.all_requests,
            "errors": self.errors,
            "seconds": self.seconds,
            "statuses": {str(k): v for k, v in self.statuses.items()},
            "latencies_ns": self.latencies_ns,
            "loop": self.loop,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LoadResult:
        statuses = data.get("statuses", {})
        assert isinstance(statuses, dict)
        lat = data.get("latencies_ns", [])
        assert isinstance(lat, list)
        return cls(
            requests=int(str(data["requests"])),
            all_requests=int(str(data.get("all_requests", data["requests"]))),
            errors=int(str(data["errors"])),
            seconds=float(str(data["seconds"])),
            statuses={int(k): int(v) for k, v in statuses.items()},
            latencies_ns=[int(x) for x in lat],
            loop=str(data.get("loop", "")),
        )


def build_request(host: str, port: int, target: str, headers: dict[str, str] | None = None) -> bytes:
    lines = [f"GET {target} HTTP/1.1", f"Host: {host}:{port}", "Accept: application/json"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = -1
    chunked = False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        lname = name.strip().lower()
        if lname == b"content-length":
            length = int(value.strip())
        elif lname == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length > 0:
        await reader.readexactly(length)
    return status


async def run_load(
    host: str,
    port: int,
    requests: list[bytes],
    *,
    concurrency: int,
    duration_s: float,
    warmup_s: float = 0.5,
    max_requests: int | None = None,
) -> LoadResult:
    """Keep `concurrency` connections busy for `duration_s` (after a warm-up), cycling through `requests`."""
    result = LoadResult()
    cycle = itertools.cycle(requests)
    t_start = time.monotonic()
    t_measure = t_start + warmup_s
    t_end = t_measure + duration_s

    async def worker() -> None:
        reader, writer = await asyncio.open_connection(host, port)
        try:
            while True:
                now = time.monotonic()
                if now >= t_end or (max_requests is not None and result.requests >= max_requests):
                    return
                req = next(cycle)
                t0 = time.perf_counter_ns()
                result.all_requests += 1
                try:
                    writer.write(req)
                    status = await _read_response(reader)
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    result.errors += 1
                    writer.close()
                    reader, writer = await asyncio.open_connection(host, port)
                    continue
                dt = time.perf_counter_ns() - t0
                if now >= t_measure:
                    result.requests += 1
                    result.statuses[status] = result.statuses.get(status, 0) + 1
                    result.latencies_ns.append(dt)
                    if status >= 500:
                        result.errors += 1
        finally:
            writer.close()

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    result.seconds = max(1e-9, min(time.monotonic(), t_end) - t_measure)
    return result


def run_in_subprocess(
    python: str,
    host: str,
    port: int,
    targets: list[str],
    *,
    headers: dict[str, str] | None = None,
    concurrency: int,
    duration_s: float,
    warmup_s: float = 0.5,
) -> LoadResult:
    """Run the load from a separate process (so it does not share the GIL with the caller) and parse it."""
    import subprocess
    from pathlib import Path

    cmd = [
        python,
        str(Path(__file__)),
        "--host",
        host,
        "--port",
        str(port),
        "--concurrency",
        str(concurrency),
    ]
    cmd += ["--duration", str(duration_s), "--warmup", str(warmup_s)]
    for k, v in (headers or {}).items():
        cmd += ["--header", f"{k}: {v}"]
    cmd += ["--", *targets]
    out = subprocess.run(cmd, capture_output=True, check=True, timeout=duration_s + warmup_s + 60)
    return LoadResult.from_json(json.loads(out.stdout))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--duration", type=float, default=3.0)
    parser.add_argument("--warmup", type=float, default=0.5)
    parser.add_argument("--header", action="append", default=[])
    parser.add_argument("targets", nargs="+")
    args = parser.parse_args()
    headers = dict(h.split(": ", 1) for h in args.header)
    reqs = [build_request(args.host, args.port, t, headers) for t in args.targets]
    load = run_load(
        args.host,
        args.port,
        reqs,
        concurrency=args.concurrency,
        duration_s=args.duration,
        warmup_s=args.warmup,
    )
    try:
        import uvloop
    except ImportError:
        result = asyncio.run(load)
        result.loop = "asyncio"
    else:
        result = asyncio.run(load, loop_factory=uvloop.new_event_loop)
        result.loop = f"uvloop {uvloop.__version__}"
    json.dump(result.to_json(), sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
