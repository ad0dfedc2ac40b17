"""How each server setting is given: an environment variable, and for some a command-line option.

`Settings` (`config.py`) declares its fields once, each with an `Option` in its metadata; the environment
(`from_env`), the trip to uvicorn's worker processes (`to_env`) and `lms-server`'s options (`add_arguments`,
`from_args`) are all derived from them, so a new setting cannot be missing from one of them.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal

Scope = Literal["common", "serve"]


class BadSetting(ValueError):
    """A variable whose value its setting cannot take (the message names it)."""


@dataclass(frozen=True, slots=True)
class Option:
    """env: the variable; flag: the command-line option (None: environment only), given to the `common`
    options of every command or to `serve` only; scale: the field's units per the option's (MB -> bytes);
    negated: a bool option that turns its field off (`--no-access-log`)."""

    env: str
    flag: str | None = None
    help: str | None = None
    metavar: str | None = None
    scope: Scope = "serve"
    scale: int = 1
    negated: bool = False


def option(env: str, flag: str | None = None, **kwargs: Any) -> dict[str, Option]:
    """A field's metadata: `field(default=..., metadata=option("LMS_X", "--x", help=...))`."""
    return {"lms": Option(env, flag, **kwargs)}


def _bool(text: str) -> bool:
    return text.strip().lower() not in ("0", "false", "no", "off")


# the field's annotation -> (its value as text, the value from text)
_CODECS: dict[str, tuple[Callable[[Any], str], Callable[[str], Any]]] = {
    "str": (str, str),
    "str | None": (str, str),
    "int": (str, int),
    "float": (str, float),
    "bool": (lambda v: "1" if v else "0", _bool),
    "Path": (str, Path),
    "Path | None": (str, Path),
    "timedelta": (lambda v: str(int(v.total_seconds())), lambda s: timedelta(seconds=int(s))),
}


def _fields(cls: type) -> list[tuple[dataclasses.Field[Any], Option]]:
    return [(f, f.metadata["lms"]) for f in dataclasses.fields(cls) if "lms" in f.metadata]


def _codec(f: dataclasses.Field[Any]) -> tuple[Callable[[Any], str], Callable[[str], Any]]:
    return _CODECS[str(f.type)]


def to_env(settings: Any) -> dict[str, str]:
    """Every set field as its variable (a None is left out: unset means the default)."""
    env: dict[str, str] = {}
    for f, opt in _fields(type(settings)):
        value = getattr(settings, f.name)
        if value is not None:
            env[opt.env] = _codec(f)[0](value)
    return env


def env_changes(cls: type, env: Mapping[str, str]) -> dict[str, Any]:
    """The fields whose variables are set (not empty) in `env`; a bad value raises BadSetting."""
    changes: dict[str, Any] = {}
    for f, opt in _fields(cls):
        text = env.get(opt.env)
        if text:
            try:
                changes[f.name] = _codec(f)[1](text)
            except ValueError as exc:
                raise BadSetting(f"{opt.env}={text!r}: {exc}") from None
    return changes


def add_arguments(parser: argparse.ArgumentParser, cls: type, scope: Scope) -> None:
    """The options of `scope`'s fields. Each defaults to None (not given): the field keeps the value its
    variable or its default gives it."""
    for f, opt in _fields(cls):
        if opt.flag is None or opt.scope != scope:
            continue
        help_text = f"{opt.help or ''} ({_default_text(f, opt)}${opt.env})".strip()
        if str(f.type) == "bool":
            parser.add_argument(
                opt.flag,
                dest=f.name,
                action="store_const",
                const=not opt.negated,
                default=None,
                help=help_text,
            )
            continue
        kind: Callable[[str], Any] = float if opt.scale != 1 else _codec(f)[1]
        parser.add_argument(
            opt.flag, dest=f.name, type=kind, default=None, metavar=opt.metavar, help=help_text
        )


def _default_text(f: dataclasses.Field[Any], opt: Option) -> str:
    """ "default X; " for a plain default worth showing, else nothing."""
    if f.default is dataclasses.MISSING or f.default in (None, "") or str(f.type) == "bool":
        return ""
    value = f.default / opt.scale if opt.scale != 1 else f.default
    return f"default {value:g}; " if isinstance(value, float) else f"default {value}; "


def arg_changes(cls: type, args: argparse.Namespace) -> dict[str, Any]:
    """The fields given on the command line."""
    changes: dict[str, Any] = {}
    for f, opt in _fields(cls):
        value = getattr(args, f.name, None) if opt.flag is not None else None
        if value is not None:
            changes[f.name] = int(value * opt.scale) if opt.scale != 1 else value
    return changes
