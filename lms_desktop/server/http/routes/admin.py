"""Authoring over HTTP, for authors and admins (learners get 403): import a course package, list courses
with drafts, publish, unpublish and soft-delete.

An upload is streamed to disk under the same caps as `lms-server import`, then imported on a thread of its
own (one at a time), so neither the event loop nor the slow-work thread waits for it.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import msgspec
from litestar import Request, Response, delete, get, post
from litestar.exceptions import HTTPException, NotFoundException, PermissionDeniedException
from litestar.openapi.spec import OpenAPIFormat, OpenAPIMediaType, OpenAPIType, Operation, RequestBody, Schema
from litestar.params import Parameter

from lms_desktop.contract import MAX_PAGE_LIMIT, AuthorCourse, AuthorCoursePage, ImportSummary
from lms_desktop.server.http import conditional as cond
from lms_desktop.server.http.auth import require_session
from lms_desktop.server.http.errors import (
    AUTH_ERRORS,
    BAD_PACKAGE,
    FORBIDDEN,
    MAX_ID,
    NOT_FOUND,
    TOO_LARGE,
    UNAVAILABLE,
    _spec,
)
from lms_desktop.server.http.openapi import BEARER_SECURITY
from lms_desktop.server.http.state import ServerState, get_state
from lms_desktop.server.http.uploads import receive_package

_encode = msgspec.json.Encoder().encode
_imports = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lms-import")
AUTHOR_ERRORS = {**AUTH_ERRORS, **FORBIDDEN, **UNAVAILABLE}
AUTHOR_ROLES = ("author", "admin")


@dataclass
class _UploadOperation(Operation):
    """The import's OpenAPI operation with its multipart body described (the handler streams the body
    itself, so Litestar cannot infer it from a `data` parameter)."""

    def __post_init__(self) -> None:
        self.request_body = RequestBody(
            required=True,
            description="The course package: .imscc / .zip (Common Cartridge or a zipped Markdown course) "
            "or .tar.gz (Open edX)",
            content={
                "multipart/form-data": OpenAPIMediaType(
                    schema=Schema(
                        type=OpenAPIType.OBJECT,
                        required=["package"],
                        properties={"package": Schema(type=OpenAPIType.STRING, format=OpenAPIFormat.BINARY)},
                    )
                )
            },
        )


def _json(value: object) -> Response[Any]:
    """Answers here are about one author's action: never stored by any cache."""
    return Response(_encode(value), media_type=cond.JSON, headers={"Cache-Control": cond.NO_STORE})


def require_author(request: Request[Any, Any, Any], st: ServerState) -> int:
    """The caller's user id when they may author; 401 without a session, 403 for learners."""
    user = require_session(request, st).user
    if user.role not in AUTHOR_ROLES:
        raise PermissionDeniedException("authors and admins only")
    return user.id


def _import(st: ServerState, package: Path, publish: bool) -> ImportSummary:
    from lms_desktop.server.import_cli import import_target
    from lms_desktop.server.importing.service import import_package

    return ImportSummary(
        courses=[import_package(import_target(st.settings, st.db), package, publish=publish)]
    )


@post(
    "/admin/imports",
    summary="Import a course package (Common Cartridge, Open edX .tar.gz, or a zipped Markdown course)",
    description="Multipart form with the file in the field `package`. Published unless `draft=true`. "
    "Re-importing a package with the same identifier updates that course in place. Authors and admins only.",
    security=BEARER_SECURITY,
    request_max_body_size=None,  # streamed to disk; the import's own cap applies
    operation_class=_UploadOperation,
    responses={
        **AUTHOR_ERRORS,
        **BAD_PACKAGE,
        **TOO_LARGE,
        400: _spec("Not a multipart upload with `package`"),
    },
    status_code=200,
)
async def import_course(
    request: Request[Any, Any, Any],
    draft: Annotated[bool, Parameter(description="import unpublished")] = False,
) -> Response[ImportSummary]:
    from lms_desktop.server.importing.errors import PackageError
    from lms_desktop.server.importing.limits import MB

    st = get_state(request)
    require_author(request, st)
    path, _name = await receive_package(
        request, st.settings.data_dir / "uploads", st.settings.import_max_mb * MB
    )
    try:
        loop = asyncio.get_running_loop()
        summary = await loop.run_in_executor(_imports, _import, st, path, not draft)
    except PackageError as exc:
        raise HTTPException(status_code=422, detail=f"package refused: {exc}") from None
    finally:
        path.unlink(missing_ok=True)
    return _json(summary)


@get(
    "/admin/courses",
    summary="Every course not deleted, drafts included (authors and admins)",
    security=BEARER_SECURITY,
    responses={**AUTHOR_ERRORS},
)
async def list_admin_courses(
    request: Request[Any, Any, Any],
    page: Annotated[int, Parameter(ge=1, le=1_000_000)] = 1,
    limit: Annotated[int, Parameter(ge=1, le=MAX_PAGE_LIMIT)] = 20,
    drafts: Annotated[bool, Parameter(description="only unpublished courses")] = False,
) -> Response[AuthorCoursePage]:
    from lms_desktop.server.db.queries import admin_courses

    st = get_state(request)
    require_author(request, st)
    found = await st.read(
        lambda conn: admin_courses.list_courses(conn, page=page, limit=limit, drafts_only=drafts)
    )
    return _json(found)


def _publish(st: ServerState, course_id: int, published: bool) -> AuthorCourse | None:
    from lms_desktop.server.db.queries import admin_courses

    with st.db.write() as conn:
        return admin_courses.set_published(conn, course_id, published)


async def _set_published(request: Request[Any, Any, Any], course_id: int, published: bool) -> Response[Any]:
    st = get_state(request)
    require_author(request, st)
    course = await st.slow(_publish, st, course_id, published)
    if course is None:
        raise NotFoundException(f"course {course_id} not found")
    return _json(course)


@post(
    "/admin/courses/{course_id:int}/publish",
    summary="Publish a course (it appears in the catalog)",
    security=BEARER_SECURITY,
    responses={**AUTHOR_ERRORS, **NOT_FOUND},
    status_code=200,
)
async def publish_course(
    request: Request[Any, Any, Any], course_id: Annotated[int, Parameter(ge=1, le=MAX_ID)]
) -> Response[AuthorCourse]:
    return await _set_published(request, course_id, True)


@post(
    "/admin/courses/{course_id:int}/unpublish",
    summary="Unpublish a course (a draft again: out of the catalog, learners' progress kept)",
    security=BEARER_SECURITY,
    responses={**AUTHOR_ERRORS, **NOT_FOUND},
    status_code=200,
)
async def unpublish_course(
    request: Request[Any, Any, Any], course_id: Annotated[int, Parameter(ge=1, le=MAX_ID)]
) -> Response[AuthorCourse]:
    return await _set_published(request, course_id, False)


def _delete(st: ServerState, course_id: int) -> bool:
    from lms_desktop.server.db.queries import admin_courses

    with st.db.write() as conn:
        return admin_courses.soft_delete(conn, course_id)


@delete(
    "/admin/courses/{course_id:int}",
    summary="Soft-delete a course (invisible everywhere; its rows and learners' history stay)",
    security=BEARER_SECURITY,
    responses={**AUTHOR_ERRORS, **NOT_FOUND},
    status_code=204,
)
async def delete_course(
    request: Request[Any, Any, Any], course_id: Annotated[int, Parameter(ge=1, le=MAX_ID)]
) -> None:
    st = get_state(request)
    require_author(request, st)
    if not await st.slow(_delete, st, course_id):
        raise NotFoundException(f"course {course_id} not found")
