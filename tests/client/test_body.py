"""Reading a body within its cap: the content codings the client asks for are undone with a bounded output,
and anything else is refused rather than passed on undecoded. (The hostile-server tests in
tests/trust/test_faults_client_answers.py cover the same code over a real socket.)"""

from __future__ import annotations

import gzip
import zlib

import httpx
import pytest

from lms_desktop.client.body import BodyLimit, read_capped
from lms_desktop.client.errors import AnswerTooLarge, BadAnswer

TEXT = b'{"items": [], "total": 0}' * 200
LIMIT = BodyLimit(64 * 1024, 5.0)


def answer(body: bytes, encoding: str | None = None) -> httpx.Response:
    headers = {"Content-Encoding": encoding} if encoding else {}
    return httpx.Response(200, headers=headers, stream=httpx.ByteStream(body))


def raw_deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


@pytest.mark.parametrize(
    ("encoding", "wire"),
    [
        (None, TEXT),
        ("identity", TEXT),
        ("gzip", gzip.compress(TEXT)),
        ("x-gzip", gzip.compress(TEXT)),
        ("deflate", zlib.compress(TEXT)),  # RFC 9110: zlib-wrapped
        ("deflate", raw_deflate(TEXT)),  # what some servers send instead
    ],
)
async def test_accepted_codings_are_undone(encoding: str | None, wire: bytes) -> None:
    assert await read_capped(answer(wire, encoding), LIMIT, "json") == TEXT


@pytest.mark.parametrize("encoding", ["br", "zstd", "gzip, gzip", "compress"])
async def test_other_codings_are_refused(encoding: str) -> None:
    with pytest.raises(BadAnswer, match="encoding this app does not accept"):
        await read_capped(answer(b"whatever", encoding), LIMIT, "json")


async def test_a_damaged_gzip_body_is_a_bad_answer() -> None:
    wire = bytearray(gzip.compress(TEXT))
    wire[12:20] = b"\xff" * 8
    with pytest.raises(BadAnswer, match="could not be decoded"):
        await read_capped(answer(bytes(wire), "gzip"), LIMIT, "json")


async def test_the_cap_counts_decoded_bytes_and_the_sink_gets_them() -> None:
    small_on_the_wire = gzip.compress(b"\0" * (LIMIT.max_bytes + 1))
    assert len(small_on_the_wire) < LIMIT.max_bytes
    with pytest.raises(AnswerTooLarge):
        await read_capped(answer(small_on_the_wire, "gzip"), LIMIT, "json")
    pieces: list[bytes] = []
    assert await read_capped(answer(gzip.compress(TEXT), "gzip"), LIMIT, "download", pieces.append) == b""
    assert b"".join(pieces) == TEXT
