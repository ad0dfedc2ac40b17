"""Run one sync of an outbox against a server, in its own process (the SIGKILL test runs this).

Usage: python -m tests.offline.sync_once BASE_URL TOKEN OUTBOX_PATH USER_ID
Prints one line per applied entry so the parent can tell how far it got.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import httpx

from lms_desktop.client.offline.outbox import Outbox
from lms_desktop.client.offline.sync import Syncer
from lms_desktop.client.offline.wire import HttpSender


async def main(base_url: str, token: str, path: Path, user_id: int) -> int:
    outbox = Outbox(path)
    async with httpx.AsyncClient(base_url=base_url, timeout=30.0) as http:
        syncer = Syncer(outbox, HttpSender(http, lambda: token))
        outbox.on_change(lambda: print("changed", outbox.counts(user_id).pending, flush=True))
        report = await syncer.sync(user_id)
    outbox.close()
    print("report", report.sent, report.remaining, report.stopped, flush=True)
    return 0 if report.stopped is None else 1


if __name__ == "__main__":
    base, token, path, uid = sys.argv[1:5]
    sys.exit(asyncio.run(main(base, token, Path(path), int(uid))))
