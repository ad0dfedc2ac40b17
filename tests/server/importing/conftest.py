"""Import tests: a migrated database on each engine, with the data folder a server would use."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from lms_desktop.server.db.engine import Database
from lms_desktop.server.importing.service import ImportTarget
from tests.fixtures.instrumented import InstrumentedServer
from tests.server.db_support import engine_params, open_migrated, url_for


@dataclass
class ImportEnv:
    url: str
    db: Database
    data_dir: Path
    target: ImportTarget

    def serve(self) -> InstrumentedServer:
        """The real server over the same database and data folder (assets, covers), counting requests."""
        return InstrumentedServer(self.url, data_dir=self.data_dir).start()


@pytest.fixture(params=engine_params())
def env(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ImportEnv]:
    url = url_for(request.param, request, tmp_path)
    db = open_migrated(url)
    data_dir = tmp_path / "data"
    target = ImportTarget(
        db=db,
        assets_dir=data_dir / "assets",
        images_dir=data_dir / "images",
        scratch_dir=data_dir / "import-tmp",
    )
    try:
        yield ImportEnv(url, db, data_dir, target)
    finally:
        db.close()
