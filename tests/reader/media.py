"""A tiny video made in the test (MJPEG frames in an AVI container, written by hand: no encoder needed),
and caption files for it. FFmpeg, which QtMultimedia plays through, decodes MJPEG/AVI everywhere."""

from __future__ import annotations

import io
import struct

from PIL import Image

CLIP_SECONDS = 6
CLIP_FPS = 10
CLIP_SIZE = (96, 64)

VTT = """WEBVTT

00:00.000 --> 00:03.000
Hello from the captions

00:03.000 --> 00:06.000
Second caption line
"""

SRT = "1\n00:00:00,000 --> 00:00:06,000\nBonjour des sous-titres\n"


def _chunk(tag: bytes, data: bytes) -> bytes:
    return tag + struct.pack("<I", len(data)) + data + (b"\0" if len(data) % 2 else b"")


def _list(kind: bytes, data: bytes) -> bytes:
    return b"LIST" + struct.pack("<I", len(data) + 4) + kind + data


def mjpeg_avi(frames: list[bytes], width: int, height: int, fps: int) -> bytes:
    n = len(frames)
    avih = struct.pack("<IIIIIIIIII4I", 1_000_000 // fps, 0, 0, 0x10, n, 0, 1, 0, width, height, 0, 0, 0, 0)
    strh = b"vidsMJPG" + struct.pack(
        "<IHHIIIIIIIIhhhh", 0, 0, 0, 0, 1, fps, 0, n, 0, 0xFFFFFFFF, 0, 0, 0, width, height
    )
    strf = struct.pack("<IiiHH4sIiiII", 40, width, height, 1, 24, b"MJPG", width * height * 3, 0, 0, 0, 0)
    header = _list(
        b"hdrl", _chunk(b"avih", avih) + _list(b"strl", _chunk(b"strh", strh) + _chunk(b"strf", strf))
    )
    movi, index, offset = b"", b"", 4
    for frame in frames:
        chunk = _chunk(b"00dc", frame)
        index += b"00dc" + struct.pack("<III", 0x10, offset, len(frame))
        movi += chunk
        offset += len(chunk)
    body = b"AVI " + header + _list(b"movi", movi) + _chunk(b"idx1", index)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def clip() -> bytes:
    frames = []
    for i in range(CLIP_SECONDS * CLIP_FPS):
        image = Image.new("RGB", CLIP_SIZE, ((i * 9) % 256, 120, 200 - (i * 3) % 200))
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=70)
        frames.append(buffer.getvalue())
    return mjpeg_avi(frames, *CLIP_SIZE, CLIP_FPS)
