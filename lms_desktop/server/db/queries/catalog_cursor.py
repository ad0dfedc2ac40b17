"""Keyset cursors for the catalog listing: opaque, tied to the query they came from, and checked before
anything they hold reaches a driver (a hand-made cursor may hold anything JSON can spell)."""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import json
import math
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from lms_desktop.server.db import search
from lms_desktop.server.db.driver_sql import datetime_param, mark
from lms_desktop.server.db.errors import InvalidCursor

# what a cursor may hold: its page within 32 bits, its integers within 64 (SQLite binds no larger), its
# times a day inside the calendar (a time moved to UTC must stay in years 1..9999)
MAX_CURSOR_PAGE = 2**31 - 1
CURSOR_INT_BOUND = 2**63
CURSOR_MIN_TIME = datetime(1, 1, 2, tzinfo=UTC)
CURSOR_MAX_TIME = datetime(9999, 12, 30, tzinfo=UTC)
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "popular": ("enrollment_count", "created_at", "id"),
    "newest": ("created_at", "id"),
    "rating": ("rating_score", "rating_count", "id"),
    "relevance": ("rank", "enrollment_count", "created_at", "id"),
}
KEY_KINDS = {
    "enrollment_count": "int",
    "rating_count": "int",
    "id": "int",
    "created_at": "datetime",
    "rating_score": "float",
    "rank": "float",
}


# ---- cursors ------------------------------------------------------------------------------------


def fingerprint(
    sort: str, terms: search.SearchTerms | None, difficulty: str | None, max_hours: float | None
) -> str:
    return _fingerprint_of(sort, terms.fingerprint() if terms else None, difficulty, max_hours)


@functools.lru_cache(maxsize=1024)
def _fingerprint_of(sort: str, terms: str | None, difficulty: str | None, max_hours: float | None) -> str:
    raw = json.dumps([sort, terms, difficulty, max_hours])
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def encode_cursor(fingerprint: str, page: int, keys: Sequence[object]) -> str:
    values = [v.isoformat() if isinstance(v, datetime) else v for v in keys]
    raw = json.dumps({"f": fingerprint, "p": page, "k": values}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, fingerprint: str, names: Sequence[str]) -> tuple[int, list[object]]:
    """Validate an opaque cursor against the query it must belong to; InvalidCursor otherwise."""
    if len(cursor) > 1024:
        raise InvalidCursor("cursor is too long")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
    except (ValueError, binascii.Error, UnicodeDecodeError, RecursionError) as exc:
        raise InvalidCursor("cursor is not valid") from exc
    if not isinstance(data, dict) or set(data) != {"f", "p", "k"}:
        raise InvalidCursor("cursor is not valid")
    if data["f"] != fingerprint:
        raise InvalidCursor("cursor belongs to a different query (sort, search or filters changed)")
    page, keys = data["p"], data["k"]
    if type(page) is not int or not 2 <= page <= MAX_CURSOR_PAGE:
        raise InvalidCursor("cursor is not valid")
    if not isinstance(keys, list) or len(keys) != len(names):
        raise InvalidCursor("cursor is not valid")
    values = [_cursor_value(KEY_KINDS[name], value) for name, value in zip(names, keys, strict=True)]
    return page, values


def _cursor_value(kind: str, value: object) -> object:
    """One key of a cursor, checked to be what the query binds: a hand-made cursor may hold anything JSON
    can spell (integers past 64 bits, NaN, dates at the calendar's edge), none of which may reach a driver."""
    if kind == "int" and type(value) is int and -CURSOR_INT_BOUND <= value < CURSOR_INT_BOUND:
        return value
    if kind == "float" and (type(value) is float or (type(value) is int and abs(value) < CURSOR_INT_BOUND)):
        number = float(value)
        if math.isfinite(number):
            return number
    elif kind == "datetime" and isinstance(value, str) and len(value) <= 40:
        try:
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is not None:
                moment = moment.astimezone(UTC)
                if CURSOR_MIN_TIME <= moment <= CURSOR_MAX_TIME:
                    return moment
        except (ValueError, OverflowError):
            pass
    raise InvalidCursor("cursor is not valid")


def keyset_after(
    dialect: str, keys: Sequence[str], descending: Sequence[bool], values: Sequence[object]
) -> tuple[str, list[Any]]:
    """Rows strictly after `values` in the given order, for mixed directions (expanded OR form)."""
    p = mark(dialect)
    bound = [datetime_param(dialect, v) if isinstance(v, datetime) else v for v in values]
    clauses, params = [], []
    for i, key in enumerate(keys):
        parts = [f"{keys[j]} = {p}" for j in range(i)] + [f"{key} {'<' if descending[i] else '>'} {p}"]
        clauses.append("(" + " AND ".join(parts) + ")")
        params += [*bound[:i], bound[i]]
    return "(" + " OR ".join(clauses) + ")", params
