"""Imported files (images, attachments, videos, captions) by their sha256: the bytes never change for a
URL, so answers are `immutable` with the hash as a strong ETag. Range requests (a video's seek, a resumed
download) get 206 or 416; images also come as thumbnails at the stock widths with `?w=`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from litestar import Request, Response, get
from litestar.exceptions import HTTPException, NotFoundException
from litestar.params import Parameter
from litestar.response import Stream

from lms_desktop.server.db.schema import assets
from lms_desktop.server.http import conditional as cond
from lms_desktop.server.http.errors import NOT_FOUND, RANGE_NOT_SATISFIABLE
from lms_desktop.server.http.state import ServerState, get_state

SHA_PATTERN = r"^[0-9a-f]{64}$"
CHUNK = 256 * 1024
_THUMB_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp")
_THUMB_MEDIA = {"webp": "image/webp", "jpeg": "image/jpeg"}
# An asset is shown by the reader, never run: a browser that opens one directly gets no script or plugin.
SAFETY = {"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'; sandbox"}


def parse_range(header: str, size: int) -> tuple[int, int] | None:
    """(first, last) byte of a single `bytes=` range; None when unsatisfiable. ValueError: ignore it."""
    unit, _, spec = header.partition("=")
    if unit.strip().lower() != "bytes" or "," in spec:
        raise ValueError("only one bytes range is served")
    first_s, _, last_s = spec.strip().partition("-")
    if not first_s:
        suffix = int(last_s)
        if suffix <= 0 or size == 0:
            return None
        return max(0, size - suffix), size - 1
    first = int(first_s)
    last = int(last_s) if last_s else size - 1
    if first >= size or last < first:
        return None
    return first, min(last, size - 1)


def _chunks(path: Path, first: int, length: int) -> Iterator[bytes]:
    with path.open("rb") as f:
        f.seek(first)
        left = length
        while left > 0:
            chunk = f.read(min(CHUNK, left))
            if not chunk:
                return
            left -= len(chunk)
            yield chunk


def _thumbnail(st: ServerState, sha256: str, width: int, fmt: Literal["webp", "jpeg"]) -> bytes | None:
    from lms_desktop.server.importing.assets import AssetThumbnails

    path = AssetThumbnails(st.settings.assets_dir).thumbnail(sha256, width, fmt)
    return path.read_bytes() if path is not None else None


@get(
    "/assets/{sha256:str}",
    summary="An imported file by its sha256 (Range requests; images also as thumbnails with ?w=)",
    responses={**NOT_FOUND, **RANGE_NOT_SATISFIABLE},
)
async def get_asset(
    request: Request[Any, Any, Any],
    sha256: Annotated[str, Parameter(pattern=SHA_PATTERN, min_length=64, max_length=64)],
    w: Annotated[int | None, Parameter(ge=1, le=4096)] = None,
    fmt: Annotated[Literal["webp", "jpeg"], Parameter()] = "webp",
) -> Response[Any]:
    st = get_state(request)
    row = await st.read_now(
        lambda conn: conn.execute(
            sa.select(assets.c.size, assets.c.content_type).where(assets.c.sha256 == sha256)
        ).first()
    )
    path = st.settings.assets_dir / sha256[:2] / sha256
    if row is None or not path.is_file():
        raise NotFoundException(f"asset {sha256} not found")
    size, content_type = int(row.size), str(row.content_type)
    if w is not None and content_type in _THUMB_TYPES:
        from lms_desktop.server.http.routes.images import snap_width

        width = snap_width(w)
        etag = cond.weak_etag("asset", sha256, width, fmt)
        hit = cond.not_modified_or_none(request, etag, cond.IMMUTABLE)
        if hit is not None:
            return hit
        body = await st.slow(_thumbnail, st, sha256, width, fmt)
        if body is None:
            raise NotFoundException(f"asset {sha256} not found")
        return cond.json_body(body, etag, cond.IMMUTABLE, media_type=_THUMB_MEDIA[fmt])
    etag = f'"{sha256}"'
    hit = cond.not_modified_or_none(request, etag, cond.IMMUTABLE)
    if hit is not None:
        return hit
    headers = {"ETag": etag, "Cache-Control": cond.IMMUTABLE, "Accept-Ranges": "bytes", **SAFETY}
    first, length, status = 0, size, 200
    wanted = request.headers.get("range")
    if_range = request.headers.get("if-range")
    if wanted and (if_range is None or if_range.strip() == etag):
        try:
            span = parse_range(wanted, size)
        except ValueError:
            span = (0, size - 1) if size else None
            wanted = None
        if wanted is not None:
            if span is None:
                raise HTTPException(
                    status_code=416,
                    detail="range not satisfiable",
                    headers={"Content-Range": f"bytes */{size}"},
                )
            first, length, status = span[0], span[1] - span[0] + 1, 206
            headers["Content-Range"] = f"bytes {span[0]}-{span[1]}/{size}"
    headers["Content-Length"] = str(length)
    return Stream(_chunks(path, first, length), status_code=status, media_type=content_type, headers=headers)
