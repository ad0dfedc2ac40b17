"""The app's client in its own process: sign in, which replays the outbox, and report (the SIGKILL test).

Usage: python -m tests.offline.sync_once BASE_URL USERNAME PASSWORD OFFLINE_DIR CACHE_DIR
Exit status 0 when the outbox was drained.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from lms_desktop.client import ClientConfig, MemoryTokenStore
from lms_desktop.client.offline.layer import offline_client


async def main(base_url: str, username: str, password: str, offline_dir: Path, cache_dir: Path) -> int:
    config = ClientConfig(
        base_url=base_url, cache_dir=cache_dir, token_store=MemoryTokenStore(), timeout_s=30
    )
    client = offline_client(config, offline_dir=offline_dir)
    try:
        await client.sign_in(username, password)  # signing in starts the sync of what waits
        await client.settle()
        report = client.offline.syncer.last_report
        print("report", report, flush=True)
        return 0 if report is not None and report.stopped is None and report.remaining == 0 else 1
    finally:
        await client.aclose()


if __name__ == "__main__":
    base, user, password, offline, cache = sys.argv[1:6]
    sys.exit(asyncio.run(main(base, user, password, Path(offline), Path(cache))))
