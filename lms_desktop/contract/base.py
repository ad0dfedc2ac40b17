"""What every wire type shares: the base Struct, the value types, the limits, the error body and the codec."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

API_PREFIX = "/api/v1"

Difficulty = Literal["beginner", "intermediate", "advanced"]
SortOrder = Literal["relevance", "popular", "newest", "rating"]
# text/exercise: Markdown bodies (generated demo courses). Imported courses use the others: page (sanitized
# HTML), file (an attachment), link (a web address), video (a file in the package or a URL), quiz, discussion
# (its prompt, read-only) and external (LTI tools and anything that needs its home platform).
SectionType = Literal["text", "video", "quiz", "exercise", "page", "file", "link", "discussion", "external"]
EnrollmentStatus = Literal["active", "completed", "dropped"]
Role = Literal["learner", "author", "admin"]
AssetKind = Literal["image", "file", "video", "caption"]
QuestionKind = Literal["single", "multiple", "text", "numeric", "essay", "unsupported"]

MAX_PAGE_LIMIT = 100
MAX_QUERY_CHARS = 5_000
THUMBNAIL_WIDTHS = (160, 320, 640)
# A course's average rating is shown from this many ratings on: one or two votes say little.
MIN_RATINGS_SHOWN = 3

# An op id makes a write safe to replay (offline outbox, retries): the server applies it at most once.
OpId = Annotated[str, msgspec.Meta(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_\-]+$")]
Rating = Annotated[int, msgspec.Meta(ge=1, le=5)]
Seconds = Annotated[int, msgspec.Meta(ge=0, le=86_400)]


class Struct(msgspec.Struct, kw_only=True):
    """Base for wire types; unknown fields from a newer server are ignored when decoding."""


class ErrorBody(Struct, kw_only=True):
    status_code: int
    detail: str
    extra: dict[str, object] | list[object] | None = None


encoder = msgspec.json.Encoder()


def decoder[T](kind: type[T]) -> msgspec.json.Decoder[T]:
    """A reusable decoder for one wire type (decoders are cheap to call, not to build)."""
    return msgspec.json.Decoder(kind)
