"""Cache warming: the most popular courses' meta and the top courses' content fetched at low priority
(each request waits while the learner's own requests are in flight), so the first clicks hit the cache."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from lms_desktop.client import paths
from lms_desktop.client.config import CourseQuery
from lms_desktop.client.errors import ApiError, AuthRequired, OfflineError
from lms_desktop.contract import MAX_PAGE_LIMIT, CourseContent, CourseDetail, CoursePage, decoder

if TYPE_CHECKING:
    from lms_desktop.client.api import LmsClient

log = logging.getLogger(__name__)

WARM_CONCURRENCY = 2

_page = decoder(CoursePage)
_detail = decoder(CourseDetail)
_content = decoder(CourseContent)


async def warm_cache(client: LmsClient, courses: int, contents: int) -> None:
    """Stops quietly when offline."""
    try:
        page = await client.fetch(
            paths.listing(CourseQuery(sort="popular", limit=min(max(courses, 1), MAX_PAGE_LIMIT))),
            _page.decode,
            swr=False,
            low_priority=True,
        )
    except (OfflineError, ApiError, AuthRequired) as exc:
        log.info("cache warming skipped: %s", exc)
        return
    ids = [item.id for item in cast(CoursePage, page.value).items]
    jobs: list[tuple[str, Callable[[bytes], Any]]] = [
        (paths.course(i), _detail.decode) for i in ids[:courses]
    ]
    jobs += [(paths.content(i), _content.decode) for i in ids[:contents]]
    limiter = asyncio.Semaphore(WARM_CONCURRENCY)

    async def warm(path: str, decode: Callable[[bytes], Any]) -> None:
        async with limiter:
            if not client.online:
                return
            try:
                await client.fetch(path, decode, swr=False, low_priority=True)
            except (OfflineError, ApiError, AuthRequired) as exc:
                log.debug("warming %s failed: %s", path, exc)

    await asyncio.gather(*(warm(p, d) for p, d in jobs))
