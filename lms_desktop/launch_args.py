"""`lms-desktop`'s command line: our options through argparse, Qt's own options handed to Qt.

Qt reads its options (`-platform offscreen`, `-style fusion`, `-reverse`...) from the argv given to
QApplication. They are recognised here from Qt's documented list, so `--help` lists both kinds and any other
option is an error (a mistyped `--sever` stops with a message instead of being ignored).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from lms_desktop import APP_NAME

DEMO_COURSES = 3000

# QGuiApplication / QApplication options (one or two leading dashes), with what they take
QT_VALUE_OPTIONS = {
    "platform": "platform plugin, e.g. offscreen, xcb, wayland",
    "platformpluginpath": "where platform plugins are searched",
    "platformtheme": "platform theme",
    "plugin": "an extra plugin to load, e.g. evdevmouse",
    "qwindowgeometry": "geometry of the first window, e.g. 1200x800+0+0",
    "qwindowicon": "icon of the first window",
    "qwindowtitle": "title of the first window",
    "style": "widget style, e.g. fusion",
    "stylesheet": "a Qt style sheet file",
    "session": "restore a session",
    "display": "X11 display",
    "geometry": "X11: geometry of the main window",
}
QT_FLAG_OPTIONS = {
    "reverse": "right-to-left layout",
    "widgetcount": "print how many widgets were left at exit",
    "nograb": "X11: never grab mouse or keyboard",
    "dograb": "X11: grab even under a debugger",
    "sync": "X11: synchronous mode, for debugging",
}


def _qt_epilog() -> str:
    lines = ["Qt options (passed to Qt):"]
    lines += [f"  -{name} VALUE".ljust(30) + help for name, help in QT_VALUE_OPTIONS.items()]
    lines += [f"  -{name}".ljust(30) + help for name, help in QT_FLAG_OPTIONS.items()]
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lms-desktop",
        description=f"{APP_NAME}: learn from an LMS server.",
        epilog=_qt_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--server", metavar="URL", help="connect to a running LMS server and sign in")
    parser.add_argument(
        "--data-dir", metavar="DIR", type=Path, help="where the built-in server and cache live"
    )
    parser.add_argument(
        "--reset",
        action="store_true",
        help="start fresh: delete the built-in server's data, the cache and settings",
    )
    parser.add_argument("--demo-courses", type=int, default=DEMO_COURSES, help=argparse.SUPPRESS)
    parser.add_argument("--verbose", "-v", action="store_true", help="log more")
    parser.add_argument("--log-dir", metavar="DIR", type=Path, help="where the log file goes")
    return parser


def split_qt_options(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """(ours, Qt's): Qt's options with their values, `-style=fusion` spelled as Qt reads it."""
    ours: list[str] = []
    qt: list[str] = []
    args = iter(argv)
    for arg in args:
        if arg == "--":  # everything after is ours (and positional: argparse rejects it)
            ours += [arg, *args]
            break
        name, eq, value = arg.lstrip("-").partition("=")
        if not arg.startswith("-") or arg.startswith("---"):
            ours.append(arg)
        elif name in QT_FLAG_OPTIONS and not eq:
            qt.append(f"-{name}")
        elif name in QT_VALUE_OPTIONS:
            value = value if eq else next(args, "")
            if not value:
                build_parser().error(f"Qt option -{name} expects a value")
            qt += [f"-{name}", value]
        else:
            ours.append(arg)
    return ours, qt


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Our options (unknown ones exit with status 2 and a message); Qt's land in `qt_args`."""
    ours, qt = split_qt_options(argv)
    args = build_parser().parse_args(ours)
    args.qt_args = qt
    return args
