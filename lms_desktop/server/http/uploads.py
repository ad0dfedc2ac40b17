"""A multipart upload streamed to a file: the request body is parsed as it arrives and the `package`
part written in chunks, so a large course never sits in memory; past the size cap the upload stops."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import IO, Any

from litestar import Request
from litestar.exceptions import ClientException, HTTPException
from multipart import MultipartSegment, ParserError, PushMultipartParser


class TooLarge(HTTPException):
    status_code = 413


def _boundary(request: Request[Any, Any, Any]) -> str:
    content_type = request.headers.get("content-type", "")
    kind, _, params = content_type.partition(";")
    if kind.strip().lower() != "multipart/form-data":
        raise ClientException("send the package as multipart/form-data (field `package`)")
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "boundary" and value:
            return value.strip('"')
    raise ClientException("multipart body without a boundary")


def _new_file(folder: Path) -> IO[bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    return tempfile.NamedTemporaryFile(dir=folder, prefix="upload-", suffix=".pkg", delete=False)


def _discard(path: Path) -> None:
    path.unlink(missing_ok=True)


async def receive_package(request: Request[Any, Any, Any], folder: Path, max_bytes: int) -> tuple[Path, str]:
    """(the file holding the `package` part, its file name). The caller removes the file."""
    boundary = _boundary(request)
    handle = _new_file(folder)
    path = Path(handle.name)
    name = ""
    found = False
    writing = False
    written = 0
    try:
        with handle, PushMultipartParser(boundary, max_segment_count=16) as parser:
            async for chunk in request.stream():
                for event in parser.parse(chunk):
                    if isinstance(event, MultipartSegment):
                        writing = event.name == "package" and not found
                        found = found or writing
                        name = event.filename or name if writing else name
                    elif event is None:
                        writing = False
                    elif writing:
                        written += len(event)
                        if written > max_bytes:
                            raise TooLarge(detail=f"package over {max_bytes // (1024 * 1024)} MB")
                        handle.write(event)
            for _ in parser.parse(b""):
                pass
    except ParserError as exc:
        _discard(path)
        raise ClientException(f"malformed multipart body ({exc})") from None
    except BaseException:
        _discard(path)
        raise
    if not found:
        _discard(path)
        raise ClientException("no `package` field in the upload")
    return path, name
