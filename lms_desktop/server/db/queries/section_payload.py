"""An imported section's payload for the wire: its HTML, URL, file, captions and the assets it needs.

`section_bodies.data` holds JSON per section type (a file's asset, a link's URL, a video's captions...);
the assets a page shows are found from the asset URLs in its HTML, then described from the `assets` table
with the name the course's package gave them.
"""

from __future__ import annotations

import json
import re
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lms_desktop.contract import API_PREFIX, Asset, AssetKind, Caption
from lms_desktop.server.db.schema import assets, course_assets

ASSET_URL_RE = re.compile(re.escape(f"{API_PREFIX}/assets/") + r"([0-9a-f]{64})")


def asset_url(sha256: str) -> str:
    return f"{API_PREFIX}/assets/{sha256}"


def _kind(content_type: str, role: AssetKind | None) -> AssetKind:
    if role is not None:
        return role
    if content_type.startswith("image/"):
        return "image"
    if content_type.startswith("video/"):
        return "video"
    return "file"


def _describe(conn: Connection, course_id: int, wanted: dict[str, AssetKind | None]) -> dict[str, Asset]:
    if not wanted:
        return {}
    found = conn.execute(
        sa.select(assets.c.sha256, assets.c.size, assets.c.content_type, course_assets.c.name)
        .select_from(
            assets.outerjoin(
                course_assets,
                sa.and_(course_assets.c.sha256 == assets.c.sha256, course_assets.c.course_id == course_id),
            )
        )
        .where(assets.c.sha256.in_(list(wanted)))
    ).all()
    return {
        r.sha256: Asset(
            url=asset_url(r.sha256),
            sha256=r.sha256,
            name=r.name or r.sha256,
            content_type=r.content_type,
            size=int(r.size),
            kind=_kind(r.content_type, wanted[r.sha256]),
        )
        for r in found
    }


def section_payload(
    conn: Connection, course_id: int, kind: str, html: str | None, data_json: str | None
) -> dict[str, Any]:
    """The Section fields beyond the outline's: body_html, url, provider, file, captions, assets."""
    data: dict[str, Any] = {}
    if data_json:
        try:
            loaded = json.loads(data_json)
            data = loaded if isinstance(loaded, dict) else {}
        except ValueError:
            data = {}
    wanted: dict[str, AssetKind | None] = {sha: None for sha in ASSET_URL_RE.findall(html or "")}
    main = data.get("asset") if isinstance(data.get("asset"), str) else None
    if main:
        wanted[main] = "video" if kind == "video" else "file"
    captions_data = [c for c in data.get("captions") or [] if isinstance(c, dict) and c.get("asset")]
    for cap in captions_data:
        wanted[str(cap["asset"])] = "caption"
    described = _describe(conn, course_id, wanted)
    captions = [
        Caption(
            language=str(cap.get("language") or "en"),
            label=str(cap.get("label") or cap.get("language") or "Captions"),
            url=asset_url(str(cap["asset"])),
            format="vtt" if cap.get("format") == "vtt" else "srt",
        )
        for cap in captions_data
        if str(cap["asset"]) in described
    ]
    url = data.get("url") if isinstance(data.get("url"), str) else None
    provider = data.get("provider") or data.get("platform")
    return {
        "body_html": html if html else None,
        "url": url,
        "provider": str(provider) if provider else None,
        "file": described.get(main) if main else None,
        "captions": captions,
        "assets": [described[sha] for sha in wanted if sha in described],
    }
