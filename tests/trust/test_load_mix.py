"""A short run of the learner load mix (the one bench_load.py runs for 20 s): every request succeeds, the
figures add up, and the generator refuses to point load anywhere but loopback."""

from __future__ import annotations

import uuid

import pytest

from tests.trust import learners as lrn
from tests.trust.loadgen import check_loopback, run_load
from tests.trust.serverproc import ServerProcess


@pytest.mark.parametrize("lean", [False, True], ids=["httpx", "lean"])
async def test_learner_mix_has_no_errors(sqlite_server: ServerProcess, lean: bool) -> None:
    learners = lrn.create_learners(sqlite_server.database_url, f"mix{uuid.uuid4().hex[:6]}_", 8)
    result = await run_load(
        sqlite_server.api, [learner.token for learner in learners], duration=3.0, learners=8, lean=lean
    )
    summary = result.summary()
    assert summary["errors"] == 0, summary["error_examples"]
    ops = {sample.op for sample in result.samples}
    assert {"browse", "search", "course", "content", "section", "progress", "dashboard"} <= ops
    assert summary["requests"] == len(result.samples) > 0
    assert float(summary["p50_ms"]) <= float(summary["p99_ms"])  # type: ignore[arg-type]
    assert "Traceback" not in sqlite_server.log_text()


@pytest.mark.parametrize("api", ["http://192.0.2.1:8000/api/v1", "http://example.org/api/v1"])
def test_load_generator_is_loopback_only(api: str) -> None:
    with pytest.raises(SystemExit):
        check_loopback(api)
