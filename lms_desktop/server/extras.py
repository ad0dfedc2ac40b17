"""Optional drivers: PostgreSQL (`lms-desktop[postgres]`) and Redis (`lms-desktop[redis]`).

The desktop app and a plain `lms-server` run on SQLite without either. Asking for one that is not installed
stops with a message naming the extra to install, not an ImportError from deep inside SQLAlchemy or the cache.
"""

from __future__ import annotations

import importlib


class MissingExtra(RuntimeError):
    """A feature was asked for whose optional dependency is not installed."""


def require(module: str, extra: str, feature: str) -> None:
    """Import `module` or raise MissingExtra telling how to install `lms-desktop[extra]`."""
    try:
        importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtra(
            f"{feature} needs the {module!r} package, which is not installed: "
            f"install it with `pip install 'lms-desktop[{extra}]'`"
        ) from exc
