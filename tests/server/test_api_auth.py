"""Sign-in, token expiry and revocation, and the sign-in throttle, through HTTP on SQLite and PostgreSQL."""

from __future__ import annotations

import logging
from datetime import timedelta

import httpx
import pytest

from lms_desktop.contract import TokenResponse, User, decoder
from lms_desktop.server.embedded import EmbeddedServer
from tests.fixtures.servers import ServerFactory, auth, demo_token, new_learner

# One keep-alive client per module: a client per call would rebuild its TLS context every time.
http = httpx.Client(timeout=30)


def test_demo_signs_in_and_me_returns_the_demo_learner(api_server: EmbeddedServer) -> None:
    r = http.post(f"{api_server.api_url}/auth/token", json={"username": "demo", "password": "demo"})
    assert r.status_code == 200
    token = decoder(TokenResponse).decode(r.content)
    assert token.token_type == "bearer" and len(token.access_token) >= 32
    assert token.expires_at.tzinfo is not None
    assert r.headers["cache-control"] == "no-store"
    me = http.get(f"{api_server.api_url}/me", headers=auth(token.access_token))
    assert me.status_code == 200
    user = decoder(User).decode(me.content)
    assert user.username == "demo"
    assert me.headers["vary"] == "Authorization"
    assert "private" in me.headers["cache-control"]


def test_wrong_password_and_unknown_user_are_401_with_a_message(api_server: EmbeddedServer) -> None:
    _, name, _ = new_learner(api_server)
    for body in ({"username": name, "password": "wrong"}, {"username": "nobody-here", "password": "x"}):
        r = http.post(f"{api_server.api_url}/auth/token", json=body)
        assert r.status_code == 401
        assert r.json()["detail"] == "wrong username or password"
        assert "access_token" not in r.text


def test_malformed_sign_in_bodies_are_4xx(api_server: EmbeddedServer) -> None:
    url = f"{api_server.api_url}/auth/token"
    bad = [
        http.post(url, content=b"{not json", headers={"content-type": "application/json"}),
        http.post(url, json={"username": "demo"}),
        http.post(url, json={"username": "", "password": "x"}),
        http.post(url, json={"username": 5, "password": "x"}),
        http.post(url, json=["demo", "demo"]),
    ]
    for r in bad:
        assert 400 <= r.status_code < 500, r.text
        assert r.json()["detail"]


def test_missing_malformed_and_unknown_tokens_are_401(api_server: EmbeddedServer) -> None:
    url = f"{api_server.api_url}/me"
    for headers in (
        {},
        {"Authorization": "Basic ZGVtbzpkZW1v"},
        {"Authorization": "Bearer"},
        auth("not-a-real-token"),
        auth("x" * 5000),
    ):
        r = http.get(url, headers=headers)
        assert r.status_code == 401
        assert r.headers["www-authenticate"].startswith("Bearer")
        assert r.json()["status_code"] == 401


def test_revoked_token_stops_working_and_others_keep_working(api_server: EmbeddedServer) -> None:
    _, name, first = new_learner(api_server)
    second = demo_token(api_server.base_url, name, "correct horse")
    assert http.get(f"{api_server.api_url}/me", headers=auth(first)).status_code == 200
    r = http.delete(f"{api_server.api_url}/auth/token", headers=auth(first))
    assert r.status_code == 204
    assert http.get(f"{api_server.api_url}/me", headers=auth(first)).status_code == 401
    assert http.delete(f"{api_server.api_url}/auth/token", headers=auth(first)).status_code == 401
    assert http.get(f"{api_server.api_url}/me", headers=auth(second)).status_code == 200


def test_expired_token_is_401(api_server: EmbeddedServer) -> None:
    from lms_desktop.server.db.queries import tokens

    user_id, _, _ = new_learner(api_server)
    assert api_server.database is not None
    with api_server.database.write() as conn:
        expired, _ = tokens.issue(conn, user_id, timedelta(seconds=-1))
    r = http.get(f"{api_server.api_url}/dashboard", headers=auth(expired))
    assert r.status_code == 401
    assert "expired" in r.json()["detail"]


def test_sign_in_is_throttled_per_account(db_url: str, server_factory: ServerFactory) -> None:
    server = server_factory(db_url, seed_courses=None)  # fresh throttle state on the module's database
    _, name, _ = new_learner(server)
    url = f"{server.api_url}/auth/token"
    for _ in range(5):
        assert http.post(url, json={"username": name, "password": "nope"}).status_code == 401
    r = http.post(url, json={"username": name, "password": "correct horse"})
    assert r.status_code == 429  # even the right password waits: the account is under attack
    assert 1 <= int(r.headers["retry-after"]) <= 60
    assert "try again" in r.json()["detail"]
    # another account from the same address is not locked out by this one
    _, other, _ = new_learner(server)
    ok = http.post(url, json={"username": other, "password": "correct horse"})
    assert ok.status_code == 200


def test_sign_in_is_throttled_per_address(db_url: str, server_factory: ServerFactory) -> None:
    server = server_factory(db_url, seed_courses=None)
    url = f"{server.api_url}/auth/token"
    throttle = server.app.state["lms"].throttle
    assert throttle.allowed_per_address == server.settings.login_failures_per_address == 20
    limit = throttle.allowed_per_address = 6  # the mechanism, not the number: keep the test short
    for i in range(limit):  # a spray over many names, each failing once
        r = http.post(url, json={"username": f"spray{i}", "password": "x"})
        assert r.status_code == 401
    r = http.post(url, json={"username": "demo", "password": "demo"})
    assert r.status_code == 429
    assert int(r.headers["retry-after"]) >= 1


def test_no_password_or_token_in_server_logs(
    db_url: str, server_factory: ServerFactory, caplog: pytest.LogCaptureFixture
) -> None:
    server = server_factory(db_url, seed_courses=None, access_log=True)
    secret = "s3cret-Password-42"
    with caplog.at_level(logging.DEBUG):
        _, name, _ = new_learner(server, password=secret)
        token = demo_token(server.base_url, name, secret)
        http.get(f"{server.api_url}/me", headers=auth(token))
        http.post(f"{server.api_url}/auth/token", json={"username": name, "password": secret + "x"})
        http.get(f"{server.api_url}/dashboard", headers=auth(token + "tampered"))
        http.delete(f"{server.api_url}/auth/token", headers=auth(token))
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "/api/v1/auth/token 401" in text  # the access log did record these requests
    assert secret not in text
    assert token not in text
