"""A minimal HTTP/1.1 client on plain asyncio streams, for load generation (`loadgen.py --lean`).

httpx spends a couple of milliseconds of Python per request: a load generator built on it, sharing a
2-core machine with the server it loads, took more CPU than that server. This client does what loadgen's
learners need and nothing more: one kept-alive connection per learner (a learner sends one request at a
time), complete request heads, JSON bodies, answers framed by Content-Length or chunked, and the same
`request(method, url, params=, headers=, json=)` call with an answer that has `status_code`, `headers`
and `text`. Any transport failure is a `LeanError` and the next request opens a new connection.
"""

from __future__ import annotations

import asyncio
import json as jsonlib
from urllib.parse import urlencode, urlsplit


class LeanError(Exception):
    """No complete HTTP answer: the connection failed, closed, timed out or sent something unparsable."""


class LeanResponse:
    def __init__(self, status_code: int, headers: dict[str, str], content: bytes) -> None:
        self.status_code = status_code
        self.headers = headers
        self.content = content

    @property
    def text(self) -> str:
        return self.content.decode(errors="replace")


class LeanClient:
    """One connection to one server, one request at a time."""

    def __init__(self, timeout: float = 10.0) -> None:
        self.timeout = timeout
        self._conn: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def request(
        self,
        method: str,
        url: str,
        *,
        params: dict[str, object] | None = None,
        headers: dict[str, str] | None = None,
        json: object = None,
    ) -> LeanResponse:
        parts = urlsplit(url)
        target = parts.path + (f"?{urlencode(params)}" if params else "")
        body = b"" if json is None else jsonlib.dumps(json).encode()
        head = [f"{method} {target} HTTP/1.1", f"Host: {parts.netloc}", "Accept: application/json"]
        head += [f"{k}: {v}" for k, v in (headers or {}).items()]
        if json is not None or method in ("PUT", "POST"):
            head += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
        data = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body
        try:
            async with asyncio.timeout(self.timeout):
                return await self._exchange(parts.hostname or "127.0.0.1", parts.port or 80, data)
        except (
            OSError,
            TimeoutError,
            asyncio.IncompleteReadError,
            asyncio.LimitOverrunError,
            ValueError,
        ) as exc:
            self.close()
            raise LeanError(f"{type(exc).__name__}: {exc}") from exc

    async def _exchange(self, host: str, port: int, data: bytes) -> LeanResponse:
        if self._conn is None:
            self._conn = await asyncio.open_connection(host, port)
        reader, writer = self._conn
        writer.write(data)
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers: dict[str, str] = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name:
                headers[name.strip().lower()] = value.strip()
        if "chunked" in headers.get("transfer-encoding", "").lower():
            content = await _chunked(reader)
        else:
            content = await reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection", "").lower() == "close":
            self.close()
        return LeanResponse(status, headers, content)

    def close(self) -> None:
        if self._conn is not None:
            self._conn[1].close()
            self._conn = None


async def _chunked(reader: asyncio.StreamReader) -> bytes:
    parts = []
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
        parts.append((await reader.readexactly(size + 2))[:-2])
        if size == 0:
            return b"".join(parts)
