"""API paths in one place (the server's routes under /api/v1), shared by the client, downloads and tests."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit

from lms_desktop.client.cache.keys import normalize_target
from lms_desktop.contract import API_PREFIX

if TYPE_CHECKING:
    from lms_desktop.client.config import CourseQuery

TOKEN = f"{API_PREFIX}/auth/token"
ME = f"{API_PREFIX}/me"
COURSES = f"{API_PREFIX}/courses"
DASHBOARD = f"{API_PREFIX}/dashboard"
HEALTH = f"{API_PREFIX}/health"
LISTINGS_PREFIX = f"{COURSES}?"  # every catalog listing/search, whatever its query


def course(course_id: int) -> str:
    return f"{COURSES}/{int(course_id)}"


def content(course_id: int) -> str:
    return f"{COURSES}/{int(course_id)}/content"


def enrollment(course_id: int) -> str:
    return f"{COURSES}/{int(course_id)}/enrollment"


def rating(course_id: int) -> str:
    return f"{COURSES}/{int(course_id)}/rating"


def section(section_id: int) -> str:
    return f"{API_PREFIX}/sections/{int(section_id)}"


def attempts(section_id: int) -> str:
    return f"{API_PREFIX}/sections/{int(section_id)}/attempts"


def progress(section_id: int) -> str:
    return f"{API_PREFIX}/progress/{int(section_id)}"


@functools.lru_cache(maxsize=4096)
def listing(query: CourseQuery) -> str:
    """The listing URL in normalized form (parameters sorted), which is also its cache target."""
    return f"{COURSES}?{urlencode(sorted(query.params().items()))}"


@functools.lru_cache(maxsize=4096)
def image(image_url: str, width: int, fmt: str) -> str:
    """The thumbnail URL, normalized: the course's versioned image URL (relative, or absolute on another
    origin) with w and fmt set and the parameters sorted."""
    parts = urlsplit(image_url)
    params = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in ("w", "fmt")]
    params += [("w", str(int(width))), ("fmt", fmt)]
    return normalize_target(parts._replace(query=urlencode(params), fragment="").geturl())


def asset(asset_url: str) -> str:
    """An imported file's URL (`/api/v1/assets/<sha256>`, as a Section lists it), normalized."""
    return normalize_target(asset_url)


ASSETS_PREFIX = f"{API_PREFIX}/assets/"


def asset_sha(url: str) -> str:
    """The sha256 in an asset URL (``/api/v1/assets/{sha256}``), or "" for any other URL."""
    path = urlsplit(url).path
    return path.removeprefix(ASSETS_PREFIX) if path.startswith(ASSETS_PREFIX) else ""


def scaled_asset(url: str, width: int | None) -> str:
    """An asset's cache target: its path with ``w`` (a scaled image) when a width is asked for."""
    parts = urlsplit(url)
    params = [("w", str(int(width)))] if width else []
    return normalize_target(
        parts._replace(scheme="", netloc="", query=urlencode(params), fragment="").geturl()
    )
