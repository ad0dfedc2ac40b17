"""Reading a server's answer with a size cap per kind, counted after decompression.

A hostile or broken server must not be able to take the app's memory or hold a call forever: a gzip bomb
(1 MB that inflates to gigabytes), a 10 GB ``Content-Length`` or an endless chunked body. So the body is
streamed, decompressed here with a bounded output per step (``zlib``'s ``max_length``), and counted; the read
stops as soon as the count passes the cap for its kind, and the answer is refused whole (never cached, never
half-used). A declared ``Content-Length`` over the cap is refused before the first body byte.

Only the encodings the client asks for (``Accept-Encoding: gzip, deflate``) are accepted; anything else is
refused rather than passed on undecoded.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

import httpx

from lms_desktop.client.errors import AnswerTooLarge, BadAnswer

BodyKind = Literal["json", "image", "download"]
ACCEPT_ENCODING = "gzip, deflate"
STEP_BYTES = 64 * 1024  # most bytes one decompression step may produce
MiB = 2**20


@dataclass(frozen=True)
class BodyLimit:
    max_bytes: int  # decompressed bytes
    deadline_s: float  # the whole request: connect, every retry, headers and body


@dataclass(frozen=True)
class ResponseLimits:
    """Caps per kind of answer. The largest real JSON answer (a 100-card listing, a long section) is well
    under 1 MiB and a cover image a few hundred KiB; downloads (course assets kept offline) may be large."""

    json: BodyLimit = BodyLimit(8 * MiB, 30.0)
    image: BodyLimit = BodyLimit(16 * MiB, 30.0)
    download: BodyLimit = BodyLimit(2048 * MiB, 3600.0)

    def of(self, kind: BodyKind) -> BodyLimit:
        return self.json if kind == "json" else self.image if kind == "image" else self.download


class _Inflater:
    """One content coding, decompressed in steps of at most STEP_BYTES of output."""

    def __init__(self, coding: str) -> None:
        self.coding = coding
        # gzip: a gzip header; deflate: zlib-wrapped (RFC 9110), or raw deflate from servers that get it wrong
        self._z = zlib.decompressobj(16 + zlib.MAX_WBITS if coding in ("gzip", "x-gzip") else zlib.MAX_WBITS)
        self._raw_fallback = coding == "deflate"
        self._started = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The decoded pieces of `data`, produced lazily: the reader stops pulling once past its cap."""
        try:
            if self._raw_fallback and not self._started and data:
                self._started = True
                try:
                    first = self._z.decompress(data, STEP_BYTES)
                except zlib.error:
                    self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                    first = self._z.decompress(data, STEP_BYTES)
            else:
                first = self._z.decompress(data, STEP_BYTES)
            yield first
            while self._z.unconsumed_tail:
                yield self._z.decompress(self._z.unconsumed_tail, STEP_BYTES)
        except zlib.error as exc:
            raise BadAnswer(502, f"The server's answer could not be decoded ({self.coding}: {exc}).") from exc

    def finish(self) -> Iterator[bytes]:
        """What zlib still holds once the input has ended (at most its window: bounded)."""
        yield self._z.flush()


def _coding(response: httpx.Response) -> str | None:
    """The one content coding to undo (None: identity). Stacked or unknown codings are refused."""
    codings = [
        c.strip().lower()
        for c in response.headers.get("content-encoding", "").split(",")
        if c.strip() and c.strip().lower() != "identity"
    ]
    if not codings:
        return None
    if len(codings) > 1 or codings[0] not in ("gzip", "x-gzip", "deflate"):
        raise BadAnswer(502, f"The server's answer uses an encoding this app does not accept: {codings}.")
    return codings[0]


def _too_large(limit: BodyLimit, kind: BodyKind) -> AnswerTooLarge:
    return AnswerTooLarge(limit.max_bytes, kind)


async def read_capped(
    response: httpx.Response,
    limit: BodyLimit,
    kind: BodyKind,
    sink: Callable[[bytes], None] | None = None,
) -> bytes:
    """The decoded body, or AnswerTooLarge once it passes the cap. With `sink`, the body goes there piece
    by piece (a download to a file) and b"" is returned. The caller closes the response."""
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > limit.max_bytes:
        raise _too_large(limit, kind)
    if response.is_stream_consumed:  # already read by a wrapping transport (test fault injectors)
        body = response.content
        if len(body) > limit.max_bytes:
            raise _too_large(limit, kind)
        if sink is not None:
            sink(body)
            return b""
        return body
    coding = _coding(response)
    inflater = _Inflater(coding) if coding is not None else None
    parts: list[bytes] = []
    total = 0

    def take(pieces: Iterable[bytes]) -> None:
        nonlocal total
        for piece in pieces:
            total += len(piece)
            if total > limit.max_bytes:
                raise _too_large(limit, kind)
            if piece and sink is not None:
                sink(piece)
            elif piece:
                parts.append(piece)

    chunks = response.aiter_raw()
    try:
        async for raw in chunks:
            take(inflater.feed(raw) if inflater is not None else (raw,))
    finally:
        # Stopping early leaves httpx's and httpcore's stream generators suspended. Close the stream here,
        # on the loop, before they are dropped: a loop without asyncgen hooks (qasync) would otherwise
        # finalize them synchronously, and their cleanup, which awaits, would fail.
        await response.aclose()
        close = getattr(chunks, "aclose", None)  # an async generator (typed as a plain iterator)
        if close is not None:
            await close()
    if inflater is not None:
        take(inflater.finish())
    return b"".join(parts)


def decoded_response(response: httpx.Response, body: bytes) -> httpx.Response:
    """The answer as if read whole: same status and headers, minus the ones that described the wire form."""
    headers = [
        (k, v)
        for k, v in response.headers.multi_items()
        if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")
    ]
    return httpx.Response(
        response.status_code,
        headers=headers,
        content=body,
        request=response.request,
        extensions=response.extensions,
    )
