"""Cache-Control parsing and RFC 9111 freshness, on the local clock."""

from __future__ import annotations

import pytest

from lms_desktop.client.cache.policy import (
    HEURISTIC_CAP_S,
    CacheControl,
    current_age,
    freshness_lifetime,
    parse_age,
    parse_cache_control,
    vary_names,
    weak_etag_equal,
    why_not_storable,
)


def test_parses_the_directives_a_private_cache_needs() -> None:
    cc = parse_cache_control("private, no-cache, max-age=60, must-revalidate, stale-while-revalidate=30")
    assert cc == CacheControl(
        max_age=60, no_cache=True, private=True, must_revalidate=True, stale_while_revalidate=30
    )
    assert parse_cache_control("public, max-age=31536000, immutable").immutable
    assert parse_cache_control("no-store").no_store
    assert parse_cache_control(["max-age=10", "no-store"]) == CacheControl(max_age=10, no_store=True)


def test_parsing_is_case_insensitive_tolerates_junk_and_quotes() -> None:
    cc = parse_cache_control('MAX-AGE=5 , ,Private, x-ext="a,b", no-cache="Set-Cookie"')
    assert cc.max_age == 5 and cc.private and cc.no_cache
    assert parse_cache_control("max-age=abc").max_age == 0  # invalid -> treat as stale
    assert parse_cache_control("max-age=-3").max_age == 0
    assert parse_cache_control("max-age=60, max-age=10").max_age == 10  # conflicting: the stricter
    assert parse_cache_control(None) == CacheControl()
    assert parse_cache_control("") == CacheControl()


def test_lifetime_prefers_max_age_then_expires_then_capped_heuristic() -> None:
    date = "Wed, 21 Oct 2026 07:00:00 GMT"
    assert freshness_lifetime({}, parse_cache_control("max-age=600")) == 600
    # max-age wins over Expires
    h = {"date": date, "expires": "Wed, 21 Oct 2026 07:10:00 GMT"}
    assert freshness_lifetime(h, parse_cache_control("max-age=5")) == 5
    assert freshness_lifetime(h, CacheControl()) == 600
    assert freshness_lifetime({"date": date, "expires": "0"}, CacheControl()) == 0
    # heuristic: 10% of Date - Last-Modified ...
    h = {"date": date, "last-modified": "Wed, 21 Oct 2026 06:00:00 GMT"}
    assert freshness_lifetime(h, CacheControl()) == pytest.approx(360)
    # ... capped
    h = {"date": date, "last-modified": "Wed, 21 Oct 2020 06:00:00 GMT"}
    assert freshness_lifetime(h, CacheControl()) == HEURISTIC_CAP_S
    # nothing to go on, or no-cache: must revalidate every time
    assert freshness_lifetime({}, CacheControl()) == 0
    assert freshness_lifetime({}, parse_cache_control("no-cache, max-age=600")) == 0


def test_age_is_measured_on_the_local_clock_not_the_servers_date() -> None:
    # The server's Date is irrelevant: a response that arrives with Age: 20 after 1 s of latency
    # has age 21 on receipt and grows with local time only.
    assert current_age(20, request_time=1000, response_time=1001, now=1001) == 21
    assert current_age(20, request_time=1000, response_time=1001, now=1101) == 121
    assert current_age(0, request_time=1000, response_time=1000, now=900) == 0  # clock went back
    assert parse_age("17") == 17 and parse_age("junk") == 0 and parse_age(None) == 0


def test_what_may_not_be_stored() -> None:
    none = CacheControl()
    assert why_not_storable("GET", 200, none, none, []) is None
    assert why_not_storable("POST", 200, none, none, []) == "method"
    assert why_not_storable("GET", 500, none, none, []) == "status"
    assert why_not_storable("GET", 200, CacheControl(no_store=True), none, []) == "no-store"
    assert why_not_storable("GET", 200, none, CacheControl(no_store=True), []) == "no-store"
    assert why_not_storable("GET", 200, none, none, ["Accept, *"]) == "vary-star"


def test_vary_and_etag_helpers() -> None:
    assert vary_names(["Authorization, accept-encoding", "Accept-Encoding"]) == [
        "accept-encoding",
        "authorization",
    ]
    assert weak_etag_equal('W/"a1"', '"a1"')
    assert weak_etag_equal('"a1"', 'W/"a1"')
    assert not weak_etag_equal('"a1"', '"a2"')
    assert not weak_etag_equal(None, '"a1"')
