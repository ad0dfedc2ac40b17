"""Header rules that the bundled server never exercises on its own (it sends no cookies, no Vary: *,
no unmatched 304s, no must-revalidate), so an in-process origin produces them here. Everything else
about the cache is tested against the real server in test_client_live.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from lms_desktop.client.cache.disk import DiskStore
from lms_desktop.client.cache.http_cache import HttpCache, Lookup
from lms_desktop.client.errors import OfflineError, TransportFailure
from tests.client.clock import StepClock

Handler = Callable[[httpx.Request], httpx.Response]


class Origin:
    def __init__(self, handler: Handler) -> None:
        self.requests: list[httpx.Request] = []
        self.down = False

        def handle(request: httpx.Request) -> httpx.Response:
            self.requests.append(request)
            return handler(request)

        self.client = httpx.AsyncClient(transport=httpx.MockTransport(handle), base_url="http://origin")

    async def send(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise TransportFailure("down")
        return await self.client.send(request)

    def request(self, path: str = "/r", **headers: str) -> Lookup:
        return Lookup.for_client(self.client, "GET", path, headers)


def _cache(tmp_path: Path, clock: StepClock | None = None) -> HttpCache:
    return HttpCache(memory_bytes=1 << 20, disk=DiskStore(tmp_path / "c"), clock=clock or StepClock())


async def _get(cache: HttpCache, origin: Origin, request: Lookup, *, swr: bool = False) -> object:
    fetched = await cache.get(
        request, partition="p", decode=bytes, send=origin.send, online=lambda: not origin.down, swr=swr
    )
    return fetched


async def test_credentials_and_cookies_never_reach_the_disk(tmp_path: Path) -> None:
    origin = Origin(
        lambda r: httpx.Response(
            200,
            content=b"body",
            headers={
                "Cache-Control": "max-age=60",
                "Set-Cookie": "session=SECRETCOOKIE",
                "Connection": "x-hop",
                "X-Hop": "hop-by-hop",
                "Keep-Alive": "timeout=5",
            },
        )
    )
    cache = _cache(tmp_path)
    await _get(cache, origin, origin.request(Authorization="Bearer SECRETTOKEN"))
    cache.disk.close()  # type: ignore[union-attr]
    raw = b"".join(p.read_bytes() for p in (tmp_path / "c").rglob("*") if p.is_file())
    assert b"body" in raw  # the entry is there ...
    assert b"SECRETTOKEN" not in raw and b"SECRETCOOKIE" not in raw  # ... without the secrets
    assert b"hop-by-hop" not in raw and b"timeout=5" not in raw


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({"Cache-Control": "max-age=60", "Vary": "Accept, *"}, "vary-star"),
        ({"Cache-Control": "no-store, max-age=60"}, "no-store"),
    ],
)
async def test_unstorable_answers_are_fetched_every_time(
    tmp_path: Path, headers: dict[str, str], reason: str
) -> None:
    origin = Origin(lambda r: httpx.Response(200, content=b"x", headers=headers))
    cache = _cache(tmp_path)
    for _ in range(3):
        await _get(cache, origin, origin.request())
    assert len(origin.requests) == 3
    assert cache.stats().not_stored == {reason: 3}


async def test_a_304_that_matches_nothing_we_hold_is_fetched_again(tmp_path: Path) -> None:
    version = {"tag": '"v1"'}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.headers.get("if-none-match"):
            # a confused proxy answers 304 with a validator we never stored
            return httpx.Response(304, headers={"ETag": '"other"'})
        return httpx.Response(
            200, content=b"fresh body", headers={"ETag": version["tag"], "Cache-Control": "no-cache"}
        )

    origin = Origin(handler)
    cache = _cache(tmp_path)
    await _get(cache, origin, origin.request())
    fetched = await _get(cache, origin, origin.request())
    assert [r.headers.get("if-none-match") for r in origin.requests] == [None, '"v1"', None]
    assert fetched.value == b"fresh body"  # type: ignore[attr-defined]
    assert cache.stats().not_stored.get("unmatched-304") == 1


async def test_must_revalidate_is_not_served_stale_offline(tmp_path: Path) -> None:
    origin = Origin(
        lambda r: httpx.Response(
            200, content=b"grades", headers={"Cache-Control": "max-age=10, must-revalidate"}
        )
    )
    clock = StepClock()
    cache = _cache(tmp_path, clock)
    await _get(cache, origin, origin.request())
    clock.advance(11)
    origin.down = True
    with pytest.raises(OfflineError, match="must-revalidate"):
        await _get(cache, origin, origin.request(), swr=True)


async def test_no_date_and_a_server_clock_5_minutes_behind_still_age_correctly(tmp_path: Path) -> None:
    origin = Origin(
        lambda r: httpx.Response(
            200,
            content=b"x",
            headers={"Cache-Control": "max-age=60", "Date": "Wed, 21 Oct 2015 07:28:00 GMT"},  # way behind
        )
    )
    clock = StepClock()
    cache = _cache(tmp_path, clock)
    await _get(cache, origin, origin.request())
    await _get(cache, origin, origin.request())
    assert len(origin.requests) == 1  # fresh despite the server's Date
    clock.advance(61)
    await _get(cache, origin, origin.request())
    assert len(origin.requests) == 2


async def test_304_merges_headers_but_keeps_content_headers_and_body(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.headers.get("if-none-match") == '"v1"':
            return httpx.Response(
                304,
                headers={
                    "ETag": '"v1"',
                    "Cache-Control": "max-age=120",
                    "Content-Type": "text/evil",
                    "X-New": "1",
                },
            )
        return httpx.Response(
            200,
            content=b"body",
            headers={"ETag": '"v1"', "Cache-Control": "max-age=1", "Content-Type": "application/json"},
        )

    origin = Origin(handler)
    clock = StepClock()
    cache = _cache(tmp_path, clock)
    await _get(cache, origin, origin.request())
    clock.advance(2)
    fetched = await _get(cache, origin, origin.request())
    assert fetched.value == b"body"  # type: ignore[attr-defined]
    clock.advance(100)  # the 304's max-age=120 now applies
    await _get(cache, origin, origin.request())
    assert len(origin.requests) == 2
    item = cache.memory.peek(next(iter(cache.memory.keys())))
    assert item is not None
    assert item.entry.header("content-type") == "application/json"
    assert item.entry.header("x-new") == "1"
