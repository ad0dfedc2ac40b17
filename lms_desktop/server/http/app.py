"""The app factory. `create_app` for in-process use (tests, the embedded server, one worker);
`create_app_from_env` for uvicorn's multi-worker mode, which can only import a factory by name."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from datetime import timedelta
from typing import TYPE_CHECKING

from litestar import Litestar, Router

from lms_desktop.contract import API_PREFIX
from lms_desktop.server import housekeeping
from lms_desktop.server.config import Settings
from lms_desktop.server.db.held import HeldConnection
from lms_desktop.server.db.lookups import Lookups
from lms_desktop.server.db.writer import writer_for
from lms_desktop.server.health import HealthProbe
from lms_desktop.server.hotcache import HotCache
from lms_desktop.server.http import drain, server_timing
from lms_desktop.server.http.connection_limits import DEFAULT as DEFAULT_CONNECTION_LIMITS
from lms_desktop.server.http.connection_limits import ConnectionLimits
from lms_desktop.server.http.errors import exception_handlers
from lms_desktop.server.http.instance import database_instance_id
from lms_desktop.server.http.json_depth import refuse_deep_json
from lms_desktop.server.http.middleware import timing_middleware_factory
from lms_desktop.server.http.openapi import openapi_config
from lms_desktop.server.http.revalidate import Revalidator
from lms_desktop.server.http.routes import admin, assets, auth, courses, images, learner, ops, quiz
from lms_desktop.server.http.state import ServerState
from lms_desktop.server.http.throttle import LoginThrottle
from lms_desktop.server.http.verify_gate import VerifyGate
from lms_desktop.server.metrics import MetricsRegistry

if TYPE_CHECKING:
    from litestar.types import HTTPScope, LifeSpanReceive, LifeSpanScope, LifeSpanSend, Receive, Scope, Send

    from lms_desktop.server.db.engine import Database

log = logging.getLogger("lms.server")
LOG_FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"

API_HANDLERS = [
    auth.issue_token,
    auth.revoke_token,
    auth.me,
    courses.list_courses,
    courses.get_course,
    courses.get_content,
    courses.get_section,
    learner.enroll,
    learner.unenroll,
    learner.put_progress,
    learner.put_rating,
    learner.get_dashboard,
    quiz.submit_attempt,
    quiz.list_attempts,
    images.get_image,
    assets.get_asset,
    admin.import_course,
    admin.list_admin_courses,
    admin.publish_course,
    admin.unpublish_course,
    admin.delete_course,
    ops.health,
    ops.liveness,
    ops.metrics,
]


class LmsApp(Litestar):
    """Litestar with the revalidation front (`revalidate.py`) ahead of its routing."""

    revalidator: Revalidator | None = None
    server_timing: bool = False
    lms: ServerState | None = None
    connection_limits: ConnectionLimits = DEFAULT_CONNECTION_LIMITS  # for our HTTP protocol (`protocol.py`)

    async def __call__(
        self,
        scope: Scope | LifeSpanScope,
        receive: Receive | LifeSpanReceive,
        send: Send | LifeSpanSend,
    ) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        if self.lms is not None and self.lms.draining:
            send = drain.closing(send)  # type: ignore[arg-type]
        if self.server_timing:
            await server_timing.timed(self._serve, scope, receive, send)  # type: ignore[arg-type]
        else:
            await self._serve(scope, receive, send)  # type: ignore[arg-type]

    async def _serve(self, scope: HTTPScope, receive: Receive, send: Send) -> None:
        front = self.revalidator
        if front is not None and await front.answer(scope, send):
            return
        await super().__call__(scope, receive, send)


def build_state(settings: Settings, database: Database | None = None) -> ServerState:
    """Open what one process needs. Pass `database` to share an already-open one (it stays yours)."""
    from lms_desktop.server.db.engine import Database
    from lms_desktop.server.db.queries.covers import cover_in_use
    from lms_desktop.server.images import Thumbnails

    metrics = MetricsRegistry()
    namespace = "local"
    owns_db = database is None
    db = database or Database.open(
        settings.database_url,
        slow_query_ms=settings.slow_query_ms,
        on_slow_query=metrics.slow_query,
        bounded=True,
    )
    if settings.redis_url:
        namespace = f"db{database_instance_id(db)}"
    writer = writer_for(db)
    return ServerState(
        settings=settings,
        db=db,
        thumbnails=Thumbnails(settings.images_dir, in_use=functools.partial(cover_in_use, db)),
        cache=HotCache(
            settings.hot_cache_bytes,
            metrics=metrics,
            redis_url=settings.redis_url,
            redis_ttl_seconds=settings.redis_ttl_seconds,
            namespace=namespace,
        ),
        metrics=metrics,
        lookups=Lookups(db),
        held=HeldConnection(db),
        slow_held=HeldConnection(db),
        writer=writer,
        health=HealthProbe(db, writer.stats),
        throttle=LoginThrottle(
            settings.login_failures_allowed,
            settings.login_window_seconds,
            allowed_per_address=settings.login_failures_per_address,
            redis_url=settings.redis_url,
            namespace=namespace,
        ),
        verify_gate=VerifyGate(settings.sign_in_concurrency),
        owns_db=owns_db,
    )


def create_app(settings: Settings | None = None, *, state: ServerState | None = None) -> Litestar:
    settings = settings or (state.settings if state is not None else Settings())
    st = state or build_state(settings)

    upkeep: list[asyncio.Task[None]] = []

    async def on_startup() -> None:
        await st.cache.start()
        retention = timedelta(days=max(1, settings.op_retention_days))
        upkeep.append(asyncio.create_task(housekeeping.run(st, retention), name="lms-housekeeping"))
        log.info("serving %s (redis: %s)", st.db.dialect, "on" if settings.redis_url else "off")

    async def on_shutdown() -> None:
        for task in upkeep:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await st.cache.stop()
        await st.throttle.close()
        st.close()

    api = Router(path=API_PREFIX, route_handlers=API_HANDLERS)
    app = LmsApp(
        route_handlers=[api, ops.openapi_json, ops.prometheus_metrics],
        exception_handlers=exception_handlers(),
        middleware=[
            timing_middleware_factory(
                st.metrics,
                max_query_string_bytes=settings.max_query_string_bytes,
                log_requests=settings.access_log,
            )
        ],
        openapi_config=openapi_config(),
        request_max_body_size=settings.max_body_bytes,
        before_request=refuse_deep_json,
        on_startup=[on_startup],
        on_shutdown=[on_shutdown],
        logging_config=None,
        debug=False,
    )
    app.state["lms"] = st
    app.lms = st
    app.server_timing = settings.server_timing
    app.connection_limits = ConnectionLimits(
        header_s=settings.header_timeout_s,
        body_s=settings.body_timeout_s,
        per_address=settings.max_connections_per_address,
    )
    app.revalidator = Revalidator(
        st,
        max_query_string_bytes=settings.max_query_string_bytes,
        log_requests=settings.access_log,
    )
    return app


def create_app_from_env() -> Litestar:
    """Entry for `uvicorn --factory lms_desktop.server.http.app:create_app_from_env` (one per worker).

    A spawned worker starts with bare logging (uvicorn configures only its own loggers), so the access
    log and slow-query warnings get the same format as the parent's here."""
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    return create_app(Settings.from_env())
