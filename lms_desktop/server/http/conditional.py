"""Conditional GET: weak ETags built from version numbers, decided before any expensive query runs.

A version lookup is one indexed row; the listing, content or dashboard query behind it can be milliseconds.
Deciding the 304 from versions makes it much cheaper than rendering the answer, and because the
versions live in the database and are bumped in the write's transaction, the ETag stays right when a cache
(or Redis) is flushed. ETag, Cache-Control and Vary go out on the 304 too, as RFC 9110 asks.
"""

from __future__ import annotations

import functools
import hashlib
from typing import Any

from litestar import Request, Response

JSON = "application/json"

LISTING = "public, max-age=600"
COURSE_PUBLIC = "public, max-age=1800"
CONTENT_PUBLIC = "public, max-age=3600"
SECTION = "public, max-age=3600"
PRIVATE = "private, no-cache"
IMMUTABLE = "public, max-age=31536000, immutable"
NO_STORE = "no-store"


def weak_etag(*parts: object) -> str:
    return 'W/"' + ".".join(str(p) for p in parts) + '"'


def body_etag(body: bytes) -> str:
    """For small bodies without a version (health, metrics): saves bandwidth, not work."""
    return weak_etag(hashlib.blake2b(body, digest_size=10).hexdigest())


@functools.lru_cache(maxsize=4096)
def params_tag(params: str) -> str:
    """Memoised: the front computes it for every listing 304, mostly for the same few pages."""
    return hashlib.blake2b(params.encode(), digest_size=6).hexdigest()


def _opaque(tag: str) -> str:
    tag = tag.strip()
    return tag[2:] if tag.startswith("W/") else tag


def matches(if_none_match: str | None, etag: str) -> bool:
    """Weak comparison (RFC 9110 13.1.2): `W/"x"` equals `"x"`; `*` matches any current representation."""
    if not if_none_match:
        return False
    if if_none_match == etag:  # what a client sends back nearly every time
        return True
    if if_none_match.strip() == "*":
        return True
    want = _opaque(etag)
    return any(_opaque(candidate) == want for candidate in if_none_match.split(","))


def headers_for(etag: str, cache_control: str, vary: str | None) -> dict[str, str]:
    headers = {"ETag": etag, "Cache-Control": cache_control}
    if vary:
        headers["Vary"] = vary
    return headers


def not_modified_or_none(
    request: Request[Any, Any, Any], etag: str, cache_control: str, vary: str | None = None
) -> Response[Any] | None:
    """The 304 if the client already holds `etag`, else None (the caller goes on to build the body)."""
    if matches(request.headers.get("if-none-match"), etag):
        return Response(content=b"", status_code=304, headers=headers_for(etag, cache_control, vary))
    return None


def json_body(
    body: bytes, etag: str, cache_control: str, vary: str | None = None, *, media_type: str = JSON
) -> Response[Any]:
    return Response(
        content=body, status_code=200, media_type=media_type, headers=headers_for(etag, cache_control, vary)
    )


def raw_json(body: bytes, *, status: int = 200, headers: dict[str, str] | None = None) -> Response[Any]:
    """An already-encoded JSON body (msgspec Structs encode once, in the handler or the hot cache)."""
    return Response(content=body, status_code=status, media_type=JSON, headers=headers)
