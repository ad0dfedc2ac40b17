"""OpenAPI description: bearer security scheme and the schema served at /openapi.json."""

from __future__ import annotations

from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import Components, SecurityScheme

from lms_desktop import __version__

BEARER_SECURITY: list[dict[str, list[str]]] = [{"BearerAuth": []}]


def openapi_config() -> OpenAPIConfig:
    return OpenAPIConfig(
        title="LMS Desktop server",
        version=__version__,
        description="The bundled learning-management server that LMS Desktop talks to.",
        components=Components(
            security_schemes={
                "BearerAuth": SecurityScheme(type="http", scheme="bearer", description="POST /auth/token")
            }
        ),
        path="/schema",
        render_plugins=[],
    )
