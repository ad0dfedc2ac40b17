"""A bound on how deeply a request's JSON nests, checked before anything decodes it.

msgspec decodes nested arrays recursively: a body of 2,000 `[` (4 KB, far under the size limit) ran out of
stack (RecursionError, a 500 with a traceback) on every JSON endpoint. No request of this API nests more
than three levels, so a body nesting deeper than MAX_JSON_DEPTH is refused with 400 before decoding.
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import Any

from litestar import Request
from litestar.exceptions import ClientException

MAX_JSON_DEPTH = 32
_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)  # brackets inside strings do not nest
_BRACKETS = re.compile(rb"[\[\]{}]")
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def nesting_depth(body: bytes) -> int:
    """The deepest nesting of arrays and objects in `body` (read as JSON; garbage gives some number)."""
    if body.count(b"[") + body.count(b"{") <= MAX_JSON_DEPTH:  # the usual body: no scan needed
        return body.count(b"[") + body.count(b"{")
    brackets = _BRACKETS.findall(_STRINGS.sub(b"", body))
    return max(accumulate(_STEP[b[0]] for b in brackets), default=0)


async def refuse_deep_json(request: Request[Any, Any, Any]) -> None:
    """Litestar's `before_request` hook: it runs before the handler's body is decoded (the body read
    here is kept for that decoding, and the size limit applies as usual)."""
    if request.method not in _BODY_METHODS:
        return
    body = await request.body()
    if body and nesting_depth(body) > MAX_JSON_DEPTH:
        raise ClientException(f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
