"""Where LMS Desktop keeps its files on this computer: the one place that asks the platform.

The app, the built-in server, the offline layer, the HTTP cache and the saved sign-in all take their
folders from here, so they agree on every platform. `appauthor=False`: on Windows the data lives in
`%LOCALAPPDATA%\\lms-desktop`, not `%LOCALAPPDATA%\\lms-desktop\\lms-desktop`.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_DIR_NAME = "lms-desktop"


def data_dir() -> Path:
    """Durable data: the built-in server's database and covers, downloads, the outbox."""
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def cache_dir() -> Path:
    """What can be fetched again: the HTTP cache."""
    return Path(platformdirs.user_cache_dir(APP_DIR_NAME, appauthor=False))


def config_dir() -> Path:
    """Small settings files: the saved sign-in where no OS keyring exists."""
    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))


def log_dir() -> Path:
    """The rotating log and crash file, where a learner's problem leaves a trace."""
    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))
