"""Course cover thumbnails. The key in the URL changes whenever the image does, so answers are immutable."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from litestar import Request, Response, get
from litestar.exceptions import NotFoundException
from litestar.params import Parameter

from lms_desktop.contract import THUMBNAIL_WIDTHS
from lms_desktop.server.hotcache import CacheKey
from lms_desktop.server.http import conditional as cond
from lms_desktop.server.http.errors import NOT_FOUND
from lms_desktop.server.http.state import ServerState, get_state

KEY_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,127}$"
MEDIA_TYPES = {"webp": "image/webp", "jpeg": "image/jpeg"}
STATIC = "static"  # cache scope kept out of Redis: bytes are on local disk already


def snap_width(width: int) -> int:
    """The smallest stock width that covers the request (the largest when none does)."""
    for stock in THUMBNAIL_WIDTHS:
        if width <= stock:
            return stock
    return THUMBNAIL_WIDTHS[-1]


def _thumbnail_bytes(st: ServerState, key: str, width: int, fmt: Literal["webp", "jpeg"]) -> bytes | None:
    return st.thumbnails.thumbnail_bytes(key, width, fmt)


@get(
    "/images/{key:str}",
    summary="A course cover at one of the stock widths (160/320/640), as WebP or JPEG",
    responses={**NOT_FOUND},
    media_type="image/webp",
)
async def get_image(
    request: Request[Any, Any, Any],
    key: Annotated[str, Parameter(pattern=KEY_PATTERN, max_length=128)],
    w: Annotated[int, Parameter(ge=1, le=4096)] = THUMBNAIL_WIDTHS[1],
    fmt: Annotated[Literal["webp", "jpeg"], Parameter()] = "webp",
) -> Response[bytes]:
    st = get_state(request)
    if st.thumbnails.source_path(key) is None:  # before the 304: a guessed ETag must not confirm an image
        raise NotFoundException(f"image {key} not found")
    width = snap_width(w)
    etag = cond.weak_etag("img", key, width, fmt)
    hit = cond.not_modified_or_none(request, etag, cond.IMMUTABLE)
    if hit is not None:
        return hit
    ckey = CacheKey("image", STATIC, key, f"{width}.{fmt}")
    body = await st.cache.get(ckey)
    if body is None:
        body = await st.slow(_thumbnail_bytes, st, key, width, fmt)
        if body is None:
            raise NotFoundException(f"image {key} not found")
        await st.cache.put(ckey, body)
    return cond.json_body(body, etag, cond.IMMUTABLE, media_type=MEDIA_TYPES[fmt])
