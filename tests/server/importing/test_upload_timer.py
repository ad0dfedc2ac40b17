"""A package upload may take longer than the body timeout in total: its timer restarts with every piece
(a stalled upload still gets 408), while other requests keep their total body deadline."""

from __future__ import annotations

import socket
import time
from pathlib import Path

from lms_desktop.server.db.queries import tokens, users
from lms_desktop.server.embedded import EmbeddedServer

BODY_S = 1.0


def _post_dripped(port: int, path: str, headers: str, body: bytes, pause: float) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}Content-Length: {len(body)}\r\n\r\n"
        sock.sendall(head.encode())
        for start in range(0, len(body), 64):
            try:
                sock.sendall(body[start : start + 64])
            except OSError:
                break
            time.sleep(pause)  # a slow uploader's pace is the point here, not a wait for anything
        data = b""
        while chunk := sock.recv(4096):
            data += chunk
            if b"\r\n\r\n" in data:
                break
        return data


def test_upload_timer_restarts_with_every_piece(tmp_path: Path) -> None:
    server = EmbeddedServer(None, data_dir=tmp_path)
    server.settings = server.settings.with_(body_timeout_s=BODY_S)
    with server.start():
        assert server.database is not None
        with server.database.write() as conn:
            author = users.create_user(conn, "author", "pw-123456", role="author")
            token, _ = tokens.issue(conn, author.id, server.settings.token_ttl)
        boundary = "XyZ"
        body = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="package"; filename="x.zip"\r\n\r\n'
            + "not a zip " * 40
            + f"\r\n--{boundary}--\r\n"
        ).encode()
        multipart = (
            f"Authorization: Bearer {token}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\n"
        )
        started = time.monotonic()
        answer = _post_dripped(server.port, "/api/v1/admin/imports", multipart, body, 0.3)
        assert time.monotonic() - started > 2 * BODY_S  # longer than the body timeout in total
        assert answer.startswith(b"HTTP/1.1 422 "), answer[:200]
        json_body = b'{"username": "demo", "password": "' + b"x" * 600 + b'"}'
        other = _post_dripped(
            server.port, "/api/v1/auth/token", "Content-Type: application/json\r\n", json_body, 0.3
        )
        assert other.startswith(b"HTTP/1.1 408 "), other[:200]
