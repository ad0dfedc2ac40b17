"""Client fixtures: one real server for the whole client suite, clients with their own cache dir and
token store, and learners created directly in the server's database (sign-in goes through HTTP)."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio

from lms_desktop.client import ClientConfig, LmsClient, MemoryTokenStore, TokenStore
from lms_desktop.server.embedded import EmbeddedServer
from tests.fixtures.instrumented import InstrumentedServer

PASSWORD = "correct horse"
CATALOG = 60

ClientFactory = Callable[..., LmsClient]
SignedIn = Callable[..., Awaitable[LmsClient]]

_numbers = itertools.count(1)


@pytest.fixture(scope="package")
def client_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedServer]:
    """One seeded server for every client test (seeding costs ~10 s, mostly cover art). Tests that take
    it offline restart it on the same port before they return."""
    server = InstrumentedServer(
        None, data_dir=tmp_path_factory.mktemp("client-server"), seed_courses=CATALOG, seed_users=3, seed=3
    )
    with server:
        yield server


def new_username(server: EmbeddedServer) -> str:
    """A brand-new learner (no enrollments yet), created in the server's database."""
    username = f"learner{next(_numbers)}_{uuid.uuid4().hex[:6]}"
    server.create_user(username, PASSWORD)
    return username


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
                cache_dir=cache_dir or tmp_path / f"cache{len(made)}",
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


@pytest_asyncio.fixture
async def signed_in(make_client: ClientFactory) -> SignedIn:
    """signed_in(server, **client_options) -> a client signed in as a brand-new learner."""

    async def make(server: EmbeddedServer, **kw: Any) -> LmsClient:
        client = make_client(server, **kw)
        await client.sign_in(new_username(server), PASSWORD)
        return client

    return make
