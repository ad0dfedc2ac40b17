#!/bin/sh
# Builds the one-folder desktop app with PyInstaller (packaging/lms-desktop.spec), then checks that the built
# binary starts offscreen: it must print its version and pass its bundle self-test.
#   sh packaging/build_app.sh [--dist DIR] [--work DIR] [--no-check]
#     --dist      where the app folder goes (default: dist/, giving dist/lms-desktop/lms-desktop)
#     --work      PyInstaller's scratch folder (default: build/pyinstaller)
#     --no-check  build only
# Uses the project's .venv (created by packaging/lms.sh if missing) and installs PyInstaller into it if needed.
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$here"
dist="$here/dist"
work="$here/build/pyinstaller"
check=1
while [ $# -gt 0 ]; do
    case "$1" in
        --dist) dist="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        --no-check) check=0; shift ;;
        -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done

py="${LMS_VENV:-$here/.venv}/bin/python"
if [ ! -x "$py" ]; then
    sh "$here/packaging/lms.sh" python -c "" # creates .venv with the project installed
fi
if ! "$py" -c "import PyInstaller" >/dev/null 2>&1; then
    echo "installing PyInstaller into $(dirname "$(dirname "$py")") (the 'package' extra's bound)" >&2
    "$py" -m pip install --quiet "pyinstaller>=6.10"
fi

# PyInstaller bundles the system libraries it finds here; any the xcb plugin cannot find now become the
# target machine's problem, so say which (Debian/Ubuntu package names in the README).
if [ "$(uname -s)" = Linux ] && command -v ldd >/dev/null 2>&1; then
    xcb=$("$py" -c "import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent / 'Qt/plugins/platforms/libqxcb.so')")
    missing=$(ldd "$xcb" 2>/dev/null | awk '/not found/ {print $1}' | tr '\n' ' ')
    if [ -n "$missing" ]; then
        echo "warning: not bundled (missing on this machine), the target must have them: $missing" >&2
    fi
fi

start=$(date +%s)
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$work" "$here/packaging/lms-desktop.spec"
seconds=$(( $(date +%s) - start ))
app="$dist/lms-desktop"
case "$(uname -s)" in
    Linux*) cp "$here/resources/linux/install-desktop-entry.sh" "$app/" ;; # menu entry pointing at this folder
esac
size=$(du -sh "$app" | cut -f1)
echo "built $app in ${seconds}s, $size" >&2

if [ "$check" = 1 ]; then
    exe="$app/lms-desktop"
    [ -x "$exe" ] || exe="$app/lms-desktop-console.exe" # Windows (Git Bash): the console twin prints
    QT_QPA_PLATFORM=offscreen "$exe" --version
    QT_QPA_PLATFORM=offscreen "$exe" --bundle-self-test
    echo "check passed: $exe starts offscreen" >&2
fi
