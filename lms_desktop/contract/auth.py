"""Signing in: the token request and answer, and who the caller is."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec

from lms_desktop.contract.base import Role, Struct


class TokenRequest(Struct, kw_only=True):
    username: Annotated[str, msgspec.Meta(min_length=1, max_length=150)]
    password: Annotated[str, msgspec.Meta(min_length=1, max_length=1024)]


class TokenResponse(Struct, kw_only=True):
    access_token: str
    token_type: str = "bearer"
    expires_at: datetime


class User(Struct, kw_only=True):
    id: int
    username: str
    display_name: str
    role: Role = "learner"
