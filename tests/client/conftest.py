"""Client fixtures: clients with their own cache dir and token store, talking to the real server."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest_asyncio

from lms_desktop.client import ClientConfig, LmsClient, MemoryTokenStore, TokenStore
from lms_desktop.server.embedded import EmbeddedServer

ClientFactory = Callable[..., LmsClient]


@pytest_asyncio.fixture
async def make_client(tmp_path: Path) -> AsyncIterator[ClientFactory]:
    made: list[LmsClient] = []

    def make(
        server: EmbeddedServer,
        *,
        cache_dir: Path | None = None,
        token_store: TokenStore | None = None,
        clock: Callable[[], float] | None = None,
        http_transport: httpx.AsyncBaseTransport | None = None,
        **config: Any,
    ) -> LmsClient:
        config.setdefault("probe_initial_s", 0.05)
        config.setdefault("probe_max_s", 0.2)
        config.setdefault("timeout_s", 5.0)
        client = LmsClient(
            ClientConfig(
                server.base_url,
                cache_dir=cache_dir or tmp_path / "cache",
                token_store=token_store or MemoryTokenStore(),
                **config,
            ),
            clock=clock,
            http_transport=http_transport,
        )
        made.append(client)
        return client

    yield make
    for client in made:
        await client.aclose()
