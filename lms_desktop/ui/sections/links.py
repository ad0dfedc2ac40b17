"""What a link in a section means: another section of the course (opened in the reader), a place in the
same page, or the web (the system browser)."""

from __future__ import annotations

import re

from PySide6.QtCore import QUrl

_SECTION_PATH = re.compile(r"(?:^|/)(?:api/v1/)?sections/(\d{1,12})/?$")


def section_target(url: QUrl) -> int | None:
    """The section id a link points to (``lms://section/12``, ``/sections/12``, ``/api/v1/sections/12``)."""
    if url.scheme() == "lms" and url.host() == "section":
        digits = url.path().strip("/")
        return int(digits) if digits.isdigit() else None
    if url.scheme() in ("", "http", "https") and (url.scheme() == "" or url.host() in ("", "localhost")):
        found = _SECTION_PATH.search(url.path())
        if found:
            return int(found.group(1))
    return None


def is_external(url: QUrl) -> bool:
    return url.scheme() in ("http", "https", "mailto")
