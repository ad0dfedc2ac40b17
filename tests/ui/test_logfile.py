"""The log file: our messages, uncaught exceptions (main thread and other threads) and fatal crashes end up
in a rotating file in the log directory, since windowed builds have no console."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from lms_desktop.ui import logfile
from lms_desktop.ui.main_window import MainWindow


def test_messages_and_uncaught_exceptions_are_written_to_the_file(tmp_path: Path) -> None:
    hook, thread_hook = sys.excepthook, threading.excepthook
    path = logfile.setup(tmp_path / "logs")
    try:
        assert path == tmp_path / "logs" / logfile.LOG_NAME and logfile.log_file() == path
        seen: list[tuple[str, str]] = []
        stop = logfile.on_unhandled(lambda summary, details: seen.append((summary, details)))
        logging.getLogger("lms_desktop.test").warning("a warning for the file")
        try:
            raise RuntimeError("boom in the main thread")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())  # what Python calls for an uncaught exception

        def crash() -> None:
            raise KeyError("boom in a worker")

        worker = threading.Thread(target=crash, name="lms-test-worker")
        worker.start()
        worker.join()
        stop()
        text = path.read_text(encoding="utf-8")
        assert "a warning for the file" in text
        assert "RuntimeError: boom in the main thread" in text and "Traceback" in text
        assert "KeyError: 'boom in a worker'" in text and "lms-test-worker" in text
        assert [s for s, _d in seen] == ["boom in the main thread", "'boom in a worker'"]
        assert "Traceback" in seen[0][1]
    finally:
        logfile.shutdown()
        sys.excepthook, threading.excepthook = hook, thread_hook


def test_the_file_rotates(tmp_path: Path) -> None:
    path = logfile.setup(tmp_path)
    try:
        assert path is not None
        line = "x" * 1000
        for _ in range(logfile.MAX_BYTES // 1000 + 50):
            logging.getLogger("lms_desktop.test").warning(line)
        assert (tmp_path / f"{logfile.LOG_NAME}.1").exists()
        assert path.stat().st_size <= logfile.MAX_BYTES
    finally:
        logfile.shutdown()


def test_a_fatal_crash_leaves_the_python_stacks_in_the_log_dir(tmp_path: Path) -> None:
    code = (
        "import sys, faulthandler; from pathlib import Path; from lms_desktop.ui import logfile; "
        "logfile.setup(Path(sys.argv[1])); faulthandler._sigsegv()"
    )
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, timeout=60)
    assert done.returncode != 0
    crash = (tmp_path / "crash.log").read_text(encoding="utf-8")
    assert "Fatal Python error" in crash and "Segmentation fault" in crash


def test_open_log_folder_says_where_the_log_is_when_no_file_manager_opens(
    qtbot: QtBot, learner_window: MainWindow, tmp_path: Path
) -> None:
    path = logfile.setup(tmp_path / "logs")
    try:
        learner_window.commands.open_log.trigger()  # offscreen has no file manager to open
        assert path is not None
        assert any(str(path) in text for text in learner_window.toaster.history)
    finally:
        logfile.shutdown()
