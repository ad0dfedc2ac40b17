"""Helpers for the offline tests: an outbox + syncer wired to a real server with a bearer token."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from lms_desktop.client.errors import error_from_response
from lms_desktop.client.offline.outbox import Outbox, OutboxEntry
from lms_desktop.client.offline.sync import Syncer
from lms_desktop.client.offline.wire import request_for
from lms_desktop.contract import API_PREFIX, CourseContent, CourseDetail, Dashboard, decoder, encoder

_BASE = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)


def past(seconds: float) -> datetime:
    """A learner's-clock time an hour ago plus `seconds` (the server clamps future client times to now)."""
    return _BASE + timedelta(seconds=seconds)


class HttpSender:
    """Sends outbox entries straight to the server with its own httpx client and the current bearer token
    (a callable, so a sign-in during a long offline spell is picked up): the sync engine without the app."""

    def __init__(self, http: httpx.AsyncClient, token: Callable[[], str | None]) -> None:
        self._http = http
        self._token = token

    async def send(self, entry: OutboxEntry) -> object:
        request = request_for(entry)
        headers = {"Content-Type": "application/json"}
        token = self._token()
        if token:
            headers["Authorization"] = f"Bearer {token}"
        body = encoder.encode(request.body)
        response = await self._http.request(request.method, request.target, content=body, headers=headers)
        if response.status_code >= 400:
            raise error_from_response(response.status_code, response.content)
        return request.decode(response.content)


@dataclass
class Machine:
    """One learner's installation: its own outbox file and HTTP connection."""

    outbox: Outbox
    http: httpx.AsyncClient
    syncer: Syncer
    token: str

    @classmethod
    def open(cls, base_url: str, token: str, directory: Path) -> Machine:
        outbox = Outbox(directory / "outbox.sqlite3")
        http = httpx.AsyncClient(base_url=base_url, timeout=5.0)
        machine = cls(outbox, http, None, token)  # type: ignore[arg-type]
        machine.syncer = Syncer(outbox, HttpSender(http, lambda: machine.token))
        return machine

    async def close(self) -> None:
        await self.http.aclose()
        self.outbox.close()


def get_json[T](base_url: str, token: str, path: str, kind: type[T]) -> T:
    response = httpx.get(
        f"{base_url}{API_PREFIX}{path}", headers={"Authorization": f"Bearer {token}"}, timeout=10
    )
    response.raise_for_status()
    return decoder(kind).decode(response.content)


def course_with_sections(base_url: str, token: str, minimum: int = 3) -> tuple[CourseDetail, CourseContent]:
    """The first listed course with at least `minimum` sections."""
    page = httpx.get(f"{base_url}{API_PREFIX}/courses", params={"limit": 20, "sort": "newest"}, timeout=10)
    page.raise_for_status()
    for item in page.json()["items"]:
        content = get_json(base_url, token, f"/courses/{item['id']}/content", CourseContent)
        if sum(len(lesson.sections) for lesson in content.lessons) >= minimum:
            return get_json(base_url, token, f"/courses/{item['id']}", CourseDetail), content
    raise AssertionError("no course with enough sections in the seeded catalog")


def section_list(content: CourseContent) -> list[int]:
    return [s.id for lesson in content.lessons for s in lesson.sections]


def dashboard(base_url: str, token: str) -> Dashboard:
    return get_json(base_url, token, "/dashboard", Dashboard)
