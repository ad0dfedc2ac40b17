"""Client configuration and query value objects (frozen: they are used as cache-key inputs)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lms_desktop.client.body import ResponseLimits
from lms_desktop.contract import Difficulty, SortOrder

if TYPE_CHECKING:
    from lms_desktop.client.auth.token_store import TokenStore


@dataclass(frozen=True)
class ClientConfig:
    base_url: str  # e.g. "http://127.0.0.1:8123"
    cache_dir: Path | None = None  # default: dirs.cache_dir()/http (0700)
    disk_cache_bytes: int = 500 * 2**20
    memory_cache_bytes: int = 64 * 2**20
    timeout_s: float = 10.0
    token_store: TokenStore | None = None  # default: keyring, else a 0600 file in the user's config dir
    # Names the server in cache keys and the token store. Default: the base URL's origin. The launcher sets
    # it for the embedded server, whose port changes on every start, so its disk cache survives restarts.
    server_id: str | None = None
    # Offline probing: first retry after probe_initial_s, doubling up to probe_max_s.
    probe_initial_s: float = 0.5
    probe_max_s: float = 10.0
    # Extra attempts for idempotent requests on transport errors / 502 / 503 / 504.
    retries: int = 2
    # Size caps (decompressed) and total deadlines per kind of answer: JSON, images, downloads.
    limits: ResponseLimits = field(default_factory=ResponseLimits)


@dataclass(frozen=True)
class CourseQuery:
    q: str = ""
    difficulty: Difficulty | None = None
    max_hours: float | None = None
    sort: SortOrder = "relevance"
    page: int = 1
    limit: int = 50  # the UI pages by ~50 (the server caps at MAX_PAGE_LIMIT)

    def params(self) -> dict[str, str]:
        """Query parameters in a canonical form: empty filters are left out so equal queries share a key."""
        out: dict[str, str] = {}
        if self.q.strip():
            out["q"] = self.q
        if self.difficulty is not None:
            out["difficulty"] = self.difficulty
        if self.max_hours is not None:
            out["max_hours"] = format(self.max_hours, "g")
        out["sort"] = self.sort
        out["page"] = str(self.page)
        out["limit"] = str(self.limit)
        return out
