"""Fixtures for the server's tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from lms_desktop.server.http.revalidate import Revalidator


@pytest.fixture
def front_answers(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Who answered each request the front saw since: "asgi" (a 304 sent by the front, before routing),
    "declined" (passed on to the app)."""
    seen: list[str] = []
    asgi = Revalidator.answer

    async def asgi_spy(self: Revalidator, scope: object, send: Any) -> bool:
        async def recording_send(message: Any) -> None:
            if message["type"] == "http.response.start":
                seen.append("asgi")  # before the client can have the answer (the server is another thread)
            await send(message)

        answered = await asgi(self, scope, recording_send)  # type: ignore[arg-type]
        if not answered:
            seen.append("declined")
        return answered

    monkeypatch.setattr(Revalidator, "answer", asgi_spy)
    yield seen
