"""The validators (ETag, Cache-Control, Vary) of every revalidatable answer, made in one place.

Both the route handlers and the revalidation front (`revalidate.py`) call these, so a 304 answered before
routing carries exactly the validators the handler would have sent. Every ETag is built from version
numbers (see `conditional.py`), never from a body.
"""

from __future__ import annotations

import time
from typing import NamedTuple

from lms_desktop.server.db.lookups import Session
from lms_desktop.server.hotcache import PUBLIC
from lms_desktop.server.http import conditional as cond

VARY_AUTH = "Authorization"

# Listing cards carry enrollment counts and ratings, which move with every learner's write without a
# catalog-version bump (that would invalidate every listing on every enrollment). A wall-clock epoch as
# long as the listing's max-age rolls the ETag and the hot-cache key over, so counts are never staler than
# what a client's cache would show anyway. The clock is shared, so all workers agree on the epoch.
LISTING_EPOCH_SECONDS = 600

# A listing's ETag and cache key come from a catalog version read at most this long ago (a bump by this
# process shows at once, one by another process within it): the read was a quarter of a 304's server CPU
# on SQLite (its file locks) and a round trip per listing on PostgreSQL, and the listing tells every
# cache to keep it ten minutes unasked.
LISTING_VERSION_MAX_AGE = 1.0


class Validator(NamedTuple):
    etag: str
    cache_control: str
    vary: str | None = None


def listing_epoch() -> int:
    return int(time.time()) // LISTING_EPOCH_SECONDS


def listing(catalog_version: int, epoch: int, query_string: bytes) -> Validator:
    """Per URL, as HTTP caches key their entries: the raw query string, not its parsed form, so the
    front can decide a 304 without parsing (two spellings of one query simply revalidate separately)."""
    tag = cond.params_tag(query_string.decode("latin-1"))
    return Validator(cond.weak_etag("list", catalog_version, epoch, tag), cond.LISTING)


def course(
    kind: str, course_id: int, catalog_version: int, course_version: int, session: Session | None
) -> Validator:
    """A course's meta (`kind` "course") or outline ("content"): per caller when signed in."""
    if session is None:
        policy = cond.COURSE_PUBLIC if kind == "course" else cond.CONTENT_PUBLIC
        etag = cond.weak_etag(kind, course_id, catalog_version, course_version, PUBLIC, 0)
    else:
        policy = cond.PRIVATE
        scope = f"u{session.user.id}"
        etag = cond.weak_etag(kind, course_id, catalog_version, course_version, scope, session.user_version)
    return Validator(etag, policy, VARY_AUTH)


def section(section_id: int, catalog_version: int) -> Validator:
    return Validator(cond.weak_etag("section", section_id, catalog_version), cond.SECTION)


def dashboard(session: Session) -> Validator:
    etag = cond.weak_etag("dash", session.user.id, session.user_version, session.catalog_version)
    return Validator(etag, cond.PRIVATE, VARY_AUTH)
