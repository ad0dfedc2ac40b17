#!/bin/sh
# One entry point for people and CI: finds a Python >= 3.12 by itself, keeps a project virtual environment
# in .venv up to date, then runs the app, the tests or the benchmarks. `run` installs the app alone (no
# PostgreSQL or Redis drivers, no test tools); every install is held to the tested versions in
# packaging/test.lock.
#   sh packaging/lms.sh run [lms-desktop args]   install what is needed and launch the app
#   sh packaging/lms.sh test [pytest args]       install what is needed and run the whole test suite
#   sh packaging/lms.sh bench                    run the benchmarks and write bench-report/
#   sh packaging/lms.sh server [lms-server args] run the bundled server's command line
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$here"
venv="${LMS_VENV:-$here/.venv}"

ok_python() { # usable interpreter: runs, and is 3.12 or newer
    "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1
}

find_python() {
    if [ -n "${LMS_PYTHON:-}" ] && ok_python "$LMS_PYTHON"; then echo "$LMS_PYTHON"; return; fi
    for cand in python3.14 python3.13 python3.12 python3 python; do
        if command -v "$cand" >/dev/null 2>&1 && ok_python "$cand"; then command -v "$cand"; return; fi
    done
    # pyenv installs that are not the selected version are not on PATH through the shims
    root=$( (pyenv root) 2>/dev/null || echo "$HOME/.pyenv")
    for cand in "$root"/versions/3.1[2-9]*/bin/python3 /usr/local/bin/python3.1[2-9] /opt/python*/bin/python3; do
        if [ -x "$cand" ] && ok_python "$cand"; then echo "$cand"; return; fi
    done
    echo "LMS Desktop needs Python 3.12 or newer (PySide6 6.12 aborts on 3.11); none was found." >&2
    echo "Install one, or point LMS_PYTHON at it." >&2
    exit 1
}

ensure_venv() { # $1: what to install: app (the app alone), server (+ database/cache drivers), test, bench
    what="$1"
    if [ ! -x "$venv/bin/python" ] || ! ok_python "$venv/bin/python"; then
        py=$(find_python)
        echo "Creating $venv with $py" >&2
        rm -rf "$venv"
        "$py" -m venv "$venv"
        "$venv/bin/python" -m pip install --quiet --upgrade pip
    fi
    case "$what" in
        app) spec="." ;;
        server) spec=".[postgres,redis]" ;;
        test) spec=".[test]" ;;
        bench) spec=".[test,bench]" ;;
    esac
    lock="packaging/test.lock"
    stamp="$venv/.lms-installed-$what"
    want=$(cat pyproject.toml "$lock" | cksum)
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
        echo "Installing lms-desktop ($what: pip install -e $spec) into $venv" >&2
        # every set installs the versions the tests ran with: the lock is a constraint on all of them
        "$venv/bin/python" -m pip install --quiet -c "$lock" -e "$spec"
        echo "$want" >"$stamp"
    fi
}

cmd="${1:-run}"
[ $# -gt 0 ] && shift
case "$cmd" in
    run)    ensure_venv "app"; exec "$venv/bin/python" -m lms_desktop "$@" ;;
    server) ensure_venv "server"; exec "$venv/bin/python" -m lms_desktop.server.cli "$@" ;;
    test)   ensure_venv "test"; exec "$venv/bin/python" -m pytest "$@" ;;
    bench)  ensure_venv "bench"; exec "$venv/bin/python" tests/benchmarks/run_all.py "$@" ;;
    python) ensure_venv "test"; exec "$venv/bin/python" "$@" ;;
    *) echo "usage: sh packaging/lms.sh run|test|bench|server|python [args]" >&2; exit 2 ;;
esac
