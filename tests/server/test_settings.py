"""Server settings (`server/config.py`, `server/options.py`): the environment, the command line and the trip
to worker processes come from the same fields, so none can leave one out."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from lms_desktop.server.cli import build_parser
from lms_desktop.server.config import Settings


def _changed(f: dataclasses.Field[Any], value: Any) -> Any:
    """A value of the field's type that is not its default."""
    kind = str(f.type)
    if kind == "bool":
        return not value
    if kind in ("int", "float"):
        return value + 7
    if kind == "timedelta":
        return value + timedelta(seconds=42)
    if kind in ("Path", "Path | None"):
        return Path(f"/tmp/settings-test/{f.name}")
    return f"{f.name}-changed"  # str, str | None


def test_every_field_has_a_variable_and_survives_the_trip_to_a_worker(tmp_path: Path) -> None:
    base = Settings(data_dir=tmp_path)
    fields = dataclasses.fields(Settings)
    assert all("lms" in f.metadata for f in fields), [f.name for f in fields if "lms" not in f.metadata]
    changed = base.with_(**{f.name: _changed(f, getattr(base, f.name)) for f in fields})
    env = changed.to_env()
    assert len(env) == len(fields)  # every field, none left out
    assert Settings.from_env(env) == changed


def test_unset_and_empty_variables_keep_the_defaults(tmp_path: Path) -> None:
    env = {"LMS_DATA_DIR": str(tmp_path), "LMS_REDIS_URL": "", "LMS_SLOW_QUERY_MS": ""}
    assert Settings.from_env(env) == Settings(data_dir=tmp_path)


def test_a_bad_variable_is_named() -> None:
    with pytest.raises(ValueError, match="LMS_PORT"):
        Settings.from_env({"LMS_PORT": "eighty"})


def test_options_override_the_environment_which_overrides_the_defaults(tmp_path: Path) -> None:
    env = {"LMS_DATA_DIR": str(tmp_path), "LMS_SLOW_QUERY_MS": "50", "LMS_PORT": "9000"}
    args = build_parser().parse_args(["serve", "--port", "9001", "--hot-cache-mb", "1.5", "--no-access-log"])
    settings = Settings.from_env(env).from_args(args)
    assert settings.port == 9001 and settings.slow_query_ms == 50.0
    assert settings.hot_cache_bytes == int(1.5 * 1024 * 1024) and settings.access_log is False
    assert settings.server_timing is False  # not given: the default


def test_serve_help_lists_every_option_with_its_variable(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["serve", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for f in dataclasses.fields(Settings):
        opt = f.metadata["lms"]
        if opt.flag is not None:
            assert opt.flag in text and f"${opt.env}" in text, f.name
