"""The one description of a failure: shown to the learner (translated by the UI) and kept with a refused
queued change (with its HTTP status)."""

from __future__ import annotations

import httpx

from lms_desktop.client import ApiError, AuthRequired, OfflineError, describe_error
from lms_desktop.client.errors import AnswerTooLarge, error_from_response, status_of


def test_fixed_phrases_for_offline_and_signed_out() -> None:
    assert describe_error(OfflineError()) == "you are offline"
    assert describe_error(AuthRequired("Session expired.")) == "please sign in again"
    assert describe_error(OfflineError(), with_status=True) == "you are offline"


def test_the_servers_message_passes_through_without_its_stop() -> None:
    refused = error_from_response(409, b'{"status_code": 409, "detail": "No attempts left."}')
    assert describe_error(refused) == "No attempts left"
    assert describe_error(refused, with_status=True) == "409: No attempts left"
    assert describe_error(AnswerTooLarge(2**20, "a course page")).startswith("The server's answer was larger")


def test_other_failures_say_what_they_are() -> None:
    assert describe_error(ValueError("bad number")) == "bad number"
    assert describe_error(RuntimeError()) == "RuntimeError"
    request = httpx.Request("GET", "http://127.0.0.1/")
    failed = httpx.HTTPStatusError("boom", request=request, response=httpx.Response(503, request=request))
    assert status_of(failed) == 503 and describe_error(failed, with_status=True) == "503: boom"
    assert describe_error(ApiError(404, "404 page"), with_status=True) == "404 page"
