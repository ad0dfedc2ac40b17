"""Property-based fuzzing of the whole API from its own OpenAPI schema (schemathesis), signed in as the demo
learner: no 5xx, and every answer fits its documented status codes, content type and schema.

Bounded and repeatable: derandomized Hypothesis (fixed seed), a few examples per operation, no shrinking.
Sign-out is left out (it would revoke the token the rest of the run uses; it is covered by the security
tests), everything else, writes included, is fuzzed on the module's own server.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.trust.serverproc import ServerProcess

OPENAPI_PATHS = ("/openapi.json", "/schema/openapi.json", "/api/v1/openapi.json")
EXAMPLES_PER_OPERATION = 25
CHECKS: list[Callable[..., Any]] = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def openapi_url(base_url: str) -> str:
    with httpx.Client(timeout=30) as client:
        for path in OPENAPI_PATHS:
            response = client.get(base_url + path)
            if response.status_code == 200 and response.json().get("openapi"):
                return base_url + path
    raise AssertionError(f"no OpenAPI document at any of {OPENAPI_PATHS}")


@pytest.fixture(scope="module")
def demo_token(sqlite_server: ServerProcess) -> str:
    with httpx.Client(timeout=30) as client:
        response = client.post(
            f"{sqlite_server.api}/auth/token", json={"username": "demo", "password": "demo"}
        )
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


@pytest.fixture(scope="module")
def api_schema(sqlite_server: ServerProcess, demo_token: str) -> Any:
    schema = schemathesis.openapi.from_url(openapi_url(sqlite_server.base_url), timeout=30)
    schema.config.update(
        base_url=sqlite_server.base_url,
        headers={"Authorization": f"Bearer {demo_token}"},
        request_timeout=30,
    )
    schema.config.generation.update(max_examples=EXAMPLES_PER_OPERATION, deterministic=True, no_shrink=True)
    return schema


schema = schemathesis.pytest.from_fixture("api_schema").exclude(method="DELETE", path_regex=r"/auth/token$")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_api_survives_fuzzing(case: Any) -> None:
    case.call_and_validate(checks=CHECKS)


def test_schema_covers_the_per_user_endpoints(sqlite_server: ServerProcess) -> None:
    """Sanity for the fuzzer's reach: the schema documents the per-user endpoints it must exercise."""
    with httpx.Client(timeout=30) as client:
        document = client.get(openapi_url(sqlite_server.base_url)).json()
    paths = {path.rstrip("/") for path in document["paths"]}
    for path in (
        "/api/v1/me",
        "/api/v1/dashboard",
        "/api/v1/courses",
        "/api/v1/courses/{course_id}",
        "/api/v1/courses/{course_id}/content",
        "/api/v1/courses/{course_id}/enrollment",
        "/api/v1/courses/{course_id}/rating",
        "/api/v1/sections/{section_id}",
        "/api/v1/auth/token",
    ):
        assert path in paths or path.replace("{course_id}", "{id}") in paths, f"{path} not documented"
