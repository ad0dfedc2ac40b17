"""Revalidation in front of routing: the one place a conditional GET of the catalog, a course, its content,
a section or the dashboard is decided.

Most of what a learner's client sends is revalidation: every catalog page it shows again, the dashboard on
every visit, the course it opens. ETags come from version numbers, so such a 304 needs no query, and
routing, parameter parsing and the request and response objects would be half of its server CPU. Here it
costs the version lookups and a header comparison. Anything else (no If-None-Match, an ETag that no longer
matches, another path, a bad token, a lookup that fails) goes on to the app unchanged, whose handlers do
not check If-None-Match again: they answer in full, with the same validators made by the same functions
(`validators.py`). Answers the front does not know (images, assets, quiz, the signed-in user, health) check
their own ETag with `conditional.not_modified_or_none`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

from lms_desktop.contract import API_PREFIX
from lms_desktop.server.http import conditional as cond
from lms_desktop.server.http import validators
from lms_desktop.server.http.auth import MAX_TOKEN_CHARS, bearer_from_header
from lms_desktop.server.http.errors import MAX_ID
from lms_desktop.server.http.middleware import record

if TYPE_CHECKING:
    from litestar.types import HTTPScope, Send

    from lms_desktop.server.db.lookups import Session
    from lms_desktop.server.http.state import ServerState

log = logging.getLogger("lms.server.revalidate")

Headers = list[tuple[bytes, bytes]]
RequestHeaders = Iterable[tuple[bytes, bytes]]

_COURSES = f"{API_PREFIX}/courses"
_COURSES_SLASH = f"{API_PREFIX}/courses/"
_SECTIONS_SLASH = f"{API_PREFIX}/sections/"
_DASHBOARD = f"{API_PREFIX}/dashboard"


def _header(headers: RequestHeaders, name: bytes) -> bytes | None:
    for key, value in headers:
        if key == name:
            return value
    return None


def _id(text: str) -> int | None:
    if not text.isascii() or not text.isdigit() or len(text) > 10:
        return None
    value = int(text)
    return value if 1 <= value <= MAX_ID else None


class Revalidator:
    """Use from the event loop only (it reads through the loop's own lookups)."""

    def __init__(self, st: ServerState, *, max_query_string_bytes: int, log_requests: bool) -> None:
        self.st = st
        self.max_query_string_bytes = max_query_string_bytes
        self.log_requests = log_requests

    async def answer(self, scope: HTTPScope, send: Send) -> bool:
        """True when a 304 was sent; False: the app must answer."""
        if scope["method"] != "GET" or self.st.draining:
            return False
        started = time.perf_counter()
        decided = self.not_modified(scope["path"], scope["query_string"], scope["headers"])
        if decided is None:
            return False
        route, headers = decided
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b"", "more_body": False})
        record(
            self.st.metrics,
            "GET",
            scope["path"],
            route,
            304,
            time.perf_counter() - started,
            self.log_requests,
        )
        return True

    def not_modified(
        self, path: str, query_string: bytes, headers: RequestHeaders
    ) -> tuple[str, Headers] | None:
        """(route template, the 304's headers) when the client's ETag is still current; None otherwise."""
        if len(query_string) > self.max_query_string_bytes:
            return None
        if_none_match = _header(headers, b"if-none-match")
        if if_none_match is None:
            return None
        try:
            found = self._validator(path, query_string, headers)
        except Exception:  # a bad token, a database outage: the app gives the proper answer
            return None
        if found is None:
            return None
        route, validator = found
        if not cond.matches(if_none_match.decode("latin-1"), validator.etag):
            return None
        answer = [(b"etag", validator.etag.encode()), (b"cache-control", validator.cache_control.encode())]
        if validator.vary:
            answer.append((b"vary", validator.vary.encode()))
        return route, answer

    def _token(self, headers: RequestHeaders) -> str | None:
        """The bearer token, None without one; raises for a header the app must refuse (401)."""
        header = _header(headers, b"authorization")
        if header is None:
            return None
        token = bearer_from_header(header.decode("latin-1"))
        if token is None or len(token) > MAX_TOKEN_CHARS:
            raise ValueError("bad token")
        return token

    def _session(self, headers: RequestHeaders) -> Session | None:
        """The caller's session; raises for a token the app must refuse (401)."""
        token = self._token(headers)
        if token is None:
            return None
        session = self.st.lookups.session(token)
        if session is None:
            raise ValueError("token expired or revoked")
        return session

    def _validator(
        self, path: str, query_string: bytes, headers: RequestHeaders
    ) -> tuple[str, validators.Validator] | None:
        """(route template, validator) of a path the front knows, else None."""
        lookups = self.st.lookups
        if path == _COURSES:
            epoch = validators.listing_epoch()
            return "/api/v1/courses", validators.listing(
                lookups.catalog(max_age=validators.LISTING_VERSION_MAX_AGE), epoch, query_string
            )
        if path == _DASHBOARD:
            session = self._session(headers)
            if session is None:
                return None
            return "/api/v1/dashboard", validators.dashboard(session)
        if path.startswith(_SECTIONS_SLASH):
            section_id = _id(path[len(_SECTIONS_SLASH) :])
            if section_id is None:
                return None
            catalog_version, visible = lookups.section(section_id)
            if not visible:
                return None  # missing, or its course unpublished: the app answers 404, never a 304
            return "/api/v1/sections/{section_id}", validators.section(section_id, catalog_version)
        if path.startswith(_COURSES_SLASH):
            rest = path[len(_COURSES_SLASH) :]
            kind, template = "course", "/api/v1/courses/{course_id}"
            if rest.endswith("/content"):
                rest = rest[: -len("/content")]
                kind, template = "content", "/api/v1/courses/{course_id}/content"
            course_id = _id(rest)
            if course_id is None:
                return None
            token = self._token(headers)
            if token is None:
                session, (catalog_version, course_version) = None, lookups.course(course_id)
            else:
                found = lookups.session_and_course(token, course_id)
                if found is None:
                    raise ValueError("token expired or revoked")
                session, course_version = found
                catalog_version = session.catalog_version
            if course_version is None:
                return None  # gone: the app answers 404
            return template, validators.course(kind, course_id, catalog_version, course_version, session)
        return None
