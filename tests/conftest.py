"""Test configuration shared by every suite: offscreen Qt, and the fixture modules each area owns."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR_ROUNDING_POLICY", "PassThrough")
# Never let a test touch the real user's keyring, config or caches.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

pytest_plugins = [
    "tests.fixtures.services",  # PostgreSQL / Redis availability (skip locally, required on CI)
    "tests.fixtures.servers",  # the real bundled server on an ephemeral loopback port
]
