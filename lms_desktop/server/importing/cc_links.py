"""Common Cartridge link spellings: `$IMS-CC-FILEBASE$/...` (often URL-encoded, with Canvas' query string),
`$WIKI_REFERENCE$/pages/slug`, `$CANVAS_OBJECT_REFERENCE$/quizzes/id` and Canvas' course links."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from urllib.parse import unquote

from lms_desktop.server.importing.files import PackageFiles

FILEBASE = "$IMS-CC-FILEBASE$"
WIKI = "$WIKI_REFERENCE$"
OBJECT = "$CANVAS_OBJECT_REFERENCE$"
COURSE = "$CANVAS_COURSE_REFERENCE$"


def cc_hook(
    files: PackageFiles, page_by_slug: dict[str, str], resource_ids: set[str]
) -> Callable[[str, str], str | None]:
    """The Linker hook for cartridges (see linker.Hook)."""

    def hook(value: str, base: str) -> str | None:
        decoded = unquote(value) if "%24" in value.upper() else value
        path = decoded.split("?", 1)[0].split("#", 1)[0]
        if path.startswith(FILEBASE):
            rest = path[len(FILEBASE) :].lstrip("/")
            for candidate in (
                posixpath.join("web_resources", rest),
                posixpath.join(posixpath.dirname(base), rest),
                rest,
            ):
                clean = files.normalize(candidate)
                if clean and files.exists(clean):
                    return f"path:{clean}"
            return f"path:{rest}"
        if path.startswith(WIKI):
            slug = path[len(WIKI) :].strip("/").rsplit("/", 1)[-1]
            key = page_by_slug.get(unquote(slug))
            return f"section:{key}" if key else "url:#"
        if path.startswith(OBJECT):
            ident = path[len(OBJECT) :].strip("/").rsplit("/", 1)[-1]
            return f"section:{ident}" if ident in resource_ids else "url:#"
        if path.startswith(COURSE) or path.startswith("$CANVAS"):
            return "url:#"
        return None

    return hook
