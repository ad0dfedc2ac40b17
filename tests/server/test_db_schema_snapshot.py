"""Each migration step leaves exactly the schema pictured in tests/server/schema/ on both engines.

The pictures were taken from the migrations as they stood before they were split into helpers, so a
refactor of a migration that changes any table, column, default, constraint, index, trigger, function or
inserted row fails here. See tests/server/schema_snapshot.py to regenerate after a deliberate change.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests.server.db_support import engine_params, url_for
from tests.server.schema_snapshot import STEPS, pictures, snapshot_path


@pytest.mark.parametrize("kind", engine_params())
def test_each_migration_step_leaves_the_pictured_schema(
    kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    seen = []
    for step, text in pictures(url_for(kind, request, tmp_path)):
        seen.append(step)
        expected = snapshot_path(kind, step).read_text()
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True), text.splitlines(keepends=True), f"{kind}_{step}", "now"
            )
        )
        assert not diff, diff
    assert tuple(seen) == STEPS
