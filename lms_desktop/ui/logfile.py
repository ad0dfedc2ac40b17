"""A rotating log file in the platform's log directory, and crash reports written to it.

Windowed builds on Windows and macOS have no console, so everything a learner's problem leaves behind must
be in a file: our loggers, uncaught exceptions (`sys.excepthook`, `threading.excepthook`) and hard crashes
(`faulthandler`, which writes the Python stacks of every thread on a fatal signal). The file rotates at
1 MB with three old copies kept, so it never grows without bound.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

LOG_NAME = "lms-desktop.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("lms_desktop")

_fault_file: IO[str] | None = None
_handler: logging.Handler | None = None


def default_log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir("lms-desktop", appauthor=False))


def log_file() -> Path | None:
    """The file being written, if logging to a file was set up."""
    if isinstance(_handler, logging.handlers.RotatingFileHandler):
        return Path(_handler.baseFilename)
    return None


def setup(log_dir: Path | None = None) -> Path | None:
    """Log to `log_dir`/lms-desktop.log (default: the platform's user log dir) and hook crash reporting.

    Returns the log file, or None when the directory cannot be written (the app still runs, with a
    warning on stderr)."""
    global _handler, _fault_file
    directory = log_dir or default_log_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            directory / LOG_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as exc:
        print(f"lms-desktop: cannot write the log in {directory}: {exc}", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    root.addHandler(handler)
    _handler = handler
    try:
        if _fault_file is not None:
            _fault_file.close()
        _fault_file = (directory / "crash.log").open(
            "a", encoding="utf-8"
        )  # kept open: faulthandler writes here
        faulthandler.enable(_fault_file, all_threads=True)
    except OSError as exc:
        log.warning("faulthandler not enabled: %s", exc)
    install_excepthooks()
    return directory / LOG_NAME


def shutdown() -> None:
    """Detach the file handler and faulthandler (tests; the app keeps them until it exits)."""
    global _handler, _fault_file
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
    if _fault_file is not None:
        faulthandler.disable()
        _fault_file.close()
        _fault_file = None


#: called with (summary, details) for an uncaught exception, after it is logged (the UI shows it)
type CrashListener = Callable[[str, str], None]
_listeners: list[CrashListener] = []


def on_unhandled(listener: CrashListener) -> Callable[[], None]:
    _listeners.append(listener)
    return lambda: _listeners.remove(listener) if listener in _listeners else None


def report_unhandled(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None, where: str = ""
) -> None:
    """Log an uncaught exception with its traceback and tell the listeners (the UI's error message)."""
    import traceback

    details = "".join(traceback.format_exception(kind, value, tb))
    log.error("unhandled error%s:\n%s", f" in {where}" if where else "", details.rstrip())
    summary = str(value) or kind.__name__
    for listener in list(_listeners):
        try:
            listener(summary, details)
        except Exception:  # a broken listener must never hide the original error
            log.exception("error listener failed")


def install_excepthooks() -> None:
    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        report_unhandled(kind, value, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            name = args.thread.name if args.thread is not None else "a thread"
            report_unhandled(args.exc_type, args.exc_value, args.exc_traceback, name)

    sys.excepthook = hook
    threading.excepthook = thread_hook
