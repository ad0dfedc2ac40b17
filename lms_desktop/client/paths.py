"""API paths in one place (the server's routes under /api/v1), shared by the client, downloads and tests."""

from __future__ import annotations

import httpx

from lms_desktop.contract import API_PREFIX

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


def progress(section_id: int) -> str:
    return f"{API_PREFIX}/progress/{int(section_id)}"


def image(image_url: str, width: int, fmt: str) -> str:
    """The thumbnail URL: the course's versioned image URL with ?w=&fmt= added (kept relative if it was)."""
    url = httpx.URL(image_url).copy_merge_params({"w": str(int(width)), "fmt": fmt})
    return str(url)
