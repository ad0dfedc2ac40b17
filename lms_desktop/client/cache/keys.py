"""Cache keys: method + normalized request target, inside a partition (server + signed-in user).

The partition comes first so that one user's entries (and prefix invalidations) never reach another's.
Requests to our server use relative targets, so its host is not part of their keys: the partition names the
server, and the embedded server's changing port does not orphan the disk cache. An absolute URL (an image on
another origin) keeps its origin in the key.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx

SEP = "\x1f"  # cannot appear in a URL, so keys and prefixes cannot be confused


def normalize_target(url: str | httpx.URL) -> str:
    """[origin +] path + query with parameters sorted, fragment dropped: equal requests give equal keys."""
    parts = urlsplit(str(url))
    origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}" if parts.scheme and parts.netloc else ""
    path = parts.path or "/"
    if not parts.query:
        return origin + path
    query = sorted(parse_qsl(parts.query, keep_blank_values=True))
    return f"{origin}{path}?{urlencode(query)}"


def make_key(method: str, url: str | httpx.URL, partition: str) -> str:
    return f"{partition}{SEP}{method.upper()}{SEP}{normalize_target(url)}"


def make_target_key(method: str, target: str, partition: str) -> str:
    """The hot path: `target` is already normalized (see normalize_target), so this is one concatenation."""
    return f"{partition}{SEP}{method}{SEP}{target}"


def make_prefix(method: str, target_prefix: str, partition: str) -> str:
    """A key prefix covering every target starting with `target_prefix` (e.g. "/api/v1/courses?")."""
    return f"{partition}{SEP}{method.upper()}{SEP}{target_prefix}"
