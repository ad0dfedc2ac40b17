"""Links inside a package's pages: package files become asset URLs, pages become section links.

One Linker per course import. A format reader gives it the package paths that are sections (so a link to
`wiki_content/intro.html` or `lesson/02.md` points at that section) and an optional `hook` for its own
link spellings (`$IMS-CC-FILEBASE$/...`, `/static/...`), which maps a value to a package path, to a
`section:KEY` target, or to a finished URL.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from lms_desktop.contract import API_PREFIX
from lms_desktop.server.importing import sanitize
from lms_desktop.server.importing.assets import AssetStore
from lms_desktop.server.importing.files import PackageFiles
from lms_desktop.server.importing.model import CourseData, StoredAsset

ASSET_PREFIX = f"{API_PREFIX}/assets/"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
Hook = Callable[[str, str], str | None]  # (value, base) -> "path:REL" | "section:KEY" | "url:URL" | None


def asset_url(sha256: str) -> str:
    return ASSET_PREFIX + sha256


class Linker:
    def __init__(
        self, files: PackageFiles, store: AssetStore, course: CourseData, hook: Hook | None = None
    ) -> None:
        self.files = files
        self.store = store
        self.course = course
        self.hook = hook
        self.page_keys: dict[str, str] = {}  # package path -> section key
        self._stored: dict[str, StoredAsset] = {}

    def asset(self, rel: str) -> StoredAsset | None:
        """Store the package file at `rel` (once per import) and record it as one of the course's assets."""
        if rel in self._stored:
            return self._stored[rel]
        path = self.files.path(rel)
        if path is None:
            return None
        self.files.deadline.check(rel)
        stored = self.store.put_file(path, Path(rel).name)
        self._stored[rel] = stored
        self.course.assets.setdefault(stored.sha256, stored)
        return stored

    def target(self, value: str, base: str) -> str | None:
        """The URL a link or image source in the page at `base` should have (None: drop it)."""
        value = value.strip()
        if not value:
            return None
        if self.hook is not None:
            mapped = self.hook(value, base)
            if mapped is not None:
                kind, _, rest = mapped.partition(":")
                if kind == "url":
                    return rest
                if kind == "section":
                    return self.course.section_ref(rest)
                value, base = rest, ""
        if value.startswith("#"):
            return value
        if _SCHEME.match(value) or value.startswith("//"):
            return value if value.lower().startswith(("http:", "https:", "mailto:", "//")) else None
        rel = self.files.normalize(value, base)
        if rel is None:
            return None
        if rel in self.page_keys:
            return self.course.section_ref(self.page_keys[rel])
        stored = self.asset(rel)
        if stored is None:
            self.course.skip(f"{base or 'page'} -> {value}", "link to a file missing from the package")
            return None
        return asset_url(stored.sha256)

    def clean(self, fragment: str, base: str) -> tuple[str, str]:
        """Sanitized HTML with every link rewritten, and its plain text."""
        html = sanitize.clean(fragment, lambda _tag, _attr, value: self.target(value, base))
        return html, sanitize.plain_text(html)
