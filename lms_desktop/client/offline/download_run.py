"""One download run's parts: its book-keeping (progress numbers, the cancel check), the course's plan as
recorded in the manifest, what a download reports, and the workers' error rule. Used by ``downloads``."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

import msgspec

from lms_desktop.contract import API_PREFIX, CourseContent, CourseDetail

log = logging.getLogger(__name__)

COVER_WIDTHS: tuple[int, ...] = (160, 320, 640)  # card, HiDPI card, course view
BODY_IMAGE_WIDTH = 640
IMAGE_FORMAT = "webp"
PARALLEL_FETCHES = 4
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")


class DownloadCancelled(Exception):
    """The learner pressed Cancel; what arrived is kept and a later download resumes from there."""


class DownloadError(Exception):
    """The course cannot be kept offline (e.g. the download store cannot be written)."""


class Plan(msgspec.Struct, kw_only=True):
    title: str
    image_url: str | None
    updated_at: str
    sections: list[int]
    description: str = ""  # for the offline search index
    videos: bool = False  # the learner chose to keep the course's videos too (they are large)


@dataclass(frozen=True)
class DownloadProgress:
    course_id: int
    done: int
    total: int  # grows while section bodies reveal their images
    bytes: int
    fetched: int  # items downloaded in this run (skipped items are not fetched)

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0


@dataclass(frozen=True)
class RefreshReport:
    course_id: int
    changed: bool  # meta or content differed from the pinned copy
    gone: bool  # the server no longer shows the course (deleted or unpublished)


def body_images(markdown: str) -> list[str]:
    """Image URLs in a section body that our server serves (others are not ours to pin)."""
    out: list[str] = []
    for url in _MD_IMAGE.findall(markdown):
        if url.startswith(f"{API_PREFIX}/images/") and url not in out:
            out.append(url)
    return out


def section_ids(content: CourseContent) -> list[int]:
    return [s.id for lesson in content.lessons for s in lesson.sections]


def plan_of(detail: CourseDetail, content: CourseContent, *, videos: bool = False) -> Plan:
    return Plan(
        title=detail.title,
        description=detail.description,
        image_url=detail.image_url,
        updated_at=detail.updated_at.isoformat(),
        sections=section_ids(content),
        videos=videos,
    )


def item_size(value: object) -> int:
    return len(value) if isinstance(value, bytes) else len(msgspec.json.encode(value))


class Run:
    """Book-keeping for one download run: progress numbers and the cancel check."""

    def __init__(
        self,
        course_id: int,
        progress: Callable[[DownloadProgress], None] | None,
        cancel: asyncio.Event | None,
    ) -> None:
        self.course_id = course_id
        self.progress = progress
        self.cancel = cancel
        self.done = self.total = self.bytes = self.fetched = 0
        self.videos = False

    def check(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise DownloadCancelled(f"download of course {self.course_id} cancelled")

    def report(self) -> None:
        if self.progress is None:
            return
        try:
            self.progress(DownloadProgress(self.course_id, self.done, self.total, self.bytes, self.fetched))
        except Exception:
            log.exception("download progress callback failed")


async def gather_first_error(coros: list[Coroutine[Any, Any, None]]) -> None:
    """Run workers together and raise the first failure once all have stopped.

    Not a TaskGroup: on Cancel (or a failure) the other workers finish the item they are fetching and
    pin it, instead of being cancelled mid-request, so a resumed download never asks for it again.
    """
    results = await asyncio.gather(*coros, return_exceptions=True)
    for result in results:
        if isinstance(result, DownloadCancelled):
            raise result
    for result in results:
        if isinstance(result, BaseException):
            raise result
