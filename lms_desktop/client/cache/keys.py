"""Cache keys: method + normalized request target, inside a partition (server + signed-in user).

The partition comes first so that one user's entries (and prefix invalidations) never reach another's.
The host is not part of the key: the partition names the server, so the embedded server's changing port does
not orphan the disk cache.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx

SEP = "\x1f"  # cannot appear in a URL, so keys and prefixes cannot be confused


def normalize_target(url: str | httpx.URL) -> str:
    """Path plus query with parameters sorted (and fragment dropped): equal requests give equal keys."""
    parts = urlsplit(str(url))
    path = parts.path or "/"
    if not parts.query:
        return path
    query = sorted(parse_qsl(parts.query, keep_blank_values=True))
    return f"{path}?{urlencode(query)}"


def make_key(method: str, url: str | httpx.URL, partition: str) -> str:
    return f"{partition}{SEP}{method.upper()}{SEP}{normalize_target(url)}"


def make_prefix(method: str, target_prefix: str, partition: str) -> str:
    """A key prefix covering every target starting with `target_prefix` (e.g. "/api/v1/courses?")."""
    return f"{partition}{SEP}{method.upper()}{SEP}{target_prefix}"
