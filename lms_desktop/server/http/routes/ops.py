"""Operations: health, metrics and the OpenAPI document."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Request, Response, get

from lms_desktop import __version__
from lms_desktop.contract import API_PREFIX, Health, Metrics
from lms_desktop.server.http import conditional as cond
from lms_desktop.server.http.state import get_state

_encode = msgspec.json.Encoder().encode


@get("/health", summary="Database (and Redis, if configured) reachable", responses={})
async def health(request: Request[Any, Any, Any]) -> Response[Health]:
    st = get_state(request)
    database = await st.slow(st.db.ping)
    redis = await st.cache.redis_ping()
    status: Any = "ok" if database and redis is not False else "degraded"
    body = _encode(Health(status=status, database=database, redis=redis, version=__version__))
    headers = {"ETag": cond.body_etag(body), "Cache-Control": cond.NO_STORE}
    return cond.raw_json(body, status=200 if database else 503, headers=headers)


@get("/metrics", summary="Request counts and latencies per route, slow queries, hot-cache hits")
async def metrics(request: Request[Any, Any, Any]) -> Response[Metrics]:
    st = get_state(request)
    body = _encode(st.metrics.snapshot())
    return cond.raw_json(body, headers={"ETag": cond.body_etag(body), "Cache-Control": cond.NO_STORE})


def _document_image_formats(schema: dict[str, Any]) -> None:
    """A thumbnail is WebP or JPEG as `fmt` asks; a handler declares one media type, so add the other."""
    from lms_desktop.server.http.routes.images import MEDIA_TYPES

    operation = schema.get("paths", {}).get(f"{API_PREFIX}/images/{{key}}", {}).get("get", {})
    ok = operation.get("responses", {}).get("200")
    if ok is None:
        return
    binary = {"schema": {"type": "string", "format": "binary"}}
    ok["content"] = {media_type: binary for media_type in MEDIA_TYPES.values()}


@get("/openapi.json", include_in_schema=False)
async def openapi_json(request: Request[Any, Any, Any]) -> Response[Any]:
    schema = request.app.openapi_schema.to_schema()
    _document_image_formats(schema)
    body = _encode(schema)
    etag = cond.body_etag(body)
    hit = cond.not_modified_or_none(request, etag, "public, max-age=60")
    if hit is not None:
        return hit
    return cond.json_body(body, etag, "public, max-age=60", media_type="application/vnd.oai.openapi+json")
