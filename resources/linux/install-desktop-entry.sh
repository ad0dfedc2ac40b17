#!/bin/sh
# Adds LMS Desktop to the desktop's application menu (freedesktop: .desktop entry, AppStream metainfo and the
# icon in the hicolor theme), for one user by default. Works from a source checkout, an installed wheel and
# the PyInstaller folder, because it finds the files relative to itself.
#   sh install-desktop-entry.sh [--prefix DIR] [--exec COMMAND] [--uninstall]
#     --prefix   installs into DIR/share (default: $XDG_DATA_HOME or ~/.local/share; /usr/local for everyone)
#     --exec     the command the menu runs (default: the bundle's binary beside this script, else lms-desktop)
#     --uninstall removes what an install with the same --prefix added
set -eu

app_id=org.lmsdesktop.LMSDesktop
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
share=$data_home
exec_cmd=""
uninstall=0

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) share="$2/share"; shift 2 ;;
        --exec) exec_cmd="$2"; shift 2 ;;
        --uninstall) uninstall=1; shift ;;
        -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done

# The resources folder: this script sits in resources/linux (checkout, wheel) or at the top of the bundle.
if [ -d "$here/../icons" ]; then
    res=$(CDPATH= cd -- "$here/.." && pwd)
elif [ -d "$here/_internal/lms_desktop/resources/icons" ]; then
    res="$here/_internal/lms_desktop/resources"
else
    echo "cannot find the icons next to $here" >&2
    exit 1
fi

sizes="16 24 32 48 64 128 256 512"
desktop="$share/applications/$app_id.desktop"
metainfo="$share/metainfo/$app_id.metainfo.xml"

refresh() { # caches are optional: menus pick the files up without them, just later
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
}

if [ "$uninstall" = 1 ]; then
    rm -f "$desktop" "$metainfo" "$share/icons/hicolor/scalable/apps/$app_id.svg"
    for n in $sizes; do rm -f "$share/icons/hicolor/${n}x${n}/apps/$app_id.png"; done
    refresh
    echo "removed $app_id from $share"
    exit 0
fi

if [ -z "$exec_cmd" ]; then
    if [ -x "$here/lms-desktop" ]; then
        exec_cmd="$here/lms-desktop"      # the PyInstaller folder
    elif command -v lms-desktop >/dev/null 2>&1; then
        exec_cmd=$(command -v lms-desktop)  # a venv's script: absolute, menus do not see the venv's PATH
    else
        exec_cmd=lms-desktop
    fi
fi

mkdir -p "$share/applications" "$share/metainfo" "$share/icons/hicolor/scalable/apps"
for n in $sizes; do
    mkdir -p "$share/icons/hicolor/${n}x${n}/apps"
    cp "$res/icons/lms-desktop-$n.png" "$share/icons/hicolor/${n}x${n}/apps/$app_id.png"
done
cp "$res/icons/lms-desktop.svg" "$share/icons/hicolor/scalable/apps/$app_id.svg"
cp "$res/linux/$app_id.metainfo.xml" "$metainfo"
# Exec and TryExec point at the real command; a path with spaces is quoted as the spec asks.
case "$exec_cmd" in
    *" "*) exec_line="\"$exec_cmd\"" ;;
    *) exec_line="$exec_cmd" ;;
esac
sed -e "s|^Exec=.*|Exec=$exec_line|" -e "s|^TryExec=.*|TryExec=$exec_cmd|" "$res/linux/$app_id.desktop" >"$desktop"
refresh
echo "installed $app_id into $share (runs: $exec_cmd)"
