"""Operations: readiness and liveness, metrics (JSON and Prometheus) and the OpenAPI document.

Metrics are for operators only: they answer to `Authorization: Bearer <--metrics-token>` or to the
session of a user whose role is admin, and to nobody else. They never carry SQL parameters (statements
are kept as sent, with placeholders) nor anything of a learner's.
"""

from __future__ import annotations

import hmac
from typing import Any

import msgspec
import sqlalchemy as sa
from litestar import Request, Response, get
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException

from lms_desktop import __version__
from lms_desktop.contract import API_PREFIX, Health, Liveness, Metrics
from lms_desktop.server import prometheus
from lms_desktop.server.db.schema import users
from lms_desktop.server.http import conditional as cond
from lms_desktop.server.http.auth import MAX_TOKEN_CHARS
from lms_desktop.server.http.errors import _spec
from lms_desktop.server.http.state import ServerState, get_state

_encode = msgspec.json.Encoder().encode
METRICS_ERRORS = {
    401: _spec("No metrics token given"),
    403: _spec("Neither the metrics token nor an admin's session"),
}


@get(
    "/health",
    summary="Readiness: 200 while this instance should get traffic, else 503 (database, schema, writes, "
    "shutting down); Redis is reported, and its loss degrades without failing",
    responses={503: _spec("Not ready (body: Health)")},
)
async def health(request: Request[Any, Any, Any]) -> Response[Health]:
    st = get_state(request)
    probe = await st.health.check()
    redis = await st.cache.redis_ping()
    writes = st.health.writes_ok(probe)
    ready = probe.database and probe.migrated and writes and not st.draining
    status: Any = "ok" if ready and redis is not False else "degraded"
    body = _encode(
        Health(
            status=status,
            database=probe.database,
            redis=redis,
            version=__version__,
            ready=ready,
            migrated=probe.migrated,
            writes=writes,
            draining=st.draining,
        )
    )
    headers = {"ETag": cond.body_etag(body), "Cache-Control": cond.NO_STORE}
    return cond.raw_json(body, status=200 if ready else 503, headers=headers)


@get("/health/live", summary="Liveness: the process answers (nothing about the database)", responses={})
async def liveness(request: Request[Any, Any, Any]) -> Response[Liveness]:
    return cond.raw_json(_encode(Liveness(version=__version__)), headers={"Cache-Control": cond.NO_STORE})


async def _is_admin(st: ServerState, token: str) -> bool:
    """The token is a live session of a user whose role is admin."""
    session = st.lookups.session(token)
    if session is None:
        return False
    user_id = session.user.id
    role = await st.read_now(
        lambda conn: conn.execute(sa.select(users.c.role).where(users.c.id == user_id)).scalar()
    )
    return role == "admin"


async def require_metrics_token(request: Request[Any, Any, Any], st: ServerState) -> None:
    """The metrics token (`--metrics-token`), or an admin's session; anyone else is refused."""
    header = request.headers.get("authorization") or ""
    if not header[:7].lower() == "bearer ":
        raise NotAuthorizedException("metrics need the metrics token or an admin's session")
    token = header[7:].strip()
    expected = st.settings.metrics_token
    if expected and hmac.compare_digest(token.encode(), expected.encode()):
        return
    if 0 < len(token) <= MAX_TOKEN_CHARS and await _is_admin(st, token):
        return
    raise PermissionDeniedException("metrics are for operators: the metrics token or an admin's session")


@get(
    "/metrics",
    summary="Request counts and latencies per route, slow queries (no parameters), hot-cache hits; "
    "needs the metrics token",
    responses=METRICS_ERRORS,
)
async def metrics(request: Request[Any, Any, Any]) -> Response[Metrics]:
    st = get_state(request)
    await require_metrics_token(request, st)
    body = _encode(st.metrics.snapshot())
    return cond.raw_json(body, headers={"ETag": cond.body_etag(body), "Cache-Control": cond.NO_STORE})


@get("/metrics", include_in_schema=False)
async def prometheus_metrics(request: Request[Any, Any, Any]) -> Response[bytes]:
    """The same process's counters in Prometheus' text format, for a scraper (same token)."""
    st = get_state(request)
    await require_metrics_token(request, st)
    body = prometheus.render(prometheus.registry_for(st))
    return Response(body, media_type=prometheus.CONTENT_TYPE, headers={"Cache-Control": cond.NO_STORE})


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
