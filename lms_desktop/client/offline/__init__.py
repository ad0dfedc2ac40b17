"""Offline-first learning: a durable outbox of the learner's writes replayed idempotently, courses
downloaded into the pinned cache: the offline layer the app plugs into its LmsClient (``offline_client``).

Conflict rules (``ops``): completion is monotonic (earliest completed_at wins); time spent is a per-op delta
applied once per op_id; enrollment and rating go to the latest client_timestamp. No Qt in here.
"""

from lms_desktop.client.offline.downloads import DownloadCancelled, DownloadError, DownloadProgress
from lms_desktop.client.offline.layer import OfflineLayer, OfflineStatus, offline_client
from lms_desktop.client.offline.manifest import DownloadedCourse
from lms_desktop.client.offline.outbox import OutboxEntry

__all__ = [
    "DownloadCancelled",
    "DownloadError",
    "DownloadProgress",
    "DownloadedCourse",
    "OfflineLayer",
    "OfflineStatus",
    "OutboxEntry",
    "offline_client",
]
