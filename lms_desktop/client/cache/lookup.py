"""What the cache needs to answer one read, and the callables it is given to decode and send."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx

from lms_desktop.client.cache.keys import normalize_target
from lms_desktop.client.cache.policy import CacheControl, parse_cache_control

Sender = Callable[[httpx.Request], Awaitable[httpx.Response]]
Decode = Callable[[bytes], Any]
NO_DIRECTIVES = CacheControl()


@dataclass(frozen=True)
class Lookup:
    """What the cache needs to answer a read. The wire request is built only when the network is needed:
    building an httpx.Request (URL parsing) costs far more than a memory hit."""

    method: str
    target: str  # normalized path?query (keys.normalize_target)
    build: Callable[[dict[str, str] | None], httpx.Request]  # the wire request, plus extra headers
    cache_control: CacheControl = NO_DIRECTIVES  # request directives (no-store / no-cache)

    @classmethod
    def for_client(
        cls, client: httpx.AsyncClient, method: str, url: str, headers: dict[str, str] | None = None
    ) -> Lookup:
        def build(extra: dict[str, str] | None) -> httpx.Request:
            return client.build_request(method, url, headers={**(headers or {}), **(extra or {})})

        request_cc = parse_cache_control((headers or {}).get("Cache-Control"))
        return cls(method.upper(), normalize_target(url), build, request_cc)
