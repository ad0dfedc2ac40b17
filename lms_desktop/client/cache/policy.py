"""HTTP caching rules (RFC 9111) for a private client cache: what may be stored and how long it is fresh.

Ages are measured on the local clock from when the response was received, so a server whose clock is off
(or a response without `Date`) still ages correctly: freshness = max-age minus the `Age` the response
arrived with, else `Expires - Date` (both on the server's clock), else a capped heuristic.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

HEURISTIC_FRACTION = 0.1  # RFC 9111 4.2.2: a tenth of the time since Last-Modified ...
HEURISTIC_CAP_S = 3600.0  # ... capped, so a very old Last-Modified cannot pin an answer for days.
STORABLE_STATUSES = frozenset({200, 203})


@dataclass(frozen=True)
class CacheControl:
    """Parsed Cache-Control directives that matter to a private cache."""

    max_age: int | None = None
    no_store: bool = False
    no_cache: bool = False
    private: bool = False
    public: bool = False
    must_revalidate: bool = False
    immutable: bool = False
    stale_while_revalidate: int | None = None
    stale_if_error: int | None = None


def _split_directives(value: str) -> Iterable[tuple[str, str | None]]:
    """Yield (name, argument) pairs; commas inside quoted strings do not split."""
    parts: list[str] = []
    buf: list[str] = []
    quoted = False
    for ch in value:
        if ch == '"':
            quoted = not quoted
        if ch == "," and not quoted:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    for part in parts:
        name, sep, arg = part.strip().partition("=")
        name = name.strip().lower()
        if not name:
            continue
        yield name, (arg.strip().strip('"') if sep else None)


def _seconds(arg: str | None) -> int | None:
    """A delta-seconds argument; invalid values count as absent (the RFC says treat as stale)."""
    if arg is None:
        return None
    try:
        n = int(arg)
    except ValueError:
        return 0
    return max(n, 0)


def parse_cache_control(values: str | Iterable[str] | None) -> CacheControl:
    """Parse one or more Cache-Control header values. Unknown directives are ignored."""
    if values is None:
        return CacheControl()
    if isinstance(values, str):
        values = [values]
    d: dict[str, object] = {}
    for value in values:
        for name, arg in _split_directives(value):
            if name == "max-age":
                age = _seconds(arg)
                # Duplicated max-age: the most conservative one wins.
                prev = d.get("max_age")
                d["max_age"] = age if not isinstance(prev, int) or age is None else min(age, prev)
            elif name == "no-store":
                d["no_store"] = True
            elif name == "no-cache":
                d["no_cache"] = True
            elif name == "private":
                d["private"] = True
            elif name == "public":
                d["public"] = True
            elif name in ("must-revalidate", "proxy-revalidate"):
                d["must_revalidate"] = True
            elif name == "immutable":
                d["immutable"] = True
            elif name == "stale-while-revalidate":
                d["stale_while_revalidate"] = _seconds(arg)
            elif name == "stale-if-error":
                d["stale_if_error"] = _seconds(arg)
    return CacheControl(**d)  # type: ignore[arg-type]


def parse_http_date(value: str | None) -> float | None:
    """An HTTP-date as a POSIX timestamp, or None if absent or invalid."""
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def parse_age(value: str | None) -> float:
    if not value:
        return 0.0
    try:
        return max(float(int(value.split(",")[0].strip())), 0.0)
    except ValueError:
        return 0.0


def freshness_lifetime(headers: Mapping[str, str], cc: CacheControl, status: int = 200) -> float:
    """Seconds the response is fresh for, counted from when it was generated (RFC 9111 4.2.1)."""
    if cc.no_cache:
        return 0.0
    if cc.max_age is not None:
        return float(cc.max_age)
    date = parse_http_date(headers.get("date"))
    expires_raw = headers.get("expires")
    if expires_raw is not None:
        expires = parse_http_date(expires_raw)
        if expires is None or date is None:
            return 0.0  # invalid Expires (e.g. "0") means already expired
        return max(expires - date, 0.0)
    last_modified = parse_http_date(headers.get("last-modified"))
    if last_modified is not None and date is not None and status in STORABLE_STATUSES:
        return min(max(date - last_modified, 0.0) * HEURISTIC_FRACTION, HEURISTIC_CAP_S)
    return 0.0


def current_age(age_header: float, request_time: float, response_time: float, now: float) -> float:
    """Age now, on the local clock: the Age it arrived with, plus the request's latency, plus residency.

    The `Date`-based apparent age is left out on purpose: it compares two clocks, and a server 5 min
    behind would make every short-lived answer arrive already stale.
    """
    latency = max(response_time - request_time, 0.0)
    return age_header + latency + max(now - response_time, 0.0)


def why_not_storable(
    method: str,
    status: int,
    cc: CacheControl,
    request_cc: CacheControl,
    vary: Iterable[str],
) -> str | None:
    """None if the response may be stored, else the reason (for stats and 'why wasn't this cached?')."""
    if method != "GET":
        return "method"
    if status not in STORABLE_STATUSES:
        return "status"
    if cc.no_store or request_cc.no_store:
        return "no-store"
    if "*" in vary_names(vary):
        return "vary-star"
    return None


def vary_names(values: Iterable[str]) -> list[str]:
    """Normalized header names from one or more Vary values (lower-case, de-duplicated, sorted)."""
    names = {part.strip().lower() for value in values for part in value.split(",") if part.strip()}
    return sorted(names)


def weak_etag_equal(a: str | None, b: str | None) -> bool:
    """Weak comparison (RFC 9110 8.8.3.2): equal opaque tags, ignoring the W/ prefix."""
    if not a or not b:
        return False

    def opaque(tag: str) -> str:
        tag = tag.strip()
        return tag[2:] if tag[:2] in ("W/", "w/") else tag

    return opaque(a) == opaque(b)
