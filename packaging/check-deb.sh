#!/usr/bin/env bash
# End-to-end check of the Debian package on this machine (as root): builds the .deb, installs it with dpkg -i,
# starts the installed app under Xvfb and waits for its window and first frame, takes a screenshot
# (packaging/target/check/window.png, not committed), runs `pullfix --version` and `pullfix lab --help` from PATH,
# removes the package and verifies that the user's data (~/.local/share/pullfix) is left alone.
# Idempotent: installs what it needs with apt-get, removes an earlier install first.
# Usage: packaging/check-deb.sh [--no-build | --app-built]
#   (no option)  mvn -Ppackage -DskipTests package, then the checks
#   --app-built  app/target/pullfix.jar + lib/ are already there (e.g. after `mvn verify`): only packaging/build.sh
#   --no-build   reuse packaging/target/installers/pullfix_*.deb
set -uo pipefail
cd "$(dirname "$0")/.."
START=$(date +%s)
OUT=packaging/target/check
PASS=0; FAIL=0
ok()   { PASS=$((PASS + 1)); echo "  ok   $*"; }
bad()  { FAIL=$((FAIL + 1)); echo "  FAIL $*"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }
die()  { echo "check-deb: $*" >&2; echo "check-deb: $PASS passed, $((FAIL + 1)) failed"; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (dpkg -i)"

# --- tools (apt-get update only when something is missing)
need=()
for pair in xvfb-run:xvfb xdotool:xdotool import:imagemagick xprop:x11-utils fakeroot:fakeroot objcopy:binutils \
            desktop-file-validate:desktop-file-utils; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair#*:}")
done
for lib in libgtk-3-0 libgl1; do
    dpkg-query -W -f='${Status}' "$lib" 2>/dev/null | grep -q 'install ok installed' || need+=("$lib")
done
if [ ${#need[@]} -gt 0 ]; then
    echo "check-deb: installing ${need[*]}"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"; } >/dev/null \
        || die "apt-get install ${need[*]} failed"
fi

# --- build
# gzip instead of dpkg-deb's default xz: the same package, built in seconds rather than minutes
export DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-gzip} PULLFIX_TYPES=deb
mkdir -p packaging/target
case "${1:-}" in
    --no-build) ;;
    --app-built)
        echo "check-deb: building the .deb (packaging/build.sh on app/target)"
        packaging/build.sh > packaging/target/build.log 2>&1 \
            || { tail -30 packaging/target/build.log; die "build failed (packaging/target/build.log)"; } ;;
    "")
        echo "check-deb: building the .deb (mvn -Ppackage -DskipTests package)"
        mvn -B -q -Ppackage -DskipTests package > packaging/target/build.log 2>&1 \
            || { tail -30 packaging/target/build.log; die "build failed (packaging/target/build.log)"; } ;;
    *) die "unknown option $1 (--no-build | --app-built)" ;;
esac
DEB=$(ls -t packaging/target/installers/pullfix_*.deb 2>/dev/null | head -1)
[ -n "$DEB" ] || die "no packaging/target/installers/pullfix_*.deb"
rm -rf "$OUT"; mkdir -p "$OUT"
echo "check-deb: $DEB ($(du -h "$DEB" | cut -f1))"

# --- a user with data from an earlier version: backups and the audit log must survive the uninstall
USER_HOME=$(mktemp -d /tmp/pullfix-check-home.XXXXXX)
DATA="$USER_HOME/.local/share/pullfix"
mkdir -p "$DATA/backups"
echo '{"kind":"ConfigMap","metadata":{"name":"aws-auth"}}' > "$DATA/backups/aws-auth-20260101T000000Z.json"
echo '2026-01-01T00:00:00Z apply patch-service-account-role ok' > "$DATA/audit.log"
SUM_BEFORE=$(cd "$DATA" && find . -type f -exec sha256sum {} + | sort)

