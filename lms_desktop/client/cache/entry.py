"""The stored form of a response: a msgpack envelope of plain data (never a pickle).

Freshness inputs are computed once when the response arrives (or is refreshed by a 304), so a memory hit
only compares two floats.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import httpx
import msgspec

from lms_desktop.client.cache.policy import (
    freshness_lifetime,
    parse_age,
    parse_cache_control,
    vary_names,
    weak_etag_equal,
)

# Never stored: credentials, cookies, and hop-by-hop headers (RFC 9110 7.6.1). Content-Length/-Encoding go
# too: httpx hands us the decoded body, so the stored headers describe that.
STRIPPED = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "set-cookie",
        "set-cookie2",
        "cookie",
        "connection",
        "keep-alive",
        "proxy-connection",
        "proxy-authenticate",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "content-length",
        "content-encoding",
    }
)
# A 304 updates the stored headers, except these (RFC 9111 3.2).
NOT_MERGED = frozenset({"content-length", "content-encoding", "content-type", "content-range"})
IGNORED_VARY = frozenset({"authorization"})  # the partition already separates users


class CacheEntry(msgspec.Struct, kw_only=True):
    url: str
    status: int
    headers: list[tuple[str, str]]  # lower-case names, sanitized
    body: bytes
    request_time: float  # local clock
    response_time: float  # local clock
    vary: dict[str, str | None]  # request header values this variant was chosen by
    stored_epoch: int  # invalidation epoch when stored or last validated
    invalidated: int = 0  # 0 none, 1 soft (stale: revalidate in the background), 2 hard (before use)
    # derived once from the headers:
    lifetime: float = 0.0
    age_at_receipt: float = 0.0
    no_cache: bool = False
    must_revalidate: bool = False
    immutable: bool = False

    def header(self, name: str) -> str | None:
        for k, v in self.headers:
            if k == name:
                return v
        return None

    @property
    def etag(self) -> str | None:
        return self.header("etag")

    @property
    def last_modified(self) -> str | None:
        return self.header("last-modified")

    def age(self, now: float) -> float:
        return self.age_at_receipt + max(now - self.response_time, 0.0)

    def is_fresh(self, now: float) -> bool:
        return not self.no_cache and self.invalidated == 0 and self.age(now) < self.lifetime


_encoder = msgspec.msgpack.Encoder()
_decoder = msgspec.msgpack.Decoder(CacheEntry)


def encode_entry(entry: CacheEntry) -> bytes:
    return _encoder.encode(entry)


def decode_entry(raw: bytes) -> CacheEntry:
    """Raises msgspec.DecodeError/ValidationError on damaged data (the caller drops the row)."""
    return _decoder.decode(raw)


def sanitize_headers(headers: httpx.Headers) -> list[tuple[str, str]]:
    connection_named = {
        token.strip().lower() for value in headers.get_list("connection") for token in value.split(",")
    }
    return [
        (k.lower(), v)
        for k, v in headers.multi_items()
        if k.lower() not in STRIPPED and k.lower() not in connection_named
    ]


def vary_values(response_headers: Iterable[str], request_headers: httpx.Headers) -> dict[str, str | None]:
    return {
        name: request_headers.get(name) for name in vary_names(response_headers) if name not in IGNORED_VARY
    }


def vary_matches(entry: CacheEntry, request_headers: httpx.Headers) -> bool:
    return all(request_headers.get(name) == value for name, value in entry.vary.items())


def _derive(entry: CacheEntry) -> CacheEntry:
    lookup: Mapping[str, str] = {k: v for k, v in entry.headers}
    cc = parse_cache_control([v for k, v in entry.headers if k == "cache-control"])
    entry.lifetime = freshness_lifetime(lookup, cc, entry.status)
    entry.age_at_receipt = parse_age(lookup.get("age")) + max(entry.response_time - entry.request_time, 0.0)
    entry.no_cache = cc.no_cache
    entry.must_revalidate = cc.must_revalidate
    entry.immutable = cc.immutable
    return entry


def entry_from_response(
    response: httpx.Response,
    *,
    request_time: float,
    response_time: float,
    epoch: int,
) -> CacheEntry:
    headers = sanitize_headers(response.headers)
    entry = CacheEntry(
        url=str(response.request.url),
        status=response.status_code,
        headers=headers,
        body=response.content,
        request_time=request_time,
        response_time=response_time,
        vary=vary_values(response.headers.get_list("vary"), response.request.headers),
        stored_epoch=epoch,
    )
    return _derive(entry)


def merge_not_modified(
    entry: CacheEntry,
    response: httpx.Response,
    *,
    request_time: float,
    response_time: float,
) -> CacheEntry:
    """The stored entry refreshed by a 304: new headers (except content ones), new times, same body."""
    updates = [(k, v) for k, v in sanitize_headers(response.headers) if k not in NOT_MERGED]
    replaced = {k for k, _ in updates}
    headers = [(k, v) for k, v in entry.headers if k not in replaced] + updates
    merged = msgspec.structs.replace(
        entry,
        headers=headers,
        request_time=request_time,
        response_time=response_time,
    )
    return _derive(merged)


def validator_matches(entry: CacheEntry, response: httpx.Response) -> bool:
    """Does this 304 refer to the entry we hold? (RFC 9111 4.3.4; one stored variant per key.)"""
    new_tag = response.headers.get("etag")
    if new_tag is not None:
        return weak_etag_equal(new_tag, entry.etag)
    new_lm = response.headers.get("last-modified")
    if new_lm is not None:
        return new_lm == entry.last_modified
    return True
