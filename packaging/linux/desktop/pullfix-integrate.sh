#!/bin/sh
# Links the installed app into the system (PATH command, desktop entry, hicolor icons) or unlinks it, and on
# install re-dumps the CDS archive with the app's own classes (see cds_for_this_place).
# Called by the deb postinst/prerm and the rpm %post/%preun; touches nothing under users' homes, so their
# backups and audit log ($XDG_DATA_HOME/pullfix, ~/.local/share/pullfix) survive an uninstall.
#   pullfix-integrate.sh install|remove
set -e
APP=/opt/pullfix
HERE=$APP/lib/app/desktop
SIZES="16 24 32 48 64 128 256 512"

refresh() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q /usr/share/applications || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f /usr/share/icons/hicolor/index.theme ]; then
        gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
    fi
}

# The packaged archive holds the JDK and JavaFX classes only: JDK 17 ties archived class-path classes to the
# absolute jar paths, known only now. Dump it again here with the class list of the build's training run (no
# display needed: -Xshare:dump loads the listed classes and exits). On any failure the packaged archive stays.
cds_for_this_place() {
    jsa=$APP/lib/app/pullfix.jsa
    list=$APP/lib/app/pullfix.classlist
    [ -f "$jsa" ] && [ -f "$list" ] || return 0
    cp -f "$jsa" "$jsa.packaged"
    if JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$list" timeout 180 "$APP/bin/Pullfix" \
            >/dev/null 2>&1 && [ -s "$jsa" ]; then
        rm -f "$jsa.packaged"
    else
        mv -f "$jsa.packaged" "$jsa"
        echo "pullfix: kept the packaged CDS archive" >&2
    fi
}

case "$1" in
    install)
        mkdir -p /usr/bin /usr/share/applications
        ln -sf "$APP/bin/Pullfix" /usr/bin/pullfix
        ln -sf "$HERE/pullfix.desktop" /usr/share/applications/pullfix.desktop
        for s in $SIZES; do
            mkdir -p "/usr/share/icons/hicolor/${s}x${s}/apps"
            ln -sf "$HERE/icons/pullfix-$s.png" "/usr/share/icons/hicolor/${s}x${s}/apps/pullfix.png"
        done
        refresh
        cds_for_this_place || true
        ;;
    remove)
        # only our own links: a pullfix command or entry that is not ours stays
        for l in /usr/bin/pullfix /usr/share/applications/pullfix.desktop; do
            case "$(readlink "$l" 2>/dev/null)" in "$APP"/*) rm -f "$l" ;; esac
        done
        for s in $SIZES; do
            l="/usr/share/icons/hicolor/${s}x${s}/apps/pullfix.png"
            case "$(readlink "$l" 2>/dev/null)" in "$APP"/*) rm -f "$l" ;; esac
        done
        rm -f "$APP/lib/app/pullfix.jsa.packaged"
        refresh
        ;;
    *)
        echo "usage: $0 install|remove" >&2
        exit 2
        ;;
esac