# --- install
dpkg -s pullfix >/dev/null 2>&1 && dpkg --purge pullfix >/dev/null
check "dpkg -i installs the package" sh -c "dpkg -i '$DEB' > '$OUT/dpkg-install.log' 2>&1"
check "the package depends on GTK 3" sh -c "dpkg-deb -f '$DEB' Depends | grep -q libgtk-3-0"
check "pullfix is on PATH" test "$(command -v pullfix)" = /usr/bin/pullfix
check "the desktop entry is installed and valid" desktop-file-validate /usr/share/applications/pullfix.desktop
check "the desktop entry is in Development;System;" grep -qx 'Categories=Development;System;' /usr/share/applications/pullfix.desktop
check "icons are installed 16..512" sh -c 'for s in 16 24 32 48 64 128 256 512; do test -s /usr/share/icons/hicolor/${s}x$s/apps/pullfix.png || exit 1; done'
check "the CDS archive is installed" test -s /opt/pullfix/lib/app/pullfix.jsa

# --- the window, under Xvfb, started the way a desktop starts it
cat > "$OUT/gui.sh" <<'GUI'
#!/usr/bin/env bash
# runs inside xvfb-run: start the installed app, wait for its window and first frame, screenshot, quit
out=$1
HOME=$2 JAVA_TOOL_OPTIONS="-Dpullfix.startup.log=true -Xlog:cds=info:file=$out/cds.log -Xlog:class+load=info:file=$out/classload.log" pullfix > "$out/app.log" 2>&1 &
app=$!
win=""
for _ in $(seq 1 120); do                       # up to 60 s on a loaded machine
    win=$(xdotool search --name '^Pullfix$' 2>/dev/null | head -1)
    [ -n "$win" ] && grep -q 'pullfix: first frame' "$out/app.log" && break
    kill -0 $app 2>/dev/null || break
    sleep 0.5
done
sleep 1
echo "window=$win" > "$out/gui.result"
if [ -n "$win" ]; then
    xprop -id "$win" WM_CLASS _NET_WM_NAME >> "$out/gui.result" 2>&1
    import -window root "$out/window.png"
fi
kill $app 2>/dev/null; wait $app 2>/dev/null
exit 0
GUI
chmod +x "$OUT/gui.sh"
timeout 120 xvfb-run -a -s "-screen 0 1280x860x24" "$OUT/gui.sh" "$PWD/$OUT" "$USER_HOME" || true
check "the installed app opens a window named Pullfix" grep -q '^window=[0-9]' "$OUT/gui.result"
check "the app logs its first frame" grep -q 'pullfix: first frame' "$OUT/app.log"
check "the screenshot was taken ($OUT/window.png)" test -s "$OUT/window.png"
grep -h 'first frame' "$OUT/app.log" | sed 's/^/       /'
check "JavaFX unpacked nothing into the user's home (~/.openjfx)" test ! -e "$USER_HOME/.openjfx"
check "the launcher maps the CDS archive" grep -q 'Opened archive /opt/pullfix/lib/app/pullfix.jsa' "$OUT/cds.log"
check "the app's own classes come from the archive (postinst re-dump)" \
    grep -q 'dev.pullfix.cli.Main source: shared objects file' "$OUT/classload.log"

# --- the command line from PATH
VERSION_OUT=$(HOME=$USER_HOME pullfix --version 2>&1); echo "       pullfix --version: $VERSION_OUT"
check "pullfix --version prints the version" sh -c "echo '$VERSION_OUT' | grep -Eq '^pullfix [0-9]+\.[0-9]+'"
HOME=$USER_HOME pullfix lab --help > "$OUT/lab-help.txt" 2>&1; rc=$?
check "pullfix lab --help exits 0 with its usage" sh -c "[ $rc = 0 ] && grep -q 'Usage: pullfix lab' '$OUT/lab-help.txt'"

# --- uninstall: the app goes, the user's data stays
check "dpkg -r removes the package" sh -c "dpkg -r pullfix > '$OUT/dpkg-remove.log' 2>&1"
check "the command, desktop entry and icons are gone" sh -c '! test -e /usr/bin/pullfix && ! test -e /usr/share/applications/pullfix.desktop && ! test -e /usr/share/icons/hicolor/48x48/apps/pullfix.png && ! test -e /opt/pullfix/bin/Pullfix'
dpkg --purge pullfix > /dev/null 2>&1
check "nothing of the app is left in /opt/pullfix" test ! -e /opt/pullfix
SUM_AFTER=$(cd "$DATA" && find . -type f -exec sha256sum {} + | sort)
check "the user's backups and audit log are left as they were" test "$SUM_BEFORE" = "$SUM_AFTER"
rm -rf "$USER_HOME"

echo "check-deb: took $(( $(date +%s) - START )) s; screenshot $OUT/window.png"
echo "check-deb: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
