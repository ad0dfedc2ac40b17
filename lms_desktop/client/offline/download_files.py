"""The file half of a course download: images, attachments, captions and (if chosen) videos as checked
files in the downloads folder, their sizes per kind, and the course's words in the offline search index.

A part of `DownloadManager` (which owns the manifest and the run's book-keeping); kept apart so each module
stays about one thing.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from lms_desktop.client.assets import FetchCancelled
from lms_desktop.client.offline import course_files
from lms_desktop.contract import Section

if TYPE_CHECKING:
    from lms_desktop.client.api import LmsClient
    from lms_desktop.client.assets import AssetFiles
    from lms_desktop.client.offline.manifest import DownloadManifest
    from lms_desktop.client.offline.search_index import OfflineSearchIndex


class CourseFilesPart:
    client: LmsClient
    manifest: DownloadManifest
    files: AssetFiles
    search_index: OfflineSearchIndex

    def _account(self) -> str:
        raise NotImplementedError

    def _skip(self, run: Any) -> None:
        raise NotImplementedError

    def _cancelled(self, message: str) -> Exception:
        raise NotImplementedError

    def _held(self, key: str) -> bool:
        """Is the item still on this computer (a pinned answer, or a downloaded file)?"""
        sha = course_files.key_sha(key)
        if sha is None:
            return self.client.is_pinned(key)
        return self.files.has(sha)

    def _release(self, key: str) -> None:
        sha = course_files.key_sha(key)
        if sha is None:
            self.client.unpin(key)
        else:
            self.files.remove(sha)

    def sizes_by_kind(self, course_id: int) -> dict[str, int]:
        """Bytes kept for a course per kind (pages, images, files, captions, videos)."""
        sizes = dict.fromkeys(course_files.KINDS, 0)
        for key, size in self.manifest.sized_keys(self._account(), course_id):
            kind = course_files.key_kind(key)
            sizes[kind] = sizes.get(kind, 0) + size
        return sizes

    async def _files(self, account: str, course_id: int, section: Section, have: set[str], run: Any) -> None:
        """The section's images, attachment, captions (and video, if chosen) as checked files."""
        for asset in course_files.section_assets(section, videos=run.videos):
            key = course_files.asset_key(asset)
            run.total += 1
            if key in have:
                self._skip(run)
                continue
            run.check()
            try:
                await self.files.fetch(asset, cancel=run.cancel)
            except FetchCancelled as exc:
                raise self._cancelled(str(exc)) from exc
            self.manifest.add_item(account, course_id, key, asset.size)
            have.add(key)
            run.done += 1
            run.fetched += 1
            run.bytes += asset.size
            run.report()

    async def _index(self, account: str, course_id: int, plan: Any) -> None:
        """Put the course's words in the offline search (from the pinned copies: no request)."""
        sections = [course_files.indexed((await self.client.section(sid)).value) for sid in plan.sections]
        await asyncio.to_thread(
            self.search_index.replace_course, account, course_id, plan.title, plan.description, sections
        )

    async def video_bytes(self, course_id: int) -> int:
        """The size of the course's videos, to show before the learner opts in (a request per video)."""
        content = (await self.client.content(course_id)).value
        total: dict[str, int] = {}
        for lesson in content.lessons:
            for s in lesson.sections:
                if s.type == "video":
                    for asset in course_files.video_assets((await self.client.section(s.id)).value):
                        total[asset.sha256] = asset.size
        return sum(total.values())
