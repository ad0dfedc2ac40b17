"""A hostile HTTP/1.1 server on a loopback socket: answers that a real LMS server never sends on demand
(gzip bombs, lying Content-Length, endless or dripping bodies, a body cut short).

Each route is a coroutine that writes raw bytes to the socket, so the test controls every byte on the wire.
It runs on the test's own event loop, next to the client under test.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

Route = Callable[[asyncio.StreamWriter], Awaitable[None]]


def head(status: int, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status} X"] + [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def plain(body: bytes, *, status: int = 200, **headers: str) -> Route:
    """A complete, honest answer."""

    async def route(writer: asyncio.StreamWriter) -> None:
        hdrs = {"Content-Type": "application/json", "Content-Length": str(len(body)), **headers}
        writer.write(head(status, {k.replace("_", "-"): v for k, v in hdrs.items()}) + body)
        await writer.drain()

    return route


def gzipped(body: bytes, **headers: str) -> Route:
    packed = gzip.compress(body)
    return plain(packed, Content_Encoding="gzip", **headers)


def bomb(inflated_bytes: int) -> bytes:
    """gzip of `inflated_bytes` zeros: about 1/1000 of that on the wire."""
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(1 << 20)
    parts = [packer.compress(zeros) for _ in range(inflated_bytes >> 20)]
    return b"".join([*parts, packer.flush()])


def huge_length(declared: int) -> Route:
    """Declares `declared` bytes, then sends nothing and waits: a client that waits for the body hangs."""

    async def route(writer: asyncio.StreamWriter) -> None:
        writer.write(head(200, {"Content-Type": "application/json", "Content-Length": str(declared)}))
        await writer.drain()
        await asyncio.sleep(3600)

    return route


def endless_chunks(chunk: int = 65536) -> Route:
    """A chunked body that never ends."""

    async def route(writer: asyncio.StreamWriter) -> None:
        writer.write(head(200, {"Content-Type": "application/json", "Transfer-Encoding": "chunked"}))
        piece = f"{chunk:x}\r\n".encode() + b" " * chunk + b"\r\n"
        while True:
            writer.write(piece)
            await writer.drain()

    return route


def drip(total: int, every_s: float) -> Route:
    """Declares `total` bytes and sends one every `every_s` seconds (each read arrives well within any
    per-read timeout; only a total deadline ends it)."""

    async def route(writer: asyncio.StreamWriter) -> None:
        writer.write(head(200, {"Content-Type": "application/json", "Content-Length": str(total)}))
        await writer.drain()
        for _ in range(total):
            writer.write(b" ")
            await writer.drain()
            await asyncio.sleep(every_s)

    return route


def cut_short(declared: int, sent: bytes) -> Route:
    """Declares `declared` bytes, sends `sent` (fewer), and closes the connection."""

    async def route(writer: asyncio.StreamWriter) -> None:
        writer.write(head(200, {"Content-Type": "application/json", "Content-Length": str(declared)}) + sent)
        await writer.drain()
        writer.close()

    return route


@dataclass
class HostileServer:
    """Routes by path prefix (longest first); counts the requests each path received."""

    routes: dict[str, Route] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    _server: asyncio.Server | None = None
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)
    port: int = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2)

    def count(self, prefix: str) -> int:
        return sum(n for path, n in self.hits.items() if path.startswith(prefix))

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)  # type: ignore[arg-type]
        try:
            while True:
                raw = await reader.readuntil(b"\r\n\r\n")
                lines = raw.decode("latin-1").split("\r\n")
                target = lines[0].split(" ")[1]
                length = next(
                    (
                        int(v)
                        for k, _, v in (x.partition(":") for x in lines[1:])
                        if k.lower() == "content-length"
                    ),
                    0,
                )
                if length:
                    await reader.readexactly(length)
                self.hits[target] = self.hits.get(target, 0) + 1
                route = next(
                    (
                        self.routes[p]
                        for p in sorted(self.routes, key=len, reverse=True)
                        if target.startswith(p)
                    ),
                    plain(b'{"status_code": 404, "detail": "no route"}', status=404),
                )
                await route(writer)
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError, IndexError):
            pass
        finally:
            self._tasks.discard(task)  # type: ignore[arg-type]
            writer.close()
