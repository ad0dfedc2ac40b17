"""One JSON error shape (`contract.ErrorBody`) for every failure, and no traceback ever on the wire.

Bad input is the client's fault and gets a 4xx with a message; storage errors map to their HTTP meaning; a
database that cannot be reached gets a fast 503 with Retry-After (clients retry, load balancers back off);
anything unexpected is logged here with its traceback and answered with a bare 500.
"""

from __future__ import annotations

import logging
from typing import Any

import msgspec
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.openapi.datastructures import ResponseSpec
from litestar.types import ExceptionHandlersMap

from lms_desktop.contract import ErrorBody

log = logging.getLogger("lms.server.errors")

_encode = msgspec.json.Encoder().encode


def error_response(
    status: int,
    detail: str,
    *,
    extra: dict[str, object] | list[object] | None = None,
    headers: dict[str, str] | None = None,
) -> Response[Any]:
    body = _encode(ErrorBody(status_code=status, detail=detail, extra=extra))
    return Response(
        content=body,
        status_code=status,
        media_type="application/json",
        headers={"Cache-Control": "no-store", **(headers or {})},
    )


MAX_DETAIL_CHARS = 300
MAX_ID = 2**31 - 1  # ids are 32-bit INTEGER columns; a larger id is bad input (400), not an overflow (500)


def _clip(text: str) -> str:
    """Validation messages quote the URL; a 5,000-character query needs no echo."""
    return text if len(text) <= MAX_DETAIL_CHARS else text[: MAX_DETAIL_CHARS - 1] + "…"


def _http_exception(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    extra = exc.extra if isinstance(exc.extra, dict | list) else None
    status = exc.status_code
    if isinstance(exc, ValidationException) and status == 500:  # never happens, but never leak a 500
        status = 400
    if status == 503:  # an overload answer (Retry-After): expected under load, counted in the metrics
        log.info("%s %s -> 503: %s", request.method, request.url.path, exc.detail)
    elif status >= 500:
        log.error("%s %s -> %s: %s", request.method, request.url.path, status, exc.detail)
    return error_response(status, _clip(str(exc.detail)), extra=extra, headers=exc.headers)


def _storage_error(status: int, default: str) -> Any:
    def handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
        return error_response(status, str(exc) or default)

    return handler


def _database_unavailable(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    log.warning("database unavailable for %s %s: %s", request.method, request.url.path, type(exc).__name__)
    return error_response(503, "database unavailable, try again shortly", headers={"Retry-After": "1"})


BUSY_RETRY_AFTER = "2"


def _database_busy(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    log.warning("database busy for %s %s: %s", request.method, request.url.path, exc)
    return error_response(503, "database busy, try again shortly", headers={"Retry-After": BUSY_RETRY_AFTER})


def _unexpected(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    from lms_desktop.server.db.limits import is_timeout

    if is_timeout(exc):
        return _database_busy(request, exc)
    if is_database_outage(exc):
        return _database_unavailable(request, exc)
    _hide_sql_parameters(exc)
    log.exception("unhandled error in %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal server error")


def _hide_sql_parameters(exc: BaseException) -> None:
    """SQLAlchemy prints bound parameters in its messages; they can hold usernames or hashes."""
    from sqlalchemy import exc as sa_exc

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, sa_exc.StatementError):
            current.hide_parameters = True
        current = current.__cause__ or current.__context__


def is_database_outage(exc: BaseException) -> bool:
    """Connection-level failures (server down, restarted, pool exhausted); not constraint errors."""
    from sqlalchemy import exc as sa_exc

    if isinstance(exc, sa_exc.TimeoutError):
        return True
    if isinstance(exc, sa_exc.DBAPIError):
        if exc.connection_invalidated:
            return True
        if isinstance(exc, sa_exc.OperationalError | sa_exc.InterfaceError):
            return True
    return False


def exception_handlers() -> ExceptionHandlersMap:
    handlers: dict[Any, Any] = {
        HTTPException: _http_exception,
        Exception: _unexpected,
    }
    try:
        from lms_desktop.server.db import errors as db_errors
    except ImportError:  # storage layer not importable: the app still answers its errors as JSON
        return handlers
    handlers[db_errors.NotFound] = _storage_error(404, "not found")
    handlers[db_errors.NotEnrolled] = _storage_error(409, "not enrolled in this course")
    handlers[db_errors.UserExists] = _storage_error(409, "user exists")
    handlers[db_errors.Conflict] = _storage_error(409, "conflict")
    handlers[db_errors.Unprocessable] = _storage_error(422, "unprocessable input")
    handlers[db_errors.InvalidCursor] = _storage_error(400, "invalid cursor")
    handlers[db_errors.InvalidQuery] = _storage_error(400, "invalid listing parameters")
    handlers[db_errors.InvalidInput] = _storage_error(400, "invalid input")
    handlers[db_errors.DatabaseBusy] = _database_busy
    return handlers


def _spec(description: str) -> ResponseSpec:
    return ResponseSpec(data_container=ErrorBody, description=description, generate_examples=False)


AUTH_ERRORS: dict[int, ResponseSpec] = {401: _spec("Missing, expired or revoked bearer token")}
NOT_FOUND: dict[int, ResponseSpec] = {404: _spec("No such resource, or not visible")}
UNAVAILABLE: dict[int, ResponseSpec] = {503: _spec("Database unavailable; retry after Retry-After")}
TOO_LARGE: dict[int, ResponseSpec] = {413: _spec("Request body larger than the server accepts")}
RANGE_NOT_SATISFIABLE: dict[int, ResponseSpec] = {416: _spec("Range outside the file")}
FORBIDDEN: dict[int, ResponseSpec] = {403: _spec("Your role does not allow this")}
BAD_PACKAGE: dict[int, ResponseSpec] = {422: _spec("The package was refused; nothing of it was kept")}
THROTTLED: dict[int, ResponseSpec] = {429: _spec("Too many failed sign-ins; retry after Retry-After")}
