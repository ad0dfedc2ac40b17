"""httpx without its command-line tool.

`import httpx` also imports `httpx._main`, the `httpx` command, which imports click, rich and pygments
whenever they are installed (the bundled server's uvicorn and Litestar install them): about 45 ms of a
desktop start whose goal is a second, for a command the app never runs. A placeholder takes that module's
place before httpx is first imported; calling its `main` loads the real one.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

CLI_MODULE = "httpx._main"


def _real_main(*args: Any, **kwargs: Any) -> Any:
    sys.modules.pop(CLI_MODULE, None)
    return importlib.import_module(CLI_MODULE).main(*args, **kwargs)


def skip_httpx_cli() -> None:
    """Before httpx is imported: let it bind the placeholder. Afterwards: nothing to save, nothing done."""
    if "httpx" in sys.modules or CLI_MODULE in sys.modules:
        return
    placeholder = types.ModuleType(CLI_MODULE, "Loads httpx's command-line tool when it is called.")
    placeholder.__dict__["main"] = _real_main
    sys.modules[CLI_MODULE] = placeholder
